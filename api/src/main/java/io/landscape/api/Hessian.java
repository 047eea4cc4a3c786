package io.landscape.api;

/**
 * ∇²F as an object: an (n·d)×(n·d) symmetric matrix in row-major order, index = neuron·d + coordinate, assembled from
 * d×d blocks as in paper 002 Eq. (10) / paper 000 Thm 10. Shares scratch space with its {@link Objective}.
 */
public interface Hessian {
    /** Number of parameters n·d (the matrix is dimension()×dimension()). */
    int dimension();

    /**
     * Writes ∇²F(x) into {@code out} (row-major, length dimension()²). Allocation-free.
     *
     * @param x   the point, not modified
     * @param out modified
     * @throws NotDifferentiableException if some neuron of x is zero
     */
    void evaluate(double[] x, double[] out);

    /** Allocating convenience form. */
    default double[] evaluate(double[] x) {
        int m = dimension();
        double[] out = new double[m * m];
        evaluate(x, out);
        return out;
    }
}
