package io.landscape.impl.certify;

/**
 * A floating-point Hessian A together with a rigorous bound η ≥ ‖∇²F(w) − A‖_F ≥ ‖∇²F(w) − A‖₂.
 *
 * <h2>Structure used</h2>
 * With w̄ = w/‖w‖, u_ij := w̄_j − cos θ_ij w̄_i (so u_ij = sin θ_ij · n̄, n̄ the unit vector of paper 002 Eq. 9),
 * c the normalisation factor and the notation of {@link PointEnclosure}, the ReLU Hessian (paper 002 Eq. 10, paper 000
 * Thm 10) is, block by block,
 * <pre>
 *   H_ii / c = C_ii I − S_i w̄_i w̄_iᵀ + Σ_{j≠i} (a_i a_j ‖w_j‖/(2π‖w_i‖ sin θ_ij)) u_ij u_ijᵀ
 *                                     − Σ_l (a_i b_l ‖v_l‖/(2π‖w_i‖ sin θ_il)) u_il u_ilᵀ,      u_il = v̄_l − cos θ_il w̄_i
 *   H_ij / c = (a_i a_j/(2π)) [ (π − θ_ij) I + sin θ_ij w̄_i w̄_jᵀ + (1/sin θ_ij) u_ij u_jiᵀ ]   (i ≠ j).
 * </pre>
 * (h1 = (‖z‖ sin θ/(2π‖w‖))(I − w̄w̄ᵀ + n̄n̄ᵀ) summed over the partners gives the first line; the second is h2 written
 * as in {@link io.landscape.impl.kernel.ReluClosedForm}.) Every term is a scalar times I or a scalar times a rank-one
 * matrix p qᵀ.
 *
 * <h2>Error bound</h2>
 * Each scalar coefficient γ̂ and each vector p, q is first enclosed in interval arithmetic; A is assembled from their
 * floating-point midpoints γ̃, p̃, q̃ by {@code A += (γ̃ p̃_r) q̃_s}. For one term, with rad/mag taken entrywise,
 * <pre>
 *   ‖γ̂ p qᵀ − γ̃ p̃ q̃ᵀ‖_F ≤ rad(γ)‖mag p‖‖mag q‖ + |γ̃| (‖rad p‖‖mag q‖ + ‖p̃‖‖rad q‖)        (‖x yᵀ‖_F = ‖x‖‖y‖)
 * </pre>
 * and the floating-point assembly of an entry from N terms (two products and one addition per term, any order) errs
 * by at most γ_{N+3} Σ_terms |γ̃ p̃_r q̃_s| (Higham, Accuracy and Stability, §3.1; γ_N = Nu/(1 − Nu), u = 2⁻⁵³), whose
 * Frobenius norm is at most γ_{N+3} Σ_terms |γ̃| ‖p̃‖‖q̃‖. Block bounds add by the triangle inequality and
 * η² = Σ_blocks (block bound)². All of this bookkeeping is itself rounded upward.
 *
 * <p>When sin θ is tiny (two parallel neurons, or a neuron parallel to a teacher, as at the global minimum) the terms
 * with 1/sin θ are replaced by their exact size: (coefficient · sin θ) n̄ n̄ᵀ has Frobenius norm |coefficient| sin θ,
 * so it is left out of A and that amount is added to η. Whichever of the two bounds is smaller is used.
 *
 * <p>The assembled A is exactly symmetric (upper triangle copied to the lower). Cost O(n(n + k)d²), like the Hessian.
 */
final class HessianEnclosure {
    private static final double U = 0x1.0p-53;

    /** The (nd)×(nd) row-major floating-point Hessian. */
    final double[] matrix;
    final int m;
    /** η ≥ ‖∇²F − A‖_F, rounded upward (may be +∞). */
    final double errorBound;

    private final int n;
    private final int k;
    private final int d;
    private final double gamma;
    // scratch: interval vectors and their summaries
    private final double[] pl;
    private final double[] ph;
    private final double[] ql;
    private final double[] qh;
    private final double[] pMid;
    private final double[] qMid;
    private final double[] wbl;  // student unit vectors, flat n*d
    private final double[] wbh;
    private final double[] vbl;  // teacher unit vectors, flat k*d
    private final double[] vbh;

    private HessianEnclosure(PointEnclosure e) {
        this.n = e.n;
        this.k = e.k;
        this.d = e.d;
        this.m = n * d;
        this.matrix = new double[m * m];
        int terms = n + k + 1;
        double nu = (terms + 3) * U;
        this.gamma = Interval.divUp(nu, Interval.subDown(1.0, nu));
        pl = new double[d];
        ph = new double[d];
        ql = new double[d];
        qh = new double[d];
        pMid = new double[d];
        qMid = new double[d];
        wbl = new double[n * d];
        wbh = new double[n * d];
        vbl = new double[k * d];
        vbh = new double[k * d];
        unitVectors(e.x, e.r, n, wbl, wbh);
        unitVectors(e.v, e.rho, k, vbl, vbh);
        this.errorBound = assemble(e);
    }

