package io.landscape.impl.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CholeskyTest {
    /** A = BᵀB + δI for a random B: symmetric positive definite. */
    private static double[] spd(int m, double delta, SplittableRandom rnd) {
        double[] b = new double[m * m];
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextDouble() - 0.5;
        }
        double[] a = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int q = 0; q < m; q++) {
                    s += b[q * m + i] * b[q * m + j];
                }
                a[i * m + j] = s + (i == j ? delta : 0.0);
            }
        }
        return a;
    }

    @Test
    void solveInvertsTheFactoredMatrix() {
        for (int m : new int[] {1, 5, 60, 130}) {
            SplittableRandom rnd = new SplittableRandom(m);
            double[] a = spd(m, 0.5, rnd);
            double[] r = a.clone();
            assertTrue(Cholesky.factor(r, m));
            double[] b = new double[m];
            for (int i = 0; i < m; i++) {
                b[i] = rnd.nextDouble() - 0.5;
            }
            double[] y = b.clone();
            Cholesky.solve(r, m, y);
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += a[i * m + j] * y[j];
                }
                assertEquals(b[i], s, 1e-10, "row " + i + " of A·A⁻¹b, m = " + m);
            }
        }
    }

    @Test
    void indefiniteMatricesAreRefused() {
        int m = 40;
        double[] a = spd(m, 0.0, new SplittableRandom(3));
        for (int i = 0; i < m; i++) {
            a[i * m + i] -= 1e3; // far below λ_min: negative definite
        }
        assertFalse(Cholesky.factor(a, m));
        double[] nan = spd(3, 1.0, new SplittableRandom(4));
        nan[4] = Double.NaN;
        assertFalse(Cholesky.factor(nan, 3));
    }
}
