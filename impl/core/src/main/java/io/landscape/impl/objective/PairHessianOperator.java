package io.landscape.impl.objective;

import io.landscape.api.InvalidPointException;
import io.landscape.api.NotDifferentiableException;
import io.landscape.api.Problem;
import io.landscape.api.function.NetworkHessian;
import io.landscape.impl.kernel.PairKernel;
import io.landscape.impl.linalg.SmallMatrices;

/**
 * The Hessian ∇²F at one point as a matrix-free operator: H·u at about the cost of one gradient, and single d×d blocks,
 * without forming the (n·d)² matrix (800 MB at k = n = d = 100).
 *
 * <p><b>Why it is cheap.</b> Every block of H is built from the unit vectors of its pair (see
 * {@link PairwiseObjective}): H_ij = w(e0 I + â_i xᵀ + n yᵀ) with x, y, n in span{â_i, â_j}, and each term of a
 * diagonal block is w(α I + â_i(…)ᵀ + n(…)ᵀ) with n in span{â_i, partner}. So (H·u)_i is a combination of the u_j, the
 * student unit vectors â_j and the teacher unit vectors v̂_l whose coefficients need only the dot products
 * u_i·â_j and u_i·v̂_l:
 * <ol>
 * <li>D = U·[Âᵀ V̂ᵀ] (n × (n + k), one dense product);</li>
 * <li>per pair, O(1) arithmetic on the 13 kernel coefficients (computed once, when the operator is formed) gives the
 * coefficient rows [S | T] (S on the u_j, T on the â_j and v̂_l);</li>
 * <li>H·u = c·[S | T]·[U; Â; V̂] (one dense product, inner dimension 2n + k).</li>
 * </ol>
 * Products: (2n + k)·n·d + (n + k)·n·d multiply-adds — 1.5× the gradient's at n = k — plus a pass over the pairs with no
 * angles and no kernel calls. Forming the operator costs one pass of angles and second-order kernel calls (as the dense
 * Hessian, without its (n·d)² writes). The dense products use the SIMD tiles of {@link VectorDense} where the Vector API
 * is available and the same one-FMA-chain-per-entry order in scalar code otherwise.
 *
 * <p>Not thread-safe (scratch space for the products); form one per thread. Allocation-free per product.
 */
public final class PairHessianOperator implements NetworkHessian {
    /** Per pair: w·o[0..12] (13), c, 1/s (0 when s = 0), s. */
    private static final int STRIDE = 16;

    private final int n;
    private final int k;
    private final int d;
    private final int nk;
    private final int dp;
    private final int np;
    private final int zrows;
    private final int zp;
    private final double scale;
    private final boolean simd;
    /** [U; Â; V̂], (2n + k) × dp: rows 0..n−1 are the vector of the current product. */
    private final double[] z;
    /** [Âᵀ V̂ᵀ], d × np. */
    private final double[] unitT;
    /** D = U·[Âᵀ V̂ᵀ], n × np. */
    private final double[] dots;
    /** [S | T], n × zp. */
    private final double[] coef;
    private final double[] outP;
    /** Student pairs (i &lt; j) in row order, then student–teacher pairs (i, l). */
    private final double[] pairs;
    /** Self terms: σ_i = ½a_i²D′/r_i and ½a_i²D″ − σ_i. */
    private final double[] selfSigma;
    private final double[] selfU;
    private final io.landscape.api.Hessian dense;
    private final double[] point;

    /**
     * Forms the operator at x.
     *
     * @throws InvalidPointException if x has the wrong length or a NaN or infinite entry
     * @throws NotDifferentiableException at a zero neuron
     * @throws NonFiniteObjectiveException if a neuron's norm is below the smallest normal double or a coefficient is
     *                                     not finite
     */
    public PairHessianOperator(Problem problem, PairKernel kernel, double[] x) {
        this(problem, kernel, x, null);
    }

