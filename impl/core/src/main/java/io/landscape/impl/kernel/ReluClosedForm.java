package io.landscape.impl.kernel;

/**
 * The ReLU arc-cosine kernel's coefficients written out by hand from papers 002 (Eqs. 7–10) and 000 (Thm 10):
 * the reference against which the Symja-derived, compiled kernel is tested and benchmarked.
 * κ = (rρ/(2π))(sin θ + (π − θ) cos θ).
 */
public final class ReluClosedForm extends PairKernel {
    private static final double INV_2PI = 1.0 / (2.0 * Math.PI);

    public ReluClosedForm() {
        describe("relu-closed-form", "");
    }

    @Override
    public double value(double r, double rho, double c, double s, double th) {
        return r * rho * INV_2PI * (s + (Math.PI - th) * c);
    }

    @Override
    public void first(double r, double rho, double c, double s, double th, double[] out) {
        double pt = (Math.PI - th) * INV_2PI;
        out[0] = r * rho * (s * INV_2PI + pt * c);
        out[1] = rho * s * INV_2PI;
        out[2] = r * s * INV_2PI;
        out[3] = pt;
    }

    @Override
    public void second(double r, double rho, double c, double s, double th, double[] out) {
        double pt = (Math.PI - th) * INV_2PI;
        double sv = s * INV_2PI;
        double h1w = rho * sv / r;
        double h1v = r * sv / rho;
        out[0] = h1w;       // a1
        out[1] = 0.0;       // b1
        out[2] = 0.0;       // g1
        out[3] = h1w;       // d1
        out[4] = h1v;       // a1v
        out[5] = 0.0;       // b1v
        out[6] = 0.0;       // g1v
        out[7] = h1v;       // d1v
        out[8] = pt;        // e0
        out[9] = sv + pt * c; // e2
        out[10] = 0.0;      // e3
        out[11] = s * pt;   // e4
        out[12] = sv;       // e5
    }

    @Override
    public void self(double r, double[] out) {
        out[0] = 0.5 * r * r;
        out[1] = r;
        out[2] = 1.0;
    }
}
