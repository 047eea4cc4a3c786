package io.landscape.impl.objective;
import io.landscape.impl.optim.Initialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.landscape.api.NotDifferentiableException;
import io.landscape.api.Objective;
import io.landscape.api.Problem;

/** The SIMD identity-teacher evaluator: against the general objective, across vector widths, and its arccos. */
class VectorIdentityObjectiveTest {

    private static VectorIdentityObjective make(int k, int n) {
        return new VectorIdentityObjective(Evaluators.general(Problem.identityTeacher(k, k, n)), k, n);
    }

    @Test
    void matchesTheGeneralObjectiveIncludingNearParallelPairs() {
        SpuriousIdentityObjectiveTest.checkAgainstGeneral(VectorIdentityObjectiveTest::make);
    }

    /**
     * Prints a digest of F and ∇F (every bit) over the test points; run in one JVM per vector width by
     * {@link #bitwiseTheSameForEveryVectorWidth}.
     */
    public static void main(String[] args) {
        System.out.println(VectorIdentityObjective.SP.vectorBitSize() + " " + digest(VectorIdentityObjectiveTest::make));
    }

    /** CRC-32 of F and every gradient entry of {@code make}'s objectives over fixed test points and sizes. */
    static String digest(java.util.function.BiFunction<Integer, Integer, Objective> make) {
        SplittableRandom rng = new SplittableRandom(7);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8);
        for (int[] kn : new int[][] {{1, 1}, {3, 5}, {6, 6}, {7, 9}, {13, 13}, {20, 20}, {12, 17}}) {
            int k = kn[0];
            int n = kn[1];
            Objective f = make.apply(k, n);
            for (int t = 0; t < 30; t++) {
                double[] x = SpuriousIdentityObjectiveTest.point(rng, k, n, t);
                double[] g = new double[n * k];
                double v = f.valueAndGradient(x, g);
                for (int i = -1; i < g.length; i++) {
                    buf.clear();
                    buf.putDouble(i < 0 ? v : g[i]);
                    crc.update(buf.array());
                }
            }
        }
        return Long.toHexString(crc.getValue());
    }

    /**
     * Runs {@code main}'s main method in one JVM per vector width (128, 256, 512 bits); each prints "bits digest";
     * requires the same digest from all three.
     */
    static void sameDigestForEveryWidth(Class<?> main) throws Exception {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String digest = null;
        for (String bits : new String[] {"128", "256", "512"}) {
            Process p = new ProcessBuilder(javaBin, "--add-modules", "jdk.incubator.vector", "-Dlandscape.vectorBits=" + bits,
                    "-cp", System.getProperty("java.class.path"), main.getName())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            assertEquals(0, p.waitFor(), "child JVM for " + bits + " bits");
            String[] parts = out.split(" ");
            assertEquals(bits, parts[0], "vector width in use");
            if (digest == null) {
                digest = parts[1];
            } else {
                assertEquals(digest, parts[1], "F and the gradient differ between vector widths (" + bits + " bits)");
            }
        }
    }

    @Test
    void bitwiseTheSameForEveryVectorWidth() throws Exception {
        sameDigestForEveryWidth(VectorIdentityObjectiveTest.class);
    }

    @Test
    void vectorArccosWithinTwoUlps() {
        VectorIdentityObjective f = make(2, 2);
        SplittableRandom rng = new SplittableRandom(3);
        double[] c = new double[400_000];
        for (int t = 0; t < c.length; t++) {
            double u = rng.nextDouble(-1.0, 1.0);
            c[t] = t % 4 == 0 ? Math.copySign(1.0 - Math.abs(u) * 1e-6, u) : t % 4 == 1 ? u * 1e-3 : u;
        }
        c[0] = 1.0;
        c[1] = -1.0;
        c[2] = 0.5;
        c[3] = -0.5;
        c[4] = 0.0;
        double[] out = f.acos(c);
        double worst = 0;
        for (int t = 0; t < c.length; t++) {
            double ref = Math.acos(c[t]);
            // the test reads θ back from (π − θ)/2π, which adds up to ~1 ulp of π
            worst = Math.max(worst, Math.abs(out[t] - ref) / Math.ulp(Math.PI));
        }
        assertTrue(worst <= 2.0, "worst error " + worst + " ulps of pi");
    }

    /**
     * On the search's own runs at (13, 13) (vector evaluator, as {@code best} picks it from n = 12): the accelerated
     * mode classifies like the plain loop, and the scalar evaluator's plain runs end at the same points.
     */
    @Test
    void searchRunsClassifyLikePlainAndLikeTheScalarEvaluator() {
        int k = 13;
        Objective f = make(k, k);
        Objective scalar = IdentityTeacherObjective.create(k, k);
        io.landscape.impl.optim.GradientDescent gd = new io.landscape.impl.optim.GradientDescent(f, k);
        io.landscape.impl.optim.GradientDescent gs = new io.landscape.impl.optim.GradientDescent(scalar, k);
        int candidates = 0;
        for (int run = 0; run < 8; run++) {
            double[] x0 = Initialization.xavier(k).sample(Initialization.runSeed(2018, run), k, k);
            var plain = gd.run(x0, io.landscape.impl.optim.GradientDescent.Settings.plain());
            var fast = gd.run(x0, io.landscape.impl.optim.GradientDescent.Settings.accelerated());
            var plainScalar = gs.run(x0, io.landscape.impl.optim.GradientDescent.Settings.plain());
            boolean candidate = plain.value() >= 1e-3;
            assertEquals(candidate, fast.value() >= 1e-3, "run " + run);
            assertEquals(candidate, plainScalar.value() >= 1e-3, "run " + run + " (scalar evaluator)");
            assertTrue(io.landscape.impl.linalg.SmallMatrices.distance(plain.point(), plainScalar.point()) < 1e-6,
                    "run " + run + ": vector and scalar plain runs end at the same point");
            if (candidate) {
                candidates++;
                assertEquals(plain.value(), fast.value(), 1e-12);
            }
        }
        assertTrue(candidates >= 1, "the seeds should include a spurious run");
    }

    @Test
    void zeroNeuronIsNotDifferentiableAndGradientOnlyMatches() {
        VectorIdentityObjective f = make(3, 2);
        double[] x = {1, 0, 0, 0, 0, 0};
        assertThrows(NotDifferentiableException.class, () -> f.valueAndGradient(x, new double[6]));
        assertThrows(NotDifferentiableException.class, () -> f.gradient().evaluate(x, new double[6]));
        SpuriousIdentityObjectiveTest.tinyNeuronIsEvaluatedByTheGeneralObjective(f);
        Objective g = make(5, 6);
        double[] y = SpuriousIdentityObjectiveTest.point(new SplittableRandom(2), 5, 6, 0);
        double[] g1 = new double[30];
        double[] g2 = new double[30];
        g.valueAndGradient(y, g1);
        g.gradient().evaluate(y, g2);
        for (int i = 0; i < 30; i++) {
            assertEquals(g1[i], g2[i], 0.0);
        }
    }

    @Test
    void sharedByThreads() throws InterruptedException {
        SpuriousIdentityObjectiveTest.sharedByThreads(make(12, 12));
    }
}
