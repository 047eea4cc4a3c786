package io.landscape.impl.sharing;

import io.landscape.api.function.DenseNetworkHessian;
import io.landscape.api.function.HessianOperator;
import io.landscape.api.function.TwiceDifferentiableFunction;

/**
 * Paper 004 §3: the cosine-wave target p_{u₀}(x) = c_k u₀ᵀx₁ + cos(Σ_l u₀ᵀx_l) over k patches x_l ~ N(0, I_d),
 * c_k = 3√k, and its population loss F(w) = E[½(p_w(x) − p_{u₀}(x))²] in closed form:
 * <ul>
 *   <li>FC (Eq. 2), w = (w₁, …, w_k) ∈ R^{kd}, ū₀ = (u₀, …, u₀):
 *       F(w) = (c_k²/2)‖w₁ − u₀‖² + ½Q(w, ū₀), with (Lemma 10)
 *       Q(w, v) = E[(cos(wᵀz) − cos(vᵀz))²] = 1 + ½e^{−2‖w‖²} + ½e^{−2‖v‖²} − e^{−‖w−v‖²/2} − e^{−‖w+v‖²/2};</li>
 *   <li>WS (Eq. 4), w₀ ∈ R^d: F(w₀) = (c_k²/2)‖w₀ − u₀‖² + ½Q(√k w₀, √k u₀) (Σ_l x_l ~ N(0, kI)).</li>
 * </ul>
 * The cross term E[(c_k(w₁ − u₀)ᵀx₁)(cos(wᵀx) − cos(ū₀ᵀx))] vanishes by the symmetry x ↦ −x. Gradient and Hessian are
 * exact: ∇(½Q)(w) = −e^{−2‖w‖²}w + ½e^{−‖w−v‖²/2}(w − v) + ½e^{−‖w+v‖²/2}(w + v) and
 * ∇²(½Q) = e^{−2‖w‖²}(4wwᵀ − I) + ½e^{−‖w−v‖²/2}(I − (w−v)(w−v)ᵀ) + ½e^{−‖w+v‖²/2}(I − (w+v)(w+v)ᵀ).
 * (Paper slips, see docs/weight-sharing: Lemma 9's printed gradient has a wrong sign, Lemma 11's Hessian a sign
 * slip, Thm 2's eigenvalue range a factor-2 slip.) Instances are immutable and may be shared between threads.
 */
public final class CosineWaveObjective implements TwiceDifferentiableFunction {
    private final int k;
    private final int d;
    private final double[] u0;
    private final double ck;
    private final boolean shared;

    private CosineWaveObjective(int k, double[] u0, boolean shared) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        for (double x : u0) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("u0 has a non-finite entry");
            }
        }
        this.k = k;
        this.d = u0.length;
        this.u0 = u0.clone();
        this.ck = 3 * Math.sqrt(k);
        this.shared = shared;
    }

    public static CosineWaveObjective fullyConnected(int k, double[] u0) {
        return new CosineWaveObjective(k, u0, false);
    }

    public static CosineWaveObjective weightShared(int k, double[] u0) {
        return new CosineWaveObjective(k, u0, true);
    }

    /** c_k = 3√k. */
    public double ck() {
        return ck;
    }

    public int patches() {
        return k;
    }

    public int patchDimension() {
        return d;
    }

    @Override
    public int dimension() {
        return shared ? d : k * d;
    }

    /** v_i: the i-th entry of the target point (ū₀ for FC, √k u₀ for WS, in the coordinates of Q). */
    private double target(int i) {
        return shared ? Math.sqrt(k) * u0[i] : u0[i % d];
    }

    private double scale() {
        return shared ? Math.sqrt(k) : 1;
    }

    @Override
    public double value(double[] w) {
        return valueAndGradient(w, null);
    }

    @Override
    public double valueAndGradient(double[] w, double[] g) {
        int m = dimension();
        if (w.length != m) {
            throw new IllegalArgumentException("point has length " + w.length + ", objective dimension " + m);
        }
        if (g != null && (g == w || g.length != m)) {
            throw new IllegalArgumentException("gradient array: length or aliasing");
        }
        double s = scale();
        double ww = 0;
        double vv = 0;
        double dm = 0;
        double dp = 0;
        double quad = 0;
        for (int i = 0; i < m; i++) {
            double x = s * w[i];
            double v = target(i);
            ww += x * x;
            vv += v * v;
            dm += (x - v) * (x - v);
            dp += (x + v) * (x + v);
            if (i < d) {
                double e = w[i] - u0[i];
                quad += e * e;
            }
        }
        double e2w = Math.exp(-2 * ww);
        double em = Math.exp(-dm / 2);
        double ep = Math.exp(-dp / 2);
        double q = 1 + 0.5 * e2w + 0.5 * Math.exp(-2 * vv) - em - ep;
        if (g != null) {
            for (int i = 0; i < m; i++) {
                double x = s * w[i];
                double v = target(i);
                double gq = -e2w * x + 0.5 * em * (x - v) + 0.5 * ep * (x + v);
                g[i] = s * gq + (i < d ? ck * ck * (w[i] - u0[i]) : 0);
            }
        }
        return 0.5 * ck * ck * quad + 0.5 * q;
    }

    @Override
    public HessianOperator hessianAt(double[] w) {
        int m = dimension();
        if (w.length != m) {
            throw new IllegalArgumentException("point has length " + w.length + ", objective dimension " + m);
        }
        double s = scale();
        double[] x = new double[m];
        double[] v = new double[m];
        double ww = 0;
        double dm = 0;
        double dp = 0;
        for (int i = 0; i < m; i++) {
            x[i] = s * w[i];
            v[i] = target(i);
            ww += x[i] * x[i];
            dm += (x[i] - v[i]) * (x[i] - v[i]);
            dp += (x[i] + v[i]) * (x[i] + v[i]);
        }
        double e2w = Math.exp(-2 * ww);
        double em = Math.exp(-dm / 2);
        double ep = Math.exp(-dp / 2);
        double s2 = s * s;
        double[] h = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double hq = 4 * e2w * x[i] * x[j] - 0.5 * em * (x[i] - v[i]) * (x[j] - v[j])
                        - 0.5 * ep * (x[i] + v[i]) * (x[j] + v[j]);
                if (i == j) {
                    hq += -e2w + 0.5 * em + 0.5 * ep;
                }
                h[i * m + j] = s2 * hq + (i == j && i < d ? ck * ck : 0);
            }
        }
        return new DenseNetworkHessian(h, m, d);
    }
}
