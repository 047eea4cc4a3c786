package io.landscape.impl.objective;

import io.landscape.impl.kernel.PairKernel;
import io.landscape.impl.kernel.ReluClosedForm;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels of {@link VectorPairwiseObjective} and {@link PairHessianOperator}: a register-tiled dense
 * product and the vectorised angle pass. Every reference to {@code jdk.incubator.vector} of the general evaluator is
 * here, so that class links the module only when {@link VectorPairwiseObjective#isAvailable()} said yes.
 *
 * <p><b>Product.</b> out (m × cols) = A (m × inner) · B (inner × cols), row-major with strides, cols a multiple of the
 * lane count L (the callers pad). Tiles of 8 rows × 2 vectors: 16 accumulators, one broadcast per row and two
 * vector loads per step of the inner index — 16 independent FMA chains, enough to keep two FMA pipes of 4-cycle latency
 * busy, and each strip of B streamed once per 8 rows of A (the former 4-row tiles streamed it twice as often: at
 * k = n = d = 100 the two products took 65 and 70 CPU µs with 4-row tiles, 35 and 50 with 8-row ones, ≈ 43 and 42·10⁹
 * multiply-adds per second; remaining rows take 4-row and single-row tiles). Each output element is <em>one</em> FMA
 * chain over the inner index in increasing order, so the result does not depend on the tiling, the vector width or the
 * thread that computed it (F, ∇F and H·u bitwise unchanged by the retiling). {@link #productPanels} is the same product
 * with B stored in panels of 2L columns (each panel contiguous, read front to back): the gradient product of
 * {@link VectorPairwiseObjective} uses it from n + k = 64 on (≈ 42 instead of ≈ 54 CPU µs at k = n = d = 100, bitwise
 * the same entries).
 *
 * <p><b>Pair coefficients of the ReLU kernel.</b> {@link #reluPass} evaluates K, gA, gAv, gB of a row of pairs lane by
 * lane with a vector <em>transcription</em> of a scalar ReLU kernel evaluator: the same IEEE operations in the same
 * order (no fused multiply-add, as in Java's scalar arithmetic), so each lane is bitwise what the scalar evaluator
 * returns. Two evaluators are transcribed: {@link #RELU_GENERATED}, the Symja-derived, compiled kernel of
 * {@link io.landscape.api.Kernel#relu()} (generator version 2: its {@code s = 0} limits included), and
 * {@link #RELU_CLOSED_FORM}, {@link ReluClosedForm}. {@link #reluTranscription} selects one for a kernel evaluator only
 * after checking it bitwise against that evaluator on probe pairs (random angles and norms, both θ limits); any other
 * kernel — or a future generator whose arithmetic differs — gets 0 and the scalar per-pair calls.
 */
final class VectorDense {
    static final VectorSpecies<Double> SP = VectorIdentityObjective.SP;
    static final int L = SP.length();

    private VectorDense() {
    }

    static int lanes() {
        return L;
    }

    /**
     * out[i·os + j] = Σ_q a[i·as + q] · b[q·bs + j] for rows i in [rowFrom, rowTo) and j in [j0(i), cols), cols a
     * multiple of L; j0 = 0, or, if {@code upper}, the first row of i's tile rounded down to a multiple of L (the
     * entries j ≥ i are always among those written).
     */
    static void product(double[] a, int as, int rowFrom, int rowTo, int inner, double[] b, int bs, int cols,
                        double[] out, int os, boolean upper) {
        // one method per tile height: each is a small C2 unit (one method of ~1700 bytecodes took C2 tens of seconds
        // on a loaded machine, the Vector API running boxed in C1 code meanwhile)
        int i = rows8(a, as, rowFrom, rowTo, inner, b, bs, cols, out, os, upper);
        i = rows4(a, as, i, rowTo, inner, b, bs, cols, out, os, upper);
        rows1(a, as, i, rowTo, inner, b, bs, cols, out, os, upper);
    }

    /** {@link #product}'s tiles of 8 rows × 2 vectors from row i on; returns the first row not done. */
    private static int rows8(double[] a, int as, int i, int rowTo, int inner, double[] b, int bs, int cols,
                             double[] out, int os, boolean upper) {
        for (; i + 7 < rowTo; i += 8) {
            int j = upper ? (i / L) * L : 0;
            int a0 = i * as;
            for (; j + 2 * L <= cols; j += 2 * L) {
                DoubleVector c00 = DoubleVector.zero(SP);
                DoubleVector c01 = c00;
                DoubleVector c10 = c00;
                DoubleVector c11 = c00;
                DoubleVector c20 = c00;
                DoubleVector c21 = c00;
                DoubleVector c30 = c00;
                DoubleVector c31 = c00;
                DoubleVector c40 = c00;
                DoubleVector c41 = c00;
                DoubleVector c50 = c00;
                DoubleVector c51 = c00;
                DoubleVector c60 = c00;
                DoubleVector c61 = c00;
                DoubleVector c70 = c00;
                DoubleVector c71 = c00;
                int bq = j;
                for (int q = 0; q < inner; q++, bq += bs) {
                    DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
                    DoubleVector b1 = DoubleVector.fromArray(SP, b, bq + L);
                    int aq = a0 + q;
                    DoubleVector x = DoubleVector.broadcast(SP, a[aq]);
                    c00 = x.lanewise(VectorOperators.FMA, b0, c00);
                    c01 = x.lanewise(VectorOperators.FMA, b1, c01);
                    x = DoubleVector.broadcast(SP, a[aq + as]);
                    c10 = x.lanewise(VectorOperators.FMA, b0, c10);
                    c11 = x.lanewise(VectorOperators.FMA, b1, c11);
                    x = DoubleVector.broadcast(SP, a[aq + 2 * as]);
                    c20 = x.lanewise(VectorOperators.FMA, b0, c20);
                    c21 = x.lanewise(VectorOperators.FMA, b1, c21);
                    x = DoubleVector.broadcast(SP, a[aq + 3 * as]);
                    c30 = x.lanewise(VectorOperators.FMA, b0, c30);
                    c31 = x.lanewise(VectorOperators.FMA, b1, c31);
                    x = DoubleVector.broadcast(SP, a[aq + 4 * as]);
                    c40 = x.lanewise(VectorOperators.FMA, b0, c40);
                    c41 = x.lanewise(VectorOperators.FMA, b1, c41);
                    x = DoubleVector.broadcast(SP, a[aq + 5 * as]);
                    c50 = x.lanewise(VectorOperators.FMA, b0, c50);
                    c51 = x.lanewise(VectorOperators.FMA, b1, c51);
                    x = DoubleVector.broadcast(SP, a[aq + 6 * as]);
                    c60 = x.lanewise(VectorOperators.FMA, b0, c60);
                    c61 = x.lanewise(VectorOperators.FMA, b1, c61);
                    x = DoubleVector.broadcast(SP, a[aq + 7 * as]);
                    c70 = x.lanewise(VectorOperators.FMA, b0, c70);
                    c71 = x.lanewise(VectorOperators.FMA, b1, c71);
                }
                int o = i * os + j;
                c00.intoArray(out, o);
                c01.intoArray(out, o + L);
                c10.intoArray(out, o + os);
                c11.intoArray(out, o + os + L);
                c20.intoArray(out, o + 2 * os);
                c21.intoArray(out, o + 2 * os + L);
                c30.intoArray(out, o + 3 * os);
                c31.intoArray(out, o + 3 * os + L);
                c40.intoArray(out, o + 4 * os);
                c41.intoArray(out, o + 4 * os + L);
                c50.intoArray(out, o + 5 * os);
                c51.intoArray(out, o + 5 * os + L);
                c60.intoArray(out, o + 6 * os);
                c61.intoArray(out, o + 6 * os + L);
                c70.intoArray(out, o + 7 * os);
                c71.intoArray(out, o + 7 * os + L);
            }
            if (j < cols) {
                // the last single vector of columns: the 4-row kernel's tail, twice
                tail4(a, as, i, inner, b, bs, j, out, os);
                tail4(a, as, i + 4, inner, b, bs, j, out, os);
            }
        }
        return i;
    }

    /** {@link #product}'s tiles of 4 rows × 2 vectors from row i on; returns the first row not done. */
    private static int rows4(double[] a, int as, int i, int rowTo, int inner, double[] b, int bs, int cols,
                             double[] out, int os, boolean upper) {
        for (; i + 3 < rowTo; i += 4) {
            int j = upper ? (i / L) * L : 0;
            int a0 = i * as;
            int a1 = a0 + as;
            int a2 = a1 + as;
            int a3 = a2 + as;
            for (; j + 2 * L <= cols; j += 2 * L) {
                DoubleVector c00 = DoubleVector.zero(SP);
                DoubleVector c01 = c00;
                DoubleVector c10 = c00;
                DoubleVector c11 = c00;
                DoubleVector c20 = c00;
                DoubleVector c21 = c00;
                DoubleVector c30 = c00;
                DoubleVector c31 = c00;
                int bq = j;
                for (int q = 0; q < inner; q++, bq += bs) {
                    DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
                    DoubleVector b1 = DoubleVector.fromArray(SP, b, bq + L);
                    DoubleVector x0 = DoubleVector.broadcast(SP, a[a0 + q]);
                    c00 = x0.lanewise(VectorOperators.FMA, b0, c00);
                    c01 = x0.lanewise(VectorOperators.FMA, b1, c01);
                    DoubleVector x1 = DoubleVector.broadcast(SP, a[a1 + q]);
                    c10 = x1.lanewise(VectorOperators.FMA, b0, c10);
                    c11 = x1.lanewise(VectorOperators.FMA, b1, c11);
                    DoubleVector x2 = DoubleVector.broadcast(SP, a[a2 + q]);
                    c20 = x2.lanewise(VectorOperators.FMA, b0, c20);
                    c21 = x2.lanewise(VectorOperators.FMA, b1, c21);
                    DoubleVector x3 = DoubleVector.broadcast(SP, a[a3 + q]);
                    c30 = x3.lanewise(VectorOperators.FMA, b0, c30);
                    c31 = x3.lanewise(VectorOperators.FMA, b1, c31);
                }
                int o = i * os + j;
                c00.intoArray(out, o);
                c01.intoArray(out, o + L);
                c10.intoArray(out, o + os);
                c11.intoArray(out, o + os + L);
                c20.intoArray(out, o + 2 * os);
                c21.intoArray(out, o + 2 * os + L);
                c30.intoArray(out, o + 3 * os);
                c31.intoArray(out, o + 3 * os + L);
            }
            if (j < cols) {
                DoubleVector c0 = DoubleVector.zero(SP);
                DoubleVector c1 = c0;
                DoubleVector c2 = c0;
                DoubleVector c3 = c0;
                int bq = j;
                for (int q = 0; q < inner; q++, bq += bs) {
                    DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
                    c0 = DoubleVector.broadcast(SP, a[a0 + q]).lanewise(VectorOperators.FMA, b0, c0);
                    c1 = DoubleVector.broadcast(SP, a[a1 + q]).lanewise(VectorOperators.FMA, b0, c1);
                    c2 = DoubleVector.broadcast(SP, a[a2 + q]).lanewise(VectorOperators.FMA, b0, c2);
                    c3 = DoubleVector.broadcast(SP, a[a3 + q]).lanewise(VectorOperators.FMA, b0, c3);
                }
                int o = i * os + j;
                c0.intoArray(out, o);
                c1.intoArray(out, o + os);
                c2.intoArray(out, o + 2 * os);
                c3.intoArray(out, o + 3 * os);
            }
        }
        return i;
    }

    /** {@link #product}'s single rows from row i to rowTo. */
    private static void rows1(double[] a, int as, int i, int rowTo, int inner, double[] b, int bs, int cols,
                             double[] out, int os, boolean upper) {
        for (; i < rowTo; i++) {
            int a0 = i * as;
            for (int j = upper ? (i / L) * L : 0; j < cols; j += L) {
                DoubleVector c0 = DoubleVector.zero(SP);
                int bq = j;
                for (int q = 0; q < inner; q++, bq += bs) {
                    c0 = DoubleVector.broadcast(SP, a[a0 + q]).lanewise(VectorOperators.FMA,
                            DoubleVector.fromArray(SP, b, bq), c0);
                }
                c0.intoArray(out, i * os + j);
            }
        }
    }

    /** Rows i..i+3, the one vector of columns at j (the tail of an 8-row tile): four FMA chains over q. */
    private static void tail4(double[] a, int as, int i, int inner, double[] b, int bs, int j, double[] out, int os) {
        int a0 = i * as;
        DoubleVector c0 = DoubleVector.zero(SP);
        DoubleVector c1 = c0;
        DoubleVector c2 = c0;
        DoubleVector c3 = c0;
        int bq = j;
        for (int q = 0; q < inner; q++, bq += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
            int aq = a0 + q;
            c0 = DoubleVector.broadcast(SP, a[aq]).lanewise(VectorOperators.FMA, b0, c0);
            c1 = DoubleVector.broadcast(SP, a[aq + as]).lanewise(VectorOperators.FMA, b0, c1);
            c2 = DoubleVector.broadcast(SP, a[aq + 2 * as]).lanewise(VectorOperators.FMA, b0, c2);
            c3 = DoubleVector.broadcast(SP, a[aq + 3 * as]).lanewise(VectorOperators.FMA, b0, c3);
        }
        int o = i * os + j;
        c0.intoArray(out, o);
        c1.intoArray(out, o + os);
        c2.intoArray(out, o + 2 * os);
        c3.intoArray(out, o + 3 * os);
    }

    /** Panel width of {@link #productPanels}: 2L columns (the last panel may have L). */
    static int panelWidth() {
        return 2 * L;
    }

    /**
     * Offset of entry (q, col) of a (inner × cols) matrix in panel layout: panels of 2L columns, panel p holding
     * columns [2Lp, 2Lp + w) as an inner × w row-major block at offset 2Lp·inner, w = min(2L, cols − 2Lp) (2L, or L
     * for the last panel when cols is an odd multiple of L). Each panel is read front to back by
     * {@link #productPanels}.
     */
    static int panelIndex(int q, int col, int inner, int cols) {
        int w2 = 2 * L;
        int p = col / w2;
        int w = Math.min(w2, cols - p * w2);
        return p * w2 * inner + q * w + (col - p * w2);
    }

    /**
     * As {@link #product}, with B in the panel layout of {@link #panelIndex} (cols a multiple of L): every output
     * entry is the same FMA chain over the inner index in increasing order, so the result is bitwise that of
     * {@link #product} (the tiling never changes a chain). Panel by panel, each panel (inner × 2L, contiguous, ≤ 26 KB
     * at inner = 200) stays in L1 while every row tile streams through it with sequential loads: tiles of 8 rows × 2
     * vectors (16 FMA chains), then 4 rows and single rows; a last panel of one vector takes 8-row tiles of one vector
     * (8 chains). If {@code upper}, a tile of rows from i0 visits only the panels that reach column i0 (so every entry
     * j ≥ i is written; some below are too).
     */
    static void productPanels(double[] a, int as, int rowFrom, int rowTo, int inner, double[] b, int cols,
                              double[] out, int os, boolean upper) {
        int w2 = 2 * L;
        for (int p = 0, c0 = 0; c0 < cols; p++, c0 += w2) {
            int bo = p * w2 * inner;
            int limit = upper ? Math.min(rowTo, c0 + w2) : rowTo;
            if (cols - c0 >= w2) {
                panel2(a, as, rowFrom, rowTo, limit, inner, b, bo, out, c0, os);
            } else {
                panel1(a, as, rowFrom, rowTo, limit, inner, b, bo, out, c0, os);
            }
        }
    }

    /** The row tiles of a panel of 2 vectors whose first row is below {@code limit}. */
    private static void panel2(double[] a, int as, int i, int rowTo, int limit, int inner, double[] b, int bo,
                               double[] out, int c0, int os) {
        for (; i + 7 < rowTo && i < limit; i += 8) {
            tile8x2(a, as, i, inner, b, bo, out, i * os + c0, os);
        }
        for (; i + 3 < rowTo && i < limit; i += 4) {
            tile4x2(a, as, i, inner, b, bo, out, i * os + c0, os);
        }
        for (; i < rowTo && i < limit; i++) {
            tile1x2(a, as, i, inner, b, bo, out, i * os + c0, os);
        }
    }

    /** The row tiles of a panel of one vector whose first row is below {@code limit}. */
    private static void panel1(double[] a, int as, int i, int rowTo, int limit, int inner, double[] b, int bo,
                               double[] out, int c0, int os) {
        for (; i + 7 < rowTo && i < limit; i += 8) {
            tile8x1(a, as, i, inner, b, bo, out, i * os + c0, os);
        }
        for (; i + 3 < rowTo && i < limit; i += 4) {
            tile4x1(a, as, i, inner, b, bo, out, i * os + c0, os);
        }
        for (; i < rowTo && i < limit; i++) {
            tile1x1(a, as, i, inner, b, bo, out, i * os + c0, os);
        }
    }

    /** 8 rows × 2 vectors of {@link #productPanels}: rows i.., panel at bo (row stride 2·L), output at o. */
    private static void tile8x2(double[] a, int as, int i, int inner, double[] b, int bo, double[] out, int o,
                                int os) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector c00 = z;
        DoubleVector c01 = z;
        DoubleVector c10 = z;
        DoubleVector c11 = z;
        DoubleVector c20 = z;
        DoubleVector c21 = z;
        DoubleVector c30 = z;
        DoubleVector c31 = z;
        DoubleVector c40 = z;
        DoubleVector c41 = z;
        DoubleVector c50 = z;
        DoubleVector c51 = z;
        DoubleVector c60 = z;
        DoubleVector c61 = z;
        DoubleVector c70 = z;
        DoubleVector c71 = z;
        int aq = i * as;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq++, bq += 2 * L) {
            DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
            DoubleVector b1 = DoubleVector.fromArray(SP, b, bq + 1 * L);
            DoubleVector x0 = DoubleVector.broadcast(SP, a[aq]);
            c00 = x0.lanewise(VectorOperators.FMA, b0, c00);
            c01 = x0.lanewise(VectorOperators.FMA, b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(SP, a[aq + as]);
            c10 = x1.lanewise(VectorOperators.FMA, b0, c10);
            c11 = x1.lanewise(VectorOperators.FMA, b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(SP, a[aq + 2 * as]);
            c20 = x2.lanewise(VectorOperators.FMA, b0, c20);
            c21 = x2.lanewise(VectorOperators.FMA, b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(SP, a[aq + 3 * as]);
            c30 = x3.lanewise(VectorOperators.FMA, b0, c30);
            c31 = x3.lanewise(VectorOperators.FMA, b1, c31);
            DoubleVector x4 = DoubleVector.broadcast(SP, a[aq + 4 * as]);
            c40 = x4.lanewise(VectorOperators.FMA, b0, c40);
            c41 = x4.lanewise(VectorOperators.FMA, b1, c41);
            DoubleVector x5 = DoubleVector.broadcast(SP, a[aq + 5 * as]);
            c50 = x5.lanewise(VectorOperators.FMA, b0, c50);
            c51 = x5.lanewise(VectorOperators.FMA, b1, c51);
            DoubleVector x6 = DoubleVector.broadcast(SP, a[aq + 6 * as]);
            c60 = x6.lanewise(VectorOperators.FMA, b0, c60);
            c61 = x6.lanewise(VectorOperators.FMA, b1, c61);
            DoubleVector x7 = DoubleVector.broadcast(SP, a[aq + 7 * as]);
            c70 = x7.lanewise(VectorOperators.FMA, b0, c70);
            c71 = x7.lanewise(VectorOperators.FMA, b1, c71);
        }
        c00.intoArray(out, o);
        c01.intoArray(out, o + L);
        c10.intoArray(out, o + os);
        c11.intoArray(out, o + os + L);
        c20.intoArray(out, o + 2 * os);
        c21.intoArray(out, o + 2 * os + L);
        c30.intoArray(out, o + 3 * os);
        c31.intoArray(out, o + 3 * os + L);
        c40.intoArray(out, o + 4 * os);
        c41.intoArray(out, o + 4 * os + L);
        c50.intoArray(out, o + 5 * os);
        c51.intoArray(out, o + 5 * os + L);
        c60.intoArray(out, o + 6 * os);
        c61.intoArray(out, o + 6 * os + L);
        c70.intoArray(out, o + 7 * os);
        c71.intoArray(out, o + 7 * os + L);
    }

    /** 8 rows × 1 vector of {@link #productPanels}: rows i.., panel at bo (row stride 1·L), output at o. */
    private static void tile8x1(double[] a, int as, int i, int inner, double[] b, int bo, double[] out, int o,
                                int os) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector c00 = z;
        DoubleVector c10 = z;
        DoubleVector c20 = z;
        DoubleVector c30 = z;
        DoubleVector c40 = z;
        DoubleVector c50 = z;
        DoubleVector c60 = z;
        DoubleVector c70 = z;
        int aq = i * as;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq++, bq += 1 * L) {
            DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
            DoubleVector x0 = DoubleVector.broadcast(SP, a[aq]);
            c00 = x0.lanewise(VectorOperators.FMA, b0, c00);
            DoubleVector x1 = DoubleVector.broadcast(SP, a[aq + as]);
            c10 = x1.lanewise(VectorOperators.FMA, b0, c10);
            DoubleVector x2 = DoubleVector.broadcast(SP, a[aq + 2 * as]);
            c20 = x2.lanewise(VectorOperators.FMA, b0, c20);
            DoubleVector x3 = DoubleVector.broadcast(SP, a[aq + 3 * as]);
            c30 = x3.lanewise(VectorOperators.FMA, b0, c30);
            DoubleVector x4 = DoubleVector.broadcast(SP, a[aq + 4 * as]);
            c40 = x4.lanewise(VectorOperators.FMA, b0, c40);
            DoubleVector x5 = DoubleVector.broadcast(SP, a[aq + 5 * as]);
            c50 = x5.lanewise(VectorOperators.FMA, b0, c50);
            DoubleVector x6 = DoubleVector.broadcast(SP, a[aq + 6 * as]);
            c60 = x6.lanewise(VectorOperators.FMA, b0, c60);
            DoubleVector x7 = DoubleVector.broadcast(SP, a[aq + 7 * as]);
            c70 = x7.lanewise(VectorOperators.FMA, b0, c70);
        }
        c00.intoArray(out, o);
        c10.intoArray(out, o + os);
        c20.intoArray(out, o + 2 * os);
        c30.intoArray(out, o + 3 * os);
        c40.intoArray(out, o + 4 * os);
        c50.intoArray(out, o + 5 * os);
        c60.intoArray(out, o + 6 * os);
        c70.intoArray(out, o + 7 * os);
    }

    /** 4 rows × 2 vectors of {@link #productPanels}: rows i.., panel at bo (row stride 2·L), output at o. */
    private static void tile4x2(double[] a, int as, int i, int inner, double[] b, int bo, double[] out, int o,
                                int os) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector c00 = z;
        DoubleVector c01 = z;
        DoubleVector c10 = z;
        DoubleVector c11 = z;
        DoubleVector c20 = z;
        DoubleVector c21 = z;
        DoubleVector c30 = z;
        DoubleVector c31 = z;
        int aq = i * as;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq++, bq += 2 * L) {
            DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
            DoubleVector b1 = DoubleVector.fromArray(SP, b, bq + 1 * L);
            DoubleVector x0 = DoubleVector.broadcast(SP, a[aq]);
            c00 = x0.lanewise(VectorOperators.FMA, b0, c00);
            c01 = x0.lanewise(VectorOperators.FMA, b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(SP, a[aq + as]);
            c10 = x1.lanewise(VectorOperators.FMA, b0, c10);
            c11 = x1.lanewise(VectorOperators.FMA, b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(SP, a[aq + 2 * as]);
            c20 = x2.lanewise(VectorOperators.FMA, b0, c20);
            c21 = x2.lanewise(VectorOperators.FMA, b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(SP, a[aq + 3 * as]);
            c30 = x3.lanewise(VectorOperators.FMA, b0, c30);
            c31 = x3.lanewise(VectorOperators.FMA, b1, c31);
        }
        c00.intoArray(out, o);
        c01.intoArray(out, o + L);
        c10.intoArray(out, o + os);
        c11.intoArray(out, o + os + L);
        c20.intoArray(out, o + 2 * os);
        c21.intoArray(out, o + 2 * os + L);
        c30.intoArray(out, o + 3 * os);
        c31.intoArray(out, o + 3 * os + L);
    }

    /** 4 rows × 1 vector of {@link #productPanels}: rows i.., panel at bo (row stride 1·L), output at o. */
    private static void tile4x1(double[] a, int as, int i, int inner, double[] b, int bo, double[] out, int o,
                                int os) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector c00 = z;
        DoubleVector c10 = z;
        DoubleVector c20 = z;
        DoubleVector c30 = z;
        int aq = i * as;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq++, bq += 1 * L) {
            DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
            DoubleVector x0 = DoubleVector.broadcast(SP, a[aq]);
            c00 = x0.lanewise(VectorOperators.FMA, b0, c00);
            DoubleVector x1 = DoubleVector.broadcast(SP, a[aq + as]);
            c10 = x1.lanewise(VectorOperators.FMA, b0, c10);
            DoubleVector x2 = DoubleVector.broadcast(SP, a[aq + 2 * as]);
            c20 = x2.lanewise(VectorOperators.FMA, b0, c20);
            DoubleVector x3 = DoubleVector.broadcast(SP, a[aq + 3 * as]);
            c30 = x3.lanewise(VectorOperators.FMA, b0, c30);
        }
        c00.intoArray(out, o);
        c10.intoArray(out, o + os);
        c20.intoArray(out, o + 2 * os);
        c30.intoArray(out, o + 3 * os);
    }

    /** 1 row × 2 vectors of {@link #productPanels}: rows i.., panel at bo (row stride 2·L), output at o. */
    private static void tile1x2(double[] a, int as, int i, int inner, double[] b, int bo, double[] out, int o,
                                int os) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector c00 = z;
        DoubleVector c01 = z;
        int aq = i * as;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq++, bq += 2 * L) {
            DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
            DoubleVector b1 = DoubleVector.fromArray(SP, b, bq + 1 * L);
            DoubleVector x0 = DoubleVector.broadcast(SP, a[aq]);
            c00 = x0.lanewise(VectorOperators.FMA, b0, c00);
            c01 = x0.lanewise(VectorOperators.FMA, b1, c01);
        }
        c00.intoArray(out, o);
        c01.intoArray(out, o + L);
    }

    /** 1 row × 1 vector of {@link #productPanels}: rows i.., panel at bo (row stride 1·L), output at o. */
    private static void tile1x1(double[] a, int as, int i, int inner, double[] b, int bo, double[] out, int o,
                                int os) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector c00 = z;
        int aq = i * as;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq++, bq += 1 * L) {
            DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
            DoubleVector x0 = DoubleVector.broadcast(SP, a[aq]);
            c00 = x0.lanewise(VectorOperators.FMA, b0, c00);
        }
        c00.intoArray(out, o);
    }

    /**
     * g[i·d + q] = scale·gp[i·dp + q] for i &lt; n, q &lt; d (gp's rows padded to dp): whole vectors, then the row's
     * tail; returns whether every entry written is finite (g − g is 0 exactly when g is, NaN otherwise).
     */
    static boolean scaleOut(double[] gp, int dp, int n, int d, double scale, double[] g) {
        // no vector lives across iterations (a vector accumulator in this loop nest was boxed by C2: 4 KB per call)
        boolean bad = false;
        double tail = 0.0;
        int full = d / L * L;
        for (int i = 0; i < n; i++) {
            int go = i * dp;
            int o = i * d;
            int q = 0;
            for (; q < full; q += L) {
                DoubleVector v = DoubleVector.fromArray(SP, gp, go + q).mul(scale);
                v.intoArray(g, o + q);
                bad |= v.sub(v).compare(VectorOperators.NE, 0.0).anyTrue();
            }
            for (; q < d; q++) {
                double gq = scale * gp[go + q];
                g[o + q] = gq;
                tail += gq - gq;
            }
        }
        return !bad && tail == 0.0;
    }

    /**
     * The angle pass of row i: for columns j in [from, to) of {@code dots} (row offset {@code ro}), c = dots·ii·inv[j],
     * s = √((1−c)(1+c)), θ = arccos c (vector arccos of {@link VectorAsin}, within 2 ulps) into cRow, sRow, tRow at
     * index j. Lanes with |c| &gt; 0.9 are redone by {@link PairGeometry#angleInv} from the coordinates (rows of
     * {@code coords}, stride {@code cs}; row i is the student). The arrays are read and written up to the next multiple
     * of L past {@code to} (callers pad).
     */
    static void angles(double[] dots, int ro, int from, int to, double ii, double[] inv, double[] coords, int cs,
                       int i, int d, double[] cRow, double[] sRow, double[] tRow, PairGeometry geo) {
        for (int j = from; j < to; j += L) {
            DoubleVector c = DoubleVector.fromArray(SP, dots, ro + j).mul(ii)
                    .mul(DoubleVector.fromArray(SP, inv, j));
            DoubleVector s = c.neg().add(1.0).mul(c.add(1.0)).sqrt();
            DoubleVector th = VectorAsin.acos(c);
            c.intoArray(cRow, j);
            s.intoArray(sRow, j);
            th.intoArray(tRow, j);
            VectorMask<Double> near = c.abs().compare(VectorOperators.GT, 0.9);
            if (near.anyTrue()) {
                int end = Math.min(j + L, to);
                for (int q = j; q < end; q++) {
                    double cq = cRow[q];
                    if (cq > 0.9 || cq < -0.9) {
                        geo.angleInv(coords, i * cs, ii, coords, q * cs, inv[q], dots[ro + q], d);
                        cRow[q] = geo.c;
                        sRow[q] = geo.s;
                        tRow[q] = geo.th;
                    }
                }
            }
        }
    }

    /** No vector transcription: call the kernel evaluator per pair. */
    static final int RELU_NONE = 0;
    /** The transcription of the compiled (Symja → Janino) ReLU kernel. */
    static final int RELU_GENERATED = 1;
    /** The transcription of {@link ReluClosedForm}. */
    static final int RELU_CLOSED_FORM = 2;
    private static final double INV_2PI = 1.0 / (2.0 * Math.PI);
    private static final java.util.Map<Class<?>, Integer> TRANSCRIPTIONS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The vector transcription that reproduces {@code kernel}'s {@code value} and {@code first} bitwise on probe pairs
     * (checked once per kernel class), or {@link #RELU_NONE}.
     */
    static int reluTranscription(PairKernel kernel) {
        return TRANSCRIPTIONS.computeIfAbsent(kernel.getClass(), c -> probe(kernel));
    }

    private static int probe(PairKernel kernel) {
        int m = 8 * L;
        java.util.Random rnd = new java.util.Random(20261205L);
        double[] rv = new double[m + L];
        double[] cRow = new double[m + L];
        double[] sRow = new double[m + L];
        double[] tRow = new double[m + L];
        double[] ones = new double[m + L];
        java.util.Arrays.fill(ones, 1.0);
        double[] ri = new double[m];
        for (int j = 0; j < m; j++) {
            ri[j] = Math.exp(4 * rnd.nextGaussian());
            rv[j] = Math.exp(4 * rnd.nextGaussian());
            double th = Math.PI * rnd.nextDouble();
            if (j % 7 == 3) {
                th = j % 2 == 0 ? 0.0 : Math.PI; // the limits s = 0
            }
            cRow[j] = Math.cos(th);
            sRow[j] = th == 0.0 || th == Math.PI ? 0.0 : Math.sin(th);
            if (th == 0.0) {
                cRow[j] = 1.0;
            } else if (th == Math.PI) {
                cRow[j] = -1.0;
            }
            tRow[j] = th;
        }
        double[] out = new double[PairKernel.FIRST_SIZE];
        double[] wk = new double[m + L];
        double[] wga = new double[m + L];
        double[] wgav = new double[m + L];
        double[] off = new double[m + L];
        double[] wv = new double[m + L];
        for (int variant : new int[] {RELU_GENERATED, RELU_CLOSED_FORM}) {
            boolean same = true;
            for (int j = 0; j < m && same; j++) {
                // one pair per call: lane 0 is pair j (r = ri[j]); the other lanes see the following pairs
                reluPass(variant, true, ri[j], 1.0, 1.0, rv, ones, ones, cRow, sRow, tRow, j, j + 1, wk, wga, wgav,
                        off);
                reluPass(variant, false, ri[j], 1.0, 1.0, rv, ones, ones, cRow, sRow, tRow, j, j + 1, wv, wga, wgav,
                        off);
                kernel.first(ri[j], rv[j], cRow[j], sRow[j], tRow[j], out);
                double value = kernel.value(ri[j], rv[j], cRow[j], sRow[j], tRow[j]);
                same = bits(out[0], wk[j]) && bits(out[1], wga[j]) && bits(out[2], wgav[j]) && bits(out[3], off[j])
                        && bits(value, wv[j]);
            }
            if (same) {
                return variant;
            }
        }
        return RELU_NONE;
    }

    private static boolean bits(double x, double y) {
        return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y);
    }

    /**
     * The weighted pair coefficients of row i for columns j in [from, to) with the ReLU transcription {@code variant}
     * (r = {@code ri}, ρ = rv[j], angles from cRow, sRow, tRow; w = ai·ab[j]): if {@code first},
     * wk[j] = w·K, wga[j] = (w·gA)·ii, wgav[j] = (w·gAv)·inv[j] and off[j] = w·gB — exactly the products the scalar
     * loops form from {@link PairKernel#first}; else only wk[j] = w·κ from {@link PairKernel#value}. Whole vectors:
     * reads and writes up to the next multiple of L past {@code to} (callers pad; the lanes past {@code to} are
     * garbage to be ignored). One self-contained loop per variant, so that no vector crosses a call (C2 would box it).
     */
    static void reluPass(int variant, boolean first, double ri, double ai, double ii, double[] rv, double[] inv,
                         double[] ab, double[] cRow, double[] sRow, double[] tRow, int from, int to, double[] wk,
                         double[] wga, double[] wgav, double[] off) {
        if (variant == RELU_GENERATED) {
            if (first) {
                generatedFirst(ri, ai, ii, rv, inv, ab, cRow, sRow, tRow, from, to, wk, wga, wgav, off);
            } else {
                generatedValue(ri, ai, rv, ab, cRow, sRow, tRow, from, to, wk);
            }
        } else if (first) {
            closedFormFirst(ri, ai, ii, rv, inv, ab, cRow, sRow, tRow, from, to, wk, wga, wgav, off);
        } else {
            closedFormValue(ri, ai, rv, ab, cRow, sRow, tRow, from, to, wk);
        }
    }

    /**
     * The generated ReLU kernel's {@code first} (generator version 2), lane by lane: t1 = 1/(2π), t3 = π + (−θ),
     * K = ((t1·r)·ρ)·(t3·c + s), gA = (t1·ρ)·s, gAv = (t1·r)·s, gB = t1·t3; where s = 0: K = (½·r)·ρ, gB = ½ if c &gt; 0,
     * else all zero.
     */
    private static void generatedFirst(double ri, double ai, double ii, double[] rv, double[] inv, double[] ab,
                                       double[] cRow, double[] sRow, double[] tRow, int from, int to, double[] wk,
                                       double[] wga, double[] wgav, double[] off) {
        double t1 = INV_2PI;
        double t1r = t1 * ri;
        double halfR = 0.5 * ri;
        for (int j = from; j < to; j += L) {
            DoubleVector c = DoubleVector.fromArray(SP, cRow, j);
            DoubleVector s = DoubleVector.fromArray(SP, sRow, j);
            DoubleVector rho = DoubleVector.fromArray(SP, rv, j);
            DoubleVector w = DoubleVector.fromArray(SP, ab, j).mul(ai);
            DoubleVector t3 = DoubleVector.fromArray(SP, tRow, j).neg().add(Math.PI);
            DoubleVector kk = rho.mul(t1r).mul(t3.mul(c).add(s));
            DoubleVector ga = rho.mul(t1).mul(s);
            DoubleVector gav = s.mul(t1r);
            DoubleVector gb = t3.mul(t1);
            VectorMask<Double> z = s.compare(VectorOperators.EQ, 0.0);
            if (z.anyTrue()) {
                VectorMask<Double> pos = z.and(c.compare(VectorOperators.GT, 0.0));
                DoubleVector zero = DoubleVector.zero(SP);
                kk = kk.blend(zero, z).blend(rho.mul(halfR), pos);
                ga = ga.blend(zero, z);
                gav = gav.blend(zero, z);
                gb = gb.blend(zero, z).blend(DoubleVector.broadcast(SP, 0.5), pos);
            }
            w.mul(kk).intoArray(wk, j);
            w.mul(ga).mul(ii).intoArray(wga, j);
            w.mul(gav).mul(DoubleVector.fromArray(SP, inv, j)).intoArray(wgav, j);
            w.mul(gb).intoArray(off, j);
        }
    }

    /** The generated ReLU kernel's {@code value}: K as in {@link #generatedFirst}. */
    private static void generatedValue(double ri, double ai, double[] rv, double[] ab, double[] cRow, double[] sRow,
                                       double[] tRow, int from, int to, double[] wk) {
        double t1r = INV_2PI * ri;
        double halfR = 0.5 * ri;
        for (int j = from; j < to; j += L) {
            DoubleVector c = DoubleVector.fromArray(SP, cRow, j);
            DoubleVector s = DoubleVector.fromArray(SP, sRow, j);
            DoubleVector rho = DoubleVector.fromArray(SP, rv, j);
            DoubleVector t3 = DoubleVector.fromArray(SP, tRow, j).neg().add(Math.PI);
            DoubleVector kk = rho.mul(t1r).mul(t3.mul(c).add(s));
            VectorMask<Double> z = s.compare(VectorOperators.EQ, 0.0);
            if (z.anyTrue()) {
                VectorMask<Double> pos = z.and(c.compare(VectorOperators.GT, 0.0));
                kk = kk.blend(DoubleVector.zero(SP), z).blend(rho.mul(halfR), pos);
            }
            DoubleVector.fromArray(SP, ab, j).mul(ai).mul(kk).intoArray(wk, j);
        }
    }

    /**
     * {@link ReluClosedForm#first}, lane by lane: p = (π − θ)·(1/2π), K = (r·ρ)·(s·(1/2π) + p·c), gA = (ρ·s)·(1/2π),
     * gAv = (r·s)·(1/2π), gB = p.
     */
    private static void closedFormFirst(double ri, double ai, double ii, double[] rv, double[] inv, double[] ab,
                                        double[] cRow, double[] sRow, double[] tRow, int from, int to, double[] wk,
                                        double[] wga, double[] wgav, double[] off) {
        for (int j = from; j < to; j += L) {
            DoubleVector c = DoubleVector.fromArray(SP, cRow, j);
            DoubleVector s = DoubleVector.fromArray(SP, sRow, j);
            DoubleVector rho = DoubleVector.fromArray(SP, rv, j);
            DoubleVector w = DoubleVector.fromArray(SP, ab, j).mul(ai);
            DoubleVector pt = DoubleVector.fromArray(SP, tRow, j).neg().add(Math.PI).mul(INV_2PI);
            DoubleVector kk = rho.mul(ri).mul(s.mul(INV_2PI).add(pt.mul(c)));
            w.mul(kk).intoArray(wk, j);
            w.mul(rho.mul(s).mul(INV_2PI)).mul(ii).intoArray(wga, j);
            w.mul(s.mul(ri).mul(INV_2PI)).mul(DoubleVector.fromArray(SP, inv, j)).intoArray(wgav, j);
            w.mul(pt).intoArray(off, j);
        }
    }

    /** {@link ReluClosedForm#value}, lane by lane: κ = ((r·ρ)·(1/2π))·(s + (π − θ)·c). */
    private static void closedFormValue(double ri, double ai, double[] rv, double[] ab, double[] cRow, double[] sRow,
                                        double[] tRow, int from, int to, double[] wk) {
        for (int j = from; j < to; j += L) {
            DoubleVector c = DoubleVector.fromArray(SP, cRow, j);
            DoubleVector s = DoubleVector.fromArray(SP, sRow, j);
            DoubleVector rho = DoubleVector.fromArray(SP, rv, j);
            DoubleVector pi = DoubleVector.fromArray(SP, tRow, j).neg().add(Math.PI);
            DoubleVector kk = rho.mul(ri).mul(INV_2PI).mul(pi.mul(c).add(s));
            DoubleVector.fromArray(SP, ab, j).mul(ai).mul(kk).intoArray(wk, j);
        }
    }
}
