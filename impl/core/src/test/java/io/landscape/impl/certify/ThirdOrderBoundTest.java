package io.landscape.impl.certify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.landscape.api.Normalization;
import io.landscape.api.Problem;
import io.landscape.impl.kernel.ReluClosedForm;
import io.landscape.impl.objective.PairwiseObjective;

/** B must exceed every observed third directional derivative (central differences of uᵀ∇²F u) on its ball. */
class ThirdOrderBoundTest {
    private static double curvature(PairwiseObjective f, double[] x, double[] u, double t) {
        double[] y = x.clone();
        for (int p = 0; p < y.length; p++) {
            y[p] += t * u[p];
        }
        int m = x.length;
        double[] h = f.hessian().evaluate(y);
        double s = 0;
        for (int r = 0; r < m; r++) {
            double row = 0;
            for (int c = 0; c < m; c++) {
                row += h[r * m + c] * u[c];
            }
            s += u[r] * row;
        }
        return s;
    }

    @Test
    void boundExceedsFiniteDifferenceThirdDerivatives() {
        SplittableRandom rnd = new SplittableRandom(21);
        double worstRatio = 0;
        for (int t = 0; t < 40; t++) {
            int n = 2 + rnd.nextInt(4);
            int k = 1 + rnd.nextInt(3);
            int d = 2 + rnd.nextInt(3);
            double[][] v = new double[k][d];
            for (double[] row : v) {
                for (int q = 0; q < d; q++) {
                    row[q] = rnd.nextGaussian();
                }
            }
            double[] a = new double[n];
            double[] b = new double[k];
            for (int i = 0; i < n; i++) {
                a[i] = t % 2 == 0 ? 1.0 : rnd.nextGaussian();
            }
            for (int l = 0; l < k; l++) {
                b[l] = t % 2 == 0 ? 1.0 : rnd.nextGaussian();
            }
            Normalization norm = t % 3 == 0 ? Normalization.FULL : Normalization.HALF;
            double[] x = new double[n * d];
            for (int p = 0; p < x.length; p++) {
                x[p] = rnd.nextGaussian();
            }
            if (t % 4 == 1) {
                // two nearly (anti)parallel neurons: where the third derivative is largest
                for (int q = 0; q < d; q++) {
                    x[d + q] = (t % 8 == 1 ? 0.7 : -0.7) * x[q] + 1e-3 * rnd.nextGaussian();
                }
            }
            Problem p = Problem.builder().teacher(v).students(n).studentWeights(a).teacherWeights(b)
                    .normalization(norm).build();
            PointEnclosure e = new PointEnclosure(v, a, b, norm.factorRelativeToHalf(), x);
            double minNorm = Double.POSITIVE_INFINITY;
            for (Interval r : e.r) {
                minNorm = Math.min(minNorm, r.lo());
            }
            double ball = 0.1 * minNorm;
            double bound = ThirdOrderBound.of(e, ball);
            PairwiseObjective f = new PairwiseObjective(p, new ReluClosedForm());
            for (int dir = 0; dir < 20; dir++) {
                double[] u = new double[x.length];
                double s = 0;
                for (int q = 0; q < u.length; q++) {
                    u[q] = rnd.nextGaussian();
                    s += u[q] * u[q];
                }
                if (dir % 2 == 1) {
                    // concentrate the direction on the first two neurons
                    for (int q = 2 * d; q < u.length; q++) {
                        s -= u[q] * u[q];
                        u[q] = 0;
                    }
                }
                for (int q = 0; q < u.length; q++) {
                    u[q] /= Math.sqrt(s);
                }
                double t0 = (rnd.nextDouble() * 2 - 1) * 0.9 * ball;
                double h = 1e-4 * ball;
                double third = (curvature(f, x, u, t0 + h) - curvature(f, x, u, t0 - h)) / (2 * h);
                assertTrue(Math.abs(third) <= bound, "|F'''| = " + Math.abs(third) + " > B = " + bound);
                worstRatio = Math.max(worstRatio, Math.abs(third) / bound);
            }
        }
        // the bound is crude but not absurd: some direction reaches a visible fraction of it
        assertTrue(worstRatio > 1e-3, "largest |F'''|/B = " + worstRatio);
    }
}
