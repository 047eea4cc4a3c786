package io.landscape.impl.basin;

import java.util.Arrays;

import io.landscape.api.empirical.Loss;
import io.landscape.impl.empirical.ScalarLoss;

/**
 * A primal-dual interior-point method (Boyd &amp; Vandenberghe, Convex Optimization §11.7) for one {@link Block}:
 * minimise a smooth convex f(ξ) = scale·Σ_t ℓ(p_t(ξ), y_t) subject to C ξ ≥ 0, started at the strictly feasible point
 * the initialisation gives. Each iteration solves the Newton system
 * <pre>
 *   (Mᵀ Φ M + Cᵀ D C) Δξ = −∇f + (1/t) Cᵀ s⁻¹,   D = diag(λ/s),  Φ = diag(ℓ''(p_t))·scale
 * </pre>
 * where M = [S_1 X̃ … S_K X̃] maps ξ to the predictions. Cᵀ D C is block diagonal (one r×r block per group), and
 * Mᵀ Φ M has rank ≤ m, so the system is solved through the Woodbury identity with one m×m Cholesky factorisation
 * (or, when K·r is small, as one dense K·r system), followed by up to three steps of iterative refinement with the exact
 * operator. The step is the largest keeping λ &gt; 0 and s &gt; 0, backtracked until the residual norm ‖(r_dual,
 * r_cent)‖ decreases (B&amp;V's Algorithm 11.2). Stops when the surrogate gap sᵀλ and the dual residual are below the
 * tolerances. A fresh instance per solve; the iteration loop does not allocate.
 */
final class InteriorPoint {
    /** Outcome: the primal point ξ, the multipliers λ (K×m) and the iteration count. */
    record Result(double[] xi, double[] lambda, int iterations, boolean converged, double gap, double dualResidual) {
    }

    private static final double MU = 10.0;
    private static final double ALPHA = 0.01;
    private static final boolean DEBUG = System.getenv("BASIN_DEBUG") != null;

    private final Block b;
    private final Loss loss;
    private final int n;   // variables K·r
    private final int nc;  // constraints K·m
    private final int m;
    private final int r;
    private final int k;
    private final boolean dense;

    // workspace
    private final double[] p;
    private final double[] phi1;
    private final double[] phi2;
    private final double[] grad;
    private final double[] s;
    private final double[] lambda;
    private final double[] xi;
    private final double[] dxi;
    private final double[] ds;
    private final double[] dl;
    private final double[] rhs;
    private final double[] res;
    private final double[] corr;
    private final double[] d;
    private final double[] xiTrial;
    private final double[] lTrial;
    private final double[] sTrial;
    private final double[] gTrial;
    private final double[] pTrial;
    private final double[] blocks;   // K r×r factors (Woodbury) or the (K·r)² matrix (dense)
    private final double[] schur;    // m×m (Woodbury)
    private final double[] ybuf;     // m×r scratch
    private final int[] idx;
    private final double[] w;
    private final double[] corrW;
    private final double[] q;
    private double delta;

    InteriorPoint(Block block, Loss loss) {
        this.b = block;
        this.loss = loss;
        this.m = block.m;
        this.r = block.r;
        this.k = block.groups;
        this.n = k * r;
        this.nc = k * m;
        double denseCost = (double) n * n * n / 3 + (double) m * k * k * r * r;
        double woodburyCost = (double) k * (2.0 * m * r * r + (double) m * m * r) + (double) m * m * m / 3;
        this.dense = denseCost <= woodburyCost;
        p = new double[m];
        phi1 = new double[m];
        phi2 = new double[m];
        grad = new double[n];
        s = new double[nc];
        lambda = new double[nc];
        xi = new double[n];
        dxi = new double[n];
        ds = new double[nc];
        dl = new double[nc];
        rhs = new double[n];
        res = new double[n];
        corr = new double[n];
        d = new double[nc];
        xiTrial = new double[n];
        lTrial = new double[nc];
        sTrial = new double[nc];
        gTrial = new double[n];
        pTrial = new double[m];
        blocks = dense ? new double[n * n] : new double[k * r * r];
        schur = dense ? new double[0] : new double[m * m];
        ybuf = new double[m * r];
        idx = new int[m];
        w = new double[n];
        q = new double[m];
        corrW = new double[nc];
    }