    /**
     * As {@link #PairHessianOperator(Problem, PairKernel, double[])}; {@link #toDense(double[])} asks {@code dense} (the
     * objective's assembled Hessian, bitwise what {@code hessian().evaluate} gives) instead of multiplying columns.
     */
    public PairHessianOperator(Problem problem, PairKernel kernel, double[] x, io.landscape.api.Hessian dense) {
        this.dense = dense;
        this.point = x.clone();
        this.n = problem.studentCount();
        this.k = problem.teacherCount();
        this.d = problem.inputDimension();
        this.nk = n + k;
        this.scale = problem.normalization().factorRelativeToHalf();
        this.simd = VectorPairwiseObjective.isAvailable();
        int lanes = simd ? VectorDense.lanes() : 1;
        this.dp = (d + lanes - 1) / lanes * lanes;
        this.np = (nk + lanes - 1) / lanes * lanes;
        this.zrows = 2 * n + k;
        this.zp = (zrows + lanes - 1) / lanes * lanes;
        if (x.length != n * d) {
            throw new InvalidPointException(-1, -1, "point has " + x.length + " entries, expected n·d = " + n + "·" + d
                    + " = " + (n * d));
        }
        for (int q = 0; q < x.length; q++) {
            if (!Double.isFinite(x[q])) {
                throw new InvalidPointException(q / d, q % d, "the point's entry x[" + q + "] (student neuron "
                        + (q / d + 1) + ", coordinate " + (q % d + 1) + ") is " + x[q]
                        + ": F is defined only at finite points");
            }
        }
        this.z = new double[zrows * dp];
        this.unitT = new double[d * np];
        this.dots = new double[n * np];
        this.coef = new double[n * zp];
        this.outP = new double[n * dp];
        double[] norms = new double[nk];
        double[] a = problem.studentWeights();
        double[] b = problem.teacherWeights();
        for (int i = 0; i < n; i++) {
            norms[i] = unit(x, i * d, z, (n + i) * dp, d);
            if (norms[i] == 0.0) {
                throw new NotDifferentiableException(i, "student neuron " + (i + 1) + " is the zero vector: F is "
                        + "not differentiable there, so the Hessian is undefined (paper 000 Lemma 1)");
            }
            if (norms[i] < Double.MIN_NORMAL) {
                throw new NonFiniteObjectiveException(i, "student neuron " + (i + 1) + " has norm " + norms[i]
                        + ", below the smallest normal double (" + Double.MIN_NORMAL + "): the Hessian is not "
                        + "evaluated there");
            }
        }
        for (int l = 0; l < k; l++) {
            double[] row = problem.teacherNeuron(l);
            norms[n + l] = unit(row, 0, z, (2 * n + l) * dp, d);
        }
        for (int j = 0; j < nk; j++) {
            for (int q = 0; q < d; q++) {
                unitT[q * np + j] = z[(n + j) * dp + q];
            }
        }
        // unit-vector dot products for the angles (one-time; scalar)
        PairGeometry geo = new PairGeometry();
        double[] o = new double[PairKernel.SECOND_SIZE];
        double[] o3 = new double[PairKernel.SELF_SIZE];
        this.pairs = new double[(n * (n - 1) / 2 + n * k) * STRIDE];
        this.selfSigma = new double[n];
        this.selfU = new double[n];
        int p = 0;
        for (int i = 0; i < n; i++) {
            double ri = norms[i];
            kernel.self(ri, o3);
            double half = 0.5 * a[i] * a[i];
            selfSigma[i] = half * o3[1] / ri;
            selfU[i] = half * o3[2] - selfSigma[i];
            int io = (n + i) * dp;
            for (int j = i + 1; j < nk; j++) {
                int jo = (n + j) * dp;
                double dot = SmallMatrices.dot(z, io, z, jo, d);
                geo.angleInv(z, io, 1.0, z, jo, 1.0, dot, d);
                kernel.second(ri, norms[j], geo.c, geo.s, geo.th, o);
                double w = j < n ? a[i] * a[j] : -a[i] * b[j - n];
                for (int q = 0; q < PairKernel.SECOND_SIZE; q++) {
                    pairs[p + q] = w * o[q];
                }
                pairs[p + 13] = geo.c;
                pairs[p + 14] = geo.s == 0.0 ? 0.0 : 1.0 / geo.s;
                pairs[p + 15] = geo.s;
                p += STRIDE;
            }
        }
        for (int q = 0; q < p; q++) {
            if (!Double.isFinite(pairs[q])) {
                int[] ij = pairOf(q / STRIDE);
                throw new NonFiniteObjectiveException(ij[0], "the Hessian coefficients of the pair (" + (ij[0] + 1)
                        + ", " + (ij[1] < n ? "student " + (ij[1] + 1) : "teacher " + (ij[1] - n + 1))
                        + ") are not finite (norms " + norms[ij[0]] + ", " + norms[ij[1]] + ")");
            }
        }
    }

