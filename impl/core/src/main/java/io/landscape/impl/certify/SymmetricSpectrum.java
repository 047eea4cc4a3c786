package io.landscape.impl.certify;

import java.util.List;

/**
 * A rigorous lower bound of λ_min(∇²F(x)) at an identity-teacher point x that is exactly invariant under a
 * {@link PointSymmetry} G, from one small block per isotypic component instead of the (nd)×(nd) matrix (derivation in
 * the package documentation).
 *
 * <p>For a component with test vectors y_1..y_μ (one per copy), K_ab = y_aᵀ H y_b / (‖y_a‖‖y_b‖) is enclosed entry by
 * entry in interval arithmetic directly from the rank-one structure of H ({@link HessianEnclosure}): with
 * D_y[j][i] = w̄_j·y_i, U_y(ij) = u_ij·y_i = D_y[j][i] − cos θ_ij D_y[i][i], U'_y(il) = v̄_l·y_i − cos θ_il D_y[i][i]
 * and M = c·C (the matrix of {@link PaddingSpectrum}),
 * <pre>
 *   y_aᵀHy_b = Σ_i y_a,i·(Σ_j M_ij y_b,j) + Σ_i [ −cS_i D_a[i][i] D_b[i][i] + Σ_{j≠i} α_ij U_a(ij) U_b(ij)
 *              + Σ_l β_il U'_a(il) U'_b(il) ] + Σ_{i≠j} γ_ij [ sin θ_ij D_a[i][i] D_b[j][j] + U_a(ij) U_b(ji)/sin θ_ij ],
 * </pre>
 * α_ij = c a_i a_j ‖w_j‖/(2π‖w_i‖ sin θ_ij), β_il = −c a_i b_l ‖v_l‖/(2π‖w_i‖ sin θ_il), γ_ij = c a_i a_j/(2π). A term
 * whose sin θ is not enclosed tightly (near-parallel vectors, e.g. a neuron on a teacher line) is left out and its
 * exact size (|coefficient|·sin θ, a symmetric matrix of that spectral norm) is added to δ; since every block is
 * Q_ρᵀ H Q_ρ with orthonormal Q_ρ, leaving out a perturbation of norm ≤ δ changes each block's λ_min by ≤ δ (Weyl),
 * whether or not the perturbation is G-invariant. Cost O(n · Σ nnz(y) + Σ_ρ (Σ_a |supp y_a|)² ) plus one small
 * Cholesky per block: no (nd)×(nd) matrix is formed.
 */
final class SymmetricSpectrum {
    /** The bound and what it was made of. */
    record Result(double lowerBound, int blocks, int largestBlock, double dropped) {
    }

    private final PointEnclosure e;
    private final int n;
    private final int d;
    private final double[] wl;
    private final double[] wh;
    private final Interval[] mat;     // M = c·C, n×n
    private final Interval[] negS;    // −c·S_i
    private final Interval[] alpha;   // n×n, null = left out
    private final Interval[] beta;    // n×k, null = left out
    private final Interval[] gammaS;  // γ_ij sin θ_ij
    private final Interval[] gammaOverS; // γ_ij / sin θ_ij, null = left out
    private double dropped;

