package io.landscape.impl.experiment.spurious;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.linalg.Workers;
import io.landscape.impl.optim.GradientDescent;
import io.landscape.impl.spark.SharedSpark;
import io.landscape.impl.experiment.StopAfterRunner;
import io.landscape.impl.sweep.LocalRunner;
import io.landscape.impl.sweep.Parallelism;
import io.landscape.impl.sweep.Runner;

/**
 * The spurious grid on Spark ({@code local[2]}, Java serialisation of every chunk and result) gives every non-timing
 * field of every run and cell identical to local threads; a Spark sweep killed after N chunks and resumed (on Spark)
 * gives the same results again, with every run in the log exactly once.
 */
class SparkSweepTest {
    private static final List<int[]> GRID = List.of(new int[] {6, 6}, new int[] {7, 7}, new int[] {6, 7},
            new int[] {8, 8});
    private static final int RUNS = 40;

    private static Sweep.Settings settings(int threads) {
        return new Sweep.Settings(2018, RUNS, "xavier", GradientDescent.Settings.accelerated(), threads,
                Families.DEFAULT_TOLERANCE);
    }

    private static List<CellResult> local(Path dir) {
        try (Parallelism budget = Parallelism.of(2)) {
            return Sweep.run(GRID, settings(2), dir, new LocalRunner(budget), budget.workers(), FamilyCertifier.NONE,
                    null);
        }
    }

    private static List<CellResult> spark(Path dir, int stopAfter) {
        Runner runner = SharedSpark.runner();
        if (stopAfter >= 0) {
            runner = new StopAfterRunner(runner, stopAfter);
        }
        return Sweep.run(GRID, settings(2), dir, runner, Workers.NONE, FamilyCertifier.NONE, null);
    }

    private static ObjectNode untimed(CellResult c) {
        return Reports.cellJson(c, FamilyCertifier.NONE).without(List.of("seconds", "runSeconds", "cpuSeconds"));
    }

    static void assertSameCells(List<CellResult> expected, List<CellResult> actual) {
        assertEquals(expected.size(), actual.size());
        for (int c = 0; c < expected.size(); c++) {
            CellResult a = expected.get(c);
            CellResult b = actual.get(c);
            assertEquals(untimed(a), untimed(b));
            assertEquals(RUNS, a.runs().size());
            for (int r = 0; r < RUNS; r++) {
                SweepDeterminismTest.assertSameRun(a.runs().get(r), b.runs().get(r));
            }
        }
    }

    @Test
    void theGridOnSparkEqualsLocalThreadsAndAKilledSparkSweepResumes(@TempDir Path dir) throws Exception {
        List<CellResult> local = local(dir.resolve("local"));
        assertTrue(local.stream().anyMatch(c -> c.spuriousRuns() > 0), "the grid should meet a spurious minimum");
        List<CellResult> spark = spark(dir.resolve("spark"), -1);
        assertSameCells(local, spark);
        // the run logs hold the same runs (in completion order, which may differ)
        assertEquals(Files.readAllLines(dir.resolve("local/runs.jsonl")).size(),
                Files.readAllLines(dir.resolve("spark/runs.jsonl")).size());

        // kill after 3 chunks (local[2]: chunks of 24 and 16 runs), resume on Spark
        Path cut = dir.resolve("cut");
        assertThrows(StopAfterRunner.Killed.class, () -> spark(cut, 3));
        int logged = Files.readAllLines(cut.resolve("runs.jsonl")).size() - 1;
        assertTrue(List.of(48, 56, 64, 72).contains(logged), "exactly 3 chunks in the log, got " + logged + " runs");
        List<CellResult> resumed = spark(cut, -1);
        assertSameCells(local, resumed);
        assertEquals(1 + GRID.size() * RUNS, Files.readAllLines(cut.resolve("runs.jsonl")).size(),
                "header + every run exactly once");
        // and a resume on local threads of a log that Spark wrote has nothing left to do
        assertSameCells(local, local(cut));
    }
}
