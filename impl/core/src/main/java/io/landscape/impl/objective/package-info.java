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

 *
 * <h2>General evaluator with SIMD products (VectorPairwiseObjective), Hessian-vector products, batches</h2>
 * {@link io.landscape.impl.objective.VectorPairwiseObjective#create(io.landscape.api.Problem)} gives F, ∇F and
 * value-and-gradient for any teacher and any kernel with the JDK's Vector API (where
 * {@link io.landscape.impl.objective.VectorPairwiseObjective#isAvailable()}; otherwise it returns the scalar
 * {@link io.landscape.impl.objective.PairwiseObjective}). Per call:
 * <ol>
 * <li><b>Layout.</b> W is transposed into [Wᵀ Vᵀ] (d × (n + k), padded to the lane count L); the teacher rows of
 * [W; V] ((n + k) × d, rows padded to L) are written once, at construction, its student rows per call only where the
 * gradient product reads them row-major (n + k &lt; 64) — from 64 rows on it reads the panel copy of step 5 instead.</li>
 * <li><b>Dot products</b> D = W·[Wᵀ Vᵀ] by {@code VectorDense.product}: register tiles of 8 rows × 3 vectors (24
 * accumulators; per step of the inner index one broadcast per row and three vector loads feed 24 independent FMA
 * chains; 2- and 1-vector tiles for the last columns, 4-row tiles for the remaining rows), only the tiles that reach
 * the upper triangle of WWᵀ. The 8-row tiles read W transposed, from the first n columns of [Wᵀ Vᵀ] itself, where a
 * step's 8 row entries are adjacent (one address per step instead of eight row offsets, which C2 kept in spilled
 * registers); the 4-row tiles read W's rows in the caller's x. <b>Reduction order:</b> every entry is one FMA chain
 * over the inner index in increasing order, started from zero — so the result does not depend on the tiling, the
 * vector width or the thread, and the squared norms ‖w_i‖² = D_ii are those same chains.</li>
 * <li><b>Angles</b>, one vector pass per student row i over the <em>aligned</em> blocks of L columns from i rounded
 * down to a multiple of L (the pairs (i, j &gt; i) and (i, l) are adjacent columns of D): c = (D_ij·(1/r_i))·(1/r_j)
 * as in the scalar code, s = √((1 − c)(1 + c)), θ = the vector arccos of
 * {@link io.landscape.impl.objective.VectorAsin} (within 2 ulps); the lanes j ≤ i of the first block, which are not
 * pairs of the row, get c = 0. Lanes with |c| &gt; 0.9 are redone by
 * {@link io.landscape.impl.objective.PairGeometry}'s chord formula from the coordinates, exactly as the scalar
 * evaluator.</li>
 * <li><b>Coefficients and lane sums</b> ({@code VectorDense.reluRows}): per block, the kernel's K, gA, gAv, gB times
 * the pair weight w = a_i·ab_j (zeroed in the lanes j ≤ i); w·gB into row i of C (and E), the column terms
 * (w·gAv)/r_j of C_jj into a row of a scratch matrix; F's terms w·K — in lane i the row's self term ½a_i²D(r_i) —
 * into the row's L <em>lane sums</em> by a vector TwoSum per block, and C_ii's terms (w·gA)/r_i — in lane i its
 * radial start ½a_i²D′(r_i)/r_i — into a plain vector sum. Lane q of a row thus holds the columns j ≡ q (mod L), in
 * increasing order. Then, with every row done: F's lane sums are joined over the rows in increasing row order by a
 * vector TwoSum, and the L lanes in lane order by a scalar TwoSum ({@code VectorDense.combineRows}); C_jj = (the
 * column sum of the scratch matrix over rows 0, 1, …, j − 1, in order) + (row j's diagonal lanes added in lane order);
 * C's lower triangle is copied from the upper by gathers of 8 entries ({@code VectorDense.mirrorRow}). No scalar loop
 * reads lanes just stored by a vector store (the store-forwarding stalls that made the earlier fused passes slow). For
 * the ReLU kernel the coefficients are computed lane by lane by a <em>vector transcription</em> of the kernel evaluator
 * in use (the Symja-derived compiled kernel or {@link io.landscape.impl.kernel.ReluClosedForm}, the same IEEE
 * operations in the same order, no fused multiply-add, the θ ∈ {0, π} limits included), selected per kernel class
 * only after it reproduced that evaluator bitwise on probe pairs run through {@code reluRows} itself; so the results
 * are bitwise those of calling the kernel per pair ({@code VectorPairwiseObjectiveTest}). Every other kernel (erf, user
 * formulas) is called per pair into row arrays that {@code VectorDense.sumRow} sums with the same vector operations
 * in the same lane order.</li>
 * <li><b>Gradient</b> ∇F = c·[C | E]·[W; V]: one product (inner dimension n + k, one FMA chain per entry over the
 * students, then the teachers). From n + k ≥ 64 ({@code VectorPairwiseObjective.PANEL_MIN_ROWS})
 * on, the 8-row tiles take the students' steps with C read down its columns — which, C being symmetric once its
 * lower triangle is mirrored, are its rows: adjacent entries, as for the Gram product — then continue the same
 * accumulators over the teachers' steps with E read row by row; and [W; V] is read in a <em>panel layout</em> ({@code VectorDense.productPanels}: blocks of 3L columns, each
 * (n + k) × 3L block contiguous, so the tiles stream through it with sequential loads instead of rows of stride d) —
 * the same FMA chains in the same order, so the gradient is bitwise that of the row-major product; at
 * k = n = d = 100 the product takes ≈ 42 instead of ≈ 54 CPU µs. With one thread and c = 1 (the default
 * normalisation) the product writes all but the last ≤ 8 rows straight into the caller's g (row stride d, not the
 * padded dp: the products write a row's column groups right to left and rows in increasing order, so a row's last
 * vector runs into the next rows' first entries, which are written after it — the same FMA chains, so the same bits);
 * their finiteness is checked in one pass over g ({@code VectorDense.allFinite}). The other rows (all of them for
 * c = 2 or two threads) go through a padded array, are scaled by c and copied out whole vectors at a time
 * ({@code VectorDense.scaleOut}, the same multiplication).</li>
 * </ol>
 * <b>Accuracy.</b> Against the scalar evaluator three things change: the rounding of the dot products (one FMA chain
 * instead of four interleaved partial sums; both within γ_d) and of θ (2 ulps instead of ≲ 10⁻¹⁵) — the terms' own
 * rounding, of the same size as before — and the <em>order</em> in which F's terms are added, with an error bound at
 * least as good as the scalar one's. The summation: for each row i and lane q a TwoSum cascade over the row's terms
 * in that lane (at most b = ⌈(n + k)/L⌉ of them) gives (s_iq, c_iq); for each lane a TwoSum cascade over the rows
 * gives S_q = fl(S_q + s_iq) and C_q = fl(C_q + fl(c_iq + e)); a TwoSum cascade over the lanes gives fs and
 * fc = fl(fc + fl(C_q + e)); then, as in the scalar evaluator, fs + T_hi by TwoSum and
 * F̂ = fl(c·fl(s + fl(e + fl(fc + T_lo)))). Every TwoSum is error-free, so Σ t̂ = fs + E exactly, E the sum of the
 * M ≤ N + (n + 1)·L errors e of all the TwoSums. Each e is at most u times the partial sum it comes from, and each
 * term belongs to the partial sums of at most h = b + n + L TwoSums (its row-lane cascade, the cross-row one, the
 * cross-lane one), each at most (1 + u)^h times the sum of the |t̂| it contains; so Σ|e| ≤ γ_h·Σ|t̂|. fc adds the e
 * (and the c's, themselves sums of e's) plainly, in a tree of M − 1 additions: |fc − E| ≤ γ_{M−1}·Σ|e|. With the final
 * two roundings and the multiplication by c, as before,
 * <pre>
 *   |F̂ − c·Σ t̂| ≤ 2u·|F| + 2γ_h·γ_M·c·Σ|t̂| ≤ 2u·|F| + 2γ²_{N'}·c·Σ|t̂|,   N' = N + (n + 1)·L,
 * </pre>
 * i.e. the scalar evaluator's bound without its middle term γ_{B−1}·c·Σ|t̂| (its plain runs of B = 8): every term now
 * enters through an error-free transformation (γ²_{N'} ≤ 1.3·10⁻²² for N' ≤ 10⁵; at k = n = 100, N' ≈ 2.1·10⁴). The
 * order is fixed by the problem's shape alone — not by the thread count, the row split or the data — so two threads
 * give bitwise the one-thread result, and the batch follows it lane for lane. What remains is the terms' own rounding,
 * (d + 24)·u·M in the worst case as above. {@code VectorPairwiseObjectiveTest} checks F against the 40-digit
 * references at random points (relative error ≤ 10⁻¹⁵ at (k, n, d) = (20, 20, 20), (15, 25, 12), (100, 100, 100), as
 * {@code ObjectiveAccuracyTest} for the scalar evaluator), ∇F against the 40-digit gradient, and agreement with the
 * scalar evaluator within 10⁻¹³ (relative) at 17 shapes, both normalisations, ReLU and erf, and near-parallel pairs.
 * C's diagonal is a short plain sum per entry in the order given above (the gradient's accuracy statement is
 * unchanged). Points off the fast path (zero or out-of-range neurons, NaN, a rescaled teacher, a non-finite result) go
 * to the scalar evaluator: same values, same error messages.
 *
 * <p><b>Dense Hessian.</b> {@code VectorPairwiseObjective.hessian()} writes the (n·d)² matrix with SIMD stores
 * ({@code VectorDenseHessian}): the scalar evaluator's expressions in its order (every block σI + a rank-two update,
 * the diagonal blocks' rank-one terms as one FMA chain per entry in the scalar's term order), so the matrix is
 * <em>bitwise</em> {@link io.landscape.impl.objective.PairwiseObjective#hessian()}'s and exactly symmetric; it is
 * written block row by block row (the row's pair work into scratch first, then its rows), four matrix rows at a time
 * across the blocks (each vector of a block's column factors loaded once for four stores, the stores 64-byte aligned
 * after each row segment's first vector), each row left to right, without a second pass (the finiteness check is a
 * bound per block row, the normalisation factor applied in registers): at k = n = d = 100 one thread writes at ≈ 80 %
 * of {@code Arrays.fill}'s rate on the same 800 MB (docs/performance.md). With a helper thread the block rows are split in
 * two, bitwise the one-thread matrix. Off the fast path, or where an entry could be non-finite, the scalar Hessian
 * is called (its matrix or its error). Tested bitwise against the scalar Hessian at 9 shapes × 2 normalisations ×
 * (ReLU, erf) and at k = n = d = 6, 20, 100, against central differences of the gradient and the matrix-free
 * operator's products ({@code VectorDenseHessianTest}).
 *
 * <p><b>Hessian-vector products.</b> {@code hessianAt(x)} of both general evaluators returns a
 * {@link io.landscape.impl.objective.PairHessianOperator}: H·u without forming H. Every block is built from its pair's
 * unit vectors, so (H·u)_i is a combination of the u_j, the unit vectors â_j and v̂_l with coefficients that need only
 * u_i·â_j and u_i·v̂_l: one product U·[Âᵀ V̂ᵀ], O(1) arithmetic per pair on the 13 second-order kernel coefficients
 * (computed once when the operator is formed), one product [S | T]·[U; Â; V̂]. Its {@code block(i, j)} copies the
 * block from the assembled Hessian up to (n·d)² = 2²² entries (bitwise the blocks {@code hessianAt} gave before) and
 * above that computes it directly (O(d²), diagonal blocks O((n + k)d²), equal to rounding); its {@code toDense} is
 * the assembled Hessian, bitwise (so the
 * Newton finish and polish, which call {@code hessianAt(x).toDense}, are unchanged). Tested against the dense Hessian
 * (products, blocks) and central differences of the gradient ({@code PairHessianOperatorTest}).
 *
 * <p><b>Batches.</b> {@link io.landscape.impl.objective.BatchPairwiseObjective} ({@code VectorPairwiseObjective.batch})
 * evaluates L points per call, one per SIMD lane (the optimiser's batch-function shape: interleaved batches, value and
 * gradient, block gradient norms, step). Each lane does exactly the single-point arithmetic in the same order (the dot
 * products and gradient entries are the same FMA chains; F's terms and C's diagonal terms go into L accumulators per
 * point, one per residue class j mod L of the column, with the single-point evaluator's TwoSums, joined over the rows
 * and then over the classes in the same order; adding the single-point evaluator's zero lanes would change nothing),
 * so a lane's F and ∇F are bitwise {@code VectorPairwiseObjective}'s at that point
 * ({@code BatchPairwiseObjectiveTest}). Per row, the lanes' dot products and angles are one method
 * ({@code rowGeometry}) that C2 compiles as a unit of its own, so that no vector is boxed: the call allocates nothing
 * (JMH {@code -prof gc}).
 *
 * <p><b>Two threads for one evaluation.</b> {@code VectorPairwiseObjective.create(problem, kernel, workers)} (chosen
 * by {@link io.landscape.impl.objective.Evaluators#select} when the problem has at least
 * {@link io.landscape.impl.objective.EvaluatorParameters#parallelMinStudents()} students and the parameters carry a
 * {@link io.landscape.impl.linalg.Workers} budget with a helper): the rows are owned in blocks of 8, even blocks by
 * the caller and odd ones by the helper, the same in every phase — the Gram product, the pair pass, C's mirror and the
 * gradient product each do their owner's rows (each entry is still one FMA chain, and each row's lane sums and
 * column terms depend on that row alone, so the split changes nothing); the caller also joins F's lane sums over the
 * rows and forms C's diagonal in the fixed order above. The four hand-offs per call go through
 * {@code PhaseTeam} (a helper that spins between phases: ≈ 0.1–0.2 µs per hand-off instead of an executor round
 * trip of tens of µs). The results are bitwise those of one
 * thread, for every split and thread count ({@code VectorPairwiseObjectiveTest}). {@code value} stays on one thread.
 * The public route is {@code Landscape.objective(problem, 2)} (a helper from a shared daemon pool;
 * {@code Landscape.objective(problem)} never starts a thread).
 */
package io.landscape.impl.objective;
import io.landscape.impl.linalg.FastAngle;
