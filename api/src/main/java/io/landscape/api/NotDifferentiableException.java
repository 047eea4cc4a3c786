package io.landscape.api;

/**
 * Thrown when a derivative is asked at a point where F is not differentiable: some student neuron is the zero vector
 * (paper 000 Lemma 1: F is C² exactly where every w_i ≠ 0; the value itself is defined everywhere).
 */
public final class NotDifferentiableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int neuron;

    public NotDifferentiableException(int neuron, String message) {
        super(message);
        this.neuron = neuron;
    }

    /** Zero-based index of the offending student neuron. */
    public int neuron() {
        return neuron;
    }
}
