package io.landscape.impl.certify;

import io.landscape.impl.linalg.SymmetricEigen;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.landscape.api.Problem;
import io.landscape.impl.kernel.ReluClosedForm;
import io.landscape.impl.objective.PairwiseObjective;

class CertifierTest {
    private static final Options POLISH = Options.defaults().withPolish(true);
    private static final Options PLAIN = Options.defaults();

    /** Example 1 polished once, shared by several tests. */
    private static double[] minimum1() {
        Certificate c = Certifier.certify(Problem.identityTeacher(6, 6, 6), PaperExamples.flat(PaperExamples.example1()),
                POLISH);
        assertTrue(c.certified(), c.reason());
        return c.point();
    }

    private static double[] unit(SplittableRandom rnd, int m) {
        double[] u = new double[m];
        double s = 0;
        for (int q = 0; q < m; q++) {
            u[q] = rnd.nextGaussian();
            s += u[q] * u[q];
        }
        for (int q = 0; q < m; q++) {
            u[q] /= Math.sqrt(s);
        }
        return u;
    }

    @Test
    void example1IsCertified() {
        Problem p = Problem.identityTeacher(6, 6, 6);
        Certificate c = Certifier.certify(p, PaperExamples.flat(PaperExamples.example1()), POLISH);
        assertTrue(c.certified(), c.reason());
        assertTrue(c.radius() <= 2e-6 && c.radius() > 0, "radius " + c.radius());
        assertTrue(c.lambdaMinLowerBound() >= 0.004699 && c.lambdaMinLowerBound() <= 0.0047004, "λ " + c.lambdaMinLowerBound());
        assertTrue(c.objectiveLowerBound() >= 0.02508 && c.objectiveLowerBound() <= c.objective());
        assertTrue(c.gradientNormUpperBound() < 1e-12);
        assertTrue(c.anyDimension());
        assertTrue(c.paddingLambdaMinLowerBound() > 0.0047);
    }

    @Test
    void example2IsCertified() {
        Problem p = Problem.identityTeacher(8, 8, 9);
        Certificate c = Certifier.certify(p, PaperExamples.flat(PaperExamples.example2()), POLISH);
        assertTrue(c.certified(), c.reason());
        assertTrue(c.radius() <= 2e-6 && c.radius() > 0, "radius " + c.radius());
        assertTrue(c.lambdaMinLowerBound() >= 0.005944 && c.lambdaMinLowerBound() <= 0.0059447, "λ " + c.lambdaMinLowerBound());
        assertTrue(c.objectiveLowerBound() >= 0.02056 && c.objectiveLowerBound() <= c.objective());
    }

    @Test
    void roundedPointWithoutPolishingIsNotCertified() {
        Certificate c = Certifier.certify(Problem.identityTeacher(6, 6, 6), PaperExamples.flat(PaperExamples.example1()),
                PLAIN);
        assertFalse(c.certified());
        assertTrue(c.reason().startsWith("lemma1-discriminant"), c.reason());
    }

    @Test
    void globalMinimaAreNotCertified() {
        Problem p = Problem.identityTeacher(5, 5, 5);
        double[] x = PaperExamples.flat(Problem.identity(5, 5));
        Certificate c = Certifier.certify(p, x, PLAIN);
        assertFalse(c.certified());
        assertEquals("lemma2-objective", c.reason());
        assertTrue(c.lambdaMinLowerBound() > 0.09 && c.lambdaMinLowerBound() <= 0.25 - 1 / (2 * Math.PI) + 1e-12);
        // a permuted, slightly perturbed global minimum, polished back
        SplittableRandom rnd = new SplittableRandom(1);
        double[] y = PaperExamples.flat(new double[][] {{0, 1, 0, 0, 0}, {1, 0, 0, 0, 0}, {0, 0, 0, 0, 1},
                {0, 0, 1, 0, 0}, {0, 0, 0, 1, 0}});
        for (int q = 0; q < y.length; q++) {
            y[q] += 1e-3 * rnd.nextGaussian();
        }
        assertEquals("lemma2-objective", Certifier.certify(p, y, POLISH).reason());
        // over-parameterised global minimum: the extra neuron is zero
        Problem p6 = Problem.identityTeacher(5, 5, 6);
        double[] z = Arrays.copyOf(x, 30);
        assertEquals("ball-contains-zero-neuron", Certifier.certify(p6, z, PLAIN).reason());
    }

