package io.landscape.impl.objective;

import io.landscape.impl.linalg.FastAngle;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The arcsine polynomial of {@link FastAngle} for the SIMD evaluators ({@link VectorIdentityObjective},
 * {@link BatchIdentityObjective}): asin x = x + x·z·P(z), z = x² ≤ ¼, with P of degree 12 evaluated by Estrin's scheme,
 * the split constants π/2 and π, and the branch-free arccos built on it. C2 inlines {@link #p} into both evaluators and
 * {@link #acos} into the batched one, so no vector crosses a real call there (JMH {@code -prof gc}: no allocation);
 * {@link VectorIdentityObjective} writes the arccos out because C2 does not inline it there at k = n = 40.
 */
final class VectorAsin {
    static final double PIO2_HI = 1.5707963267948966;
    static final double PIO2_LO = 6.123233995736766E-17;
    static final double PI_HI = 3.141592653589793;
    static final double PI_LO = 1.2246467991473532E-16;
    private static final double[] POLY = FastAngle.coefficients();
    // the arcsine polynomial's coefficients; package-private: BatchPairwiseObjective's written-out arccos uses them
    static final double P0 = POLY[0];
    static final double P1 = POLY[1];
    static final double P2 = POLY[2];
    static final double P3 = POLY[3];
    static final double P4 = POLY[4];
    static final double P5 = POLY[5];
    static final double P6 = POLY[6];
    static final double P7 = POLY[7];
    static final double P8 = POLY[8];
    static final double P9 = POLY[9];
    static final double P10 = POLY[10];
    static final double P11 = POLY[11];
    static final double P12 = POLY[12];

    private VectorAsin() {
    }

    /** P(z), lane by lane. */
    static DoubleVector p(DoubleVector z) {
        DoubleVector z2 = z.mul(z);
        DoubleVector z4 = z2.mul(z2);
        DoubleVector r0 = bc(P3).fma(z, bc(P2)).fma(z2, bc(P1).fma(z, bc(P0)));
        DoubleVector r1 = bc(P7).fma(z, bc(P6)).fma(z2, bc(P5).fma(z, bc(P4)));
        DoubleVector r2 = bc(P11).fma(z, bc(P10)).fma(z2, bc(P9).fma(z, bc(P8)));
        return bc(P12).fma(z4, r2).fma(z4.mul(z4), r1.fma(z4, r0));
    }

    /**
     * θ = arccos c lane by lane, within 2 ulps: the reductions of {@link FastAngle} — π/2 − asin c for |c| &lt; ½,
     * 2 asin √((1−|c|)/2) or π minus it for |c| ≥ ½ — blended by masks. The second square root and the blends are
     * skipped when no lane has |c| ≥ ½ (common away from the minima); the result is the same either way.
     */
    static DoubleVector acos(DoubleVector c) {
        DoubleVector ax = c.abs();
        VectorMask<Double> big = ax.compare(VectorOperators.GE, 0.5);
        boolean anyBig = big.anyTrue();
        DoubleVector z = c.mul(c);
        DoubleVector xs = c;
        if (anyBig) {
            DoubleVector t = ax.neg().add(1.0).mul(0.5);
            z = z.blend(t, big);
            xs = xs.blend(t.sqrt(), big);
        }
        DoubleVector rr = xs.mul(z).mul(p(z));
        DoubleVector theta = xs.sub(rr.neg().add(PIO2_LO)).neg().add(PIO2_HI);
        if (anyBig) {
            DoubleVector pos = xs.add(rr).mul(2.0);
            DoubleVector neg = xs.mul(2.0).sub(rr.mul(-2.0).add(PI_LO)).neg().add(PI_HI);
            theta = theta.blend(pos.blend(neg, c.compare(VectorOperators.LT, 0.0)), big);
        }
        return theta;
    }

    private static DoubleVector bc(double v) {
        return DoubleVector.broadcast(VectorIdentityObjective.SP, v);
    }
}
