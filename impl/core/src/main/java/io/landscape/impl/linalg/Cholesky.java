package io.landscape.impl.linalg;


/**
 * Dense Cholesky factorization A = RᵀR of a symmetric row-major matrix, in place on the upper triangle, and the
 * solves with its factor. One implementation serves the rigorous λ_min bound of the certificates
 * ({@code certify.EigenvalueBound}, which relies on its arithmetic being exactly the textbook algorithm's) and the
 * Newton finish of gradient descent ({@code optim.GradientDescent}). The scalar loop does about 10·10⁹
 * multiply-adds/s on one core at m = 400 (2.4× EJML's {@code LinearSolverChol_DDRM}) and 21·10⁹/s on two cores at
 * m = 6000; where the Vector API is available {@link VectorCholesky} computes the same factor about twice as fast.
 * No allocation without helpers or below the parallel threshold (JMH {@code -prof gc}: 5 B per factorization at m = 400).
 */
public final class Cholesky {
    private Cholesky() {
    }

    /**
     * In-place Cholesky A = RᵀR on the upper triangle of the row-major m×m matrix (R overwrites it; the strict lower
     * triangle is ignored and left as is), right-looking in panels of {@value #PANEL} rows: once row k of R is formed,
     * row i &gt; k is updated by a contiguous axpy a_ij −= r_ki r_kj (j ≥ i), which the JIT vectorises; rows below
     * the current panel receive the panel's rows one after the other while they stay in cache. Every a_ij still
     * receives its updates in the order q = 0, 1, …, so each r_ij is a_ij − Σ_{q&lt;i} r_qi r_qj summed left to right:
     * the standard algorithm analysed in Higham Thm 10.3, with the same result as the unblocked loop. For
     * Returns false on a non-positive (or NaN) pivot. Where {@link Simd#AVAILABLE}, the register-blocked kernels of
     * {@link VectorCholesky} do the same arithmetic (bitwise the same factor) about twice as fast. Runs on the
     * caller's thread alone: {@link #factor(double[], int, Workers)} shares the work.
     */
    public static boolean factor(double[] a, int m) {
        return factor(a, m, Workers.NONE);
    }

    /**
     * {@link #factor(double[], int)} with the trailing rows of each panel updated by {@code workers} for
     * m ≥ {@value #PARALLEL_FROM} (independent rows, the same arithmetic: bitwise the same factor for every
     * {@code workers}, {@link Workers#NONE} included).
     */
    public static boolean factor(double[] a, int m, Workers workers) {
        if (Simd.AVAILABLE) {
            return blocked(a, m, VectorCholesky::panel, VectorCholesky::trailing, workers);
        }
        return blocked(a, m, Cholesky::panel, Cholesky::trailing, workers);
    }

    /**
     * {@link #factor} without SIMD kernels (the same factor bit for bit): the reference the vector version is tested
     * and benchmarked against.
     */
    public static boolean factorScalar(double[] a, int m) {
        return factorScalar(a, m, Workers.NONE);
    }

    /** {@link #factorScalar(double[], int)} with the trailing updates shared by {@code workers} (same factor). */
    public static boolean factorScalar(double[] a, int m, Workers workers) {
        return blocked(a, m, Cholesky::panel, Cholesky::trailing, workers);
    }

    /** Factors the panel rows [k0, k1) among themselves (pivots, scaled rows); false on a non-positive pivot. */
    interface PanelStep {
        boolean factor(double[] a, int m, int k0, int k1);
    }

    /** Rows [lo, hi) (all ≥ k1), columns j ≥ i: a_ij −= r_ki r_kj for k = k0, …, k1 − 1 in that order. */
    interface TrailingStep {
        void update(double[] a, int m, int k0, int k1, int lo, int hi);
    }

    /**
     * The right-looking blocked loop shared by the scalar and the SIMD kernels: each panel of {@value #PANEL} rows is
     * factored, then the rows below it are updated by it — split into work-balanced row ranges updated by
     * {@code workers} for m ≥ {@value #PARALLEL_FROM} (independent rows, the same arithmetic).
     */
    private static boolean blocked(double[] a, int m, PanelStep panel, TrailingStep trailing, Workers workers) {
        for (int k0 = 0; k0 < m; k0 += PANEL) {
            int k1 = Math.min(m, k0 + PANEL);
            if (!panel.factor(a, m, k0, k1)) {
                return false;
            }
            final int from = k1;
            final int p0 = k0;
            if (m - from >= 2 * PANEL && m >= PARALLEL_FROM && workers.helpers() > 0) {
                int chunks = Math.min(64, (m - from + PANEL - 1) / PANEL);
                int[] bounds = balancedChunks(from, m, chunks);
                workers.forEach(chunks, c -> trailing.update(a, m, p0, from, bounds[c], bounds[c + 1]));
            } else if (from < m) {
                trailing.update(a, m, k0, k1, k1, m);
            }
        }
        return true;
    }

