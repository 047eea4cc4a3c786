package io.landscape.impl.linalg;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Floating-point eigenvalue estimates of symmetric m×m row-major matrices — not rigorous (the rigorous lower bound
 * built on them is {@code io.landscape.impl.certify.EigenvalueBound}): all eigenvalues of a small matrix (EJML's
 * symmetric QR), and λ_min of a large one by Lanczos with full reorthogonalisation, either on A⁻¹ through a Cholesky
 * factor (λ = 1/θ_max, which converges from above even when λ_min is (nearly) multiple) or on A itself (θ_min ≥ λ_min,
 * matrix–vector products only). The Lanczos start vector is seeded by m, so every result is reproducible. Stateless
 * and thread-safe.
 */
public final class SymmetricEigen {
    private SymmetricEigen() {
    }

    /** λ̃ ≈ λ_min(A) = 1/λ_max(A⁻¹) by Lanczos on A⁻¹ (solves with the factor R), full reorthogonalisation. */
    public static double smallestEigenvalueEstimate(double[] r, int m) {
        double theta = lanczos(m, Math.min(m, 60), 1e-10, true, y -> {
            double[] w = y.clone();
            Cholesky.solve(r, m, w);
            return w;
        });
        return 1.0 / theta;
    }

    /** λ̃ ≈ λ_min(A) by Lanczos on A itself (matrix–vector products only; for large m). */
    public static double smallestEigenvalueDirect(double[] a, int m) {
        return smallestEigenvalueDirect(a, m, Workers.NONE);
    }

    /**
     * {@link #smallestEigenvalueDirect(double[], int)} with the rows of each product shared by {@code workers} (each
     * entry is the same dot product whoever computes it: the same estimate for every {@code workers}).
     */
    public static double smallestEigenvalueDirect(double[] a, int m, Workers workers) {
        int chunks = Math.min(m, 8 * workers.threads());
        return lanczos(m, Math.min(m, 300), 1e-10, false, y -> {
            double[] w = new double[m];
            workers.forEach(chunks, c -> {
                for (int i = (int) ((long) m * c / chunks), end = (int) ((long) m * (c + 1) / chunks); i < end; i++) {
                    w[i] = SmallMatrices.dot(a, i * m, y, 0, m);
                }
            });
            return w;
        });
    }

    /**
     * Lanczos with full reorthogonalisation (seeded start vector) for the largest ({@code largest}) or smallest Ritz
     * value of the symmetric operator; stops when that value changes by ≤ tol relatively between checks.
     */
    private static double lanczos(int m, int maxSteps, double tol, boolean largest,
                                  java.util.function.UnaryOperator<double[]> op) {
        double[][] basis = new double[maxSteps + 1][];
        double[] alpha = new double[maxSteps];
        double[] beta = new double[maxSteps];
        SplittableRandom rnd = new SplittableRandom(0x5EEDL + m);
        double[] q = new double[m];
        for (int i = 0; i < m; i++) {
            q[i] = rnd.nextDouble() - 0.5;
        }
        scale(q, 1.0 / norm(q));
        basis[0] = q;
        double previous = Double.NaN;
        double theta = Double.NaN;
        for (int j = 0; j < maxSteps; j++) {
            double[] w = op.apply(basis[j]);
            alpha[j] = dot(w, basis[j]);
            for (int pass = 0; pass < 2; pass++) {
                for (int t = 0; t <= j; t++) {
                    double c = dot(w, basis[t]);
                    axpy(-c, basis[t], w);
                }
            }
            beta[j] = norm(w);
            int steps = j + 1;
            boolean invariant = beta[j] <= 1e-14 * Math.abs(alpha[j]);
            if (steps % 4 == 0 || steps == maxSteps || invariant) {
                theta = extremeTridiagonal(alpha, beta, steps, largest);
                if (invariant || Math.abs(theta - previous) <= tol * Math.abs(theta)) {
                    break;
                }
                previous = theta;
            }
            if (j + 1 < maxSteps) {
                scale(w, 1.0 / beta[j]);
                basis[j + 1] = w;
            }
        }
        return theta;
    }

    private static double extremeTridiagonal(double[] alpha, double[] beta, int s, boolean largest) {
        DMatrixRMaj t = new DMatrixRMaj(s, s);
        for (int i = 0; i < s; i++) {
            t.set(i, i, alpha[i]);
            if (i + 1 < s) {
                t.set(i, i + 1, beta[i]);
                t.set(i + 1, i, beta[i]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(s, false, true);
        if (!eig.decompose(t)) {
            return Double.NaN;
        }
        double best = largest ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int i = 0; i < s; i++) {
            double e = eig.getEigenvalue(i).getReal();
            best = largest ? Math.max(best, e) : Math.min(best, e);
        }
        return best;
    }

    /** Floating-point eigenvalues of a small symmetric matrix, ascending (for reports, not rigorous). */
    public static double[] eigenvalues(double[] a, int m) {
        DMatrixRMaj t = new DMatrixRMaj(m, m);
        System.arraycopy(a, 0, t.data, 0, m * m);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false, true);
        if (!eig.decompose(t)) {
            throw new ArithmeticException("symmetric eigenvalue decomposition failed");
        }
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            out[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(out);
        return out;
    }

    private static double dot(double[] x, double[] y) {
        return SmallMatrices.dot(x, 0, y, 0, x.length);
    }

    private static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    private static void scale(double[] x, double c) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= c;
        }
    }

    private static void axpy(double c, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += c * x[i];
        }
    }
}
