package io.landscape.impl.objective;

import java.math.BigDecimal;

import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;

/**
 * Reference values in 100-digit decimal arithmetic (Hipparchus {@link Dfp}), from the textbook closed form that
 * {@link SingleTeacherLoss} avoids: L = ½Σ_{ij} f(w_i, w_j) − Σ_i f(w_i, v) + ½f(v, v),
 * f(a, b) = (1/2π)‖a‖‖b‖(sin θ + (π − θ)cos θ), θ = arccos(aᵀb/(‖a‖‖b‖)), and the gradient
 * ∇_i = ½w_i + Σ_{j≠i} g(w_i, w_j) − g(w_i, v), g(a, b) = (1/2π)(‖b‖ sin θ â + (π − θ) b). The double inputs are
 * converted exactly (through {@link BigDecimal}), so the only error left is the 100-digit rounding.
 */
final class HighPrecisionSingleTeacher {
    private final DfpField field = new DfpField(100);
    private final Dfp pi = field.getPi();
    private final Dfp half = field.newDfp(1).divide(2);
    private final int n;
    private final int d;
    private final Dfp[] v;

    HighPrecisionSingleTeacher(double[] teacher, int n) {
        this.n = n;
        this.d = teacher.length;
        this.v = convert(teacher, 0, d);
    }

    private Dfp exact(double x) {
        return field.newDfp(new BigDecimal(x).toString());
    }

    private Dfp[] convert(double[] x, int off, int len) {
        Dfp[] out = new Dfp[len];
        for (int k = 0; k < len; k++) {
            out[k] = exact(x[off + k]);
        }
        return out;
    }

    private Dfp dot(Dfp[] a, Dfp[] b) {
        Dfp s = field.getZero();
        for (int k = 0; k < a.length; k++) {
            s = s.add(a[k].multiply(b[k]));
        }
        return s;
    }

    private Dfp angle(Dfp[] a, Dfp[] b) {
        Dfp c = dot(a, b).divide(dot(a, a).sqrt().multiply(dot(b, b).sqrt()));
        Dfp one = field.getOne();
        if (c.greaterThan(one)) {
            c = one;
        }
        if (c.lessThan(one.negate())) {
            c = one.negate();
        }
        return DfpMath.acos(c);
    }

    private Dfp kernel(Dfp[] a, Dfp[] b) {
        Dfp t = angle(a, b);
        Dfp s = DfpMath.sin(t).add(pi.subtract(t).multiply(DfpMath.cos(t)));
        return dot(a, a).sqrt().multiply(dot(b, b).sqrt()).multiply(s).divide(pi.multiply(2));
    }

    private Dfp[][] students(double[] x) {
        Dfp[][] w = new Dfp[n][];
        for (int i = 0; i < n; i++) {
            w[i] = convert(x, i * d, d);
        }
        return w;
    }

    /** L(x) to ~100 digits. */
    Dfp value(double[] x) {
        Dfp[][] w = students(x);
        Dfp total = kernel(v, v).multiply(half);
        for (int i = 0; i < n; i++) {
            total = total.add(dot(w[i], w[i]).multiply(half).multiply(half)); // ½ f(w_i, w_i) = ¼‖w_i‖²
            for (int j = i + 1; j < n; j++) {
                total = total.add(kernel(w[i], w[j]));
            }
            total = total.subtract(kernel(w[i], v));
        }
        return total;
    }

    /** ∇L(x) to ~100 digits, rounded to doubles. */
    double[] gradient(double[] x) {
        Dfp[][] w = students(x);
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            Dfp[] g = new Dfp[d];
            for (int k = 0; k < d; k++) {
                g[k] = w[i][k].multiply(half);
            }
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    addG(g, w[i], w[j], field.getOne());
                }
            }
            addG(g, w[i], v, field.getOne().negate());
            for (int k = 0; k < d; k++) {
                out[i * d + k] = g[k].toDouble();
            }
        }
        return out;
    }

    private void addG(Dfp[] g, Dfp[] a, Dfp[] b, Dfp sign) {
        Dfp t = angle(a, b);
        Dfp na = dot(a, a).sqrt();
        Dfp nb = dot(b, b).sqrt();
        Dfp twoPi = pi.multiply(2);
        Dfp c1 = nb.multiply(DfpMath.sin(t)).divide(na).divide(twoPi).multiply(sign);
        Dfp c2 = pi.subtract(t).divide(twoPi).multiply(sign);
        for (int k = 0; k < g.length; k++) {
            g[k] = g[k].add(c1.multiply(a[k])).add(c2.multiply(b[k]));
        }
    }

    /** ψ(θ) = sin θ − θ cos θ to ~100 digits (θ converted exactly). */
    double psi(double theta) {
        Dfp t = exact(theta);
        return DfpMath.sin(t).subtract(t.multiply(DfpMath.cos(t))).toDouble();
    }

    /** θ − sin θ to ~100 digits. */
    double tau(double theta) {
        Dfp t = exact(theta);
        return t.subtract(DfpMath.sin(t)).toDouble();
    }
}
