package io.landscape.impl.objective;

import io.landscape.api.Gradient;
import io.landscape.api.Hessian;
import io.landscape.api.InvalidPointException;
import io.landscape.api.NotDifferentiableException;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.kernel.PairKernel;

/**
 * F, ∇F and ∇²F assembled from a pairwise kernel (paper 002 Eq. 6 and 10, paper 000 Thm 10):
 * <pre>
 *   F/c = ½ Σ_i a_i² D(‖w_i‖) + Σ_{i&lt;j} a_i a_j κ(w_i, w_j) − Σ_{i,l} a_i b_l κ(w_i, v_l) + ½ Σ_{l,m} b_l b_m κ(v_l, v_m)
 * </pre>
 * with c the {@link io.landscape.api.Normalization} factor. The gradient is assembled as two small matrix products,
 * ∇_i = Σ_j C_ij w_j + Σ_l E_il v_l, where C and E collect the kernel's scalar coefficients (each student pair is
 * visited once and serves both neurons). Hessian blocks are H_ii = ½a_i²∇²D + Σ_{j≠i} a_i a_j h1(w_i, w_j)
 * − Σ_l a_i b_l h1(w_i, v_l) and H_ij = a_i a_j h2(w_i, w_j), each written as σI + a xᵀ + n yᵀ (see
 * {@link io.landscape.impl.symbolic.KernelDerivation}).
 *
 * <p>Not thread-safe (owns scratch space); allocation-free after construction.
 */
public final class PairwiseObjective implements Objective {
    private final Problem problem;
    private final PairKernel kernel;
    private final int n;
    private final int k;
    private final int d;
    private final double[] a;       // student output weights
    private final double[] b;       // teacher output weights
    private final double[] v;       // teacher, flat k*d
    private final double[] rho;     // teacher norms
    private final double[] vUnit;   // teacher unit vectors, flat
    private final double teacherConstant;
    private final double scale;

    // scratch
    private final double[] r;
    private final double[] invR;    // 1/‖w_i‖ (0 for a zero neuron)
    private final double[] invRho;  // 1/‖v_l‖
    private final double[] gram;    // n*n student dots
    private final double[] cross;   // n*k student-teacher dots
    private final double[] coefC;   // n*n
    private final double[] coefE;   // n*k
    private final double[] out4 = new double[PairKernel.FIRST_SIZE];
    private final double[] out13 = new double[PairKernel.SECOND_SIZE];
    private final double[] out3 = new double[PairKernel.SELF_SIZE];
    private final double[] unit;    // n*d student unit vectors
    private final double[] nvec;
    private final double[] mvec;
    private final double[] xvec;
    private final double[] yvec;
    // the Hessian's diagonal blocks in compact form: H_ii = σ_i I + u_i X_iᵀ + G_i u_iᵀ + Σ δ n nᵀ (see hessianInto)
    private final double[] diagSigma;
    private final double[] diagX;
    private final double[] diagG;
    private final PairGeometry geo = new PairGeometry();
    private final Gradient gradientObject;
    private final Hessian hessianObject;

