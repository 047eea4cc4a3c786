package io.landscape.api.function;

/**
 * The Hessian of a {@link NetworkObjective} at one point: an operator that also gives the d×d block of a pair of
 * neurons without forming the whole matrix.
 */
public interface NetworkHessian extends HessianOperator {
    /** The block size d (the input dimension). */
    int blockSize();

    /**
     * Writes the d×d block ∂²f/∂w_i∂w_j (row-major) into {@code out} (length d²).
     *
     * @param i neuron index of the rows, 0 ≤ i &lt; n
     * @param j neuron index of the columns, 0 ≤ j &lt; n
     */
    void block(int i, int j, double[] out);
}
