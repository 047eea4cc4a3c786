/**
 * Basins of paper 001 (Safran &amp; Shamir) §4 and App. A–C: the cell of a point, the basin value Bas, its certificate,
 * the monotone path of Thm. 1 and the single-neuron construction of App. C.
 *
 * <h2>The cell program (Def. 2, Lemma 3)</h2>
 * A point (W, v) with every ⟨w_i, x_t⟩ ≠ 0 and every v_i ≠ 0 lies in the interior of the cell B^{A,b} with
 * a_{it} = sign⟨w_i, x_t⟩, b_i = sign v_i. On the closed cell, with z_i = v_i w_i, the prediction is
 * p_t = Σ_i v_i [⟨w_i, x_t⟩]₊ = Σ_{i : a_{it} = +1} ⟨z_i, x_t⟩ and the cell is {Z : c_{it}⟨z_i, x_t⟩ ≥ 0},
 * c_{it} = b_i a_{it} (sign⟨z_i, x_t⟩ = b_i a_{it}). So
 * <pre>
 *   Bas = min_Z (1/m) Σ_t ℓ(Σ_i s_{it} ⟨z_i, x_t⟩, y_t)   s.t.  c_{it} ⟨z_i, x_t⟩ ≥ 0,   s_{it} = 1[a_{it} = +1],
 * </pre>
 * a convex QP for the squared loss and a smooth convex program for the cross-entropy. Any Z of the closed cell maps
 * back to (W, v) = (b_i z_i, b_i) in the closed cell (Lemma 4's normal form v = b) with the same predictions.
 *
 * <h2>Closed form when rank X = m ({@link io.landscape.impl.basin.ClosedForm})</h2>
 * If the m×d data matrix X has rank m, the map z ↦ (⟨z, x_t⟩)_t is onto R^m, so u_i = X z_i ranges over all of R^m and
 * the constraints become independent sign constraints c_{it} u_{it} ≥ 0 on the coordinates of u_i. The program
 * separates over the examples: p_t = Σ_{i: a_{it}=+1} u_{it} with each such u_{it} of sign b_i (the a_{it} = −1 entries
 * are free of the objective and can be 0). The set of reachable p_t is therefore R when neurons of both output signs
 * are active on x_t, [0, ∞) when only b_i = +1, (−∞, 0] when only b_i = −1, and {0} when no neuron is active. For the
 * squared loss min (p_t − y_t)² over that set is 0 if y_t is reachable — i.e. some i has a_{it} = +1 and b_i y_t ≥ 0
 * ("t is covered", App. B.6's event A_i^t) — and y_t² otherwise (the nearest reachable point is 0). Hence
 * <pre>
 *   Bas = (1/m) Σ_{t not covered} y_t².
 * </pre>
 * The tests check the interior-point solver against this formula on 200 random instances to 10⁻⁹.
 *
 * <h2>Presolve (exact reductions)</h2>
 * {@link io.landscape.impl.basin.CellBasinSolver} first splits the examples into connected components of the graph
 * "x_t and x_{t'} share a non-zero coordinate" (objective and constraints separate over them: singleton data splits into
 * one block per coordinate); in each block it drops neurons active on no example (they contribute nothing), merges
 * neurons with the same activation pattern and output sign (the sum of a cone with itself is the cone; the optimum is
 * shared equally), and writes z in an orthonormal basis of the block's row space (components orthogonal to every x_t
 * change nothing). Each group's start is rescaled to the targets' size: Bas depends on the cell only, so results do
 * not depend on the initialisation scale. Squared-loss blocks whose examples are linearly independent (r = m: the
 * closed form below, constructed with its multipliers) or collinear (r = 1: non-negative least squares over the groups)
 * are solved exactly by {@link io.landscape.impl.basin.ExactBlock} (engine {@code AUTO}); their answers are certified like
 * any other, and the interior point takes over if the certificate exceeds 10⁻¹².
 *
 * <h2>Solver ({@link io.landscape.impl.basin.InteriorPoint}, {@link io.landscape.impl.basin.FacePolish})</h2>
 * A primal-dual interior-point method from the strictly feasible start the point itself provides: Mehrotra
 * predictor–corrector steps for the squared loss, Boyd–Vandenberghe steps with a residual line search for the
 * cross-entropy. The Newton matrix Mᵀ Φ M + Cᵀ D C is block diagonal plus rank m, so each iteration costs one m×m
 * Cholesky factorisation and K small r×r ones (Woodbury), with iterative refinement against the exact operator. For
 * the squared loss, if the interior-point iterate's KKT residual exceeds 10⁻¹², the active constraints it identifies
 * define a face on which the least-squares problem is solved exactly (EJML SVD), with multipliers from non-negative
 * least squares (Lawson–Hanson); the more accurate of the two is kept.
 *
 * <h2>Library engine ({@link io.landscape.impl.basin.CellBasinSolver.Engine#OJALGO})</h2>
 * The squared-loss QP can instead be handed to ojAlgo's convex solver (active set, {@link
 * io.landscape.impl.basin.OjAlgoQp}) with the dense Q = 2MᵀM/m over all K·r variables; its multipliers are recomputed by
 * non-negative least squares on the active set of its answer, the same polish applies, and the same certificate is
 * reported. It is exact on small cells but its cost grows with the dense K·r × K·r matrix and the K·m constraints, so the
 * structured interior point stays the default (the measurements are in docs/initial-basin/README.md). Hipparchus 4's
 * ADMM QP optimizer has the same dense KKT matrix and ADMM alone does not reach 10⁻⁹.
 *
 * <h2>Cross-entropy: separable examples ({@link io.landscape.impl.basin.Recession})</h2>
 * The cross-entropy infimum over a cell need not be attained: if a direction D of the cell's cone (C D ≥ 0) moves
 * some prediction p_t towards the correct side (σ_t q_t(D) &gt; 0, σ_t = 2y_t − 1) without moving any other to the
 * wrong side, ℓ_t → 0 along D, and an interior-point method chases the infimum to infinity and stalls (KKT residuals
 * near 10⁻⁶). Let T₊ be the examples some such direction improves. The cone of such directions is convex, so one
 * direction D* improves all of T₊ at once and leaves q_t(D*) = 0 for t ∉ T₊; a linear program finds it (ojAlgo,
 * {@link io.landscape.impl.basin.Recession}). Then:
 * <ul>
 *   <li>the rest, min over the cell of (1/m) Σ_{t∉T₊} ℓ_t, <em>attains</em> its minimum (on the image cone of the
 *       predictions of T₀ = the complement, no non-zero direction keeps every σ_t q_t ≥ 0 — it would put t in T₊ — so
 *       the loss is coercive there), and the interior point solves it to its KKT tolerance;</li>
 *   <li>Bas = that minimum (the T₊ terms have infimum 0 and are driven there along D* without changing the T₀
 *       predictions);</li>
 *   <li>the returned point is Z₀ + λD* with λ chosen so that every t ∈ T₊ has margin σ_t p_t ≥ 40, i.e. loss
 *       log(1 + e⁻⁴⁰) ≈ 4·10⁻¹⁸. Its multipliers are those of the T₀ problem: complementarity survives the push
 *       because μᵀC D* = ∇f_{T₀}(Z₀)ᵀD* = Σ_{t∈T₀} ℓ'_t q_t(D*) = 0 with μ ≥ 0 and C D* ≥ 0 termwise. So the KKT
 *       residual of the <em>original</em> program at that finite point is the T₀ residual plus terms of size e⁻⁴⁰,
 *       and the reported basin value (the loss at the point) exceeds the infimum by less than 5·10⁻¹⁸.</li>
 * </ul>
 * The split is tried only when the interior point's own certificate exceeds 10⁻¹¹ and kept only when it improves the
 * certificate. The tests check the values against the rank-m closed form of the cross-entropy, Bas = (log 2/m)·#{t :
 * no neuron with a_{it} = +1 and b_iσ_t &gt; 0} ({@link io.landscape.impl.basin.ClosedForm#fullRankCrossEntropy}).
 *
 * <h2>Certificate</h2>
 * The reported KKT residual is recomputed from the returned minimiser and multipliers alone, in the original
 * variables: the largest of the stationarity residual ‖∇_{z_i} f − Σ_t μ_{it} c_{it} x_t‖_∞, primal infeasibility,
 * negative multipliers and complementarity |μ_{it} c_{it}⟨z_i, x_t⟩|. All four zero is sufficient for optimality of a
 * convex program. For the cross-entropy the infimum may be approached only as ‖Z‖ → ∞ (separable examples, above);
 * the returned point is then a finite point within 5·10⁻¹⁸ of the infimum, and the residual is its KKT residual.
 *
 * <h2>Thm. 1 and App. C</h2>
 * {@link io.landscape.impl.basin.MonotonePath} builds the in-cell path of Lemmas 4–5 and rescales its output layer as in
 * the proof of Thm. 1; {@link io.landscape.impl.basin.SingleNeuronConstruction} is App. C.2's data set with its 2^d
 * strict local minima.
 */
package io.landscape.impl.basin;
