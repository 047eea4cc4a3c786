package io.landscape.api.function;

/**
 * The Hessian H = ∇²f(x) of a function at one point x, as a symmetric linear operator. Implementations compute what
 * every product shares once (so repeated products at the same point — Lanczos, conjugate gradients — are cheap) and
 * need not form the matrix.
 */
public interface HessianOperator {
    /** The size m of the (m×m) matrix. */
    int dimension();

    /** out = H·v. {@code v} is not modified; {@code out} has length m and must not be {@code v}. */
    void multiply(double[] v, double[] out);

    /** Writes H in row-major order into {@code out} (length m²). */
    default void toDense(double[] out) {
        int m = dimension();
        double[] e = new double[m];
        double[] col = new double[m];
        for (int j = 0; j < m; j++) {
            e[j] = 1;
            multiply(e, col);
            e[j] = 0;
            for (int i = 0; i < m; i++) {
                out[i * m + j] = col[i];
            }
        }
    }

    /** Allocating form of {@link #toDense(double[])}. */
    default double[] toDense() {
        int m = dimension();
        double[] out = new double[Math.multiplyExact(m, m)];
        toDense(out);
        return out;
    }

    /** vᵀ H v. */
    default double quadraticForm(double[] v) {
        double[] hv = new double[dimension()];
        multiply(v, hv);
        double s = 0;
        for (int i = 0; i < hv.length; i++) {
            s += v[i] * hv[i];
        }
        return s;
    }
}
