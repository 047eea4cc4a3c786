package io.landscape.impl.certify;

import io.landscape.impl.linalg.SymmetricEigen;
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
            double[] exact = SymmetricEigen.eigenvalues(a, m);
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

    /** H diag(λ) H with the Householder reflection H = I − 2vvᵀ: a dense matrix with a known spectrum in O(m²). */
    private static double[] householder(double[] lambda, SplittableRandom rnd) {
        int m = lambda.length;
        double[] v = new double[m];
        double s = 0;
        for (int i = 0; i < m; i++) {
            v[i] = rnd.nextGaussian();
            s += v[i] * v[i];
        }
        for (int i = 0; i < m; i++) {
            v[i] /= Math.sqrt(s);
        }
        // H D H = D − 2 v (Dv)ᵀ − 2 (Dv) vᵀ + 4 (vᵀDv) v vᵀ
        double[] dv = new double[m];
        double vdv = 0;
        for (int i = 0; i < m; i++) {
            dv[i] = lambda[i] * v[i];
            vdv += v[i] * dv[i];
        }
        double[] a = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double x = -2 * v[i] * dv[j] - 2 * dv[i] * v[j] + 4 * vdv * v[i] * v[j] + (i == j ? lambda[i] : 0);
                a[i * m + j] = x;
                a[j * m + i] = x;
            }
        }
        return a;
    }

    @Test
    void largeMatricesUseTheProductOnlyEstimate() {
        SplittableRandom rnd = new SplittableRandom(6);
        int m = EigenvalueBound.DIRECT_FROM + 24;
        double[] lambda = new double[m];
        for (int i = 0; i < m; i++) {
            lambda[i] = 0.05 + 2.5 * rnd.nextDouble();
        }
        lambda[7] = 0.004;
        lambda[100] = 0.0041;
        EigenvalueBound.Result r = EigenvalueBound.lowerBound(householder(lambda, rnd), m);
        assertTrue(r.lowerBound() <= 0.004 + 1e-13 && r.lowerBound() >= 0.004 * (1 - 2e-3), "bound " + r.lowerBound()); // 0.999·λ̃
        lambda[7] = -0.001;
        assertTrue(!(EigenvalueBound.lowerBound(householder(lambda, rnd), m).lowerBound() > 0));
    }

    @Test
    void panelledCholeskyReproducesTheMatrix() {
        int m = 130;   // several panels and a partial one
        SplittableRandom rnd = new SplittableRandom(8);
        double[] lambda = new double[m];
        for (int i = 0; i < m; i++) {
            lambda[i] = 0.01 + rnd.nextDouble();
        }
        double[] a = householder(lambda, rnd);
        double[] r = a.clone();
        assertTrue(io.landscape.impl.linalg.Cholesky.factor(r, m));
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int q = 0; q <= j; q++) {
                    s += r[q * m + i] * r[q * m + j];
                }
                assertEquals(a[i * m + j], s, 1e-13);
            }
        }
    }

    /** The textbook loop: r_ij = (a_ij − Σ_{q<i} r_qi r_qj)/r_ii, summed for q = 0, 1, … (fused multiply-adds). */
    private static boolean reference(double[] a, int m) {
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double s = a[i * m + j];
                for (int q = 0; q < i; q++) {
                    s = io.landscape.impl.linalg.SmallMatrices.madd(-a[q * m + i], a[q * m + j], s);
                }
                if (j == i) {
                    if (!(s > 0)) {
                        return false;
                    }
                    a[i * m + i] = Math.sqrt(s);
                } else {
                    a[i * m + j] = s / a[i * m + i];
                }
            }
        }
        return true;
    }

    @Test
    void panelledCholeskyIsBitwiseTheTextbookAlgorithm() {
        // the error analysis is that of the textbook loop: the fast version must do exactly the same arithmetic
        for (int m : new int[] {7, 100, 800}) {
            SplittableRandom rnd = new SplittableRandom(m);
            double[] lambda = new double[m];
            for (int i = 0; i < m; i++) {
                lambda[i] = 0.001 + rnd.nextDouble();
            }
            double[] a = householder(lambda, rnd);
            double[] fast = a.clone();
            double[] slow = a.clone();
            assertTrue(io.landscape.impl.linalg.Cholesky.factor(fast, m));
            assertTrue(reference(slow, m));
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    assertEquals(slow[i * m + j], fast[i * m + j], 0.0, "R[" + i + "][" + j + "], m = " + m);
                }
            }
        }
    }

    @Test
    void choleskyReproducesTheMatrix() {
        double[] a = withSpectrum(new double[] {1, 2, 3, 4}, new SplittableRandom(5));
        double[] l = a.clone();
        assertTrue(io.landscape.impl.linalg.Cholesky.factor(l, 4));
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int q = 0; q <= j; q++) {
                    s += l[q * 4 + i] * l[q * 4 + j];   // R is in the upper triangle: A = RᵀR
                }
                assertEquals(a[i * 4 + j], s, 1e-13);
            }
        }
    }
}