    /** f at the predictions {@code pp}; fills ℓ' and ℓ'' (times scale) when the arrays are given. */
    private double objective(double[] pp, double[] first, double[] second) {
        double sum = 0;
        for (int t = 0; t < m; t++) {
            double w = b.weight[t];
            sum += w * ScalarLoss.value(loss, pp[t], b.y[t]);
            if (first != null) {
                first[t] = w * b.scale * ScalarLoss.first(loss, pp[t], b.y[t]);
            }
            if (second != null) {
                second[t] = w * b.scale * ScalarLoss.second(loss, pp[t], b.y[t]);
            }
        }
        return b.scale * sum;
    }

    /** out = Mᵀ v (v of length m). */
    private void mTranspose(double[] v, double[] out) {
        Arrays.fill(out, 0.0);
        for (int g = 0; g < k; g++) {
            int o = g * r;
            for (int t = 0; t < m; t++) {
                if (b.active[g * m + t]) {
                    double c = v[t];
                    int xo = t * r;
                    for (int j = 0; j < r; j++) {
                        out[o + j] += c * b.xt[xo + j];
                    }
                }
            }
        }
    }

    /** out −= Cᵀ v (v of length K·m). */
    private void subtractCTranspose(double[] v, double[] out) {
        for (int g = 0; g < k; g++) {
            int o = g * r;
            for (int t = 0; t < m; t++) {
                double c = v[g * m + t] * b.sign[g * m + t];
                if (c != 0.0) {
                    int xo = t * r;
                    for (int j = 0; j < r; j++) {
                        out[o + j] -= c * b.xt[xo + j];
                    }
                }
            }
        }
    }

    /** ∇f at the predictions whose first derivatives are in {@code first}, into {@code out}. */
    private void gradient(double[] first, double[] out) {
        mTranspose(first, out);
    }

