package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.landscape.api.NotDifferentiableException;
import io.landscape.api.Objective;
import io.landscape.api.Problem;

/** The specialised identity-teacher gradient against the general PairwiseObjective. */
class SpuriousIdentityObjectiveTest {

    @Test
    void matchesTheGeneralObjectiveIncludingNearParallelPairs() {
        checkAgainstGeneral(IdentityTeacherObjective::create);
    }

    /** The test points: Xavier-like, neurons near teachers, near-(anti)parallel student pairs (by t mod 3). */
    static double[] point(SplittableRandom rng, int k, int n, int t) {
        double[] x = new double[n * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian() / Math.sqrt(k);
        }
        if (t % 3 == 1) { // neurons at (or within 1e-12 … 1e-6 of) teachers: θ → 0
            double eps = Math.pow(10, -6 - (t % 7));
            for (int i = 0; i < Math.min(n, k); i++) {
                for (int q = 0; q < k; q++) {
                    x[i * k + q] = (q == i ? 1.0 : 0.0) + eps * rng.nextGaussian();
                }
            }
        }
        if (t % 3 == 2 && n > 1) { // near-parallel and near-antiparallel student pairs
            double s = t % 2 == 0 ? 0.5 : -0.7;
            for (int q = 0; q < k; q++) {
                x[(n - 1) * k + q] = s * x[q] + 1e-9 * rng.nextGaussian();
            }
        }
        return x;
    }

    /** F and ∇F of {@code make.apply(k, n)} against the general PairwiseObjective on the {@link #point} families. */
    static void checkAgainstGeneral(java.util.function.BiFunction<Integer, Integer, Objective> make) {
        SplittableRandom rng = new SplittableRandom(1);
        for (int[] kn : new int[][] {{1, 1}, {2, 3}, {6, 6}, {10, 12}, {9, 13}, {20, 20}, {17, 21}}) {
            int k = kn[0];
            int n = kn[1];
            Objective ref = Evaluators.general(Problem.identityTeacher(k, k, n));
            Objective fast = make.apply(k, n);
            for (int t = 0; t < 60; t++) {
                double[] x = point(rng, k, n, t);
                double[] g1 = new double[n * k];
                double[] g2 = new double[n * k];
                double f1 = ref.valueAndGradient(x, g1);
                double f2 = fast.valueAndGradient(x, g2);
                assertEquals(f1, f2, 1e-12 * Math.max(1, Math.abs(f1)), "value at k=" + k + " n=" + n + " t=" + t);
                // the gradient-only path of the plain GD loop: the same gradient, bit for bit
                double[] g3 = new double[n * k];
                fast.gradient().evaluate(x, g3);
                for (int i = 0; i < g1.length; i++) {
                    assertEquals(g1[i], g2[i], 1e-13, "gradient entry " + i + " at k=" + k + " n=" + n + " t=" + t);
                    assertEquals(g2[i], g3[i], 0.0, "gradient-only entry " + i + " at k=" + k + " n=" + n + " t=" + t);
                }
            }
        }
    }

    @Test
    void zeroNeuronIsNotDifferentiable() {
        IdentityTeacherObjective f = IdentityTeacherObjective.create(3, 2);
        double[] x = {1, 0, 0, 0, 0, 0};
        assertThrows(NotDifferentiableException.class, () -> f.valueAndGradient(x, new double[6]));
        assertThrows(NotDifferentiableException.class, () -> f.gradient().evaluate(x, new double[6]));
        tinyNeuronIsEvaluatedByTheGeneralObjective(f);
    }

    /**
     * A neuron of norm ~1e-170 (squared norm 0 in double) is not the zero vector: F and ∇F are the general objective's
     * (which rescales it), bit for bit, with an O(1) gradient; the same with norm 1e-150 (squared norm subnormal).
     */
    static void tinyNeuronIsEvaluatedByTheGeneralObjective(Objective f) {
        Objective general = Evaluators.general(f.problem());
        int m = f.dimension();
        for (double s : new double[] {1e-170, 1e-150}) {
            double[] x = new double[m];
            SplittableRandom rng = new SplittableRandom(4);
            for (int q = 0; q < m; q++) {
                x[q] = rng.nextGaussian();
            }
            int d = f.problem().inputDimension();
            for (int q = 0; q < d; q++) {
                x[q] *= s;
            }
            double[] g = new double[m];
            double[] ref = new double[m];
            assertEquals(general.valueAndGradient(x, ref), f.valueAndGradient(x, g), 0.0);
            assertTrue(java.util.Arrays.equals(ref, g), "gradient at a neuron of norm ~" + s);
            assertTrue(Math.abs(g[0]) + Math.abs(g[1]) > 1e-3, "O(1) gradient on the tiny neuron");
            double[] g2 = new double[m];
            f.gradient().evaluate(x, g2);
            assertTrue(java.util.Arrays.equals(ref, g2), "gradient-only path");
        }
    }

    /** One identity-teacher evaluator shared by three threads, 200 000 calls each: bitwise the single-thread results. */
    static void sharedByThreads(Objective f) throws InterruptedException {
        SplittableRandom rng = new SplittableRandom(8);
        int k = f.problem().inputDimension();
        int n = f.problem().studentCount();
        double[][] points = new double[24][];
        for (int t = 0; t < points.length; t++) {
            points[t] = point(rng, k, n, t);
        }
        assertEquals(0, io.landscape.impl.objective.SharedObjective.mismatches(f, points, 3, 200_000, false));
    }

    @Test
    void sharedByThreads() throws InterruptedException {
        sharedByThreads(IdentityTeacherObjective.create(6, 6));
    }
}
