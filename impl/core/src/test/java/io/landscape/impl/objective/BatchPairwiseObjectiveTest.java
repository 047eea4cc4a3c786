package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.landscape.api.Kernel;
import io.landscape.api.Normalization;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.TestSupport;

/** Each lane of the batched general evaluator is bitwise the single-point SIMD evaluator at its point. */
class BatchPairwiseObjectiveTest {
    private static Problem general(Random rnd, int k, int n, int d, Normalization norm, Kernel kernel) {
        double[][] v = TestSupport.gaussian(rnd, k, d, 1.0);
        double[] a = new double[n];
        double[] b = new double[k];
        for (int i = 0; i < n; i++) {
            a[i] = (rnd.nextBoolean() ? 1 : -1) * (0.5 + rnd.nextDouble());
        }
        for (int l = 0; l < k; l++) {
            b[l] = 0.5 + rnd.nextDouble();
        }
        return Problem.builder().teacher(v).students(n).studentWeights(a).teacherWeights(b).normalization(norm)
                .kernel(kernel).build();
    }

    private static void lanesMatch(Problem p, Random rnd, boolean special) {
        Objective single = VectorPairwiseObjective.create(p);
        BatchPairwiseObjective batch = VectorPairwiseObjective.batch(p);
        int m = single.dimension();
        int lanes = batch.lanes();
        double[][] pts = new double[lanes][];
        double[] xb = new double[batch.batchLength()];
        for (int lane = 0; lane < lanes; lane++) {
            pts[lane] = TestSupport.gaussian(rnd, m, 0.5);
            if (special && lane == 1) {
                for (int q = 0; q < p.inputDimension(); q++) {
                    pts[lane][q] *= 1e-170; // tiny neuron: the rescaled scalar path
                }
            }
            if (special && lane == 2) {
                java.util.Arrays.fill(pts[lane], 0, p.inputDimension(), 0.0); // zero neuron: no gradient
            }
            if (special && lane == 3 && p.studentCount() > 1) {
                for (int q = 0; q < p.inputDimension(); q++) {
                    pts[lane][p.inputDimension() + q] = 2 * pts[lane][q] + 1e-9; // nearly parallel pair
                }
            }
            batch.put(pts[lane], xb, lane);
        }
        double[] xCopy = xb.clone();
        double[] gb = new double[xb.length];
        double[] values = new double[lanes];
        batch.valueAndGradient(xb, gb, values);
        assertTrue(java.util.Arrays.equals(xCopy, xb), "the point batch is not modified");
        double[] g = new double[m];
        double[] gl = new double[m];
        for (int lane = 0; lane < lanes; lane++) {
            batch.get(gb, lane, gl);
            if (special && lane == 2) {
                assertTrue(Double.isNaN(values[lane]), "zero neuron: NaN value");
                assertTrue(Double.isNaN(gl[0]), "zero neuron: NaN gradient");
                continue;
            }
            double f = single.valueAndGradient(pts[lane], g);
            assertEquals(f, values[lane], 0.0, "lane " + lane + ": F");
            for (int q = 0; q < m; q++) {
                assertEquals(g[q], gl[q], 0.0, "lane " + lane + ": gradient entry " + q);
            }
        }
        // norms and a step
        double[] maxSq = new double[lanes];
        double[] totSq = new double[lanes];
        batch.gradientNorms(gb, maxSq, totSq);
        double[] eta = new double[lanes];
        java.util.Arrays.fill(eta, 0.01);
        eta[0] = 0.0;
        double[] xs = xb.clone();
        batch.step(xs, gb, eta);
        for (int lane = 0; lane < lanes; lane++) {
            if (special && lane == 2) {
                continue;
            }
            batch.get(gb, lane, gl);
            double tot = 0;
            double max = 0;
            for (int i = 0; i < p.studentCount(); i++) {
                double blk = 0;
                for (int q = 0; q < p.inputDimension(); q++) {
                    double e = gl[i * p.inputDimension() + q];
                    blk += e * e;
                }
                tot += blk;
                max = Math.max(max, blk);
            }
            assertEquals(tot, totSq[lane], 1e-12 * tot, "lane " + lane + ": squared gradient norm");
            assertEquals(max, maxSq[lane], 1e-12 * max, "lane " + lane + ": largest block");
            double[] x1 = new double[m];
            batch.get(xs, lane, x1);
            for (int q = 0; q < m; q++) {
                assertEquals(pts[lane][q] - eta[lane] * gl[q], x1[q], 1e-15 * (1 + Math.abs(x1[q])),
                        "lane " + lane + ": step");
            }
        }
    }

