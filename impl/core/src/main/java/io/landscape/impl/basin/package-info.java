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
 * not depend on the initialisation scale.
 *
 * <h2>Solver ({@link io.landscape.impl.basin.InteriorPoint}, {@link io.landscape.impl.basin.FacePolish})</h2>
 * A primal-dual interior-point method from the strictly feasible start the point itself provides: Mehrotra
 * predictor–corrector steps for the squared loss, Boyd–Vandenberghe steps with a residual line search for the
 * cross-entropy. The Newton matrix Mᵀ Φ M + Cᵀ D C is block diagonal plus rank m, so each iteration costs one m×m
 * Cholesky factorisation and K small r×r ones (Woodbury), with iterative refinement against the exact operator. For
 * the squared loss, if the interior-point iterate's KKT residual exceeds 10⁻¹², the active constraints it identifies
 * define a face on which the least-squares problem is solved exactly (EJML SVD), with multipliers from non-negative
 * least squares (Lawson–Hanson); the more accurate of the two is kept. (Hipparchus 4's ADMM QP optimizer, the
 * suggested engine, works with dense matrices over all variables and constraints — for m = 100, n = 50, d = 20 that
 * is 1000 variables and 5000 constraints, so one factorisation forms AᵀRA at ~5·10⁹ multiply-adds — and ADMM alone
 * does not reach 10⁻⁹; the structured method above needs no such matrix.)
 *
 * <h2>Certificate</h2>
 * The reported KKT residual is recomputed from the returned minimiser and multipliers alone, in the original
 * variables: the largest of the stationarity residual ‖∇_{z_i} f − Σ_t μ_{it} c_{it} x_t‖_∞, primal infeasibility,
 * negative multipliers and complementarity |μ_{it} c_{it}⟨z_i, x_t⟩|. All four zero is sufficient for optimality of a
 * convex program. For the cross-entropy the infimum may be approached only as ‖Z‖ → ∞ (separable cells); the returned
 * point is then an approximate minimiser and the residual says how approximate.
 *
 * <h2>Thm. 1 and App. C</h2>
 * {@link io.landscape.impl.basin.MonotonePath} builds the in-cell path of Lemmas 4–5 and rescales its output layer as in
 * the proof of Thm. 1; {@link io.landscape.impl.basin.SingleNeuronConstruction} is App. C.2's data set with its 2^d
 * strict local minima.
 */
package io.landscape.impl.basin;
