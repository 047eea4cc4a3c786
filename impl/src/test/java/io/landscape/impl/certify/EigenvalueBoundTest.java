package io.landscape.impl.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

class EigenvalueBoundTest {
    /** Q diag(λ) Qᵀ with a random orthogonal Q, symmetrised. */
    private static double[] withSpectrum(double[] lambda, SplittableRandom seed) {
        int m = lambda.length;
        DMatrixRMaj q = RandomMatrices_DDRM.orthogonal(m, m, new java.util.Random(seed.nextLong()));
        DMatrixRMaj d = CommonOps_DDRM.diag(lambda);
        DMatrixRMaj t = new DMatrixRMaj(m, m);
        DMatrixRMaj a = new DMatrixRMaj(m, m);
        CommonOps_DDRM.mult(q, d, t);
        CommonOps_DDRM.multTransB(t, q, a);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                a.set(j, i, a.get(i, j));
            }
        }
        return a.data;
    }

    @Test
    void boundIsBelowTheSmallestEigenvalueAndClose() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int t = 0; t < 20; t++) {
            int m = 1 + rnd.nextInt(80);
            double[] lambda = new double[m];
            for (int i = 0; i < m; i++) {
                lambda[i] = Math.pow(10, -rnd.nextInt(0, 5)) * (0.5 + rnd.nextDouble());
            }
            if (m > 3 && t % 3 == 0) {
                lambda[1] = lambda[0]; // a repeated smallest eigenvalue
                lambda[2] = lambda[0] * (1 + 1e-9);
            }
            double[] a = withSpectrum(lambda, rnd);
            double[] exact = EigenvalueBound.eigenvalues(a, m);
            EigenvalueBound.Result r = EigenvalueBound.lowerBound(a, m);
            // A differs from Q diag Qᵀ by rounding (~1e-15): compare with the floating eigenvalues of A itself
            assertTrue(r.lowerBound() <= exact[0] + 1e-14, "bound " + r.lowerBound() + " > λ_min " + exact[0]);
            assertTrue(r.lowerBound() >= exact[0] * (1 - 1e-6) - 1e-12, "bound " + r.lowerBound() + " far below "
                    + exact[0]);
        }
    }

    @Test
    void indefiniteOrSingularMatricesGetNoPositiveBound() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int t = 0; t < 10; t++) {
            int m = 2 + rnd.nextInt(40);
            double[] lambda = new double[m];
            for (int i = 0; i < m; i++) {
                lambda[i] = 0.1 + rnd.nextDouble();
            }
            lambda[rnd.nextInt(m)] = t % 2 == 0 ? -1e-6 : 0.0;
            EigenvalueBound.Result r = EigenvalueBound.lowerBound(withSpectrum(lambda, rnd), m);
            assertTrue(!(r.lowerBound() > 0), "positive bound " + r.lowerBound() + " for a matrix with λ ≤ 0");
        }
    }

    @Test
    void demmelBoundArithmetic() {
        // μ − γ_{m+1} tr/(1 − γ_{m+1}) − 2u·max − m(m+1)·2⁻¹⁰²² for m = 10, tr = 10, max = 1
        double u = 0x1.0p-53;
        double gamma = 11 * u / (1 - 11 * u);
        double expected = 0.5 - gamma * 10 / (1 - gamma) - 2 * u;
        double got = EigenvalueBound.certifiedBound(0.5, 10.0, 1.0, 10);
        assertTrue(got <= expected);
        assertEquals(expected, got, 1e-15);
    }

    @Test
    void choleskyReproducesTheMatrix() {
        double[] a = withSpectrum(new double[] {1, 2, 3, 4}, new SplittableRandom(5));
        double[] l = a.clone();
        assertTrue(EigenvalueBound.cholesky(l, 4));
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int q = 0; q <= j; q++) {
                    s += l[i * 4 + q] * l[j * 4 + q];
                }
                assertEquals(a[i * 4 + j], s, 1e-13);
            }
        }
    }
}
