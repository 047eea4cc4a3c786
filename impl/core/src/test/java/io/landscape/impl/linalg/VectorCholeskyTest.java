package io.landscape.impl.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SIMD factorisation is the textbook one bit for bit: same factor, same failures, lower triangle untouched, for
 * sizes around the tile (2 vectors) and panel (48) boundaries and above the parallel threshold.
 */
class VectorCholeskyTest {

    /** A random symmetric matrix A = BᵀB/m + shift·I (positive definite for shift &gt; 0); lower triangle marked. */
    static double[] matrix(int m, double shift, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] b = new double[m * m];
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextDouble(-1, 1);
        }
        double[] a = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double s = 0;
                for (int q = 0; q < m; q++) {
                    s += b[q * m + i] * b[q * m + j];
                }
                a[i * m + j] = s / m + (i == j ? shift : 0);
            }
            for (int j = 0; j < i; j++) {
                a[i * m + j] = 1000.0 + i * m + j; // must survive unchanged
            }
        }
        return a;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 15, 16, 17, 31, 33, 47, 48, 49, 95, 96, 97, 100, 143, 361, 400, 403, 800, 809})
    void sameFactorAsTheScalarLoop(int m) {
        assumeTrue(Simd.AVAILABLE, "needs --add-modules jdk.incubator.vector and hardware FMA");
        double[] a = matrix(m, 0.05, m);
        double[] scalar = a.clone();
        double[] vector = a.clone();
        assertTrue(Cholesky.factorScalar(scalar, m));
        assertTrue(Cholesky.factor(vector, m)); // the SIMD kernels, parallel from m = 768
        for (int i = 0; i < m * m; i++) {
            assertEquals(Double.doubleToRawLongBits(scalar[i]), Double.doubleToRawLongBits(vector[i]),
                    "entry (" + i / m + ", " + i % m + ") of m = " + m);
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(1000.0 + i * m + j, vector[i * m + j], "lower triangle changed at (" + i + ", " + j + ")");
            }
        }
        // and the factor is right: RᵀR reproduces A
        double worst = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double s = 0;
                for (int q = 0; q <= i; q++) {
                    s += vector[q * m + i] * vector[q * m + j];
                }
                worst = Math.max(worst, Math.abs(s - a[i * m + j]));
            }
        }
        assertTrue(worst < 1e-12 * m, "residual " + worst);
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 60, 130, 400})
    void indefiniteMatricesFailAsTheScalarLoopDoes(int m) {
        assumeTrue(Simd.AVAILABLE, "needs --add-modules jdk.incubator.vector and hardware FMA");
        double[] a = matrix(m, 0.0, 7 * m);
        int p = m - 1 - m / 3;
        a[p * m + p] -= 10.0; // a negative pivot at row p (the matrix is indefinite)
        assertFalse(Cholesky.factorScalar(a.clone(), m));
        assertFalse(Cholesky.factor(a.clone(), m));
        double[] nan = matrix(m, 0.05, m);
        nan[(m / 2) * m + m / 2] = Double.NaN;
        assertFalse(Cholesky.factor(nan, m));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 8, 9, 16, 17, 100, 403})
    void interleavedSolveFollowsItsDocumentedOrderAndSolves(int m) {
        double[] a = matrix(m, 0.05, 3 * m);
        double[] r = a.clone();
        assertTrue(Cholesky.factorScalar(r, m));
        SplittableRandom rng = new SplittableRandom(m);
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            b[i] = rng.nextDouble(-1, 1);
        }
        double[] fast = b.clone();
        Cholesky.solveInterleaved(r, m, fast);
        double[] scalar = b.clone();
        scalarInterleaved(r, m, scalar);
        for (int i = 0; i < m; i++) {
            assertEquals(Double.doubleToRawLongBits(scalar[i]), Double.doubleToRawLongBits(fast[i]), "entry " + i);
        }
        double[] textbook = b.clone();
        Cholesky.solve(r, m, textbook);
        for (int i = 0; i < m; i++) {
            assertEquals(textbook[i], fast[i], 1e-10 * (1 + Math.abs(textbook[i])), "entry " + i);
        }
        // and A y = b (A's upper triangle, mirrored)
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += a[Math.min(i, j) * m + Math.max(i, j)] * fast[j];
            }
            assertEquals(b[i], s, 1e-9, "row " + i);
        }
    }

    /** The documented order of {@link Cholesky#solveInterleaved}, written out with an array of partial sums. */
    private static void scalarInterleaved(double[] r, int m, double[] y) {
        for (int i = 0; i < m; i++) {
            double z = y[i] / r[i * m + i];
            y[i] = z;
            for (int j = i + 1; j < m; j++) {
                y[j] -= r[i * m + j] * z;
            }
        }
        for (int i = m - 1; i >= 0; i--) {
            double[] part = new double[8];
            int j = i + 1;
            for (; j + 8 <= m; j += 8) {
                for (int p = 0; p < 8; p++) {
                    part[p] = Math.fma(r[i * m + j + p], y[j + p], part[p]);
                }
            }
            double dot = ((part[0] + part[1]) + (part[2] + part[3])) + ((part[4] + part[5]) + (part[6] + part[7]));
            for (; j < m; j++) {
                dot = Math.fma(r[i * m + j], y[j], dot);
            }
            y[i] = (y[i] - dot) / r[i * m + i];
        }
    }
}
