package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;

import io.landscape.api.InvalidPointException;
import io.landscape.api.Kernel;
import io.landscape.api.NotDifferentiableException;
import io.landscape.api.Normalization;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.TestSupport;
import io.landscape.impl.certify.DfpReference;
import io.landscape.impl.compile.KernelCompiler;
import io.landscape.impl.kernel.ReluClosedForm;

/**
 * The SIMD general evaluator against the scalar {@link PairwiseObjective} (same formulas, rounding of the dot products
 * and angles differs) and against 40-digit references (F and ∇F): the same accuracy statements as
 * {@code ObjectiveAccuracyTest}; off-path points get the scalar evaluator's values and errors.
 */
class VectorPairwiseObjectiveTest {
    private static final double U = 0x1p-53;

    private static Problem general(Random rnd, int k, int n, int d, Normalization norm, Kernel kernel) {
        double[][] v = TestSupport.gaussian(rnd, k, d, 1.0);
        double[] a = new double[n];
        double[] b = new double[k];
        for (int i = 0; i < n; i++) {
            a[i] = (rnd.nextBoolean() ? 1 : -1) * (0.5 + rnd.nextDouble());
        }
        for (int l = 0; l < k; l++) {
            b[l] = 0.5 + rnd.nextDouble();
        }
        return Problem.builder().teacher(v).students(n).studentWeights(a).teacherWeights(b).normalization(norm)
                .kernel(kernel).build();
    }

    private static Objective vector(Problem p) {
        assumeTrue(VectorPairwiseObjective.isAvailable(), "jdk.incubator.vector not resolved");
        Objective f = VectorPairwiseObjective.create(p);
        assertTrue(f instanceof VectorPairwiseObjective);
        return f;
    }

    /** F and ∇F of the SIMD evaluator within rounding of the scalar one (relative to the size of the terms). */
    private static void agree(String what, Problem p, double[] x) {
        Objective s = new PairwiseObjective(p, KernelCompiler.compiled(p.kernel()));
        Objective f = vector(p);
        int m = x.length;
        double[] gs = new double[m];
        double[] gv = new double[m];
        double fs = s.valueAndGradient(x, gs);
        double fv = f.valueAndGradient(x, gv);
        double gmax = TestSupport.maxAbs(gs);
        double tol = 1e-13 * Math.max(1.0, Math.abs(fs));
        assertEquals(fs, fv, tol, what + ": valueAndGradient F");
        assertEquals(fs, f.value(x), tol, what + ": value");
        double[] gOnly = new double[m];
        f.gradient().evaluate(x, gOnly);
        for (int q = 0; q < m; q++) {
            assertEquals(gs[q], gv[q], 1e-13 * Math.max(1.0, gmax), what + ": gradient entry " + q);
            assertEquals(gv[q], gOnly[q], 0.0, what + ": gradient() differs from valueAndGradient at " + q);
        }
    }

    @Test
    void agreesWithTheScalarEvaluatorAtManyShapes() {
        Random rnd = new Random(11);
        int[][] shapes = {{1, 1, 1}, {6, 6, 6}, {3, 7, 5}, {20, 20, 20}, {15, 25, 12}, {9, 4, 17}, {33, 31, 8},
            {50, 50, 50}};
        for (int[] sh : shapes) {
            for (Normalization norm : Normalization.values()) {
                Problem p = general(rnd, sh[0], sh[1], sh[2], norm, Kernel.relu());
                agree(java.util.Arrays.toString(sh) + " " + norm, p,
                        TestSupport.gaussian(rnd, sh[1] * sh[2], 1 / Math.sqrt(sh[2])));
            }
        }
        Problem erf = general(rnd, 7, 9, 11, Normalization.HALF, Kernel.erf());
        agree("erf", erf, TestSupport.gaussian(rnd, 99, 0.4));
    }

    @Test
    void nearlyParallelPairsTakeTheChordFormula() {
        // identity teacher 1e-6 from the global minimum (every student nearly parallel to one teacher), plus two
        // students nearly parallel and one nearly antiparallel to each other
        int k = 12;
        Problem p = Problem.identityTeacher(k, k, k);
        Random rnd = new Random(5);
        double[] x = new double[k * k];
        for (int i = 0; i < k; i++) {
            x[i * k + i] = 1;
        }
        for (int q = 0; q < x.length; q++) {
            x[q] += 1e-6 * rnd.nextGaussian();
        }
        agree("near the minimum", p, x);
        for (int q = 0; q < k; q++) {
            x[k + q] = x[q] * 1.5 + 1e-9 * rnd.nextGaussian();
            x[2 * k + q] = -x[q] + 1e-9 * rnd.nextGaussian();
        }
        agree("nearly parallel students", p, x);
    }

