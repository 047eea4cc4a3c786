package io.landscape.impl.experiment.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The runs of Figure 1: data ∈ {gaussian (d = 75), mnist (d = 100)} × target ∈ {low, high, both} × g ∈ {known,
 * learnt} × architecture ∈ {ws, fc} × seeds; k = 5, η = 0.5, batch 128. u₀ is a random direction (per seed and data
 * set) scaled so that u₀ᵀx_l has standard deviation 2 (tanh then acts as a smooth sign; for Gaussian patches
 * ‖u₀‖ = 2). Recorded: the batch loss of every iteration (each batch is fresh, so it estimates the population loss
 * before that step), kept as means over windows of 10 iterations; initialLoss is the loss of the first batch
 * (before any step), finalLoss the mean over the last 100 iterations.
 */
final class SgdExperiment {
    static final int K = 5;
    static final int BATCH = 128;
    static final double ETA = 0.5;
    static final double TARGET_STD = 2;
    static final int WINDOW = 10;
    static final String[] DATA = {"gaussian", "mnist"};
    static final String[] TARGETS = {"low", "high", "both"};
    static final String[] G = {"known", "learnt"};
    static final String[] ARCH = {"ws", "fc"};

    /** One run; {@code seconds} is its wall-clock time, {@code cpuSeconds} its thread's CPU time. */
    record Result(String data, String target, String g, String architecture, long seed, double initialLoss,
            double finalLoss, double[] curve, double seconds, double cpuSeconds) {
    }

    private SgdExperiment() {
    }

    private static volatile MnistPatches mnistPatches;

    static MnistPatches mnist() {
        MnistPatches m = mnistPatches;
        if (m == null) {
            synchronized (SgdExperiment.class) {
                m = mnistPatches;
                if (m == null) {
                    m = new MnistPatches(Mnist.load());
                    mnistPatches = m;
                }
            }
        }
        return m;
    }

    static SgdRun.Source source(String data) {
        return data.equals("gaussian") ? SgdRun.gaussian(75) : mnist();
    }

    /** u₀ for (seed, data): a random direction scaled so that u₀ᵀx_l has standard deviation 2. */
    static double[] u0(SgdRun.Source source, int dataIndex, long seed) {
        int d = source.dimension();
        double[] u = new Rng(seed, 101, dataIndex).direction(d, 1);
        double var;
        if (dataIndex == 0) {
            var = 1;
        } else {
            // estimated on 100,000 patches of a stream fixed by (seed, data)
            Rng r = new Rng(seed, 102, dataIndex);
            double[] x = new double[1000 * d];
            double s2 = 0;
            int n = 0;
            for (int rep = 0; rep < 100; rep++) {
                source.fill(x, 1000, 1, r);
                for (int p = 0; p < 1000; p++) {
                    double s = 0;
                    for (int i = 0; i < d; i++) {
                        s += u[i] * x[p * d + i];
                    }
                    s2 += s * s;
                    n++;
                }
            }
            var = s2 / n;
        }
        double f = TARGET_STD / Math.sqrt(var);
        for (int i = 0; i < d; i++) {
            u[i] *= f;
        }
        return u;
    }

    static Result run(int dataIndex, int targetIndex, int gIndex, int archIndex, long seed, int iterations) {
        long t0 = System.nanoTime();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        SgdRun.Source source = source(DATA[dataIndex]);
        double[] u0 = u0(source, dataIndex, seed);
        SgdRun run = new SgdRun(K, source.dimension(), BATCH, SgdRun.Target.values()[targetIndex], gIndex == 1,
                archIndex == 0, u0, new Rng(seed, 104, dataIndex, targetIndex, gIndex, archIndex));
        Rng data = new Rng(seed, 103, dataIndex, targetIndex, gIndex);
        double[] curve = new double[(iterations + WINDOW - 1) / WINDOW];
        double first = Double.NaN;
        double last = 0;
        int lastN = Math.min(100, iterations);
        for (int it = 0; it < iterations; it++) {
            double loss = run.step(source, data, ETA);
            if (it == 0) {
                first = loss;
            }
            if (it >= iterations - lastN) {
                last += loss / lastN;
            }
            int wdx = it / WINDOW;
            int inWindow = Math.min(WINDOW, iterations - wdx * WINDOW);
            curve[wdx] += loss / inWindow;
        }
        return new Result(DATA[dataIndex], TARGETS[targetIndex], G[gIndex], ARCH[archIndex], seed, first, last, curve,
                (System.nanoTime() - t0) / 1e9, (mx.getCurrentThreadCpuTime() - c0) / 1e9);
    }

    static List<Callable<Result>> tasks(int seeds, int iterations) {
        return tasks(seeds, iterations, (d, t, g) -> true);
    }

    /** The runs of the (data, target, g) combinations {@code selected} accepts, seeds 1..{@code seeds}, in order. */
    interface Selection {
        boolean test(String data, String target, String g);
    }

    static List<Callable<Result>> tasks(int seeds, int iterations, Selection selected) {
        List<Callable<Result>> tasks = new ArrayList<>();
        for (int data = 0; data < DATA.length; data++) {
            for (int t = 0; t < TARGETS.length; t++) {
                for (int g = 0; g < G.length; g++) {
                    if (!selected.test(DATA[data], TARGETS[t], G[g])) {
                        continue;
                    }
                    for (int a = 0; a < ARCH.length; a++) {
                        for (long s = 1; s <= seeds; s++) {
                            int dd = data;
                            int tt = t;
                            int gg = g;
                            int aa = a;
                            long seed = s;
                            tasks.add(() -> run(dd, tt, gg, aa, seed, iterations));
                        }
                    }
                }
            }
        }
        return tasks;
    }
}
