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
 *                                    (or, for method {@value #SYMMETRY_BLOCKS}, symmetrization) moved the point (0
 *                                    when the point was certified as given)
 * @param method                      how λ_min was bounded: {@value #DENSE} (the (nd)×(nd) Hessian enclosure and a
 *                                    shifted Cholesky factorization, {@link Certifier}) or {@value #SYMMETRY_BLOCKS}
 *                                    (one small block per isotypic component of the point's symmetry group,
 *                                    {@link SymmetricCertifier})
 * @param symmetry                    the group used with {@value #SYMMETRY_BLOCKS} ("S9×S11": orders of its symmetric
 *                                    factors), "" with {@value #DENSE}
 */
public record Certificate(String verdict, String reason, double radius, double lambdaMinLowerBound,
                          double gradientNormUpperBound, double thirdOrderBound, double objective,
                          double objectiveLowerBound, double millis, double paddingLambdaMinLowerBound,
                          double[] paddingSpectrum, boolean anyDimension, double[] point, int polishSteps,
                          double distanceMoved, String method, String symmetry) {
    public static final String SPURIOUS = "spurious-local-minimum";
    public static final String NOT_CERTIFIED = "not-certified";
    /** {@link #method()} of the dense certifier. */
    public static final String DENSE = "dense";
    /** {@link #method()} of the symmetry-reduced certifier. */
    public static final String SYMMETRY_BLOCKS = "symmetry-blocks";

    /** A certificate of method {@value #DENSE}. */
    public Certificate(String verdict, String reason, double radius, double lambdaMinLowerBound,
                       double gradientNormUpperBound, double thirdOrderBound, double objective,
                       double objectiveLowerBound, double millis, double paddingLambdaMinLowerBound,
                       double[] paddingSpectrum, boolean anyDimension, double[] point, int polishSteps,
                       double distanceMoved) {
        this(verdict, reason, radius, lambdaMinLowerBound, gradientNormUpperBound, thirdOrderBound, objective,
                objectiveLowerBound, millis, paddingLambdaMinLowerBound, paddingSpectrum, anyDimension, point,
                polishSteps, distanceMoved, DENSE, "");
    }

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