    @Test
    void valueAndGradientMatchFortyDigitReferences() {
        Random rnd = new Random(7);
        for (int[] sh : new int[][] {{20, 20, 20}, {15, 25, 12}, {100, 100, 100}}) {
            int k = sh[0];
            int n = sh[1];
            int d = sh[2];
            double[][] v = TestSupport.gaussian(rnd, k, d, 1.0);
            double[] a = new double[n];
            double[] b = new double[k];
            for (int i = 0; i < n; i++) {
                a[i] = (rnd.nextBoolean() ? 1 : -1) * (0.5 + rnd.nextDouble());
            }
            for (int l = 0; l < k; l++) {
                b[l] = 0.5 + rnd.nextDouble();
            }
            Problem p = Problem.builder().teacher(v).students(n).studentWeights(a).teacherWeights(b).build();
            DfpReference ref = new DfpReference(v, a, b, 1.0);
            Objective f = vector(p);
            double[] x = TestSupport.gaussian(rnd, n * d, 1 / Math.sqrt(d));
            double[] g = new double[n * d];
            double fx = f.valueAndGradient(x, g);
            Dfp exact = ref.value(x);
            double errF = Math.abs(exact.subtract(DfpReference.FIELD.newDfp(fx)).toDouble());
            // as ObjectiveAccuracyTest at random points: relative error ≤ 1e-15
            assertTrue(errF <= 1e-15 * Math.abs(exact.toDouble()), "F relative error " + errF / Math.abs(fx)
                    + " at " + java.util.Arrays.toString(sh));
            if (n == 100) {
                continue; // the 40-digit gradient at 10⁴ entries takes minutes; F is checked above
            }
            Dfp[] eg = ref.gradient(x);
            double gmax = 0;
            double errG = 0;
            for (int q = 0; q < g.length; q++) {
                gmax = Math.max(gmax, Math.abs(eg[q].toDouble()));
                errG = Math.max(errG, Math.abs(eg[q].subtract(DfpReference.FIELD.newDfp(g[q])).toDouble()));
            }
            // each entry is a sum of n + k coefficient × coordinate products: a few hundred u of the largest entry
            assertTrue(errG <= 200 * U * gmax * Math.sqrt(n + k), "gradient error " + errG + " (max entry " + gmax
                    + ") at " + java.util.Arrays.toString(sh));
        }
    }

    @Test
    void offPathPointsGetTheScalarEvaluatorsResultsAndErrors() {
        int k = 6;
        Problem p = Problem.identityTeacher(k, k, k);
        Objective f = vector(p);
        Objective s = new PairwiseObjective(p, KernelCompiler.compiled(p.kernel()));
        double[] x = TestSupport.gaussian(new Random(3), k * k, 0.4);
        double[] g = new double[k * k];
        // a zero neuron: F defined, derivatives refused
        double[] zero = x.clone();
        java.util.Arrays.fill(zero, k, 2 * k, 0.0);
        assertEquals(s.value(zero), f.value(zero), 0.0);
        assertThrows(NotDifferentiableException.class, () -> f.valueAndGradient(zero, g));
        assertThrows(NotDifferentiableException.class, () -> f.gradient().evaluate(zero, g));
        // a tiny neuron (squared norm underflows): the rescaled path, bitwise the scalar result
        double[] tiny = x.clone();
        for (int q = 0; q < k; q++) {
            tiny[q] *= 1e-170;
        }
        double[] g1 = new double[k * k];
        assertEquals(s.valueAndGradient(tiny, g1), f.valueAndGradient(tiny, g), 0.0);
        assertArrayEquals(g1, g, 0.0);
        double[] nan = x.clone();
        nan[7] = Double.NaN;
        assertThrows(InvalidPointException.class, () -> f.value(nan));
        assertThrows(InvalidPointException.class, () -> f.valueAndGradient(nan, g));
        assertThrows(InvalidPointException.class, () -> f.value(new double[5]));
    }

    @Test
    void handWrittenKernelAndOtherThreadsGiveTheSameResults() throws Exception {
        int k = 20;
        Problem p = general(new Random(9), k, k, k, Normalization.HALF, Kernel.relu());
        assumeTrue(VectorPairwiseObjective.isAvailable());
        Objective compiled = VectorPairwiseObjective.create(p);
        Objective hand = VectorPairwiseObjective.create(p, new ReluClosedForm());
        double[] x = TestSupport.gaussian(new Random(2), k * k, 0.2);
        double[] g = new double[k * k];
        double[] gh = new double[k * k];
        double fx = compiled.valueAndGradient(x, g);
        assertEquals(fx, hand.valueAndGradient(x, gh), 1e-14 * Math.abs(fx));
        assertArrayEquals(g, gh, 1e-14 * TestSupport.maxAbs(g));
        AtomicReference<double[]> other = new AtomicReference<>();
        Thread t = new Thread(() -> {
            double[] go = new double[k * k];
            double fo = compiled.valueAndGradient(x, go);
            double[] r = java.util.Arrays.copyOf(go, go.length + 1);
            r[go.length] = fo;
            other.set(r);
        });
        t.start();
        t.join();
        double[] r = other.get();
        assertEquals(fx, r[k * k], 0.0);
        assertArrayEquals(g, java.util.Arrays.copyOf(r, k * k), 0.0);
    }

