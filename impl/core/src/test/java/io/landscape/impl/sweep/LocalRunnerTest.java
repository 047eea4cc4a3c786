package io.landscape.impl.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LocalRunnerTest {

    /** Squares of [from, to); fails on {@code poison}. */
    record Squares(int from, int to, int poison) implements Task<Long> {
        @Override
        public List<Long> compute(TaskContext context) {
            AtomicInteger made = context.shared("calls", AtomicInteger::new);
            made.incrementAndGet();
            List<Long> out = new ArrayList<>();
            for (int i = from; i < to; i++) {
                if (i == poison) {
                    throw new IllegalArgumentException("poison " + i);
                }
                out.add((long) i * i);
            }
            return out;
        }
    }

    private static List<Squares> tasks(int count, int poison) {
        List<Squares> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            out.add(new Squares(10 * c, 10 * c + 10, poison));
        }
        return out;
    }

    @Test
    void everyTaskReachesTheSinkOnceOnTheCallersThreadNeverConcurrently() {
        for (int threads : new int[] {1, 2, 3}) {
            try (Parallelism budget = Parallelism.of(threads)) {
                Runner runner = new LocalRunner(budget);
                assertEquals(threads, runner.parallelism());
                Thread caller = Thread.currentThread();
                long[] squares = new long[200];
                Set<Squares> seen = new HashSet<>();
                AtomicInteger inside = new AtomicInteger();
                List<Squares> tasks = tasks(20, -1);
                runner.run(tasks, (task, results) -> {
                    assertEquals(1, inside.incrementAndGet(), "sink calls overlap");
                    assertSame(caller, Thread.currentThread());
                    assertTrue(seen.add(task), "a task twice");
                    for (int i = 0; i < results.size(); i++) {
                        squares[task.from() + i] = results.get(i);
                    }
                    inside.decrementAndGet();
                });
                assertEquals(20, seen.size());
                for (int i = 0; i < 200; i++) {
                    assertEquals((long) i * i, squares[i]);
                }
            }
        }
    }

    @Test
    void aFailingTaskStopsTheRunWithItsException() {
        try (Parallelism budget = Parallelism.of(2)) {
            List<Squares> got = new ArrayList<>();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new LocalRunner(budget).run(tasks(20, 55), (t, r) -> got.add(t)));
            assertEquals("poison 55", e.getMessage());
            assertFalse(got.stream().anyMatch(t -> t.from() == 50), "the failed chunk reached the sink");
            // the budget still works afterwards
            List<Squares> again = new ArrayList<>();
            new LocalRunner(budget).run(tasks(3, -1), (t, r) -> again.add(t));
            assertEquals(3, again.size());
        }
    }

    @Test
    void aSinkThatThrowsStopsTheRunAfterItsChunk() {
        try (Parallelism budget = Parallelism.of(2)) {
            AtomicInteger delivered = new AtomicInteger();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new LocalRunner(budget).run(tasks(50, -1), (t, r) -> {
                        if (delivered.incrementAndGet() == 4) {
                            throw new IllegalStateException("stop after 4");
                        }
                    }));
            assertEquals("stop after 4", e.getMessage());
            assertEquals(4, delivered.get(), "no chunk reaches the sink after the stop");
        }
    }

    @Test
    void chunksCoverTheUnfinishedRunsOnceInWidthMultiples() {
        assertEquals(8, Chunks.size(1, 4));
        assertEquals(56, Chunks.size(100, 2));
        assertEquals(128, Chunks.size(1000, 2));
        assertEquals(128, Chunks.size(100_000, 64));
        for (int runs : new int[] {1, 7, 100, 1000}) {
            for (int p : new int[] {1, 2, 5}) {
                assertEquals(0, Chunks.size(runs, p) % Chunks.WIDTH);
            }
        }
        Set<Integer> finished = Set.of(0, 1, 2, 3, 4, 5, 6, 7, 9, 30);
        List<int[]> plan = Chunks.plan(35, finished, 8);
        Set<Integer> covered = new HashSet<>();
        for (int[] chunk : plan) {
            assertTrue(chunk.length > 0);
            assertTrue(chunk[chunk.length - 1] / 8 == chunk[0] / 8, "one range per chunk");
            for (int r : chunk) {
                assertTrue(covered.add(r), "run " + r + " twice");
                assertFalse(finished.contains(r));
            }
        }
        assertEquals(35 - finished.size(), covered.size());
        assertEquals(8, plan.get(0)[0], "the finished first range is left out");
        assertEquals(4, plan.size());
        assertThrows(IllegalArgumentException.class, () -> Chunks.size(0, 1));
    }
}
