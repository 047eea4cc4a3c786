package io.landscape.api.empirical;

import io.landscape.api.function.NetworkObjective;

/**
 * The empirical loss L_S(W, v) of an {@link EmpiricalProblem} as a function of its parameters (layout of
 * {@link NetworkObjective}: neuron i at {@code i*d … i*d+d-1}, then v_1…v_n when they are trainable).
 *
 * <p>The value is defined everywhere. The gradient and Hessian exist where no pre-activation ⟨w_i, x_t⟩ is zero (off
 * the boundaries of the activation cells); at such a point they throw
 * {@link io.landscape.api.NotDifferentiableException} naming the neuron and the example.
 */
public interface EmpiricalObjective extends NetworkObjective {
    /** The problem this objective evaluates. */
    EmpiricalProblem problem();

    /**
     * Writes the predictions N(W, v)(x_t), t = 1…m, into {@code out} (length m) and returns the loss, both for the
     * parameters {@code x} (not modified).
     */
    double predictions(double[] x, double[] out);

    /** L(0): the loss of the all-zero predictor. */
    double lossOfZero();
}
