package io.landscape.impl.certify;

import io.landscape.impl.linalg.Cholesky;
import io.landscape.impl.linalg.SymmetricEigen;
import io.landscape.impl.linalg.Workers;

/**
 * A rigorous lower bound of λ_min of a symmetric floating-point matrix A (and hence, with Weyl's inequality, of any
 * symmetric H with ‖H − A‖₂ ≤ η: λ_min(H) ≥ λ_min(A) − η).
 *
 * <h2>Method</h2>
 * <ol>
 *   <li>An estimate λ̃ of λ_min(A) ({@link SymmetricEigen}), not rigorous, only a guess of where to shift: for m &lt; {@value #DIRECT_FROM}
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
 *       the standard algorithm; {@link Cholesky#factor} performs exactly its arithmetic (tested bitwise against the
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
        return lowerBound(a, m, Workers.NONE);
    }

    /**
     * {@link #lowerBound(double[], int)} with the factorizations ({@link Cholesky#factor(double[], int, Workers)}) and
     * the Lanczos products shared by {@code workers}: the same arithmetic, so the same bound, for every
     * {@code workers}.
     */
    public static Result lowerBound(double[] a, int m, Workers workers) {
        if (a.length != m * m) {
            throw new IllegalArgumentException("matrix has " + a.length + " entries, expected " + m + "×" + m);
        }
        double estimate;
        if (m < DIRECT_FROM) {
            double[] r = a.clone();
            if (!Cholesky.factor(r, m, workers)) {
                return new Result(Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN);
            }
            estimate = SymmetricEigen.smallestEigenvalueEstimate(r, m);
        } else {
            estimate = SymmetricEigen.smallestEigenvalueDirect(a, m, workers);
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
            if (Cholesky.factor(work, m, workers)) {
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
}