    /** Builds A and η at the point of {@code e} (which must have no zero neuron). */
    static HessianEnclosure of(PointEnclosure e) {
        if (e.zeroNeuron() >= 0) {
            throw new IllegalArgumentException("neuron " + (e.zeroNeuron() + 1) + " is zero: no Hessian");
        }
        return new HessianEnclosure(e);
    }

    private void unitVectors(double[] src, Interval[] norms, int count, double[] lo, double[] hi) {
        for (int i = 0; i < count; i++) {
            for (int q = 0; q < d; q++) {
                Interval u = PointEnclosure.unit(src[i * d + q], norms[i]);
                lo[i * d + q] = u.lo();
                hi[i * d + q] = u.hi();
            }
        }
    }

    /** out = z − c·w (interval vectors). */
    private void combo(double[] zl, double[] zh, int zo, Interval c, double[] wl, double[] wh, int wo,
                       double[] outL, double[] outH) {
        double cl = c.lo();
        double ch = c.hi();
        for (int q = 0; q < d; q++) {
            double a1 = cl * wl[wo + q];
            double a2 = cl * wh[wo + q];
            double a3 = ch * wl[wo + q];
            double a4 = ch * wh[wo + q];
            double pLo = Math.nextDown(Math.min(Math.min(a1, a2), Math.min(a3, a4)));
            double pHi = Math.nextUp(Math.max(Math.max(a1, a2), Math.max(a3, a4)));
            outL[q] = Interval.subDown(zl[zo + q], pHi);
            outH[q] = Interval.subUp(zh[zo + q], pLo);
        }
    }

    /** Summary {‖rad‖, ‖mag‖, ‖mid‖} of an interval vector; writes the midpoints. */
    private double[] summary(double[] lo, double[] hi, int off, double[] mid, double[] out) {
        double sr = 0;
        double sm = 0;
        double sc = 0;
        for (int q = 0; q < d; q++) {
            double l = lo[off + q];
            double h = hi[off + q];
            double c = Math.min(h, Math.max(l, 0.5 * l + 0.5 * h));
            mid[q] = c;
            double rad = Math.max(Interval.subUp(h, c), Interval.subUp(c, l));
            double mag = Math.max(Math.abs(l), Math.abs(h));
            sr = Interval.addUp(sr, Interval.mulUp(rad, rad));
            sm = Interval.addUp(sm, Interval.mulUp(mag, mag));
            sc = Interval.addUp(sc, Interval.mulUp(c, c));
        }
        out[0] = Interval.sqrtUp(sr);
        out[1] = Interval.sqrtUp(sm);
        out[2] = Interval.sqrtUp(sc);
        return out;
    }

    /** The term error bound rad(γ)‖mag p‖‖mag q‖ + |γ̃|(‖rad p‖‖mag q‖ + ‖p̃‖‖rad q‖) + γ_N|γ̃|‖p̃‖‖q̃‖. */
    private double termError(Interval coef, double coefMid, double[] ps, double[] qs) {
        if (!coef.isFinite()) {
            return Double.POSITIVE_INFINITY;
        }
        double g = Math.abs(coefMid);
        double e = Interval.mulUp(Interval.mulUp(coef.rad(), ps[1]), qs[1]);
        double inner = Interval.addUp(Interval.mulUp(ps[0], qs[1]), Interval.mulUp(ps[2], qs[0]));
        e = Interval.addUp(e, Interval.mulUp(g, inner));
        e = Interval.addUp(e, Interval.mulUp(Interval.mulUp(gamma, g), Interval.mulUp(ps[2], qs[2])));
        return e;
    }

    private void addRankOne(int ro, int co, double coef, double[] p, double[] q) {
        for (int r = 0; r < d; r++) {
            double cp = coef * p[r];
            int row = (ro + r) * m + co;
            for (int s = 0; s < d; s++) {
                matrix[row + s] += cp * q[s];
            }
        }
    }