    @Test
    void splitNeuronSaddlesAreNotCertified() {
        // paper 000 Lemma 12: splitting neuron 1 of a (6,6) spurious minimum into two halves is a critical point of
        // the (6,7) problem; it is not a strict local minimum
        double[] w = minimum1();
        Problem p7 = Problem.identityTeacher(6, 6, 7);
        double[] x = new double[42];
        for (int q = 0; q < 6; q++) {
            x[q] = 0.5 * w[q];
            x[6 + q] = 0.5 * w[q];
        }
        System.arraycopy(w, 6, x, 12, 30);
        PairwiseObjective f = new PairwiseObjective(p7, new ReluClosedForm());
        double[] g = new double[42];
        f.valueAndGradient(x, g);
        assertTrue(Arrays.stream(g).map(Math::abs).max().orElseThrow() < 1e-12, "split point is critical");
        Certificate exact = Certifier.certify(p7, x, PLAIN);
        assertFalse(exact.certified());
        assertEquals("lambda-min-not-positive", exact.reason());
        SplittableRandom rnd = new SplittableRandom(2);
        for (int t = 0; t < 3; t++) {
            double[] y = x.clone();
            double[] u = unit(rnd, 42);
            for (int q = 0; q < 42; q++) {
                y[q] += 1e-6 * u[q];
            }
            Certificate c = Certifier.certify(p7, y, PLAIN);
            assertFalse(c.certified(), "perturbed saddle certified: " + c);
            Certificate polished = Certifier.certify(p7, y, POLISH);
            assertFalse(polished.certified(), "polished saddle certified: " + polished);
        }
    }

    @Test
    void pointsMovedOffStationarityAreNotCertified() {
        double[] w = minimum1();
        Problem p = Problem.identityTeacher(6, 6, 6);
        SplittableRandom rnd = new SplittableRandom(3);
        for (double size : new double[] {1e-5, 1e-4, 1e-3, 1e-2}) {
            double[] y = w.clone();
            double[] u = unit(rnd, 36);
            for (int q = 0; q < 36; q++) {
                y[q] += size * u[q];
            }
            Certificate c = Certifier.certify(p, y, PLAIN);
            assertFalse(c.certified(), "moved by " + size + ": " + c);
            assertTrue(c.reason().startsWith("lemma1-discriminant") || c.reason().equals("gradient-norm"), c.reason());
        }
    }

    @Test
    void slightlyMovedPointsAreCertifiedWithARadiusCoveringTheMove() {
        double[] w = minimum1();
        Problem p = Problem.identityTeacher(6, 6, 6);
        SplittableRandom rnd = new SplittableRandom(4);
        for (double size : new double[] {1e-10, 1e-8, 1e-7}) {
            double[] y = w.clone();
            double[] u = unit(rnd, 36);
            for (int q = 0; q < 36; q++) {
                y[q] += size * u[q];
            }
            Certificate c = Certifier.certify(p, y, PLAIN);
            assertTrue(c.certified(), "moved by " + size + ": " + c.reason());
            // the minimum is within 1e-11 of w, so it is at distance ≥ size − 1e-11 from y
            assertTrue(c.radius() >= size - 1e-11, "radius " + c.radius() + " < distance " + size);
        }
    }

    @Test
    void paddedTeacherUsesTheExtraSpectrum() {
        double[] w = minimum1();
        Problem p9 = Problem.identityTeacher(6, 9, 6);
        double[] x = new double[54];
        for (int i = 0; i < 6; i++) {
            System.arraycopy(w, i * 6, x, i * 9, 6);
        }
        Certificate c = Certifier.certify(p9, x, PLAIN);
        assertTrue(c.certified(), c.reason());
        assertTrue(c.lambdaMinLowerBound() >= 0.004699);
        // the same point with small nonzero padding coordinates: certified, radius grows by their norm
        x[8] = 1e-9;
        Certificate moved = Certifier.certify(p9, x, PLAIN);
        assertTrue(moved.certified(), moved.reason());
        assertTrue(moved.radius() >= 1e-9);
        Certificate polished = Certifier.certify(p9, x, POLISH);
        assertTrue(polished.certified());
        assertEquals(0.0, polished.point()[8]);
    }

