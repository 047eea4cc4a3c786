package io.landscape.impl.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernels of {@link Cholesky#factor} (the JDK's Vector API): <em>bitwise the same factor</em>, about twice
 * as fast at m = 400 and 2000 — the Newton finish of the spurious-minima search costs two such factorisations.
 *
 * <h2>Same arithmetic</h2>
 * The textbook right-looking algorithm in panels of {@value Cholesky#PANEL} rows, driven by {@link Cholesky}'s loop:
 * pivot r_kk = √a_kk, row k of R = row k of A / r_kk, then every later a_ij (j ≥ i) receives
 * a_ij ← fma(−r_ki, r_kj, a_ij) for k = 0, 1, … in that order. Lane-wise vector fma, division and negation are the scalar IEEE operations, and the blocking only
 * reorders <em>which element</em> is updated when, never the order of one element's updates, so every r_ij is the
 * scalar loop's r_ij bit for bit ({@code VectorCholeskyTest} compares them). Hence the rigorous eigenvalue bound of the
 * certificates, which relies on that arithmetic, may use either. Used only where {@link Simd#AVAILABLE} (hardware
 * FMA, so that the scalar loop's multiply-add is a fused one too).
 *
 * <h2>Blocking</h2>
 * After a panel is factored, the trailing rows i ≥ k1 are updated by the panel's rows in tiles of 4 rows × 2 vectors
 * of columns (eight accumulators in registers while the panel's rows pass, two vector loads and four broadcasts per
 * eight FMAs), column tile outermost so that the panel's slice of the tile stays in L1. Tiles reaching below the
 * diagonal are computed whole and their strictly lower entries copied back afterwards, so the strict lower triangle is
 * left as is (as {@link Cholesky} promises). Columns past the last whole tile are done as one more tile ending at column
 * m, overlapping the last whole one (its already updated columns saved and put back): at m = 361 with 16-column tiles
 * the scalar loop over those 9 columns had made the factorization 1.7× slower than at m = 352.
 */
final class VectorCholesky {
    private static final VectorSpecies<Double> SP = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SP.length();
    private static final int W = 2 * L;
    /** Room for the entries {@link #keep} puts back in a tile of 4 rows, one per thread (no allocation per panel). */
    private static final ThreadLocal<double[]> SAVE = ThreadLocal.withInitial(() -> new double[4 * (W + 3)]);

    private VectorCholesky() {
    }

    /** Rows per sub-panel inside a panel. */
    private static final int SUB = 8;

    /**
     * The SIMD {@link Cholesky.PanelStep}: the panel is itself factored right-looking in sub-panels of {@value #SUB}
     * rows — each sub-panel by row operations ({@link #rows}), then the panel's later rows updated by it in register
     * tiles ({@link #trailing}). Every element still receives its updates in the order k = k0, k0 + 1, …, so the
     * factor is unchanged; but most of the panel's own updates now run in tiles (eight FMAs per two loads) instead of
     * one row at a time (an FMA per load and store), which had taken half of a factorization at m = 361.
     */
    static boolean panel(double[] a, int m, int k0, int k1) {
        for (int s0 = k0; s0 < k1; s0 += SUB) {
            int s1 = Math.min(k1, s0 + SUB);
            if (!rows(a, m, s0, s1)) {
                return false;
            }
            if (s1 < k1) {
                trailing(a, m, s0, s1, s1, k1);
            }
        }
        return true;
    }

    /** Pivots, scaled rows, and the updates among rows [k0, k1) only, one row at a time. */
    private static boolean rows(double[] a, int m, int k0, int k1) {
        for (int k = k0; k < k1; k++) {
            int rk = k * m;
            double p = a[rk + k];
            if (!(p > 0.0)) {
                return false;
            }
            double r = Math.sqrt(p);
            a[rk + k] = r;
            int j = k + 1;
            DoubleVector rv = DoubleVector.broadcast(SP, r);
            for (; j + L <= m; j += L) {
                DoubleVector.fromArray(SP, a, rk + j).div(rv).intoArray(a, rk + j);
            }
            for (; j < m; j++) {
                a[rk + j] /= r;
            }
            for (int i = k + 1; i < k1; i++) {
                double f = a[rk + i];
                if (f != 0.0) {
                    int ri = i * m;
                    DoubleVector nf = DoubleVector.broadcast(SP, -f);
                    int q = i;
                    for (; q + L <= m; q += L) {
                        nf.fma(DoubleVector.fromArray(SP, a, rk + q), DoubleVector.fromArray(SP, a, ri + q))
                                .intoArray(a, ri + q);
                    }
                    for (; q < m; q++) {
                        a[ri + q] = Math.fma(-f, a[rk + q], a[ri + q]);
                    }
                }
            }
        }
        return true;
    }

    /** The SIMD {@link Cholesky.TrailingStep}: rows [lo, hi), columns j ≥ i, in register tiles. */
    static void trailing(double[] a, int m, int k0, int k1, int lo, int hi) {
        double[] save = SAVE.get();
        int tiles = m / W * W; // columns [0, tiles) in whole tiles, the rest by the scalar loop
        int blocks = lo + (hi - lo) / 4 * 4;
        for (int j = lo / W * W; j < tiles; j += W) {
            int rowEnd = Math.min(hi, j + W); // rows i < j + W have upper entries in this tile
            int i = lo;
            for (; i < Math.min(blocks, rowEnd); i += 4) {
                if (j < i + 3) { // the tile reaches below the diagonal: computed whole, its lower entries put back
                    keep(a, m, i, 4, j, j, save, false);
                    tile4(a, m, k0, k1, i, j);
                    keep(a, m, i, 4, j, j, save, true);
                } else {
                    tile4(a, m, k0, k1, i, j);
                }
            }
            for (; i < rowEnd; i++) {
                keep(a, m, i, 1, j, j, save, false);
                tile1(a, m, k0, k1, i, j);
                keep(a, m, i, 1, j, j, save, true);
            }
        }
        if (tiles < m && tiles > 0) {
            // columns [tiles, m) as one more tile, over [m − W, m): it overlaps the last whole tile, whose columns
            // [m − W, tiles) are already updated, so those (and any strictly lower entries) are saved before and put
            // back after; the new columns get exactly the updates the scalar loop gives them
            int j = m - W;
            int i = lo;
            for (; i < blocks; i += 4) {
                keep(a, m, i, 4, j, tiles, save, false);
                tile4(a, m, k0, k1, i, j);
                keep(a, m, i, 4, j, tiles, save, true);
            }
            for (; i < hi; i++) {
                keep(a, m, i, 1, j, tiles, save, false);
                tile1(a, m, k0, k1, i, j);
                keep(a, m, i, 1, j, tiles, save, true);
            }
        } else if (tiles < m) { // m < W: no whole tile at all, the scalar loop
            for (int i = lo; i < hi; i++) {
                int ri = i * m;
                for (int j = i; j < m; j++) {
                    double t = a[ri + j];
                    for (int k = k0; k < k1; k++) {
                        t = Math.fma(-a[k * m + i], a[k * m + j], t);
                    }
                    a[ri + j] = t;
                }
            }
        }
    }

    /** Rows i … i+3, columns j … j+W−1. */
    private static void tile4(double[] a, int m, int k0, int k1, int i, int j) {
        int r0 = i * m + j;
        int r1 = r0 + m;
        int r2 = r1 + m;
        int r3 = r2 + m;
        DoubleVector c00 = DoubleVector.fromArray(SP, a, r0);
        DoubleVector c01 = DoubleVector.fromArray(SP, a, r0 + L);
        DoubleVector c10 = DoubleVector.fromArray(SP, a, r1);
        DoubleVector c11 = DoubleVector.fromArray(SP, a, r1 + L);
        DoubleVector c20 = DoubleVector.fromArray(SP, a, r2);
        DoubleVector c21 = DoubleVector.fromArray(SP, a, r2 + L);
        DoubleVector c30 = DoubleVector.fromArray(SP, a, r3);
        DoubleVector c31 = DoubleVector.fromArray(SP, a, r3 + L);
        for (int k = k0, rk = k0 * m; k < k1; k++, rk += m) {
            DoubleVector p0 = DoubleVector.fromArray(SP, a, rk + j);
            DoubleVector p1 = DoubleVector.fromArray(SP, a, rk + j + L);
            DoubleVector f0 = DoubleVector.broadcast(SP, -a[rk + i]);
            DoubleVector f1 = DoubleVector.broadcast(SP, -a[rk + i + 1]);
            DoubleVector f2 = DoubleVector.broadcast(SP, -a[rk + i + 2]);
            DoubleVector f3 = DoubleVector.broadcast(SP, -a[rk + i + 3]);
            c00 = f0.fma(p0, c00);
            c01 = f0.fma(p1, c01);
            c10 = f1.fma(p0, c10);
            c11 = f1.fma(p1, c11);
            c20 = f2.fma(p0, c20);
            c21 = f2.fma(p1, c21);
            c30 = f3.fma(p0, c30);
            c31 = f3.fma(p1, c31);
        }
        c00.intoArray(a, r0);
        c01.intoArray(a, r0 + L);
        c10.intoArray(a, r1);
        c11.intoArray(a, r1 + L);
        c20.intoArray(a, r2);
        c21.intoArray(a, r2 + L);
        c30.intoArray(a, r3);
        c31.intoArray(a, r3 + L);
    }

    /** Row i, columns j … j+W−1. */
    private static void tile1(double[] a, int m, int k0, int k1, int i, int j) {
        int r0 = i * m + j;
        DoubleVector c0 = DoubleVector.fromArray(SP, a, r0);
        DoubleVector c1 = DoubleVector.fromArray(SP, a, r0 + L);
        for (int k = k0, rk = k0 * m; k < k1; k++, rk += m) {
            DoubleVector f = DoubleVector.broadcast(SP, -a[rk + i]);
            c0 = f.fma(DoubleVector.fromArray(SP, a, rk + j), c0);
            c1 = f.fma(DoubleVector.fromArray(SP, a, rk + j + L), c1);
        }
        c0.intoArray(a, r0);
        c1.intoArray(a, r0 + L);
    }

    /**
     * Copies row r ∈ [i, i + rows)'s entries in columns [j, max(upTo, r)) — the strictly lower ones and those before
     * column {@code upTo} — to/from {@code save} (at most W + 3 per row).
     */
    private static void keep(double[] a, int m, int i, int rows, int j, int upTo, double[] save, boolean restore) {
        int o = 0;
        for (int r = 0; r < rows; r++) {
            int ri = (i + r) * m;
            int end = Math.max(upTo, i + r);
            for (int c = j; c < end; c++, o++) {
                if (restore) {
                    a[ri + c] = save[o];
                } else {
                    save[o] = a[ri + c];
                }
            }
        }
    }
}
