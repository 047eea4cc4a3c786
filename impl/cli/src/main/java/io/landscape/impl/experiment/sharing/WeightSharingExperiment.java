package io.landscape.impl.experiment.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import io.landscape.impl.sharing.SharingTheorems;

/**
 * {@code reproduce weight-sharing}: paper 004 (Shalev-Shwartz, Shamir, Shammah: <i>Weight sharing is crucial to
 * successful optimization</i>) end to end. Parts:
 * <ul>
 *   <li>{@code cosine}: §3, GD on the closed-form cosine-wave losses, WS against FC over a k × ‖u₀‖ grid
 *       ({@link CosineSweep});</li>
 *   <li>{@code erf}: §4, projected GD for WS and the FC escape time from the plateau against d
 *       ({@link ErfParity}, k = 5);</li>
 *   <li>{@code sgd}: §2 / Figure 1, online SGD on Gaussian (d = 75) and MNIST 10×10 patches (d = 100), k = 5,
 *       η = 0.5, batch 128 ({@link SgdRun});</li>
 * </ul>
 * and the theorem checks ({@link SharingTheorems}). Every run has its own seeded random streams; runs are spread over
 * threads and collected in a fixed order, so the results do not depend on the thread count.
 */
public final class WeightSharingExperiment {
    public static final List<String> PARTS = List.of("cosine", "erf", "sgd", "all");

    /**
     * The settings of a reproduction. {@code data}, {@code target} and {@code g} restrict the SGD part (Figure 1) to
     * one data set, target or g ("all": every one); they select runs, they do not change any run: a run's seeds,
     * u₀, initialisation and samples depend only on (data, target, g, architecture, seed), so seeds 1–5 of a
     * restricted run with {@code --seeds 20} are the runs of the full reproduction.
     */
    public record Config(String part, int seeds, boolean quick, int threads, String data, String target, String g) {
        public Config(String part, int seeds, boolean quick, int threads) {
            this(part, seeds, quick, threads, "all", "all", "all");
        }

        public Config {
            check("--data", data, SgdExperiment.DATA);
            check("--target", target, SgdExperiment.TARGETS);
            check("--g", g, SgdExperiment.G);
            if (!PARTS.contains(part)) {
                throw new IllegalArgumentException("--part must be one of cosine, erf, sgd, all; got '" + part + "'");
            }
            if ((part.equals("cosine") || part.equals("erf"))
                    && !(data.equals("all") && target.equals("all") && g.equals("all"))) {
                throw new IllegalArgumentException("--data, --target and --g select Figure 1's runs: they need --part "
                        + "sgd or all, not --part " + part);
            }
            if (seeds < 1 || seeds > 1000) {
                throw new IllegalArgumentException("--seeds must be between 1 and 1000, got " + seeds);
            }
            if (threads < 0) {
                throw new IllegalArgumentException("--threads must be at least 0, got " + threads);
            }
        }

