package io.landscape.impl.sharing;

import io.landscape.api.function.DenseNetworkHessian;
import io.landscape.api.function.HessianOperator;
import io.landscape.api.function.TwiceDifferentiableFunction;

/**
 * Paper 004 §4: the population losses of the erf-product ("parity-like") targets over k patches x_l ~ N(0, I_d),
 * with σ = erf, in closed form (Lemmas 1 and 3, ½ convention of Eq. (1)):
 * <ul>
 *   <li>F^(k)(w) = ½[Π_l V(w_l, w_l) − 2Π_l V(w_l, u₀) + V(u₀, u₀)^k] (target Π_l σ(u₀ᵀx_l));</li>
 *   <li>F^(1,k) = F^(1)(w₁) + F^(k)(w), F^(1)(w₁) = ½[V(w₁, w₁) − 2V(w₁, u₀) + V(u₀, u₀)] (target
 *       σ(u₀ᵀx₁) + Π_l σ(u₀ᵀx_l); the cross term vanishes because σ is odd).</li>
 * </ul>
 * Fully connected (FC): parameters w = (w₁, …, w_k) ∈ R^{kd}, one filter per patch. Weight shared (WS): one filter
 * w₀ ∈ R^d, every w_l = w₀. Gradients and Hessians are exact (product rule over the blocks; the kernel derivatives are
 * in {@link ErfArcsine}). Instances are immutable and may be shared between threads.
 */
public final class ErfProductObjective implements TwiceDifferentiableFunction {
    private final int k;
    private final int d;
    private final double[] u0;
    private final double uu;
    private final boolean shared;
    private final boolean lowPlusHigh;
    private final double vuu;

