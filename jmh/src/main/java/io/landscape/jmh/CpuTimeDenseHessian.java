package io.landscape.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;

import io.landscape.api.Hessian;
import io.landscape.api.Kernel;
import io.landscape.api.Problem;
import io.landscape.impl.compile.KernelCompiler;
import io.landscape.impl.kernel.PairKernel;
import io.landscape.impl.linalg.Workers;
import io.landscape.impl.objective.PairwiseObjective;
import io.landscape.impl.objective.VectorPairwiseObjective;

/**
 * The general dense Hessian before and after the SIMD writer, <em>interleaved</em> (scalar {@link PairwiseObjective},
 * SIMD {@link VectorPairwiseObjective#hessian()} on one and on two threads, block after block in the same period), in
 * thread CPU time and wall time, with the GB/s written; and the machine's write bandwidth measured the same way on an
 * array of the same size ({@link Arrays#fill} and a plain store loop that C2 vectorises, one thread and two), so that
 * "bound by memory bandwidth" is a measured comparison. Random general teacher (signed weights), Xavier-scaled point,
 * ReLU (compiled kernel) unless the kernel is named.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -Xmx3g -cp jmh/target/benchmarks.jar
 * io.landscape.jmh.CpuTimeDenseHessian [rounds] [size...]} (default 5 rounds, sizes 20 100; {@code -Dkernel=erf}).
 */
public final class CpuTimeDenseHessian {
    private static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();

    private CpuTimeDenseHessian() {
    }

    interface Op {
        void run();
    }

    /** {cpu ms, wall ms} per call over a block of at least {@code minMs} CPU ms. */
    static double[] block(Op op, double minMs) {
        int reps = 0;
        long c0 = BEAN.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        do {
            op.run();
            reps++;
        } while ((BEAN.getCurrentThreadCpuTime() - c0) / 1e6 < minMs);
        return new double[] {(BEAN.getCurrentThreadCpuTime() - c0) / 1e6 / reps, (System.nanoTime() - w0) / 1e6 / reps};
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    static double min(double[] x) {
        return Arrays.stream(x).min().orElse(Double.NaN);
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[] sizes = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {20, 100};
        Kernel kernel = "erf".equals(System.getProperty("kernel")) ? Kernel.erf() : Kernel.relu();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(1);
        try {
            for (int size : sizes) {
                run(size, kernel, rounds, pool);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void run(int size, Kernel kernel, int rounds, java.util.concurrent.ExecutorService pool) throws Exception {
        Random rnd = new Random(1);
        double[][] v = new double[size][size];
        double[] a = new double[size];
        double[] b = new double[size];
        for (int i = 0; i < size; i++) {
            for (int q = 0; q < size; q++) {
                v[i][q] = rnd.nextGaussian();
            }
            a[i] = (rnd.nextBoolean() ? 1 : -1) * (0.5 + rnd.nextDouble());
            b[i] = 0.5 + rnd.nextDouble();
        }
        Problem p = Problem.builder().teacher(v).students(size).studentWeights(a).teacherWeights(b).kernel(kernel)
                .build();
        double[] x = new double[size * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian() / Math.sqrt(size);
        }
        PairKernel k = KernelCompiler.compiled(kernel);
        Hessian scalar = new PairwiseObjective(p, k).hessian();
        Hessian simd = VectorPairwiseObjective.create(p, k).hessian();
        Hessian simd2 = VectorPairwiseObjective.create(p, k, new Workers(pool, 1)).hessian();
        int m = x.length;
        double[] h = new double[m * m];
        double[] h2 = new double[m * m];
        double gb = 8.0 * m * m / 1e9;
        scalar.evaluate(x, h);
        simd.evaluate(x, h2);
        boolean same = Arrays.equals(h, h2);
        simd2.evaluate(x, h2);
        same &= Arrays.equals(h, h2);
        h2 = null;
        System.out.printf("k = n = d = %d, %s: %.3f GB per Hessian; SIMD (1 and 2 threads) bitwise the scalar: %b%n",
                size, kernel.name(), gb, same);
        double minMs = size >= 50 ? 600 : 200;
        // warm-up: every operation for a few blocks
        double[] hh = h;
        Op[] ops = {
            () -> scalar.evaluate(x, hh),
            () -> simd.evaluate(x, hh),
            () -> simd2.evaluate(x, hh),
            () -> Arrays.fill(hh, 1.5),
            () -> {
                for (int i = 0; i < hh.length; i++) {
                    hh[i] = i * 1e-3;
                }
            },
            () -> {
                try {
                    java.util.concurrent.Future<?> f = pool.submit(() -> Arrays.fill(hh, hh.length / 2, hh.length,
                            2.5));
                    Arrays.fill(hh, 0, hh.length / 2, 2.5);
                    f.get(); // wall time until both halves are done
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            },
        };
        String[] names = {"scalar Hessian (before)", "SIMD Hessian, 1 thread", "SIMD Hessian, 2 threads (wall)",
            "Arrays.fill, 1 thread", "store loop, 1 thread", "Arrays.fill, 2 threads (wall)"};
        for (int w = 0; w < 2; w++) {
            for (Op op : ops) {
                block(op, size >= 50 ? 300 : 500);
            }
        }
        if (BEAN instanceof com.sun.management.ThreadMXBean sun) {
            long id = Thread.currentThread().getId();
            for (int o = 0; o < 2; o++) {
                long a0 = sun.getThreadAllocatedBytes(id);
                ops[o].run();
                System.out.printf("%s allocates %d B per call%n", names[o], sun.getThreadAllocatedBytes(id) - a0);
            }
        }
        double[][] cpu = new double[ops.length][rounds];
        double[][] wall = new double[ops.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int o = 0; o < ops.length; o++) {
                double[] t = block(ops[o], minMs);
                cpu[o][r] = t[0];
                wall[o][r] = t[1];
            }
        }
        System.out.printf("%-32s %12s %12s %12s %12s %10s%n", "operation", "CPU ms best", "CPU ms med",
                "wall ms best", "wall ms med", "GB/s (best)");
        for (int o = 0; o < ops.length; o++) {
            double best = o == 2 || o == 5 ? min(wall[o]) : min(cpu[o]);
            System.out.printf("%-32s %12.3f %12.3f %12.3f %12.3f %10.2f%n", names[o], min(cpu[o]), median(cpu[o]),
                    min(wall[o]), median(wall[o]), gb / (best / 1e3));
        }
        System.out.printf("SIMD / scalar (CPU, best): %.2fx faster; SIMD at %.0f %% of Arrays.fill's write rate%n",
                min(cpu[0]) / min(cpu[1]), 100 * min(cpu[3]) / min(cpu[1]));
    }
}