        private static void check(String option, String value, String[] allowed) {
            if (!value.equals("all") && !List.of(allowed).contains(value)) {
                throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed)
                        + ", all; got '" + value + "'");
            }
        }

        /** Whether the SGD part runs this (data, target, g) combination. */
        boolean sgdRuns(String d, String t, String gg) {
            return (data.equals("all") || data.equals(d)) && (target.equals("all") || target.equals(t))
                    && (g.equals("all") || g.equals(gg));
        }

        boolean runs(String p) {
            return part.equals("all") || part.equals(p);
        }

        int[] cosineK() {
            return new int[] {1, 2, 5, 10, 20};
        }

        double[] cosineNorms() {
            return quick ? new double[] {0.5, 1, 2} : new double[] {0.25, 0.5, 0.75, 1, 1.25, 1.5, 2};
        }

        int cosineD() {
            return 5;
        }

        long cosineHorizon() {
            return 100_000;
        }

        int erfK() {
            return 5;
        }

        int[] erfD() {
            return quick ? new int[] {25, 50, 100} : new int[] {25, 50, 75, 100, 150, 200, 300, 400};
        }

        long erfFcHorizon() {
            return quick ? 100_000 : 2_000_000;
        }

        long erfWsHorizon() {
            return 100_000;
        }

        int sgdIterations() {
            return quick ? 600 : 3000;
        }
    }

    /**
     * What a reproduction computed; {@code sgdCpuSeconds} is the CPU time of the SGD runs' threads (summed over
     * runs; the wall-clock {@code sgdSeconds} is less on several cores, more on a loaded machine).
     */
    public record Result(Config config, List<CosineSweep.Result> cosine, List<ErfParity.Result> erf,
            List<SgdExperiment.Result> sgd, Theorems theorems, double cosineSeconds, double erfSeconds,
            double sgdSeconds, double sgdCpuSeconds, double wallSeconds) {
    }

    /** The theorem checks' numbers. */
    public record Theorems(List<Thm2> thm2, List<SharingTheorems.RingCheck> thm1, List<double[]> lemma2,
            List<SharingTheorems.Lemma6> lemma6, List<double[]> lemma8, double lemma5Threshold, double lemma5C1AtZero) {
    }

    public record Thm2(int k, double min, double max, double printedLow, double printedHigh, double correctedLow,
            double correctedHigh) {
    }

    static final double ERF_WS_STEP = 1;
    static final double ERF_FC_STEP = 1;

    private WeightSharingExperiment() {
    }

    public static Result run(Config config, Consumer<String> progress) {
        long t0 = System.nanoTime();
        int threads = config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "weight-sharing");
            t.setDaemon(true);
            return t;
        });
        try {
            Theorems theorems = theorems(config);
            progress.accept(String.format(Locale.ROOT, "theorems: checked in %.1f s", (System.nanoTime() - t0) / 1e9));
            List<CosineSweep.Result> cosine = new ArrayList<>();
            double cs = 0;
            if (config.runs("cosine")) {
                long t = System.nanoTime();
                List<Callable<CosineSweep.Result>> tasks = new ArrayList<>();
                for (int k : config.cosineK()) {
                    for (double u : config.cosineNorms()) {
                        tasks.add(() -> CosineSweep.run(k, u, config.cosineD(), 1, config.cosineHorizon()));
                    }
                }
                cosine = all(pool, tasks, r -> progress.accept(String.format(Locale.ROOT,
                        "cosine k=%-2d |u0|=%-4s  WS %4d steps (bound %.0f) |w0-u0|=%.1e   FC %6d steps F=%.4f escape=%s",
                        r.k(), trim(r.u0Norm()), r.wsSteps(), r.wsBound(), r.wsFinalDistance(), r.fcSteps(),
                        r.fcFinalLoss(), r.fcEscapeStep())));
                cs = (System.nanoTime() - t) / 1e9;
            }
            List<ErfParity.Result> erf = new ArrayList<>();
            double es = 0;
            if (config.runs("erf")) {
                long t = System.nanoTime();
                List<Callable<ErfParity.Result>> tasks = new ArrayList<>();
                for (int d : config.erfD()) {
                    for (long s = 1; s <= config.seeds(); s++) {
                        long seed = s;
                        tasks.add(() -> ErfParity.run(config.erfK(), d, seed, config.erfWsHorizon(), ERF_WS_STEP,
                                config.erfFcHorizon(), ERF_FC_STEP));
                    }
                }
                erf = all(pool, tasks, r -> progress.accept(String.format(Locale.ROOT,
                        "erf d=%-3d seed=%-2d  WS |w0-u0|=%.1e in %d steps   FC escape step %s (plateau %.4f, F=%.4f)",
                        r.d(), r.seed(), r.wsFinalDistance(), r.wsSteps(),
                        r.fcEscapeStep() == null ? "none within " + r.fcHorizon() : r.fcEscapeStep().toString(),
                        r.plateau(), r.fcFinalLoss())));
                es = (System.nanoTime() - t) / 1e9;
            }
            List<SgdExperiment.Result> sgd = new ArrayList<>();
            double ss = 0;
            double sCpu = 0;
            if (config.runs("sgd")) {
                long t = System.nanoTime();
                sgd = all(pool, SgdExperiment.tasks(config.seeds(), config.sgdIterations(), config::sgdRuns),
                        r -> progress.accept(String.format(Locale.ROOT,
                                "sgd %-8s %-4s %-6s %-2s seed=%-2d  loss %.4f -> %.5f  (%.1f s, CPU %.1f s)", r.data(),
                                r.target(), r.g(), r.architecture(), r.seed(), r.initialLoss(), r.finalLoss(),
                                r.seconds(), r.cpuSeconds())));
                ss = (System.nanoTime() - t) / 1e9;
                for (SgdExperiment.Result r : sgd) {
                    sCpu += r.cpuSeconds();
                }
                progress.accept(String.format(Locale.ROOT, "sgd: %d runs in %.1f s wall, %.1f s CPU", sgd.size(), ss,
                        sCpu));
            }
            return new Result(config, cosine, erf, sgd, theorems, cs, es, ss, sCpu, (System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Runs the tasks on the pool, reports each result in task order, returns them in task order. */
    static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks, Consumer<T> each) {
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> c : tasks) {
            futures.add(pool.submit(c));
        }
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            try {
                T r = f.get();
                each.accept(r);
                out.add(r);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    static Theorems theorems(Config config) {
        int points = config.quick() ? 50 : 200;
        List<Thm2> thm2 = new ArrayList<>();
        for (int k : new int[] {1, 2, 5, 10, 20}) {
            SharingTheorems.Range r = SharingTheorems.thm2Eigenvalues(k, 3, points, 7 + k);
            double sk = Math.sqrt(k);
            thm2.add(new Thm2(k, r.min(), r.max(), 1.5 * k, 7.5 * k, 9 * k - 2 * k - sk, 9 * k + 2 * k + sk));
        }
        List<SharingTheorems.RingCheck> thm1 = new ArrayList<>();
        for (int k : new int[] {2, 5, 10, 20}) {
            for (double u : new double[] {0.5, 1, 2}) {
                thm1.add(SharingTheorems.thm1Ring(k, 4, u, 2 * points, 100 + k));
            }
        }
        List<double[]> lemma2 = new ArrayList<>();
        for (int k : new int[] {1, 2, 5, 10, 20, 100}) {
            lemma2.add(new double[] {k, SharingTheorems.lemma2(k), Math.pow(1 - 1.0 / k, k)});
        }
        List<SharingTheorems.Lemma6> lemma6 = new ArrayList<>();
        for (int d : new int[] {100, 300, 1000}) {
            lemma6.add(SharingTheorems.lemma6(5, d, config.quick() ? 2000 : 20_000, d));
        }
        List<double[]> lemma8 = new ArrayList<>();
        for (int k : new int[] {2, 3, 5}) {
            lemma8.add(new double[] {k, SharingTheorems.lemma8MinLoss(k, 5, 25 * points, 9 + k)});
        }
        return new Theorems(thm2, thm1, lemma2, lemma6, lemma8, SharingTheorems.lemma5Threshold(), 4 / Math.PI);
    }
}
