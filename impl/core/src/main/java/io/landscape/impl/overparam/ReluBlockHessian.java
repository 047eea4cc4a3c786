package io.landscape.impl.overparam;

import io.landscape.api.InvalidPointException;
import io.landscape.api.NotDifferentiableException;
import io.landscape.api.function.NetworkHessian;

/**
 * The Hessian of the ReLU population loss at one point as a matrix-free operator: d×d blocks on demand and
 * Hessian–vector products in O((n² + nk)·d) time and O(n² + nk + (n + k)d) memory, never the dense (nd)² matrix
 * (800 MB at k = n = d = 100). Written from the closed forms (paper 000 Thm 10, paper 002 Eq. 10), independently of
 * the evaluators in {@code io.landscape.impl.objective} (against whose dense Hessian it is tested):
 * <pre>
 *   H_ii / c = ½a_i² I + Σ_{j≠i} a_i a_j h1(w_i, w_j) − Σ_l a_i b_l h1(w_i, v_l)
 *   H_ij / c = a_i a_j h2(w_i, w_j)                                               (i ≠ j)
 *   h1(w, z) = (‖z‖/(2π‖w‖)) [ sin θ (I − w̄w̄ᵀ) + p pᵀ / sin θ ],   p = z̄ − cos θ w̄   (‖p‖ = sin θ)
 *   h2(w, z) = (1/(2π)) [ (π − θ) I + sin θ w̄ z̄ᵀ + p qᵀ / sin θ ],   q = w̄ − cos θ z̄
 * </pre>
 * (rows belong to w, columns to z; c is the {@link io.landscape.api.Normalization} factor). The 1/sin θ terms have norm
 * sin θ, so at (numerically) parallel or antiparallel pairs — sin θ below {@value #PARALLEL_SIN} — they are left out,
 * which is their limit (paper 000 Lemma 1, Lemma 2: h1 → 0, h2 → ½I at θ = 0 and → 0 at θ = π), with an error of at
 * most that much. Angles are computed as θ = atan2(‖z̄ − cos θ w̄‖, cos θ), accurate also near 0 and π.
 *
 * <p>Immutable after construction; {@link #multiply} allocates scratch of size O(n² + nk) per call, so an instance may
 * be shared between threads.
 */
public final class ReluBlockHessian implements NetworkHessian {
    /** Below this sin θ the 1/sin θ rank-one terms (of norm sin θ) are left out (their limit is 0). */
    public static final double PARALLEL_SIN = 1e-15;
    private static final double INV_2PI = 1.0 / (2.0 * Math.PI);

    private final int n;
    private final int k;
    private final int d;
    private final double c;
    private final double[] a;
    private final double[] b;
    private final double[] wbar;  // n*d unit student vectors
    private final double[] r;     // n student norms
    private final double[] vbar;  // k*d unit teacher vectors
    private final double[] rho;   // k teacher norms
    private final double[] cosWW; // n*n
    private final double[] sinWW;
    private final double[] thWW;
    private final double[] cosWV; // n*k
    private final double[] sinWV;

