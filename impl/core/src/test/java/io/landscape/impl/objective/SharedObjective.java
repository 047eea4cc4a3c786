package io.landscape.impl.objective;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.landscape.api.Objective;

/**
 * Hammers one {@link Objective} from several threads at once and compares every result bitwise with the results the
 * creating thread computed alone (for the thread-safety tests of {@link PairwiseObjective} and the identity-teacher
 * evaluators).
 */
public final class SharedObjective {
    private SharedObjective() {
    }

    /**
     * Runs {@code threads} threads (the calling thread, which must be the one that created {@code f}, plus
     * {@code threads − 1} others) that each make {@code calls} calls — value, valueAndGradient and the Gradient object
     * in turn, the Hessian every 997th call if {@code hessian} — at the given points, and returns the number of results
     * that differ in any bit from the single-threaded ones (computed first, by the calling thread; value() and the value
     * of valueAndGradient are compared with their own references, as evaluators may compute them differently).
     */
    public static long mismatches(Objective f, double[][] points, int threads, int calls, boolean hessian)
            throws InterruptedException {
        int m = f.dimension();
        int p = points.length;
        double[] values = new double[p];
        double[] both = new double[p];
        double[][] grads = new double[p][m];
        double[][] hess = new double[p][];
        for (int i = 0; i < p; i++) {
            values[i] = f.value(points[i]);
            both[i] = f.valueAndGradient(points[i], grads[i]);
            if (hessian) {
                hess[i] = f.hessian().evaluate(points[i]);
            }
        }
        AtomicLong bad = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> others = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            final int id = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    bad.addAndGet(hammer(f, points, values, both, grads, hess, id, calls));
                    done.incrementAndGet();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "shared-objective-" + t);
            th.start();
            others.add(th);
        }
        start.countDown();
        bad.addAndGet(hammer(f, points, values, both, grads, hess, 0, calls));
        done.incrementAndGet();
        for (Thread th : others) {
            th.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a worker failed", failure.get());
        }
        if (done.get() != threads) {
            throw new AssertionError(done.get() + " of " + threads + " threads finished");
        }
        return bad.get();
    }

    private static long hammer(Objective f, double[][] points, double[] values, double[] both, double[][] grads,
                               double[][] hess, int id, int calls) {
        int m = f.dimension();
        double[] g = new double[m];
        double[] h = hess[0] == null ? null : new double[m * m];
        long bad = 0;
        for (int c = 0; c < calls; c++) {
            int i = (c * 7 + id * 13) % points.length;
            double[] x = points[i];
            switch (c % 3) {
                case 0:
                    bad += Double.doubleToRawLongBits(f.value(x)) == Double.doubleToRawLongBits(values[i]) ? 0 : 1;
                    break;
                case 1:
                    double v = f.valueAndGradient(x, g);
                    bad += Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(both[i])
                            && java.util.Arrays.equals(g, grads[i]) ? 0 : 1;
                    break;
                default:
                    f.gradient().evaluate(x, g);
                    bad += java.util.Arrays.equals(g, grads[i]) ? 0 : 1;
            }
            if (h != null && c % 997 == 0) {
                f.hessian().evaluate(x, h);
                bad += java.util.Arrays.equals(h, hess[i]) ? 0 : 1;
            }
        }
        return bad;
    }
}
