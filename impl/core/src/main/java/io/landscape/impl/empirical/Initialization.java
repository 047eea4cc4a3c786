package io.landscape.impl.empirical;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Initialisations satisfying paper 001's Assumption 1: each neuron's weight vector (with its bias, if any) is drawn
 * independently from a spherically symmetric law with no mass at 0 — {@link Kind#GAUSSIAN} N(0, σ²I) of any scale σ,
 * or {@link Kind#SPHERE} uniform on the sphere of radius σ. The output weights v_i of a two-layer network are drawn
 * the same way (one-dimensional: ±σ for the sphere). Deterministic given the random source.
 */
public record Initialization(Kind kind, double scale) {
    /** The law of one neuron's vector. */
    public enum Kind {
        GAUSSIAN, SPHERE
    }

    public Initialization {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("initialisation scale must be positive and finite, got " + scale);
        }
    }

    public static Initialization gaussian(double sigma) {
        return new Initialization(Kind.GAUSSIAN, sigma);
    }

    public static Initialization sphere(double radius) {
        return new Initialization(Kind.SPHERE, radius);
    }

    /** Fills {@code out[from … from+len-1]} with one neuron's vector. */
    public void draw(SplittableRandom rnd, double[] out, int from, int len) {
        double norm2;
        do {
            norm2 = 0;
            for (int j = 0; j < len; j++) {
                double g = gaussian(rnd);
                out[from + j] = g;
                norm2 += g * g;
            }
        } while (norm2 == 0.0);
        double f = kind == Kind.GAUSSIAN ? scale : scale / Math.sqrt(norm2);
        for (int j = 0; j < len; j++) {
            out[from + j] *= f;
        }
    }

    /**
     * A two-layer parameter vector (layout of {@link io.landscape.api.empirical.EmpiricalProblem}): n neurons in R^d,
     * then n output weights when {@code trainable}.
     */
    public double[] twoLayer(SplittableRandom rnd, int n, int d, boolean trainable) {
        double[] w = new double[trainable ? n * d + n : n * d];
        for (int i = 0; i < n; i++) {
            draw(rnd, w, i * d, d);
        }
        if (trainable) {
            for (int i = 0; i < n; i++) {
                draw(rnd, w, n * d + i, 1);
            }
        }
        return w;
    }

    /** A standard normal deviate (Marsaglia's polar method; uses only the given source). */
    public static double gaussian(SplittableRandom rnd) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rnd.nextDouble() - 1;
            v = 2 * rnd.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    @Override
    public String toString() {
        String v = new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", scale)).stripTrailingZeros()
                .toPlainString();
        return kind == Kind.GAUSSIAN ? "gaussian σ=" + v : "sphere r=" + v;
    }
}
