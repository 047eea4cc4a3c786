package io.landscape.api.function;

/**
 * A differentiable function evaluated at L points at once ("lanes"), e.g. one point per SIMD lane, so that L
 * independent gradient-descent runs advance together. A batch holds L points of {@link #dimension()} entries
 * interleaved: entry e of lane l is at {@code e·L + l}, so a batch is a {@code double[dimension()·lanes()]}.
 * Implementations must keep lanes independent: a lane's results depend only on its own point (not on the lane it sits
 * in or on the other lanes), so a run's result does not depend on which runs share its batch.
 *
 * <p>Not required to be thread-safe; one instance per thread.
 */
public interface BatchFunction {
    /** L: points per batch. */
    int lanes();

    /** Entries of one point. */
    int dimension();

    /**
     * The block size of the stop rules' block gradient norm (e.g. a neuron's d weights); divides
     * {@link #dimension()}.
     */
    int blockSize();

    /** Entries of one batch: {@code dimension()·lanes()}. */
    default int batchLength() {
        return dimension() * lanes();
    }

    /**
     * The gradient of every lane into {@code gb} and its value into {@code values[lane]}; NaN for a lane whose point
     * has no gradient (the caller treats it as a diverged step). {@code xb} and {@code gb} are distinct batches.
     */
    void valueAndGradient(double[] xb, double[] gb, double[] values);

    /**
     * Per lane: {@code maxBlockSq[lane]} = the largest squared norm of a {@link #blockSize()} block of the gradient in
     * {@code gb}, and {@code totalSq[lane]} = its squared norm.
     */
    void gradientNorms(double[] gb, double[] maxBlockSq, double[] totalSq);

    /** One gradient step per lane, in place: x_lane ← x_lane − η_lane·g_lane ({@code eta[lane]} = 0 leaves it). */
    void step(double[] xb, double[] gb, double[] eta);

    /** Copies point {@code x} ({@link #dimension()} entries) into lane {@code lane} of batch {@code xb}. */
    default void put(double[] x, double[] xb, int lane) {
        int lanes = lanes();
        for (int e = 0, o = lane; e < x.length; e++, o += lanes) {
            xb[o] = x[e];
        }
    }

    /** Copies lane {@code lane} of batch {@code xb} into {@code x} ({@link #dimension()} entries). */
    default void get(double[] xb, int lane, double[] x) {
        int lanes = lanes();
        for (int e = 0, o = lane; e < x.length; e++, o += lanes) {
            x[e] = xb[o];
        }
    }
}
