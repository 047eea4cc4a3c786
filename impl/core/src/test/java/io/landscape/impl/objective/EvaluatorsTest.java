package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.landscape.api.Kernel;
import io.landscape.api.Landscape;
import io.landscape.api.Normalization;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.api.function.BatchFunction;

/** The selector: which evaluator each problem gets, and that the selected one computes the general one's F and ∇F. */
class EvaluatorsTest {
    private static final EvaluatorParameters DEFAULTS = EvaluatorParameters.defaults();

    private static double[] point(int n, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n * k];
        for (int q = 0; q < x.length; q++) {
            x[q] = rng.nextGaussian() / Math.sqrt(k);
        }
        return x;
    }

    @Test
    void recognisesTheIdentityTeacherFromTheProblemAlone() {
        assertTrue(Evaluators.isIdentityTeacher(Problem.identityTeacher(5, 5, 3)));
        assertTrue(Evaluators.isIdentityTeacher(Problem.builder().teacher(Problem.identity(4, 4)).students(9).build()));
        // padded teacher (d > k), other kernel, other normalisation, other weights, permuted or scaled rows: general
        assertFalse(Evaluators.isIdentityTeacher(Problem.identityTeacher(3, 4, 3)));
        assertFalse(Evaluators.isIdentityTeacher(Problem.builder().teacher(Problem.identity(3, 3)).students(3)
                .kernel(Kernel.erf()).build()));
        assertFalse(Evaluators.isIdentityTeacher(Problem.builder().teacher(Problem.identity(3, 3)).students(3)
                .normalization(Normalization.FULL).build()));
        assertFalse(Evaluators.isIdentityTeacher(Problem.builder().teacher(Problem.identity(3, 3)).students(2)
                .studentWeights(new double[] {1, -1}).build()));
        assertFalse(Evaluators.isIdentityTeacher(Problem.builder().teacher(Problem.identity(2, 2)).students(2)
                .teacherWeights(new double[] {1, 2}).build()));
        assertFalse(Evaluators.isIdentityTeacher(Problem.builder().teacher(new double[][] {{0, 1}, {1, 0}})
                .students(2).build()));
        assertFalse(Evaluators.isIdentityTeacher(Problem.builder().teacher(new double[][] {{2, 0}, {0, 1}})
                .students(2).build()));
    }

    @Test
    void landscapeObjectiveGetsTheFastestCorrectEvaluator() {
        assertEquals(IdentityTeacherObjective.class, Landscape.objective(Problem.identityTeacher(6, 6, 6)).getClass());
        Class<?> large = Landscape.objective(Problem.identityTeacher(12, 12, 12)).getClass();
        assertEquals(Evaluators.simdAvailable() && DEFAULTS.simd() ? VectorIdentityObjective.class
                : IdentityTeacherObjective.class, large);
        // any other problem: the SIMD general evaluator where SIMD is on and available, else the scalar one
        Class<?> general = Evaluators.simdAvailable() && DEFAULTS.simd() && VectorPairwiseObjective.isAvailable()
                ? VectorPairwiseObjective.class : PairwiseObjective.class;
        assertEquals(general, Landscape.objective(Problem.identityTeacher(3, 4, 3)).getClass());
        Problem erf = Problem.builder().teacher(Problem.identity(3, 3)).students(3).kernel(Kernel.erf()).build();
        assertEquals(general, Landscape.objective(erf).getClass());
        assertEquals(PairwiseObjective.class, Evaluators.select(erf, DEFAULTS.withSimd(false)).getClass());
        // parameters: SIMD off, or a higher student threshold, give the scalar evaluator
        Problem p = Problem.identityTeacher(12, 12, 12);
        assertEquals(IdentityTeacherObjective.class, Evaluators.select(p, DEFAULTS.withSimd(false)).getClass());
        assertEquals(IdentityTeacherObjective.class,
                Evaluators.select(p, DEFAULTS.withSimdMinStudents(13)).getClass());
    }

    @Test
    void batchedEvaluatorOnlyForTheIdentityTeacherWithSimdAndBatching() {
        Problem p = Problem.identityTeacher(5, 5, 7);
        boolean expected = Evaluators.simdAvailable() && DEFAULTS.simd() && DEFAULTS.batch();
        assertEquals(expected, Evaluators.batches(p, DEFAULTS));
        assertEquals(expected, Evaluators.batch(p, DEFAULTS).isPresent());
        assertFalse(Evaluators.batch(p, DEFAULTS.withBatch(false)).isPresent());
        assertFalse(Evaluators.batch(p, DEFAULTS.withSimd(false)).isPresent());
        assertFalse(Evaluators.batch(Problem.identityTeacher(5, 6, 7), DEFAULTS).isPresent());
        if (expected) {
            BatchFunction b = Evaluators.batch(p, DEFAULTS).orElseThrow();
            assertEquals(35, b.dimension());
            assertEquals(5, b.blockSize());
            assertEquals(35 * b.lanes(), b.batchLength());
        }
    }

    @Test
    void selectedEvaluatorsReturnTheGeneralObjectivesFAndGradientToRounding() {
        for (int[] kn : new int[][] {{3, 4}, {8, 8}, {12, 12}, {13, 17}}) {
            int k = kn[0];
            int n = kn[1];
            Problem p = Problem.identityTeacher(k, k, n);
            Objective general = Evaluators.general(p);
            for (EvaluatorParameters params : new EvaluatorParameters[] {DEFAULTS, DEFAULTS.withSimd(false)}) {
                Objective f = Evaluators.select(p, params);
                assertNotEquals(PairwiseObjective.class, f.getClass());
                for (int t = 0; t < 10; t++) {
                    double[] x = point(n, k, 31L * t + k);
                    double[] g = new double[n * k];
                    double[] gRef = new double[n * k];
                    double value = f.valueAndGradient(x, g);
                    general.valueAndGradient(x, gRef);
                    // F: the general objective's compensated value, bit for bit
                    assertEquals(Double.doubleToLongBits(general.value(x)), Double.doubleToLongBits(value));
                    for (int q = 0; q < g.length; q++) {
                        assertEquals(gRef[q], g[q], 1e-13, "(" + k + "," + n + ") entry " + q);
                    }
                    double[] g2 = f.gradient().evaluate(x);
                    assertEquals(0, java.util.Arrays.compare(g, g2), "gradient alone = gradient with value");
                }
            }
        }
    }

    @Test
    void plainValueIsTheSearchsOwnSum() {
        int k = 7;
        int n = 9;
        Problem p = Problem.identityTeacher(k, k, n);
        Objective plain = Evaluators.select(p, DEFAULTS.withSimd(false).withPlainValue(true));
        Objective reference = IdentityTeacherObjective.create(k, n);
        for (int t = 0; t < 5; t++) {
            double[] x = point(n, k, t);
            double[] g1 = new double[n * k];
            double[] g2 = new double[n * k];
            assertEquals(Double.doubleToLongBits(reference.valueAndGradient(x, g1)),
                    Double.doubleToLongBits(plain.valueAndGradient(x, g2)));
            assertEquals(0, java.util.Arrays.compare(g1, g2));
        }
    }

    @Test
    void extremeInputsGetTheGeneralObjectivesChecksAndMessages() {
        int k = 3;
        int n = 3;
        Problem p = Problem.identityTeacher(k, k, n);
        Objective f = Landscape.objective(p);
        Objective general = Evaluators.general(p);
        double[] nan = point(n, k, 1);
        nan[4] = Double.NaN;
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> f.valueAndGradient(nan, new double[9]));
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> general.valueAndGradient(nan, new double[9]));
        assertEquals(b.getMessage(), a.getMessage());
        double[] huge = point(n, k, 2);
        huge[0] = 1e300;
        assertEquals(outcome(general, huge), outcome(f, huge), "a neuron of norm 1e300");
        double[] tiny = point(n, k, 3);
        for (int q = 0; q < k; q++) {
            tiny[q] *= 1e-170;
        }
        double[] g1 = new double[9];
        double[] g2 = new double[9];
        assertEquals(general.valueAndGradient(tiny, g2), f.valueAndGradient(tiny, g1), 0.0);
        assertEquals(0, java.util.Arrays.compare(g1, g2));
    }

    /** What valueAndGradient and gradient do at x: their results, or the exception's class and message. */
    private static String outcome(Objective f, double[] x) {
        StringBuilder b = new StringBuilder();
        try {
            double[] g = new double[x.length];
            b.append(f.valueAndGradient(x, g)).append(java.util.Arrays.toString(g));
        } catch (RuntimeException e) {
            b.append(e.getClass().getName()).append(": ").append(e.getMessage());
        }
        try {
            b.append(" / ").append(java.util.Arrays.toString(f.gradient().evaluate(x)));
        } catch (RuntimeException e) {
            b.append(" / ").append(e.getClass().getName()).append(": ").append(e.getMessage());
        }
        return b.toString();
    }

    @Test
    void parametersAreValuesWithDocumentedDefaults() {
        assertEquals(EvaluatorParameters.DEFAULT_SIMD_MIN_STUDENTS, DEFAULTS.simdMinStudents());
        assertFalse(DEFAULTS.plainValue());
        assertEquals(DEFAULTS, DEFAULTS.withSimd(false).withSimd(DEFAULTS.simd()));
        assertEquals(DEFAULTS.hashCode(), DEFAULTS.withBatch(false).withBatch(DEFAULTS.batch()).hashCode());
        assertNotEquals(DEFAULTS, DEFAULTS.withPlainValue(true));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withSimdMinStudents(0));
        assertTrue(DEFAULTS.toString().contains("simdMinStudents=12"), DEFAULTS.toString());
    }

    /**
     * {@code -Dlandscape.parallelMinStudents} sets the two-thread threshold of the defaults (one JVM per value, as the
     * property is read once): 56 is taken, unset gives the documented default, and a value that is not a whole number
     * ≥ 1 makes {@link EvaluatorParameters#defaults()} throw one message naming the property and the value.
     */
    @Test
    void parallelThresholdComesFromItsSystemProperty() throws Exception {
        assertEquals("128", child(null));
        assertEquals("56", child("56"));
        for (String bad : new String[] {"abc", "0", "-3", "1e2"}) {
            assertEquals("IllegalArgumentException: system property landscape.parallelMinStudents must be a whole "
                    + "number of students ≥ 1, got '" + bad + "'", child(bad));
        }
    }

    private static String child(String value) throws Exception {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(javaBin, "-Dfile.encoding=UTF-8"));
        if (value != null) {
            cmd.add("-D" + EvaluatorParameters.PARALLEL_MIN_STUDENTS_PROPERTY + "=" + value);
        }
        cmd.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), ParallelThreshold.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), "child JVM for " + value + ": " + out);
        return out;
    }

    /** Child JVM: prints the defaults' two-thread threshold, or the exception they throw. */
    public static final class ParallelThreshold {
        public static void main(String[] args) {
            try {
                System.out.println(EvaluatorParameters.defaults().parallelMinStudents());
            } catch (IllegalArgumentException e) {
                System.out.println("IllegalArgumentException: " + e.getMessage());
            }
        }
    }
}
