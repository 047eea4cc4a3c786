package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.landscape.impl.TestSupport;

/** The dense kernels of {@link VectorDense} against plain loops and against each other, bitwise. */
class VectorDenseTest {

    /**
     * B (inner × cols) row-major into b and in the panel layout into bp: columns below {@code d} random over many
     * orders of magnitude, the padding columns from d on zero (as the evaluator's).
     */
    private static void fillB(Random rnd, int inner, int cols, int d, double[] b, double[] bp) {
        for (int q = 0; q < inner; q++) {
            for (int j = 0; j < cols; j++) {
                double v = j < d ? rnd.nextGaussian() * Math.exp(3 * rnd.nextGaussian()) : 0.0;
                b[q * cols + j] = v;
                bp[VectorDense.panelIndex(q, j, inner, cols)] = v;
            }
        }
    }

    /**
     * {@link VectorDense#productPanels} (B in the panel layout) gives bitwise the entries of {@link VectorDense#product}
     * (B row-major), and both are the plain FMA chain Σ_q a_iq·b_qj in increasing q — for row counts that exercise
     * every tile height (8, 4, 1), column counts with and without a last one-vector panel, row ranges that do not
     * start at 0, and the upper-triangle mode (every entry j ≥ i compared); and so do both with A's columns, all or
     * the first half, also given transposed (the 8-row tiles read those there, then go on row by row).
     */
    @Test
    void panelProductIsBitwiseTheRowMajorProductAndTheFmaChain() {
        assumeTrue(VectorPairwiseObjective.isAvailable(), "Vector API not available");
        int lanes = VectorDense.lanes();
        Random rnd = new Random(20261205L);
        int checked = 0;
        for (int rows : new int[] {1, 3, 4, 7, 8, 9, 13, 21, 37}) {
            for (int inner : new int[] {1, 5, 16, 23}) {
                for (int vecs = 1; vecs <= 5; vecs++) {
                    int cols = vecs * lanes;
                    for (boolean upper : new boolean[] {false, true}) {
                        if (upper && cols < rows) {
                            continue;
                        }
                        int as = inner + 3;
                        double[] a = TestSupport.gaussian(rnd, rows * as, 1.0);
                        double[] b = new double[inner * cols];
                        double[] bp = new double[inner * cols];
                        fillB(rnd, inner, cols, cols, b, bp);
                        int from = rows > 5 ? 2 : 0;
                        double[] out1 = new double[rows * cols];
                        double[] out2 = new double[rows * cols];
                        double[] out3 = new double[rows * cols];
                        VectorDense.product(a, as, from, rows, inner, b, cols, cols, out1, cols, upper);
                        VectorDense.productPanels(a, as, from, rows, inner, bp, cols, out2, cols, upper);
                        // A also transposed (at[q·ats + i] = a[i·as + q], stride ats > rows): the 8-row tiles read it
                        int ats = rows + 5;
                        double[] aT = new double[inner * ats];
                        for (int i = 0; i < rows; i++) {
                            for (int q = 0; q < inner; q++) {
                                aT[q * ats + i] = a[i * as + q];
                            }
                        }
                        VectorDense.product(a, as, aT, ats, inner, from, rows, inner, b, cols, cols, out3, cols,
                                upper);
                        // A's first `split` columns transposed, the rest row by row (the 8-row tiles in two parts)
                        int split = inner / 2;
                        double[] out4 = new double[rows * cols];
                        double[] out5 = new double[rows * cols];
                        VectorDense.product(a, as, aT, ats, split, from, rows, inner, b, cols, cols, out4, cols,
                                upper);
                        VectorDense.productPanels(a, as, aT, ats, split, from, rows, inner, bp, cols, out5, cols,
                                upper);
                        for (int i = from; i < rows; i++) {
                            for (int j = upper ? i : 0; j < cols; j++) {
                                double chain = 0.0;
                                for (int q = 0; q < inner; q++) {
                                    chain = Math.fma(a[i * as + q], b[q * cols + j], chain);
                                }
                                String at = rows + "×" + inner + "×" + cols + (upper ? " upper" : "") + " (" + i
                                        + ", " + j + ")";
                                assertEquals(Double.doubleToRawLongBits(chain),
                                        Double.doubleToRawLongBits(out1[i * cols + j]), "row-major " + at);
                                assertEquals(Double.doubleToRawLongBits(chain),
                                        Double.doubleToRawLongBits(out2[i * cols + j]), "panels " + at);
                                assertEquals(Double.doubleToRawLongBits(chain),
                                        Double.doubleToRawLongBits(out3[i * cols + j]), "A transposed " + at);
                                assertEquals(Double.doubleToRawLongBits(chain),
                                        Double.doubleToRawLongBits(out4[i * cols + j]), "A split " + at);
                                assertEquals(Double.doubleToRawLongBits(chain),
                                        Double.doubleToRawLongBits(out5[i * cols + j]), "panels, A split " + at);
                                checked++;
                            }
                        }
                        // rows before `from` are not written (the row-major product's last 4-row tile may start
                        // before its 8- and 4-row tiles end, never before `from`)
                        for (int e = 0; e < from * cols; e++) {
                            assertEquals(0.0, out1[e]);
                            assertEquals(0.0, out2[e]);
                            assertEquals(0.0, out3[e]);
                            assertEquals(0.0, out4[e]);
                            assertEquals(0.0, out5[e]);
                        }
                    }
                }
            }
        }
        assertTrue(checked > 10_000, "entries compared: " + checked);
    }