    private int[] pairOf(int index) {
        int t = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < nk; j++) {
                if (t++ == index) {
                    return new int[] {i, j};
                }
            }
        }
        throw new IllegalStateException("no pair " + index);
    }

    /** out[oo..oo+d) = x[xo..xo+d)/‖x‖ computed from a copy scaled by a power of two; returns ‖x‖. */
    private static double unit(double[] x, int xo, double[] out, int oo, int d) {
        int e = PairwiseObjective.scaleExponent(x, xo, d);
        double nn = 0;
        for (int q = 0; q < d; q++) {
            double y = Math.scalb(x[xo + q], -e);
            out[oo + q] = y;
            nn += y * y;
        }
        double rs = Math.sqrt(nn);
        if (rs == 0.0) {
            return 0.0;
        }
        for (int q = 0; q < d; q++) {
            out[oo + q] /= rs;
        }
        return Math.scalb(rs, e);
    }

    @Override
    public int dimension() {
        return n * d;
    }

    /** The dense Hessian: the objective's assembled one when given, else column by column from products. */
    @Override
    public void toDense(double[] out) {
        if (dense != null) {
            dense.evaluate(point, out);
        } else {
            NetworkHessian.super.toDense(out);
        }
    }

    @Override
    public int blockSize() {
        return d;
    }

    @Override
    public void multiply(double[] u, double[] out) {
        int m = n * d;
        if (u.length != m || out.length != m) {
            throw new IllegalArgumentException("Hessian product: vector and output need n·d = " + m + " entries, got "
                    + u.length + " and " + out.length);
        }
        if (u == out) {
            throw new IllegalArgumentException("Hessian product: output must not be the input array");
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(u, i * d, z, i * dp, d);
        }
        product(z, dp, n, d, unitT, np, np, dots, np);
        java.util.Arrays.fill(coef, 0.0);
        assembleCoefficients(0, n);
        product(coef, zp, n, zrows, z, dp, dp, outP, dp);
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < d; q++) {
                out[i * d + q] = scale * outP[i * dp + q];
            }
        }
    }

    private void product(double[] a, int as, int rows, int inner, double[] b, int bs, int cols, double[] out, int os) {
        if (simd) {
            VectorDense.product(a, as, 0, rows, inner, b, bs, cols, out, os, false);
        } else {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double s = 0;
                    for (int q = 0; q < inner; q++) {
                        s = SmallMatrices.madd(a[i * as + q], b[q * bs + j], s);
                    }
                    out[i * os + j] = s;
                }
            }
        }
    }

    /**
     * [S | T] rows from D and the pair coefficients, for the pairs whose first index is in [from, to) (rows of other
     * neurons are touched too: each student pair writes both of its rows). S is coef[·, 0..n), T on the â_j is
     * coef[·, n..2n), T on the v̂_l is coef[·, 2n..2n+k).
     */
    private void assembleCoefficients(int from, int to) {
        double[] pr = pairs;
        double[] dt = dots;
        double[] cf = coef;
        int p = 0;
        for (int i = 0; i < from; i++) {
            p += (nk - i - 1) * STRIDE;
        }
        for (int i = from; i < to; i++) {
            int ci = i * zp;
            int di = i * np;
            double ai = dt[di + i]; // â_i·u_i
            double sii = selfSigma[i];
            double tii = selfU[i] * ai;
            for (int j = i + 1; j < n; j++, p += STRIDE) {
                int cj = j * zp;
                int dj = j * np;
                double bi = dt[di + j]; // â_j·u_i
                double aj = dt[dj + i]; // â_i·u_j
                double bj = dt[dj + j]; // â_j·u_j
                double c = pr[p + 13];
                double is = pr[p + 14];
                // (i) h1 at w_i, applied to u_i (basis â_i, n = (â_j − c â_i)/s)
                double wa = pr[p];
                sii += wa;
                double ni = (bi - c * ai) * is;
                double t1 = pr[p + 2] * ai + pr[p + 3] * ni;
                tii += (pr[p + 1] - wa) * ai + pr[p + 2] * ni - c * is * t1;
                double tij = is * t1;
                // (ii) h1 at w_j, applied to u_j (basis â_j, m = (â_i − c â_j)/s)
                double wa2 = pr[p + 4];
                double mj = (aj - c * bj) * is;
                double t2 = pr[p + 6] * bj + pr[p + 7] * mj;
                double tjj = (pr[p + 5] - wa2) * bj + pr[p + 6] * mj - c * is * t2;
                double tji = is * t2;
                // (iii) H_ij u_j = w(e0 u_j + â_i (xv·u_j) + n (yv·u_j)), xv = (e2 − c e0)â_j + e3 m, yv = (e4 − s e0)â_j + e5 m
                double e0 = pr[p + 8];
                double s = pr[p + 15];
                double xe = pr[p + 9] - c * e0;
                double ye = pr[p + 11] - s * e0;
                double xx = xe * bj + pr[p + 10] * mj;
                double yy = ye * bj + pr[p + 12] * mj;
                tii += xx - c * is * yy;
                tij += is * yy;
                // (iv) H_ji u_i = w(e0 u_i + xv (â_i·u_i) + yv (n·u_i))
                double ta = pr[p + 10] * ai + pr[p + 12] * ni; // coefficient of m
                tjj += xe * ai + ye * ni - c * is * ta;
                tji += is * ta;
                cf[ci + j] += e0;
                cf[cj + i] += e0;
                cf[cj + j] += wa2;
                cf[ci + n + j] += tij;
                cf[cj + n + i] += tji;
                cf[cj + n + j] += tjj;
            }
            for (int l = 0; l < k; l++, p += STRIDE) {
                // (v) the teacher term of H_ii, applied to u_i (basis â_i, n = (v̂_l − c â_i)/s)
                double bi = dt[di + n + l];
                double c = pr[p + 13];
                double is = pr[p + 14];
                double wa = pr[p];
                sii += wa;
                double ni = (bi - c * ai) * is;
                double t1 = pr[p + 2] * ai + pr[p + 3] * ni;
                tii += (pr[p + 1] - wa) * ai + pr[p + 2] * ni - c * is * t1;
                cf[ci + 2 * n + l] = is * t1;
            }
            cf[ci + i] += sii;
            cf[ci + n + i] += tii;
        }
    }

    /**
     * Up to this many entries (n·d)², {@link #block} of an operator formed with the objective's assembled Hessian
     * answers from that matrix (formed once, on the first block; bitwise the blocks of {@code hessian().evaluate}, as
     * {@code hessianAt} did before it was matrix-free). Larger problems get the blocks computed directly (O(d²) each,
     * equal to the assembled ones to rounding).
     */
    public static final long DENSE_BLOCK_LIMIT = 1L << 22;

    private double[] denseCache;

    /** Index (in {@link #pairs}, in units of STRIDE) of the pair (i, j), i &lt; j &lt; n + k (j ≥ n: teacher j − n). */
    private int pairIndex(int i, int j) {
        return i * nk - i * (i + 1) / 2 + (j - i - 1);
    }

    /**
     * Writes the d×d block ∂²F/∂w_i∂w_j: from the assembled Hessian up to {@link #DENSE_BLOCK_LIMIT} entries (see
     * there), else from the stored pair coefficients: O(d²) for i ≠ j, O((n + k)·d²) for i = j (each partner adds a
     * rank-two term). Allocates its d-vectors.
     */
    @Override
    public void block(int i, int j, double[] out) {
        if (i < 0 || i >= n || j < 0 || j >= n) {
            throw new IllegalArgumentException("Hessian block (" + i + ", " + j + "): neuron indices must be in [0, "
                    + n + ")");
        }
        if (out.length != d * d) {
            throw new IllegalArgumentException("Hessian block: output needs d² = " + (d * d) + " entries, got "
                    + out.length);
        }
        long m = (long) n * d;
        if (dense != null && m * m <= DENSE_BLOCK_LIMIT) {
            if (denseCache == null) {
                denseCache = new double[(int) (m * m)];
                dense.evaluate(point, denseCache);
            }
            for (int r = 0; r < d; r++) {
                System.arraycopy(denseCache, (int) ((i * d + r) * m + j * d), out, r * d, d);
            }
            return;
        }
        double[] nv = new double[d];
        double[] mv = new double[d];
        double[] xv = new double[d];
        double[] yv = new double[d];
        java.util.Arrays.fill(out, 0.0);
        if (i != j) {
            int lo = Math.min(i, j);
            int hi = Math.max(i, j);
            int p = pairIndex(lo, hi) * STRIDE;
            int ao = (n + lo) * dp;
            int bo = (n + hi) * dp;
            double c = pairs[p + 13];
            double is = pairs[p + 14];
            double s = pairs[p + 15];
            double e0 = pairs[p + 8];
            for (int q = 0; q < d; q++) {
                double aq = z[ao + q];
                double bq = z[bo + q];
                nv[q] = (bq - c * aq) * is;
                mv[q] = (aq - c * bq) * is;
                xv[q] = (pairs[p + 9] - c * e0) * bq + pairs[p + 10] * mv[q];
                yv[q] = (pairs[p + 11] - s * e0) * bq + pairs[p + 12] * mv[q];
            }
            // H_lo,hi = e0 I + â_lo xvᵀ + n yvᵀ; H_hi,lo its transpose
            for (int r = 0; r < d; r++) {
                for (int q = 0; q < d; q++) {
                    double h = z[ao + r] * xv[q] + nv[r] * yv[q] + (r == q ? e0 : 0.0);
                    if (i == lo) {
                        out[r * d + q] = scale * h;
                    } else {
                        out[q * d + r] = scale * h;
                    }
                }
            }
            return;
        }
        int uo = (n + i) * dp;
        double sigma = selfSigma[i];
        // self term: σ I + (½a²D″ − σ) ûûᵀ
        addTerm(out, uo, 0.0, selfU[i], 0.0, 0.0, nv);
        for (int t = 0; t < nk; t++) {
            if (t == i) {
                continue;
            }
            int lo = Math.min(i, t);
            int hi = Math.max(i, t);
            int p = pairIndex(lo, hi) * STRIDE;
            int po = (n + t) * dp;
            double c = pairs[p + 13];
            double is = pairs[p + 14];
            for (int q = 0; q < d; q++) {
                nv[q] = (z[po + q] - c * z[uo + q]) * is;
            }
            int h = i == lo ? 0 : 4; // h1 at the first or at the second neuron of the pair
            sigma += pairs[p + h];
            addTerm(out, uo, pairs[p + h], pairs[p + h + 1], pairs[p + h + 2], pairs[p + h + 3], nv);
        }
        for (int r = 0; r < d; r++) {
            out[r * d + r] += sigma;
        }
        for (int q = 0; q < d * d; q++) {
            out[q] *= scale;
        }
    }

    /** out += û((β−α)û + γn)ᵀ + n(γû + δn)ᵀ, û = z[uo..uo+d) (the α I part is added by the caller). */
    private void addTerm(double[] out, int uo, double alpha, double beta, double gamma, double delta, double[] nv) {
        for (int r = 0; r < d; r++) {
            double ur = z[uo + r];
            double nr = nv[r];
            for (int q = 0; q < d; q++) {
                double uq = z[uo + q];
                double nq = nv[q];
                out[r * d + q] += ur * ((beta - alpha) * uq + gamma * nq) + nr * (gamma * uq + delta * nq);
            }
        }
    }
}
