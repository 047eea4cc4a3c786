package io.landscape.impl.experiment.overparam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.landscape.impl.spark.SharedSpark;
import io.landscape.impl.experiment.StopAfterRunner;
import io.landscape.impl.sweep.LocalRunner;
import io.landscape.impl.sweep.Parallelism;

/**
 * The census as sweep tasks: one thread, two threads and Spark ({@code local[2]}) give the same runs, family ids,
 * founders (representative points) and log, because families are assigned on the driver in run order; a Spark census
 * killed after 2 chunks resumes to the same cells.
 */
class SparkCensusTest {
    private static final List<Integer> KS = List.of(6, 9);
    private static final Census.Settings SETTINGS = new Census.Settings(5, 24, 8, false, 10_000_000L, 1e-6, 2);

    private static List<Census.Cell> local(Path dir, int threads) {
        try (Parallelism budget = Parallelism.of(threads)) {
            return Census.run(KS, SETTINGS, dir, new LocalRunner(budget), false, null);
        }
    }

    static void assertSameRun(CensusRun a, CensusRun b) {
        String at = "k = " + a.k() + " " + a.start() + " run " + a.run();
        assertEquals(a.k(), b.k(), at);
        assertEquals(a.start(), b.start(), at);
        assertEquals(a.run(), b.run(), at);
        assertEquals(a.seed(), b.seed(), at);
        assertEquals(a.iterations(), b.iterations(), at);
        assertEquals(a.newtonSteps(), b.newtonSteps(), at);
        assertEquals(a.restarts(), b.restarts(), at);
        assertEquals(a.stop(), b.stop(), at);
        assertEquals(Double.doubleToLongBits(a.value()), Double.doubleToLongBits(b.value()), at);
        assertEquals(Double.doubleToLongBits(a.gradientNorm()), Double.doubleToLongBits(b.gradientNorm()), at);
        assertEquals(Double.doubleToLongBits(a.normSum()), Double.doubleToLongBits(b.normSum()), at);
        assertEquals(a.family(), b.family(), at);
        assertArrayEquals(a.point(), b.point(), at);
    }

    static void assertSameCells(List<Census.Cell> expected, List<Census.Cell> actual) {
        assertEquals(expected.size(), actual.size());
        for (int c = 0; c < expected.size(); c++) {
            Census.Cell a = expected.get(c);
            Census.Cell b = actual.get(c);
            assertEquals(a.k(), b.k());
            assertEquals(SETTINGS.runs() + SETTINGS.normSumRuns(), a.runs().size());
            assertEquals(a.runs().size(), b.runs().size());
            for (int r = 0; r < a.runs().size(); r++) {
                assertSameRun(a.runs().get(r), b.runs().get(r));
            }
            assertEquals(a.families().size(), b.families().size(), "k = " + a.k());
            for (int f = 0; f < a.families().size(); f++) {
                FamilyBook.Entry x = a.families().get(f);
                FamilyBook.Entry y = b.families().get(f);
                assertEquals(x.id(), y.id());
                assertEquals(Double.doubleToLongBits(x.value()), Double.doubleToLongBits(y.value()));
                assertEquals(x.point().length, y.point().length);
                for (int i = 0; i < x.point().length; i++) {
                    assertArrayEquals(x.point()[i], y.point()[i], "family " + x.id() + " founder row " + i);
                }
            }
        }
    }

    @Test
    void oneThreadTwoThreadsAndSparkGiveTheSameCensusAndAKilledSparkCensusResumes(@TempDir Path dir)
            throws Exception {
        List<Census.Cell> one = local(dir.resolve("one"), 1);
        assertTrue(one.stream().anyMatch(c -> !c.families().isEmpty()), "the census should meet a spurious family");
        assertSameCells(one, local(dir.resolve("two"), 2));
        List<Census.Cell> spark = Census.run(KS, SETTINGS, dir.resolve("spark"), SharedSpark.runner(), false, null);
        assertSameCells(one, spark);
        // families are assigned in run order: the logs are the same line for line but for the timing fields
        List<String> a = untimed(dir.resolve("one/runs.jsonl"));
        List<String> b = untimed(dir.resolve("spark/runs.jsonl"));
        assertEquals(a.size(), b.size());
        assertEquals(new java.util.TreeSet<>(a), new java.util.TreeSet<>(b));

        Path cut = dir.resolve("cut");
        assertThrows(StopAfterRunner.Killed.class, () -> Census.run(KS, SETTINGS, cut, new StopAfterRunner(SharedSpark.runner(), 2), false,
                null));
        int logged = Files.readAllLines(cut.resolve("runs.jsonl")).size() - 1;
        assertTrue(logged < KS.size() * 32, "a partial log: " + logged + " runs");
        assertSameCells(one, Census.run(KS, SETTINGS, cut, SharedSpark.runner(), false, null));
        assertEquals(1 + KS.size() * 32, Files.readAllLines(cut.resolve("runs.jsonl")).size(),
                "header + every run exactly once");
    }

    private static List<String> untimed(Path log) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            out.add(line.replaceAll("\"(seconds|cpuSeconds)\":[^,}]*", ""));
        }
        return out;
    }
}
