package io.landscape.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

import io.landscape.api.Kernel;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.api.function.NetworkHessian;
import io.landscape.impl.compile.KernelCompiler;
import io.landscape.impl.kernel.PairKernel;
import io.landscape.impl.kernel.ReluClosedForm;
import io.landscape.impl.objective.BatchPairwiseObjective;
import io.landscape.impl.objective.PairwiseObjective;
import io.landscape.impl.objective.VectorPairwiseObjective;

/**
 * The general evaluator's costs in <em>thread CPU time</em> per call (ThreadMXBean), for a machine shared with other
 * jobs where JMH's wall-clock averages are inflated by waiting for a core: the same operations and points as
 * {@link GeneralEvaluatorBenchmark}, best of several blocks after a long warm-up. (CPU time still includes cache and
 * SMT contention; compare with JMH on a quiet machine.)
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp jmh/target/benchmarks.jar io.landscape.jmh.CpuTimeGeneral
 * [sizes...]}
 */
public final class CpuTimeGeneral {
    private static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();
    /** CPU time of warm-up per operation (-Dwarmup.ms, default 1500). */
    private static final long WARMUP_NS = Long.getLong("warmup.ms", 1500) * 1_000_000L;

    private CpuTimeGeneral() {
    }

    interface Op {
        double run();
    }

    /** Best-of-7 CPU µs per call; each block runs ~50 ms of CPU. */
    static double measure(Op op) {
        return measure("", op);
    }

    /** As {@link #measure(Op)}, naming the operation in the allocation line. */
    static double measure(String name, Op op) {
        double sink = 0;
        long t0 = BEAN.getCurrentThreadCpuTime();
        int calls = 0;
        while (BEAN.getCurrentThreadCpuTime() - t0 < WARMUP_NS) { // warm-up
            sink += op.run();
            calls++;
        }
        double per = (double) WARMUP_NS / calls;
        int reps = (int) Math.max(1, 5e7 / per);
        double best = Double.POSITIVE_INFINITY;
        for (int b = 0; b < 7; b++) {
            long s = BEAN.getCurrentThreadCpuTime();
            for (int r = 0; r < reps; r++) {
                sink += op.run();
            }
            best = Math.min(best, (BEAN.getCurrentThreadCpuTime() - s) / 1e3 / reps);
        }
        if (sink == 42.4242) {
            System.out.print("");
        }
        if (BEAN instanceof com.sun.management.ThreadMXBean sun) {
            long id = Thread.currentThread().getId();
            long a0 = sun.getThreadAllocatedBytes(id);
            for (int r = 0; r < reps; r++) {
                sink += op.run();
            }
            double bytes = (double) (sun.getThreadAllocatedBytes(id) - a0) / reps;
            if (bytes > 1) {
                System.out.printf("    (%s allocates %.0f B per call)%n", name, bytes);
            }
        }
        return best;
    }

