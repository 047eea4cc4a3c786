package io.landscape.impl.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.landscape.api.Kernel;
import io.landscape.api.Landscape;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.TestSupport;
import io.landscape.impl.objective.EvaluatorParameters;
import io.landscape.impl.objective.Evaluators;

/** {@code Landscape.objective(problem, threads)}: two threads where it pays, bitwise the one-thread results. */
class TwoThreadObjectiveTest {
    private static Problem general(Random rnd, int k, int n, int d, Kernel kernel) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (rnd.nextBoolean() ? 1 : -1) * (0.5 + rnd.nextDouble());
        }
        return Problem.builder().teacher(TestSupport.gaussian(rnd, k, d, 1.0)).students(n).studentWeights(a)
                .kernel(kernel).build();
    }

    private static long helperThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(Provider.HELPER_NAME)).count();
    }

    private static long tasks() {
        return Provider.helperTasks();
    }

    @Test
    void twoThreadsGiveTheOneThreadResultsBitwise() {
        Random rnd = new Random(5);
        long tasks0 = tasks();
        for (Kernel kernel : new Kernel[] {Kernel.relu(), Kernel.erf()}) {
            Problem p = general(rnd, 40, EvaluatorParameters.DEFAULT_PARALLEL_MIN_STUDENTS + 10, 30, kernel);
            Objective one = Landscape.objective(p);
            Objective two = Landscape.objective(p, 2);
            Objective oneAgain = Landscape.objective(p, 1);
            double[] g1 = new double[one.dimension()];
            double[] g2 = new double[one.dimension()];
            double[] g3 = new double[one.dimension()];
            for (int trial = 0; trial < 3; trial++) {
                double[] x = TestSupport.gaussian(rnd, one.dimension(), 1.0 / Math.sqrt(p.inputDimension()));
                double f1 = one.valueAndGradient(x, g1);
                double f2 = two.valueAndGradient(x, g2);
                assertEquals(Double.doubleToRawLongBits(f1), Double.doubleToRawLongBits(f2), kernel + ": F");
                assertArrayEquals(g1, g2, 0.0, kernel + ": gradient");
                two.gradient().evaluate(x, g2);
                assertArrayEquals(g1, g2, 0.0, kernel + ": gradient object");
                assertEquals(f1, two.value(x), 0.0, kernel + ": value");
                assertEquals(f1, oneAgain.valueAndGradient(x, g3), 0.0);
                assertArrayEquals(g1, g3, 0.0);
            }
        }
        if (Evaluators.simdAvailable()) {
            // the helper of the shared pool did take part (the pool starts its threads on first use)
            assertTrue(tasks() > tasks0, "work was handed to the helper");
            assertTrue(helperThreads() >= 1, "a helper thread exists");
        }
    }

    @Test
    void oneThreadByDefaultAndBelowTheThreshold() {
        assumeTrue(Evaluators.simdAvailable(), "no SIMD general evaluator here");
        long before = tasks();
        Random rnd = new Random(6);
        Problem small = general(rnd, 10, 20, 10, Kernel.relu());
        double[] x = TestSupport.gaussian(rnd, 20 * 10, 0.3);
        double[] g1 = new double[x.length];
        double[] g2 = new double[x.length];
        double f1 = Landscape.objective(small).valueAndGradient(x, g1);
        double f2 = Landscape.objective(small, 2).valueAndGradient(x, g2);
        assertEquals(f1, f2, 0.0);
        assertArrayEquals(g1, g2, 0.0);
        assertEquals(before, tasks(), "no helper for 20 students");
        Problem identity = Problem.identityTeacher(60, 60, 60); // the identity special case: its own evaluator
        double[] y = TestSupport.gaussian(rnd, 60 * 60, 0.1);
        double[] h1 = new double[y.length];
        double[] h2 = new double[y.length];
        assertEquals(Landscape.objective(identity).valueAndGradient(y, h1),
                Landscape.objective(identity, 2).valueAndGradient(y, h2), 0.0);
        assertArrayEquals(h1, h2, 0.0);
    }

    @Test
    void threadsOtherThanOneOrTwoAreRefused() {
        Problem p = Problem.identityTeacher(3, 3, 3);
        for (int t : new int[] {0, -1, 3}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Landscape.objective(p, t));
            assertEquals("objective(problem, threads): threads must be 1 or 2, got " + t, e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new Provider().objective(p, t));
        }
    }
}
