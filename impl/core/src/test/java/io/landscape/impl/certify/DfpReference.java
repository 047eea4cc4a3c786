package io.landscape.impl.certify;

import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;

/**
 * F and ∇F of the ReLU teacher–student loss in 40-digit decimal arithmetic (Hipparchus {@link Dfp}), straight from the
 * closed forms of paper 002 Eqs. 6–8 — an independent high-precision reference for the interval enclosures.
 */
public final class DfpReference {
    public static final DfpField FIELD = new DfpField(40);
    private final double[][] v;
    private final double[] a;
    private final double[] b;
    private final double scale;
    private final int d;

    public DfpReference(double[][] v, double[] a, double[] b, double scale) {
        this.v = v;
        this.a = a;
        this.b = b;
        this.scale = scale;
        this.d = v[0].length;
    }

    private Dfp[] vec(double[] x, int off) {
        Dfp[] r = new Dfp[d];
        for (int q = 0; q < d; q++) {
            r[q] = FIELD.newDfp(x[off + q]);
        }
        return r;
    }

    private static Dfp dot(Dfp[] x, Dfp[] y) {
        Dfp s = FIELD.getZero();
        for (int q = 0; q < x.length; q++) {
            s = s.add(x[q].multiply(y[q]));
        }
        return s;
    }

    /** κ(w, z). */
    private static Dfp kappa(Dfp[] w, Dfp[] z) {
        Dfp rw = dot(w, w).sqrt();
        Dfp rz = dot(z, z).sqrt();
        Dfp c = dot(w, z).divide(rw.multiply(rz));
        Dfp th = DfpMath.acos(c);
        Dfp s = FIELD.getOne().subtract(c.multiply(c)).sqrt();
        return rw.multiply(rz).divide(FIELD.getPi().multiply(2)).multiply(s.add(FIELD.getPi().subtract(th).multiply(c)));
    }

    /** g(w, z) = ∂κ/∂w = (‖z‖ sin θ w̄ + (π − θ) z)/(2π). */
    private Dfp[] g(Dfp[] w, Dfp[] z) {
        Dfp rw = dot(w, w).sqrt();
        Dfp rz = dot(z, z).sqrt();
        Dfp c = dot(w, z).divide(rw.multiply(rz));
        Dfp th = DfpMath.acos(c);
        Dfp s = FIELD.getOne().subtract(c.multiply(c)).sqrt();
        Dfp[] out = new Dfp[d];
        for (int q = 0; q < d; q++) {
            out[q] = rz.multiply(s).multiply(w[q]).divide(rw).add(FIELD.getPi().subtract(th).multiply(z[q]))
                    .divide(FIELD.getPi().multiply(2));
        }
        return out;
    }

    public Dfp value(double[] x) {
        int n = x.length / d;
        Dfp f = FIELD.getZero();
        for (int i = 0; i < n; i++) {
            Dfp[] wi = vec(x, i * d);
            f = f.add(dot(wi, wi).multiply(FIELD.newDfp(0.25 * a[i] * a[i])));
            for (int j = i + 1; j < n; j++) {
                f = f.add(kappa(wi, vec(x, j * d)).multiply(FIELD.newDfp(a[i] * a[j])));
            }
            for (int l = 0; l < v.length; l++) {
                f = f.subtract(kappa(wi, vec(v[l], 0)).multiply(FIELD.newDfp(a[i] * b[l])));
            }
        }
        for (int l = 0; l < v.length; l++) {
            Dfp[] vl = vec(v[l], 0);
            f = f.add(dot(vl, vl).multiply(FIELD.newDfp(0.25 * b[l] * b[l])));
            for (int m = l + 1; m < v.length; m++) {
                f = f.add(kappa(vl, vec(v[m], 0)).multiply(FIELD.newDfp(b[l] * b[m])));
            }
        }
        return f.multiply(FIELD.newDfp(scale));
    }

    public Dfp[] gradient(double[] x) {
        int n = x.length / d;
        Dfp[] out = new Dfp[n * d];
        for (int i = 0; i < n; i++) {
            Dfp[] wi = vec(x, i * d);
            Dfp[] gi = new Dfp[d];
            for (int q = 0; q < d; q++) {
                gi[q] = wi[q].multiply(FIELD.newDfp(0.5 * a[i] * a[i]));
            }
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    Dfp[] t = g(wi, vec(x, j * d));
                    for (int q = 0; q < d; q++) {
                        gi[q] = gi[q].add(t[q].multiply(FIELD.newDfp(a[i] * a[j])));
                    }
                }
            }
            for (int l = 0; l < v.length; l++) {
                Dfp[] t = g(wi, vec(v[l], 0));
                for (int q = 0; q < d; q++) {
                    gi[q] = gi[q].subtract(t[q].multiply(FIELD.newDfp(a[i] * b[l])));
                }
            }
            for (int q = 0; q < d; q++) {
                out[i * d + q] = gi[q].multiply(FIELD.newDfp(scale));
            }
        }
        return out;
    }
}
