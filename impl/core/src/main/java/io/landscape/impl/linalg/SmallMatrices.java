package io.landscape.impl.linalg;

/**
 * Dense products and Gram matrices of the small matrices the objectives assemble (rows of length 6 … 100), written for HotSpot: blocks of
 * 2 output rows × 4 columns are accumulated in eight local variables over the whole inner dimension, so every element
 * of A and B is loaded once per block and the eight multiply-adds are independent. (Accumulating into the output row
 * itself is bound by store-to-load latency, and C2 vectorises loops over such short rows poorly.) Allocation-free.
 */
public final class SmallMatrices {
    private SmallMatrices() {
    }

    /**
     * a·b + c: one fused multiply-add where the CPU has it ({@link FastAngle#FMA}, folded by the JIT), otherwise the
     * plain product and sum (a software {@code Math.fma} would be a hundred times slower). Fused, the blocked loops
     * below do twice the multiply-adds per cycle, and each result is at least as accurate.
     */
    public static double madd(double a, double b, double c) {
        return FastAngle.FMA ? Math.fma(a, b, c) : c + a * b;
    }

    /**
     * out (rows×cols) += A (rows×inner) · B (inner×cols), all row-major and distinct arrays.
     *
     * @param out modified
     */
    public static void addProduct(double[] a, int rows, int inner, double[] b, int cols, double[] out) {
        int i = 0;
        for (; i + 1 < rows; i += 2) {
            int a0 = i * inner;
            int a1 = a0 + inner;
            int o0 = i * cols;
            int o1 = o0 + cols;
            int q = 0;
            for (; q + 3 < cols; q += 4) {
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
                double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                for (int j = 0; j < inner; j++) {
                    double x0 = a[a0 + j];
                    double x1 = a[a1 + j];
                    int bj = j * cols + q;
                    double b0 = b[bj];
                    double b1 = b[bj + 1];
                    double b2 = b[bj + 2];
                    double b3 = b[bj + 3];
                    s00 = madd(x0, b0, s00);
                    s01 = madd(x0, b1, s01);
                    s02 = madd(x0, b2, s02);
                    s03 = madd(x0, b3, s03);
                    s10 = madd(x1, b0, s10);
                    s11 = madd(x1, b1, s11);
                    s12 = madd(x1, b2, s12);
                    s13 = madd(x1, b3, s13);
                }
                out[o0 + q] += s00;
                out[o0 + q + 1] += s01;
                out[o0 + q + 2] += s02;
                out[o0 + q + 3] += s03;
                out[o1 + q] += s10;
                out[o1 + q + 1] += s11;
                out[o1 + q + 2] += s12;
                out[o1 + q + 3] += s13;
            }
            for (; q < cols; q++) {
                double s0 = 0;
                double s1 = 0;
                for (int j = 0; j < inner; j++) {
                    double bj = b[j * cols + q];
                    s0 = madd(a[a0 + j], bj, s0);
                    s1 = madd(a[a1 + j], bj, s1);
                }
                out[o0 + q] += s0;
                out[o1 + q] += s1;
            }
        }
        for (; i < rows; i++) {
            int a0 = i * inner;
            int o0 = i * cols;
            for (int q = 0; q < cols; q++) {
                double s0 = 0;
                for (int j = 0; j < inner; j++) {
                    s0 = madd(a[a0 + j], b[j * cols + q], s0);
                }
                out[o0 + q] += s0;
            }
        }
    }

    /** out[i·n + j] = x_i·x_j for j ≥ i (rows of length d; the lower triangle is left untouched). */
    public static void upperGram(double[] x, int n, int d, double[] out) {
        int i = 0;
        for (; i + 1 < n; i += 2) {
            rowDots2(x, i, x, i, n, d, out, n);
        }
        for (; i < n; i++) {
            rowDots(x, i * d, x, i, n, d, out, i * n);
        }
    }

