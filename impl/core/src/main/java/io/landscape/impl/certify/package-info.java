/**
 * Rigorous certification of spurious local minima (paper 002, Safran &amp; Shamir 2018, Lemmas 1–3 and Corollary 1)
 * in verified floating-point arithmetic: {@link io.landscape.impl.certify.Certifier} checks a point and returns a
 * {@link io.landscape.impl.certify.Certificate} whose verdict depends only on what was proved about that point.
 *
 * <h2>The argument</h2>
 * With ε ≥ ‖∇F(w)‖ (an upper bound from {@link io.landscape.impl.certify.PointEnclosure}, interval arithmetic in
 * {@link io.landscape.impl.certify.Interval}, every rounding directed), λ ≤ λ_min(∇²F(w)) and B a bound of the third
 * derivative on a ball around w ({@link io.landscape.impl.certify.ThirdOrderBound}), Taylor's theorem gives, along any
 * direction at distance t, F(w + t·u) − F(w) ≥ t(λt/2 − Bt²/6 − ε); it is positive on the sphere of radius
 * r = 25ε/(2(3λ + √(9λ² − 25Bε))) (Lemma 1), so a local minimum lies within r, and F on that ball is at least
 * F(w) − εr − Br³/6 (Lemma 2): if that is positive while inf F = 0, the minimum is spurious.
 *
 * <h2>The smallest eigenvalue</h2>
 * λ = (a rigorous lower bound of λ_min(A), A the floating-point Hessian) − η, η ≥ ‖∇²F(w) − A‖₂ from
 * {@link io.landscape.impl.certify.HessianEnclosure}, by Weyl's inequality. The lower bound of λ_min(A) is
 * {@link io.landscape.impl.certify.EigenvalueBound}: a shifted floating-point Cholesky factorisation of A − μI that
 * runs to completion, with Demmel's backward-error bound turned into a proof (Higham, Thm 10.3; Rump 2006); the shift μ
 * comes from a floating-point estimate ({@link io.landscape.impl.linalg.SymmetricEigen}, not rigorous, only a guess of
 * where to shift). Zero-padded teachers (Lemma 3) add the spectrum of a small matrix
 * ({@link io.landscape.impl.certify.PaddingSpectrum}). {@link io.landscape.impl.certify.InputDigest} keys cached
 * certificates by everything that decided them.
 */
package io.landscape.impl.certify;