    private double assemble(PointEnclosure e) {
        double[] a = e.a;
        double[] b = e.b;
        double scale = e.scale;
        double sqrtD = Interval.sqrtUp(d);
        double[] errDiag = new double[n];
        double etaSq = 0.0;
        double[] ps = new double[3];
        double[] qs = new double[3];
        double[] ul = new double[d];
        double[] uh = new double[d];
        double[] uMid = new double[d];
        double[] us = new double[3];
        double[] as = new double[3];
        double[] bs = new double[3];
        // diagonal blocks: identity and −S_i w̄ w̄ᵀ
        for (int i = 0; i < n; i++) {
            int io = i * d;
            Interval cI = e.coefC[i * n + i].mul(scale);
            double cm = cI.mid();
            for (int q = 0; q < d; q++) {
                matrix[(io + q) * m + io + q] += cm;
            }
            double err = Interval.mulUp(cI.rad(), sqrtD);
            err = Interval.addUp(err, Interval.mulUp(Interval.mulUp(gamma, Math.abs(cm)), sqrtD));
            Interval cS = e.selfS[i].mul(-scale);
            double sm = cS.mid();
            summary(wbl, wbh, io, pMid, ps);
            addRankOne(io, io, sm, pMid, pMid);
            err = Interval.addUp(err, termError(cS, sm, ps, ps));
            errDiag[i] = err;
        }
        for (int i = 0; i < n; i++) {
            int io = i * d;
            for (int j = i + 1; j < n; j++) {
                int jo = j * d;
                int ij = i * n + j;
                Interval c = e.cosWW[ij];
                Interval s = e.sinWW[ij];
                combo(wbl, wbh, jo, c, wbl, wbh, io, pl, ph);   // u_ij = w̄_j − c w̄_i
                combo(wbl, wbh, io, c, wbl, wbh, jo, ql, qh);   // u_ji = w̄_i − c w̄_j
                summary(pl, ph, 0, pMid, ps);
                summary(ql, qh, 0, qMid, qs);
                // diagonal block i: (a_i a_j ‖w_j‖/(2π‖w_i‖)) · u_ij u_ijᵀ / s
                errDiag[i] = Interval.addUp(errDiag[i], nTerm(io, e.r[j].div(e.r[i]).mul(Interval.INV_2PI)
                        .mul(a[i]).mul(a[j]).mul(scale), s, pMid, ps));
                errDiag[j] = Interval.addUp(errDiag[j], nTerm(jo, e.r[i].div(e.r[j]).mul(Interval.INV_2PI)
                        .mul(a[i]).mul(a[j]).mul(scale), s, qMid, qs));
                // off-diagonal block (i, j)
                Interval w = Interval.INV_2PI.mul(a[i]).mul(a[j]).mul(scale);
                Interval cI = Interval.PI.sub(e.thWW[ij]).mul(w);
                double cm = cI.mid();
                for (int q = 0; q < d; q++) {
                    matrix[(io + q) * m + jo + q] += cm;
                }
                double err = Interval.mulUp(cI.rad(), sqrtD);
                err = Interval.addUp(err, Interval.mulUp(Interval.mulUp(gamma, Math.abs(cm)), sqrtD));
                Interval cA = s.mul(w);
                double am = cA.mid();
                summary(wbl, wbh, io, ul, as);   // ul, uh reused as midpoint scratch for w̄_i, w̄_j
                summary(wbl, wbh, jo, uh, bs);
                addRankOne(io, jo, am, ul, uh);
                err = Interval.addUp(err, termError(cA, am, as, bs));
                // (w / s) u_ij u_jiᵀ, or its size |w| s when that is smaller
                err = Interval.addUp(err, reciprocalTerm(io, jo, w, s, pMid, ps, qMid, qs));
                // block (j, i) is the transpose of block (i, j): filled by the final symmetrisation, counted here
                etaSq = Interval.addUp(etaSq, Interval.mulUp(2.0, Interval.mulUp(err, err)));
            }
            for (int l = 0; l < k; l++) {
                int il = i * k + l;
                combo(vbl, vbh, l * d, e.cosWV[il], wbl, wbh, io, ul, uh);   // u_il = v̄_l − c w̄_i
                summary(ul, uh, 0, uMid, us);
                errDiag[i] = Interval.addUp(errDiag[i], nTerm(io, e.rho[l].div(e.r[i]).mul(Interval.INV_2PI)
                        .mul(a[i]).mul(b[l]).mul(-scale), e.sinWV[il], uMid, us));
            }
        }
        for (int i = 0; i < n; i++) {
            etaSq = Interval.addUp(etaSq, Interval.mulUp(errDiag[i], errDiag[i]));
        }
        // exact symmetry: copy the upper triangle (off-diagonal blocks (i, j), i < j, and the diagonal blocks' upper
        // parts) to the lower one
        for (int r = 0; r < m; r++) {
            for (int c = r + 1; c < m; c++) {
                matrix[c * m + r] = matrix[r * m + c];
            }
        }
        return Interval.sqrtUp(etaSq);
    }

    /** Adds coef/s · u uᵀ to the diagonal block at (o, o) (coef·s·n̄n̄ᵀ exactly); see {@link #reciprocalTerm}. */
    private double nTerm(int o, Interval coef, Interval s, double[] uMid, double[] us) {
        return reciprocalTerm(o, o, coef, s, uMid, us, uMid, us);
    }

    /**
     * A term (coef/s)·p qᵀ of block (ro, co) whose coefficient blows up as sin θ = s → 0 while the term itself, coef·s
     * times a product of unit vectors, stays of size |coef|·s: adds it to A and returns its enclosure error, or leaves
     * it out and returns that size when this is the smaller bound (or s encloses 0).
     */
    private double reciprocalTerm(int ro, int co, Interval coef, Interval s, double[] p, double[] ps, double[] q,
                                  double[] qs) {
        double crude = Interval.mulUp(coef.mag(), s.hi());
        if (s.lo() > 0.0) {
            Interval c = coef.div(s);
            double cm = c.mid();
            double fine = termError(c, cm, ps, qs);
            if (fine <= crude) {
                addRankOne(ro, co, cm, p, q);
                return fine;
            }
        }
        return crude;
    }
}
