package io.landscape.impl.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.api.Kernel;
import io.landscape.api.Normalization;

/**
 * F as the commands print it. F ≥ 0 always (it is an expected square), but the computed value is a difference of pair
 * sums and can come out slightly negative near a global minimum (e.g. −1.8·10⁻¹⁵). Such a value is printed as
 * {@code 0.0}, with the computed one in the field {@code rawValue}, when it lies within the rounding bound
 * <pre>
 *   b = 4 (n + k)² ε S,   ε = 2⁻⁵²,   S = c (Σ_u √κ(u, u))²,
 * </pre>
 * the sum running over all n students and k teachers, c = ½ for half normalisation and 1 for full: by Cauchy–Schwarz
 * |κ(a, b)| ≤ √(κ(a, a) κ(b, b)) for a positive semi-definite kernel, so S bounds the sum of the magnitudes of the
 * (n + k)² pair terms, and summing them (each computed to a few ulps) errs by at most (n + k)² ε S with room to spare.
 * A more negative value is printed as computed: it is not rounding (for instance a kernel that is not positive
 * semi-definite). κ(u, u) is ‖u‖²/2 for ReLU, ‖u‖² for linear and (2/π) arcsin(2‖u‖²/(1 + 2‖u‖²)) for erf; for
 * {@code --kernel-formula} kernels no such closed form is known here and F is printed as computed. Non-finite values
 * are printed as {@code null}.
 */
final class FValue {
    private FValue() {
    }

    /** The rounding bound b above for students {@code w} and teachers {@code v}; NaN if unknown (formula kernels). */
    static double roundingBound(double[][] w, double[][] v, Kernel kernel, boolean formula, Normalization norm) {
        if (formula) {
            return Double.NaN;
        }
        double sum = 0;
        for (double[] u : w) {
            sum += selfScale(u, kernel);
        }
        for (double[] u : v) {
            sum += selfScale(u, kernel);
        }
        double c = norm == Normalization.FULL ? 1.0 : 0.5;
        double units = w.length + v.length;
        return 4 * units * units * Math.ulp(1.0) * c * sum * sum;
    }

    /** √κ(u, u) for the built-in kernels. */
    private static double selfScale(double[] u, Kernel kernel) {
        double sq = 0;
        double scale = 0;
        for (double x : u) {
            scale = Math.max(scale, Math.abs(x));
        }
        if (scale == 0) {
            return 0;
        }
        for (double x : u) {
            sq += (x / scale) * (x / scale);
        }
        double norm = scale * Math.sqrt(sq);
        switch (kernel.name()) {
            case "relu":
                return norm / Math.sqrt(2);
            case "linear":
                return norm;
            case "erf": {
                double r2 = norm * norm;
                double arg = Double.isInfinite(r2) ? 1.0 : 2 * r2 / (1 + 2 * r2);
                return Math.sqrt(2 / Math.PI * Math.asin(Math.min(1.0, arg)));
            }
            default:
                return Double.NaN;
        }
    }

    /** Puts F into {@code o} under {@code key}: clamped as described above, {@code null} if not finite. */
    static void put(ObjectNode o, String key, double value, double bound) {
        if (!Double.isFinite(value)) {
            o.putNull(key);
        } else if (value < 0 && -value <= bound) {
            o.put(key, 0.0);
            o.put("rawValue", value);
        } else {
            o.put(key, value);
        }
    }
}