    public PairwiseObjective(Problem problem, PairKernel kernel) {
        this.problem = problem;
        this.kernel = kernel;
        this.n = problem.studentCount();
        this.k = problem.teacherCount();
        this.d = problem.inputDimension();
        this.a = problem.studentWeights();
        this.b = problem.teacherWeights();
        this.scale = problem.normalization().factorRelativeToHalf();
        this.v = new double[k * d];
        this.rho = new double[k];
        this.vUnit = new double[k * d];
        for (int l = 0; l < k; l++) {
            double[] row = problem.teacherNeuron(l);
            System.arraycopy(row, 0, v, l * d, d);
            double nn = 0;
            for (double x : row) {
                nn += x * x;
            }
            rho[l] = Math.sqrt(nn);
            if (rho[l] == 0.0) {
                throw new IllegalArgumentException("teacher neuron " + (l + 1) + " is the zero vector: remove it "
                        + "(the kernel needs a direction for every teacher neuron)");
            }
            for (int q = 0; q < d; q++) {
                vUnit[l * d + q] = row[q] / rho[l];
            }
        }
        this.r = new double[n];
        this.invR = new double[n];
        this.invRho = new double[k];
        for (int l = 0; l < k; l++) {
            invRho[l] = 1.0 / rho[l];
        }
        this.gram = new double[n * n];
        this.cross = new double[n * k];
        this.coefC = new double[n * n];
        this.coefE = new double[n * k];
        this.unit = new double[n * d];
        this.nvec = new double[d];
        this.mvec = new double[d];
        this.xvec = new double[d];
        this.yvec = new double[d];
        this.diagSigma = new double[n];
        this.diagX = new double[n * d];
        this.diagG = new double[n * d];
        this.teacherConstant = teacherConstant();
        this.gradientObject = new Gradient() {
            @Override
            public int dimension() {
                return n * d;
            }

            @Override
            public void evaluate(double[] x, double[] out) {
                valueAndGradient(x, out);
            }
        };
        this.hessianObject = new Hessian() {
            @Override
            public int dimension() {
                return n * d;
            }

            @Override
            public void evaluate(double[] x, double[] out) {
                hessianInto(x, out);
            }
        };
    }

    private double teacherConstant() {
        double t = 0;
        for (int l = 0; l < k; l++) {
            kernel.self(rho[l], out3);
            t += 0.5 * b[l] * b[l] * out3[0];
            for (int m = l + 1; m < k; m++) {
                double p = SmallMatrices.dot(v, l * d, v, m * d, d);
                geo.angle(v, l * d, rho[l], v, m * d, rho[m], p, d);
                t += b[l] * b[m] * kernel.value(rho[l], rho[m], geo.c, geo.s, geo.th);
            }
        }
        return t;
    }

    @Override
    public Problem problem() {
        return problem;
    }

    @Override
    public int dimension() {
        return n * d;
    }

    @Override
    public Gradient gradient() {
        return gradientObject;
    }

    @Override
    public Hessian hessian() {
        return hessianObject;
    }

    /** The kernel evaluator in use. */
    public PairKernel kernel() {
        return kernel;
    }

    private void checkLength(double[] x) {
        if (x.length != n * d) {
            throw new InvalidPointException(-1, -1, "point has " + x.length + " entries, expected n·d = " + n + "·" + d
                    + " = " + (n * d));
        }
    }

    /**
     * Norms and dot products of the point (the Gram matrices WWᵀ, upper triangle, and WVᵀ; see
     * {@link SmallMatrices}); returns true if some neuron is zero.
     */
    private boolean prepare(double[] x) {
        checkLength(x);
        boolean zero = false;
        SmallMatrices.upperGram(x, n, d, gram);
        SmallMatrices.crossGram(x, n, v, k, d, cross);
        for (int i = 0; i < n; i++) {
            r[i] = Math.sqrt(gram[i * n + i]);
            if (r[i] == 0.0) {
                zero = true;
                invR[i] = 0.0;
            } else {
                invR[i] = 1.0 / r[i];
            }
        }
        return zero;
    }

    @Override
    public double value(double[] x) {
        prepare(x);
        double f = 0;
        for (int i = 0; i < n; i++) {
            kernel.self(r[i], out3);
            f += 0.5 * a[i] * a[i] * out3[0];
            int io = i * d;
            for (int j = i + 1; j < n; j++) {
                f += a[i] * a[j] * pairValue(x, io, r[i], x, j * d, r[j], gram[i * n + j]);
            }
            for (int l = 0; l < k; l++) {
                f -= a[i] * b[l] * pairValue(x, io, r[i], v, l * d, rho[l], cross[i * k + l]);
            }
        }
        double value = scale * (f + teacherConstant);
        if (!Double.isFinite(value)) {
            requireFinitePoint(x);
            throw new ArithmeticException("kernel '" + kernel.name() + "' gave a non-finite value " + value
                    + " (check the kernel formula at this point)");
        }
        return value;
    }

