package io.landscape.impl.objective;

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
 * lane count L (the callers pad). Tiles of 4 rows × 2 vectors: eight accumulators, one broadcast per row and two
 * vector loads per step of the inner index — 8 independent FMA chains, enough to keep two FMA pipes of 4-cycle latency
 * busy. Each output element is <em>one</em> FMA chain over the inner index in increasing order, so the result does not
 * depend on the tiling, the vector width or the thread that computed it.
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
        int i = rowFrom;
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
}