    /** {@link VectorDense#scaleOut}: the scaled rows without their padding, and false for an overflow or a NaN. */
    @Test
    void scaleOutCopiesScaledRowsAndDetectsNonFiniteEntries() {
        assumeTrue(VectorPairwiseObjective.isAvailable(), "Vector API not available");
        int lanes = VectorDense.lanes();
        Random rnd = new Random(7);
        for (int d : new int[] {1, lanes - 1, lanes, lanes + 3, 3 * lanes + 1}) {
            int n = 5;
            int dp = (d + lanes - 1) / lanes * lanes;
            double[] gp = new double[n * dp];
            for (int e = 0; e < gp.length; e++) {
                gp[e] = rnd.nextGaussian();
            }
            double[] g = new double[n * d];
            assertTrue(VectorDense.scaleOut(gp, dp, n, d, 0.75, g));
            for (int i = 0; i < n; i++) {
                for (int q = 0; q < d; q++) {
                    assertEquals(0.75 * gp[i * dp + q], g[i * d + q]);
                }
            }
            for (int pos : new int[] {0, d - 1, (n - 1) * dp + d - 1, 2 * dp + d / 2}) {
                for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.MAX_VALUE}) {
                    double keep = gp[pos];
                    gp[pos] = bad;
                    // MAX_VALUE · 2 overflows; NaN and ∞ stay what they are
                    assertFalse(VectorDense.scaleOut(gp, dp, n, d, 2.0, g), "d = " + d + ", entry " + pos + " = " + bad);
                    gp[pos] = keep;
                }
            }
            // a non-finite value in the padding (columns ≥ d) is never copied into g; it may be reported (rows copied
            // in whole vectors check their padding: there it is C·0, not finite only where a coefficient is not),
            // always in a row copied in whole vectors, never in the last row when d is not a multiple of the lanes
            if (dp > d) {
                for (int row : new int[] {0, n - 1}) {
                    int pos = row * dp + dp - 1;
                    gp[pos] = Double.NaN;
                    java.util.Arrays.fill(g, 0.0);
                    boolean finite = VectorDense.scaleOut(gp, dp, n, d, 1.0, g);
                    assertEquals(row * d + dp > n * d, finite, "d = " + d + ", NaN in the padding of row " + row);
                    for (int i = 0; i < n; i++) {
                        for (int q = 0; q < d; q++) {
                            assertEquals(gp[i * dp + q], g[i * d + q]);
                        }
                    }
                    gp[pos] = 0.0;
                }
            }
        }
    }

    /**
     * An output stride below the padded width (the gradient written straight into g, stride d &lt; cols): every row's
     * first d entries are bitwise those of the padded output, for both layouts of B — a row's last vector runs into
     * the next rows, which are written after it — and nothing past the last row's run is touched.
     */
    @Test
    void productsIntoAnUnpaddedOutputGiveThePaddedOnesEntries() {
        assumeTrue(VectorPairwiseObjective.isAvailable(), "Vector API not available");
        int lanes = VectorDense.lanes();
        Random rnd = new Random(41);
        int checked = 0;
        for (int rows : new int[] {2, 5, 8, 9, 13, 21}) {
            for (int d : new int[] {lanes / 2, lanes + 1, 2 * lanes + 3, 3 * lanes + 4, 4 * lanes + 4, 6 * lanes + 1}) {
                int cols = (d + lanes - 1) / lanes * lanes;
                // the rows whose run still ends inside rows·d entries (as VectorPairwiseObjective chooses them)
                int m = rows - 1;
                while (m > 0 && (m - 1) * d + cols > rows * d) {
                    m--;
                }
                if (m == 0) {
                    continue;
                }
                int inner = 11;
                int as = inner + 2;
                double[] a = TestSupport.gaussian(rnd, rows * as, 1.0);
                double[] b = new double[inner * cols];
                double[] bp = new double[inner * cols];
                fillB(rnd, inner, cols, d, b, bp);
                double[] padded = new double[rows * cols];
                VectorDense.product(a, as, 0, rows, inner, b, cols, cols, padded, cols, false);
                double[] g1 = new double[rows * d + 1];
                double[] g2 = new double[rows * d + 1];
                g1[rows * d] = 7.0;
                g2[rows * d] = 7.0;
                VectorDense.product(a, as, 0, m, inner, b, cols, cols, g1, d, false);
                VectorDense.productPanels(a, as, 0, m, inner, bp, cols, g2, d, false);
                for (int i = 0; i < m; i++) {
                    for (int q = 0; q < d; q++) {
                        String at = rows + "×" + d + " (" + i + ", " + q + ")";
                        long want = Double.doubleToRawLongBits(padded[i * cols + q]);
                        assertEquals(want, Double.doubleToRawLongBits(g1[i * d + q]), "row-major " + at);
                        assertEquals(want, Double.doubleToRawLongBits(g2[i * d + q]), "panels " + at);
                        checked++;
                    }
                }
                assertEquals(7.0, g1[rows * d]);
                assertEquals(7.0, g2[rows * d]);
            }
        }
        assertTrue(checked > 1_000, "entries compared: " + checked);
    }

    /** {@link VectorDense#allFinite}: true for finite entries, false for one NaN, ±∞ anywhere in [0, len), not after. */
    @Test
    void allFiniteFindsEveryNonFiniteEntry() {
        assumeTrue(VectorPairwiseObjective.isAvailable(), "Vector API not available");
        Random rnd = new Random(3);
        for (int len : new int[] {0, 1, 7, 8, 9, 31, 32, 33, 100, 403}) {
            double[] v = new double[len + 2];
            for (int e = 0; e < v.length; e++) {
                v[e] = rnd.nextGaussian() * 1e307;
            }
            v[len] = Double.NaN;
            assertTrue(VectorDense.allFinite(v, len), "len " + len);
            for (int pos = 0; pos < len; pos++) {
                for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                    double keep = v[pos];
                    v[pos] = bad;
                    assertFalse(VectorDense.allFinite(v, len), "len " + len + ", entry " + pos + " = " + bad);
                    v[pos] = keep;
                }
            }
        }
    }

    /**
     * The angle pass's c, s = √((1 − c)(1 + c)) and θ against the exact values: s within 1 ulp of √(1 − c²) to 40
     * digits and θ within 2 ulps of {@link StrictMath#acos} (itself within 1 ulp) for c uniform on [−0.9, 0.9] and
     * densely around 0 and ±½ (where the arccos switches between its two reductions); each lane's results depend on
     * its own c only, whatever the other lanes of its block hold ({@link BatchPairwiseObjective}, which groups lanes
     * differently, relies on it).
     */
    @Test
    void anglePassIsAccurateAndLaneByLane() {
        assumeTrue(VectorPairwiseObjective.isAvailable(), "Vector API not available");
        int lanes = VectorDense.lanes();
        Random rnd = new Random(20261206L);
        int blocks = 4096;
        int to = (blocks + 1) * lanes;
        double[] dots = new double[to + lanes];
        double[] inv = new double[to + lanes];
        java.util.Arrays.fill(inv, 1.0);
        for (int j = lanes; j < to; j++) {
            double c;
            switch (j % 4) {
                case 0:
                    c = 1.8 * rnd.nextDouble() - 0.9;
                    break;
                case 1:
                    c = (rnd.nextBoolean() ? 0.5 : -0.5) + 1e-6 * rnd.nextGaussian();
                    break;
                case 2:
                    c = 1e-3 * rnd.nextGaussian() * Math.exp(-10 * rnd.nextDouble());
                    break;
                default:
                    c = (rnd.nextBoolean() ? 0.9 : -0.9) * rnd.nextDouble();
                    break;
            }
            dots[j] = c;
        }
        dots[lanes] = 0.5;
        dots[lanes + 1] = -0.5;
        dots[lanes + 2] = Math.nextDown(0.5);
        dots[lanes + 3] = -Math.nextDown(0.5);
        dots[lanes + 4] = 0.0;
        dots[lanes + 5] = 0.9;
        dots[lanes + 6] = -0.9;
        double[] cRow = new double[to + lanes];
        double[] sRow = new double[to + lanes];
        double[] tRow = new double[to + lanes];
        VectorDense.angles(dots, to, 0, 1, to, inv, new double[1], 1, new double[1], 1, 1, cRow, sRow, tRow, to,
                new PairGeometry());
        java.math.MathContext mc = new java.math.MathContext(40);
        double worst = 0;
        for (int j = lanes; j < to; j++) {
            double c = dots[j];
            assertEquals(c, cRow[j], 0.0);
            java.math.BigDecimal bc = new java.math.BigDecimal(c);
            double exact = java.math.BigDecimal.ONE.subtract(bc.multiply(bc)).sqrt(mc).doubleValue();
            double ulps = Math.abs(sRow[j] - exact) / Math.ulp(exact);
            worst = Math.max(worst, ulps);
            assertTrue(ulps <= 1.0, "s at c = " + c + ": " + sRow[j] + " against " + exact + " (" + ulps + " ulps)");
            double acos = StrictMath.acos(c);
            assertTrue(Math.abs(tRow[j] - acos) <= 2 * Math.ulp(acos), "θ at c = " + c + ": " + tRow[j]
                    + " against " + acos);
        }
        assertTrue(worst > 0.0, "every s exact: the comparison did not run");
        // the same c in another block, with other neighbours, gives the same bits
        double[] dots2 = new double[to + lanes];
        for (int j = lanes; j < to; j++) {
            dots2[j] = dots[lanes + (j - lanes + 3 * lanes + 5) % (to - lanes)];
        }
        double[] s2 = new double[to + lanes];
        double[] t2 = new double[to + lanes];
        VectorDense.angles(dots2, to, 0, 1, to, inv, new double[1], 1, new double[1], 1, 1, new double[to + lanes],
                s2, t2, to, new PairGeometry());
        for (int j = lanes; j < to; j++) {
            int src = lanes + (j - lanes + 3 * lanes + 5) % (to - lanes);
            assertEquals(Double.doubleToRawLongBits(sRow[src]), Double.doubleToRawLongBits(s2[j]), "s, c = " + dots[src]);
            assertEquals(Double.doubleToRawLongBits(tRow[src]), Double.doubleToRawLongBits(t2[j]), "θ, c = " + dots[src]);
        }
    }
}
