package io.landscape.impl.certify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;
import org.junit.jupiter.api.Test;

/** Soundness of {@link Interval}: exact results (BigDecimal, 40-digit Dfp) always lie inside the computed intervals. */
class IntervalTest {
    private static final MathContext MC = new MathContext(60);
    private static final DfpField DFP = new DfpField(40);

    private static double randomDouble(SplittableRandom rnd) {
        switch (rnd.nextInt(4)) {
            case 0: return rnd.nextDouble() * 2 - 1;
            case 1: return (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-12, 12));
            case 2: return rnd.nextInt(-5, 6) + (rnd.nextDouble() - 0.5) * 1e-15;
            default: return 1.0 / (rnd.nextInt(1, 1000)) * (rnd.nextBoolean() ? 1 : -1);
        }
    }

    private static Interval randomInterval(SplittableRandom rnd) {
        double x = randomDouble(rnd);
        double y = rnd.nextInt(3) == 0 ? x : randomDouble(rnd);
        return Interval.of(Math.min(x, y), Math.max(x, y));
    }

    private static double pick(Interval x, SplittableRandom rnd) {
        switch (rnd.nextInt(3)) {
            case 0: return x.lo();
            case 1: return x.hi();
            default: return Math.min(x.hi(), Math.max(x.lo(), x.lo() + rnd.nextDouble() * (x.hi() - x.lo())));
        }
    }

    private static void assertInside(BigDecimal exact, Interval r, BigDecimal slack, String what) {
        assertTrue(r.isFinite(), what + ": not finite " + r);
        assertTrue(new BigDecimal(r.lo()).compareTo(exact.add(slack)) <= 0
                && new BigDecimal(r.hi()).compareTo(exact.subtract(slack)) >= 0, what + ": " + exact + " not in " + r);
    }

    @Test
    void arithmeticEnclosesExactResults() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int t = 0; t < 20000; t++) {
            Interval x = randomInterval(rnd);
            Interval y = randomInterval(rnd);
            double a = pick(x, rnd);
            double b = pick(y, rnd);
            BigDecimal ea = new BigDecimal(a);
            BigDecimal eb = new BigDecimal(b);
            String w = x + " op " + y + " at " + a + ", " + b;
            assertInside(ea.add(eb), x.add(y), BigDecimal.ZERO, "add " + w);
            assertInside(ea.subtract(eb), x.sub(y), BigDecimal.ZERO, "sub " + w);
            assertInside(ea.multiply(eb), x.mul(y), BigDecimal.ZERO, "mul " + w);
            assertInside(ea.multiply(eb), x.mul(b).hull(x.mul(b)), BigDecimal.ZERO, "mul double " + w);
            assertInside(ea.multiply(ea), x.sqr(), BigDecimal.ZERO, "sqr " + w);
            if (y.mig() > 0) {
                BigDecimal q = ea.divide(eb, MC);
                assertInside(q, x.div(y), q.abs().multiply(new BigDecimal("1e-55")), "div " + w);
            }
            if (a >= 0) {
                BigDecimal s = ea.sqrt(MC);
                assertInside(s, x.clipNonNegative().sqrt(), s.multiply(new BigDecimal("1e-55")), "sqrt " + w);
            }
        }
    }

    @Test
    void operationsAreTight() {
        Interval x = Interval.of(0.1);
        Interval y = Interval.of(0.3);
        Interval r = x.mul(y).add(x).div(y).sqrt();
        assertTrue(r.width() < 1e-15, "width " + r.width());
        assertTrue(Interval.of(0.5).acos().width() < 1e-15);
    }

    @Test
    void constantsEnclosePi() {
        BigDecimal pi = new BigDecimal("3.14159265358979323846264338327950288419716939937510");
        assertInside(pi, Interval.PI, BigDecimal.ZERO, "pi");
        BigDecimal inv = BigDecimal.ONE.divide(pi.multiply(BigDecimal.valueOf(2)), MC);
        assertInside(inv, Interval.INV_2PI, BigDecimal.ZERO, "1/(2 pi)");
    }

    private static boolean dfpInside(Dfp exact, Interval r) {
        return !DFP.newDfp(r.lo()).greaterThan(exact) && !DFP.newDfp(r.hi()).lessThan(exact);
    }

    @Test
    void acosAndAsinEncloseHighPrecisionValues() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int t = 0; t < 3000; t++) {
            double c;
            switch (t % 3) {
                case 0: c = rnd.nextDouble() * 2 - 1; break;
                case 1: c = 1 - Math.pow(10, -rnd.nextInt(1, 17)) * rnd.nextDouble(); break;
                default: c = -1 + Math.pow(10, -rnd.nextInt(1, 17)) * rnd.nextDouble(); break;
            }
            double c2 = Math.min(1.0, c + rnd.nextDouble() * 1e-3);
            Interval x = Interval.of(c, c2);
            double p = pick(x, rnd);
            Dfp exactAcos = DfpMath.acos(DFP.newDfp(p));
            Dfp exactAsin = DfpMath.asin(DFP.newDfp(p));
            assertTrue(dfpInside(exactAcos, x.acos()), "acos(" + p + ") = " + exactAcos + " not in " + x.acos());
            assertTrue(dfpInside(exactAsin, x.asin()), "asin(" + p + ") = " + exactAsin + " not in " + x.asin());
        }
        assertTrue(Interval.of(1.0).acos().contains(0.0));
        assertTrue(Interval.of(-1.0).acos().hi() >= Math.PI);
    }

    @Test
    void divisionByIntervalContainingZeroIsTheWholeLine() {
        Interval r = Interval.ONE.div(Interval.of(-1, 1));
        assertTrue(r.lo() == Double.NEGATIVE_INFINITY && r.hi() == Double.POSITIVE_INFINITY);
    }
}
