package io.landscape.impl.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * Accuracy of {@link FastAngle#acos} and {@link FastAngle#acosBranchFree} (both the FMA and the plain variant of
 * each, whichever this JVM dispatches to): the error is measured in ulps of the true arccos, using two references that
 * are far more accurate than a double:
 * <ul>
 *   <li>{@link #ddAcos}: double-double (~2^-104 relative) evaluation of the exact identities acos(c) = π/2 − asin(c)
 *       (|c| ≤ 1/2) and acos(±|c|) = {2, π − 2}·asin(√((1 − |c|)/2)), with asin from its Taylor series to 60 terms
 *       (argument² ≤ 1/4, so the truncation is &lt; 4^-60). Cheap enough for ~1.3·10⁶ points.</li>
 *   <li>{@link #bigAcos}: the same identities in 40-digit BigDecimal; used on a subset to validate the
 *       double-double reference (which must agree to 1e-30 relative) and independently bound the error.</li>
 * </ul>
 * Both references are also checked against {@link Math#acos} (documented to be within 1 ulp).
 *
 * <p>{@link #main} regenerates and prints the coefficients of FastAngle's polynomial; {@link #coefficientsAreReproducible}
 * checks that the literals in FastAngle are exactly what {@link #generateCoefficients} produces.
 */
class FastAngleTest {
    private static final MathContext MC = new MathContext(80);
    private static final BigDecimal PI = new BigDecimal(
            "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798");

    // ------------------------------------------------------------------------------------------------------------
    // Coefficient generator.

    /** a_n = (2n)!/(4ⁿ (n!)² (2n+1)), n = 0..count-1: asin(x) = Σ a_n x^(2n+1). Exact up to MC rounding. */
    static BigDecimal[] asinSeries(int count, MathContext mc) {
        BigDecimal[] a = new BigDecimal[count];
        BigDecimal b = BigDecimal.ONE; // (2n)!/(4ⁿ (n!)²)
        for (int n = 0; n < count; n++) {
            if (n > 0) {
                b = b.multiply(BigDecimal.valueOf(2L * n - 1), mc).divide(BigDecimal.valueOf(2L * n), mc);
            }
            a[n] = b.divide(BigDecimal.valueOf(2L * n + 1), mc);
        }
        return a;
    }

    /** f(z) = (asin(√z)/√z − 1)/z = Σ_{n≥1} a_n z^(n−1), for 0 ≤ z ≤ 1/4 (terms &lt; 4^-n; 140 terms ≫ 80 digits). */
    static BigDecimal f(BigDecimal z, BigDecimal[] a, MathContext mc) {
        BigDecimal s = BigDecimal.ZERO;
        for (int n = a.length - 1; n >= 1; n--) {
            s = s.multiply(z, mc).add(a[n], mc);
        }
        return s;
    }

    static BigDecimal cos(BigDecimal x) {
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; k < 200; k++) {
            term = term.multiply(x2, MC).divide(BigDecimal.valueOf((2L * k - 1) * (2L * k)), MC).negate();
            sum = sum.add(term, MC);
        }
        return sum;
    }

    /**
     * The polynomial P used by FastAngle: the degree-{@code degree} interpolant of f at the Chebyshev nodes
     * z_k = (1 + cos((2k+1)π/(2N)))/8, N = degree + 1, of [0, 1/4], obtained in monomial form by solving the
     * Vandermonde system with 80-digit BigDecimal Gauss–Jordan elimination, then each coefficient rounded to the
     * nearest double. Chebyshev interpolation converges like ρ^-n, ρ = 7 + √48 ≈ 13.9 (f's branch point at z = 1);
     * degree 12 gives max z·|P − f| ≈ 5.4e-18 on [0, 1/4] (dominated by rounding the coefficients to double).
     */
    static double[] generateCoefficients(int degree) {
        int n = degree + 1;
        BigDecimal[] a = asinSeries(140, MC);
        BigDecimal[][] m = new BigDecimal[n][n + 1];
        BigDecimal eighth = new BigDecimal("0.125");
        for (int k = 0; k < n; k++) {
            BigDecimal angle = PI.multiply(BigDecimal.valueOf(2L * k + 1), MC).divide(BigDecimal.valueOf(2L * n), MC);
            BigDecimal z = eighth.multiply(BigDecimal.ONE.add(cos(angle), MC), MC);
            BigDecimal p = BigDecimal.ONE;
            for (int j = 0; j < n; j++) {
                m[k][j] = p;
                p = p.multiply(z, MC);
            }
            m[k][n] = f(z, a, MC);
        }
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (m[r][col].abs().compareTo(m[piv][col].abs()) > 0) {
                    piv = r;
                }
            }
            BigDecimal[] t = m[col];
            m[col] = m[piv];
            m[piv] = t;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    BigDecimal q = m[r][col].divide(m[col][col], MC);
                    for (int j = col; j <= n; j++) {
                        m[r][j] = m[r][j].subtract(q.multiply(m[col][j], MC), MC);
                    }
                }
            }
        }
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            c[j] = m[j][n].divide(m[j][j], MC).doubleValue();
        }
        return c;
    }

    /** Prints FastAngle's coefficient literals and the hi/lo splits of π/2 and π. */
    public static void main(String[] args) {
        int degree = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        double[] c = generateCoefficients(degree);
        for (int j = 0; j < c.length; j++) {
            System.out.println("    private static final double P" + j + " = " + c[j] + ";");
        }
        BigDecimal pio2 = PI.divide(BigDecimal.valueOf(2), MC);
        System.out.println("PIO2_HI = " + pio2.doubleValue() + ", PIO2_LO = "
                + pio2.subtract(new BigDecimal(pio2.doubleValue()), MC).doubleValue());
        System.out.println("PI_HI = " + PI.doubleValue() + ", PI_LO = "
                + PI.subtract(new BigDecimal(PI.doubleValue()), MC).doubleValue());
    }

    @Test
    void coefficientsAreReproducible() {
        assertArrayEquals(generateCoefficients(12), FastAngle.coefficients());
    }

    // ------------------------------------------------------------------------------------------------------------
    // References.

    private static final MathContext MC40 = new MathContext(40);
    private static final BigDecimal[] A40 = asinSeries(70, MC40); // truncation < 4^-70 ≈ 1e-42
    private static final BigDecimal PIO2_40 = PI.divide(BigDecimal.valueOf(2), MC40);

    /** True arccos(c) to ~40 digits. */
    static BigDecimal bigAcos(double c) {
        BigDecimal bc = new BigDecimal(c);
        BigDecimal ax = bc.abs();
        if (ax.compareTo(new BigDecimal("0.5")) <= 0) {
            BigDecimal asin = bc.add(bc.multiply(bc.multiply(bc, MC40), MC40).multiply(f(bc.multiply(bc, MC40), A40,
                    MC40), MC40), MC40);
            return PIO2_40.subtract(asin, MC40);
        }
        BigDecimal t = BigDecimal.ONE.subtract(ax).multiply(new BigDecimal("0.5"));
        BigDecimal s = t.sqrt(MC40);
        BigDecimal twoAsin = s.add(s.multiply(t, MC40).multiply(f(t, A40, MC40), MC40), MC40).multiply(
                BigDecimal.valueOf(2));
        return c > 0 ? twoAsin : PI.subtract(twoAsin, MC40);
    }

    // double-double constants
    private static final int DD_TERMS = 60;
    private static final double[] AH = new double[DD_TERMS];
    private static final double[] AL = new double[DD_TERMS];
    private static final double PIO2H;
    private static final double PIO2L;
    private static final double PIH;
    private static final double PIL;

    static {
        BigDecimal[] a = asinSeries(DD_TERMS, MC);
        for (int n = 0; n < DD_TERMS; n++) {
            AH[n] = a[n].doubleValue();
            AL[n] = a[n].subtract(new BigDecimal(AH[n]), MC).doubleValue();
        }
        BigDecimal pio2 = PI.divide(BigDecimal.valueOf(2), MC);
        PIO2H = pio2.doubleValue();
        PIO2L = pio2.subtract(new BigDecimal(PIO2H), MC).doubleValue();
        PIH = PI.doubleValue();
        PIL = PI.subtract(new BigDecimal(PIH), MC).doubleValue();
    }

    /** Double-double value hi + lo (renormalised, |lo| ≤ ulp(hi)/2). */
    private static final class DD {
        double hi;
        double lo;

        DD set(double h, double l) {
            double s = h + l;
            lo = l - (s - h);
            hi = s;
            return this;
        }

        DD add(double bh, double bl) {
            double s = hi + bh;
            double bb = s - hi;
            double e = (hi - (s - bb)) + (bh - bb);
            return set(s, e + lo + bl);
        }

        DD mul(double bh, double bl) {
            double p = hi * bh;
            double e = Math.fma(hi, bh, -p) + (hi * bl + lo * bh);
            return set(p, e);
        }
    }

    /** True arccos(c) as a double-double hi + lo, relative error ~1e-31. Result in {@code out}. */
    static DD ddAcos(double c, DD out) {
        double ax = Math.abs(c);
        double xh;
        double xl;
        double zh;
        double zl;
        if (ax <= 0.5) {
            xh = c;
            xl = 0;
            zh = c * c;
            zl = Math.fma(c, c, -zh);
        } else {
            zh = 0.5 * (1 - ax); // exact
            zl = 0;
            xh = Math.sqrt(zh);
            xl = Math.fma(-xh, xh, zh) / (2 * xh);
            if (zh == 0) {
                xl = 0;
            }
        }
        // g = 1 + z f(z) = Σ_{n≥0} a_n z^n, asin(x) = x g
        DD g = new DD().set(AH[DD_TERMS - 1], AL[DD_TERMS - 1]);
        for (int n = DD_TERMS - 2; n >= 0; n--) {
            g.mul(zh, zl).add(AH[n], AL[n]);
        }
        g.mul(xh, xl); // asin(x)
        if (ax <= 0.5) {
            return out.set(PIO2H, PIO2L).add(-g.hi, -g.lo);
        }
        if (c > 0) {
            return out.set(2 * g.hi, 2 * g.lo);
        }
        return out.set(PIH, PIL).add(-2 * g.hi, -2 * g.lo);
    }

    /** The implementations under test: both dispatch targets of acos and of acosBranchFree. */
    static final String[] NAMES = {"acosFma", "acosPlain", "branchFreeFma", "branchFreePlain"};
    static final DoubleUnaryOperator[] IMPLS = {FastAngle::acosFma, FastAngle::acosPlain, FastAngle::branchFreeFma,
            FastAngle::branchFreePlain};

    /** Error of v ≈ arccos(c) in ulps of the true value t (ulp of its correctly rounded double). */
    static double ulpError(double v, DD t) {
        if (t.hi == 0) {
            return v == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        double err = (v - t.hi) - t.lo; // v − t.hi is exact (Sterbenz) whenever the error is small
        return Math.abs(err) / Math.ulp(t.hi + t.lo);
    }

    /** Running maximum error per implementation. */
    static final class MaxErr {
        final double[] max = new double[IMPLS.length];
        final double[] at = new double[IMPLS.length];

        void add(double c, DD t) {
            for (int i = 0; i < IMPLS.length; i++) {
                double e = ulpError(IMPLS[i].applyAsDouble(c), t);
                if (!(e <= max[i])) {
                    max[i] = e;
                    at[i] = c;
                }
            }
        }

        void check(String what) {
            for (int i = 0; i < IMPLS.length; i++) {
                System.out.printf("FastAngle.%s %s: max error %.4f ulps at c = %s%n", NAMES[i], what, max[i], at[i]);
            }
            for (int i = 0; i < IMPLS.length; i++) {
                int fi = i;
                assertTrue(max[i] <= 2, () -> NAMES[fi] + " " + what + ": " + max[fi] + " ulps at " + at[fi]);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Tests.

    @Test
    void exactEndpoints() {
        assertEquals(PIO2H, Math.PI / 2); // Math.PI/2 is π/2 correctly rounded
        DoubleUnaryOperator[] all = Arrays.copyOf(IMPLS, IMPLS.length + 2);
        all[IMPLS.length] = FastAngle::acos;
        all[IMPLS.length + 1] = FastAngle::acosBranchFree;
        for (DoubleUnaryOperator f : all) {
            assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(f.applyAsDouble(1.0)));
            assertEquals(Math.PI, f.applyAsDouble(-1.0));
            assertEquals(Math.PI / 2, f.applyAsDouble(0.0));
            assertEquals(Math.PI / 2, f.applyAsDouble(-0.0));
            assertTrue(Double.isNaN(f.applyAsDouble(Double.NaN)));
            assertTrue(Double.isNaN(f.applyAsDouble(Math.nextUp(1.0))));
            assertTrue(Double.isNaN(f.applyAsDouble(-1.5)));
            assertTrue(Double.isNaN(f.applyAsDouble(Double.NEGATIVE_INFINITY)));
        }
    }

    @Test
    void dispatch() {
        System.out.println("FastAngle.FMA = " + FastAngle.FMA);
        for (double c : new double[] {-0.9, -0.3, 0.1, 0.7}) {
            assertEquals(FastAngle.FMA ? FastAngle.acosFma(c) : FastAngle.acosPlain(c), FastAngle.acos(c));
            assertEquals(FastAngle.FMA ? FastAngle.branchFreeFma(c) : FastAngle.branchFreePlain(c),
                    FastAngle.acosBranchFree(c));
        }
    }

    /** The double-double reference agrees with the 40-digit BigDecimal one, and both with Math.acos (≤ 1 ulp). */
    @Test
    void referencesAgree() {
        SplittableRandom rnd = new SplittableRandom(7);
        DD t = new DD();
        for (int i = 0; i < 3000; i++) {
            double c = i < 2000 ? rnd.nextDouble(-1, 1) : Math.copySign(1 - Math.scalb(rnd.nextDouble(), -rnd.nextInt(
                    60)), rnd.nextDouble() - 0.5);
            BigDecimal big = bigAcos(c);
            ddAcos(c, t);
            BigDecimal dd = new BigDecimal(t.hi).add(new BigDecimal(t.lo));
            double rel = big.signum() == 0 ? dd.abs().doubleValue()
                    : dd.subtract(big).abs().divide(big.abs(), MC40).doubleValue();
            assertTrue(rel < 1e-30, () -> "c=" + c + " rel=" + rel);
            double m = Math.acos(c);
            assertTrue(new BigDecimal(m).subtract(big).abs().compareTo(new BigDecimal(Math.ulp(m))) <= 0,
                    () -> "Math.acos off by > 1 ulp at " + c);
            // independent bound straight from BigDecimal
            for (int k = 0; k < IMPLS.length; k++) {
                double v = IMPLS[k].applyAsDouble(c);
                double e = big.signum() == 0 ? Math.abs(v)
                        : new BigDecimal(v).subtract(big).abs().doubleValue() / Math.ulp(big.doubleValue());
                String name = NAMES[k];
                assertTrue(e <= 2, () -> name + " c=" + c + " err=" + e + " ulps (BigDecimal reference)");
            }
        }
    }

    /** ≥ 10⁶ uniform random points plus points log-uniformly close to ±1 and 0. */
    @Test
    void randomPointsWithinTwoUlps() {
        SplittableRandom rnd = new SplittableRandom(20261123L);
        DD t = new DD();
        MaxErr max = new MaxErr();
        for (int i = 0; i < 1_200_000; i++) {
            double c;
            if (i < 1_000_000) {
                c = rnd.nextDouble(-1, 1);
            } else if (i < 1_100_000) {
                c = Math.copySign(1 - Math.scalb(rnd.nextDouble(), -rnd.nextInt(54)), rnd.nextDouble() - 0.5);
            } else {
                c = Math.copySign(Math.scalb(rnd.nextDouble(), -rnd.nextInt(1, 1000)), rnd.nextDouble() - 0.5);
            }
            max.add(c, ddAcos(c, t));
        }
        max.check("random");
    }

    /** Dense sets: 20000 consecutive doubles on each side of −1, −1/2, 0, 1/2, 1 (and around the branch switch). */
    @Test
    void denseNeighbourhoodsWithinTwoUlps() {
        DD t = new DD();
        MaxErr max = new MaxErr();
        for (double p : new double[] {-1, -0.5, 0, 0.5, 1}) {
            double up = p;
            double down = p;
            for (int k = 0; k < 20000; k++) {
                for (double c : new double[] {up, down}) {
                    if (Math.abs(c) <= 1) {
                        max.add(c, ddAcos(c, t));
                    }
                }
                up = Math.nextUp(up);
                down = Math.nextDown(down);
            }
        }
        max.check("dense");
    }

    /**
     * Monotonicity spot checks: acos is decreasing, so for c₁ &lt; c₂ whose true angles differ by more than the
     * combined error bound (4 ulps) the computed angles must be strictly ordered; across the branch switches at
     * ±1/2 and near 0 consecutive doubles must be non-increasing.
     */
    @Test
    void monotone() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] c = new double[100_000];
        for (int i = 0; i < c.length; i++) {
            c[i] = rnd.nextDouble(-1, 1);
        }
        Arrays.sort(c);
        for (DoubleUnaryOperator f : IMPLS) {
            for (int i = 0; i + 1 < c.length; i++) {
                double a = Math.acos(c[i]);
                double b = Math.acos(c[i + 1]);
                if (a - b > 6 * Math.ulp(a)) {
                    assertTrue(f.applyAsDouble(c[i]) > f.applyAsDouble(c[i + 1]), "at " + c[i]);
                }
            }
            for (double p : new double[] {-0.5, 0.5, 0}) {
                double x = p;
                for (int k = 0; k < 2000; k++) {
                    x = Math.nextDown(x);
                }
                double prev = f.applyAsDouble(x);
                for (int k = 0; k < 4000; k++) {
                    x = Math.nextUp(x);
                    double v = f.applyAsDouble(x);
                    assertTrue(v <= prev, "not monotone at " + x);
                    prev = v;
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void asinSmallMatchesMathAsinWithinTwoUlps() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(77);
        for (int i = 0; i < 200_000; i++) {
            double x = (rnd.nextDouble() - 0.5);
            if (i % 3 == 0) {
                x *= Math.pow(10, -rnd.nextInt(12));
            }
            double ref = Math.asin(x); // within 1 ulp of the true value
            double got = FastAngle.asinSmall(x);
            org.junit.jupiter.api.Assertions.assertTrue(Math.abs(got - ref) <= 2 * Math.ulp(ref) + 1e-300,
                    "asinSmall(" + x + ") = " + got + " vs " + ref);
        }
        org.junit.jupiter.api.Assertions.assertEquals(0.0, FastAngle.asinSmall(0.0));
    }

    @org.junit.jupiter.api.Test
    void acosWithSineIsWithinOneEMinus15() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(78);
        for (int i = 0; i < 500_000; i++) {
            double c = 1.8 * rnd.nextDouble() - 0.9;
            double s = Math.sqrt((1 - c) * (1 + c));
            double ref = Math.acos(c);
            org.junit.jupiter.api.Assertions.assertEquals(ref, FastAngle.acosWithSine(c, s), 1.2e-15, "c = " + c);
        }
    }
}
