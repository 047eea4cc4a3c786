package io.landscape.api.empirical;

/**
 * The minimum of the loss over one cell of the basin partition, with its certificate.
 *
 * @param loss        L_S at the given point
 * @param basinValue  Bas = min of L_S over the closed cell (paper 001 Def. 1): for the squared loss the optimal value
 *                    of a convex QP; for the cross-entropy loss the infimum of a smooth convex program, approached
 *                    (not necessarily attained) by {@code minimizer}
 * @param minimizer   a minimiser in the closed cell, in the parameter layout of the problem (neurons, then output
 *                    weights v = b when they are trainable — Lemma 4's normal form)
 * @param multipliers the KKT multipliers μ_{i,t} ≥ 0 of the cell constraints b_i a_{i,t} ⟨z_i, x_t⟩ ≥ 0, row-major n×m
 * @param kktResidual the largest violation of the KKT conditions of the convex reformulation z_i = v_i w_i at the
 *                    minimiser (stationarity, primal and dual feasibility, complementarity; absolute, in loss units),
 *                    recomputed from the returned point and multipliers alone
 * @param cell        the cell of the given point
 * @param iterations  interior-point iterations (0 when the presolve solved every block)
 * @param method      how the value was obtained, e.g. {@code "interior-point+active-set"}; when an engine's answer
 *                    failed the certificate and another engine answered instead, it says so, e.g.
 *                    {@code "interior-point (fallback: ojalgo KKT 6.0e-01)"}
 * @param engine      who answered, {@code "+"}-joined over the independent blocks: {@code "presolve"} (no program
 *                    left), {@code "exact"}, {@code "interior-point"}, {@code "ojalgo"}; names the engine whose answer
 *                    was returned, not the one requested
 */
public record BasinSolution(double loss, double basinValue, double[] minimizer, double[] multipliers,
                            double kktResidual, Cell cell,
                            int iterations, String method, String engine) {
}
