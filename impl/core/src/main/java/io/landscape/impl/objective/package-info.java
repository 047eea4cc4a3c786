/**
 * The evaluators of F, ∇F and ∇²F of two-layer teacher–student networks, and the one place that chooses among them.
 * <ul>
 *   <li>{@link io.landscape.impl.objective.PairwiseObjective}: the general evaluator, any teacher, output weights and
 *   normalisation, assembled from a pairwise kernel (compiled, or hand-written); the angle and arc-function helpers it
 *   shares with the specialised evaluators are {@link io.landscape.impl.objective.PairGeometry} and
 *   {@link io.landscape.impl.linalg.FastAngle}.</li>
 *   <li>The identity-teacher evaluators (ReLU, v_j = e_j, d = k, paper 002 Eqs. 6–8): scalar
 *   ({@link io.landscape.impl.objective.IdentityTeacherObjective}), SIMD over neurons
 *   ({@link io.landscape.impl.objective.VectorIdentityObjective}) and batched, one point per SIMD lane
 *   ({@link io.landscape.impl.objective.BatchIdentityObjective}, an {@link io.landscape.api.function.BatchFunction}).</li>
 *   <li>{@link io.landscape.impl.objective.Evaluators}: the selector — the fastest correct evaluator for a
 *   {@link io.landscape.api.Problem}, recognised from the problem itself — and
 *   {@link io.landscape.impl.objective.EvaluatorParameters}, its documented switches and thresholds (the only place
 *   that reads the {@code landscape.vector}, {@code landscape.batch} and {@code landscape.vectorBits} system
 *   properties). {@code Landscape.objective} is the selector with the default parameters.</li>
 *   <li>{@link io.landscape.impl.objective.SingleTeacherLoss}: the single-teacher loss of the slowdown experiment.</li>
 * </ul>
 * The room sits above linalg, kernel and compile and below optim: it imports nothing of optim, certify or the
 * provider ({@code io.landscape.impl.ArchitectureTest}).
 *
 * <h2>How F is summed, and how accurate it is</h2>
 * F/c = Σ_t t is a sum of N terms — ½a_i²D(‖w_i‖), a_i a_j κ(w_i, w_j), −a_i b_l κ(w_i, v_l) and the teacher terms,
 * N = n + n(n−1)/2 + nk + k + k(k−1)/2 — of both signs whose magnitudes add up to far more than F: at a random point
 * with k = n = d = 100 (identity teacher, ReLU) the terms' magnitudes add up to M ≈ 10⁴ while F ≈ 30, and near a
 * global minimum F → 0 while M stays. Summed one after the other in double precision, the rounding errors of the
 * partial sums accumulate: the classical bound is γ_{N−1} Σ|t| with γ_m = m·u/(1 − m·u), u = 2⁻⁵³, i.e. linear in the
 * number of pairs. Measured against 40-digit references, plain summation gave relative errors of 4·10⁻¹⁵ (k = 20),
 * 2·10⁻¹³ (k = 50) and 3·10⁻¹² (k = 100) at random points, and up to 3·10⁻⁸ at points near the global minimum
 * (|F̂ − F| up to 77·u·M at k = 100, growing with k).
 *
 * <p>{@link io.landscape.impl.objective.PairwiseObjective} therefore sums with an <em>error-free transformation</em>.
 * For doubles a, b, Knuth's TwoSum — s = fl(a + b), b′ = s − a, e = (a − (s − b′)) + (b − b′) — gives a + b = s + e
 * exactly (six additions, no branch). Consecutive terms, in the order of the pair loops, are summed plainly in runs of
 * B = {@value io.landscape.impl.objective.PairwiseObjective#CHUNK}; each run's sum r_m enters a running sum
 * s_m = fl(s_{m−1} + r_m) whose exact errors e_m are collected in a second accumulator c = Σ e_m, and the result is
 * fl(s + c) — Ogita, Rump and Oishi's <em>Sum2</em> ("Accurate sum and dot product", SIAM J. Sci. Comput. 26, 2005,
 * Prop. 4.5: |Sum2(r) − Σ r| ≤ u·|Σ r| + γ²_{m−1}·Σ|r|) applied to the run sums. The teacher–teacher constant is
 * summed with TwoSum term by term once, at construction, and kept as an unevaluated double-double T_hi + T_lo; the
 * point's s + c is combined with it by one more TwoSum before the single final rounding, and multiplying by the
 * normalisation factor c adds one more. Writing t̂ for the terms as computed, the summation contributes
 * <pre>
 *   |F̂ − c·Σ t̂| ≤ 2u·|F| + γ_{B−1}·c·Σ|t̂| + 2γ²_N·c·Σ|t̂|,
 * </pre>
 * where the middle term (the plain runs, at most 7u·Σ|t̂| in the worst case and in practice of the order of the
 * terms' own rounding, see below) does not grow with the number of pairs and γ²_N ≤ 1.3·10⁻²² for N ≤ 10⁵. Runs
 * rather than a TwoSum per term: measured side by side with the previous plain summation (same JVM, alternating
 * blocks), {@code valueAndGradient} costs ~9 % more at k = n = d = 6, ~5 % at 20 and ~1.5 % at 100 (a TwoSum per term
 * cost 14–18 % at 6 and 20), {@code value} is 3–7 % faster than before (its loops were restructured), and the gradient
 * alone ({@link io.landscape.api.Gradient#evaluate}) skips F's sums altogether (within ±3 % of before).
 *
 * <p>What remains is the rounding of the terms themselves, which no summation can undo. For ReLU,
 * κ = rρ(sin θ + (π − θ) cos θ)/2π depends on the point only through r, ρ and c = cos θ, with |dκ/dc| = rρ(π − θ)/2π
 * ≤ rρ/2. The norms and products are correctly rounded (a few u relative), c comes from a dot product of d terms
 * (absolute error ≤ γ_d, fused multiply-adds), and θ from {@link io.landscape.impl.linalg.FastAngle} /
 * {@link io.landscape.impl.objective.PairGeometry} (absolute error ≲ 10⁻¹⁵), so each term is off by at most about
 * (d/2 + 8)·u·rρ. With
 * <pre>
 *   M = c·(¼Σ_i a_i² r_i² + ½Σ_{i&lt;j} |a_i a_j| r_i r_j + ½Σ_{i,l} |a_i b_l| r_i ρ_l + ¼Σ_l b_l² ρ_l² + ½Σ_{l&lt;m} |b_l b_m| ρ_l ρ_m)
 * </pre>
 * (an upper bound for c·Σ|t|, since 0 ≤ sin θ + (π − θ) cos θ ≤ π), the worst case is
 * |F̂ − F| ≤ 2u·|F| + (d + 24)·u·M, independent of the number of pairs. The rounding errors have random signs, so in
 * practice they add like a random walk: measured at random and near-minimum points with k = n = d from 6 to 100,
 * |F̂ − F| ≤ 0.1·u·M (plain summation: up to 77·u·M at k = 100, growing with k), and the relative error at random
 * points is at most 5 ulps (≤ 5·10⁻¹⁶; plain summation: 4·10⁻¹⁵, 2·10⁻¹³ and 3·10⁻¹² at k = 20, 50, 100). Only where F
 * itself is tiny next to M — near a global minimum, F = 10⁻⁵ with M = 36 at k = 6 — is the relative error larger
 * (there 3·10⁻¹²: the terms' rounding, u·M/F ≈ 3·10⁻¹⁰ times 0.01). {@code ObjectiveAccuracyTest} checks both
 * statements against 40-digit {@code Dfp} references at k = 20, 50 and 100. Gradient and Hessian are unaffected (each
 * entry is a short sum of O(1) coefficients times coordinates) and bitwise the same as before the change.
 *
 * <p>The identity-teacher evaluators compute their own F with plain summation; the spurious-minima search uses that F
 * ({@link io.landscape.impl.objective.EvaluatorParameters#plainValue()}) on purpose: the search's outputs (every stop,
 * end value and classification of Tables 1–2) are fixed, and F there is only compared with thresholds (10⁻³; 10⁻⁶
 * relative between family members) that are ten orders of magnitude above its rounding error. Everywhere else
 * (by default, and so {@code Landscape.objective}) their {@code valueAndGradient} returns this package's accurate F,
 * the general evaluator's {@code value}, next to their own gradient; their {@code value} is always the accurate one.
 *
 * <h2>Extreme but finite inputs</h2>
 * Norms are square roots of Gram diagonals ‖w_i‖² = Σ_q w_iq². For every neuron whose squared norm lies in
 * [2⁻⁹⁶⁰, 2⁹⁶⁰] ({@link io.landscape.impl.objective.PairwiseObjective#SQUARED_NORM_MIN},
 * {@link io.landscape.impl.objective.PairwiseObjective#SQUARED_NORM_MAX}) this is exact to one rounding, no product of
 * two norms or coordinates overflows, and partial products that underflow are below 2⁻¹⁰⁰ ulps of the dot products
 * they belong to; such points take the fast path unchanged. A neuron outside that range — ‖w‖ = 10⁻¹⁷⁰, whose squared
 * norm underflows to 0 and which plain code would call the zero vector, or ‖w‖ = 10¹⁵⁵, whose squared norm overflows —
 * is scaled by 2^(−e), e the exponent of its largest coordinate (hypot-style, but by a power of two, so the scaling is
 * exact): angles and dot products come from the scaled copy (angles do not depend on lengths), and the norm is
 * 2^e·‖scaled copy‖, rounded once. Neurons in range are copied unscaled, so their dot products are bitwise those of the
 * fast path. Then:
 * <ul>
 *   <li>F is evaluated correctly for every finite point whose F is representable (e.g. F at a neuron of norm 10⁻¹⁷⁰
 *   agrees with the 40-digit reference to an ulp), and the gradient and Hessian wherever every nonzero neuron's norm is
 *   at least {@link java.lang.Double#MIN_NORMAL} (the gradient stays O(1) at ‖w_i‖ = 10⁻¹⁷⁰; the Hessian grows like
 *   1/‖w_i‖ there, as it should);</li>
 *   <li>only an exactly zero neuron is the zero vector (value defined, derivatives refused with
 *   {@link io.landscape.api.NotDifferentiableException}, paper 000 Lemma 1);</li>
 *   <li>where F or a derivative is not representable — F grows like ‖w‖², so it overflows from norms of about 10¹⁵⁴
 *   (entries of 10³⁰⁸ certainly); derivatives at a neuron with a subnormal norm — a
 *   {@link io.landscape.impl.objective.NonFiniteObjectiveException} (an {@link java.lang.IllegalArgumentException})
 *   names the neuron and its norm: never a NaN, never a value silently clipped;</li>
 *   <li>NaN or infinite coordinates are refused with an {@link java.lang.IllegalArgumentException} naming the neuron and
 *   coordinate.</li>
 * </ul>
 * Teacher neurons are treated the same way, once, at construction.
 *
 * <h2>Threads</h2>
 * An objective owns scratch space. {@link io.landscape.impl.objective.PairwiseObjective} (and the identity-teacher
 * evaluators built on it) may nevertheless be shared between threads: the thread that created it uses its own scratch
 * space after one reference comparison ({@code Thread.currentThread() == owner}), every other thread gets scratch space
 * of its own from a {@link java.lang.ThreadLocal} on its first call. Results are bitwise the same from every thread.
 * The cost on the creating thread is one comparison per call (not measurable next to a 0.5 µs evaluation); another
 * thread pays a {@code ThreadLocal} lookup per call, so an objective per thread remains the fastest choice for hot
 * loops.
 */
package io.landscape.impl.objective;
import io.landscape.impl.linalg.FastAngle;