    /** Wall µs per value + gradient, one thread against two (one helper), best of 7 blocks, and bitwise equality. */
    static void twoThreads(Problem p, double[] x, double[] g) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(1);
        try {
            PairKernel k = KernelCompiler.compiled(Kernel.relu());
            Objective one = VectorPairwiseObjective.create(p, k);
            Objective two = VectorPairwiseObjective.create(p, k, new io.landscape.impl.linalg.Workers(pool, 1));
            double[] g2 = new double[g.length];
            boolean same = one.valueAndGradient(x, g) == two.valueAndGradient(x, g2)
                    && java.util.Arrays.equals(g, g2);
            double w1 = wall(() -> one.valueAndGradient(x, g));
            double w2 = wall(() -> two.valueAndGradient(x, g2));
            System.out.printf("%4d  valueAndGradient wall µs: one thread %.2f, two threads %.2f (%.2fx), bitwise "
                    + "equal: %b%n", p.studentCount(), w1, w2, w1 / w2, same);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Best-of-7 wall µs per call after a warm-up. */
    static double wall(Op op) {
        double sink = 0;
        long t0 = System.nanoTime();
        int calls = 0;
        while (System.nanoTime() - t0 < WARMUP_NS) {
            sink += op.run();
            calls++;
        }
        int reps = (int) Math.max(1, 5e7 / ((double) WARMUP_NS / calls));
        double best = Double.POSITIVE_INFINITY;
        for (int b = 0; b < 7; b++) {
            long s = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                sink += op.run();
            }
            best = Math.min(best, (System.nanoTime() - s) / 1e3 / reps);
        }
        if (sink == 42.4242) {
            System.out.print("");
        }
        return best;
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {6, 20, 100} : java.util.Arrays.stream(args)
                .mapToInt(Integer::parseInt).toArray();
        System.out.println("size  op                     scalar-hand  scalar-comp  vector-hand  vector-comp   (CPU µs/call)");
        for (int size : sizes) {
            Problem p = Problem.identityTeacher(size, size, size);
            Random rnd = new Random(1);
            double[] x = new double[size * size];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextGaussian() / Math.sqrt(size);
            }
            double[] u = new double[x.length];
            for (int i = 0; i < u.length; i++) {
                u[i] = rnd.nextGaussian();
            }
            double[] g = new double[x.length];
            double[] hu = new double[x.length];
            String[] names = {"valueAndGradient", "value", "hvp", "hvpWithSetup", "batch vg per point",
                "dense Hessian"};
            double[][] res = new double[names.length][4];
            for (int e = 0; e < 4; e++) {
                PairKernel k = e % 2 == 0 ? new ReluClosedForm() : KernelCompiler.compiled(Kernel.relu());
                Objective f = e < 2 ? new PairwiseObjective(p, k) : VectorPairwiseObjective.create(p, k);
                String tag = size + " " + (e < 2 ? "scalar" : "vector") + (e % 2 == 0 ? "-hand " : "-comp ");
                res[0][e] = measure(tag + "valueAndGradient", () -> f.valueAndGradient(x, g));
                res[1][e] = measure(tag + "value", () -> f.value(x));
                NetworkHessian op = f.hessianAt(x);
                res[2][e] = measure(tag + "hvp", () -> {
                    op.multiply(u, hu);
                    return hu[0];
                });
                res[3][e] = measure(tag + "hvpWithSetup", () -> {
                    f.hessianAt(x).multiply(u, hu);
                    return hu[0];
                });
                if (e >= 2) {
                    BatchPairwiseObjective bf = VectorPairwiseObjective.batch(p, k);
                    double[] xb = new double[bf.batchLength()];
                    double[] gb = new double[xb.length];
                    double[] vals = new double[bf.lanes()];
                    for (int lane = 0; lane < bf.lanes(); lane++) {
                        bf.put(x, xb, lane);
                    }
                    res[4][e] = measure(tag + "batch", () -> {
                        bf.valueAndGradient(xb, gb, vals);
                        return vals[0];
                    }) / bf.lanes();
                } else {
                    res[4][e] = Double.NaN;
                }
                // dense Hessian: scalar columns PairwiseObjective's, vector columns the SIMD writer (bitwise equal);
                // at 100 (800 MB) measure it once; CpuTimeDenseHessian compares them interleaved
                if (size <= 40 || e == 3) {
                    double[] h = new double[x.length * x.length];
                    res[5][e] = measure(tag + "dense Hessian", () -> {
                        f.hessian().evaluate(x, h);
                        return h[0];
                    });
                } else {
                    res[5][e] = Double.NaN;
                }
            }
            for (int o = 0; o < names.length; o++) {
                System.out.printf("%4d  %-20s %12.2f %12.2f %12.2f %12.2f%n", size, names[o], res[o][0], res[o][1],
                        res[o][2], res[o][3]);
            }
            double bytes = 8.0 * x.length * x.length;
            System.out.printf("%4d  dense Hessian: %.2f GB/s written (vector-comp column)%n", size,
                    bytes / (res[5][3] * 1e3));
            if (size >= 20) {
                twoThreads(p, x, g);
            }
        }
    }
}