    /**
     * @param teacher flat k·d teacher neurons (each nonzero)
     * @param k       teacher count
     * @param a       student output weights (length n)
     * @param b       teacher output weights (length k)
     * @param scale   the normalisation factor c (1 for the ½ convention)
     * @param x       the point, flat n·d (copied)
     * @throws NotDifferentiableException if a student neuron is zero
     */
    public ReluBlockHessian(double[] teacher, int k, double[] a, double[] b, double scale, double[] x) {
        this.n = a.length;
        this.k = k;
        this.d = x.length / n;
        if (x.length != n * d) {
            throw new InvalidPointException(-1, -1, "point has " + x.length + " entries, not a multiple of n = " + n);
        }
        this.c = scale;
        this.a = a.clone();
        this.b = b.clone();
        this.wbar = new double[n * d];
        this.r = new double[n];
        this.vbar = new double[k * d];
        this.rho = new double[k];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < d; q++) {
                if (!Double.isFinite(x[i * d + q])) {
                    throw new InvalidPointException(i, q, "neuron " + (i + 1) + ", coordinate " + (q + 1) + " is "
                            + x[i * d + q] + " (must be finite)");
                }
            }
            r[i] = unit(x, i * d, d, wbar);
            if (r[i] == 0.0) {
                throw new NotDifferentiableException(i, "neuron " + (i + 1) + " is zero: F is not twice "
                        + "differentiable there");
            }
        }
        for (int l = 0; l < k; l++) {
            rho[l] = unit(teacher, l * d, d, vbar);
            if (rho[l] == 0.0) {
                throw new IllegalArgumentException("teacher neuron " + (l + 1) + " is zero");
            }
        }
        cosWW = new double[n * n];
        sinWW = new double[n * n];
        thWW = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    cosWW[i * n + j] = 1.0;
                    continue;
                }
                double cs = dot(wbar, i * d, wbar, j * d, d);
                double s = orthogonalNorm(wbar, j * d, wbar, i * d, cs, d);
                cosWW[i * n + j] = cs;
                sinWW[i * n + j] = s;
                thWW[i * n + j] = Math.atan2(s, cs);
            }
        }
        cosWV = new double[n * k];
        sinWV = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                double cs = dot(wbar, i * d, vbar, l * d, d);
                cosWV[i * k + l] = cs;
                sinWV[i * k + l] = orthogonalNorm(vbar, l * d, wbar, i * d, cs, d);
            }
        }
    }

    /** ‖z̄ − cs·w̄‖ (= sin θ). */
    private static double orthogonalNorm(double[] z, int zo, double[] w, int wo, double cs, int d) {
        double s = 0;
        for (int q = 0; q < d; q++) {
            double p = z[zo + q] - cs * w[wo + q];
            s += p * p;
        }
        return Math.min(1.0, Math.sqrt(s));
    }

    private static double unit(double[] x, int o, int d, double[] out) {
        double s = 0;
        for (int q = 0; q < d; q++) {
            s += x[o + q] * x[o + q];
        }
        double nrm = Math.sqrt(s);
        if (nrm == 0.0) {
            return 0.0;
        }
        for (int q = 0; q < d; q++) {
            out[o + q] = x[o + q] / nrm;
        }
        return nrm;
    }

    static double dot(double[] x, int xo, double[] y, int yo, int d) {
        double s = 0;
        for (int q = 0; q < d; q++) {
            s += x[xo + q] * y[yo + q];
        }
        return s;
    }

    @Override
    public int dimension() {
        return n * d;
    }

    @Override
    public int blockSize() {
        return d;
    }

    /** The number n of student neurons. */
    public int neurons() {
        return n;
    }

    /** ‖w_i‖. */
    public double norm(int i) {
        return r[i];
    }

    /** sin θ(w_i, w_j) (0 for i = j). */
    public double sinStudent(int i, int j) {
        return sinWW[i * n + j];
    }

    /** sin θ(w_i, v_l). */
    public double sinTeacher(int i, int l) {
        return sinWV[i * k + l];
    }

    /** ‖v_l‖. */
    public double teacherNorm(int l) {
        return rho[l];
    }

    /** Student output weight a_i. */
    public double studentWeight(int i) {
        return a[i];
    }

    /** Teacher output weight b_l. */
    public double teacherWeight(int l) {
        return b[l];
    }

    /** The normalisation factor c. */
    public double scale() {
        return c;
    }

    @Override
    public void block(int i, int j, double[] out) {
        java.util.Arrays.fill(out, 0, d * d, 0.0);
        if (i == j) {
            addDiagonal(out, 0.5 * c * a[i] * a[i]);
            for (int jj = 0; jj < n; jj++) {
                if (jj != i) {
                    addH1(out, i, wbar, jj * d, cosWW[i * n + jj], sinWW[i * n + jj],
                            c * a[i] * a[jj] * r[jj] * INV_2PI / r[i]);
                }
            }
            for (int l = 0; l < k; l++) {
                addH1(out, i, vbar, l * d, cosWV[i * k + l], sinWV[i * k + l],
                        -c * a[i] * b[l] * rho[l] * INV_2PI / r[i]);
            }
            return;
        }
        double cs = cosWW[i * n + j];
        double s = sinWW[i * n + j];
        double g = c * a[i] * a[j] * INV_2PI;
        addDiagonal(out, g * (Math.PI - thWW[i * n + j]));
        int wi = i * d;
        int wj = j * d;
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < d; q++) {
                out[p * d + q] += g * s * wbar[wi + p] * wbar[wj + q];
            }
        }
        if (s >= PARALLEL_SIN) {
            double gs = g / s;
            for (int p = 0; p < d; p++) {
                double pp = gs * (wbar[wj + p] - cs * wbar[wi + p]);
                for (int q = 0; q < d; q++) {
                    out[p * d + q] += pp * (wbar[wi + q] - cs * wbar[wj + q]);
                }
            }
        }
    }

    private void addDiagonal(double[] out, double v) {
        for (int p = 0; p < d; p++) {
            out[p * d + p] += v;
        }
    }

    /** out += coef·[sin θ (I − w̄_iw̄_iᵀ) + p pᵀ/sin θ], p = z̄ − cos θ w̄_i. */
    private void addH1(double[] out, int i, double[] z, int zo, double cs, double s, double coef) {
        if (coef == 0.0) {
            return;
        }
        int wi = i * d;
        double cs1 = coef * s;
        for (int p = 0; p < d; p++) {
            out[p * d + p] += cs1;
            double wp = cs1 * wbar[wi + p];
            for (int q = 0; q < d; q++) {
                out[p * d + q] -= wp * wbar[wi + q];
            }
        }
        if (s >= PARALLEL_SIN) {
            double cinv = coef / s;
            for (int p = 0; p < d; p++) {
                double pp = cinv * (z[zo + p] - cs * wbar[wi + p]);
                for (int q = 0; q < d; q++) {
                    out[p * d + q] += pp * (z[zo + q] - cs * wbar[wi + q]);
                }
            }
        }
    }

    /**
     * out = H·v in O((n² + nk)·d): per pair only inner products with the precomputed unit vectors and a few axpys.
     */
    @Override
    public void multiply(double[] v, double[] out) {
        if (v == out) {
            throw new IllegalArgumentException("multiply: out must not be v");
        }
        if (v.length != n * d || out.length != n * d) {
            throw new IllegalArgumentException("multiply: vectors must have length n·d = " + (n * d));
        }
        // m[a*n+b] = w̄_a · v_b, t[i*k+l] = v̄_l · v_i
        double[] m = new double[n * n];
        double[] t = new double[n * k];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                m[p * n + q] = dot(wbar, p * d, v, q * d, d);
            }
            for (int l = 0; l < k; l++) {
                t[p * k + l] = dot(vbar, l * d, v, p * d, d);
            }
        }
        for (int i = 0; i < n; i++) {
            int oi = i * d;
            double selfCoef = 0.5 * c * a[i] * a[i];
            double coefV = selfCoef;          // multiplies v_i
            double coefWi = 0.0;              // multiplies w̄_i
            double wiVi = m[i * n + i];
            for (int q = 0; q < d; q++) {
                out[oi + q] = 0.0;
            }
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double cs = cosWW[i * n + j];
                double s = sinWW[i * n + j];
                // diagonal block part: h1(w_i, w_j) v_i
                double h = c * a[i] * a[j] * r[j] * INV_2PI / r[i];
                coefV += h * s;
                coefWi -= h * s * wiVi;
                double coefWj = 0.0;
                if (s >= PARALLEL_SIN) {
                    double pv = m[j * n + i] - cs * wiVi;   // p·v_i, p = w̄_j − cos w̄_i
                    double f = h * pv / s;
                    coefWj += f;
                    coefWi -= f * cs;
                }
                // off-diagonal block: h2(w_i, w_j) v_j
                double g = c * a[i] * a[j] * INV_2PI;
                double wjVj = m[j * n + j];
                double th = thWW[i * n + j];
                coefWi += g * s * wjVj;
                if (s >= PARALLEL_SIN) {
                    double qv = m[i * n + j] - cs * wjVj;  // q·v_j, q = w̄_i − cos w̄_j
                    double f = g * qv / s;                  // times p = w̄_j − cos w̄_i
                    coefWj += f;
                    coefWi -= f * cs;
                }
                double gt = g * (Math.PI - th);
                int oj = j * d;
                for (int q = 0; q < d; q++) {
                    out[oi + q] += gt * v[oj + q] + coefWj * wbar[oj + q];
                }
            }
            for (int l = 0; l < k; l++) {
                double cs = cosWV[i * k + l];
                double s = sinWV[i * k + l];
                double h = -c * a[i] * b[l] * rho[l] * INV_2PI / r[i];
                coefV += h * s;
                coefWi -= h * s * wiVi;
                if (s >= PARALLEL_SIN) {
                    double pv = t[i * k + l] - cs * wiVi;
                    double f = h * pv / s;
                    coefWi -= f * cs;
                    int ol = l * d;
                    for (int q = 0; q < d; q++) {
                        out[oi + q] += f * vbar[ol + q];
                    }
                }
            }
            for (int q = 0; q < d; q++) {
                out[oi + q] += coefV * v[oi + q] + coefWi * wbar[oi + q];
            }
        }
    }
}
