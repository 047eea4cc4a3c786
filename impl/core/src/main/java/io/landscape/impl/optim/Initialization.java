package io.landscape.impl.optim;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How a run's initial point is drawn: every coordinate i.i.d. N(0, σ²). {@code xavier} is the paper's choice
 * σ² = 1/k ("standard Xavier": w_i ~ N(0, I/k) in R^k, paper 002 §3 footnote 1); {@code gaussian:SIGMA} fixes σ.
 */
public record Initialization(String name, double sigma) {

    public Initialization {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("init " + name + ": standard deviation must be positive and finite, got "
                    + sigma);
        }
    }

    /** Xavier for teacher size k: σ = 1/√k. */
    public static Initialization xavier(int k) {
        return new Initialization("xavier", 1.0 / Math.sqrt(k));
    }

    /**
     * Parses {@code xavier} or {@code gaussian:SIGMA} (SIGMA &gt; 0).
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Initialization parse(String spec, int k) {
        if (spec == null) {
            throw new IllegalArgumentException("--init: empty; expected xavier or gaussian:SIGMA");
        }
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("xavier")) {
            return xavier(k);
        }
        if (s.startsWith("gaussian:")) {
            double sigma;
            try {
                sigma = Double.parseDouble(s.substring("gaussian:".length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--init " + spec + ": SIGMA is not a number");
            }
            if (!(sigma > 0) || !Double.isFinite(sigma)) {
                throw new IllegalArgumentException("--init " + spec + ": SIGMA must be positive and finite");
            }
            return new Initialization("gaussian:" + sigma, sigma);
        }
        throw new IllegalArgumentException("--init " + spec + ": unknown initialisation; expected xavier or gaussian:SIGMA");
    }

    /** A flat n·d point with i.i.d. N(0, σ²) entries, drawn from {@code rng} in index order. */
    public double[] sample(SplittableRandom rng, int n, int d) {
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = sigma * rng.nextGaussian();
        }
        return x;
    }

    /** The initial point of a run with per-run seed {@code runSeed}. */
    public double[] sample(long runSeed, int n, int d) {
        return sample(new SplittableRandom(runSeed), n, d);
    }

    /**
     * The per-run seed: a SplitMix64-style hash of (seed, run index), so every run is reproducible from these two
     * numbers alone (and, via {@code landscape descend --seed}, from the per-run seed alone).
     */
    public static long runSeed(long seed, long runIndex) {
        long z = seed * 0x9E3779B97F4A7C15L + (runIndex + 1) * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