    /** The scalar {@link PanelStep}: pivot, row k / r_kk, then the panel's own later rows. */
    private static boolean panel(double[] a, int m, int k0, int k1) {
        for (int k = k0; k < k1; k++) {
            int rk = k * m;
            double p = a[rk + k];
            if (!(p > 0.0)) {
                return false;
            }
            double r = Math.sqrt(p);
            a[rk + k] = r;
            for (int j = k + 1; j < m; j++) {
                a[rk + j] /= r;
            }
            // rows of the panel only; the rows below it are updated by the whole panel at once
            for (int i = k + 1; i < k1; i++) {
                double f = a[rk + i];
                if (f != 0.0) {
                    int ri = i * m;
                    for (int j = i; j < m; j++) {
                        a[ri + j] = madd(-f, a[rk + j], a[ri + j]);
                    }
                }
            }
        }
        return true;
    }

    /**
     * Boundaries of {@code chunks} row ranges of [from, m) carrying equal work (row i of the upper triangle has m − i
     * entries), so that the threads reach the end of each panel's update together.
     */
    static int[] balancedChunks(int from, int m, int chunks) {
        int[] bounds = new int[chunks + 1];
        double total = 0.5 * (m - from) * (double) (m - from + 1);
        double acc = 0;
        int c = 1;
        bounds[0] = from;
        for (int i = from; i < m && c < chunks; i++) {
            acc += m - i;
            while (c < chunks && acc >= total * c / chunks) {
                bounds[c++] = i + 1;
            }
        }
        while (c <= chunks) {
            bounds[c++] = m;
        }
        return bounds;
    }

    /**
     * The scalar {@link TrailingStep}. Rows [lo, hi) −= the contributions of the panel rows [k0, k1), in the order k0,
     * k0 + 1, …, in column tiles of
     * {@value #TILE}: the panel's tile (PANEL × TILE doubles) stays in the core's L2 cache and the row segments being
     * updated in L1 while every row of [lo, hi) passes, instead of streaming whole rows of length m from memory
     * (1.35× faster at m = 6000). The order of the updates of each element is unchanged.
     */
    private static void trailing(double[] a, int m, int k0, int k1, int lo, int hi) {
        for (int jt = lo; jt < m; jt += TILE) {
            int jEnd = Math.min(m, jt + TILE);
            int iEnd = Math.min(hi, jEnd);
            int i = lo;
            for (; i + 1 < iEnd; i += 2) {
                rows2(a, m, k0, k1, i, Math.max(i, jt), jEnd);
            }
            for (; i < iEnd; i++) {
                row1(a, m, k0, k1, i, Math.max(i, jt), jEnd);
            }
        }
    }

    /** Rows i and i+1, columns [j0, jEnd) of the upper triangle (j0 = i on the diagonal tile, else j0 &gt; i). */
    private static void rows2(double[] a, int m, int k0, int k1, int i, int j0, int jEnd) {
        int ri = i * m;
        int rn = ri + m;
        boolean diagonal = j0 == i;
        int js = diagonal ? i + 1 : j0;
        int k = k0;
        // two rows at a time share the loads of four panel rows
        for (; k + 3 < k1; k += 4) {
            int r0 = k * m;
            int r1 = r0 + m;
            int r2 = r1 + m;
            int r3 = r2 + m;
            double f0 = a[r0 + i];
            double f1 = a[r1 + i];
            double f2 = a[r2 + i];
            double f3 = a[r3 + i];
            double g0 = a[r0 + i + 1];
            double g1 = a[r1 + i + 1];
            double g2 = a[r2 + i + 1];
            double g3 = a[r3 + i + 1];
            if (diagonal) {
                double t = a[ri + i];
                t = madd(-f0, f0, t);
                t = madd(-f1, f1, t);
                t = madd(-f2, f2, t);
                t = madd(-f3, f3, t);
                a[ri + i] = t;
            }
            for (int j = js; j < jEnd; j++) {
                double p0 = a[r0 + j];
                double p1 = a[r1 + j];
                double p2 = a[r2 + j];
                double p3 = a[r3 + j];
                double x = a[ri + j];
                x = madd(-f0, p0, x);
                x = madd(-f1, p1, x);
                x = madd(-f2, p2, x);
                x = madd(-f3, p3, x);
                a[ri + j] = x;
                double y = a[rn + j];
                y = madd(-g0, p0, y);
                y = madd(-g1, p1, y);
                y = madd(-g2, p2, y);
                y = madd(-g3, p3, y);
                a[rn + j] = y;
            }
        }
        for (; k < k1; k++) {
            int rk = k * m;
            double f = a[rk + i];
            double g = a[rk + i + 1];
            if (diagonal) {
                a[ri + i] = madd(-f, f, a[ri + i]);
            }
            for (int j = js; j < jEnd; j++) {
                double p = a[rk + j];
                a[ri + j] = madd(-f, p, a[ri + j]);
                a[rn + j] = madd(-g, p, a[rn + j]);
            }
        }
    }

