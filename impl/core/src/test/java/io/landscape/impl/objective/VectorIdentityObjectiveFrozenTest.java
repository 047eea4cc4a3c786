package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.landscape.api.Problem;
import io.landscape.impl.optim.Initialization;

/**
 * The optimised SIMD identity-teacher evaluator gives bitwise the same gradient and F as the code that wrote the running
 * census's log ({@link FrozenVectorIdentityObjective}, commit 894e2fd), at the census sizes k = n = 50 and 100, at
 * shapes that exercise every remainder of the 8-, 4- and 1-row blocks, at near-parallel and near-teacher points, and
 * along plain GD trajectories (step 5/k) — in every vector width.
 */
class VectorIdentityObjectiveFrozenTest {

    /** k, n pairs: census sizes, block remainders 0…7 in both directions, n ≠ k. */
    private static final int[][] SHAPES = {{1, 1}, {3, 5}, {5, 3}, {8, 8}, {9, 9}, {12, 15}, {15, 12}, {17, 17},
        {16, 24}, {24, 16}, {20, 20}, {31, 29}, {50, 50}, {47, 53}, {100, 100}};

    /** Number of compared doubles, or throws with the first difference. */
    static long compareWithFrozen() {
        SplittableRandom rng = new SplittableRandom(11);
        long compared = 0;
        for (int[] kn : SHAPES) {
            int k = kn[0];
            int n = kn[1];
            var general = Evaluators.general(Problem.identityTeacher(k, k, n));
            VectorIdentityObjective now = new VectorIdentityObjective(general, k, n);
            FrozenVectorIdentityObjective then = new FrozenVectorIdentityObjective(general, k, n);
            double[] g1 = new double[n * k];
            double[] g2 = new double[n * k];
            for (int t = 0; t < 12; t++) {
                double[] x = SpuriousIdentityObjectiveTest.point(rng, k, n, t);
                double f1 = now.valueAndGradient(x, g1);
                double f2 = then.valueAndGradient(x, g2);
                compared += same(f1, f2, g1, g2, "valueAndGradient k=" + k + " n=" + n + " t=" + t);
                now.gradient().evaluate(x, g1);
                then.gradient().evaluate(x, g2);
                compared += same(0, 0, g1, g2, "gradient k=" + k + " n=" + n + " t=" + t);
            }
            // plain GD from a Xavier start, as the census: every step's gradient identical
            double[] x = Initialization.xavier(k).sample(Initialization.runSeed(2017, k + n), k, n);
            double eta = 5.0 / k;
            for (int step = 0; step < 40; step++) {
                now.gradient().evaluate(x, g1);
                then.gradient().evaluate(x, g2);
                compared += same(0, 0, g1, g2, "GD step " + step + " k=" + k + " n=" + n);
                for (int i = 0; i < x.length; i++) {
                    x[i] -= eta * g1[i];
                }
            }
        }
        return compared;
    }

    private static int same(double f1, double f2, double[] g1, double[] g2, String what) {
        if (Double.doubleToRawLongBits(f1) != Double.doubleToRawLongBits(f2)) {
            throw new AssertionError(what + ": F " + f1 + " vs frozen " + f2);
        }
        for (int i = 0; i < g1.length; i++) {
            if (Double.doubleToRawLongBits(g1[i]) != Double.doubleToRawLongBits(g2[i])) {
                throw new AssertionError(what + ": gradient entry " + i + " " + g1[i] + " vs frozen " + g2[i]);
            }
        }
        return g1.length + 1;
    }

    /** Prints "bits compared" after comparing in this JVM's vector width (run per width by the test). */
    public static void main(String[] args) {
        System.out.println(VectorIdentityObjective.SP.vectorBitSize() + " " + compareWithFrozen());
    }

    @Test
    void bitwiseTheSameAsTheFrozenCensusCode() {
        assertTrue(compareWithFrozen() > 100_000);
    }

    @Test
    void bitwiseTheSameAsTheFrozenCensusCodeInEveryVectorWidth() throws Exception {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String bits : new String[] {"128", "256", "512"}) {
            Process p = new ProcessBuilder(javaBin, "--add-modules", "jdk.incubator.vector",
                    "-Dlandscape.vectorBits=" + bits, "-cp", System.getProperty("java.class.path"),
                    VectorIdentityObjectiveFrozenTest.class.getName())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            assertEquals(0, p.waitFor(), "child JVM for " + bits + " bits: " + out);
            String[] lines = out.split("\n");
            String[] parts = lines[lines.length - 1].trim().split(" ");
            assertEquals(bits, parts[0], "vector width in use: " + out);
            assertTrue(Long.parseLong(parts[1]) > 100_000, out);
        }
    }
}
