package io.landscape.impl.certify;

/**
 * Settings of {@link Certifier#certify}. Immutable.
 *
 * @param polish          refine the point by Newton steps ({@link io.landscape.impl.optim.NewtonPolish}) first
 * @param polishSteps     at most this many Newton steps
 * @param maxGradientNorm the check "gradient-norm" fails when the rigorous ε exceeds this (default 10⁻⁴: far from
 *                        stationarity Lemma 1 cannot hold anyway, and the name of the failure is more useful)
 * @param ballFraction    B is bounded on the ball of radius ballFraction·min_i ‖w_i‖ (default 0.1); Lemma 1's radius
 *                        must come out below that
 */
public record Options(boolean polish, int polishSteps, double maxGradientNorm, double ballFraction) {
    public Options {
        if (polishSteps < 0) {
            throw new IllegalArgumentException("polishSteps must be ≥ 0, got " + polishSteps);
        }
        if (!(maxGradientNorm > 0)) {
            throw new IllegalArgumentException("maxGradientNorm must be > 0, got " + maxGradientNorm);
        }
        if (!(ballFraction > 0 && ballFraction < 1)) {
            throw new IllegalArgumentException("ballFraction must be in (0, 1), got " + ballFraction);
        }
    }

    /** No polishing, maxGradientNorm 10⁻⁴, ballFraction 0.1. */
    public static Options defaults() {
        return new Options(false, 30, 1e-4, 0.1);
    }

    public Options withPolish(boolean p) {
        return new Options(p, polishSteps, maxGradientNorm, ballFraction);
    }
}
