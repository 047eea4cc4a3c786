package io.landscape.impl.experiment.spurious;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.landscape.api.Landscape;
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
            Objective ref = Landscape.objective(Problem.identityTeacher(k, k, n));
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
    }
}
