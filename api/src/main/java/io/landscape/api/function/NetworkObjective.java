package io.landscape.api.function;

/**
 * The loss of a two-layer network Σ_i a_i σ(w_i·x) as a function of its parameters. Layout of a parameter vector:
 * neuron i occupies entries {@code i*d … i*d+d-1}; when the output weights are trainable, a_1..a_n follow at
 * {@code n*d … n*d+n-1}. {@link #dimension()} is n·d, or n·d + n with trainable output weights.
 */
public interface NetworkObjective extends TwiceDifferentiableFunction {
    /** The number n of hidden neurons. */
    int neurons();

    /** The input dimension d (the size of a neuron block). */
    int inputDimension();

    /** Whether the output weights are parameters (after the neuron blocks) rather than fixed. */
    default boolean trainableOutputWeights() {
        return false;
    }

    /** The offset of neuron i's block in a parameter vector. */
    default int neuronOffset(int i) {
        return i * inputDimension();
    }

    @Override
    NetworkHessian hessianAt(double[] x);
}