    private ErfProductObjective(int k, double[] u0, boolean shared, boolean lowPlusHigh) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (u0.length < 1) {
            throw new IllegalArgumentException("u0 must have at least one entry");
        }
        this.k = k;
        this.d = u0.length;
        this.u0 = u0.clone();
        double s = 0;
        for (double x : u0) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("u0 has a non-finite entry");
            }
            s += x * x;
        }
        this.uu = s;
        this.shared = shared;
        this.lowPlusHigh = lowPlusHigh;
        this.vuu = ErfArcsine.self(s);
    }

    /** FC, target Π_l σ(u₀ᵀx_l) ({@code lowPlusHigh} false) or σ(u₀ᵀx₁) + Π_l σ(u₀ᵀx_l) (true). */
    public static ErfProductObjective fullyConnected(int k, double[] u0, boolean lowPlusHigh) {
        return new ErfProductObjective(k, u0, false, lowPlusHigh);
    }

    /** WS, target as in {@link #fullyConnected}. */
    public static ErfProductObjective weightShared(int k, double[] u0, boolean lowPlusHigh) {
        return new ErfProductObjective(k, u0, true, lowPlusHigh);
    }

    public int patches() {
        return k;
    }

    public int patchDimension() {
        return d;
    }

    public boolean isWeightShared() {
        return shared;
    }

    /** V(u₀, u₀). */
    public double targetSelf() {
        return vuu;
    }

    /** The plateau ½V(u₀, u₀)^k: the loss of the high-degree part when nothing of it is learnt. */
    public double plateau() {
        return 0.5 * Math.pow(vuu, k);
    }

    @Override
    public int dimension() {
        return shared ? d : k * d;
    }

    private double norm2(double[] w, int off) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += w[off + i] * w[off + i];
        }
        return s;
    }

    @Override
    public double value(double[] w) {
        check(w);
        if (shared) {
            double a = ErfArcsine.self(norm2(w, 0));
            double b = ErfArcsine.cross(u0, uu, w, 0, d, null, 0);
            double f = 0.5 * (Math.pow(a, k) - 2 * Math.pow(b, k) + Math.pow(vuu, k));
            return lowPlusHigh ? f + 0.5 * (a - 2 * b + vuu) : f;
        }
        double pa = 1;
        double pb = 1;
        double a1 = 0;
        double b1 = 0;
        for (int l = 0; l < k; l++) {
            double a = ErfArcsine.self(norm2(w, l * d));
            double b = ErfArcsine.cross(u0, uu, w, l * d, d, null, 0);
            if (l == 0) {
                a1 = a;
                b1 = b;
            }
            pa *= a;
            pb *= b;
        }
        double f = 0.5 * (pa - 2 * pb + Math.pow(vuu, k));
        return lowPlusHigh ? f + 0.5 * (a1 - 2 * b1 + vuu) : f;
    }

    @Override
    public double valueAndGradient(double[] w, double[] g) {
        check(w);
        if (g == w || g.length != dimension()) {
            throw new IllegalArgumentException("gradient array: length " + g.length + " (need " + dimension()
                    + ") or same as the point");
        }
        if (shared) {
            double r = norm2(w, 0);
            double a = ErfArcsine.self(r);
            double ap = ErfArcsine.selfPrime(r);
            double b = ErfArcsine.cross(u0, uu, w, 0, d, g, 0); // g = ∇b for now
            double ak1 = Math.pow(a, k - 1);
            double bk1 = Math.pow(b, k - 1);
            double ca = 0.5 * k * ak1 * 2 * ap; // coefficient of w
            double cb = k * bk1; // coefficient of ∇b
            double f = 0.5 * (ak1 * a - 2 * bk1 * b + Math.pow(vuu, k));
            if (lowPlusHigh) {
                ca += ap;
                cb += 1;
                f += 0.5 * (a - 2 * b + vuu);
            }
            for (int i = 0; i < d; i++) {
                g[i] = ca * w[i] - cb * g[i];
            }
            return f;
        }
        double[] a = new double[k];
        double[] ap = new double[k];
        double[] b = new double[k];
        for (int l = 0; l < k; l++) {
            double r = norm2(w, l * d);
            a[l] = ErfArcsine.self(r);
            ap[l] = ErfArcsine.selfPrime(r);
            b[l] = ErfArcsine.cross(u0, uu, w, l * d, d, g, l * d); // ∇b_l into block l
        }
        double[] exA = exclusiveProducts(a);
        double[] exB = exclusiveProducts(b);
        double pa = exA[0] * a[0];
        double pb = exB[0] * b[0];
        double f = 0.5 * (pa - 2 * pb + Math.pow(vuu, k));
        for (int l = 0; l < k; l++) {
            double ca = exA[l] * ap[l]; // ½ Π_{j≠l} a_j · 2a'_l
            double cb = exB[l];
            if (lowPlusHigh && l == 0) {
                ca += ap[0];
                cb += 1;
            }
            int off = l * d;
            for (int i = 0; i < d; i++) {
                g[off + i] = ca * w[off + i] - cb * g[off + i];
            }
        }
        if (lowPlusHigh) {
            f += 0.5 * (a[0] - 2 * b[0] + vuu);
        }
        return f;
    }

    /** Π_{j≠l} x_j for every l, without division. */
    static double[] exclusiveProducts(double[] x) {
        int n = x.length;
        double[] out = new double[n];
        double p = 1;
        for (int l = 0; l < n; l++) {
            out[l] = p;
            p *= x[l];
        }
        p = 1;
        for (int l = n - 1; l >= 0; l--) {
            out[l] *= p;
            p *= x[l];
        }
        return out;
    }

    @Override
    public HessianOperator hessianAt(double[] w) {
        check(w);
        int m = dimension();
        double[] h = new double[m * m];
        double[] hb = new double[d * d];
        if (shared) {
            double r = norm2(w, 0);
            double a = ErfArcsine.self(r);
            double ap = ErfArcsine.selfPrime(r);
            double app = ErfArcsine.selfSecond(r);
            double[] gb = new double[d];
            ErfArcsine.crossHessian(u0, uu, w, 0, d, gb, hb);
            double b = ErfArcsine.cross(u0, uu, w, 0, d, null, 0);
            // ½∇²(a^k) = ½[k a^{k−1} ∇²a + k(k−1) a^{k−2} ∇a∇aᵀ], ∇a = 2a'w, ∇²a = 2a'I + 4a''wwᵀ
            double ha1 = 0.5 * k * Math.pow(a, k - 1);
            double ha2 = k > 1 ? 0.5 * k * (k - 1) * Math.pow(a, k - 2) : 0;
            double hb1 = k * Math.pow(b, k - 1);
            double hb2 = k > 1 ? k * (k - 1) * Math.pow(b, k - 2) : 0;
            if (lowPlusHigh) {
                ha1 += 0.5;
                hb1 += 1;
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double wiwj = w[i] * w[j];
                    double d2a = 4 * app * wiwj + (i == j ? 2 * ap : 0);
                    double gaga = 4 * ap * ap * wiwj;
                    h[i * d + j] = ha1 * d2a + ha2 * gaga - hb1 * hb[i * d + j] - hb2 * gb[i] * gb[j];
                }
            }
            return new DenseNetworkHessian(h, m, d);
        }
        double[] a = new double[k];
        double[] ap = new double[k];
        double[] app = new double[k];
        double[] b = new double[k];
        double[] gb = new double[k * d];
        for (int l = 0; l < k; l++) {
            double r = norm2(w, l * d);
            a[l] = ErfArcsine.self(r);
            ap[l] = ErfArcsine.selfPrime(r);
            app[l] = ErfArcsine.selfSecond(r);
            b[l] = ErfArcsine.cross(u0, uu, w, l * d, d, gb, l * d);
        }
        double[] scratch = new double[d];
        for (int l = 0; l < k; l++) {
            double pa = 1;
            double pb = 1;
            for (int j = 0; j < k; j++) {
                if (j != l) {
                    pa *= a[j];
                    pb *= b[j];
                }
            }
            double ca = 0.5 * pa;
            double cb = pb;
            if (lowPlusHigh && l == 0) {
                ca += 0.5;
                cb += 1;
            }
            ErfArcsine.crossHessian(u0, uu, w, l * d, d, scratch, hb);
            int off = l * d;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double d2a = 4 * app[l] * w[off + i] * w[off + j] + (i == j ? 2 * ap[l] : 0);
                    h[(off + i) * m + off + j] = ca * d2a - cb * hb[i * d + j];
                }
            }
            for (int mm = 0; mm < k; mm++) {
                if (mm == l) {
                    continue;
                }
                double qa = 1;
                double qb = 1;
                for (int j = 0; j < k; j++) {
                    if (j != l && j != mm) {
                        qa *= a[j];
                        qb *= b[j];
                    }
                }
                int offM = mm * d;
                for (int i = 0; i < d; i++) {
                    double gai = 2 * ap[l] * w[off + i];
                    for (int j = 0; j < d; j++) {
                        double gaj = 2 * ap[mm] * w[offM + j];
                        h[(off + i) * m + offM + j] = 0.5 * qa * gai * gaj - qb * gb[off + i] * gb[offM + j];
                    }
                }
            }
        }
        return new DenseNetworkHessian(h, m, d);
    }

    private void check(double[] w) {
        if (w.length != dimension()) {
            throw new IllegalArgumentException("point has length " + w.length + ", objective dimension " + dimension());
        }
    }
}
