package io.landscape.impl.objective;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Two threads through a short sequence of phases — the caller and one helper from an executor — with hand-offs of
 * a few hundred nanoseconds instead of an executor round trip per phase. Each phase has two items: the caller runs
 * item 0; item 1 goes to whoever claims it first (one compare-and-set on a sequence number), the helper if it is
 * spinning, else the caller right after item 0. So a phase never waits for a thread that is not running, a busy or
 * shut-down executor only costs the parallelism, and which thread ran an item never changes a result (the items write
 * disjoint outputs).
 *
 * <p>The helper is submitted when a phase finds it inactive; it then spins ({@link Thread#onSpinWait}) for the next
 * phase and leaves after {@link #SPIN_NANOS} without one, so back-to-back evaluations (a descent loop) keep it hot and
 * an idle objective costs no thread. One team serves one evaluator, which serves one caller thread at a time.
 *
 * <p>Why: {@code Workers.forEach} submits a task and waits on a latch per phase; on this 2-core VM the helper's
 * wake-up took tens of microseconds, and the four phases of one value and gradient at k = n = d = 100 made the
 * two-thread evaluation 1.6× <em>slower</em> than one thread (JMH: 233 against 142 µs).
 */
final class PhaseTeam {
    /** How long the helper spins for the next phase before it leaves (ns). */
    static final long SPIN_NANOS = 200_000L;

    private final Executor executor;
    private final AtomicBoolean active = new AtomicBoolean();
    /** Sequence number of the latest posted phase (1, 2, …). */
    private volatile long posted;
    /** Sequence number of the latest phase whose item 1 was claimed. */
    private final AtomicLong claimed = new AtomicLong();
    /** Sequence number of the latest phase whose item 1 the helper finished. */
    private volatile long finished;
    private volatile IntConsumer body;
    private volatile Throwable failure;
    private final Runnable helper = this::helperLoop;

    PhaseTeam(Executor executor) {
        this.executor = executor;
    }

    /**
     * body(0) on the caller, body(1) on the helper or the caller; returns when both have run (or, if item 0 threw and
     * item 1 was not yet claimed, skips item 1) and rethrows the first failure, item 0's before item 1's.
     */
    void run(IntConsumer phase) {
        long s = posted + 1;
        body = phase;
        posted = s;
        // after posting: a helper that is leaving clears `active` before its last look at `posted`, so either it sees
        // this phase or this check sees it gone and submits a new one (no phase is left without a helper)
        if (!active.get() && active.compareAndSet(false, true)) {
            try {
                executor.execute(helper);
            } catch (RejectedExecutionException e) {
                active.set(false); // a pool shutting down: the caller claims every item 1
            }
        }
        Throwable t = null;
        try {
            phase.accept(0);
        } catch (Throwable e) {
            t = e; // item 1 still has to be claimed and finished, or the next phase's sequence would stall
        }
        if (claimed.compareAndSet(s - 1, s)) {
            if (t == null) {
                phase.accept(1);
            }
        } else {
            while (finished != s) {
                Thread.onSpinWait();
            }
            Throwable h = failure;
            failure = null;
            if (t == null) {
                t = h;
            }
        }
        if (t != null) {
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(t);
        }
    }

    private void helperLoop() {
        long seen = claimed.get();
        long idleSince = System.nanoTime();
        int spins = 0;
        while (true) {
            long s = posted;
            if (s != seen) {
                seen = s;
                if (claimed.compareAndSet(s - 1, s)) {
                    try {
                        body.accept(1);
                    } catch (Throwable t) {
                        failure = t;
                    }
                    finished = s;
                }
                idleSince = System.nanoTime();
                spins = 0;
                continue;
            }
            Thread.onSpinWait();
            if (++spins == 256) {
                spins = 0;
                if (System.nanoTime() - idleSince > SPIN_NANOS) {
                    active.set(false);
                    if (posted == seen || !active.compareAndSet(false, true)) {
                        return; // nothing new, or a new helper was submitted after the phase was posted
                    }
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
