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
 * certificates by everything that decided them. The dense route costs one (nd)³/3 factorization per shift tried
 * (≈ 18 s on one core at k = n = d = 100); {@link io.landscape.impl.certify.Certifier#certify(io.landscape.api.Problem,
 * double[], io.landscape.impl.certify.Options, io.landscape.impl.linalg.Workers)} shares it between threads.
 *
 * <h2>The smallest eigenvalue from the point's symmetry (identity teacher)</h2>
 * {@link io.landscape.impl.certify.SymmetricCertifier} (certificate method {@code symmetry-blocks}) avoids the dense
 * factorization at identity-teacher points (d = k, v_l = e_l), whose minima are highly symmetric. The derivation:
 * <ol>
 *   <li><b>The group.</b> Permuting the students by π and the coordinates by σ maps F(W) to itself when a∘π = a and
 *       b∘σ = b (σ permutes the teachers e_l among themselves). G = S_{m_1} × … × S_{m_C}: factor c permutes m_c
 *       positions, at once on a neuron track A_c (or none) and a coordinate track B_c; everything else is fixed.
 *       {@link io.landscape.impl.certify.PointSymmetry#detect} finds a candidate from the computed point (value classes
 *       with a tolerance, colour refinement of neurons and coordinates, matched blocks W[A_p,B_p] = α,
 *       W[A_p,B_r] = β). Nothing rests on the detection: the point is symmetrized (each orbit of entries set to one
 *       double, its mean), the symmetrized point x_s is checked to be <em>exactly</em> invariant under the adjacent
 *       transpositions of every factor (which generate G) with a, b constant on the tracks, and x_s is the point
 *       certified (its distance from the input is reported). Then for g ∈ G (a permutation matrix),
 *       F(gx) = F(x) and gx_s = x_s give gᵀ∇²F(x_s)g = ∇²F(x_s): H := ∇²F(x_s) commutes with G, exactly.</li>
 *   <li><b>Isotypic decomposition.</b> R^{n×d} = R^n ⊗ R^d splits into G-invariant, mutually orthogonal pieces
 *       (neuron part ⊗ coordinate part, each part a fixed index or a track), and each piece into irreducibles of G
 *       (P = 1 ⊕ V for the permutation module of S_m, V the standard module of dimension m − 1):
 *       <pre>
 *   fixed ⊗ fixed = 1,   fixed ⊗ B_c = A_c ⊗ fixed = 1 ⊕ V_c,   A_c ⊗ B_c' = 1 ⊕ V_c ⊕ V_c' ⊕ V_c⊗V_c'  (c ≠ c'),
 *   A_c ⊗ B_c = diagonal (1 ⊕ V_c) ⊕ off-diagonal symmetric (1 ⊕ V_c ⊕ S_c^(m−2,2))
 *               ⊕ off-diagonal antisymmetric (V_c ⊕ S_c^(m−2,1,1)).
 *       </pre>
 *       The dimensions add up to n·d (checked at run time: m² = 2 + 3(m−1) + m(m−3)/2 + (m−1)(m−2)/2). The
 *       irreducibles 1, V_c, V_c⊗V_c', S_c^(m−2,2), S_c^(m−2,1,1) are pairwise non-isomorphic and absolutely
 *       irreducible (Specht modules of distinct partitions and their outer tensor products).</li>
 *   <li><b>Blocks.</b> Let ρ occur μ times, through G-equivariant injections T_1..T_μ: ρ → R^{nd} with mutually
 *       orthogonal images. By Schur's lemma T_aᵀT_a = s_a² I and T_aᵀHT_b = c_ab I, and H maps different isotypic
 *       components to zero. In the orthonormal basis {T_a e_r / s_a} (e_r an orthonormal basis of ρ) H is
 *       ⊕_ρ K_ρ ⊗ I_{dim ρ} with K_ρ[a,b] = c_ab/(s_a s_b) = ⟨y_a, H y_b⟩/(‖y_a‖‖y_b‖), y_a = T_a f for any fixed
 *       f ≠ 0 in ρ. Hence λ_min(H) = min_ρ λ_min(K_ρ) — an equality, no Sylvester scaling is lost, and every
 *       off-diagonal coupling between blocks is exactly zero. The test vectors have integer entries
 *       ({@link io.landscape.impl.certify.PointSymmetry#blocks}): orbit indicators for ρ = 1; with f = e_0 − e_1 on
 *       the positions of a factor, f on the track side and constant on the other for V_c in the mixed pieces,
 *       f on the diagonal, f_p + f_r and f_p − f_r off the diagonal for the three copies of V_c in A_c ⊗ B_c (the
 *       symmetric one vanishes for m = 2, where V_c occurs twice there); f ⊗ f' for V_c⊗V_c'; the symmetric
 *       zero-row-sum matrix {01} + {23} − {02} − {13} for S^(m−2,2) and the antisymmetric 3-cycle 0→1→2→0 for
 *       S^(m−2,1,1). Copies of the same ρ have disjoint supports or, for f_p ± f_r, ⟨R f + C f, R f − C f⟩ =
 *       ‖Rf‖² − ‖Cf‖² = 0: their images are orthogonal.</li>
 *   <li><b>Enclosure.</b> {@link io.landscape.impl.certify.SymmetricSpectrum} encloses every K_ρ[a,b] in interval
 *       arithmetic from the rank-one terms of H (as {@link io.landscape.impl.certify.HessianEnclosure} writes them),
 *       never forming H; a term with an unreliable 1/sin θ is left out and its norm added to δ (Weyl, valid for every
 *       block since each is Q_ρᵀHQ_ρ with orthonormal Q_ρ). λ_min(K_ρ) ≥ λ_min(mid K_ρ) − ‖rad K_ρ‖_F by Weyl, the
 *       first term from {@link io.landscape.impl.certify.EigenvalueBound} (shifted Cholesky of a μ×μ matrix), and
 *       λ_H = min_ρ(…) − δ. The rest of the certificate (ε, B, Lemmas 1–2, the ball checks) is the dense one's,
 *       evaluated at x_s: only λ_H is computed differently.</li>
 * </ol>
 * The census minima at k = n = d (the families of {@code docs/mild-overparameterization}) have G = S_{m_1} × S_{m_2}
 * or so with a handful of fixed neurons and coordinates: blocks of at most a few dozen rows. Without a usable symmetry
 * (or for another teacher) the dense certifier runs, and the certificate's {@code method} says {@code dense}.
 */
package io.landscape.impl.certify;
