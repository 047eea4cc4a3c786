package io.landscape.impl.basin;

/** Small dense symmetric positive definite solves (row-major, in place), for the interior-point Newton systems. */
final class Dense {
    private Dense() {
    }

    /**
     * Overwrites the lower triangle of the n×n SPD matrix {@code a} (at offset {@code off}) with its Cholesky factor L
     * (a = L Lᵀ). A pivot that is not positive is replaced by {@code floor} (the systems are regularised; this only
     * guards against rounding).
     */
    static void cholesky(double[] a, int off, int n, double floor) {
        for (int j = 0; j < n; j++) {
            int rj = off + j * n;
            double dsum = a[rj + j];
            for (int k = 0; k < j; k++) {
                dsum -= a[rj + k] * a[rj + k];
            }
            double pivot = dsum > floor ? Math.sqrt(dsum) : Math.sqrt(floor);
            a[rj + j] = pivot;
            double inv = 1.0 / pivot;
            for (int i = j + 1; i < n; i++) {
                int ri = off + i * n;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= a[ri + k] * a[rj + k];
                }
                a[ri + j] = s * inv;
            }
        }
    }

    /** Solves L y = b in place (b at offset {@code bo}). */
    static void forward(double[] l, int off, int n, double[] b, int bo) {
        for (int i = 0; i < n; i++) {
            int ri = off + i * n;
            double s = b[bo + i];
            for (int k = 0; k < i; k++) {
                s -= l[ri + k] * b[bo + k];
            }
            b[bo + i] = s / l[ri + i];
        }
    }

    /** Solves Lᵀ x = y in place. */
    static void backward(double[] l, int off, int n, double[] b, int bo) {
        for (int i = n - 1; i >= 0; i--) {
            double s = b[bo + i];
            for (int k = i + 1; k < n; k++) {
                s -= l[off + k * n + i] * b[bo + k];
            }
            b[bo + i] = s / l[off + i * n + i];
        }
    }

    /** Solves (L Lᵀ) x = b in place. */
    static void solve(double[] l, int off, int n, double[] b, int bo) {
        forward(l, off, n, b, bo);
        backward(l, off, n, b, bo);
    }
}
