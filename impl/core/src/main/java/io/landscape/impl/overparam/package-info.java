/**
 * Landscape analysis for paper 000 (Safran, Yehudai &amp; Shamir, "The effects of mild over-parameterization on the
 * optimization landscape of shallow ReLU neural networks"): Hessian blocks, the neuron-splitting construction and the
 * OPSC / PL ratios, for the ReLU population loss of any teacher.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link io.landscape.impl.overparam.ReluLandscape}: the facade. For a point w: {@code hessianAt} (matrix-free
 *       blocks and products), {@code diagonalBlock} H_ii, {@code primeBlock} H'_ii = H_ii − ½I and their spectra,
 *       {@code sphericalMeanCurvature} (Eq. 68), {@code splitSignTest} (Eq. 72), {@code normSum},
 *       {@code ray} / {@code optimalRayScale} (Lemma 11, Prop. 1), {@code split} w(α, i) (Lemma 12),
 *       {@code splitHessian} (Eq. 67), {@code escapeDirection} / {@code escapeCurvature} (Lemma 13) and
 *       {@code analyse} (all per-neuron numbers of §4.2 at once). {@code objective()} is the loss as an api
 *       {@link io.landscape.api.function.NetworkObjective} whose Hessian never forms the dense matrix.</li>
 *   <li>{@link io.landscape.impl.overparam.ReluBlockHessian}: the Hessian as an
 *       {@link io.landscape.api.function.NetworkHessian}; blocks on demand, products in O((n² + nk)d).</li>
 *   <li>{@link io.landscape.impl.overparam.SplitHessian}: the Hessian at the split point from the one at w.</li>
 *   <li>{@link io.landscape.impl.overparam.Ratios}: OPSC (Def. 1) and PL (Def. 3) ratios for any api function.</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * F = c·E ½(Σ_i a_i[w_i·x]_+ − Σ_l b_l[v_l·x]_+)², c = 1 for the ½ convention in which the paper states every
 * constant (CATALOGUE §0.2). The paper's setting is a_i = b_l = 1, ‖v_l‖ = 1; every formula below is written for
 * general weights and reduces to the paper's. Neuron indices are 0-based in code, 1-based in the paper.
 *
 * <h2>Hessian blocks (Thm 10)</h2>
 * With w̄ = w/‖w‖, θ the angle of (w, z), p = z̄ − cos θ w̄ (so ‖p‖ = sin θ and p/sin θ = n̄_{z,w}):
 * <pre>
 *   h1(w, z) = ∂²f/∂w² = (‖z‖/(2π‖w‖)) [ sin θ (I − w̄w̄ᵀ) + p pᵀ / sin θ ]
 *   h2(w, z) = ∂²f/∂w∂z = (1/(2π)) [ (π − θ) I + sin θ w̄z̄ᵀ + p qᵀ / sin θ ],   q = w̄ − cos θ z̄
 *   H_ii = c [ ½a_i² I + Σ_{j≠i} a_i a_j h1(w_i, w_j) − Σ_l a_i b_l h1(w_i, v_l) ],   H_ij = c a_i a_j h2(w_i, w_j).
 * </pre>
 * The rank-one terms over sin θ have norm sin θ: they vanish in the limits θ → 0, π (Lemmas 1–2), which is what the
 * code uses below sin θ = 10⁻¹⁵. A product H·v needs only the inner products w̄_a·v_b and v̄_l·v_i, so it costs
 * O((n² + nk)d) instead of the O(n²d²) of a dense product.
 *
 * <h2>Eq. (68): the spherical mean</h2>
 * tr(I − w̄w̄ᵀ) = d − 1 and tr(p pᵀ)/sin θ = sin θ, so tr h1(w, z) = d ‖z‖ sin θ/(2π‖w‖) and the mean of ûᵀh1û over
 * the unit sphere (E ûûᵀ = I/d) is ‖z‖ sin θ/(2π‖w‖). Hence the mean of ûᵀH'_iiû is
 * <pre>
 *   λ_i = tr(H'_ii)/d = (c a_i/(2π‖w_i‖)) [ Σ_{j≠i} a_j sin θ_ij ‖w_j‖ − Σ_l b_l sin θ(w_i, v_l) ‖v_l‖ ],
 * </pre>
 * Eq. (68) in the paper's setting; by continuity of the quadratic form on the connected sphere some unit u attains it
 * (the paper's intermediate-value argument). Its sign is that of the bracket times a_i: Eq. (72). λ_min(H'_ii) ≤ λ_i,
 * so a negative λ_i implies H'_ii is not PSD (but not conversely).
 *
 * <h2>Splitting (Lemma 12, Eq. 67)</h2>
 * At w(α, i) the two halves αw_i and (1−α)w_i keep the weight a_i, so the network function, F and the gradient blocks
 * (∇ is 0-homogeneous in each neuron's scale for h2-type terms and the halves see the same partners) are unchanged:
 * the split of a critical point is critical. For the Hessian, h1(tw, z) = h1(w, z)/t and h1(w, sz) = s·h1(w, z)
 * (t, s &gt; 0), h2 is invariant under positive scaling of either argument, and h1 of two parallel vectors is 0. So
 * <pre>
 *   block(αw_i) = c[½a_i² I + (1/α)(Σ_{j≠i} a_i a_j h1(w_i, w_j) − Σ_l a_i b_l h1(w_i, v_l))] = ½c a_i² I + H'_ii/α,
 *   block((1−α)w_i) = ½c a_i² I + H'_ii/(1 − α),   cross block = c a_i² h2(w_i, w_i) = ½c a_i² I (Lemma 2),
 * </pre>
 * every block between a half and another neuron j is H_ij (scale invariance of h2), and every other diagonal block is
 * unchanged because h1(w_j, αw_i) + h1(w_j, (1−α)w_i) = h1(w_j, w_i). {@link io.landscape.impl.overparam.SplitHessian}
 * implements exactly this and is tested against the evaluators' Hessian at the split point.
 *
 * <h2>Escape direction (Lemma 13)</h2>
 * For ũ = (…, 0, u, −u, 0, …) on the pair: ũᵀHũ = uᵀ(½ca_i² + H'/α)u + uᵀ(½ca_i² + H'/(1−α))u − 2·½ca_i²‖u‖²
 * = (1/α + 1/(1−α)) uᵀH'_ii u. Any u with uᵀH'_iiu &lt; 0 makes the split critical point a strict saddle.
 *
 * <h2>Split saddles, proven</h2>
 * {@link io.landscape.impl.certify.SplitSaddleCertifier} turns Thm 9 into a certificate for minima known only
 * numerically. (1) The paper-002 {@link io.landscape.impl.certify.Certifier} proves a local minimum w* within R of the
 * computed point x, with every neuron bounded away from 0 on the ball, so F is C² at w* and ∇F(w*) = 0. (2) Lemma 12
 * and the Eq. (67) identities above are exact: the split s* = w*(α, i) is a critical point and
 * ũᵀ∇²F(s*)ũ = (1/α + 1/(1−α)) q(w*), q(w) = uᵀH'_ii(w)u. (3) q(x) is enclosed in interval arithmetic from the h1
 * form (with the 1/sin θ term also bounded by [0, sin θ‖u‖²]). (4) |q(w*) − q(x)| ≤ L·R, where L bounds the
 * derivative of q on the ball by the term-wise bounds of {@code certify.ThirdOrderBound}'s derivation (8‖z‖/(2π‖w‖²)
 * for moving w_i, 6/(2π‖w_i‖) for moving a partner), combined by Cauchy–Schwarz. (5) If q(x) + L·R &lt; 0 (upper end)
 * then s* has a direction of negative curvature: a strict saddle. The verdict depends only on the certificate of the
 * point it names and on bounds computed from the exact bits of x, u and α.
 *
 * <h2>Theorem checks</h2>
 * {@link io.landscape.impl.overparam.TheoremChecks} runs Thms 1–6, 8–9, Lemmas 9–11 and Prop. 1 at explicit points
 * ({@code landscape check mild-overparameterization}). Two of the paper's intermediate claims are refuted by the
 * computation (and by short proofs given there): the origin <em>is</em> a strict local maximum for k ≥ 2 (Lemma 10's
 * second half), and at Thm 5's point F = Θ(ε³), ‖∇F‖² = Θ(ε⁴) rather than F = Ω(ε) (the theorems' conclusions —
 * not OPSC, not PL — still hold: both ratios are Θ(ε)).
 *
 * <h2>Lemma 11, Prop. 1</h2>
 * F(tw) = ½At² − Bt + C with A = c Σ_{ij} a_i a_j f(w_i, w_j) = c E(Σ a_i[w_i·x]_+)², B = c Σ_{i,l} a_i b_l
 * f(w_i, v_l), C = F(0): strictly convex in t when the network is not zero, minimised at t* = B/A.
 */
package io.landscape.impl.overparam;
