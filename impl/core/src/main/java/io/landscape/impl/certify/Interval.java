package io.landscape.impl.certify;

/**
 * A closed interval [lo, hi] of reals with outward rounding: every operation returns an interval that contains the
 * exact result of the operation applied to any reals in the operands. Immutable.
 *
 * <h2>Rounding model and error bounds</h2>
 * <ul>
 *   <li>+, −, ×, ÷ and {@link Math#sqrt} are correctly rounded in IEEE 754 (round to nearest), so the exact result
 *       lies within one ulp of the computed one, including in the subnormal range: one {@link Math#nextDown} of the
 *       lower end and one {@link Math#nextUp} of the upper end enclose it. (Java never fuses multiply-add
 *       implicitly, and {@code strictfp} semantics are the default since Java 17.)</li>
 *   <li>{@link Math#acos} and {@link Math#asin} are specified within 1 ulp of the exact result and semi-monotonic;
 *       we widen the end points by 2 ulps (two {@code nextDown}/{@code nextUp} steps) and clip to the range of the
 *       function, [0, π] or [−π/2, π/2], with π itself enclosed by [{@link Math#PI}, nextUp(Math.PI)]
 *       ({@code Math.PI} = 3.141592653589793116 &lt; π).</li>
 *   <li>No operation is allowed to produce NaN silently: a NaN end point (for example ∞ − ∞) makes the whole line
 *       [−∞, +∞], which is still sound and makes any downstream inequality fail.</li>
 * </ul>
 * The class is tested for soundness against exact {@link java.math.BigDecimal} arithmetic and 40-digit
 * {@link org.hipparchus.dfp.Dfp} elementary functions in {@code IntervalTest}.
 *
 * <p>The static {@code addDown}, {@code mulUp}, … helpers round single floating-point operations outward; the
 * certifier uses them for allocation-free accumulations (norms, Frobenius bounds).
 */
public final class Interval {
    /** The real π, enclosed. */
    public static final Interval PI = new Interval(Math.PI, Math.nextUp(Math.PI));
    /** 1/(2π), enclosed. */
    public static final Interval INV_2PI = new Interval(Math.nextDown(1.0 / (2.0 * Math.nextUp(Math.PI))),
            Math.nextUp(1.0 / (2.0 * Math.PI)));
    public static final Interval ZERO = new Interval(0.0, 0.0);
    public static final Interval ONE = new Interval(1.0, 1.0);
    public static final Interval ENTIRE = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    private final double lo;
    private final double hi;

    private Interval(double lo, double hi) {
        this.lo = lo;
        this.hi = hi;
    }

    /** The point interval [x, x] (x is exactly representable, so no widening). */
    public static Interval of(double x) {
        if (Double.isNaN(x)) {
            return ENTIRE;
        }
        return new Interval(x, x);
    }

