package io.landscape.impl.objective;
import io.landscape.impl.linalg.FastAngle;

/**
 * Angle between two nonzero vectors, computed so that θ is accurate to a few ulps everywhere, including the
 * parallel and antiparallel ends where arccos of a rounded cosine loses half the digits.
 *
 * <p>With c = x·y/(‖x‖‖y‖): for |c| ≤ 0.9 the cosine is well-conditioned and θ = arccos c ({@link FastAngle#acosWithSine}, table + series, error ≲ 10⁻¹⁵), s = √((1−c)(1+c)).
 * Near ±1 the chord δ = ‖x/‖x‖ ∓ y/‖y‖‖ is computed componentwise (absolute error ~ulp), and with α the angle to ±y,
 * sin α = δ√(1 − δ²/4), cos α = 1 − δ²/2, α = 2 asin(δ/2); θ = α or π − α. s = 0 exactly iff the unit
 * vectors coincide (or are exact negatives) in floating point, which selects the kernel's θ ∈ {0, π} limits.
 *
 * <p>Shared by {@link PairwiseObjective} and the identity-teacher evaluator of the spurious-minima search. A mutable
 * scratch object: each call overwrites {@link #c}, {@link #s}, {@link #th}; one instance per thread.
 */
public final class PairGeometry {
    /** cos θ, sin θ and θ of the last pair. */
    public double c;
    public double s;
    public double th;

    /** Sets c, s, th for x = a[ao..ao+d), y = b[bo..bo+d) with norms rx, ry &gt; 0 and dot product p. */
    void angle(double[] a, int ao, double rx, double[] b, int bo, double ry, double p, int d) {
        angleInv(a, ao, 1.0 / rx, b, bo, 1.0 / ry, p, d);
    }

    /** As {@link #angle} with the inverse norms 1/‖x‖, 1/‖y‖ given (no division on the hot path). */
    public void angleInv(double[] a, int ao, double ix, double[] b, int bo, double invY, double p, int d) {
        double cc = p * ix * invY;
        if (cc > 0.9 || cc < -0.9) {
            nearlyParallel(a, ao, ix, b, bo, invY, cc, d);
            return;
        }
        // kept small so that HotSpot inlines it into the pair loops; the rare branch is a separate method
        c = cc;
        s = Math.sqrt((1.0 - cc) * (1.0 + cc));
        th = FastAngle.acosWithSine(cc, s);
    }

    /**
     * Sets s, th (and c = {@code cc}) for x = a[ao..ao+d) and the coordinate axis e_l when x is nearly parallel to
     * ±e_l (|cc| &gt; 0.9, cc = a[ao+l]·ix, ix = 1/‖x‖): sin θ from the exact orthogonal part √(Σ_{q≠l} a_q²)·ix,
     * θ = asin(sin θ) or π minus it — accurate to a few ulps down to θ → 0 (the identity teacher's student–teacher
     * pairs).
     */
    public void axisAngle(double[] a, int ao, int l, int d, double ix, double cc) {
        double perp = 0;
        for (int q = 0; q < d; q++) {
            if (q != l) {
                perp += a[ao + q] * a[ao + q];
            }
        }
        axisAngleFromPerp(perp, ix, cc);
    }

    /**
     * The rest of {@link #axisAngle} once the orthogonal part perp = Σ_{q≠l} a_q² is known (for callers that compute
     * several such sums at once): s, θ and c, bitwise as {@link #axisAngle}.
     */
    public void axisAngleFromPerp(double perp, double ix, double cc) {
        s = Math.sqrt(perp) * ix;
        double alpha = FastAngle.asinSmall(Math.min(1.0, s));
        th = cc > 0 ? alpha : Math.PI - alpha;
        c = cc;
    }

    private void nearlyParallel(double[] a, int ao, double ix, double[] b, int bo, double invY, double cc, int d) {
        double iy = cc > 0 ? -invY : invY;
        double sum = 0.0;
        for (int q = 0; q < d; q++) {
            double t = a[ao + q] * ix + b[bo + q] * iy;
            sum += t * t;
        }
        double chord = Math.sqrt(sum);                                 // 2 sin(α/2)
        double h = 0.5 * chord;
        double sa = chord * Math.sqrt(Math.max(0.0, 1.0 - h * h));   // sin α = 2 sin(α/2) cos(α/2)
        double ca = 1.0 - 2.0 * h * h;                                 // cos α = 1 − 2 sin²(α/2)
        double alpha = 2.0 * FastAngle.asinSmall(h);                   // h ≤ sin(0.226) < 1/2 here
        if (cc > 0) {
            th = alpha;
            c = ca;
        } else {
            th = Math.PI - alpha;
            c = -ca;
        }
        s = sa;
    }
}