    /** Row i, columns [j0, jEnd). */
    private static void row1(double[] a, int m, int k0, int k1, int i, int j0, int jEnd) {
        int ri = i * m;
        int k = k0;
        // four panel rows per sweep: a_ij stays in a register, the subtractions keep their order k, k+1, k+2, k+3
        for (; k + 3 < k1; k += 4) {
            int r0 = k * m;
            int r1 = r0 + m;
            int r2 = r1 + m;
            int r3 = r2 + m;
            double f0 = a[r0 + i];
            double f1 = a[r1 + i];
            double f2 = a[r2 + i];
            double f3 = a[r3 + i];
            for (int j = j0; j < jEnd; j++) {
                double t = a[ri + j];
                t = madd(-f0, a[r0 + j], t);
                t = madd(-f1, a[r1 + j], t);
                t = madd(-f2, a[r2 + j], t);
                t = madd(-f3, a[r3 + j], t);
                a[ri + j] = t;
            }
        }
        for (; k < k1; k++) {
            int rk = k * m;
            double f = a[rk + i];
            for (int j = j0; j < jEnd; j++) {
                a[ri + j] = madd(-f, a[rk + j], a[ri + j]);
            }
        }
    }

    private static final int TILE = 512;

    private static double madd(double a, double b, double c) {
        return SmallMatrices.madd(a, b, c);
    }

    private static final int PARALLEL_FROM = 768;
    static final int PANEL = 48;

    /**
     * Solves RᵀR y = b in place like {@link #solve}, with the backward substitution's dot products summed in eight
     * interleaved partial sums (entry j of row i into sum (j − i − 1) mod 8, fused multiply-adds, then
     * ((s₀+s₁)+(s₂+s₃))+((s₄+s₅)+(s₆+s₇)) and the row's last entries one by one): a different but fixed rounding
     * order, and faster than {@link #solve}'s single left-to-right sum, whose additions wait on each other (56 vs
     * 71 µs at m = 400). Plain scalar code: a Vector API version (37 µs) made whole sweeps 1.5× slower in some JVMs,
     * depending on the JIT's inlining. For iterations such as Newton steps; the certificates keep {@link #solve}.
     */
    public static void solveInterleaved(double[] r, int m, double[] y) {
        forward(r, m, y);
        for (int i = m - 1; i >= 0; i--) {
            int ri = i * m;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double s5 = 0;
            double s6 = 0;
            double s7 = 0;
            int j = i + 1;
            for (; j + 8 <= m; j += 8) {
                int o = ri + j;
                s0 = Math.fma(r[o], y[j], s0);
                s1 = Math.fma(r[o + 1], y[j + 1], s1);
                s2 = Math.fma(r[o + 2], y[j + 2], s2);
                s3 = Math.fma(r[o + 3], y[j + 3], s3);
                s4 = Math.fma(r[o + 4], y[j + 4], s4);
                s5 = Math.fma(r[o + 5], y[j + 5], s5);
                s6 = Math.fma(r[o + 6], y[j + 6], s6);
                s7 = Math.fma(r[o + 7], y[j + 7], s7);
            }
            double dot = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
            for (; j < m; j++) {
                dot = Math.fma(r[ri + j], y[j], dot);
            }
            y[i] = (y[i] - dot) / r[ri + i];
        }
    }

    /** Rᵀz = b in place, row by row: z_i = b_i/r_ii, then b_j −= r_ij z_i for j &gt; i (the first half of both solves). */
    private static void forward(double[] r, int m, double[] y) {
        for (int i = 0; i < m; i++) {
            int ri = i * m;
            double z = y[i] / r[ri + i];
            y[i] = z;
            for (int j = i + 1; j < m; j++) {
                y[j] -= r[ri + j] * z;
            }
        }
    }

    /** Solves RᵀR y = b in place (R the upper triangle of the factored array). */
    public static void solve(double[] r, int m, double[] y) {
        forward(r, m, y);
        for (int i = m - 1; i >= 0; i--) {
            int ri = i * m;
            double s = y[i];
            for (int j = i + 1; j < m; j++) {
                s -= r[ri + j] * y[j];
            }
            y[i] = s / r[ri + i];
        }
    }

}
