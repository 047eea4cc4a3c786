package io.landscape.impl.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

import io.landscape.impl.certify.EigenvalueBound;

class WorkersTest {

    @Test
    void everyItemOnceAndFailuresRethrown() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (Workers w : new Workers[] {Workers.NONE, new Workers(pool, 1), new Workers(pool, 3)}) {
                AtomicIntegerArray hits = new AtomicIntegerArray(1000);
                w.forEach(1000, hits::incrementAndGet);
                for (int i = 0; i < 1000; i++) {
                    assertEquals(1, hits.get(i));
                }
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.forEach(100, i -> {
                    if (i == 37) {
                        throw new IllegalStateException("item 37");
                    }
                }));
                assertEquals("item 37", e.getMessage());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void callingFromEveryThreadOfABusyPoolDoesNotDeadlock() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Workers w = new Workers(pool, 2);
            CountDownLatch both = new CountDownLatch(2);
            Future<?>[] f = new Future<?>[2];
            long[] sums = new long[2];
            for (int t = 0; t < 2; t++) {
                int id = t;
                f[t] = pool.submit(() -> {
                    both.countDown();
                    both.await(); // both pool threads are now busy in here: helpers can only queue
                    AtomicIntegerArray a = new AtomicIntegerArray(500);
                    w.forEach(500, i -> a.set(i, i));
                    long s = 0;
                    for (int i = 0; i < 500; i++) {
                        s += a.get(i);
                    }
                    sums[id] = s;
                    return null;
                });
            }
            for (Future<?> x : f) {
                x.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertEquals(499L * 500 / 2, sums[0]);
            assertEquals(499L * 500 / 2, sums[1]);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A random symmetric positive definite m×m matrix (row-major). */
    static double[] spd(int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] b = new double[m * m];
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextDouble() - 0.5;
        }
        double[] a = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double s = 0;
                for (int q = 0; q < 8; q++) {
                    s += b[i * m + (q * 97 + i) % m] * b[j * m + (q * 97 + i) % m];
                }
                a[i * m + j] = s * 0.01;
                a[j * m + i] = s * 0.01;
            }
            a[i * m + i] += 1.0 + i * 1e-3;
        }
        return a;
    }

    @Test
    void choleskyAndLanczosGiveTheSameBitsWithAndWithoutWorkers() {
        int m = 800; // above the parallel threshold of the trailing updates
        double[] a = spd(m, 7);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Workers w = new Workers(pool, 2);
            double[] alone = a.clone();
            double[] shared = a.clone();
            assertTrue(Cholesky.factor(alone, m));
            assertTrue(Cholesky.factor(shared, m, w));
            assertArrayEquals(alone, shared, "Cholesky factor with workers");
            double[] scalarAlone = a.clone();
            double[] scalarShared = a.clone();
            assertTrue(Cholesky.factorScalar(scalarAlone, m));
            assertTrue(Cholesky.factorScalar(scalarShared, m, w));
            assertArrayEquals(scalarAlone, scalarShared, "scalar Cholesky factor with workers");
            assertEquals(Double.doubleToLongBits(SymmetricEigen.smallestEigenvalueDirect(a, m)),
                    Double.doubleToLongBits(SymmetricEigen.smallestEigenvalueDirect(a, m, w)));
        } finally {
            pool.shutdownNow();
        }
    }
}
