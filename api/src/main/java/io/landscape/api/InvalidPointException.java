package io.landscape.api;

/**
 * A point given to an {@link Objective} (or its {@link Gradient} or {@link Hessian}) that cannot be used: it has the
 * wrong length, or an entry is NaN or infinite. The message names the entry as index, student neuron and coordinate
 * (all one-based in the message; zero-based from {@link #neuron()} and {@link #coordinate()}).
 */
public class InvalidPointException extends LandscapeException {
    private static final long serialVersionUID = 1L;
    private final int neuron;
    private final int coordinate;

    /**
     * @param neuron     zero-based student neuron at fault, or −1 if the point as a whole is at fault
     * @param coordinate zero-based coordinate within that neuron, or −1 if the neuron as a whole is at fault
     */
    public InvalidPointException(int neuron, int coordinate, String message) {
        super(message);
        this.neuron = neuron;
        this.coordinate = coordinate;
    }

    /** Zero-based index of the offending student neuron, or −1 if the point as a whole is at fault (wrong length). */
    public int neuron() {
        return neuron;
    }

    /** Zero-based coordinate within {@link #neuron()}, or −1 if the whole neuron is at fault. */
    public int coordinate() {
        return coordinate;
    }
}