    /** out[i·m + j] = x_i·y_j for i &lt; n, j &lt; m (rows of length d). */
    public static void crossGram(double[] x, int n, double[] y, int m, int d, double[] out) {
        int i = 0;
        for (; i + 1 < n; i += 2) {
            rowDots2(x, i, y, 0, m, d, out, m);
        }
        for (; i < n; i++) {
            rowDots(x, i * d, y, 0, m, d, out, i * m);
        }
    }

    /** The Euclidean distance ‖x − y‖ of two vectors of equal length. */
    public static double distance(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double e = x[i] - y[i];
            s += e * e;
        }
        return Math.sqrt(s);
    }

    /** Dot product with four independent accumulators (a single accumulator is one latency-bound FMA chain). */
    public static double dot(double[] x, int xo, double[] y, int yo, int d) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int q = 0;
        for (; q + 3 < d; q += 4) {
            s0 = madd(x[xo + q], y[yo + q], s0);
            s1 = madd(x[xo + q + 1], y[yo + q + 1], s1);
            s2 = madd(x[xo + q + 2], y[yo + q + 2], s2);
            s3 = madd(x[xo + q + 3], y[yo + q + 3], s3);
        }
        for (; q < d; q++) {
            s0 = madd(x[xo + q], y[yo + q], s0);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Rows i and i+1 of X·Yᵀ for columns j = from … to−1 (out row stride {@code stride}): blocks of 2 × 4 dot products
     * in eight independent accumulators, each coordinate loaded once per block.
     */
    private static void rowDots2(double[] x, int i, double[] y, int from, int to, int d, double[] out, int stride) {
        int x0 = i * d;
        int x1 = x0 + d;
        int o0 = i * stride;
        int o1 = o0 + stride;
        int j = from;
        for (; j + 3 < to; j += 4) {
            int y0 = j * d;
            int y1 = y0 + d;
            int y2 = y1 + d;
            int y3 = y2 + d;
            double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
            double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
            for (int q = 0; q < d; q++) {
                double a0 = x[x0 + q];
                double a1 = x[x1 + q];
                double b0 = y[y0 + q];
                double b1 = y[y1 + q];
                double b2 = y[y2 + q];
                double b3 = y[y3 + q];
                s00 = madd(a0, b0, s00);
                s01 = madd(a0, b1, s01);
                s02 = madd(a0, b2, s02);
                s03 = madd(a0, b3, s03);
                s10 = madd(a1, b0, s10);
                s11 = madd(a1, b1, s11);
                s12 = madd(a1, b2, s12);
                s13 = madd(a1, b3, s13);
            }
            out[o0 + j] = s00;
            out[o0 + j + 1] = s01;
            out[o0 + j + 2] = s02;
            out[o0 + j + 3] = s03;
            out[o1 + j] = s10;
            out[o1 + j + 1] = s11;
            out[o1 + j + 2] = s12;
            out[o1 + j + 3] = s13;
        }
        for (; j < to; j++) {
            out[o0 + j] = dot(x, x0, y, j * d, d);
            out[o1 + j] = dot(x, x1, y, j * d, d);
        }
    }

    /** out[oo + j] = x_i · y_j for j = from … to−1 (rows of length d). */
    private static void rowDots(double[] x, int io, double[] y, int from, int to, int d, double[] out, int oo) {
        int j = from;
        for (; j + 3 < to; j += 4) {
            int y0 = j * d;
            int y1 = y0 + d;
            int y2 = y1 + d;
            int y3 = y2 + d;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int q = 0; q < d; q++) {
                double xq = x[io + q];
                s0 = madd(xq, y[y0 + q], s0);
                s1 = madd(xq, y[y1 + q], s1);
                s2 = madd(xq, y[y2 + q], s2);
                s3 = madd(xq, y[y3 + q], s3);
            }
            out[oo + j] = s0;
            out[oo + j + 1] = s1;
            out[oo + j + 2] = s2;
            out[oo + j + 3] = s3;
        }
        for (; j < to; j++) {
            out[oo + j] = dot(x, io, y, j * d, d);
        }
    }
}
