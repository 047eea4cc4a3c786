package io.landscape.impl.certify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;

import io.landscape.api.Normalization;
import io.landscape.api.Problem;
import io.landscape.impl.kernel.ReluClosedForm;
import io.landscape.impl.objective.PairwiseObjective;

/** {@link PointEnclosure} and {@link HessianEnclosure} against 40-digit references and the floating-point objective. */
class EnclosureTest {
    private static final class Case {
        final double[][] v;
        final double[] a;
        final double[] b;
        final double scale;
        final double[] x;

        Case(SplittableRandom rnd, int n, int k, int d, boolean weights) {
            v = new double[k][d];
            for (double[] row : v) {
                for (int q = 0; q < d; q++) {
                    row[q] = rnd.nextGaussian();
                }
            }
            a = new double[n];
            b = new double[k];
            for (int i = 0; i < n; i++) {
                a[i] = weights ? 0.5 + rnd.nextDouble() : 1.0;
            }
            for (int l = 0; l < k; l++) {
                b[l] = weights ? 0.5 + rnd.nextDouble() : 1.0;
            }
            scale = weights ? 2.0 : 1.0;
            x = new double[n * d];
            for (int p = 0; p < x.length; p++) {
                x[p] = rnd.nextGaussian();
            }
        }

        Problem problem() {
            return Problem.builder().teacher(v).students(x.length / v[0].length).studentWeights(a).teacherWeights(b)
                    .normalization(scale == 2.0 ? Normalization.FULL : Normalization.HALF).build();
        }
    }

    private static boolean inside(Dfp exact, Interval r) {
        return !DfpReference.FIELD.newDfp(r.lo()).greaterThan(exact) && !DfpReference.FIELD.newDfp(r.hi()).lessThan(exact);
    }

