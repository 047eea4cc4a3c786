package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.landscape.api.Landscape;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.TestSupport;

/**
 * One {@link PairwiseObjective} shared by four threads (the creating one and three others), 200 000 calls each: every
 * value, gradient and Hessian is bitwise the single-threaded one. (Before thread-confined scratch space, about 1 in 200
 * results was silently wrong.)
 */
class ThreadSafetyTest {
    @Test
    void fourThreadsShareOneObjective() throws InterruptedException {
        Random rnd = new Random(13);
        Problem p = Problem.builder().teacher(TestSupport.gaussian(rnd, 6, 6, 1.0)).students(6).build();
        Objective f = Landscape.objective(p);
        double[][] points = new double[32][];
        for (int i = 0; i < points.length; i++) {
            points[i] = TestSupport.gaussian(rnd, 36, 0.4);
        }
        assertEquals(0, SharedObjective.mismatches(f, points, 4, 200_000, true));
    }

    /** A thread that used an objective does not keep it alive (its scratch space does not point back to it). */
    @Test
    void anotherThreadsScratchSpaceDoesNotKeepTheObjectiveAlive() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.lang.ref.WeakReference<Objective> ref = useElsewhere(pool);
            for (int attempt = 0; attempt < 50 && ref.get() != null; attempt++) {
                System.gc();
                Thread.sleep(20);
            }
            assertEquals(null, ref.get(), "the objective is still reachable from the pool thread");
        } finally {
            pool.shutdownNow();
        }
    }

    private static java.lang.ref.WeakReference<Objective> useElsewhere(java.util.concurrent.ExecutorService pool)
            throws Exception {
        Objective f = Landscape.objective(Problem.identityTeacher(3, 3, 3));
        double[] x = TestSupport.gaussian(new Random(1), 9, 1.0);
        double v = pool.submit(() -> f.value(x)).get();
        assertEquals(f.value(x), v, 0.0);
        return new java.lang.ref.WeakReference<>(f);
    }

    @Test
    void twoThreadsShareOneObjectiveNearTheRangeEdges() throws InterruptedException {
        // the rescaled path (a neuron of norm ~1e-170) has scratch space of its own too
        Random rnd = new Random(14);
        Objective f = Landscape.objective(Problem.identityTeacher(4, 4, 5));
        double[][] points = new double[8][];
        for (int i = 0; i < points.length; i++) {
            points[i] = TestSupport.gaussian(rnd, 20, 0.5);
            if (i % 2 == 0) {
                for (int q = 0; q < 4; q++) {
                    points[i][q] *= 1e-170;
                }
            }
        }
        assertEquals(0, SharedObjective.mismatches(f, points, 2, 50_000, true));
    }
}