    /** [lo, hi]; lo ≤ hi required. */
    public static Interval of(double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return ENTIRE;
        }
        if (lo > hi) {
            throw new IllegalArgumentException("interval: lo = " + lo + " > hi = " + hi);
        }
        return new Interval(lo, hi);
    }

    private static Interval make(double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return ENTIRE;
        }
        return new Interval(lo, hi);
    }

    public double lo() {
        return lo;
    }

    public double hi() {
        return hi;
    }

    /** A floating-point number inside the interval (the rounded midpoint, clipped into [lo, hi]). */
    public double mid() {
        if (lo == hi) {
            return lo;
        }
        if (Double.isInfinite(lo) || Double.isInfinite(hi)) {
            return Double.isInfinite(lo) && Double.isInfinite(hi) ? 0.0 : (Double.isInfinite(lo) ? hi : lo);
        }
        double m = 0.5 * lo + 0.5 * hi;
        return Math.min(hi, Math.max(lo, m));
    }

    /** An upper bound of max(|x − mid()|) over the interval. */
    public double rad() {
        double m = mid();
        return Math.max(subUp(hi, m), subUp(m, lo));
    }

    /** max |x| over the interval. */
    public double mag() {
        return Math.max(Math.abs(lo), Math.abs(hi));
    }

    /** min |x| over the interval (0 if it contains 0). */
    public double mig() {
        if (lo <= 0 && hi >= 0) {
            return 0.0;
        }
        return Math.min(Math.abs(lo), Math.abs(hi));
    }

    public double width() {
        return subUp(hi, lo);
    }

    public boolean contains(double x) {
        return lo <= x && x <= hi;
    }

    public boolean isFinite() {
        return Double.isFinite(lo) && Double.isFinite(hi);
    }

    public Interval add(Interval o) {
        return make(addDown(lo, o.lo), addUp(hi, o.hi));
    }

    public Interval add(double x) {
        return make(addDown(lo, x), addUp(hi, x));
    }

    public Interval sub(Interval o) {
        return make(subDown(lo, o.hi), subUp(hi, o.lo));
    }

    public Interval neg() {
        return new Interval(-hi, -lo);
    }

    public Interval mul(Interval o) {
        double a = lo * o.lo;
        double b = lo * o.hi;
        double c = hi * o.lo;
        double d = hi * o.hi;
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) {
            // 0 × ∞: the convention of interval arithmetic is 0; fall back to the whole line (sound)
            return ENTIRE;
        }
        return make(Math.nextDown(Math.min(Math.min(a, b), Math.min(c, d))),
                Math.nextUp(Math.max(Math.max(a, b), Math.max(c, d))));
    }

    /** This times an exact double. */
    public Interval mul(double x) {
        if (x >= 0) {
            return make(mulDown(lo, x), mulUp(hi, x));
        }
        return make(mulDown(hi, x), mulUp(lo, x));
    }

    public Interval sqr() {
        double m = mig();
        double g = mag();
        return make(mulDown(m, m), mulUp(g, g));
    }

    /** Division; a divisor containing 0 gives the whole line. */
    public Interval div(Interval o) {
        if (o.lo <= 0 && o.hi >= 0) {
            return ENTIRE;
        }
        double a = lo / o.lo;
        double b = lo / o.hi;
        double c = hi / o.lo;
        double d = hi / o.hi;
        return make(Math.nextDown(Math.min(Math.min(a, b), Math.min(c, d))),
                Math.nextUp(Math.max(Math.max(a, b), Math.max(c, d))));
    }

    /** √x over the non-negative part (negative parts are clipped: use only where the argument is ≥ 0 in exact arithmetic). */
    public Interval sqrt() {
        double l = Math.max(0.0, lo);
        double h = Math.max(0.0, hi);
        return make(Math.max(0.0, Math.nextDown(Math.sqrt(l))), Math.nextUp(Math.sqrt(h)));
    }

    /** The intersection with [a, b] (used when the exact value is known to lie in [a, b], e.g. a cosine). */
    public Interval clip(double a, double b) {
        double l = Math.max(lo, a);
        double h = Math.min(hi, b);
        if (l > h) {
            throw new IllegalStateException("clip: [" + lo + ", " + hi + "] does not meet [" + a + ", " + b + "]");
        }
        return new Interval(l, h);
    }

    /** max(0, x) applied to the interval (the intersection with [0, ∞) when non-empty). */
    public Interval clipNonNegative() {
        return new Interval(Math.max(0.0, lo), Math.max(0.0, hi));
    }

    /** arccos on [−1, 1] (the argument is clipped to [−1, 1] first); 1-ulp library error widened to 2 ulps. */
    public Interval acos() {
        Interval c = clip(-1.0, 1.0);
        double l = Math.nextDown(Math.nextDown(Math.acos(c.hi)));
        double h = Math.nextUp(Math.nextUp(Math.acos(c.lo)));
        return make(Math.max(0.0, l), Math.min(PI.hi, h));
    }

    /** arcsin on [−1, 1] (clipped), enclosed like {@link #acos()}. */
    public Interval asin() {
        Interval c = clip(-1.0, 1.0);
        double halfPiHi = Math.nextUp(0.5 * PI.hi);
        double l = Math.nextDown(Math.nextDown(Math.asin(c.lo)));
        double h = Math.nextUp(Math.nextUp(Math.asin(c.hi)));
        return make(Math.max(-halfPiHi, l), Math.min(halfPiHi, h));
    }

    /** The convex hull of this and o. */
    public Interval hull(Interval o) {
        return make(Math.min(lo, o.lo), Math.max(hi, o.hi));
    }

    @Override
    public String toString() {
        return "[" + lo + ", " + hi + "]";
    }

    // ---- single operations rounded outward (for allocation-free accumulations) ----

    public static double addDown(double a, double b) {
        double s = a + b;
        return s == Double.NEGATIVE_INFINITY ? s : Math.nextDown(s);
    }

    public static double addUp(double a, double b) {
        double s = a + b;
        return s == Double.POSITIVE_INFINITY ? s : Math.nextUp(s);
    }

    public static double subDown(double a, double b) {
        return addDown(a, -b);
    }

    public static double subUp(double a, double b) {
        return addUp(a, -b);
    }

    public static double mulDown(double a, double b) {
        return Math.nextDown(a * b);
    }

    public static double mulUp(double a, double b) {
        return Math.nextUp(a * b);
    }

    public static double divDown(double a, double b) {
        return Math.nextDown(a / b);
    }

    public static double divUp(double a, double b) {
        return Math.nextUp(a / b);
    }

    public static double sqrtUp(double a) {
        return Math.nextUp(Math.sqrt(Math.max(0.0, a)));
    }

    public static double sqrtDown(double a) {
        return Math.max(0.0, Math.nextDown(Math.sqrt(Math.max(0.0, a))));
    }
}
