package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** {@link PhaseTeam}: every item exactly once, per phase, whichever thread claims it; failures reach the caller. */
class PhaseTeamTest {

    /** Each phase's two items run exactly once and the phase returns only after both (the helper claims most). */
    @Test
    void everyItemRunsOnceAndEachPhaseWaitsForBoth() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            PhaseTeam team = new PhaseTeam(pool);
            int phases = 20_000;
            int[] count = new int[2 * phases];
            AtomicInteger onOtherThread = new AtomicInteger();
            Thread caller = Thread.currentThread();
            for (int p = 0; p < phases; p++) {
                int base = 2 * p;
                team.run(i -> {
                    count[base + i]++;
                    if (Thread.currentThread() != caller) {
                        onOtherThread.incrementAndGet();
                    }
                });
                // both items are done when run returns (the helper's write is visible: volatile hand-off)
                assertEquals(1, count[base], "item 0 of phase " + p);
                assertEquals(1, count[base + 1], "item 1 of phase " + p);
            }
            // the helper really runs item 1 beside the caller: item 0 waits (up to 10 s) until item 1 has run on
            // another thread — with empty items above the caller may legitimately have claimed every item 1 itself
            java.util.concurrent.atomic.AtomicBoolean helperRan = new java.util.concurrent.atomic.AtomicBoolean();
            team.run(i -> {
                if (i == 1) {
                    helperRan.set(Thread.currentThread() != caller);
                    return;
                }
                long end = System.nanoTime() + 10_000_000_000L;
                while (!helperRan.get() && System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            });
            assertTrue(helperRan.get(), "the helper never ran item 1 beside the caller (" + onOtherThread.get() + " of the empty phases' items 1 ran on it)");
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** An executor that never runs its tasks, or rejects them: the caller runs both items and nothing waits. */
    @Test
    void anIdleOrRejectingExecutorOnlyCostsTheParallelism() {
        List<Runnable> parked = new ArrayList<>();
        for (PhaseTeam team : new PhaseTeam[] {new PhaseTeam(parked::add), new PhaseTeam(r -> {
            throw new RejectedExecutionException("shut down");
        })}) {
            int[] count = new int[2];
            for (int p = 0; p < 100; p++) {
                team.run(i -> count[i]++);
            }
            assertEquals(100, count[0]);
            assertEquals(100, count[1]);
        }
        assertEquals(1, parked.size(), "one helper submitted and still marked active (it never ran)");
    }

    /** An exception in the helper's item is rethrown on the caller; the team keeps working afterwards. */
    @Test
    void aFailureInEitherItemReachesTheCaller() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            PhaseTeam team = new PhaseTeam(pool);
            IllegalStateException boom = new IllegalStateException("boom");
            for (int item = 0; item < 2; item++) {
                int failing = item;
                for (int trial = 0; trial < 50; trial++) {
                    IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.run(i -> {
                        if (i == failing) {
                            throw boom;
                        }
                    }));
                    assertSame(boom, e);
                }
            }
            int[] count = new int[2];
            team.run(i -> count[i]++);
            assertEquals(1, count[0]);
            assertEquals(1, count[1]);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
