package io.landscape.impl.certify;

/**
 * The outcome of {@link Certifier#certify}: either every inequality of paper 002 Lemmas 1–2 was proven
 * ({@link #certified()}), or {@link #reason()} names the first one that failed (see {@link Certifier} for the order).
 * Numbers that were not reached are NaN.
 *
 * @param verdict                     {@link #SPURIOUS} or {@link #NOT_CERTIFIED}
 * @param reason                      "ok", or the failed check ("gradient-norm", "lambda-min-not-positive", …)
 * @param radius                      a spurious local minimum lies within this distance of the input point (after
 *                                    polishing: of {@link #point()}; plus the norm of dropped padding coordinates)
 * @param lambdaMinLowerBound         rigorous lower bound of λ_min(∇²F) at the point (including the padding spectrum
 *                                    M when the teacher has zero columns)
 * @param gradientNormUpperBound      rigorous ε ≥ ‖∇F‖
 * @param thirdOrderBound             rigorous B ≥ |d³F/dt³| on the ball used
 * @param objective                   F at the point (floating-point midpoint of its enclosure)
 * @param objectiveLowerBound         rigorous lower bound of F on the ball of radius {@code radius}
 * @param millis                      wall time of the certification (including polishing)
 * @param paddingLambdaMinLowerBound  rigorous lower bound of λ_min(M) (Lemma 3), −∞ if not positive definite
 * @param paddingSpectrum             floating-point eigenvalues of M, ascending (the extra spectrum of Lemma 3)
 * @param anyDimension                true if the certificate also holds for the zero-padded point in every dimension
 *                                    d' &gt; d (Lemma 1–2 rechecked with min(λ_H, λ_M))
 * @param point                       the point certified (polished if asked), flat n·d in the problem's dimension
 * @param polishSteps                 Newton steps taken (0 without polishing)
 * @param distanceMoved               a rigorous upper bound of ‖{@link #point()} − input point‖: how far polishing
 *                                    moved the point (0 without polishing)
 */
public record Certificate(String verdict, String reason, double radius, double lambdaMinLowerBound,
                          double gradientNormUpperBound, double thirdOrderBound, double objective,
                          double objectiveLowerBound, double millis, double paddingLambdaMinLowerBound,
                          double[] paddingSpectrum, boolean anyDimension, double[] point, int polishSteps,
                          double distanceMoved) {
    public static final String SPURIOUS = "spurious-local-minimum";
    public static final String NOT_CERTIFIED = "not-certified";

    /**
     * A rigorous upper bound of the distance from the <em>input</em> point to the minimum: {@link #radius()} (which is
     * measured from {@link #point()}) plus {@link #distanceMoved()}, rounded up; NaN when the radius is.
     */
    public double radiusFromInput() {
        return Double.isNaN(radius) || distanceMoved == 0.0 ? radius : Interval.addUp(radius, distanceMoved);
    }

    /** True when every inequality was proven: a spurious local minimum lies within {@link #radius()}. */
    public boolean certified() {
        return SPURIOUS.equals(verdict);
    }
}
