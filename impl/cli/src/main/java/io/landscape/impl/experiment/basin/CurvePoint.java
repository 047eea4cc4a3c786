package io.landscape.impl.experiment.basin;

/**
 * One point of a probability curve: the fraction of {@code trials} random initialisations for which the statement's
 * event held, its standard error √(p(1−p)/trials), the 95% Wilson interval and the paper's bound at this width.
 *
 * @param statement  prop1, eq9, thm2, thm3, thm4, thm5 or thm6
 * @param variant    loss, depth and initialisation, e.g. "squared, depth 2, gaussian σ=0.001"
 * @param n          the width (hidden neurons; 1 for thm6's single neuron)
 * @param d          the input dimension
 * @param m          the number of examples
 * @param threshold  the event's threshold (α, ε or Thm. 5's bound on Bas; NaN for prop1/eq9)
 * @param bound      the paper's bound on the probability
 * @param upperBound whether the bound is an upper bound (thm6) rather than a lower bound
 * @param exact      the exact probability where it is known in closed form (thm6, eq9), else NaN
 */
public record CurvePoint(String statement, String variant, int n, int d, int m, int trials, int successes,
                         double threshold, double bound, boolean upperBound, double exact, double seconds) {
    public double empirical() {
        return successes / (double) trials;
    }

    public double stderr() {
        double p = empirical();
        return Math.sqrt(p * (1 - p) / trials);
    }

    /** The acceptance check: empirical ≥ bound − 3·stderr (≤ bound + 3·stderr for an upper bound). */
    public boolean holds() {
        return upperBound ? empirical() <= bound + 3 * stderr() : empirical() >= bound - 3 * stderr();
    }

    /** The 95% Wilson score interval {low, high}. */
    public double[] wilson() {
        double z = 1.959963984540054;
        double p = empirical();
        double z2 = z * z / trials;
        double centre = (p + z2 / 2) / (1 + z2);
        double half = z * Math.sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials)) / (1 + z2);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