    @Test
    void lemma3SpectrumMatchesThePaddedHessian() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int t = 0; t < 4; t++) {
            int k = 2 + rnd.nextInt(3);
            int n = k + rnd.nextInt(2);
            double[] x = new double[n * k];
            for (int q = 0; q < x.length; q++) {
                x[q] = rnd.nextGaussian();
            }
            PointEnclosure e = new PointEnclosure(Problem.identity(k, k), ones(n), ones(k), 1.0, x);
            double[] m = PaddingSpectrum.of(e).eigenvalues;
            double[] h = SymmetricEigen.eigenvalues(
                    new PairwiseObjective(Problem.identityTeacher(k, k, n), new ReluClosedForm()).hessian().evaluate(x),
                    n * k);
            double[] xp = new double[n * (k + 1)];
            for (int i = 0; i < n; i++) {
                System.arraycopy(x, i * k, xp, i * (k + 1), k);
            }
            double[] padded = SymmetricEigen.eigenvalues(new PairwiseObjective(Problem.identityTeacher(k, k + 1, n),
                    new ReluClosedForm()).hessian().evaluate(xp), n * (k + 1));
            double[] union = new double[h.length + m.length];
            System.arraycopy(h, 0, union, 0, h.length);
            System.arraycopy(m, 0, union, h.length, m.length);
            Arrays.sort(union);
            assertArrayEquals(union, padded, 1e-10);
            double lower = PaddingSpectrum.of(e).lambdaMinLowerBound;
            assertTrue(lower <= m[0] && lower >= m[0] - 1e-6 * (1 + Math.abs(m[0])) || lower == Double.NEGATIVE_INFINITY
                    && m[0] <= 1e-9, "λ_M bound " + lower + " vs " + m[0]);
        }
    }

    @Test
    void unrepresentableTeacherCannotProveSpuriousness() {
        double[] w = minimum1();
        double[] b = {1, 1, 1, 1, 1, -1};
        Problem p = Problem.builder().teacher(Problem.identity(6, 6)).students(6).teacherWeights(b).build();
        // a point that is not critical for this problem: the point of the other problem, just to reach the check
        Certificate c = Certifier.certify(p, w, POLISH);
        assertFalse(c.certified());
        assertFalse(Certifier.representable(ones(6), b));
        assertTrue(Certifier.representable(new double[] {1, 1, 1, 1, 1, -1}, b));
        assertTrue(Certifier.representable(ones(7), ones(6)));
        assertFalse(Certifier.representable(ones(5), ones(6)));
    }

    @Test
    void rejectsBadInput() {
        Problem p = Problem.identityTeacher(2, 2, 2);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Certifier.certify(p, new double[3], PLAIN));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Certifier.certify(p, new double[] {1, 0, Double.NaN, 1}, PLAIN));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Certifier.certify(p.toBuilder().kernel(io.landscape.api.Kernel.erf()).build(), new double[4], PLAIN));
    }

    @Test
    void polishSaysWhatItCertifiedAndHowFarItMoved() {
        Problem p = Problem.identityTeacher(6, 6, 6);
        double[] input = PaperExamples.flat(PaperExamples.example1());
        Certificate c = Certifier.certify(p, input, POLISH);
        assertTrue(c.certified(), c.reason());
        double dist = 0;
        for (int q = 0; q < input.length; q++) {
            dist += (c.point()[q] - input[q]) * (c.point()[q] - input[q]);
        }
        dist = Math.sqrt(dist);
        assertTrue(dist > 1e-6, "the rounded example is moved: " + dist);
        assertTrue(c.distanceMoved() >= dist && c.distanceMoved() <= dist * (1 + 1e-12), c.distanceMoved() + " vs " + dist);
        assertTrue(c.radiusFromInput() >= c.radius() + dist);
        assertTrue(c.radiusFromInput() <= (c.radius() + dist) * (1 + 1e-12));
        Certificate plain = Certifier.certify(p, minimum1(), PLAIN);
        assertEquals(0.0, plain.distanceMoved());
        assertEquals(plain.radius(), plain.radiusFromInput());
        assertArrayEquals(minimum1(), plain.point(), 0.0);
    }

    @Test
    void aNeuronShrunkToNearlyZeroIsCertifiedOnlyWithTheDistanceToTheMinimum() {
        // issue 14: an input whose neuron was scaled by 1e-12 (0.78 away from the minimum) came back certified with
        // radius 2.9e-12 measured from the polished point; the line must say how far that point is from the input
        double[] w = minimum1();
        double[] y = w.clone();
        for (int q = 0; q < 6; q++) {
            y[q] *= 1e-12;
        }
        double away = 0;
        for (int q = 0; q < 6; q++) {
            away += (w[q] - y[q]) * (w[q] - y[q]);
        }
        away = Math.sqrt(away);
        Problem p = Problem.identityTeacher(6, 6, 6);
        Certificate c = Certifier.certify(p, y, POLISH);
        if (c.certified()) {
            double toCertified = 0;
            for (int q = 0; q < 36; q++) {
                toCertified += (c.point()[q] - y[q]) * (c.point()[q] - y[q]);
            }
            toCertified = Math.sqrt(toCertified);
            assertTrue(c.distanceMoved() >= toCertified, c.distanceMoved() + " < " + toCertified);
            assertTrue(c.radiusFromInput() >= toCertified, c.radiusFromInput() + " < " + toCertified);
            if (distance(c.point(), w) < 1e-6) {
                assertTrue(c.radiusFromInput() >= away - 1e-6, "radius from input " + c.radiusFromInput() + " < " + away);
            }
        }
        Certificate unpolished = Certifier.certify(p, y, PLAIN);
        assertFalse(unpolished.certified(), unpolished.toString());
    }

    @Test
    void polishingStopsWhenItNoLongerHelps() {
        Problem p = Problem.identityTeacher(6, 6, 6);
        // an already polished minimum is at the rounding floor: no Newton step is taken
        Certificate again = Certifier.certify(p, minimum1(), POLISH);
        assertTrue(again.certified());
        assertEquals(0, again.polishSteps(), "steps at the rounding floor");
        // from the rounded example: the documented rule takes no more steps than "while ‖∇F‖ decreases at all", and
        // the certificate is as good (the radius within a factor 2 of the unlimited polish)
        double[] x = PaperExamples.flat(PaperExamples.example1());
        PairwiseObjective f = new PairwiseObjective(p, new ReluClosedForm());
        io.landscape.impl.optim.NewtonPolish.Result unlimited = io.landscape.impl.optim.NewtonPolish.polish(f, x, 30, 0.0);
        Certificate ruled = Certifier.certify(p, x, POLISH);
        Certificate fromUnlimited = Certifier.certify(p, unlimited.point(), PLAIN);
        assertTrue(ruled.certified() && fromUnlimited.certified());
        assertTrue(ruled.polishSteps() <= unlimited.steps(), ruled.polishSteps() + " > " + unlimited.steps());
        assertTrue(ruled.radius() <= 2 * fromUnlimited.radius(), ruled.radius() + " vs " + fromUnlimited.radius());
        // the rule in NewtonPolish: a step that reduces ‖∇F‖ by less than the factor is kept, and the polish stops
        io.landscape.impl.optim.NewtonPolish.Result one = io.landscape.impl.optim.NewtonPolish.polish(f, x, 30, 0.0, 1.0);
        io.landscape.impl.optim.NewtonPolish.Result strict =
                io.landscape.impl.optim.NewtonPolish.polish(f, x, 30, 0.0, 1e-300);
        assertEquals(unlimited.steps(), one.steps());
        assertEquals(1, strict.steps(), "every step reduces by less than 1e-300: the first is kept, then stop");
    }

    @Test
    void extremeButFiniteInputsGiveNoInventedObjective() {
        Problem p = Problem.identityTeacher(2, 2, 2);
        for (double[] x : new double[][] {{1e308, 0, 0, 1}, {1e155, 1e155, 0, 1}, {-1e308, 1e308, 1e308, -1e308},
                {1e-170, 0, 0, 1}, {Double.MIN_VALUE, 0, 0, Double.MIN_VALUE}}) {
            for (Options o : new Options[] {PLAIN, POLISH}) {
                Certificate c = Certifier.certify(p, x, o);
                assertFalse(c.certified(), Arrays.toString(x));
                assertTrue(Double.isNaN(c.objective()) || Double.isFinite(c.objective()) && Math.abs(c.objective()) < 1e300,
                        "objective " + c.objective() + " at " + Arrays.toString(x));
                if (x[0] >= 1e300) {
                    assertTrue(Double.isNaN(c.objective()), "F at " + Arrays.toString(x) + " is not known: "
                            + c.objective());
                }
            }
        }
    }

    @Test
    void storedCertificatesAreCheckedForConsistency() {
        Certificate c = Certifier.certify(Problem.identityTeacher(6, 6, 6), minimum1(), PLAIN);
        assertTrue(c.certified());
        assertEquals(null, Certifier.inconsistency(c.verdict(), c.reason(), c.radius(), c.lambdaMinLowerBound(),
                c.gradientNormUpperBound(), c.thirdOrderBound(), c.objective(), c.objectiveLowerBound()));
        // a smaller radius than Lemma 1 gives, a larger λ... each claims more than was proven
        assertTrue(Certifier.inconsistency(c.verdict(), c.reason(), c.radius() / 2, c.lambdaMinLowerBound(),
                c.gradientNormUpperBound(), c.thirdOrderBound(), c.objective(), c.objectiveLowerBound()) != null);
        assertTrue(Certifier.inconsistency(c.verdict(), c.reason(), c.radius(), c.lambdaMinLowerBound(),
                c.gradientNormUpperBound() * 10, c.thirdOrderBound(), c.objective(), c.objectiveLowerBound()) != null);
        assertTrue(Certifier.inconsistency(c.verdict(), "lemma2-objective", c.radius(), c.lambdaMinLowerBound(),
                c.gradientNormUpperBound(), c.thirdOrderBound(), c.objective(), c.objectiveLowerBound()) != null);
        assertTrue(Certifier.inconsistency(c.verdict(), c.reason(), c.radius(), -1, c.gradientNormUpperBound(),
                c.thirdOrderBound(), c.objective(), c.objectiveLowerBound()) != null);
        assertTrue(Certifier.inconsistency(c.verdict(), c.reason(), c.radius(), c.lambdaMinLowerBound(),
                c.gradientNormUpperBound(), c.thirdOrderBound(), c.objective(), -1e-3) != null);
        assertTrue(Certifier.inconsistency(c.verdict(), c.reason(), Double.NaN, c.lambdaMinLowerBound(),
                c.gradientNormUpperBound(), c.thirdOrderBound(), c.objective(), c.objectiveLowerBound()) != null);
        assertTrue(Certifier.inconsistency("not-certified", "ok", 1, 1, 1, 1, 1, 1) != null);
        assertEquals(null, Certifier.inconsistency("not-certified", "gradient-norm", Double.NaN, Double.NaN, 1, Double.NaN,
                1, Double.NaN));
        // a larger radius claims less: still true
        assertEquals(null, Certifier.inconsistency(c.verdict(), c.reason(), 1.0, c.lambdaMinLowerBound(),
                c.gradientNormUpperBound(), c.thirdOrderBound(), c.objective(), c.objectiveLowerBound()));
    }

    @Test
    void inputDigestsSeparateEveryQuestion() {
        Problem p = Problem.identityTeacher(6, 6, 6);
        double[] x = minimum1();
        String base = InputDigest.of("v", p, x, PLAIN);
        assertEquals(base, InputDigest.of("v", p, x.clone(), PLAIN));
        double[] y = x.clone();
        y[7] = Math.nextUp(y[7]);
        java.util.Set<String> all = new java.util.HashSet<>(java.util.List.of(base,
                InputDigest.of("v", p, y, PLAIN),
                InputDigest.of("w", p, x, PLAIN),
                InputDigest.of("v", p, x, POLISH),
                InputDigest.of("v", p.toBuilder().normalization(io.landscape.api.Normalization.FULL).build(), x, PLAIN),
                InputDigest.of("v", p.toBuilder().teacherWeights(new double[] {1, 1, 1, 1, 1, 2}).build(), x, PLAIN),
                InputDigest.of("v", p.toBuilder().studentWeights(new double[] {1, 1, 1, 1, 1, 2}).build(), x, PLAIN),
                InputDigest.of("v", Problem.identityTeacher(6, 7, 6), Arrays.copyOf(x, 42), PLAIN),
                InputDigest.of("v", p, x, new Options(false, 30, 1e-5, 0.1)),
                InputDigest.of("v", p, x, new Options(false, 30, 1e-4, 0.2)),
                InputDigest.of("v", p, x, new Options(true, 3, 1e-4, 0.1))));
        assertEquals(11, all.size(), "every change of input gives another digest");
        assertEquals(64, InputDigest.prover().length());
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int q = 0; q < a.length; q++) {
            s += (a[q] - b[q]) * (a[q] - b[q]);
        }
        return Math.sqrt(s);
    }

    private static double[] ones(int n) {
        double[] o = new double[n];
        Arrays.fill(o, 1.0);
        return o;
    }
}
