package io.landscape.impl.experiment.slowdown;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How the students start (teacher v = e₁, ‖v‖ = 1). {@link #GAUSSIAN} is the Figure 1 setting of paper 003; the other
 * three are the toy cases of its Appendix A, whose rates are known in closed form.
 */
public enum Preset {
    /** w_i(0) ~ N(0, σ²I) i.i.d. (paper 003 Fig. 1). Any n ≥ 1. Expected: linear for n = 1, L ~ (ηT)⁻³ for n ≥ 2. */
    GAUSSIAN("gaussian"),
    /**
     * Toy case 1, n = 2: w_{1,2}(0) = λ₁v ± λ₂v^⊥ with λ₁ = λ₂ = σ and v^⊥ = e₂. Symmetry is preserved; λ₁ → ½
     * linearly, λ₂ ~ π/(2ηT), L ~ (ηT)⁻³ (in fact L·(ηT)³ → π²/6).
     */
    SYMMETRIC_PAIR("symmetric-pair"),
    /**
     * Toy case 2, n ≥ 1: w_i(0) = λ_i v with λ_i uniform in (0, 2σ). Then ∇_i = ½(Σ_j w_j − v), so
     * Σλ − 1 shrinks by exactly (1 − nη/2) per step and L = ¼(Σλ − 1)²‖v‖² falls by (1 − nη/2)² per step.
     */
    PARALLEL("parallel"),
    /**
     * Toy case 3, n ≥ 1: all w_i(0) equal to one draw of N(0, σ²I). Equivalent to one student learning v/n with step
     * nη (L_n = n²·L₁), hence linear convergence.
     */
    EQUAL("equal");

    private final String label;

    Preset(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Preset parse(String s) {
        for (Preset p : values()) {
            if (p.label.equals(s.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + s + "': expected gaussian, symmetric-pair, parallel "
                + "or equal");
    }

    /** Why this preset cannot be run with n students, or null if it can. */
    public String unsupported(int n) {
        if (this == SYMMETRIC_PAIR && n != 2) {
            return "preset symmetric-pair needs n = 2, got n = " + n;
        }
        return null;
    }

    /** Why this preset cannot be run in dimension d, or null if it can. */
    public String unsupportedDimension(int d) {
        if (this == SYMMETRIC_PAIR && d < 2) {
            return "preset symmetric-pair needs d ≥ 2, got d = " + d;
        }
        return null;
    }

    /** The teacher: v = e₁ in R^d. */
    public static double[] teacher(int d) {
        double[] v = new double[d];
        v[0] = 1.0;
        return v;
    }

    /**
     * The start point (flat, neuron i at [i·d, i·d + d)) for n students, drawn from a generator seeded by
     * (seed, n) only, so every n gets the same start whatever else runs and in whatever order.
     */
    public double[] initialPoint(int n, int d, double sigma, long seed) {
        String problem = unsupported(n);
        if (problem == null) {
            problem = unsupportedDimension(d);
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        SplittableRandom rnd = new SplittableRandom(mix(seed, n));
        double[] x = new double[n * d];
        switch (this) {
            case GAUSSIAN:
                for (int k = 0; k < x.length; k++) {
                    x[k] = sigma * rnd.nextGaussian();
                }
                break;
            case SYMMETRIC_PAIR:
                x[0] = sigma;
                x[1] = sigma;
                x[d] = sigma;
                x[d + 1] = -sigma;
                break;
            case PARALLEL:
                for (int i = 0; i < n; i++) {
                    x[i * d] = 2 * sigma * (1.0 - rnd.nextDouble()); // in (0, 2σ]
                }
                break;
            case EQUAL:
                double[] w = new double[d];
                for (int k = 0; k < d; k++) {
                    w[k] = sigma * rnd.nextGaussian();
                }
                for (int i = 0; i < n; i++) {
                    System.arraycopy(w, 0, x, i * d, d);
                }
                break;
            default:
                throw new AssertionError(this);
        }
        return x;
    }

    /** A 64-bit seed for (seed, n): SplitMix64 finalizer of seed·φ + n. */
    static long mix(long seed, int n) {
        long z = seed * 0x9E3779B97F4A7C15L + n;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
