package io.landscape.api;

/**
 * Settings of {@link Landscape#certify}.
 *
 * @param polish          refine the point by Newton steps first
 * @param polishSteps     at most this many Newton steps (≥ 0)
 * @param maxGradientNorm the check "gradient-norm" fails when the rigorous bound of ‖∇F‖ exceeds this (&gt; 0)
 * @param ballFraction    the third derivative is bounded on the ball of radius ballFraction·min_i ‖w_i‖, in (0, 1)
 */
public record CertifyOptions(boolean polish, int polishSteps, double maxGradientNorm, double ballFraction) {
    public CertifyOptions {
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

    /** No polishing (at most 30 steps when turned on), maxGradientNorm 10⁻⁴, ballFraction 0.1. */
    public static CertifyOptions defaults() {
        return new CertifyOptions(false, 30, 1e-4, 0.1);
    }

    public CertifyOptions withPolish(boolean p) {
        return new CertifyOptions(p, polishSteps, maxGradientNorm, ballFraction);
    }
}
