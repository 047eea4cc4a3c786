package io.landscape.impl.experiment.spurious;

import java.util.List;

/**
 * One symmetry class of candidate end points (F ≥ 10⁻³) of a (k, n) cell.
 *
 * @param id                 1-based, in order of first appearance (lowest run index first)
 * @param point              canonical representative, one neuron per row ({@link Symmetry#canonical}), taken from the
 *                           first member run
 * @param multiplicity       number of runs in the class
 * @param objective          F at the representative
 * @param lambdaMin          smallest eigenvalue of ∇²F at the representative (EJML symmetric eigen-solver)
 * @param gradientNorm       ‖∇F‖ at the representative
 * @param maxNeuronGradient  max_i ‖∇_{w_i}F‖ at the representative
 * @param minNeuronNorm      min_i ‖w_i‖ at the representative (a family with a neuron at the origin is not a minimum)
 * @param maxDistance        largest Frobenius distance of a member, optimally permuted, to the representative (the
 *                           family's diameter is at most twice this)
 * @param minimum            λ_min &gt; 0, the representative is stationary and no neuron is (near) zero: a
 *                           (numerically) strict local minimum
 * @param runs               member run indices, ascending
 */
public record Family(int id, double[][] point, int multiplicity, double objective, double lambdaMin,
                     double gradientNorm, double maxNeuronGradient, double minNeuronNorm, double maxDistance,
                     boolean minimum,
                     List<Integer> runs) {
}
