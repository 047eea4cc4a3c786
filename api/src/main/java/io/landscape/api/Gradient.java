package io.landscape.api;

/** ∇F as an object: n·d entries, neuron i at {@code i*d … i*d+d-1}. Shares scratch space with its {@link Objective}. */
public interface Gradient {
    /** Number of parameters n·d. */
    int dimension();

    /**
     * Writes ∇F(x) into {@code out}. Allocation-free.
     *
     * @param x   the point, not modified
     * @param out modified; length n·d; must not be {@code x}
     * @throws NotDifferentiableException if some neuron of x is zero
     */
    void evaluate(double[] x, double[] out);

    /** Allocating convenience form of {@link #evaluate(double[], double[])}. */
    default double[] evaluate(double[] x) {
        double[] out = new double[dimension()];
        evaluate(x, out);
        return out;
    }
}
