package io.landscape.api;

/**
 * Thrown when a derivative is asked at a point where F is not differentiable: some student neuron is the zero vector
 * (paper 000 Lemma 1: F is C² exactly where every w_i ≠ 0; the value itself is defined everywhere).
 */
public final class NotDifferentiableException extends InvalidPointException {
    private static final long serialVersionUID = 1L;

    public NotDifferentiableException(int neuron, String message) {
        super(neuron, -1, message);
    }

    /** Zero-based index of the offending student neuron. */
    @Override
    public int neuron() {
        return super.neuron();
    }
}
