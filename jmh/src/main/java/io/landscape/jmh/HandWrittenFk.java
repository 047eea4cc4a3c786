package io.landscape.jmh;

import io.landscape.api.function.DifferentiableFunction;

/**
 * F^(k) of paper 004 and its gradient written out by hand — the reference {@link FormulaObjectiveBenchmark} compares
 * the compiled formula with. With s = w·w, t = w·u, c = u·u and V = (2/π) asin z:
 * V(w, w): z = 2s/(1+2s), ∇ = (2/π)/√(1−z²) · 2/(1+2s)² · 2w;
 * V(w, u): z = 2t/√((1+2s)(1+2c)), ∇ = (2/π)/√(1−z²) · (2/√((1+2s)(1+2c)) u − z/(1+2s) · 2w);
 * ∇_{w_l} F = ½[P₁^{(l)} ∇V(w_l, w_l) − 2 P₂^{(l)} ∇V(w_l, u)], P^{(l)} the product over the other members.
 * Not thread-safe (scratch arrays).
 */
public final class HandWrittenFk implements DifferentiableFunction {
    private final int k;
    private final int d;
    private final double[] u;
    private final double c;
    private final double constant;
    private final double[] v1;
    private final double[] v2;
    private final double[] d1;
    private final double[] dt;
    private final double[] ds;

    public HandWrittenFk(int k, int d, double[] u) {
        this.k = k;
        this.d = d;
        this.u = u.clone();
        double cc = 0;
        for (double x : u) {
            cc += x * x;
        }
        this.c = cc;
        this.constant = Math.pow(2 / Math.PI * Math.asin(2 * cc / (1 + 2 * cc)), k);
        v1 = new double[k];
        v2 = new double[k];
        d1 = new double[k];
        dt = new double[k];
        ds = new double[k];
    }

    @Override
    public String toString() {
        return "hand-written F^(k), k = " + k + ", d = " + d;
    }

    @Override
    public int dimension() {
        return k * d;
    }

    @Override
    public double value(double[] x) {
        double p1 = 1;
        double p2 = 1;
        for (int l = 0; l < k; l++) {
            double s = 0;
            double t = 0;
            int o = l * d;
            for (int i = 0; i < d; i++) {
                s = Math.fma(x[o + i], x[o + i], s);
                t = Math.fma(x[o + i], u[i], t);
            }
            p1 *= 2 / Math.PI * Math.asin(2 * s / (1 + 2 * s));
            p2 *= 2 / Math.PI * Math.asin(2 * t / Math.sqrt((1 + 2 * s) * (1 + 2 * c)));
        }
        return 0.5 * (p1 - 2 * p2 + constant);
    }

    @Override
    public double valueAndGradient(double[] x, double[] out) {
        double p1 = 1;
        double p2 = 1;
        for (int l = 0; l < k; l++) {
            double s = 0;
            double t = 0;
            int o = l * d;
            for (int i = 0; i < d; i++) {
                s = Math.fma(x[o + i], x[o + i], s);
                t = Math.fma(x[o + i], u[i], t);
            }
            double a = 1 + 2 * s;
            double z1 = 2 * s / a;
            double q = Math.sqrt(a * (1 + 2 * c));
            double z2 = 2 * t / q;
            v1[l] = 2 / Math.PI * Math.asin(z1);
            v2[l] = 2 / Math.PI * Math.asin(z2);
            d1[l] = 2 / Math.PI / Math.sqrt(1 - z1 * z1) * 2 / (a * a) * 2;     // coefficient of w
            double g2 = 2 / Math.PI / Math.sqrt(1 - z2 * z2);
            dt[l] = g2 * 2 / q;                                                  // coefficient of u
            ds[l] = -g2 * z2 / a * 2;                                            // coefficient of w
            p1 *= v1[l];
            p2 *= v2[l];
        }
        for (int l = 0; l < k; l++) {
            double o1 = 1;
            double o2 = 1;
            for (int m = 0; m < k; m++) {
                if (m != l) {
                    o1 *= v1[m];
                    o2 *= v2[m];
                }
            }
            double cw = 0.5 * (o1 * d1[l]) - o2 * ds[l];
            double cu = -o2 * dt[l];
            int o = l * d;
            for (int i = 0; i < d; i++) {
                out[o + i] = cw * x[o + i] + cu * u[i];
            }
        }
        return 0.5 * (p1 - 2 * p2 + constant);
    }
}