    @Test
    void everyLaneIsTheSinglePointResultBitwise() {
        assumeTrue(VectorPairwiseObjective.isAvailable(), "jdk.incubator.vector not resolved");
        Random rnd = new Random(17);
        lanesMatch(general(rnd, 6, 6, 6, Normalization.HALF, Kernel.relu()), rnd, true);
        lanesMatch(general(rnd, 5, 9, 7, Normalization.values()[Normalization.values().length - 1], Kernel.relu()),
                rnd, true);
        lanesMatch(general(rnd, 20, 20, 20, Normalization.HALF, Kernel.relu()), rnd, false);
        lanesMatch(general(rnd, 4, 3, 5, Normalization.HALF, Kernel.erf()), rnd, true);
        lanesMatch(Problem.identityTeacher(1, 1, 1), rnd, false);
    }
    /**
     * Once C2 has compiled it, a call allocates nothing. At k = n = d = 20 the arccos used to be cut off by C2's node
     * budget (a boxed broadcast per pair: 56 640 B per call). Whether C2 runs out depends on the branch profile, so the
     * check runs in a JVM of its own on the benchmark's points ({@code GeneralEvaluatorBenchmark}, where this was
     * found), with the JDK's default bounds checks and with them off: windows of 200 calls until one allocates under
     * 1 KB in all (before: ≈ 11 MB per window, never less), for at most 60 windows.
     */
    @Test
    void aCompiledCallAllocatesNothing() throws Exception {
        assumeTrue(VectorPairwiseObjective.isAvailable(), "jdk.incubator.vector not resolved");
        // the JDK's default bounds checks (the property unset), then none (the launcher's setting)
        String[] settings = {"-Dlandscape.probe=default", "-Djdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0"};
        for (String oob : settings) {
            String launcher = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(launcher, "--add-modules", "jdk.incubator.vector", oob, "-cp",
                    System.getProperty("java.class.path"), AllocationProbe.class.getName(), "20");
            pb.redirectErrorStream(true);
            Process proc = pb.start();
            String out = new String(proc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, proc.waitFor(), oob + ": probe failed:\n" + out);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("least (\\d+)").matcher(out);
            assertTrue(m.find(), oob + ": no result from the probe:\n" + out);
            long least = Long.parseLong(m.group(1));
            assertTrue(least < 1024, oob + ": 200 compiled calls allocated at least " + least + " bytes");
        }
    }

    /** The allocation probe (a JVM of its own): prints the least bytes allocated by a window of 200 calls. */
    public static final class AllocationProbe {
        public static void main(String[] args) {
            int size = Integer.parseInt(args[0]);
            Problem p = Problem.identityTeacher(size, size, size);
            BatchPairwiseObjective batch = VectorPairwiseObjective.batch(p);
            Random rnd = new Random(1);
            double[] x = new double[size * size];
            for (int e = 0; e < x.length; e++) {
                x[e] = rnd.nextGaussian() / Math.sqrt(size);
            }
            double[] xb = new double[batch.batchLength()];
            double[] y = new double[x.length];
            for (int lane = 0; lane < batch.lanes(); lane++) {
                for (int e = 0; e < x.length; e++) {
                    y[e] = x[e] * (1 + 0.01 * lane);
                }
                batch.put(y, xb, lane);
            }
            double[] gb = new double[xb.length];
            double[] values = new double[batch.lanes()];
            com.sun.management.ThreadMXBean mx =
                    (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().getId();
            long least = Long.MAX_VALUE;
            double sink = 0;
            for (int window = 0; window < 60 && least >= 1024; window++) {
                long before = mx.getThreadAllocatedBytes(id);
                for (int c = 0; c < 200; c++) {
                    batch.valueAndGradient(xb, gb, values);
                    sink += values[c % values.length];
                }
                least = Math.min(least, mx.getThreadAllocatedBytes(id) - before);
            }
            if (!(sink > 0 && Double.isFinite(sink))) {
                throw new IllegalStateException("values not finite: " + sink);
            }
            System.out.println("least " + least);
        }
    }
}
