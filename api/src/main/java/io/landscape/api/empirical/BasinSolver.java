package io.landscape.api.empirical;

/**
 * Basin values of paper 001 §4: the cell of a point and the minimum of the loss over that cell, found through the
 * convex reformulation z_i = v_i w_i (Lemma 3) with a certificate of optimality. Instances are thread-safe.
 */
public interface BasinSolver {
    /**
     * The cell of {@code point} (layout of {@link EmpiricalProblem}).
     *
     * @throws io.landscape.api.NotDifferentiableException if the point lies on a cell boundary (some ⟨w_i, x_t⟩ = 0 or
     *                                                    some v_i = 0): the message names the neuron and the example
     */
    Cell cell(EmpiricalProblem problem, double[] point);

    /**
     * Bas(point): the minimum of L_S over the cell whose interior contains {@code point}.
     *
     * @throws io.landscape.api.NotDifferentiableException if the point is on a cell boundary (see {@link #cell})
     */
    BasinSolution solve(EmpiricalProblem problem, double[] point);
}
