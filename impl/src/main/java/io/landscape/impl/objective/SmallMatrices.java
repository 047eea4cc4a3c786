package io.landscape.impl.objective;

/**
 * Dense products of the small matrices the objectives assemble (rows of length 6 … 100), written for HotSpot: blocks of
 * 2 output rows × 4 columns are accumulated in eight local variables over the whole inner dimension, so every element
 * of A and B is loaded once per block and the eight multiply-adds are independent. (Accumulating into the output row
 * itself is bound by store-to-load latency, and C2 vectorises loops over such short rows poorly.) Allocation-free.
 */
public final class SmallMatrices {
    private SmallMatrices() {
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
                    s00 += x0 * b0;
                    s01 += x0 * b1;
                    s02 += x0 * b2;
                    s03 += x0 * b3;
                    s10 += x1 * b0;
                    s11 += x1 * b1;
                    s12 += x1 * b2;
                    s13 += x1 * b3;
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
                    s0 += a[a0 + j] * bj;
                    s1 += a[a1 + j] * bj;
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
                    s0 += a[a0 + j] * b[j * cols + q];
                }
                out[o0 + q] += s0;
            }
        }
    }
}
