package io.landscape.api.function;

/**
 * A {@link NetworkHessian} over a dense row-major matrix (the fallback for objectives that only fill the matrix).
 * Holds the array it is given.
 */
public final class DenseNetworkHessian implements NetworkHessian {
    private final double[] h;
    private final int m;
    private final int d;

    /**
     * @param dense row-major m×m matrix, held (not copied)
     * @param m     the dimension
     * @param d     the block size (neuron blocks start at multiples of d)
     */
    public DenseNetworkHessian(double[] dense, int m, int d) {
        if (dense.length != (long) m * m) {
            throw new IllegalArgumentException("dense Hessian: length " + dense.length + " != " + m + "²");
        }
        if (d < 1) {
            throw new IllegalArgumentException("block size must be at least 1, got " + d);
        }
        this.h = dense;
        this.m = m;
        this.d = d;
    }

    @Override
    public int dimension() {
        return m;
    }

    @Override
    public int blockSize() {
        return d;
    }

    @Override
    public void multiply(double[] v, double[] out) {
        if (v == out) {
            throw new IllegalArgumentException("multiply: out must not be v");
        }
        for (int i = 0; i < m; i++) {
            double s = 0;
            int row = i * m;
            for (int j = 0; j < m; j++) {
                s += h[row + j] * v[j];
            }
            out[i] = s;
        }
    }

    @Override
    public void toDense(double[] out) {
        System.arraycopy(h, 0, out, 0, h.length);
    }

    @Override
    public void block(int i, int j, double[] out) {
        for (int a = 0; a < d; a++) {
            System.arraycopy(h, (i * d + a) * m + j * d, out, a * d, d);
        }
    }
}
