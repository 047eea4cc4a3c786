package io.landscape.impl.certify;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A rigorous lower bound of λ_min of a symmetric floating-point matrix A (and hence, with Weyl's inequality, of any
 * symmetric H with ‖H − A‖₂ ≤ η: λ_min(H) ≥ λ_min(A) − η).
 *
 * <h2>Method</h2>
 * <ol>
 *   <li>Floating-point Cholesky A = LLᵀ (if it breaks down, A is not numerically positive definite: no bound).</li>
 *   <li>An estimate λ̃ of λ_min(A): Lanczos with full reorthogonalisation on A⁻¹ (solves with L), λ̃ = 1/θ_max.
 *       Not rigorous, only a guess of where to shift.</li>
 *   <li>For shifts μ = λ̃(1 − δ), δ ∈ {10⁻⁷, 10⁻⁴, 10⁻², 0.3, 0.9}: run floating-point Cholesky on Ã = fl(A − μI). If it
 *       runs to completion (every pivot positive), then by Demmel's bound (Higham, Accuracy and Stability of Numerical
 *       Algorithms, 2nd ed., Thm 10.5) the computed factor R̂ satisfies R̂ᵀR̂ = Ã + ΔÃ with
 *       |ΔÃ| ≤ γ_{m+1}|R̂ᵀ||R̂|. Since ‖|R̂ᵀ||R̂|‖₂ ≤ ‖R̂‖_F² = tr(Ã + ΔÃ) ≤ tr Ã + γ_{m+1}‖R̂‖_F², we get
 *       ‖ΔÃ‖₂ ≤ γ_{m+1} tr(Ã)/(1 − γ_{m+1}), and Ã + ΔÃ ⪰ 0 gives λ_min(Ã) ≥ −γ_{m+1} tr(Ã)/(1 − γ_{m+1}).
 *       The shift itself is rounded: A − μI = Ã + D with D diagonal, |D_ii| ≤ u|Ã_ii|/(1 − u) ≤ 2u|Ã_ii|. Hence
 *       <pre>  λ_min(A) ≥ μ − γ_{m+1} tr(Ã)/(1 − γ_{m+1}) − 2u max_i |Ã_ii| − m(m+1)·2⁻¹⁰²²,</pre>
 *       the last term covering the absolute errors of gradual underflow (Thm 10.5 assumes none). The bound holds for
 *       any order of the inner products, so it applies to the row-oriented (Cholesky–Banachiewicz) loop below,
 *       which accumulates each inner product in four partial sums.</li>
 * </ol>
 * Cost: two Cholesky factorizations (m³/3 multiply-adds each) and ≤ 60 pairs of triangular solves.
 * All bookkeeping of the bound is rounded downward. Stateless and thread-safe.
 */
public final class EigenvalueBound {
    private static final double U = 0x1.0p-53;
    private static final double[] SHIFTS = {1e-7, 1e-4, 1e-2, 0.3, 0.9};

    /** The outcome: a rigorous lower bound (−∞ if none), the floating estimate λ̃ and the shift that worked. */
    public record Result(double lowerBound, double estimate, double shift) {
    }

    private EigenvalueBound() {
    }

    /**
     * A rigorous lower bound of λ_min(A) for the symmetric m×m row-major matrix A (not modified). Returns
     * lowerBound = −∞ when A is not numerically positive definite.
     */
    public static Result lowerBound(double[] a, int m) {
        if (a.length != m * m) {
            throw new IllegalArgumentException("matrix has " + a.length + " entries, expected " + m + "×" + m);
        }
        double[] l = a.clone();
        if (!cholesky(l, m)) {
            return new Result(Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN);
        }
        double estimate = smallestEigenvalueEstimate(l, m);
        if (!(estimate > 0) || !Double.isFinite(estimate)) {
            return new Result(Double.NEGATIVE_INFINITY, estimate, Double.NaN);
        }
        double[] work = new double[m * m];
        for (double delta : SHIFTS) {
            double mu = estimate * (1.0 - delta);
            System.arraycopy(a, 0, work, 0, m * m);
            double trace = 0.0;
            double maxDiag = 0.0;
            for (int i = 0; i < m; i++) {
                double t = work[i * m + i] - mu;
                work[i * m + i] = t;
                trace = Interval.addUp(trace, Math.abs(t));
                maxDiag = Math.max(maxDiag, Math.abs(t));
            }
            if (cholesky(work, m)) {
                return new Result(certifiedBound(mu, trace, maxDiag, m), estimate, mu);
            }
        }
        // every shift failed: fall back on μ = 0, which can only prove λ_min ≥ −(tiny)
        return new Result(Double.NEGATIVE_INFINITY, estimate, Double.NaN);
    }

