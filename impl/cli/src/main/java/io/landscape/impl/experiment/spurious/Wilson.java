package io.landscape.impl.experiment.spurious;

/** Wilson score interval for a binomial proportion. */
public final class Wilson {
    private Wilson() {
    }

    /** {low, high} in percent for {@code successes} of {@code trials} at normal quantile z. */
    public static double[] interval(int successes, int trials, double z) {
        if (trials <= 0) {
            return new double[] {0.0, 100.0};
        }
        double p = (double) successes / trials;
        double z2 = z * z;
        double denom = 1 + z2 / trials;
        double centre = (p + z2 / (2.0 * trials)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials));
        return new double[] {100.0 * Math.max(0.0, centre - half), 100.0 * Math.min(1.0, centre + half)};
    }
}