    private double pairValue(double[] x, int xo, double rx, double[] y, int yo, double ry, double p) {
        if (rx == 0.0 || ry == 0.0) {
            // the angle is undefined; any kernel of the form E σ(w·x)σ(v·x) does not depend on it here
            return kernel.value(rx, ry, 0.0, 1.0, 0.5 * Math.PI);
        }
        geo.angle(x, xo, rx, y, yo, ry, p, d);
        return kernel.value(rx, ry, geo.c, geo.s, geo.th);
    }

    /**
     * Called only once a result came out non-finite (the hot paths pay nothing): a NaN or infinite entry of the point
     * is the caller's, not the kernel's, and is reported as such.
     */
    private void requireFinitePoint(double[] x) {
        for (int q = 0; q < x.length; q++) {
            if (!Double.isFinite(x[q])) {
                throw new InvalidPointException(q / d, q % d, "the point's entry x[" + q + "] (student neuron "
                        + (q / d + 1) + ", coordinate " + (q % d + 1) + ") is " + x[q] + ": F is defined only at "
                        + "finite points");
            }
        }
    }

    private void requireNonzero(String what) {
        for (int i = 0; i < n; i++) {
            if (r[i] == 0.0) {
                throw new NotDifferentiableException(i, "student neuron " + (i + 1) + " is the zero vector: F is not "
                        + "differentiable there, so the " + what + " is undefined (paper 000 Lemma 1)");
            }
        }
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        if (g.length != n * d) {
            throw new IllegalArgumentException("gradient output has " + g.length + " entries, expected " + (n * d));
        }
        if (g == x) {
            throw new IllegalArgumentException("gradient output must not be the input array");
        }
        if (prepare(x)) {
            requireNonzero("gradient");
        }
        java.util.Arrays.fill(coefC, 0.0);
        double f = 0;
        for (int i = 0; i < n; i++) {
            double ri = r[i];
            double ii = invR[i];
            int io = i * d;
            int ci = i * n;
            double ai = a[i];
            kernel.self(ri, out3);
            double half = 0.5 * ai * ai;
            f += half * out3[0];
            double diag = half * out3[1] * ii;
            for (int j = i + 1; j < n; j++) {
                double rj = r[j];
                double ij = invR[j];
                geo.angleInv(x, io, ii, x, j * d, ij, gram[ci + j], d);
                kernel.first(ri, rj, geo.c, geo.s, geo.th, out4);
                double w = ai * a[j];
                f += w * out4[0];
                diag += w * out4[1] * ii;
                coefC[j * n + j] += w * out4[2] * ij;
                double off = w * out4[3];
                coefC[ci + j] = off;
                coefC[j * n + i] = off;
            }
            int ki = i * k;
            for (int l = 0; l < k; l++) {
                geo.angleInv(x, io, ii, v, l * d, invRho[l], cross[ki + l], d);
                kernel.first(ri, rho[l], geo.c, geo.s, geo.th, out4);
                double w = -ai * b[l];
                f += w * out4[0];
                diag += w * out4[1] * ii;
                coefE[ki + l] = w * out4[3];
            }
            coefC[ci + i] += diag;
        }
        // ∇ = scale (C W + E V): two small matrix products
        java.util.Arrays.fill(g, 0.0);
        SmallMatrices.addProduct(coefC, n, n, x, d, g);
        SmallMatrices.addProduct(coefE, n, k, v, d, g);
        if (scale != 1.0) {
            for (int q = 0; q < n * d; q++) {
                g[q] *= scale;
            }
        }
        double value = scale * (f + teacherConstant);
        for (int q = 0; q < n * d; q++) {
            if (!Double.isFinite(g[q])) {
                requireFinitePoint(x);
                throw new ArithmeticException("kernel '" + kernel.name() + "' gave a non-finite gradient entry "
                        + g[q] + " at parameter " + q);
            }
        }
        if (!Double.isFinite(value)) {
            requireFinitePoint(x);
            throw new ArithmeticException("kernel '" + kernel.name() + "' gave a non-finite value " + value);
        }
        return value;
    }

