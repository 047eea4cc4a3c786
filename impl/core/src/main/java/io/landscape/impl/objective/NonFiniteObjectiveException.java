package io.landscape.impl.objective;

/**
 * Thrown when F, its gradient or its Hessian is not representable as a finite double at a finite point because a
 * neuron is extreme: a student neuron of norm above ~10¹⁵³ makes F (which grows like ‖w‖²) overflow, one of norm below
 * ~5.6·10⁻³⁰⁹ makes the derivatives (which grow like 1/‖w‖) overflow. The message names the neuron and its norm;
 * {@link #neuron()} gives its index. An {@link IllegalArgumentException}: the point (or teacher) is outside the range
 * where the loss can be evaluated in double precision.
 */
public final class NonFiniteObjectiveException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int neuron;

    public NonFiniteObjectiveException(int neuron, String message) {
        super(message);
        this.neuron = neuron;
    }

    /** Zero-based index of the offending student neuron, or −1 if the teacher is to blame. */
    public int neuron() {
        return neuron;
    }
}
