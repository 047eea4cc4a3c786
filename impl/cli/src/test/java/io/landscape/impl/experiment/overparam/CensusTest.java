package io.landscape.impl.experiment.overparam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.landscape.api.Landscape;
import io.landscape.api.Points;
import io.landscape.api.Problem;
import io.landscape.impl.certify.EigenvalueBound;
import io.landscape.impl.optim.GradientDescent;

/** The census's starts, descent configuration and per-neuron quantities against independent values. */
class CensusTest {

    @Test
    void normSumStartHasNormSumTwoKSquaredAlongAXavierRay() {
        for (int k : new int[] {6, 13, 40}) {
            long seed = Census.runSeed(1, CensusRun.Start.NORM_SUM, 3);
            double[] x = Census.start(CensusRun.Start.NORM_SUM, seed, k);
            assertEquals(2.0 * k * k, Census.normSum(x, k), 1e-9 * k * k);
            double[] ray = Census.start(CensusRun.Start.XAVIER, seed, k);
            double c = x[0] / ray[0];
            for (int i = 0; i < x.length; i++) {
                assertEquals(c * ray[i], x[i], 1e-12 * Math.abs(x[i]) + 1e-300);
            }
        }
    }

    @Test
    void xavierStartHasVarianceOneOverK() {
        int k = 40;
        double s = 0;
        int count = 0;
        for (int r = 0; r < 20; r++) {
            for (double v : Census.start(CensusRun.Start.XAVIER, Census.runSeed(2, CensusRun.Start.XAVIER, r), k)) {
                s += v * v;
                count++;
            }
        }
        // 32000 samples of N(0, 1/40): standard error of the variance estimate ≈ 0.025·√(2/32000) ≈ 2e-4
        assertEquals(1.0 / k, s / count, 1e-3);
    }

    @Test
    void eq68AndBlocksAtTheGlobalMinimumAreZero() {
        // Lemma 4: at w_i = e_i (n = k), H_ii = ½I, so H'_ii = 0; Eq. (68): Σ_{j≠i} 1 − Σ_{l≠i} 1 = 0
        int k = 5;
        double[][] w = Problem.identity(k, k);
        for (double l : FamilyAnalysis.eq68(w)) {
            assertEquals(0.0, l, 1e-15);
        }
        double[] h = Landscape.objective(Problem.identityTeacher(k, k, k)).hessian().evaluate(Points.flatten(w));
        int m = k * k;
        for (int i = 0; i < k; i++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    assertEquals(a == b ? 0.5 : 0.0, h[(i * k + a) * m + i * k + b], 1e-14);
                }
            }
        }
    }

    @Test
    void eq68IsTheMeanCurvatureOrthogonalToTheNeuronsPlane() {
        // Eq. (68) is uᵀH'_ii u for unit u ⊥ w_i and ⊥ every n̄ direction: it lies between the extreme eigenvalues
        // of H'_ii, at a converged spurious minimum found by the census's own descent
        int k = 9;
        Census.Settings s = new Census.Settings(4, 1, 0, false, 10_000_000L, 1e-6, 1);
        FamilyBook book = new FamilyBook(k, 1e-6);
        CensusRun found = null;
        GradientDescent gd = Census.driver(k);
        for (int r = 0; r < 60 && found == null; r++) {
            CensusRun run = Census.classify(Census.runOne(gd, k, CensusRun.Start.XAVIER, r, s), book);
            if (run.family() > 0) {
                found = run;
            }
        }
        assertTrue(found != null, "no spurious minimum in 60 runs at k = 9");
        FamilyAnalysis f = FamilyAnalysis.of(k, book.entries().get(0), 1, 0, false);
        double[] x = Points.flatten(f.point());
        double[] h = Landscape.objective(Problem.identityTeacher(k, k, k)).hessian().evaluate(x);
        int m = k * k;
        boolean someNegative = false;
        for (int i = 0; i < k; i++) {
            double[] blk = new double[k * k];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    blk[a * k + b] = h[(i * k + a) * m + i * k + b] - (a == b ? 0.5 : 0);
                }
            }
            double[] ev = io.landscape.impl.linalg.SymmetricEigen.eigenvalues(blk, k);
            assertEquals(ev[0], f.blockLambdaMin()[i], 1e-12);
            assertTrue(ev[0] - 1e-12 <= f.eq68()[i] && f.eq68()[i] <= ev[k - 1] + 1e-12,
                    "neuron " + i + ": Eq. 68 " + f.eq68()[i] + " outside [" + ev[0] + ", " + ev[k - 1] + "]");
            someNegative |= f.eq68()[i] < 0;
        }
        // Thm 8: some neuron satisfies the sign test of Eq. (72) at a non-global minimum with norm sum ≤ k
        assertTrue(f.normSum() <= k);
        assertTrue(someNegative);
        assertTrue(f.lambdaMin() > 0);
    }
}
