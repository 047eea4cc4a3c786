package io.landscape.impl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.landscape.impl.sweep.EnvironmentMismatchException;
import io.landscape.impl.sweep.Runner;
import io.landscape.impl.sweep.RunnerFactory;
import io.landscape.impl.sweep.Task;
import io.landscape.impl.sweep.TaskContext;

/** The runner contract on the shared {@code local[2]} context. */
class SparkRunnerTest {

    /** Squares of a range of integers (sleeps a little so that chunks finish in varying order). */
    record Squares(int from, int to) implements Task<Long> {
        @Override
        public List<Long> compute(TaskContext context) {
            List<Long> out = new ArrayList<>();
            for (long i = from; i < to; i++) {
                out.add(i * i);
            }
            try {
                Thread.sleep((from * 7L) % 13);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return out;
        }
    }

    /** A task that fails with a message. */
    record Fails(String message) implements Task<Long> {
        @Override
        public List<Long> compute(TaskContext context) {
            throw new IllegalArgumentException(message);
        }
    }

    private static List<Squares> tasks(int chunks, int size) {
        List<Squares> out = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            out.add(new Squares(c * size, (c + 1) * size));
        }
        return out;
    }

    @Test
    void everyChunkReachesTheSinkOnceWithItsResultsInRunOrder() {
        Runner runner = SharedSpark.runner();
        assertEquals(2, runner.parallelism());
        List<Squares> tasks = tasks(23, 17);
        List<Squares> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger concurrent = new AtomicInteger();
        runner.run(tasks, (task, results) -> {
            assertEquals(1, concurrent.incrementAndGet(), "sink calls are never concurrent");
            assertEquals(task.to() - task.from(), results.size());
            for (int i = 0; i < results.size(); i++) {
                long x = task.from() + i;
                assertEquals(x * x, results.get(i));
            }
            seen.add(task);
            concurrent.decrementAndGet();
        });
        assertEquals(tasks.size(), seen.size());
        assertEquals(new java.util.HashSet<>(tasks), new java.util.HashSet<>(seen));
        runner.run(List.<Squares>of(), (t, r) -> {
            throw new AssertionError("no task, no sink call");
        });
    }

    @Test
    void theSinksExceptionStopsTheRunAndNoLaterChunkReachesIt() {
        Runner runner = SharedSpark.runner();
        IllegalStateException stop = new IllegalStateException("stop after 3");
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(tasks(40, 5), (t, r) -> {
            if (calls.incrementAndGet() == 4) {
                throw stop;
            }
        }));
        assertSame(stop, e, "the sink's own exception, unwrapped");
        int after = calls.get();
        assertEquals(4, after);
        // the context is usable afterwards
        AtomicInteger again = new AtomicInteger();
        runner.run(tasks(3, 2), (t, r) -> again.incrementAndGet());
        assertEquals(3, again.get());
        assertEquals(after, calls.get(), "nothing of the stopped run reached the sink later");
    }

    @Test
    void aTaskFailureIsRethrownWithItsMessage() {
        Runner runner = SharedSpark.runner();
        List<Task<Long>> tasks = new ArrayList<>(tasks(3, 2));
        tasks.add(new Fails("bad chunk 7"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runner.run(tasks, (t, r) -> { }));
        assertEquals("bad chunk 7", e.getMessage());
    }

    @Test
    void anExecutorWithAnotherFingerprintFailsTheJobWithOneMessage() {
        Runner runner = SparkRunner.on(SharedSpark.context(), "simd=on batch=on simdMinStudents=12 vectorBits=1024 "
                + "fma=on java=17 arch=elsewhere");
        EnvironmentMismatchException e = assertThrows(EnvironmentMismatchException.class,
                () -> runner.run(tasks(2, 2), (t, r) -> { }));
        assertTrue(e.getMessage().contains("arch=elsewhere") && e.getMessage().contains(EvaluatorFingerprint.here()),
                e.getMessage());
        assertTrue(e.getMessage().startsWith("executor driver (127.0.0.1) would compute other bits"), e.getMessage());
    }

    @Test
    void everyTaskChecksTheFingerprintToo() {
        SharedSpark.context();
        // an executor that joins after the preflight: the task function itself refuses
        SparkRunner.Compute<Squares, Long> compute = new SparkRunner.Compute<>("simd=off arch=elsewhere", "run-1");
        EnvironmentMismatchException e = assertThrows(EnvironmentMismatchException.class,
                () -> compute.apply(scala.jdk.javaapi.CollectionConverters.asScala(
                        List.of(new Squares(0, 2)).iterator())));
        assertTrue(e.getMessage().contains("[simd=off arch=elsewhere]"), e.getMessage());
        SparkRunner.Compute<Squares, Long> same = new SparkRunner.Compute<>(EvaluatorFingerprint.here(), "run-2");
        assertEquals(List.of(0L, 1L), same.apply(scala.jdk.javaapi.CollectionConverters.asScala(
                List.of(new Squares(0, 2)).iterator())));
    }

    @Test
    void theSparkEngineIsFoundThroughTheServiceLoader() {
        RunnerFactory f = RunnerFactory.find("spark", getClass().getClassLoader());
        assertTrue(f instanceof SparkRunnerFactory, String.valueOf(f));
        assertTrue(ServiceLoader.load(RunnerFactory.class).stream().count() >= 1);
        assertEquals(null, RunnerFactory.find("no-such-engine", getClass().getClassLoader()));
    }

    @Test
    void aMasterUrlSparkCannotParseIsOneMessageNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkRunner.configuration("nonsense://x", "t").getAll());
        assertTrue(e.getMessage().contains("nonsense://x"), e.getMessage());
    }
}
