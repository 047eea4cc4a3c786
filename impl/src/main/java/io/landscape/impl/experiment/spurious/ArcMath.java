package io.landscape.impl.experiment.spurious;

/**
 * acos and asin in pure Java (the fdlibm algorithms, error &lt; 1 ulp), so HotSpot can inline them: on JDK 17
 * {@link Math#acos} is a native call into fdlibm and dominates the cost of a gradient step. Tested against
 * {@link StrictMath} in {@code ArcMathTest}.
 */
final class ArcMath {
    private static final double PI = 3.14159265358979311600e+00;
    private static final double PIO2_HI = 1.57079632679489655800e+00;
    private static final double PIO2_LO = 6.12323399573676603587e-17;
    private static final double PS0 = 1.66666666666666657415e-01;
    private static final double PS1 = -3.25565818622400915405e-01;
    private static final double PS2 = 2.01212532134862925881e-01;
    private static final double PS3 = -4.00555345006794114027e-02;
    private static final double PS4 = 7.91534994289814532176e-04;
    private static final double PS5 = 3.47933107596021167570e-05;
    private static final double QS1 = -2.40339491173441421878e+00;
    private static final double QS2 = 2.02094576023350569471e+00;
    private static final double QS3 = -6.88283971605453293030e-01;
    private static final double QS4 = 7.70381505559019352791e-02;

    /** Grid spacing 1/512 of the table used by {@link #acosWithSine}. */
    private static final int STEPS = 512;
    private static final double[] GRID_ANGLE = new double[2 * STEPS + 1];
    private static final double[] GRID_SINE = new double[2 * STEPS + 1];

    static {
        for (int j = 0; j <= 2 * STEPS; j++) {
            double c0 = (j - STEPS) / (double) STEPS;
            GRID_ANGLE[j] = StrictMath.acos(c0);
            GRID_SINE[j] = StrictMath.sqrt((1.0 - c0) * (1.0 + c0));
        }
    }

    private ArcMath() {
    }

    /**
     * arccos(c) for |c| ≤ 0.9, given s = √(1 − c²) (which the caller needs anyway): no division. With the nearest grid
     * point c₀ = j/512, θ₀ = arccos c₀ and s₀ = √(1 − c₀²) from a table, t = sin(θ₀ − θ) = s₀c − c₀s is exact up to
     * rounding and |t| ≤ |θ₀ − θ| &lt; 0.0023, so θ = θ₀ − asin t with asin t = t + t³/6 + 3t⁵/40 (next term
     * &lt; 10⁻¹⁹). Absolute error ≤ 10⁻¹⁵ (≈ 2 ulp near π; tested against {@link StrictMath#acos}).
     */
    static double acosWithSine(double c, double s) {
        int j = (int) (c * STEPS + (STEPS + 0.5));
        double c0 = (j - STEPS) * (1.0 / STEPS);
        double t = GRID_SINE[j] * c - c0 * s;
        double t2 = t * t;
        return GRID_ANGLE[j] - (t + t * t2 * (1.0 / 6.0 + t2 * (3.0 / 40.0)));
    }

    private static double ratio(double z) {
        double p = z * (PS0 + z * (PS1 + z * (PS2 + z * (PS3 + z * (PS4 + z * PS5)))));
        double q = 1.0 + z * (QS1 + z * (QS2 + z * (QS3 + z * QS4)));
        return p / q;
    }

    /** arccos(x) for x in [−1, 1] (values outside are clamped). */
    static double acos(double x) {
        if (x >= 1.0) {
            return 0.0;
        }
        if (x <= -1.0) {
            return PI;
        }
        double ax = Math.abs(x);
        if (ax < 0.5) {
            if (ax < 0x1p-57) {
                return PIO2_HI + PIO2_LO;
            }
            double r = ratio(x * x);
            return PIO2_HI - (x - (PIO2_LO - x * r));
        } else if (x < 0) {
            double z = (1.0 + x) * 0.5;
            double s = Math.sqrt(z);
            double w = ratio(z) * s - PIO2_LO;
            return PI - 2.0 * (s + w);
        } else {
            double z = (1.0 - x) * 0.5;
            double s = Math.sqrt(z);
            double df = Double.longBitsToDouble(Double.doubleToRawLongBits(s) & 0xffffffff00000000L);
            double c = (z - df * df) / (s + df);
            double w = ratio(z) * s + c;
            return 2.0 * (df + w);
        }
    }

    /** arcsin(x) for 0 ≤ x &lt; 0.5 (the only range the objective needs); falls back to {@link Math#asin} otherwise. */
    static double asinSmall(double x) {
        if (x < 0 || x >= 0.5) {
            return Math.asin(x);
        }
        if (x < 0x1p-27) {
            return x;
        }
        return x + x * ratio(x * x);
    }
}