    /** F (valueAndGradient and value) and ∇F of two evaluators, bitwise. */
    private static void sameBits(String what, Objective ref, Objective f, double[] x) {
        int m = x.length;
        double[] g0 = new double[m];
        double[] g1 = new double[m];
        assertEquals(ref.valueAndGradient(x, g0), f.valueAndGradient(x, g1), 0.0, what + ": valueAndGradient F");
        assertArrayEquals(g0, g1, 0.0, what + ": valueAndGradient ∇F");
        assertEquals(ref.value(x), f.value(x), 0.0, what + ": value");
        java.util.Arrays.fill(g1, Double.NaN);
        f.gradient().evaluate(x, g1);
        assertArrayEquals(g0, g1, 0.0, what + ": gradient()");
    }

    @Test
    void reluTranscriptionsAreChosenOnlyWhereTheyReproduceTheKernel() {
        assumeTrue(VectorPairwiseObjective.isAvailable());
        assertEquals(VectorDense.RELU_GENERATED, VectorDense.reluTranscription(KernelCompiler.compiled(Kernel.relu())));
        assertEquals(VectorDense.RELU_CLOSED_FORM, VectorDense.reluTranscription(new ReluClosedForm()));
        assertEquals(VectorDense.RELU_NONE, VectorDense.reluTranscription(KernelCompiler.compiled(Kernel.erf())));
        assertEquals(VectorDense.RELU_NONE, VectorDense.reluTranscription(KernelCompiler.compiled(Kernel.linear())));
    }

    /**
     * The vectorised ReLU coefficient pass gives bitwise the results of calling the kernel per pair (general teachers,
     * signed output weights, every normalisation, both θ limits: a student parallel and one antiparallel to a teacher).
     */
    @Test
    void vectorisedReluCoefficientsAreBitwiseThePerPairKernelCalls() {
        assumeTrue(VectorPairwiseObjective.isAvailable());
        Random rnd = new Random(31);
        int[][] shapes = {{1, 1, 1}, {6, 6, 6}, {3, 7, 5}, {20, 20, 20}, {15, 25, 12}, {9, 4, 17}, {33, 31, 8}};
        for (int[] sh : shapes) {
            for (Normalization norm : Normalization.values()) {
                Problem p = general(rnd, sh[0], sh[1], sh[2], norm, Kernel.relu());
                double[] x = TestSupport.gaussian(rnd, sh[1] * sh[2], 1 / Math.sqrt(sh[2]));
                if (sh[1] >= 2) {
                    double[] v0 = p.teacherNeuron(0);
                    for (int q = 0; q < sh[2]; q++) {
                        x[q] = 0.5 * v0[q];            // θ = 0 with teacher 0 (s = 0 exactly)
                        x[sh[2] + q] = -4.0 * v0[q];   // θ = π
                    }
                }
                for (var kernel : new io.landscape.impl.kernel.PairKernel[] {KernelCompiler.compiled(Kernel.relu()),
                    new ReluClosedForm()}) {
                    String what = java.util.Arrays.toString(sh) + " " + norm + " " + kernel.name();
                    sameBits(what, VectorPairwiseObjective.perPairCalls(p, kernel,
                            io.landscape.impl.linalg.Workers.NONE), VectorPairwiseObjective.create(p, kernel), x);
                }
            }
        }
    }

    /** Two threads for one evaluation: bitwise the one-thread results (ReLU transcribed, and erf called per pair). */
    @Test
    void twoThreadsGiveBitwiseTheOneThreadResults() throws Exception {
        assumeTrue(VectorPairwiseObjective.isAvailable());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            io.landscape.impl.linalg.Workers two = new io.landscape.impl.linalg.Workers(pool, 1);
            Random rnd = new Random(5);
            int[][] shapes = {{1, 1, 1}, {2, 3, 4}, {13, 9, 7}, {20, 20, 20}, {60, 60, 60}, {40, 70, 30}};
            for (int[] sh : shapes) {
                for (Kernel kern : new Kernel[] {Kernel.relu(), Kernel.erf()}) {
                    if (kern.equals(Kernel.erf()) && sh[0] > 20) {
                        continue;
                    }
                    Problem p = general(rnd, sh[0], sh[1], sh[2], Normalization.HALF, kern);
                    double[] x = TestSupport.gaussian(rnd, sh[1] * sh[2], 1 / Math.sqrt(sh[2]));
                    var kernel = KernelCompiler.compiled(kern);
                    Objective one = VectorPairwiseObjective.create(p, kernel);
                    Objective par = VectorPairwiseObjective.create(p, kernel, two);
                    for (int rep = 0; rep < 3; rep++) {
                        sameBits(java.util.Arrays.toString(sh) + " " + kern.name() + " rep " + rep, one, par, x);
                    }
                }
            }
            // the selector hands the budget on from parallelMinStudents on (and the results do not change)
            Problem p = general(rnd, 8, 8, 8, Normalization.HALF, Kernel.relu());
            double[] x = TestSupport.gaussian(rnd, 64, 0.3);
            EvaluatorParameters params = EvaluatorParameters.defaults().withWorkers(two).withParallelMinStudents(8);
            sameBits("Evaluators.select", Evaluators.select(p, EvaluatorParameters.defaults()),
                    Evaluators.select(p, params), x);
        } finally {
            pool.shutdownNow();
        }
    }
}
