package io.landscape.impl.certify;

import java.util.Arrays;
import java.util.SplittableRandom;

import io.landscape.impl.objective.SmallMatrices;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A rigorous lower bound of λ_min of a symmetric floating-point matrix A (and hence, with Weyl's inequality, of any
 * symmetric H with ‖H − A‖₂ ≤ η: λ_min(H) ≥ λ_min(A) − η).
 *
 * <h2>Method</h2>
 * <ol>
 *   <li>An estimate λ̃ of λ_min(A), not rigorous, only a guess of where to shift: for m &lt; {@value #DIRECT_FROM}
 *       a floating-point Cholesky A = RᵀR (if it breaks down, A is not numerically positive definite: no bound) and
 *       Lanczos with full reorthogonalisation on A⁻¹ (solves with R), λ̃ = 1/θ_max; for larger m, Lanczos on A
 *       (≤ 300 products), λ̃ = θ_min (which is ≥ λ_min(A), hence the shifts below).</li>
 *   <li>For shifts μ = λ̃(1 − δ), δ ∈ {10⁻⁷, 10⁻⁴, 10⁻², 0.3, 0.9} (from m = {@value #DIRECT_FROM} on
 *       δ ∈ {10⁻³, 10⁻², 0.3, 0.9}): run floating-point Cholesky on Ã = fl(A − μI). If it
 *       runs to completion (every pivot positive), then by Demmel's bound (Demmel 1989; Higham, Accuracy and
 *       Stability of Numerical Algorithms, 2nd ed., §10.1.1, Thm 10.3 — the proof uses only that the factorization
 *       runs to completion, not definiteness, which is how Rump, "Verification of positive definiteness",
 *       BIT 46 (2006), uses it) the computed factor R̂ satisfies R̂ᵀR̂ = Ã + ΔÃ with
 *       |ΔÃ| ≤ γ_{m+1}|R̂ᵀ||R̂|. Since ‖|R̂ᵀ||R̂|‖₂ ≤ ‖R̂‖_F² = tr(Ã + ΔÃ) ≤ tr Ã + γ_{m+1}‖R̂‖_F², we get
 *       ‖ΔÃ‖₂ ≤ γ_{m+1} tr(Ã)/(1 − γ_{m+1}), and Ã + ΔÃ ⪰ 0 gives λ_min(Ã) ≥ −γ_{m+1} tr(Ã)/(1 − γ_{m+1}).
 *       The shift itself is rounded: A − μI = Ã + D with D diagonal, |D_ii| ≤ u|Ã_ii|/(1 − u) ≤ 2u|Ã_ii|. Hence
 *       <pre>  λ_min(A) ≥ μ − γ_{m+1} tr(Ã)/(1 − γ_{m+1}) − 2u max_i |Ã_ii| − m(m+1)·2⁻¹⁰²²,</pre>
 *       the last term covering the absolute errors of gradual underflow (the theorem assumes none). The bound holds for
 *       the standard algorithm; {@link #cholesky} performs exactly its arithmetic (tested bitwise against the
 *       textbook loop). Where the CPU has FMA each update s ← s − r_qi·r_qj is one fused multiply-add, i.e.
 *       fl(s − r_qi r_qj) = (s − r_qi r_qj)(1 + δ) with |δ| ≤ u: one rounding where the unfused loop has two, so every
 *       step of the proof (the inner-product lemma behind Thm 10.3, Higham Lemma 8.4) holds unchanged with the same
 *       γ_{m+1}.</li>
 * </ol>
 * Cost for m &lt; {@value #DIRECT_FROM}: two Cholesky factorizations (m³/3 multiply-adds each) and ≤ 60 pairs of
 * triangular solves; for larger m one factorization per shift tried (usually one) and ≤ 300 products with A.
 * All bookkeeping of the bound is rounded downward. Stateless and thread-safe.
 */
public final class EigenvalueBound {
    private static final double U = 0x1.0p-53;
    private static final double[] SHIFTS = {1e-7, 1e-4, 1e-2, 0.3, 0.9};
    /**
     * Shifts for m ≥ {@value #DIRECT_FROM}, where each failed attempt costs a full factorization (≈ 18 s at m = 10⁴)
     * and Lanczos on A, whose Ritz value λ̃ approaches λ_min from above, is rarely converged to 10⁻⁷: the bound
     * proven is ≥ 0.999 λ̃ instead of 0.9999999 λ̃, which changes Lemma 1's radius by 0.1 %.
     */
    private static final double[] LARGE_SHIFTS = {1e-3, 1e-2, 0.3, 0.9};
    /** From this size on, λ̃ comes from Lanczos on A (products only) instead of a factorization plus Lanczos on A⁻¹. */
    static final int DIRECT_FROM = 1000;

    /** The outcome: a rigorous lower bound (−∞ if none), the floating estimate λ̃ and the shift that worked. */
    public record Result(double lowerBound, double estimate, double shift) {
    }

    private EigenvalueBound() {
    }

    /**
     * A rigorous lower bound of λ_min(A) for the symmetric m×m row-major matrix A (not modified; only its upper
     * triangle is read by the factorizations). Returns
     * lowerBound = −∞ when A is not numerically positive definite.
     */
    public static Result lowerBound(double[] a, int m) {
        if (a.length != m * m) {
            throw new IllegalArgumentException("matrix has " + a.length + " entries, expected " + m + "×" + m);
        }
        double estimate;
        if (m < DIRECT_FROM) {
            double[] r = a.clone();
            if (!cholesky(r, m)) {
                return new Result(Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN);
            }
            estimate = smallestEigenvalueEstimate(r, m);
        } else {
            estimate = smallestEigenvalueDirect(a, m);
        }
        if (!(estimate > 0) || !Double.isFinite(estimate)) {
            return new Result(Double.NEGATIVE_INFINITY, estimate, Double.NaN);
        }
        double[] work = new double[m * m];
        for (double delta : m < DIRECT_FROM ? SHIFTS : LARGE_SHIFTS) {
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
     * In-place Cholesky A = RᵀR on the upper triangle of the row-major m×m matrix (R overwrites it; the strict lower
     * triangle is ignored and left as is), right-looking in panels of {@value #PANEL} rows: once row k of R is formed,
     * row i &gt; k is updated by a contiguous axpy a_ij −= r_ki r_kj (j ≥ i), which the JIT vectorises; rows below
     * the current panel receive the panel's rows one after the other while they stay in cache. Every a_ij still
     * receives its updates in the order q = 0, 1, …, so each r_ij is a_ij − Σ_{q&lt;i} r_qi r_qj summed left to right:
     * the standard algorithm analysed in Higham Thm 10.3, with the same result as the unblocked loop. For
     * m ≥ {@value #PARALLEL_FROM} the trailing rows are updated in parallel (independent rows, same arithmetic).
     * Returns false on a non-positive (or NaN) pivot.
     */
    static boolean cholesky(double[] a, int m) {
        for (int k0 = 0; k0 < m; k0 += PANEL) {
            int k1 = Math.min(m, k0 + PANEL);
            for (int k = k0; k < k1; k++) {
                int rk = k * m;
                double p = a[rk + k];
                if (!(p > 0.0)) {
                    return false;
                }
                double r = Math.sqrt(p);
                a[rk + k] = r;
                for (int j = k + 1; j < m; j++) {
                    a[rk + j] /= r;
                }
                // rows of the panel only; the rows below it are updated by the whole panel at once
                for (int i = k + 1; i < k1; i++) {
                    double f = a[rk + i];
                    if (f != 0.0) {
                        int ri = i * m;
                        for (int j = i; j < m; j++) {
                            a[ri + j] = madd(-f, a[rk + j], a[ri + j]);
                        }
                    }
                }
            }
            final int from = k1;
            final int p0 = k0;
            if (m - from >= 2 * PANEL && m >= PARALLEL_FROM) {
                int chunks = Math.min(64, (m - from + PANEL - 1) / PANEL);
                int[] bounds = balancedChunks(from, m, chunks);
                java.util.stream.IntStream.range(0, chunks).parallel().forEach(c ->
                        trailing(a, m, p0, from, bounds[c], bounds[c + 1]));
            } else {
                trailing(a, m, k0, k1, k1, m);
            }
        }
        return true;
    }

    /**
     * Boundaries of {@code chunks} row ranges of [from, m) carrying equal work (row i of the upper triangle has m − i
     * entries), so that the threads reach the end of each panel's update together.
     */
    static int[] balancedChunks(int from, int m, int chunks) {
        int[] bounds = new int[chunks + 1];
        double total = 0.5 * (m - from) * (double) (m - from + 1);
        double acc = 0;
        int c = 1;
        bounds[0] = from;
        for (int i = from; i < m && c < chunks; i++) {
            acc += m - i;
            while (c < chunks && acc >= total * c / chunks) {
                bounds[c++] = i + 1;
            }
        }
        while (c <= chunks) {
            bounds[c++] = m;
        }
        return bounds;
    }

    /**
     * Rows [lo, hi) −= the contributions of the panel rows [k0, k1), in the order k0, k0 + 1, …, in column tiles of
     * {@value #TILE}: the panel's tile (PANEL × TILE doubles) stays in the core's L2 cache and the row segments being
     * updated in L1 while every row of [lo, hi) passes, instead of streaming whole rows of length m from memory
     * (1.35× faster at m = 6000). The order of the updates of each element is unchanged.
     */
    private static void trailing(double[] a, int m, int k0, int k1, int lo, int hi) {
        for (int jt = lo; jt < m; jt += TILE) {
            int jEnd = Math.min(m, jt + TILE);
            int iEnd = Math.min(hi, jEnd);
            int i = lo;
            for (; i + 1 < iEnd; i += 2) {
                rows2(a, m, k0, k1, i, Math.max(i, jt), jEnd);
            }
            for (; i < iEnd; i++) {
                row1(a, m, k0, k1, i, Math.max(i, jt), jEnd);
            }
        }
    }

    /** Rows i and i+1, columns [j0, jEnd) of the upper triangle (j0 = i on the diagonal tile, else j0 &gt; i). */
    private static void rows2(double[] a, int m, int k0, int k1, int i, int j0, int jEnd) {
        int ri = i * m;
        int rn = ri + m;
        boolean diagonal = j0 == i;
        int js = diagonal ? i + 1 : j0;
        int k = k0;
        // two rows at a time share the loads of four panel rows
        for (; k + 3 < k1; k += 4) {
            int r0 = k * m;
            int r1 = r0 + m;
            int r2 = r1 + m;
            int r3 = r2 + m;
            double f0 = a[r0 + i];
            double f1 = a[r1 + i];
            double f2 = a[r2 + i];
            double f3 = a[r3 + i];
            double g0 = a[r0 + i + 1];
            double g1 = a[r1 + i + 1];
            double g2 = a[r2 + i + 1];
            double g3 = a[r3 + i + 1];
            if (diagonal) {
                double t = a[ri + i];
                t = madd(-f0, f0, t);
                t = madd(-f1, f1, t);
                t = madd(-f2, f2, t);
                t = madd(-f3, f3, t);
                a[ri + i] = t;
            }
            for (int j = js; j < jEnd; j++) {
                double p0 = a[r0 + j];
                double p1 = a[r1 + j];
                double p2 = a[r2 + j];
                double p3 = a[r3 + j];
                double x = a[ri + j];
                x = madd(-f0, p0, x);
                x = madd(-f1, p1, x);
                x = madd(-f2, p2, x);
                x = madd(-f3, p3, x);
                a[ri + j] = x;
                double y = a[rn + j];
                y = madd(-g0, p0, y);
                y = madd(-g1, p1, y);
                y = madd(-g2, p2, y);
                y = madd(-g3, p3, y);
                a[rn + j] = y;
            }
        }
        for (; k < k1; k++) {
            int rk = k * m;
            double f = a[rk + i];
            double g = a[rk + i + 1];
            if (diagonal) {
                a[ri + i] = madd(-f, f, a[ri + i]);
            }
            for (int j = js; j < jEnd; j++) {
                double p = a[rk + j];
                a[ri + j] = madd(-f, p, a[ri + j]);
                a[rn + j] = madd(-g, p, a[rn + j]);
            }
        }
    }

    /** Row i, columns [j0, jEnd). */
    private static void row1(double[] a, int m, int k0, int k1, int i, int j0, int jEnd) {
        int ri = i * m;
        int k = k0;
        // four panel rows per sweep: a_ij stays in a register, the subtractions keep their order k, k+1, k+2, k+3
        for (; k + 3 < k1; k += 4) {
            int r0 = k * m;
            int r1 = r0 + m;
            int r2 = r1 + m;
            int r3 = r2 + m;
            double f0 = a[r0 + i];
            double f1 = a[r1 + i];
            double f2 = a[r2 + i];
            double f3 = a[r3 + i];
            for (int j = j0; j < jEnd; j++) {
                double t = a[ri + j];
                t = madd(-f0, a[r0 + j], t);
                t = madd(-f1, a[r1 + j], t);
                t = madd(-f2, a[r2 + j], t);
                t = madd(-f3, a[r3 + j], t);
                a[ri + j] = t;
            }
        }
        for (; k < k1; k++) {
            int rk = k * m;
            double f = a[rk + i];
            for (int j = j0; j < jEnd; j++) {
                a[ri + j] = madd(-f, a[rk + j], a[ri + j]);
            }
        }
    }

    private static final int TILE = 512;

    private static double madd(double a, double b, double c) {
        return SmallMatrices.madd(a, b, c);
    }

    private static final int PARALLEL_FROM = 768;
    private static final int PANEL = 48;

    /** Solves RᵀR y = b in place (R the upper triangle of the factored array). */
    private static void solve(double[] r, int m, double[] y) {
        for (int i = 0; i < m; i++) {
            int ri = i * m;
            double z = y[i] / r[ri + i];
            y[i] = z;
            for (int j = i + 1; j < m; j++) {
                y[j] -= r[ri + j] * z;
            }
        }
        for (int i = m - 1; i >= 0; i--) {
            int ri = i * m;
            double s = y[i];
            for (int j = i + 1; j < m; j++) {
                s -= r[ri + j] * y[j];
            }
            y[i] = s / r[ri + i];
        }
    }

    /** λ̃ ≈ λ_min(A) = 1/λ_max(A⁻¹) by Lanczos on A⁻¹ (solves with the factor R), full reorthogonalisation. */
    static double smallestEigenvalueEstimate(double[] r, int m) {
        double theta = lanczos(m, Math.min(m, 60), 1e-10, true, y -> {
            double[] w = y.clone();
            solve(r, m, w);
            return w;
        });
        return 1.0 / theta;
    }

    /** λ̃ ≈ λ_min(A) by Lanczos on A itself (matrix–vector products only; for large m). */
    static double smallestEigenvalueDirect(double[] a, int m) {
        return lanczos(m, Math.min(m, 300), 1e-10, false, y -> {
            double[] w = new double[m];
            java.util.stream.IntStream.range(0, m).parallel().forEach(i -> {
                int ri = i * m;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int q = 0;
                for (; q + 3 < m; q += 4) {
                    s0 += a[ri + q] * y[q];
                    s1 += a[ri + q + 1] * y[q + 1];
                    s2 += a[ri + q + 2] * y[q + 2];
                    s3 += a[ri + q + 3] * y[q + 3];
                }
                for (; q < m; q++) {
                    s0 += a[ri + q] * y[q];
                }
                w[i] = (s0 + s1) + (s2 + s3);
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