    @Test
    void objectiveAndGradientEncloseFortyDigitValues() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int t = 0; t < 12; t++) {
            Case c = new Case(rnd, 2 + rnd.nextInt(3), 1 + rnd.nextInt(3), 2 + rnd.nextInt(4), t % 2 == 1);
            PointEnclosure e = new PointEnclosure(c.v, c.a, c.b, c.scale, c.x);
            DfpReference ref = new DfpReference(c.v, c.a, c.b, c.scale);
            Interval f = e.objective();
            assertTrue(inside(ref.value(c.x), f), "F = " + ref.value(c.x) + " not in " + f);
            assertTrue(f.width() < 1e-11, "F width " + f.width());
            Dfp[] g = ref.gradient(c.x);
            double sq = 0;
            for (int p = 0; p < g.length; p++) {
                Interval gp = e.gradientEntry(p);
                assertTrue(inside(g[p], gp), "dF/dx" + p + " = " + g[p] + " not in " + gp);
                assertTrue(gp.width() < 1e-11, "gradient width " + gp.width());
                double m = Math.abs(g[p].toDouble());
                sq += m * m;
            }
            assertTrue(e.gradientNormUpperBound() >= Math.sqrt(sq) * (1 - 1e-15));
        }
    }

    @Test
    void nearlyParallelAndAntiparallelPairsStayTight() {
        SplittableRandom rnd = new SplittableRandom(14);
        for (int t = 0; t < 12; t++) {
            Case c = new Case(rnd, 3, 2, 4, t % 2 == 1);
            double tiny = Math.pow(10, -rnd.nextInt(6, 13));
            for (int q = 0; q < 4; q++) {
                // neuron 2 ∥ ± neuron 1, neuron 3 ∥ teacher 1, up to tiny perturbations
                c.x[4 + q] = (t % 3 == 0 ? -0.7 : 0.7) * c.x[q] + tiny * rnd.nextGaussian();
                c.x[8 + q] = 1.1 * c.v[0][q] + tiny * rnd.nextGaussian();
            }
            PointEnclosure e = new PointEnclosure(c.v, c.a, c.b, c.scale, c.x);
            DfpReference ref = new DfpReference(c.v, c.a, c.b, c.scale);
            assertTrue(inside(ref.value(c.x), e.objective()), "F not enclosed");
            Dfp[] g = ref.gradient(c.x);
            for (int p = 0; p < g.length; p++) {
                Interval gp = e.gradientEntry(p);
                assertTrue(inside(g[p], gp), "dF/dx" + p + " = " + g[p] + " not in " + gp);
                assertTrue(gp.width() < 1e-12, "gradient width " + gp.width() + " at angle scale " + tiny);
            }
            assertTrue(e.thWW[1].width() < 1e-13 && e.thWV[2 * 2].width() < 1e-13, "θ widths " + e.thWW[1] + " "
                    + e.thWV[4]);
            assertTrue(HessianEnclosure.of(e).errorBound < 1e-10);
        }
    }

    @Test
    void hessianEnclosureMatchesHighPrecisionDifferencesOfTheGradient() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int t = 0; t < 4; t++) {
            Case c = new Case(rnd, 3, 2, 3, t % 2 == 1);
            HessianEnclosure h = HessianEnclosure.of(new PointEnclosure(c.v, c.a, c.b, c.scale, c.x));
            assertTrue(h.errorBound < 1e-12, "eta " + h.errorBound);
            DfpReference ref = new DfpReference(c.v, c.a, c.b, c.scale);
            int m = c.x.length;
            double frob = 0;
            for (int col = 0; col < m; col++) {
                // central difference in 40-digit arithmetic: truncation O(h²) = 1e-34, cancellation 1e-40/h = 1e-23
                double[] xp = c.x.clone();
                double[] xm = c.x.clone();
                // perturb by an exactly representable step around the double coordinate
                double step = Math.ulp(c.x[col]) * 64;
                xp[col] += step;
                xm[col] -= step;
                Dfp[] gp = ref.gradient(xp);
                Dfp[] gm = ref.gradient(xm);
                Dfp width = DfpReference.FIELD.newDfp(xp[col]).subtract(DfpReference.FIELD.newDfp(xm[col]));
                for (int row = 0; row < m; row++) {
                    double exact = gp[row].subtract(gm[row]).divide(width).toDouble();
                    double diff = h.matrix[row * m + col] - exact;
                    frob += diff * diff;
                }
            }
            // the difference quotient has error ~ step·|D³F| ≈ 1e-14; the enclosure claims ‖H − A‖_F ≤ η
            assertTrue(Math.sqrt(frob) <= h.errorBound + 1e-11, "‖A − H‖ = " + Math.sqrt(frob) + " > " + h.errorBound);
        }
    }

    @Test
    void hessianEnclosureAgreesWithTheObjectivesHessian() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int t = 0; t < 6; t++) {
            Case c = new Case(rnd, 2 + rnd.nextInt(4), 1 + rnd.nextInt(4), 2 + rnd.nextInt(5), t % 2 == 1);
            HessianEnclosure h = HessianEnclosure.of(new PointEnclosure(c.v, c.a, c.b, c.scale, c.x));
            double[] ref = new PairwiseObjective(c.problem(), new ReluClosedForm()).hessian().evaluate(c.x);
            double frob = 0;
            for (int p = 0; p < ref.length; p++) {
                frob += (ref[p] - h.matrix[p]) * (ref[p] - h.matrix[p]);
            }
            assertTrue(Math.sqrt(frob) <= h.errorBound + 1e-13, "‖A − H_float‖ = " + Math.sqrt(frob)
                    + ", eta = " + h.errorBound);
            assertTrue(h.errorBound < 1e-12);
        }
    }

    @Test
    void parallelNeuronsGiveAFiniteBoundFromTheSizeOfTheTerm() {
        // neuron 1 exactly on teacher 1: sin θ encloses 0, the n̄n̄ᵀ term is bounded by its size
        double[][] v = Problem.identity(3, 3);
        double[] x = {1, 0, 0, 0.1, 0.9, 0.05, -0.2, 0.1, 1.1};
        PointEnclosure e = new PointEnclosure(v, new double[] {1, 1, 1}, new double[] {1, 1, 1}, 1.0, x);
        HessianEnclosure h = HessianEnclosure.of(e);
        assertTrue(h.errorBound < 1e-6, "eta " + h.errorBound);
    }
}