    /** ‖(r_dual, r_cent)‖₂ for (g = ∇f, λ, s) at parameter 1/t = {@code invT}. */
    private double residualNorm(double[] g, double[] lam, double[] sl, double invT) {
        System.arraycopy(g, 0, res, 0, n);
        subtractCTranspose(lam, res);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += res[i] * res[i];
        }
        for (int i = 0; i < nc; i++) {
            double c = lam[i] * sl[i] - invT;
            sum += c * c;
        }
        return Math.sqrt(sum);
    }

    private double dualResidualInf(double[] g, double[] lam) {
        System.arraycopy(g, 0, res, 0, n);
        subtractCTranspose(lam, res);
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(res[i]));
        }
        return max;
    }

    Result solve(double tolGap, double tolFeas, int maxIterations) {
        if (k == 0) {
            return new Result(new double[0], new double[0], 0, true, 0, 0);
        }
        System.arraycopy(b.start, 0, xi, 0, n);
        b.slacks(xi, s);
        for (int i = 0; i < nc; i++) {
            if (!(s[i] > 0)) {
                throw new IllegalStateException("interior point: start not strictly feasible at constraint " + i);
            }
        }
        b.predictions(xi, p);
        double f = objective(p, phi1, phi2);
        gradient(phi1, grad);
        double xmax = 0;
        for (int t = 0; t < m; t++) {
            double nn = 0;
            for (int j = 0; j < r; j++) {
                nn += b.xt[t * r + j] * b.xt[t * r + j];
            }
            xmax = Math.max(xmax, nn);
        }
        delta = 1e-13 * b.scale * Math.max(xmax, 1e-300) * (loss == Loss.SQUARED ? 2.0 : 0.25);
        double mu0 = Math.max(f, 1e-10) / nc;
        for (int i = 0; i < nc; i++) {
            lambda[i] = mu0 / s[i];
        }
        int it = 0;
        boolean converged = false;
        double eta = 0;
        double rdual = 0;
        double gradScale = 0;
        for (int i = 0; i < n; i++) {
            gradScale = Math.max(gradScale, Math.abs(grad[i]));
        }
        int stalled = 0;
        double lastEta = Double.POSITIVE_INFINITY;
        for (; it < maxIterations; it++) {
            eta = 0;
            for (int i = 0; i < nc; i++) {
                eta += s[i] * lambda[i];
            }
            rdual = dualResidualInf(grad, lambda);
            double fNow = objective(p, null, null);
            if (DEBUG) {
                System.err.printf("it %d f %.12g eta %.3g rdual %.3g dense %b%n", it, fNow, eta, rdual, dense);
            }
            if (eta <= tolGap * (1 + Math.abs(fNow)) && rdual <= tolFeas * (1 + gradScale)) {
                converged = true;
                break;
            }
            double progress = Math.max(eta, rdual * nc);
            if (progress >= 0.9 * lastEta) {
                if (++stalled >= 8) {
                    break; // rounding floor (or an infimum approached only at infinity): no further progress
                }
            } else {
                stalled = 0;
                lastEta = progress;
            }
            double muNow = eta / nc;
            for (int i = 0; i < nc; i++) {
                d[i] = lambda[i] / s[i];
            }
            factor();
            double sigma;
            if (loss == Loss.SQUARED) {
                // Mehrotra predictor (affine scaling): rhs = −∇f
                for (int i = 0; i < n; i++) {
                    rhs[i] = -grad[i];
                }
                solveRefined(rhs, dxi);
                if (!finite(dxi)) {
                    break;
                }
                b.slacks(dxi, ds);
                for (int i = 0; i < nc; i++) {
                    dl[i] = -lambda[i] - d[i] * ds[i];
                }
                double aP = maxStep(s, ds);
                double aD = maxStep(lambda, dl);
                double muAff = 0;
                for (int i = 0; i < nc; i++) {
                    muAff += (s[i] + aP * ds[i]) * (lambda[i] + aD * dl[i]);
                }
                muAff /= nc;
                sigma = Math.pow(Math.max(0, muAff) / muNow, 3);
                sigma = Math.min(1.0, Math.max(sigma, 0.0));
                // corrector: w = (σμ − Δs_aff Δλ_aff)/s
                for (int i = 0; i < nc; i++) {
                    corrW[i] = (sigma * muNow - ds[i] * dl[i]) / s[i];
                }
            } else {
                // a non-quadratic loss: B&V's primal-dual step towards the central point with σ = 1/MU
                sigma = 1.0 / MU;
                for (int i = 0; i < nc; i++) {
                    corrW[i] = sigma * muNow / s[i];
                }
            }
            // rhs = −∇f + Cᵀ w
            for (int i = 0; i < n; i++) {
                rhs[i] = -grad[i];
            }
            for (int i = 0; i < nc; i++) {
                sTrial[i] = -corrW[i];
            }
            subtractCTranspose(sTrial, rhs);
            solveRefined(rhs, dxi);
            if (!finite(dxi)) {
                break;
            }
            b.slacks(dxi, ds);
            for (int i = 0; i < nc; i++) {
                dl[i] = -lambda[i] + corrW[i] - d[i] * ds[i];
            }
            double step = Math.min(1.0, 0.995 * Math.min(maxStep(s, ds), maxStep(lambda, dl)));
            double invT = sigma * muNow;
            double r0 = loss == Loss.SQUARED ? Double.POSITIVE_INFINITY : residualNorm(grad, lambda, s, invT);
            for (int guard = 0; guard < 40; guard++) {
                for (int i = 0; i < n; i++) {
                    xiTrial[i] = xi[i] + step * dxi[i];
                }
                for (int i = 0; i < nc; i++) {
                    lTrial[i] = lambda[i] + step * dl[i];
                }
                b.slacks(xiTrial, sTrial);
                b.predictions(xiTrial, pTrial);
                objective(pTrial, q, null);
                gradient(q, gTrial);
                boolean positive = true;
                for (int i = 0; i < nc; i++) {
                    if (!(sTrial[i] > 0) || !(lTrial[i] > 0)) {
                        positive = false;
                        break;
                    }
                }
                if (positive && (loss == Loss.SQUARED
                        || residualNorm(gTrial, lTrial, sTrial, invT) <= (1 - ALPHA * step) * r0)) {
                    break;
                }
                step *= 0.5;
            }
            if (!(step > 0)) {
                break;
            }
            System.arraycopy(xiTrial, 0, xi, 0, n);
            System.arraycopy(lTrial, 0, lambda, 0, nc);
            System.arraycopy(sTrial, 0, s, 0, nc);
            System.arraycopy(pTrial, 0, p, 0, m);
            objective(p, phi1, phi2);
            gradient(phi1, grad);
        }
        return new Result(xi.clone(), lambda.clone(), it, converged, eta, rdual);
    }

    private boolean finite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /** The largest α ≤ 1 with v + α dv ≥ 0 (1 when no entry decreases). */
    private static double maxStep(double[] v, double[] dv) {
        double a = 1.0;
        for (int i = 0; i < v.length; i++) {
            if (dv[i] < 0) {
                a = Math.min(a, -v[i] / dv[i]);
            }
        }
        return a;
    }

    /** Factors the Newton matrix for the current D and Φ. */
    private void factor() {
        double floor = 1e-300;
        for (int t = 0; t < m; t++) {
            phi2[t] = Math.max(phi2[t], 1e-250);
        }
        if (dense) {
            Arrays.fill(blocks, 0.0);
            for (int g = 0; g < k; g++) {
                for (int t = 0; t < m; t++) {
                    double c = d[g * m + t];
                    int xo = t * r;
                    for (int a = 0; a < r; a++) {
                        double ca = c * b.xt[xo + a];
                        int row = (g * r + a) * n + g * r;
                        for (int bb = 0; bb <= a; bb++) {
                            blocks[row + bb] += ca * b.xt[xo + bb];
                        }
                    }
                }
            }
            for (int t = 0; t < m; t++) {
                int cnt = 0;
                for (int g = 0; g < k; g++) {
                    if (b.active[g * m + t]) {
                        idx[cnt++] = g;
                    }
                }
                int xo = t * r;
                double c = phi2[t];
                for (int u = 0; u < cnt; u++) {
                    int g = idx[u];
                    for (int v = 0; v <= u; v++) {
                        int h = idx[v];
                        for (int a = 0; a < r; a++) {
                            double ca = c * b.xt[xo + a];
                            int row = (g * r + a) * n + h * r;
                            int lim = g == h ? a : r - 1;
                            for (int bb = 0; bb <= lim; bb++) {
                                blocks[row + bb] += ca * b.xt[xo + bb];
                            }
                        }
                    }
                }
            }
            // regularise each diagonal entry relative to itself (a shift relative to the largest entry swamps the
            // small curvature of a cross-entropy term once some λ/s is huge, and the method stalls)
            for (int i = 0; i < n; i++) {
                blocks[i * n + i] += Math.max(delta, 1e-13 * blocks[i * n + i]);
            }
            Dense.cholesky(blocks, 0, n, delta * 1e-3);
            return;
        }
        int rr = r * r;
        Arrays.fill(blocks, 0.0);
        Arrays.fill(schur, 0.0);
        for (int g = 0; g < k; g++) {
            int off = g * rr;
            for (int t = 0; t < m; t++) {
                double c = d[g * m + t];
                int xo = t * r;
                for (int a = 0; a < r; a++) {
                    double ca = c * b.xt[xo + a];
                    int row = off + a * r;
                    for (int bb = 0; bb <= a; bb++) {
                        blocks[row + bb] += ca * b.xt[xo + bb];
                    }
                }
            }
            for (int a = 0; a < r; a++) {
                blocks[off + a * r + a] += Math.max(delta, 1e-15 * blocks[off + a * r + a]);
            }
            Dense.cholesky(blocks, off, r, delta);
            int cnt = 0;
            for (int t = 0; t < m; t++) {
                if (b.active[g * m + t]) {
                    idx[cnt] = t;
                    System.arraycopy(b.xt, t * r, ybuf, cnt * r, r);
                    Dense.forward(blocks, off, r, ybuf, cnt * r);
                    cnt++;
                }
            }
            for (int u = 0; u < cnt; u++) {
                int tu = idx[u];
                for (int v = 0; v <= u; v++) {
                    double dot = 0;
                    for (int j = 0; j < r; j++) {
                        dot += ybuf[u * r + j] * ybuf[v * r + j];
                    }
                    int tv = idx[v];
                    schur[Math.max(tu, tv) * m + Math.min(tu, tv)] += dot;
                }
            }
        }
        // Φ⁻¹ + (PSD): every pivot is at least the smallest 1/φ_t in exact arithmetic, so that is the floor (a floor
        // relative to the largest diagonal would clobber every pivot once some φ_t is tiny — an example whose
        // cross-entropy is nearly 0 — and stall the method)
        double minInv = Double.POSITIVE_INFINITY;
        for (int t = 0; t < m; t++) {
            double inv = 1.0 / phi2[t];
            schur[t * m + t] += inv;
            minInv = Math.min(minInv, inv);
        }
        Dense.cholesky(schur, 0, m, 0.5 * minInv);
    }

    /** x = H⁻¹ v with the factored (regularised) matrix. */
    private void applyInverse(double[] v, double[] x) {
        System.arraycopy(v, 0, x, 0, n);
        if (dense) {
            Dense.solve(blocks, 0, n, x, 0);
            return;
        }
        int rr = r * r;
        for (int g = 0; g < k; g++) {
            Dense.solve(blocks, g * rr, r, x, g * r);
        }
        b.predictions(x, q);
        Dense.solve(schur, 0, m, q, 0);
        mTranspose(q, w);
        for (int g = 0; g < k; g++) {
            Dense.solve(blocks, g * rr, r, w, g * r);
        }
        for (int i = 0; i < n; i++) {
            x[i] -= w[i];
        }
    }

    /** out = H v with the exact operator (no regularisation). */
    private void applyOperator(double[] v, double[] out) {
        b.predictions(v, pTrial);
        for (int t = 0; t < m; t++) {
            pTrial[t] *= phi2[t];
        }
        mTranspose(pTrial, out);
        b.slacks(v, sTrial);
        for (int i = 0; i < nc; i++) {
            sTrial[i] *= -d[i];
        }
        subtractCTranspose(sTrial, out);
    }

    /**
     * x = H⁻¹v: the regularised factorisation, then at most three rounds of iterative refinement against the exact
     * operator, stopping once the residual is at rounding level (10⁻¹⁵ of v) or stops contracting.
     */
    private void solveRefined(double[] v, double[] x) {
        applyInverse(v, x);
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(v[i]));
        }
        double last = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 3; round++) {
            applyOperator(x, gTrial);
            double rn = 0;
            for (int i = 0; i < n; i++) {
                gTrial[i] = v[i] - gTrial[i];
                rn = Math.max(rn, Math.abs(gTrial[i]));
            }
            if (rn <= 1e-15 * scale || rn >= 0.5 * last) {
                break;
            }
            last = rn;
            applyInverse(gTrial, corr);
            for (int i = 0; i < n; i++) {
                x[i] += corr[i];
            }
        }
    }
}