    private void hessianInto(double[] x, double[] out) {
        int m = n * d;
        if (out.length != m * m) {
            throw new IllegalArgumentException("Hessian output has " + out.length + " entries, expected (n·d)² = "
                    + ((long) m * m));
        }
        if (prepare(x)) {
            requireNonzero("Hessian");
        }
        // every off-diagonal block is written once below (setBlock and its transpose); only the diagonal ones accumulate
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < d; p++) {
                java.util.Arrays.fill(out, (i * d + p) * m + i * d, (i * d + p) * m + i * d + d, 0.0);
            }
        }
        for (int i = 0; i < n; i++) {
            double inv = invR[i];
            for (int q = 0; q < d; q++) {
                unit[i * d + q] = x[i * d + q] * inv;
            }
        }
        // Diagonal blocks: every term has the form w(αI + u((β−α)u + γn)ᵀ + n(γu + δn)ᵀ) with u = u_i, so they are
        // accumulated as σ_i = Σ wα, X_i = Σ w((β−α)u + γn), G_i = Σ wγn and only the rank-one wδ nnᵀ goes into the
        // block (upper triangle): H_ii = σ_i I + u X_iᵀ + G_i uᵀ + Σ wδ nnᵀ, added and mirrored at the end — a
        // quarter of the arithmetic of adding each term as a full rank-two update.
        java.util.Arrays.fill(diagSigma, 0.0);
        java.util.Arrays.fill(diagX, 0.0);
        java.util.Arrays.fill(diagG, 0.0);
        double[] o = out13;
        for (int i = 0; i < n; i++) {
            int io = i * d;
            double ri = r[i];
            // self term: ½a_i² (D″ aaᵀ + (D′/r)(I − aaᵀ))
            kernel.self(ri, out3);
            double half = 0.5 * a[i] * a[i];
            double sig = half * out3[1] / ri;
            diagSigma[i] += sig;
            for (int q = 0; q < d; q++) {
                diagX[io + q] += (half * out3[2] - sig) * unit[io + q];
            }
            for (int j = i + 1; j < n; j++) {
                int jo = j * d;
                double rj = r[j];
                geo.angleInv(x, io, invR[i], x, jo, invR[j], gram[i * n + j], d);
                double c = geo.c;
                double s = geo.s;
                planeVectors(unit, io, unit, jo, c, s);
                kernel.second(ri, rj, c, s, geo.th, o);
                double w = a[i] * a[j];
                // h1 at w_i: a1 I + a((b1−a1)a + g1 n)ᵀ + n(g1 a + d1 n)ᵀ
                diagonalTerm(out, m, i, w, o[0], o[1], o[2], o[3], nvec);
                // h1 at w_j (v side): basis b = unit_j and m
                diagonalTerm(out, m, j, w, o[4], o[5], o[6], o[7], mvec);
                // h2 block (i, j) = e0 I + a (e2 b + e3 m − c e0 b)ᵀ + n (e4 b + e5 m − s e0 b)ᵀ
                for (int q = 0; q < d; q++) {
                    double bq = unit[jo + q];
                    xvec[q] = w * ((o[9] - c * o[8]) * bq + o[10] * mvec[q]);
                    yvec[q] = w * ((o[11] - s * o[8]) * bq + o[12] * mvec[q]);
                }
                setBlock(out, m, io, jo, w * o[8], unit, io, xvec, nvec, yvec);
                // block (j, i) = transpose
                for (int p = 0; p < d; p++) {
                    int row = (io + p) * m + jo;
                    for (int q = 0; q < d; q++) {
                        out[(jo + q) * m + io + p] = out[row + q];
                    }
                }
            }
            for (int l = 0; l < k; l++) {
                int lo = l * d;
                geo.angleInv(x, io, invR[i], v, lo, invRho[l], cross[i * k + l], d);
                planeVectors(unit, io, vUnit, lo, geo.c, geo.s);
                kernel.second(ri, rho[l], geo.c, geo.s, geo.th, o);
                diagonalTerm(out, m, i, -a[i] * b[l], o[0], o[1], o[2], o[3], nvec);
            }
        }
        for (int i = 0; i < n; i++) {
            int io = i * d;
            for (int p = 0; p < d; p++) {
                int row = (io + p) * m + io;
                double up = unit[io + p];
                double gp = diagG[io + p];
                out[row + p] += diagSigma[i];
                for (int q = p; q < d; q++) {
                    out[row + q] += up * diagX[io + q] + gp * unit[io + q];
                }
                for (int q = 0; q < p; q++) {
                    out[row + q] = out[(io + q) * m + io + p];
                }
            }
        }
        for (int q = 0; q < m * m; q++) {
            double h = out[q];
            if (!Double.isFinite(h)) {
                requireFinitePoint(x);
                throw new ArithmeticException("kernel '" + kernel.name() + "' gave a non-finite Hessian entry " + h
                        + " at (" + (q / m) + ", " + (q % m) + ")");
            }
            if (scale != 1.0) {
                out[q] = h * scale;
            }
        }
    }

    /** nvec = (b − c a)/s and mvec = (a − c b)/s; zero when s = 0. */
    private void planeVectors(double[] ua, int ao, double[] ub, int bo, double c, double s) {
        if (s == 0.0) {
            java.util.Arrays.fill(nvec, 0.0);
            java.util.Arrays.fill(mvec, 0.0);
            return;
        }
        double inv = 1.0 / s;
        for (int q = 0; q < d; q++) {
            double aq = ua[ao + q];
            double bq = ub[bo + q];
            nvec[q] = (bq - c * aq) * inv;
            mvec[q] = (aq - c * bq) * inv;
        }
    }

    /**
     * Adds w·(α I + u((β−α)u + γn)ᵀ + n(γu + δn)ᵀ), u = unit_i, to diagonal block i: σ_i, X_i and G_i take the first
     * three parts, and wδ nnᵀ goes into the block's upper triangle (the rest is added by hessianInto at the end).
     */
    private void diagonalTerm(double[] out, int m, int i, double w, double alpha, double beta, double gamma,
                              double delta, double[] nv) {
        int io = i * d;
        diagSigma[i] += w * alpha;
        double xu = w * (beta - alpha);
        double xn = w * gamma;
        double wd = w * delta;
        for (int q = 0; q < d; q++) {
            double nq = nv[q];
            diagX[io + q] += xu * unit[io + q] + xn * nq;
            diagG[io + q] += xn * nq;
        }
        if (wd != 0.0) {
            for (int p = 0; p < d; p++) {
                int row = (io + p) * m + io;
                double f = wd * nv[p];
                for (int q = p; q < d; q++) {
                    out[row + q] = SmallMatrices.madd(f, nv[q], out[row + q]);
                }
            }
        }
    }

    /** out[block (ro, co)] = sigma I + u xᵀ + n yᵀ. */
    private void setBlock(double[] out, int m, int ro, int co, double sigma, double[] u, int uo, double[] xv,
                          double[] nv, double[] yv) {
        for (int p = 0; p < d; p++) {
            int row = (ro + p) * m + co;
            double up = u[uo + p];
            double np = nv[p];
            for (int q = 0; q < d; q++) {
                out[row + q] = SmallMatrices.madd(np, yv[q], SmallMatrices.madd(up, xv[q], 0.0));
            }
            out[row + p] = SmallMatrices.madd(np, yv[p], SmallMatrices.madd(up, xv[p], sigma));
        }
    }
}