    private SymmetricSpectrum(PointEnclosure e) {
        this.e = e;
        this.n = e.n;
        this.d = e.d;
        int k = e.k;
        double c = e.scale;
        wl = new double[n * d];
        wh = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < d; q++) {
                Interval u = PointEnclosure.unit(e.x[i * d + q], e.r[i]);
                wl[i * d + q] = u.lo();
                wh[i * d + q] = u.hi();
            }
        }
        mat = new Interval[n * n];
        negS = new Interval[n];
        alpha = new Interval[n * n];
        beta = new Interval[n * k];
        gammaS = new Interval[n * n];
        gammaOverS = new Interval[n * n];
        double drop = 0.0;
        for (int i = 0; i < n; i++) {
            negS[i] = e.selfS[i].mul(-c);
            for (int j = 0; j < n; j++) {
                mat[i * n + j] = e.coefC[i * n + j].mul(c);
                if (j == i) {
                    continue;
                }
                Interval s = e.sinWW[i * n + j];
                Interval coef = e.r[j].div(e.r[i]).mul(Interval.INV_2PI).mul(e.a[i]).mul(e.a[j]).mul(c);
                if (tight(s) && coef.isFinite()) {
                    alpha[i * n + j] = coef.div(s);
                } else {
                    drop = Interval.addUp(drop, Interval.mulUp(coef.mag(), s.hi()));
                }
                Interval g = Interval.INV_2PI.mul(e.a[i]).mul(e.a[j]).mul(c);
                gammaS[i * n + j] = g.mul(s);
                if (tight(s)) {
                    gammaOverS[i * n + j] = g.div(s);
                } else if (i < j) {
                    drop = Interval.addUp(drop, Interval.mulUp(g.mag(), s.hi())); // the pair (i,j),(j,i) once
                }
            }
            for (int l = 0; l < k; l++) {
                Interval s = e.sinWV[i * k + l];
                Interval coef = e.rho[l].div(e.r[i]).mul(Interval.INV_2PI).mul(e.a[i]).mul(e.b[l]).mul(-c);
                if (tight(s) && coef.isFinite()) {
                    beta[i * k + l] = coef.div(s);
                } else {
                    drop = Interval.addUp(drop, Interval.mulUp(coef.mag(), s.hi()));
                }
            }
        }
        dropped = drop;
    }

    /** sin θ enclosed away from 0 and to within a factor 2: 1/sin θ is then a tight interval. */
    private static boolean tight(Interval s) {
        return s.lo() > 0.0 && s.hi() <= 2.0 * s.lo();
    }

    /**
     * The rigorous lower bound for the point of {@code e} (which must be exactly invariant under {@code g}, with an
     * identity teacher: v_l = e_l, k = d) from the components {@code blocks}. −∞ when some block is not proven
     * positive definite.
     */
    static Result lowerBound(PointEnclosure e, List<PointSymmetry.Block> blocks) {
        SymmetricSpectrum s = new SymmetricSpectrum(e);
        double lam = Double.POSITIVE_INFINITY;
        int largest = 0;
        for (PointSymmetry.Block b : blocks) {
            Interval[] k = s.block(b.copies());
            int mu = b.copies().size();
            largest = Math.max(largest, mu);
            lam = Math.min(lam, lowerBound(k, mu));
            if (lam == Double.NEGATIVE_INFINITY) {
                break;
            }
        }
        double bound = Interval.subDown(lam, s.dropped);
        return new Result(Double.isNaN(bound) ? Double.NEGATIVE_INFINITY : bound, blocks.size(), largest, s.dropped);
    }

    /** The floating-point midpoints of the blocks (row-major μ×μ each), for tests. */
    static double[][] midpoints(PointEnclosure e, List<PointSymmetry.Block> blocks) {
        SymmetricSpectrum s = new SymmetricSpectrum(e);
        double[][] out = new double[blocks.size()][];
        for (int t = 0; t < blocks.size(); t++) {
            Interval[] k = s.block(blocks.get(t).copies());
            out[t] = new double[k.length];
            for (int p = 0; p < k.length; p++) {
                out[t][p] = k[p].mid();
            }
        }
        return out;
    }

    /** A rigorous lower bound of λ_min of the symmetric interval matrix K (μ×μ; every member symmetric). */
    static double lowerBound(Interval[] k, int mu) {
        for (Interval x : k) {
            if (!x.isFinite()) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        if (mu == 1) {
            return k[0].lo();
        }
        double[] mid = new double[mu * mu];
        double radSq = 0.0;
        for (int p = 0; p < mu * mu; p++) {
            mid[p] = k[p].mid();
            double r = k[p].rad();
            radSq = Interval.addUp(radSq, Interval.mulUp(r, r));
        }
        EigenvalueBound.Result res = EigenvalueBound.lowerBound(mid, mu);
        double lo = Interval.subDown(res.lowerBound(), Interval.sqrtUp(radSq));
        return Double.isNaN(lo) ? Double.NEGATIVE_INFINITY : lo;
    }

    /** What one test vector contributes, precomputed. */
    private final class Data {
        final int[] sup;       // support neurons, ascending
        final int[] pos;       // neuron → index in sup, −1 outside
        final double[] row;    // y_i, |sup|·d, exact
        final int[][] nz;      // nonzero coordinates of each y_i
        final double[] dl;     // D[j][i] at s·n + j (w̄_j·y_i), enclosed
        final double[] dh;
        final Interval[] u;    // U(ij) at s·n + j
        final Interval[] uv;   // U'(il) at s·k + l
        final double norm2;

        Data(PointSymmetry.SparseVector y) {
            int[] mark = new int[n];
            java.util.Arrays.fill(mark, -1);
            int count = 0;
            for (int idx : y.index()) {
                int i = idx / d;
                if (mark[i] < 0) {
                    mark[i] = count++;
                }
            }
            sup = new int[count];
            int t = 0;
            for (int i = 0; i < n; i++) {
                if (mark[i] >= 0) {
                    sup[t] = i;
                    mark[i] = t++;
                }
            }
            pos = mark;
            row = new double[count * d];
            int[] nnz = new int[count];
            for (int p = 0; p < y.index().length; p++) {
                int idx = y.index()[p];
                row[pos[idx / d] * d + idx % d] = y.value()[p];
                nnz[pos[idx / d]]++;
            }
            nz = new int[count][];
            for (int s = 0; s < count; s++) {
                nz[s] = new int[nnz[s]];
                int f = 0;
                for (int q = 0; q < d; q++) {
                    if (row[s * d + q] != 0.0) {
                        nz[s][f++] = q;
                    }
                }
            }
            dl = new double[count * n];
            dh = new double[count * n];
            for (int s = 0; s < count; s++) {
                for (int j = 0; j < n; j++) {
                    double lo = 0.0;
                    double hi = 0.0;
                    for (int q : nz[s]) {
                        double v = row[s * d + q];
                        double a = wl[j * d + q];
                        double b = wh[j * d + q];
                        if (v >= 0) {
                            lo = Interval.addDown(lo, Interval.mulDown(a, v));
                            hi = Interval.addUp(hi, Interval.mulUp(b, v));
                        } else {
                            lo = Interval.addDown(lo, Interval.mulDown(b, v));
                            hi = Interval.addUp(hi, Interval.mulUp(a, v));
                        }
                    }
                    dl[s * n + j] = lo;
                    dh[s * n + j] = hi;
                }
            }
            int k = e.k;
            u = new Interval[count * n];
            uv = new Interval[count * k];
            for (int s = 0; s < count; s++) {
                int i = sup[s];
                Interval dii = Interval.of(dl[s * n + i], dh[s * n + i]);
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        u[s * n + j] = Interval.of(dl[s * n + j], dh[s * n + j]).sub(e.cosWW[i * n + j].mul(dii));
                    }
                }
                for (int l = 0; l < k; l++) {
                    // identity teacher: v̄_l = e_l, so v̄_l·y_i = y_i[l] exactly
                    uv[s * k + l] = Interval.of(row[s * d + l]).sub(e.cosWV[i * k + l].mul(dii));
                }
            }
            norm2 = y.normSquared();
        }

        Interval diag(int s) {
            int i = sup[s];
            return Interval.of(dl[s * n + i], dh[s * n + i]);
        }
    }

    /** The enclosure of the normalized block (μ×μ, row-major; symmetric by construction). */
    private Interval[] block(List<PointSymmetry.SparseVector> copies) {
        int mu = copies.size();
        Data[] data = new Data[mu];
        boolean[] need = new boolean[n];
        for (int a = 0; a < mu; a++) {
            data[a] = new Data(copies.get(a));
            for (int i : data[a].sup) {
                need[i] = true;
            }
        }
        int k = e.k;
        Interval[] out = new Interval[mu * mu];
        double[] zl = new double[n * d];
        double[] zh = new double[n * d];
        for (int b = 0; b < mu; b++) {
            Data db = data[b];
            // Z_b = (M ⊗ I) y_b on the neurons that some y_a touches
            for (int i = 0; i < n; i++) {
                if (!need[i]) {
                    continue;
                }
                for (int q = 0; q < d; q++) {
                    zl[i * d + q] = 0.0;
                    zh[i * d + q] = 0.0;
                }
                for (int s = 0; s < db.sup.length; s++) {
                    Interval mij = mat[i * n + db.sup[s]];
                    double ml = mij.lo();
                    double mh = mij.hi();
                    for (int q : db.nz[s]) {
                        double v = db.row[s * d + q];
                        if (v >= 0) {
                            zl[i * d + q] = Interval.addDown(zl[i * d + q], Interval.mulDown(ml, v));
                            zh[i * d + q] = Interval.addUp(zh[i * d + q], Interval.mulUp(mh, v));
                        } else {
                            zl[i * d + q] = Interval.addDown(zl[i * d + q], Interval.mulDown(mh, v));
                            zh[i * d + q] = Interval.addUp(zh[i * d + q], Interval.mulUp(ml, v));
                        }
                    }
                }
            }
            for (int a = 0; a <= b; a++) {
                Data da = data[a];
                // Σ_i y_a,i · Z_b,i
                double lo = 0.0;
                double hi = 0.0;
                for (int s = 0; s < da.sup.length; s++) {
                    int i = da.sup[s];
                    for (int q : da.nz[s]) {
                        double v = da.row[s * d + q];
                        double l = zl[i * d + q];
                        double h = zh[i * d + q];
                        if (v >= 0) {
                            lo = Interval.addDown(lo, Interval.mulDown(l, v));
                            hi = Interval.addUp(hi, Interval.mulUp(h, v));
                        } else {
                            lo = Interval.addDown(lo, Interval.mulDown(h, v));
                            hi = Interval.addUp(hi, Interval.mulUp(l, v));
                        }
                    }
                }
                Interval sum = Interval.of(lo, hi);
                for (int s = 0; s < da.sup.length; s++) {
                    int i = da.sup[s];
                    Interval dai = da.diag(s);
                    int sb = db.pos[i];
                    if (sb >= 0) {
                        // the diagonal block H_ii beyond its multiple of I
                        Interval t = negS[i].mul(dai).mul(db.diag(sb));
                        for (int j = 0; j < n; j++) {
                            Interval al = alpha[i * n + j];
                            if (j != i && al != null) {
                                t = t.add(al.mul(da.u[s * n + j]).mul(db.u[sb * n + j]));
                            }
                        }
                        for (int l = 0; l < k; l++) {
                            Interval be = beta[i * k + l];
                            if (be != null) {
                                t = t.add(be.mul(da.uv[s * k + l]).mul(db.uv[sb * k + l]));
                            }
                        }
                        sum = sum.add(t);
                    }
                    // the off-diagonal blocks H_ij, j in the support of y_b
                    for (int s2 = 0; s2 < db.sup.length; s2++) {
                        int j = db.sup[s2];
                        if (j == i) {
                            continue;
                        }
                        Interval t = gammaS[i * n + j].mul(dai).mul(db.diag(s2));
                        Interval gs = gammaOverS[i * n + j];
                        if (gs != null) {
                            t = t.add(gs.mul(da.u[s * n + j]).mul(db.u[s2 * n + i]));
                        }
                        sum = sum.add(t);
                    }
                }
                Interval norm = Interval.of(da.norm2).mul(db.norm2).sqrt();
                Interval kab = sum.div(norm);
                out[a * mu + b] = kab;
                out[b * mu + a] = kab;
            }
        }
        return out;
    }
}
