package io.landscape.impl.linalg;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * A share of the parallelism budget handed to a numerical routine: an executor and how many of its threads the routine
 * may use besides the caller's. Library code never reaches for a pool on its own (no {@code parallel()} streams, no
 * common pool): a routine that can use threads takes a {@code Workers}, and {@link #NONE} runs it on the caller's
 * thread alone. The budget's owner (e.g. {@code io.landscape.impl.sweep.Parallelism}) decides.
 *
 * <p>{@link #forEach} lets the caller take part and has its helpers claim items from a shared counter, so it cannot
 * deadlock even when called from a thread of the same (fully busy) executor: items are claimed only by running threads,
 * and a helper that starts after the last item was claimed returns at once. Items must be independent (each writes its
 * own outputs); then the results are identical for every executor and thread count, including {@link #NONE}.
 *
 * @param executor where helpers run (null only with {@code helpers} = 0)
 * @param helpers  how many helper tasks to submit at most (≥ 0); the caller is one more worker
 */
public record Workers(Executor executor, int helpers) {
    /** No helpers: every item on the caller's thread. */
    public static final Workers NONE = new Workers(null, 0);

    public Workers {
        if (helpers < 0) {
            throw new IllegalArgumentException("helpers: must be at least 0, got " + helpers);
        }
        if (helpers > 0 && executor == null) {
            throw new IllegalArgumentException("helpers without an executor");
        }
    }

    /** How many threads can work on a loop at once (helpers and the caller). */
    public int threads() {
        return helpers + 1;
    }

    /**
     * Calls {@code body} for every i in [0, count), each exactly once, on the caller's thread and up to
     * {@link #helpers} helper threads; returns when all have finished. The first exception thrown by {@code body}
     * skips the items not yet started and is rethrown here.
     */
    public void forEach(int count, IntConsumer body) {
        int h = Math.min(helpers, count - 1);
        if (h <= 0) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        body.accept(i);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }
        };
        for (int j = 0; j < h; j++) {
            try {
                executor.execute(work);
            } catch (RejectedExecutionException e) {
                break; // a pool shutting down: the caller does the rest
            }
        }
        work.run();
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the claimed items are running: wait for them, then restore the flag
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
