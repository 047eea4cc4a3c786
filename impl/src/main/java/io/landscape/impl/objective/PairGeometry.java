package io.landscape.impl.objective;

/**
 * Angle between two nonzero vectors, computed so that θ is accurate to a few ulps everywhere, including the
 * parallel and antiparallel ends where arccos of a rounded cosine loses half the digits.
 *
 * <p>With c = x·y/(‖x‖‖y‖): for |c| ≤ 0.9 the cosine is well-conditioned and θ = atan2(√((1−c)(1+c)), c). Near ±1
 * the chord δ = ‖x/‖x‖ ∓ y/‖y‖‖ is computed componentwise (absolute error ~ulp), and θ = 2 asin(δ/2) (or π minus
 * that). s = 0 exactly iff the unit vectors coincide (or are exact negatives) in floating point, which selects the
 * kernel's θ ∈ {0, π} limits.
 */
final class PairGeometry {
    double c;
    double s;
    double th;

    /** Sets c, s, th for x = a[ao..ao+d), y = b[bo..bo+d) with norms rx, ry &gt; 0 and dot product p. */
    void angle(double[] a, int ao, double rx, double[] b, int bo, double ry, double p, int d) {
        double cc = p / (rx * ry);
        if (cc > 0.9 || cc < -0.9) {
            double sign = cc > 0 ? -1.0 : 1.0;
            double ix = 1.0 / rx;
            double iy = sign / ry;
            double sum = 0.0;
            for (int q = 0; q < d; q++) {
                double t = a[ao + q] * ix + b[bo + q] * iy;
                sum += t * t;
            }
            double half = Math.sqrt(sum) * 0.5;
            double alpha = 2.0 * Math.asin(Math.min(1.0, half)); // angle to +y (cc > 0) or to -y (cc < 0)
            if (cc > 0) {
                th = alpha;
            } else {
                th = Math.PI - alpha;
            }
            s = alpha == 0.0 ? 0.0 : Math.sin(alpha);
            c = cc > 0 ? Math.cos(alpha) : -Math.cos(alpha);
        } else {
            c = cc;
            s = Math.sqrt((1.0 - cc) * (1.0 + cc));
            th = Math.atan2(s, cc);
        }
    }
}
