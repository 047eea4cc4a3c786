package io.landscape.api;

/**
 * The outcome of {@link Landscape#certify}: either every inequality of paper 002's Lemmas 1–2 was proven in verified
 * floating-point arithmetic ({@link #certified()}: a spurious local minimum lies within {@link #radius()} of
 * {@link #point()}), or {@link #reason()} names the first check that failed. Numbers not reached are NaN.
 *
 * @param verdict                "spurious-local-minimum" or "not-certified"
 * @param reason                 "ok", or the failed check ("gradient-norm", "lambda-min-not-positive", …)
 * @param radius                 a spurious local minimum lies within this distance of {@link #point()}
 * @param lambdaMinLowerBound    rigorous lower bound of λ_min(∇²F) at the point
 * @param gradientNormUpperBound rigorous upper bound of ‖∇F‖ at the point
 * @param thirdOrderBound        rigorous bound of the third derivative on the ball used
 * @param objective              F at the point (midpoint of its enclosure)
 * @param objectiveLowerBound    rigorous lower bound of F on the ball of radius {@code radius}
 * @param anyDimension           the certificate also holds for the zero-padded point in every larger dimension
 * @param point                  the point certified (polished if asked), flat n·d
 * @param polishSteps            Newton steps taken (0 without polishing)
 * @param millis                 wall time of the certification
 */
public record Certificate(String verdict, String reason, double radius, double lambdaMinLowerBound,
                          double gradientNormUpperBound, double thirdOrderBound, double objective,
                          double objectiveLowerBound, boolean anyDimension, double[] point, int polishSteps,
                          double millis) {
    public static final String SPURIOUS = "spurious-local-minimum";
    public static final String NOT_CERTIFIED = "not-certified";

    /** True when every inequality was proven: a spurious local minimum lies within {@link #radius()}. */
    public boolean certified() {
        return SPURIOUS.equals(verdict);
    }
}
