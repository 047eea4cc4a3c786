package io.landscape.impl.experiment.spurious;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.optim.GradientDescent;
import io.landscape.impl.optim.Initialization;
import io.landscape.impl.experiment.StopAfterRunner;
import io.landscape.impl.sweep.LocalRunner;
import io.landscape.impl.sweep.Parallelism;
import io.landscape.impl.sweep.Runner;
import io.landscape.impl.sweep.TaskContext;

/**
 * The spurious grid as chunks on the sweep runner: identical results (every non-timing field of every run and every
 * cell) with 1 and 2 threads, and after a kill after N chunks and a resume, as an uninterrupted run.
 */
class SweepDeterminismTest {
    private static final List<int[]> GRID = List.of(new int[] {6, 6}, new int[] {7, 7}, new int[] {6, 7},
            new int[] {8, 8});
    private static final int RUNS = 40;

    private static Sweep.Settings settings(int threads) {
        return new Sweep.Settings(2018, RUNS, "xavier", GradientDescent.Settings.accelerated(), threads,
                Families.DEFAULT_TOLERANCE);
    }

    private static List<CellResult> sweep(Path dir, int threads, int stopAfter) {
        Sweep.Settings s = settings(threads);
        try (Parallelism budget = Parallelism.of(threads)) {
            Runner runner = new LocalRunner(budget);
            if (stopAfter >= 0) {
                runner = new StopAfterRunner(runner, stopAfter);
            }
            return Sweep.run(GRID, s, dir, runner, budget.workers(), FamilyCertifier.NONE, null);
        }
    }

    static void assertSameRun(RunRecord a, RunRecord b) {
        String at = "cell (" + a.k() + ", " + a.n() + ") run " + a.run();
        assertEquals(a.k(), b.k(), at);
        assertEquals(a.n(), b.n(), at);
        assertEquals(a.run(), b.run(), at);
        assertEquals(a.seed(), b.seed(), at);
        assertEquals(a.iterations(), b.iterations(), at);
        assertEquals(a.totalIterations(), b.totalIterations(), at);
        assertEquals(a.newtonSteps(), b.newtonSteps(), at);
        assertEquals(a.restarts(), b.restarts(), at);
        assertEquals(Double.doubleToLongBits(a.step()), Double.doubleToLongBits(b.step()), at);
        assertEquals(a.stop(), b.stop(), at);
        assertEquals(Double.doubleToLongBits(a.value()), Double.doubleToLongBits(b.value()), at);
        assertEquals(Double.doubleToLongBits(a.maxNeuronGradient()), Double.doubleToLongBits(b.maxNeuronGradient()),
                at);
        assertArrayEquals(a.point(), b.point(), at);
    }

    private static ObjectNode untimed(CellResult c) {
        return Reports.cellJson(c, FamilyCertifier.NONE).without(List.of("seconds", "runSeconds", "cpuSeconds"));
    }

    private static void assertSameCells(List<CellResult> expected, List<CellResult> actual) {
        assertEquals(expected.size(), actual.size());
        for (int c = 0; c < expected.size(); c++) {
            CellResult a = expected.get(c);
            CellResult b = actual.get(c);
            assertEquals(untimed(a), untimed(b));
            assertEquals(RUNS, a.runs().size());
            for (int r = 0; r < RUNS; r++) {
                assertSameRun(a.runs().get(r), b.runs().get(r));
            }
        }
    }

    @Test
    void oneAndTwoThreadsAndAKilledAndResumedSweepGiveTheSameResults(@TempDir Path dir) throws Exception {
        List<CellResult> one = sweep(dir.resolve("one"), 1, -1);
        List<CellResult> two = sweep(dir.resolve("two"), 2, -1);
        assertSameCells(one, two);
        assertTrue(one.stream().anyMatch(c -> c.spuriousRuns() > 0), "the grid should meet a spurious minimum");

        // kill after 3 chunks (2 threads: chunks of 24 runs, 2 per cell), then resume with 1 thread
        Path cut = dir.resolve("cut");
        assertThrows(StopAfterRunner.Killed.class, () -> sweep(cut, 2, 3));
        List<String> lines = Files.readAllLines(cut.resolve("runs.jsonl"));
        int logged = lines.size() - 1;
        assertTrue(logged > 0 && logged < GRID.size() * RUNS, "the kill left a partial log: " + logged + " runs");
        // chunks of 24 and 16 runs (Chunks.size(40, 2) = 24); any 3 may finish first, and only those are logged
        assertTrue(List.of(48, 56, 64, 72).contains(logged), "exactly 3 chunks in the log, got " + logged + " runs");
        List<CellResult> resumed = sweep(cut, 1, -1);
        assertSameCells(one, resumed);
        assertEquals(1 + GRID.size() * RUNS, Files.readAllLines(cut.resolve("runs.jsonl")).size(),
                "header + every run exactly once");
        for (int[] c : GRID) {
            assertTrue(Files.exists(cut.resolve("cells").resolve("k" + c[0] + "-n" + c[1] + ".json")));
        }
        // a second resume has nothing left to do and gives the same results again
        assertSameCells(one, sweep(cut, 2, -1));
    }

    @Test
    void aChunkSurvivesSerialisationAndComputesTheSameRuns() throws Exception {
        SpuriousSearch.Config c = new SpuriousSearch.Config(7, 7, 40, 2018, Initialization.xavier(7),
                GradientDescent.Settings.accelerated(), 1, Families.DEFAULT_TOLERANCE);
        SpuriousTask task = SpuriousSearch.task(c, new int[] {3, 4, 5, 11, 30});
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buf)) {
            out.writeObject(task);
        }
        SpuriousTask shipped;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(buf.toByteArray()))) {
            shipped = (SpuriousTask) in.readObject();
        }
        List<RunRecord> here = task.compute(new TaskContext());
        List<RunRecord> there = shipped.compute(new TaskContext());
        assertEquals(5, here.size());
        for (int i = 0; i < 5; i++) {
            assertSameRun(here.get(i), there.get(i));
            assertSameRun(here.get(i), SpuriousSearch.run(c, task.runs()[i]));
        }
        // a worker that would pick another evaluator refuses the chunk instead of computing other bits
        SpuriousTask foreign = new SpuriousTask(7, 7, 2018, "xavier", 1 / Math.sqrt(7), task.descent(),
                new int[] {3}, "identity-teacher/elsewhere");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> foreign.compute(new TaskContext()));
        assertTrue(e.getMessage().contains("identity-teacher/elsewhere"), e.getMessage());
    }
}