    /** μ − γ_{m+1} tr/(1 − γ_{m+1}) − 2u·maxDiag − m(m+1)·2⁻¹⁰²², rounded downward. */
    static double certifiedBound(double mu, double traceUpper, double maxDiag, int m) {
        double nu = Interval.mulUp(m + 1.0, U);
        double gamma = Interval.divUp(nu, Interval.subDown(1.0, nu));
        double shrink = Interval.divUp(Interval.mulUp(gamma, traceUpper), Interval.subDown(1.0, gamma));
        double diag = Interval.mulUp(2.0 * U, maxDiag);
        double under = Interval.mulUp(Interval.mulUp(m, m + 1.0), Double.MIN_NORMAL);
        return Interval.subDown(Interval.subDown(Interval.subDown(mu, shrink), diag), under);
    }

    /**
     * In-place Cholesky–Banachiewicz on the lower triangle of the row-major m×m matrix (upper triangle ignored, left
     * as is). Returns false on a non-positive (or NaN) pivot.
     */
    static boolean cholesky(double[] a, int m) {
        for (int i = 0; i < m; i++) {
            int ri = i * m;
            for (int j = 0; j <= i; j++) {
                int rj = j * m;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int q = 0;
                for (; q + 3 < j; q += 4) {
                    s0 += a[ri + q] * a[rj + q];
                    s1 += a[ri + q + 1] * a[rj + q + 1];
                    s2 += a[ri + q + 2] * a[rj + q + 2];
                    s3 += a[ri + q + 3] * a[rj + q + 3];
                }
                for (; q < j; q++) {
                    s0 += a[ri + q] * a[rj + q];
                }
                double s = a[ri + j] - ((s0 + s1) + (s2 + s3));
                if (j < i) {
                    a[ri + j] = s / a[rj + j];
                } else {
                    if (!(s > 0.0)) {
                        return false;
                    }
                    a[ri + i] = Math.sqrt(s);
                }
            }
        }
        return true;
    }

    /** Solves LLᵀ y = b in place (L the lower triangle of the factored array). */
    private static void solve(double[] l, int m, double[] y) {
        for (int i = 0; i < m; i++) {
            double s = y[i];
            int ri = i * m;
            for (int q = 0; q < i; q++) {
                s -= l[ri + q] * y[q];
            }
            y[i] = s / l[ri + i];
        }
        for (int i = m - 1; i >= 0; i--) {
            double s = y[i] / l[i * m + i];
            y[i] = s;
            for (int q = 0; q < i; q++) {
                y[q] -= l[i * m + q] * s;
            }
        }
    }

    /** λ̃ ≈ λ_min(A) = 1/λ_max(A⁻¹) by Lanczos on A⁻¹ with full reorthogonalisation (seeded start vector). */
    static double smallestEigenvalueEstimate(double[] l, int m) {
        int maxSteps = Math.min(m, 60);
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
        int steps = 0;
        for (int j = 0; j < maxSteps; j++) {
            double[] w = basis[j].clone();
            solve(l, m, w);
            alpha[j] = dot(w, basis[j]);
            for (int pass = 0; pass < 2; pass++) {
                for (int t = 0; t <= j; t++) {
                    double c = dot(w, basis[t]);
                    axpy(-c, basis[t], w);
                }
            }
            beta[j] = norm(w);
            steps = j + 1;
            if (steps % 5 == 0 || steps == maxSteps || beta[j] <= 1e-14 * Math.abs(alpha[j])) {
                theta = largestTridiagonal(alpha, beta, steps);
                if (beta[j] <= 1e-14 * Math.abs(alpha[j]) || Math.abs(theta - previous) <= 1e-13 * Math.abs(theta)) {
                    break;
                }
                previous = theta;
            }
            if (j + 1 < maxSteps) {
                scale(w, 1.0 / beta[j]);
                basis[j + 1] = w;
            }
        }
        return 1.0 / theta;
    }

    private static double largestTridiagonal(double[] alpha, double[] beta, int s) {
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
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s; i++) {
            best = Math.max(best, eig.getEigenvalue(i).getReal());
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
        double s0 = 0, s1 = 0;
        int i = 0;
        for (; i + 1 < x.length; i += 2) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
        }
        for (; i < x.length; i++) {
            s0 += x[i] * y[i];
        }
        return s0 + s1;
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
