package io.landscape.impl.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.landscape.api.Problem;
import io.landscape.impl.overparam.ReluLandscape;

/** Split saddles of certified minima (paper 000 Thms 8–9) and the negative controls. */
class SplitSaddleCertifierTest {
    private static final Options POLISH = Options.defaults().withPolish(true);

    @Test
    void splitsOfPaper002Example1AreCertifiedStrictSaddles() {
        Problem p = Problem.identityTeacher(6, 6, 6);
        double[] x = PaperExamples.flat(PaperExamples.example1());
        List<SplitSaddleCertifier.Result> rs = SplitSaddleCertifier.certify(p, x, POLISH, null,
                SplitSaddleCertifier.DEFAULT_ALPHAS);
        assertFalse(rs.isEmpty(), "Thm 8: some H'_ii of a spurious minimum with norm sum ≤ k is not PSD");
        assertTrue(rs.get(0).minimum().certified());
        ReluLandscape land = new ReluLandscape(p);
        for (SplitSaddleCertifier.Result r : rs) {
            assertTrue(r.certified(), r.neuron() + " " + r.alpha() + ": " + r.reason());
            assertTrue(r.splitCurvature()[1] < 0);
            // the floating-point quadratic form at the split of x lies within the enclosure's reach
            double fl = r.floatSplitCurvature();
            double factor = 1 / r.alpha() + 1 / (1 - r.alpha());
            assertTrue(fl >= r.splitCurvature()[0] && fl <= r.splitCurvature()[1], fl + " vs "
                    + r.splitCurvature()[0] + ".." + r.splitCurvature()[1]);
            // and equals Lemma 13's closed form, with λ_min(H'_ii) for the unit eigenvector
            double lam = land.primeBlockSpectrum(r.point(), r.neuron())[0];
            assertEquals(factor * lam, fl, 1e-10);
            assertTrue(r.curvatureAtPoint()[0] <= lam + 1e-12 && lam - 1e-12 <= r.curvatureAtPoint()[1]);
        }
    }

    @Test
    void aGlobalMinimumsSplitIsNotCertified() {
        // w_i = v_i: H'_ii = 0 for every i, so no split is a strict saddle along (u, −u)
        for (int k : new int[] {3, 5}) {
            Problem p = Problem.identityTeacher(k, k, k);
            double[] x = new double[k * k];
            for (int i = 0; i < k; i++) {
                x[i * k + i] = 1.0;
            }
            int[] all = java.util.stream.IntStream.range(0, k).toArray();
            List<SplitSaddleCertifier.Result> rs = SplitSaddleCertifier.certify(p, x, Options.defaults(), all,
                    new double[] {0.3, 0.5});
            assertEquals(2 * k, rs.size());
            for (SplitSaddleCertifier.Result r : rs) {
                assertFalse(r.certified());
                // the local minimum was proven (only spuriousness failed), so the refusal is the curvature's
                assertEquals("lemma2-objective", r.minimum().reason());
                assertEquals("curvature-not-negative", r.reason());
                assertTrue(r.curvature()[0] <= 0 && r.curvature()[1] >= 0);
            }
        }
    }

    @Test
    void aSplitAtAnUncertifiedPointIsNotCertifiedEvenWithNegativeCurvature() {
        Problem p = Problem.identityTeacher(6, 6, 6);
        double[] x = PaperExamples.flat(PaperExamples.example1());
        x[3] += 1e-3; // far from the minimum: the gradient is too large, no minimum is proven
        ReluLandscape land = new ReluLandscape(p);
        double[] lam = land.primeBlockLambdaMin(x);
        int neg = -1;
        for (int i = 0; i < lam.length; i++) {
            if (lam[i] < 0) {
                neg = i;
            }
        }
        assertTrue(neg >= 0);
        SplitSaddleCertifier.Result r = SplitSaddleCertifier.certify(p, x, Options.defaults(), neg, 0.5,
                land.primeBlockMinimalDirection(x, neg));
        assertFalse(r.certified());
        assertTrue(r.reason().startsWith("minimum-not-certified:"), r.reason());
        // a random point
        SplittableRandom rnd = new SplittableRandom(4);
        double[] y = new double[36];
        for (int q = 0; q < y.length; q++) {
            y[q] = rnd.nextGaussian() / Math.sqrt(6);
        }
        for (SplitSaddleCertifier.Result rr : SplitSaddleCertifier.certify(p, y, Options.defaults(), null,
                new double[] {0.5})) {
            assertFalse(rr.certified());
            assertTrue(rr.reason().startsWith("minimum-not-certified:"), rr.reason());
        }
    }

    @Test
    void lipschitzConstantBoundsTheChangeOfTheQuadraticFormOnTheBall() {
        SplittableRandom rnd = new SplittableRandom(9);
        Problem p = Problem.identityTeacher(4, 5, 5);
        ReluLandscape land = new ReluLandscape(p);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = new double[25];
            for (int q = 0; q < x.length; q++) {
                x[q] = rnd.nextGaussian() * 0.6;
            }
            int i = rnd.nextInt(5);
            double[] u = new double[5];
            for (int q = 0; q < 5; q++) {
                u[q] = rnd.nextGaussian();
            }
            double radius = 0.05;
            PointEnclosure e = new PointEnclosure(p.teacher(), p.studentWeights(), p.teacherWeights(), 1.0, x);
            double lip = SplitSaddleCertifier.lipschitz(e, i, u, radius);
            Interval q0 = SplitSaddleCertifier.quadraticForm(e, i, u);
            double[] hp = land.primeBlock(x, i);
            double f0 = form(hp, u);
            assertTrue(q0.lo() <= f0 + 1e-13 && f0 - 1e-13 <= q0.hi(), q0 + " " + f0);
            for (int s = 0; s < 10; s++) {
                double[] y = x.clone();
                double[] dir = new double[25];
                double nn = 0;
                for (int q = 0; q < 25; q++) {
                    dir[q] = rnd.nextGaussian();
                    nn += dir[q] * dir[q];
                }
                double t = radius * rnd.nextDouble() / Math.sqrt(nn);
                for (int q = 0; q < 25; q++) {
                    y[q] += t * dir[q];
                }
                double f1 = form(land.primeBlock(y, i), u);
                assertTrue(Math.abs(f1 - f0) <= lip * t * Math.sqrt(nn) + 1e-12,
                        "|Δq| = " + Math.abs(f1 - f0) + " > L·‖s‖ = " + lip * t * Math.sqrt(nn));
            }
        }
    }

    private static double form(double[] m, double[] u) {
        int d = u.length;
        double s = 0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                s += u[a] * m[a * d + b] * u[b];
            }
        }
        return s;
    }
}
