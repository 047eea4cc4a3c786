package io.landscape.impl.sharing;

/**
 * The arcsine kernel of σ = erf (paper 004, Lemma 1; Williams 1997): for x ~ N(0, I),
 * V(u, w) = E[erf(uᵀx) erf(wᵀx)] = (2/π) arcsin(2uᵀw / √((1 + 2‖u‖²)(1 + 2‖w‖²))), with its gradient and Hessian in
 * w, in closed form (derived by hand, checked against finite differences and Monte Carlo in the tests). Vectors are
 * read as {@code d} entries from an offset so that the blocks of a longer parameter vector can be used in place.
 *
 * <p>Two forms: the self term a(w) = V(w, w) = (2/π) arcsin(2r/(1 + 2r)), r = ‖w‖², a function of r only, with
 * a'(r) = (4/π)/((1 + 2r)√(1 + 4r)), ∇a = 2a'(r)w, ∇²a = 2a'(r)I + 4a''(r)wwᵀ; and the cross term
 * b(w) = V(u, w) for a fixed u.
 */
public final class ErfArcsine {
    private static final double TWO_OVER_PI = 2 / Math.PI;

    private ErfArcsine() {
    }

    /** V(u, w) for blocks of length {@code d} at the given offsets. */
    public static double v(double[] u, int uOff, double[] w, int wOff, int d) {
        double uu = 0;
        double ww = 0;
        double uw = 0;
        for (int i = 0; i < d; i++) {
            double a = u[uOff + i];
            double b = w[wOff + i];
            uu += a * a;
            ww += b * b;
            uw += a * b;
        }
        return TWO_OVER_PI * Math.asin(clamp(2 * uw / Math.sqrt((1 + 2 * uu) * (1 + 2 * ww))));
    }

    /** a(r) = V(w, w) as a function of r = ‖w‖². */
    public static double self(double r) {
        return TWO_OVER_PI * Math.asin(2 * r / (1 + 2 * r));
    }

    /** a'(r) = (4/π)/((1 + 2r)√(1 + 4r)); this is Lemma 5's c₁(w) with r = ‖w‖² (so c₁(0) = 4/π). */
    public static double selfPrime(double r) {
        return 2 * TWO_OVER_PI / ((1 + 2 * r) * Math.sqrt(1 + 4 * r));
    }

    /** a''(r) = −2a'(r)(1/(1 + 2r) + 1/(1 + 4r)). */
    public static double selfSecond(double r) {
        return -2 * selfPrime(r) * (1 / (1 + 2 * r) + 1 / (1 + 4 * r));
    }

    /**
     * b(w) = V(u, w); writes ∇_w b into {@code grad} at {@code gOff} (when {@code grad} is not null).
     *
     * @param uu ‖u‖²
     */
    public static double cross(double[] u, double uu, double[] w, int wOff, int d, double[] grad, int gOff) {
        double q = 0;
        double r = 0;
        for (int i = 0; i < d; i++) {
            double x = w[wOff + i];
            q += u[i] * x;
            r += x * x;
        }
        double su = Math.sqrt(1 + 2 * uu);
        double sw = Math.sqrt(1 + 2 * r);
        double z = clamp(2 * q / (su * sw));
        if (grad != null) {
            double g = TWO_OVER_PI / Math.sqrt(1 - z * z);
            double s = g * 2 / (su * sw);
            double t = 2 * q / (1 + 2 * r);
            for (int i = 0; i < d; i++) {
                grad[gOff + i] = s * (u[i] - t * w[wOff + i]);
            }
        }
        return TWO_OVER_PI * Math.asin(z);
    }

    /**
     * Writes the d×d Hessian ∇²_w V(u, w) (row-major) into {@code out}; {@code gradScratch} (length ≥ d) receives
     * ∇_w V(u, w).
     */
    public static void crossHessian(double[] u, double uu, double[] w, int wOff, int d, double[] gradScratch,
            double[] out) {
        double q = 0;
        double r = 0;
        for (int i = 0; i < d; i++) {
            double x = w[wOff + i];
            q += u[i] * x;
            r += x * x;
        }
        double su = Math.sqrt(1 + 2 * uu);
        double sw = Math.sqrt(1 + 2 * r);
        double z = clamp(2 * q / (su * sw));
        double oneMinus = 1 - z * z;
        double g = TWO_OVER_PI / Math.sqrt(oneMinus);
        double c = 2 / su;
        double sw3 = 1 / (sw * sw * sw);
        double sw5 = sw3 / (sw * sw);
        double t = 2 * q / (1 + 2 * r);
        for (int i = 0; i < d; i++) {
            gradScratch[i] = (c / sw) * (u[i] - t * w[wOff + i]); // ∇z
        }
        double outer = g * z / oneMinus;
        for (int i = 0; i < d; i++) {
            double wi = w[wOff + i];
            for (int j = 0; j < d; j++) {
                double wj = w[wOff + j];
                double hz = c * (-2 * sw3 * (u[i] * wj + wi * u[j]) + 12 * q * sw5 * wi * wj);
                if (i == j) {
                    hz -= c * 2 * q * sw3;
                }
                out[i * d + j] = g * hz + outer * gradScratch[i] * gradScratch[j];
            }
        }
        for (int i = 0; i < d; i++) {
            gradScratch[i] *= g;
        }
    }

    private static double clamp(double z) {
        return z > 1 ? 1 : z < -1 ? -1 : z;
    }
}
