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
 * multiply-adds per second; remaining rows take 4-row and single-row tiles). Columns go three vectors at a time while
 * three remain (8 × 3 tiles: 24 chains, 3 loads and 8 broadcasts per 24 FMAs; 4 × 3 for the 4-row tiles), then two,
 * and a last single vector takes one 8-chain tile (two 4-chain tails were bound by the FMA latency): at k = n = d = 20
 * (d padded to 24, three vectors) the gradient product went from 0.54 to 0.42 CPU µs. Each output element is <em>one</em> FMA
 * chain over the inner index in increasing order, so the result does not depend on the tiling, the vector width or the
 * thread that computed it (F, ∇F and H·u bitwise unchanged by the retiling). {@link #productPanels} is the same product
 * with B stored in panels of 3L columns (each panel contiguous, read front to back): the gradient product of
 * {@link VectorPairwiseObjective} uses it from n + k = 64 on (≈ 42 instead of ≈ 54 CPU µs at k = n = d = 100, bitwise
 * the same entries).
 *
 * <p><b>Pair coefficients of the ReLU kernel, and F's lane sums.</b> {@link #reluRows} evaluates K, gA, gAv, gB of
 * rows of pairs lane by lane with a vector <em>transcription</em> of a scalar ReLU kernel evaluator: the same IEEE
 * operations in the same order (no fused multiply-add, as in Java's scalar arithmetic), so each lane is bitwise what the
 * scalar evaluator returns; in the same loop it adds F's terms into L lane-wise TwoSum accumulators and C's diagonal
 * terms into lane-wise sums (lane q: the columns j ≡ q mod L), joined by {@link #combineRows}. Two evaluators are
 * transcribed: {@link #RELU_GENERATED}, the Symja-derived, compiled kernel of {@link io.landscape.api.Kernel#relu()}
 * (generator version 2: its {@code s = 0} limits included), and {@link #RELU_CLOSED_FORM}, {@link ReluClosedForm}.
 * {@link #reluTranscription} selects one for a kernel evaluator only after checking it bitwise against that evaluator
 * on probe pairs run through {@link #reluRows}; any other kernel — or a future generator whose arithmetic differs — gets
 * 0 and the scalar per-pair calls, summed by {@link #sumRow} in the same lane order.
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
     *
     * <p>Each row's column groups are written right to left and rows in increasing order, so an output stride
     * {@code os} smaller than {@code cols} is allowed (the gradient written straight into the caller's g, stride d
     * &lt; the padded dp): a row's last vector runs into the next rows' first entries, which are written after it. The
     * order of the tiles never changes an entry's FMA chain, so the result is bitwise the same in any order.
     */
    static void product(double[] a, int as, int rowFrom, int rowTo, int inner, double[] b, int bs, int cols,
                        double[] out, int os, boolean upper) {
        product(a, as, null, 0, 0, rowFrom, rowTo, inner, b, bs, cols, out, os, upper);
    }

    /**
     * As {@link #product(double[], int, int, int, int, double[], int, int, double[], int, boolean)}, with A's first
     * {@code split} columns also at hand transposed: at[q·ats + i] = a[i·as + q] for q &lt; split (Wᵀ for the Gram
     * product, split = inner; C itself for the gradient's symmetric C, split = n). The 8-row tiles read those columns
     * there — the 8 rows' entries of a step are adjacent, so a step costs one address instead of eight row offsets
     * (C2 kept those in spilled registers: ≈ 25 integer instructions per 24 FMAs) — into {@code out}, and then go on
     * from there over the other columns row by row ({@link #tile8}); the 4-row and single-row tiles read {@code a}.
     * The same FMA chains, so bitwise the same result.
     */
    static void product(double[] a, int as, double[] at, int ats, int split, int rowFrom, int rowTo, int inner,
                        double[] b, int bs, int cols, double[] out, int os, boolean upper) {
        // one method per tile shape (tile): each is a small C2 unit (one method of ~1700 bytecodes took C2 tens of
        // seconds on a loaded machine, the Vector API running boxed in C1 code meanwhile)
        int i = rows(8, a, as, at, ats, split, rowFrom, rowTo, inner, b, bs, cols, out, os, upper);
        i = rows(4, a, as, null, 0, 0, i, rowTo, inner, b, bs, cols, out, os, upper);
        if (i < rowTo && rowTo - 4 >= rowFrom) {
            // 1–3 rows left: one more 4-row tile ending at rowTo, its first rows again (the same chains, so the same
            // values rewritten) — at k = n = d = 6 two single-row tiles, each bound by its FMA chains' latency, cost
            // more than the four rows of one tile
            rows(4, a, as, null, 0, 0, rowTo - 4, rowTo, inner, b, bs, cols, out, os, upper);
        } else {
            rows(1, a, as, null, 0, 0, i, rowTo, inner, b, bs, cols, out, os, upper);
        }
    }

    /**
     * {@link #product}'s tiles of h rows (8, 4 or 1) from row i on while h rows remain; returns the first row not
     * done. Per row block, right to left: the narrower last group of columns (2L or L), then the groups of 3L.
     */
    private static int rows(int h, double[] a, int as, double[] at, int ats, int split, int i, int rowTo, int inner,
                            double[] b, int bs, int cols, double[] out, int os, boolean upper) {
        for (; i + h <= rowTo; i += h) {
            int j0 = upper ? (i / L) * L : 0;
            int j = cols - (cols - j0) % (3 * L);
            if (j < cols) {
                tile(h, (cols - j) / L, a, as, at, ats, split, i, inner, b, j, bs, out, i * os + j, os);
            }
            for (j -= 3 * L; j >= j0; j -= 3 * L) {
                tile(h, 3, a, as, at, ats, split, i, inner, b, j, bs, out, i * os + j, os);
            }
        }
        return i;
    }

    /**
     * One tile of h ∈ {8, 4, 1} rows × w ∈ {3, 2, 1} vectors (see {@link #tile8x3}); 8-row tiles read A transposed
     * from {@code at} where it is not null. One method per shape and access: each is a small C2 unit with its
     * accumulators in registers (one method with both accesses, a loop each, was 6 % slower at k = n = d = 100); this
     * switch costs one jump per tile.
     */
    private static void tile(int h, int w, double[] a, int as, double[] at, int ats, int split, int i, int inner,
                             double[] b, int bo, int bs, double[] out, int o, int os) {
        if (h == 8 && split > 0) {
            tile8(w, a, as, at, ats, split, i, inner, b, bo, bs, out, o, os);
            return;
        }
        switch (4 * h + w) {
            case 35 -> tile8x3(a, i * as, as, false, inner, b, bo, bs, out, o, os);
            case 34 -> tile8x2(a, i * as, as, false, inner, b, bo, bs, out, o, os);
            case 33 -> tile8x1(a, i * as, as, false, inner, b, bo, bs, out, o, os);
            case 19 -> tile4x3(a, as, i, inner, b, bo, bs, out, o, os);
            case 18 -> tile4x2(a, as, i, inner, b, bo, bs, out, o, os);
            case 17 -> tile4x1(a, as, i, inner, b, bo, bs, out, o, os);
            case 7 -> tile1x3(a, as, i, inner, b, bo, bs, out, o, os);
            case 6 -> tile1x2(a, as, i, inner, b, bo, bs, out, o, os);
            case 5 -> tile1x1(a, as, i, inner, b, bo, bs, out, o, os);
            default -> throw new IllegalArgumentException("no tile of " + h + " rows × " + w + " vectors");
        }
    }

    /**
     * An 8-row tile of w vectors in two parts: steps q &lt; split with A read transposed from {@code at} (the tiles
     * ...t, into out), then, if any are left, steps q ≥ split with A read row by row, the accumulators starting from
     * out's values (the same chains continued: bitwise a single pass). Two methods, not one with two loops: the latter
     * made the row-by-row loop 6 % slower at k = n = d = 100.
     */
    private static void tile8(int w, double[] a, int as, double[] at, int ats, int split, int i, int inner, double[] b,
                              int bo, int bs, double[] out, int o, int os) {
        switch (w) {
            case 3 -> tile8x3t(at, ats, i, split, b, bo, bs, out, o, os);
            case 2 -> tile8x2t(at, ats, i, split, b, bo, bs, out, o, os);
            default -> tile8x1t(at, ats, i, split, b, bo, bs, out, o, os);
        }
        if (split < inner) {
            int ao = i * as + split;
            int bq = bo + split * bs;
            switch (w) {
                case 3 -> tile8x3(a, ao, as, true, inner - split, b, bq, bs, out, o, os);
                case 2 -> tile8x2(a, ao, as, true, inner - split, b, bq, bs, out, o, os);
                default -> tile8x1(a, ao, as, true, inner - split, b, bq, bs, out, o, os);
            }
        }
    }

    /** Vectors per panel of {@link #productPanels}. */
    private static final int PANEL = 3;

    /** Panel width of {@link #productPanels}: 3L columns (the last panel may have L or 2L). */
    static int panelWidth() {
        return PANEL * L;
    }

    /**
     * Offset of entry (q, col) of a (inner × cols) matrix in panel layout: panels of P = 3L columns, panel p holding
     * columns [Pp, Pp + w) as an inner × w row-major block at offset Pp·inner, w = min(P, cols − Pp) (P, or L or 2L
     * for the last panel). Each panel is read front to back by
     * {@link #productPanels}.
     */
    static int panelIndex(int q, int col, int inner, int cols) {
        int wp = PANEL * L;
        int p = col / wp;
        int w = Math.min(wp, cols - p * wp);
        return p * wp * inner + q * w + (col - p * wp);
    }

    /**
     * As {@link #product}, with B in the panel layout of {@link #panelIndex} (cols a multiple of L): every output
     * entry is the same FMA chain over the inner index in increasing order, so the result is bitwise that of
     * {@link #product} (the tiling never changes a chain). Panel by panel, each panel (inner × 3L, contiguous, ≤ 38 KB
     * at inner = 200) stays in L1 while every row tile streams through it with sequential loads: tiles of 8 rows × 3
     * vectors (24 FMA chains; 3 loads and 8 broadcasts per 24 FMAs, against 2 and 8 per 16 with the former 2L panels),
     * then 4 rows and single rows; a last panel of two or one vectors takes tiles of that width (16 or 8 chains per
     * 8 rows). If {@code upper}, a tile of rows from i0 visits only the panels that reach column i0 (so every entry
     * j ≥ i is written; some below are too).
     */
    static void productPanels(double[] a, int as, int rowFrom, int rowTo, int inner, double[] b, int cols,
                              double[] out, int os, boolean upper) {
        productPanels(a, as, null, 0, 0, rowFrom, rowTo, inner, b, cols, out, os, upper);
    }

    /**
     * As {@link #productPanels(double[], int, int, int, int, double[], int, double[], int, boolean)}, with A's first
     * {@code split} columns also transposed in {@code at} (as {@link #product(double[], int, double[], int, int, int,
     * int, int, double[], int, int, double[], int, boolean)}).
     */
    static void productPanels(double[] a, int as, double[] at, int ats, int split, int rowFrom, int rowTo, int inner,
                              double[] b, int cols, double[] out, int os, boolean upper) {
        int wp = PANEL * L;
        // the panels right to left (see product)
        for (int p = (cols - 1) / wp, c0 = p * wp; p >= 0; p--, c0 -= wp) {
            int bo = p * wp * inner;
            int w = Math.min(wp, cols - c0);
            int limit = upper ? Math.min(rowTo, c0 + w) : rowTo;
            panel(w / L, a, as, at, ats, split, rowFrom, rowTo, limit, inner, b, bo, out, c0, os);
        }
    }

    /**
     * The row tiles of a panel of w vectors (its rows of stride w·L from bo) whose first row is below {@code limit}:
     * 8 rows at a time, then 4, then single rows.
     */
    private static void panel(int w, double[] a, int as, double[] at, int ats, int split, int i, int rowTo,
                              int limit, int inner, double[] b, int bo, double[] out, int c0, int os) {
        for (int h : TILE_HEIGHTS) {
            for (; i + h <= rowTo && i < limit; i += h) {
                tile(h, w, a, as, at, ats, split, i, inner, b, bo, w * L, out, i * os + c0, os);
            }
        }
    }

    private static final int[] TILE_HEIGHTS = {8, 4, 1};

    /**
     * 8 rows × 3 vectors: A's 8 rows from offset ao (row r, step q at a[ao + r·as + q]), B from offset bo with row
     * stride bs (a panel of {@link #productPanels}: 3·L; the row-major B of {@link #product}: its own stride), output
     * at o (row stride os). 24 FMA chains over q, started from zero, or, if {@code acc}, from the output's values (the
     * chains of {@link #tile8} continued).
     */
    private static void tile8x3(double[] a, int ao, int as, boolean acc, int inner, double[] b, int bo, int bs,
                                double[] out, int o, int os) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector c00 = acc ? DoubleVector.fromArray(SP, out, o) : z;
        DoubleVector c01 = acc ? DoubleVector.fromArray(SP, out, o + 1 * L) : z;
        DoubleVector c02 = acc ? DoubleVector.fromArray(SP, out, o + 2 * L) : z;
        DoubleVector c10 = acc ? DoubleVector.fromArray(SP, out, o + os) : z;
        DoubleVector c11 = acc ? DoubleVector.fromArray(SP, out, o + os + 1 * L) : z;
        DoubleVector c12 = acc ? DoubleVector.fromArray(SP, out, o + os + 2 * L) : z;
        DoubleVector c20 = acc ? DoubleVector.fromArray(SP, out, o + 2 * os) : z;
        DoubleVector c21 = acc ? DoubleVector.fromArray(SP, out, o + 2 * os + 1 * L) : z;
        DoubleVector c22 = acc ? DoubleVector.fromArray(SP, out, o + 2 * os + 2 * L) : z;
        DoubleVector c30 = acc ? DoubleVector.fromArray(SP, out, o + 3 * os) : z;
        DoubleVector c31 = acc ? DoubleVector.fromArray(SP, out, o + 3 * os + 1 * L) : z;
        DoubleVector c32 = acc ? DoubleVector.fromArray(SP, out, o + 3 * os + 2 * L) : z;
        DoubleVector c40 = acc ? DoubleVector.fromArray(SP, out, o + 4 * os) : z;
        DoubleVector c41 = acc ? DoubleVector.fromArray(SP, out, o + 4 * os + 1 * L) : z;
        DoubleVector c42 = acc ? DoubleVector.fromArray(SP, out, o + 4 * os + 2 * L) : z;
        DoubleVector c50 = acc ? DoubleVector.fromArray(SP, out, o + 5 * os) : z;
        DoubleVector c51 = acc ? DoubleVector.fromArray(SP, out, o + 5 * os + 1 * L) : z;
        DoubleVector c52 = acc ? DoubleVector.fromArray(SP, out, o + 5 * os + 2 * L) : z;
        DoubleVector c60 = acc ? DoubleVector.fromArray(SP, out, o + 6 * os) : z;
        DoubleVector c61 = acc ? DoubleVector.fromArray(SP, out, o + 6 * os + 1 * L) : z;
        DoubleVector c62 = acc ? DoubleVector.fromArray(SP, out, o + 6 * os + 2 * L) : z;
        DoubleVector c70 = acc ? DoubleVector.fromArray(SP, out, o + 7 * os) : z;
        DoubleVector c71 = acc ? DoubleVector.fromArray(SP, out, o + 7 * os + 1 * L) : z;
        DoubleVector c72 = acc ? DoubleVector.fromArray(SP, out, o + 7 * os + 2 * L) : z;
        int aq = ao;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq++, bq += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
            DoubleVector b1 = DoubleVector.fromArray(SP, b, bq + 1 * L);
            DoubleVector b2 = DoubleVector.fromArray(SP, b, bq + 2 * L);
            DoubleVector x0 = DoubleVector.broadcast(SP, a[aq]);
            c00 = x0.lanewise(VectorOperators.FMA, b0, c00);
            c01 = x0.lanewise(VectorOperators.FMA, b1, c01);
            c02 = x0.lanewise(VectorOperators.FMA, b2, c02);
            DoubleVector x1 = DoubleVector.broadcast(SP, a[aq + as]);
            c10 = x1.lanewise(VectorOperators.FMA, b0, c10);
            c11 = x1.lanewise(VectorOperators.FMA, b1, c11);
            c12 = x1.lanewise(VectorOperators.FMA, b2, c12);
            DoubleVector x2 = DoubleVector.broadcast(SP, a[aq + 2 * as]);
            c20 = x2.lanewise(VectorOperators.FMA, b0, c20);
            c21 = x2.lanewise(VectorOperators.FMA, b1, c21);
            c22 = x2.lanewise(VectorOperators.FMA, b2, c22);
            DoubleVector x3 = DoubleVector.broadcast(SP, a[aq + 3 * as]);
            c30 = x3.lanewise(VectorOperators.FMA, b0, c30);
            c31 = x3.lanewise(VectorOperators.FMA, b1, c31);
            c32 = x3.lanewise(VectorOperators.FMA, b2, c32);
            DoubleVector x4 = DoubleVector.broadcast(SP, a[aq + 4 * as]);
            c40 = x4.lanewise(VectorOperators.FMA, b0, c40);
            c41 = x4.lanewise(VectorOperators.FMA, b1, c41);
            c42 = x4.lanewise(VectorOperators.FMA, b2, c42);
            DoubleVector x5 = DoubleVector.broadcast(SP, a[aq + 5 * as]);
            c50 = x5.lanewise(VectorOperators.FMA, b0, c50);
            c51 = x5.lanewise(VectorOperators.FMA, b1, c51);
            c52 = x5.lanewise(VectorOperators.FMA, b2, c52);
            DoubleVector x6 = DoubleVector.broadcast(SP, a[aq + 6 * as]);
            c60 = x6.lanewise(VectorOperators.FMA, b0, c60);
            c61 = x6.lanewise(VectorOperators.FMA, b1, c61);
            c62 = x6.lanewise(VectorOperators.FMA, b2, c62);
            DoubleVector x7 = DoubleVector.broadcast(SP, a[aq + 7 * as]);
            c70 = x7.lanewise(VectorOperators.FMA, b0, c70);
            c71 = x7.lanewise(VectorOperators.FMA, b1, c71);
            c72 = x7.lanewise(VectorOperators.FMA, b2, c72);
        }
        c00.intoArray(out, o);
        c01.intoArray(out, o + 1 * L);
        c02.intoArray(out, o + 2 * L);
        c10.intoArray(out, o + os);
        c11.intoArray(out, o + os + 1 * L);
        c12.intoArray(out, o + os + 2 * L);
        c20.intoArray(out, o + 2 * os);
        c21.intoArray(out, o + 2 * os + 1 * L);
        c22.intoArray(out, o + 2 * os + 2 * L);
        c30.intoArray(out, o + 3 * os);
        c31.intoArray(out, o + 3 * os + 1 * L);
        c32.intoArray(out, o + 3 * os + 2 * L);
        c40.intoArray(out, o + 4 * os);
        c41.intoArray(out, o + 4 * os + 1 * L);
        c42.intoArray(out, o + 4 * os + 2 * L);
        c50.intoArray(out, o + 5 * os);
        c51.intoArray(out, o + 5 * os + 1 * L);
        c52.intoArray(out, o + 5 * os + 2 * L);
        c60.intoArray(out, o + 6 * os);
        c61.intoArray(out, o + 6 * os + 1 * L);
        c62.intoArray(out, o + 6 * os + 2 * L);
        c70.intoArray(out, o + 7 * os);
        c71.intoArray(out, o + 7 * os + 1 * L);
        c72.intoArray(out, o + 7 * os + 2 * L);
    }

    /** {@link #tile8x3} with A read transposed: row i + r, step q at at[q·ats + i + r]. */
    private static void tile8x3t(double[] at, int ats, int i, int inner, double[] b, int bo, int bs, double[] out,
                                 int o, int os) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector c00 = z;
        DoubleVector c01 = z;
        DoubleVector c02 = z;
        DoubleVector c10 = z;
        DoubleVector c11 = z;
        DoubleVector c12 = z;
        DoubleVector c20 = z;
        DoubleVector c21 = z;
        DoubleVector c22 = z;
        DoubleVector c30 = z;
        DoubleVector c31 = z;
        DoubleVector c32 = z;
        DoubleVector c40 = z;
        DoubleVector c41 = z;
        DoubleVector c42 = z;
        DoubleVector c50 = z;
        DoubleVector c51 = z;
        DoubleVector c52 = z;
        DoubleVector c60 = z;
        DoubleVector c61 = z;
        DoubleVector c62 = z;
        DoubleVector c70 = z;
        DoubleVector c71 = z;
        DoubleVector c72 = z;
        int aq = i;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq += ats, bq += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
            DoubleVector b1 = DoubleVector.fromArray(SP, b, bq + 1 * L);
            DoubleVector b2 = DoubleVector.fromArray(SP, b, bq + 2 * L);
            DoubleVector x0 = DoubleVector.broadcast(SP, at[aq]);
            c00 = x0.lanewise(VectorOperators.FMA, b0, c00);
            c01 = x0.lanewise(VectorOperators.FMA, b1, c01);
            c02 = x0.lanewise(VectorOperators.FMA, b2, c02);
            DoubleVector x1 = DoubleVector.broadcast(SP, at[aq + 1]);
            c10 = x1.lanewise(VectorOperators.FMA, b0, c10);
            c11 = x1.lanewise(VectorOperators.FMA, b1, c11);
            c12 = x1.lanewise(VectorOperators.FMA, b2, c12);
            DoubleVector x2 = DoubleVector.broadcast(SP, at[aq + 2]);
            c20 = x2.lanewise(VectorOperators.FMA, b0, c20);
            c21 = x2.lanewise(VectorOperators.FMA, b1, c21);
            c22 = x2.lanewise(VectorOperators.FMA, b2, c22);
            DoubleVector x3 = DoubleVector.broadcast(SP, at[aq + 3]);
            c30 = x3.lanewise(VectorOperators.FMA, b0, c30);
            c31 = x3.lanewise(VectorOperators.FMA, b1, c31);
            c32 = x3.lanewise(VectorOperators.FMA, b2, c32);
            DoubleVector x4 = DoubleVector.broadcast(SP, at[aq + 4]);
            c40 = x4.lanewise(VectorOperators.FMA, b0, c40);
            c41 = x4.lanewise(VectorOperators.FMA, b1, c41);
            c42 = x4.lanewise(VectorOperators.FMA, b2, c42);
            DoubleVector x5 = DoubleVector.broadcast(SP, at[aq + 5]);
            c50 = x5.lanewise(VectorOperators.FMA, b0, c50);
            c51 = x5.lanewise(VectorOperators.FMA, b1, c51);
            c52 = x5.lanewise(VectorOperators.FMA, b2, c52);
            DoubleVector x6 = DoubleVector.broadcast(SP, at[aq + 6]);
            c60 = x6.lanewise(VectorOperators.FMA, b0, c60);
            c61 = x6.lanewise(VectorOperators.FMA, b1, c61);
            c62 = x6.lanewise(VectorOperators.FMA, b2, c62);
            DoubleVector x7 = DoubleVector.broadcast(SP, at[aq + 7]);
            c70 = x7.lanewise(VectorOperators.FMA, b0, c70);
            c71 = x7.lanewise(VectorOperators.FMA, b1, c71);
            c72 = x7.lanewise(VectorOperators.FMA, b2, c72);
        }
        c00.intoArray(out, o);
        c01.intoArray(out, o + 1 * L);
        c02.intoArray(out, o + 2 * L);
        c10.intoArray(out, o + os);
        c11.intoArray(out, o + os + 1 * L);
        c12.intoArray(out, o + os + 2 * L);
        c20.intoArray(out, o + 2 * os);
        c21.intoArray(out, o + 2 * os + 1 * L);
        c22.intoArray(out, o + 2 * os + 2 * L);
        c30.intoArray(out, o + 3 * os);
        c31.intoArray(out, o + 3 * os + 1 * L);
        c32.intoArray(out, o + 3 * os + 2 * L);
        c40.intoArray(out, o + 4 * os);
        c41.intoArray(out, o + 4 * os + 1 * L);
        c42.intoArray(out, o + 4 * os + 2 * L);
        c50.intoArray(out, o + 5 * os);
        c51.intoArray(out, o + 5 * os + 1 * L);
        c52.intoArray(out, o + 5 * os + 2 * L);
        c60.intoArray(out, o + 6 * os);
        c61.intoArray(out, o + 6 * os + 1 * L);
        c62.intoArray(out, o + 6 * os + 2 * L);
        c70.intoArray(out, o + 7 * os);
        c71.intoArray(out, o + 7 * os + 1 * L);
        c72.intoArray(out, o + 7 * os + 2 * L);
    }

    /** 4 rows × 3 vectors, as {@link #tile8x3}: 12 FMA chains over q. */
    private static void tile4x3(double[] a, int as, int i, int inner, double[] b, int bo, int bs, double[] out,
                                int o, int os) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector c00 = z;
        DoubleVector c01 = z;
        DoubleVector c02 = z;
        DoubleVector c10 = z;
        DoubleVector c11 = z;
        DoubleVector c12 = z;
        DoubleVector c20 = z;
        DoubleVector c21 = z;
        DoubleVector c22 = z;
        DoubleVector c30 = z;
        DoubleVector c31 = z;
        DoubleVector c32 = z;
        int aq = i * as;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq++, bq += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
            DoubleVector b1 = DoubleVector.fromArray(SP, b, bq + 1 * L);
            DoubleVector b2 = DoubleVector.fromArray(SP, b, bq + 2 * L);
            DoubleVector x0 = DoubleVector.broadcast(SP, a[aq]);
            c00 = x0.lanewise(VectorOperators.FMA, b0, c00);
            c01 = x0.lanewise(VectorOperators.FMA, b1, c01);
            c02 = x0.lanewise(VectorOperators.FMA, b2, c02);
            DoubleVector x1 = DoubleVector.broadcast(SP, a[aq + as]);
            c10 = x1.lanewise(VectorOperators.FMA, b0, c10);
            c11 = x1.lanewise(VectorOperators.FMA, b1, c11);
            c12 = x1.lanewise(VectorOperators.FMA, b2, c12);
            DoubleVector x2 = DoubleVector.broadcast(SP, a[aq + 2 * as]);
            c20 = x2.lanewise(VectorOperators.FMA, b0, c20);
            c21 = x2.lanewise(VectorOperators.FMA, b1, c21);
            c22 = x2.lanewise(VectorOperators.FMA, b2, c22);
            DoubleVector x3 = DoubleVector.broadcast(SP, a[aq + 3 * as]);
            c30 = x3.lanewise(VectorOperators.FMA, b0, c30);
            c31 = x3.lanewise(VectorOperators.FMA, b1, c31);
            c32 = x3.lanewise(VectorOperators.FMA, b2, c32);
        }
        c00.intoArray(out, o);
        c01.intoArray(out, o + 1 * L);
        c02.intoArray(out, o + 2 * L);
        c10.intoArray(out, o + os);
        c11.intoArray(out, o + os + 1 * L);
        c12.intoArray(out, o + os + 2 * L);
        c20.intoArray(out, o + 2 * os);
        c21.intoArray(out, o + 2 * os + 1 * L);
        c22.intoArray(out, o + 2 * os + 2 * L);
        c30.intoArray(out, o + 3 * os);
        c31.intoArray(out, o + 3 * os + 1 * L);
        c32.intoArray(out, o + 3 * os + 2 * L);
    }

    /** 1 row × 3 vectors, as {@link #tile8x3}: 3 FMA chains over q. */
    private static void tile1x3(double[] a, int as, int i, int inner, double[] b, int bo, int bs, double[] out,
                                int o, int os) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector c00 = z;
        DoubleVector c01 = z;
        DoubleVector c02 = z;
        int aq = i * as;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq++, bq += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
            DoubleVector b1 = DoubleVector.fromArray(SP, b, bq + 1 * L);
            DoubleVector b2 = DoubleVector.fromArray(SP, b, bq + 2 * L);
            DoubleVector x0 = DoubleVector.broadcast(SP, a[aq]);
            c00 = x0.lanewise(VectorOperators.FMA, b0, c00);
            c01 = x0.lanewise(VectorOperators.FMA, b1, c01);
            c02 = x0.lanewise(VectorOperators.FMA, b2, c02);
        }
        c00.intoArray(out, o);
        c01.intoArray(out, o + 1 * L);
        c02.intoArray(out, o + 2 * L);
    }

    /** 8 rows × 2 vectors, as {@link #tile8x3}: 16 FMA chains over q. */
    private static void tile8x2(double[] a, int ao, int as, boolean acc, int inner, double[] b, int bo, int bs,
                                double[] out, int o, int os) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector c00 = acc ? DoubleVector.fromArray(SP, out, o) : z;
        DoubleVector c01 = acc ? DoubleVector.fromArray(SP, out, o + 1 * L) : z;
        DoubleVector c10 = acc ? DoubleVector.fromArray(SP, out, o + os) : z;
        DoubleVector c11 = acc ? DoubleVector.fromArray(SP, out, o + os + 1 * L) : z;
        DoubleVector c20 = acc ? DoubleVector.fromArray(SP, out, o + 2 * os) : z;
        DoubleVector c21 = acc ? DoubleVector.fromArray(SP, out, o + 2 * os + 1 * L) : z;
        DoubleVector c30 = acc ? DoubleVector.fromArray(SP, out, o + 3 * os) : z;
        DoubleVector c31 = acc ? DoubleVector.fromArray(SP, out, o + 3 * os + 1 * L) : z;
        DoubleVector c40 = acc ? DoubleVector.fromArray(SP, out, o + 4 * os) : z;
        DoubleVector c41 = acc ? DoubleVector.fromArray(SP, out, o + 4 * os + 1 * L) : z;
        DoubleVector c50 = acc ? DoubleVector.fromArray(SP, out, o + 5 * os) : z;
        DoubleVector c51 = acc ? DoubleVector.fromArray(SP, out, o + 5 * os + 1 * L) : z;
        DoubleVector c60 = acc ? DoubleVector.fromArray(SP, out, o + 6 * os) : z;
        DoubleVector c61 = acc ? DoubleVector.fromArray(SP, out, o + 6 * os + 1 * L) : z;
        DoubleVector c70 = acc ? DoubleVector.fromArray(SP, out, o + 7 * os) : z;
        DoubleVector c71 = acc ? DoubleVector.fromArray(SP, out, o + 7 * os + 1 * L) : z;
        int aq = ao;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq++, bq += bs) {
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

    /** {@link #tile8x2} with A read transposed: row i + r, step q at at[q·ats + i + r]. */
    private static void tile8x2t(double[] at, int ats, int i, int inner, double[] b, int bo, int bs, double[] out,
                                 int o, int os) {
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
        int aq = i;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq += ats, bq += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
            DoubleVector b1 = DoubleVector.fromArray(SP, b, bq + 1 * L);
            DoubleVector x0 = DoubleVector.broadcast(SP, at[aq]);
            c00 = x0.lanewise(VectorOperators.FMA, b0, c00);
            c01 = x0.lanewise(VectorOperators.FMA, b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(SP, at[aq + 1]);
            c10 = x1.lanewise(VectorOperators.FMA, b0, c10);
            c11 = x1.lanewise(VectorOperators.FMA, b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(SP, at[aq + 2]);
            c20 = x2.lanewise(VectorOperators.FMA, b0, c20);
            c21 = x2.lanewise(VectorOperators.FMA, b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(SP, at[aq + 3]);
            c30 = x3.lanewise(VectorOperators.FMA, b0, c30);
            c31 = x3.lanewise(VectorOperators.FMA, b1, c31);
            DoubleVector x4 = DoubleVector.broadcast(SP, at[aq + 4]);
            c40 = x4.lanewise(VectorOperators.FMA, b0, c40);
            c41 = x4.lanewise(VectorOperators.FMA, b1, c41);
            DoubleVector x5 = DoubleVector.broadcast(SP, at[aq + 5]);
            c50 = x5.lanewise(VectorOperators.FMA, b0, c50);
            c51 = x5.lanewise(VectorOperators.FMA, b1, c51);
            DoubleVector x6 = DoubleVector.broadcast(SP, at[aq + 6]);
            c60 = x6.lanewise(VectorOperators.FMA, b0, c60);
            c61 = x6.lanewise(VectorOperators.FMA, b1, c61);
            DoubleVector x7 = DoubleVector.broadcast(SP, at[aq + 7]);
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

    /**
     * 8 rows × 1 vector, as {@link #tile8x3}: 8 FMA chains over q in one loop (the last vector of an 8-row tile was
     * two 4-row tails, each bound by the FMA latency).
     */
    private static void tile8x1(double[] a, int ao, int as, boolean acc, int inner, double[] b, int bo, int bs,
                                double[] out, int o, int os) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector c00 = acc ? DoubleVector.fromArray(SP, out, o) : z;
        DoubleVector c10 = acc ? DoubleVector.fromArray(SP, out, o + os) : z;
        DoubleVector c20 = acc ? DoubleVector.fromArray(SP, out, o + 2 * os) : z;
        DoubleVector c30 = acc ? DoubleVector.fromArray(SP, out, o + 3 * os) : z;
        DoubleVector c40 = acc ? DoubleVector.fromArray(SP, out, o + 4 * os) : z;
        DoubleVector c50 = acc ? DoubleVector.fromArray(SP, out, o + 5 * os) : z;
        DoubleVector c60 = acc ? DoubleVector.fromArray(SP, out, o + 6 * os) : z;
        DoubleVector c70 = acc ? DoubleVector.fromArray(SP, out, o + 7 * os) : z;
        int aq = ao;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq++, bq += bs) {
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

    /** {@link #tile8x1} with A read transposed: row i + r, step q at at[q·ats + i + r]. */
    private static void tile8x1t(double[] at, int ats, int i, int inner, double[] b, int bo, int bs, double[] out,
                                 int o, int os) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector c00 = z;
        DoubleVector c10 = z;
        DoubleVector c20 = z;
        DoubleVector c30 = z;
        DoubleVector c40 = z;
        DoubleVector c50 = z;
        DoubleVector c60 = z;
        DoubleVector c70 = z;
        int aq = i;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq += ats, bq += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
            DoubleVector x0 = DoubleVector.broadcast(SP, at[aq]);
            c00 = x0.lanewise(VectorOperators.FMA, b0, c00);
            DoubleVector x1 = DoubleVector.broadcast(SP, at[aq + 1]);
            c10 = x1.lanewise(VectorOperators.FMA, b0, c10);
            DoubleVector x2 = DoubleVector.broadcast(SP, at[aq + 2]);
            c20 = x2.lanewise(VectorOperators.FMA, b0, c20);
            DoubleVector x3 = DoubleVector.broadcast(SP, at[aq + 3]);
            c30 = x3.lanewise(VectorOperators.FMA, b0, c30);
            DoubleVector x4 = DoubleVector.broadcast(SP, at[aq + 4]);
            c40 = x4.lanewise(VectorOperators.FMA, b0, c40);
            DoubleVector x5 = DoubleVector.broadcast(SP, at[aq + 5]);
            c50 = x5.lanewise(VectorOperators.FMA, b0, c50);
            DoubleVector x6 = DoubleVector.broadcast(SP, at[aq + 6]);
            c60 = x6.lanewise(VectorOperators.FMA, b0, c60);
            DoubleVector x7 = DoubleVector.broadcast(SP, at[aq + 7]);
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

    /** 4 rows × 2 vectors, as {@link #tile8x3}: 8 FMA chains over q. */
    private static void tile4x2(double[] a, int as, int i, int inner, double[] b, int bo, int bs, double[] out,
                                int o, int os) {
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
        for (int q = 0; q < inner; q++, aq++, bq += bs) {
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

    /** 4 rows × 1 vector, as {@link #tile8x3}: 4 FMA chains over q. */
    private static void tile4x1(double[] a, int as, int i, int inner, double[] b, int bo, int bs, double[] out,
                                int o, int os) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector c00 = z;
        DoubleVector c10 = z;
        DoubleVector c20 = z;
        DoubleVector c30 = z;
        int aq = i * as;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq++, bq += bs) {
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

    /** 1 row × 2 vectors, as {@link #tile8x3}: 2 FMA chains over q. */
    private static void tile1x2(double[] a, int as, int i, int inner, double[] b, int bo, int bs, double[] out,
                                int o, int os) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector c00 = z;
        DoubleVector c01 = z;
        int aq = i * as;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq++, bq += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
            DoubleVector b1 = DoubleVector.fromArray(SP, b, bq + 1 * L);
            DoubleVector x0 = DoubleVector.broadcast(SP, a[aq]);
            c00 = x0.lanewise(VectorOperators.FMA, b0, c00);
            c01 = x0.lanewise(VectorOperators.FMA, b1, c01);
        }
        c00.intoArray(out, o);
        c01.intoArray(out, o + L);
    }

    /** 1 row × 1 vector, as {@link #tile8x3}: 1 FMA chain over q. */
    private static void tile1x1(double[] a, int as, int i, int inner, double[] b, int bo, int bs, double[] out,
                                int o, int os) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector c00 = z;
        int aq = i * as;
        int bq = bo;
        for (int q = 0; q < inner; q++, aq++, bq += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SP, b, bq);
            DoubleVector x0 = DoubleVector.broadcast(SP, a[aq]);
            c00 = x0.lanewise(VectorOperators.FMA, b0, c00);
        }
        c00.intoArray(out, o);
    }

    /**
     * g[i·d + q] = scale·gp[i·dp + q] for i &lt; n, q &lt; d (gp's rows padded to dp): the rows whose padded row still
     * ends inside g (i·d + dp ≤ n·d: all but the last when d ≥ L) in whole vectors (each row's last vector writes scale
     * times gp's padding into the next rows' first entries, which those rows then overwrite), the others in whole
     * vectors and a scalar tail; returns whether every entry computed is finite
     * (g − g is 0 exactly when g is, NaN otherwise) — the padding included: it is C·0, not finite only where some
     * coefficient is not, and then the caller's fallback (the scalar evaluator) decides.
     */
    static boolean scaleOut(double[] gp, int dp, int n, int d, double scale, double[] g) {
        return scaleOut(gp, dp, 0, n, d, scale, g);
    }

    /** {@link #scaleOut} of rows [from, n) only (the rows before are in g already). */
    static boolean scaleOut(double[] gp, int dp, int from, int n, int d, double scale, double[] g) {
        // no vector lives across iterations (a vector accumulator in this loop nest was boxed by C2: 4 KB per call)
        boolean bad = false;
        double tail = 0.0;
        int full = d / L * L;
        // every row but the last in whole vectors: a row's last vector runs into the next row's first entries (the
        // padding of gp, finite unless a coefficient is not), which the next row then overwrites
        int i = from;
        for (; i * d + dp <= n * d; i++) {
            int go = i * dp;
            int o = i * d;
            for (int q = 0; q < d; q += L) {
                DoubleVector v = DoubleVector.fromArray(SP, gp, go + q).mul(scale);
                v.intoArray(g, o + q);
                bad |= v.sub(v).compare(VectorOperators.NE, 0.0).anyTrue();
            }
        }
        for (; i < n; i++) {
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
     * Whether v[0..len) are all finite: v − v is 0 exactly for a finite entry and NaN otherwise, summed in four
     * independent vector accumulators (one flat loop: no vector lives across a loop nest) and a scalar tail.
     */
    static boolean allFinite(double[] v, int len) {
        DoubleVector z = DoubleVector.zero(SP);
        DoubleVector a0 = z;
        DoubleVector a1 = z;
        DoubleVector a2 = z;
        DoubleVector a3 = z;
        int q = 0;
        for (; q + 4 * L <= len; q += 4 * L) {
            DoubleVector v0 = DoubleVector.fromArray(SP, v, q);
            DoubleVector v1 = DoubleVector.fromArray(SP, v, q + L);
            DoubleVector v2 = DoubleVector.fromArray(SP, v, q + 2 * L);
            DoubleVector v3 = DoubleVector.fromArray(SP, v, q + 3 * L);
            a0 = a0.add(v0.sub(v0));
            a1 = a1.add(v1.sub(v1));
            a2 = a2.add(v2.sub(v2));
            a3 = a3.add(v3.sub(v3));
        }
        for (; q + L <= len; q += L) {
            DoubleVector v0 = DoubleVector.fromArray(SP, v, q);
            a0 = a0.add(v0.sub(v0));
        }
        double t = 0.0;
        for (; q < len; q++) {
            t += v[q] - v[q];
        }
        return t == 0.0 && !a0.add(a1).add(a2.add(a3)).compare(VectorOperators.NE, 0.0).anyTrue();
    }

    /** 0, 1, …, L − 1: the lane numbers, for the masks of a row's first block. */
    private static final double[] IOTA = new double[L];

    static {
        for (int q = 0; q < L; q++) {
            IOTA[q] = q;
        }
    }

    /**
     * The first column of row i's pair pass: i rounded down to a multiple of L. The row's blocks are the aligned
     * vectors of columns [rowStart(i), to); column i itself (the self term's lane) is in the first one.
     */
    static int rowStart(int i) {
        return i / L * L;
    }

    /**
     * The angle pass of rows [i0, i1), row i over the aligned blocks of columns [{@link #rowStart}(i), to) of
     * {@code dots} (row stride {@code ds}): c = dots·(1/r_i)·inv[j], s = √((1−c)(1+c)), θ = arccos c (vector arccos of
     * {@link VectorAsin}, within 2 ulps) into cRow, sRow, tRow at (i − i0)·rs + j; the lanes j ≤ i (not pairs of the
     * row) get c = 0, s = 1, θ = π/2 (finite; their weights are zeroed by the coefficient pass). Lanes j &gt; i,
     * j &lt; to with |c| &gt; 0.9 are redone by {@link PairGeometry#angleInv} from the coordinates: the students' rows in
     * {@code x} (stride d, rows below {@code n}), the teachers' in {@code coords} (row j at j·cs, j ≥ n). Reads and
     * writes whole vectors up to the next multiple of L past {@code to} (callers pad).
     */
    static void angles(double[] dots, int ds, int i0, int i1, int to, double[] inv, double[] x, int n,
                       double[] coords, int cs, int d, double[] cRow, double[] sRow, double[] tRow, int rs,
                       PairGeometry geo) {
        DoubleVector idx = DoubleVector.fromArray(SP, IOTA, 0);
        DoubleVector one = DoubleVector.broadcast(SP, 1.0);
        DoubleVector pio2Hi = DoubleVector.broadcast(SP, VectorAsin.PIO2_HI);
        DoubleVector pio2Lo = DoubleVector.broadcast(SP, VectorAsin.PIO2_LO);
        DoubleVector piHi = DoubleVector.broadcast(SP, VectorAsin.PI_HI);
        for (int i = i0; i < i1; i++) {
            double ii = inv[i];
            int ro = i * ds;
            int so = (i - i0) * rs;
            for (int j = rowStart(i); j < to; j += L) {
                DoubleVector c = DoubleVector.fromArray(SP, dots, ro + j).mul(ii)
                        .mul(DoubleVector.fromArray(SP, inv, j));
                if (j <= i) {
                    c = c.blend(0.0, idx.compare(VectorOperators.LE, (double) (i - j)));
                }
                DoubleVector s = one.sub(c).mul(c.add(1.0)).sqrt();
                // VectorAsin.acos(c) written out, operation for operation (bitwise the same; b − a for its (−a) + b,
                // the same rounding, one instruction less), so that its test for lanes with |c| ≥ ½ also guards the
                // test for the chord formula's lanes (|c| > 0.9, a subset): one mask test per block where no lane
                // has |c| ≥ ½
                DoubleVector ax = c.abs();
                VectorMask<Double> big = ax.compare(VectorOperators.GE, 0.5);
                boolean anyBig = big.anyTrue();
                DoubleVector z = c.mul(c);
                DoubleVector xs = c;
                if (anyBig) {
                    DoubleVector t = one.sub(ax).mul(0.5);
                    z = z.blend(t, big);
                    xs = xs.blend(t.sqrt(), big);
                }
                DoubleVector rr = xs.mul(z).mul(VectorAsin.p(z));
                DoubleVector th = pio2Hi.sub(xs.sub(pio2Lo.sub(rr)));
                if (anyBig) {
                    DoubleVector pos = xs.add(rr).mul(2.0);
                    DoubleVector neg = piHi.sub(xs.mul(2.0).sub(rr.mul(-2.0).add(VectorAsin.PI_LO)));
                    th = th.blend(pos.blend(neg, c.compare(VectorOperators.LT, 0.0)), big);
                }
                c.intoArray(cRow, so + j);
                s.intoArray(sRow, so + j);
                th.intoArray(tRow, so + j);
                if (anyBig && ax.compare(VectorOperators.GT, 0.9).anyTrue()) {
                    nearlyParallel(dots, ro, i, j, to, ii, inv, x, n, coords, cs, d, cRow, sRow, tRow, so, geo);
                }
            }
        }
    }

    /** The lanes of {@link #angles}'s block at column j with |c| &gt; 0.9, by the chord formula (rare: its own method). */
    private static void nearlyParallel(double[] dots, int ro, int i, int j, int to, double ii, double[] inv,
                                       double[] x, int n, double[] coords, int cs, int d, double[] cRow,
                                       double[] sRow, double[] tRow, int so, PairGeometry geo) {
        int end = Math.min(j + L, to);
        for (int q = j; q < end; q++) {
            double cq = cRow[so + q];
            if (cq > 0.9 || cq < -0.9) {
                if (q < n) {
                    geo.angleInv(x, i * d, ii, x, q * d, inv[q], dots[ro + q], d);
                } else {
                    geo.angleInv(x, i * d, ii, coords, q * cs, inv[q], dots[ro + q], d);
                }
                cRow[so + q] = geo.c;
                sRow[so + q] = geo.s;
                tRow[so + q] = geo.th;
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

    /** Offsets in a row's partial sums ({@code part}, 3L entries per row): F's sum, its error sum, C's diagonal. */
    static final int PART_S = 0;
    static final int PART_C = 1;
    static final int PART_D = 2;

    /**
     * The vector transcription that reproduces {@code kernel}'s {@code value} and {@code first} bitwise on probe pairs
     * (checked once per kernel class, through the very methods the evaluator runs), or {@link #RELU_NONE}.
     */
    static int reluTranscription(PairKernel kernel) {
        return TRANSCRIPTIONS.computeIfAbsent(kernel.getClass(), c -> probe(kernel));
    }

    /**
     * Runs {@link #reluRows} on rows holding one pair each (the weight 1 at that column, 0 elsewhere, no self term):
     * the row's F sum in that lane is then exactly w·K = K (TwoSum of 0 and K), its diagonal sum gA, its C entry gB
     * and its column term gAv — compared bitwise with the kernel's {@code first} and {@code value}.
     */
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
        // the probe pairs sit in columns L … L + m − 1 of row 0 (past its first block, so no lane is masked): rv holds
        // r of the row at 0 and ρ of the pairs from L on; a row has one pair weighted (ab one-hot), so each lane sum
        // of the row is exactly that pair's term (TwoSums of zeros and one term)
        int to = m + 2 * L;
        double[] out = new double[PairKernel.FIRST_SIZE];
        double[] rvP = new double[to];
        double[] cP = new double[to];
        double[] sP = new double[to];
        double[] tP = new double[to];
        double[] onesP = new double[to];
        java.util.Arrays.fill(onesP, 1.0);
        double[] ab = new double[to];
        double[] coef = new double[to];
        double[] gv = new double[to];
        double[] part = new double[3 * L];
        double[] partV = new double[3 * L];
        double[] one = {1.0};
        double[] nil = {0.0};
        for (int variant : new int[] {RELU_GENERATED, RELU_CLOSED_FORM}) {
            boolean same = true;
            for (int j = 0; j < m && same; j++) {
                int col = L + j;
                java.util.Arrays.fill(ab, 0.0);
                ab[col] = 1.0;
                rvP[0] = ri[j];
                rvP[col] = rv[j];
                cP[col] = cRow[j];
                sP[col] = sRow[j];
                tP[col] = tRow[j];
                reluRows(variant, true, 0, 1, to, to, rvP, one, onesP, nil, nil, ab, cP, sP, tP, 0, coef, 0, gv, 0,
                        part);
                reluRows(variant, false, 0, 1, to, 0, rvP, one, onesP, nil, nil, ab, cP, sP, tP, 0, null, 0, null, 0,
                        partV);
                kernel.first(ri[j], rv[j], cRow[j], sRow[j], tRow[j], out);
                double value = kernel.value(ri[j], rv[j], cRow[j], sRow[j], tRow[j]);
                int lane = col % L;
                // the sums start at +0, so a term −0 arrives as +0 (x + 0.0 does the same to the kernel's value)
                same = bits(out[0] + 0.0, part[PART_S * L + lane]) && bits(out[1] + 0.0, part[PART_D * L + lane])
                        && bits(out[2], gv[col]) && bits(out[3], coef[col])
                        && bits(value + 0.0, partV[PART_S * L + lane]) && part[PART_C * L + lane] == 0.0;
                rvP[col] = 0.0;
                cP[col] = 0.0;
                sP[col] = 0.0;
                tP[col] = 0.0;
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
     * Rows [i0, i1) of the pair pass with the ReLU transcription {@code variant}: row i over the aligned blocks of
     * columns [{@link #rowStart}(i), to), angles from cRow, sRow, tRow at (i − i0)·rs + j (r = rv[i], ρ = rv[j]; pair
     * weight w = a[i]·ab[j], zero in the lanes j ≤ i). Per lane of a block, F's term t = w·K — in lane i (the first
     * block) the row's self term self[i] instead — enters the lane's compensated sum by TwoSum (s' = s + t,
     * b' = s' − s, e = (s − (s' − b')) + (t − b'), c += e), and, if {@code first}, C's diagonal term (w·gA)·(1/r_i) —
     * in lane i diag0[i] — the lane's plain diagonal sum; C's row i gets w·gB at i·cs + j (every lane of the blocks;
     * lanes j ≤ i are 0 and overwritten later), and for blocks below {@code n} the column terms (w·gAv)·inv[j] go to gv
     * at i·gs + j. Without {@code first} only F's sums, with κ from the kernel's {@code value}. Row i's three vectors
     * (s, c, diagonal) are stored at part[3L·i + {PART_S, PART_C, PART_D}·L].
     *
     * <p>So lane q of every row's sums holds the columns j ≡ q (mod L) in increasing order — a fixed order that does
     * not depend on the thread, the row split or the rows per call; {@link BatchPairwiseObjective} follows it per
     * residue class. The operations forming K, gA, gAv, gB are the scalar kernel evaluator's, in its order, no fused
     * multiply-add (checked bitwise at run time by {@link #probe} through this method). One self-contained loop nest
     * per variant, so that no vector crosses a call (C2 would box it); several rows per call, so that the per-call
     * set-up is paid once per block of rows.
     */
    static void reluRows(int variant, boolean first, int i0, int i1, int to, int n, double[] rv, double[] a,
                         double[] inv, double[] self, double[] diag0, double[] ab, double[] cRow, double[] sRow,
                         double[] tRow, int rs, double[] coef, int cs, double[] gv, int gs, double[] part) {
        if (variant == RELU_GENERATED) {
            if (first) {
                generatedFirst(i0, i1, to, n, rv, a, inv, self, diag0, ab, cRow, sRow, tRow, rs, coef, cs, gv, gs,
                        part);
            } else {
                generatedValue(i0, i1, to, rv, a, self, ab, cRow, sRow, tRow, rs, part);
            }
        } else if (first) {
            closedFormFirst(i0, i1, to, n, rv, a, inv, self, diag0, ab, cRow, sRow, tRow, rs, coef, cs, gv, gs, part);
        } else {
            closedFormValue(i0, i1, to, rv, a, self, ab, cRow, sRow, tRow, rs, part);
        }
    }

    /**
     * The generated ReLU kernel's {@code first} (generator version 2), lane by lane: t1 = 1/(2π), t3 = π + (−θ),
     * K = ((t1·r)·ρ)·(t3·c + s), gA = (t1·ρ)·s, gAv = (t1·r)·s, gB = t1·t3; where s = 0: K = (½·r)·ρ, gB = ½ if c &gt; 0,
     * else all zero. Sums as {@link #reluRows}.
     */
    private static void generatedFirst(int i0, int i1, int to, int n, double[] rv, double[] a, double[] inv,
                                       double[] self, double[] diag0, double[] ab, double[] cRow, double[] sRow,
                                       double[] tRow, int rs, double[] coef, int cs, double[] gv, int gs,
                                       double[] part) {
        double t1 = INV_2PI;
        DoubleVector idx = DoubleVector.fromArray(SP, IOTA, 0);
        DoubleVector zero = DoubleVector.zero(SP);
        for (int i = i0; i < i1; i++) {
            double ri = rv[i];
            double ai = a[i];
            double ii = inv[i];
            double t1r = t1 * ri;
            double halfR = 0.5 * ri;
            int so = (i - i0) * rs;
            int co = i * cs;
            int go = i * gs;
            DoubleVector fs = zero;
            DoubleVector fc = zero;
            DoubleVector dg = zero;
            for (int j = rowStart(i); j < to; j += L) {
                DoubleVector c = DoubleVector.fromArray(SP, cRow, so + j);
                DoubleVector s = DoubleVector.fromArray(SP, sRow, so + j);
                DoubleVector rho = DoubleVector.fromArray(SP, rv, j);
                DoubleVector w = DoubleVector.fromArray(SP, ab, j).mul(ai);
                DoubleVector t3 = DoubleVector.fromArray(SP, tRow, so + j).neg().add(Math.PI);
                DoubleVector kk = rho.mul(t1r).mul(t3.mul(c).add(s));
                DoubleVector ga = rho.mul(t1).mul(s);
                DoubleVector gav = s.mul(t1r);
                DoubleVector gb = t3.mul(t1);
                VectorMask<Double> z = s.compare(VectorOperators.EQ, 0.0);
                if (z.anyTrue()) {
                    VectorMask<Double> pos = z.and(c.compare(VectorOperators.GT, 0.0));
                    kk = kk.blend(zero, z).blend(rho.mul(halfR), pos);
                    ga = ga.blend(zero, z);
                    gav = gav.blend(zero, z);
                    gb = gb.blend(zero, z).blend(DoubleVector.broadcast(SP, 0.5), pos);
                }
                DoubleVector tf;
                DoubleVector td;
                if (j <= i) {
                    double rel = i - j;
                    w = w.blend(zero, idx.compare(VectorOperators.LE, rel));
                    VectorMask<Double> at = idx.compare(VectorOperators.EQ, rel);
                    tf = w.mul(kk).blend(self[i], at);
                    td = w.mul(ga).mul(ii).blend(diag0[i], at);
                } else {
                    tf = w.mul(kk);
                    td = w.mul(ga).mul(ii);
                }
                DoubleVector s2 = fs.add(tf);
                DoubleVector bp = s2.sub(fs);
                fc = fc.add(fs.sub(s2.sub(bp)).add(tf.sub(bp)));
                fs = s2;
                dg = dg.add(td);
                w.mul(gb).intoArray(coef, co + j);
                if (j < n) {
                    w.mul(gav).mul(DoubleVector.fromArray(SP, inv, j)).intoArray(gv, go + j);
                }
            }
            int po = 3 * L * i;
            fs.intoArray(part, po + PART_S * L);
            fc.intoArray(part, po + PART_C * L);
            dg.intoArray(part, po + PART_D * L);
        }
    }

    /** The generated ReLU kernel's {@code value}: K as in {@link #generatedFirst}; F's sums only. */
    private static void generatedValue(int i0, int i1, int to, double[] rv, double[] a, double[] self, double[] ab,
                                       double[] cRow, double[] sRow, double[] tRow, int rs, double[] part) {
        DoubleVector idx = DoubleVector.fromArray(SP, IOTA, 0);
        DoubleVector zero = DoubleVector.zero(SP);
        for (int i = i0; i < i1; i++) {
            double ri = rv[i];
            double ai = a[i];
            double t1r = INV_2PI * ri;
            double halfR = 0.5 * ri;
            int so = (i - i0) * rs;
            DoubleVector fs = zero;
            DoubleVector fc = zero;
            for (int j = rowStart(i); j < to; j += L) {
                DoubleVector c = DoubleVector.fromArray(SP, cRow, so + j);
                DoubleVector s = DoubleVector.fromArray(SP, sRow, so + j);
                DoubleVector rho = DoubleVector.fromArray(SP, rv, j);
                DoubleVector t3 = DoubleVector.fromArray(SP, tRow, so + j).neg().add(Math.PI);
                DoubleVector kk = rho.mul(t1r).mul(t3.mul(c).add(s));
                VectorMask<Double> z = s.compare(VectorOperators.EQ, 0.0);
                if (z.anyTrue()) {
                    VectorMask<Double> pos = z.and(c.compare(VectorOperators.GT, 0.0));
                    kk = kk.blend(zero, z).blend(rho.mul(halfR), pos);
                }
                DoubleVector w = DoubleVector.fromArray(SP, ab, j).mul(ai);
                DoubleVector tf;
                if (j <= i) {
                    double rel = i - j;
                    w = w.blend(zero, idx.compare(VectorOperators.LE, rel));
                    tf = w.mul(kk).blend(self[i], idx.compare(VectorOperators.EQ, rel));
                } else {
                    tf = w.mul(kk);
                }
                DoubleVector s2 = fs.add(tf);
                DoubleVector bp = s2.sub(fs);
                fc = fc.add(fs.sub(s2.sub(bp)).add(tf.sub(bp)));
                fs = s2;
            }
            int po = 3 * L * i;
            fs.intoArray(part, po + PART_S * L);
            fc.intoArray(part, po + PART_C * L);
        }
    }

    /**
     * {@link ReluClosedForm#first}, lane by lane: p = (π − θ)·(1/2π), K = (r·ρ)·(s·(1/2π) + p·c), gA = (ρ·s)·(1/2π),
     * gAv = (r·s)·(1/2π), gB = p. Sums as {@link #reluRows}.
     */
    private static void closedFormFirst(int i0, int i1, int to, int n, double[] rv, double[] a, double[] inv,
                                        double[] self, double[] diag0, double[] ab, double[] cRow, double[] sRow,
                                        double[] tRow, int rs, double[] coef, int cs, double[] gv, int gs,
                                        double[] part) {
        DoubleVector idx = DoubleVector.fromArray(SP, IOTA, 0);
        DoubleVector zero = DoubleVector.zero(SP);
        for (int i = i0; i < i1; i++) {
            double ri = rv[i];
            double ai = a[i];
            double ii = inv[i];
            int so = (i - i0) * rs;
            int co = i * cs;
            int go = i * gs;
            DoubleVector fs = zero;
            DoubleVector fc = zero;
            DoubleVector dg = zero;
            for (int j = rowStart(i); j < to; j += L) {
                DoubleVector c = DoubleVector.fromArray(SP, cRow, so + j);
                DoubleVector s = DoubleVector.fromArray(SP, sRow, so + j);
                DoubleVector rho = DoubleVector.fromArray(SP, rv, j);
                DoubleVector w = DoubleVector.fromArray(SP, ab, j).mul(ai);
                DoubleVector pt = DoubleVector.fromArray(SP, tRow, so + j).neg().add(Math.PI).mul(INV_2PI);
                DoubleVector kk = rho.mul(ri).mul(s.mul(INV_2PI).add(pt.mul(c)));
                DoubleVector ga = rho.mul(s).mul(INV_2PI);
                DoubleVector tf;
                DoubleVector td;
                if (j <= i) {
                    double rel = i - j;
                    w = w.blend(zero, idx.compare(VectorOperators.LE, rel));
                    VectorMask<Double> at = idx.compare(VectorOperators.EQ, rel);
                    tf = w.mul(kk).blend(self[i], at);
                    td = w.mul(ga).mul(ii).blend(diag0[i], at);
                } else {
                    tf = w.mul(kk);
                    td = w.mul(ga).mul(ii);
                }
                DoubleVector s2 = fs.add(tf);
                DoubleVector bp = s2.sub(fs);
                fc = fc.add(fs.sub(s2.sub(bp)).add(tf.sub(bp)));
                fs = s2;
                dg = dg.add(td);
                w.mul(pt).intoArray(coef, co + j);
                if (j < n) {
                    w.mul(s.mul(ri).mul(INV_2PI)).mul(DoubleVector.fromArray(SP, inv, j)).intoArray(gv, go + j);
                }
            }
            int po = 3 * L * i;
            fs.intoArray(part, po + PART_S * L);
            fc.intoArray(part, po + PART_C * L);
            dg.intoArray(part, po + PART_D * L);
        }
    }

    /** {@link ReluClosedForm#value}, lane by lane: κ = ((r·ρ)·(1/2π))·(s + (π − θ)·c); F's sums only. */
    private static void closedFormValue(int i0, int i1, int to, double[] rv, double[] a, double[] self, double[] ab,
                                        double[] cRow, double[] sRow, double[] tRow, int rs, double[] part) {
        DoubleVector idx = DoubleVector.fromArray(SP, IOTA, 0);
        DoubleVector zero = DoubleVector.zero(SP);
        for (int i = i0; i < i1; i++) {
            double ri = rv[i];
            double ai = a[i];
            int so = (i - i0) * rs;
            DoubleVector fs = zero;
            DoubleVector fc = zero;
            for (int j = rowStart(i); j < to; j += L) {
                DoubleVector c = DoubleVector.fromArray(SP, cRow, so + j);
                DoubleVector s = DoubleVector.fromArray(SP, sRow, so + j);
                DoubleVector rho = DoubleVector.fromArray(SP, rv, j);
                DoubleVector pi = DoubleVector.fromArray(SP, tRow, so + j).neg().add(Math.PI);
                DoubleVector kk = rho.mul(ri).mul(INV_2PI).mul(pi.mul(c).add(s));
                DoubleVector w = DoubleVector.fromArray(SP, ab, j).mul(ai);
                DoubleVector tf;
                if (j <= i) {
                    double rel = i - j;
                    w = w.blend(zero, idx.compare(VectorOperators.LE, rel));
                    tf = w.mul(kk).blend(self[i], idx.compare(VectorOperators.EQ, rel));
                } else {
                    tf = w.mul(kk);
                }
                DoubleVector s2 = fs.add(tf);
                DoubleVector bp = s2.sub(fs);
                fc = fc.add(fs.sub(s2.sub(bp)).add(tf.sub(bp)));
                fs = s2;
            }
            int po = 3 * L * i;
            fs.intoArray(part, po + PART_S * L);
            fc.intoArray(part, po + PART_C * L);
        }
    }

    /**
     * {@link #reluRows}'s sums and stores for coefficients already computed per pair (kernels without a transcription):
     * wk, wga, wgav, off indexed by column, zero in the lanes j ≤ i and j ≥ the row's end (the caller writes them);
     * the self term and diag0 go into lane i. The same vector operations in the same order as the transcribed rows,
     * so the results do not depend on which path computed the coefficients (adding an exact zero leaves a lane's
     * sums unchanged). {@code first} false: F's sums only (from wk).
     */
    static void sumRow(boolean first, int i, int jb0, int to, int n, double self, double diag0, double[] wk,
                       double[] wga, double[] wgav, double[] off, double[] coef, int co, double[] gv, int go,
                       double[] part, int po) {
        DoubleVector idx = DoubleVector.fromArray(SP, IOTA, 0);
        DoubleVector zero = DoubleVector.zero(SP);
        DoubleVector fs = zero;
        DoubleVector fc = zero;
        DoubleVector dg = zero;
        for (int j = jb0; j < to; j += L) {
            DoubleVector tf = DoubleVector.fromArray(SP, wk, j);
            DoubleVector td = first ? DoubleVector.fromArray(SP, wga, j) : zero;
            if (j <= i) {
                VectorMask<Double> at = idx.compare(VectorOperators.EQ, (double) (i - j));
                tf = tf.blend(self, at);
                td = td.blend(diag0, at);
            }
            DoubleVector s2 = fs.add(tf);
            DoubleVector bp = s2.sub(fs);
            fc = fc.add(fs.sub(s2.sub(bp)).add(tf.sub(bp)));
            fs = s2;
            if (first) {
                dg = dg.add(td);
                DoubleVector.fromArray(SP, off, j).intoArray(coef, co + j);
                if (j < n) {
                    DoubleVector.fromArray(SP, wgav, j).intoArray(gv, go + j);
                }
            }
        }
        fs.intoArray(part, po + PART_S * L);
        fc.intoArray(part, po + PART_C * L);
        if (first) {
            dg.intoArray(part, po + PART_D * L);
        }
    }

    /**
     * Row j of a symmetric matrix (row stride cs) below the diagonal from column j above it: m[j·cs + i] =
     * m[i·cs + j] for i &lt; j, L entries at a time by a gather with the index map {0, cs, …, (L−1)·cs}, the rest one
     * by one.
     */
    static void mirrorRow(double[] m, int cs, int j, int[] map) {
        int cj = j * cs;
        int i = 0;
        for (; i + L <= j; i += L) {
            DoubleVector.fromArray(SP, m, i * cs + j, map, 0).intoArray(m, cj + i);
        }
        for (; i < j; i++) {
            m[cj + i] = m[i * cs + j];
        }
    }

    /**
     * F's lane sums of rows [0, rows) combined: per lane q, the rows' (s, c) in increasing row order by TwoSum into
     * (S_q, C_q) (S' = S + s, C += c + e); then the lanes q = 0 … L − 1 in order by TwoSum into (fs, fc). Writes
     * {fs, fc} to out[0], out[1] (out has at least 2L + 2 entries; the first 2L hold S and C on return).
     */
    static void combineRows(double[] part, int rows, double[] out) {
        DoubleVector zero = DoubleVector.zero(SP);
        DoubleVector sv = zero;
        DoubleVector cv = zero;
        for (int i = 0, po = 0; i < rows; i++, po += 3 * L) {
            DoubleVector s = DoubleVector.fromArray(SP, part, po + PART_S * L);
            DoubleVector c = DoubleVector.fromArray(SP, part, po + PART_C * L);
            DoubleVector s2 = sv.add(s);
            DoubleVector bp = s2.sub(sv);
            DoubleVector e = sv.sub(s2.sub(bp)).add(s.sub(bp));
            cv = cv.add(c.add(e));
            sv = s2;
        }
        sv.intoArray(out, 2);
        cv.intoArray(out, 2 + L);
        joinClasses(out, 2, out, 2 + L, 1, out);
    }

    /**
     * The last step of {@link #combineRows}, shared with {@link BatchPairwiseObjective} (whose lanes must match it
     * bitwise): the L classes' sums (s[so + q·stride], c[co + q·stride]), q = 0 … L − 1, in order by TwoSum into
     * (fs, fc) (fs' = fs + s, fc += c + e), written to out[0], out[1] after all reads.
     */
    static void joinClasses(double[] s, int so, double[] c, int co, int stride, double[] out) {
        double fs = 0.0;
        double fc = 0.0;
        for (int q = 0; q < L; q++) {
            double t = s[so + q * stride];
            double s2 = fs + t;
            double bp = s2 - fs;
            double e = (fs - (s2 - bp)) + (t - bp);
            fc = fc + (c[co + q * stride] + e);
            fs = s2;
        }
        out[0] = fs;
        out[1] = fc;
    }

    /**
     * (fs + fc) + (hi + lo) with one TwoSum and one rounding at the end (F's sum plus the double-double teacher
     * constant, before the normalisation); an infinite fs gives fs + hi (not NaN).
     */
    static double withTeacher(double fs, double fc, double hi, double lo) {
        if (!(Math.abs(fs) <= Double.MAX_VALUE)) {
            return fs + hi;
        }
        double s = fs + hi;
        double bp = s - fs;
        double e = (fs - (s - bp)) + (hi - bp);
        return s + (e + (fc + lo));
    }

    /**
     * C's column sums over the rows' column terms: for each aligned block of student columns j &lt; n, the sum over
     * rows i = 0, 1, … (in order, from 0) of gv[i·gs + j] — the rows that wrote the block (i &lt; block + L; lanes
     * j ≤ i hold zeros) — into col[j].
     */
    static void columnSums(double[] gv, int gs, int n, double[] col) {
        for (int j = 0; j < n; j += L) {
            DoubleVector acc = DoubleVector.zero(SP);
            int rows = Math.min(n, j + L);
            for (int i = 0, o = j; i < rows; i++, o += gs) {
                acc = acc.add(DoubleVector.fromArray(SP, gv, o));
            }
            acc.intoArray(col, j);
        }
    }
}
