package io.landscape.impl.experiment.sharing;

import java.util.SplittableRandom;

/**
 * Seeded random numbers for the weight-sharing experiments: independent streams derived from (seed, purpose) so that
 * a run's result depends only on its own seed, never on the thread that ran it; fast standard normals by Marsaglia's
 * polar method (both deviates of a pair are used).
 */
final class Rng {
    private final SplittableRandom r;
    private double spare;
    private boolean hasSpare;

    Rng(long seed, long... stream) {
        long s = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        for (long t : stream) {
            s = new SplittableRandom(s ^ (t * 0xBF58476D1CE4E5B9L)).nextLong();
        }
        this.r = new SplittableRandom(s);
    }

    double uniform() {
        return r.nextDouble();
    }

    int nextInt(int bound) {
        return r.nextInt(bound);
    }

    boolean nextBoolean() {
        return r.nextBoolean();
    }

    double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double x;
        double y;
        double s;
        do {
            x = 2 * r.nextDouble() - 1;
            y = 2 * r.nextDouble() - 1;
            s = x * x + y * y;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spare = y * f;
        hasSpare = true;
        return x * f;
    }

    /** Normal with standard deviation {@code std}, truncated at two standard deviations (redrawn). */
    double truncatedNormal(double std) {
        double z;
        do {
            z = gaussian();
        } while (Math.abs(z) > 2);
        return std * z;
    }

    /** A uniformly random direction of length {@code norm} in R^d. */
    double[] direction(int d, double norm) {
        double[] u = new double[d];
        double s = 0;
        for (int i = 0; i < d; i++) {
            u[i] = gaussian();
            s += u[i] * u[i];
        }
        double f = norm / Math.sqrt(s);
        for (int i = 0; i < d; i++) {
            u[i] *= f;
        }
        return u;
    }
}
