package io.landscape.impl.experiment.spurious;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.experiment.AppendLog;
import io.landscape.impl.optim.GradientDescent;

/** The run log: a damaged line in the middle is named and skipped (its run recomputed), never fatal. */
class RunLogTest {
    @TempDir
    Path dir;

    private static ObjectNode header() {
        ObjectNode h = new ObjectMapper().createObjectNode();
        h.put("experiment", "spurious-minima").put("seed", 5).put("runs", 10).put("init", "xavier")
                .put("mode", "accelerated").put("step", 0.01).put("tol", 1e-9).put("maxSteps", 1000);
        return h;
    }

    private static RunRecord record(int run, boolean candidate) {
        return new RunRecord(3, 3, run, 100 + run, 50, 60, 1, 0, 0.01, GradientDescent.Stop.CONVERGED,
                candidate ? 0.05 : 1e-12, 1e-10, 0.5, 0.4, candidate ? new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9} : null);
    }

    private static String warningsOf(Path d, ObjectNode h, List<RunLog> keep) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        RunLog log = RunLog.open(d, h, new PrintStream(buf, true, StandardCharsets.UTF_8));
        keep.add(log);
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCorruptMiddleLineIsReportedWithItsLineAndSkipped() throws Exception {
        try (RunLog log = RunLog.open(dir, header(), null)) {
            for (int run = 0; run < 5; run++) {
                log.append(record(run, run % 2 == 0));
            }
        }
        Path file = dir.resolve("runs.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        assertEquals(6, lines.size());
        String two = lines.get(2);
        lines.set(2, two.substring(0, 30) + lines.get(3).substring(12)); // two writers' bytes interleaved: run 1 lost
        lines.set(4, "{\"k\":3,\"n\":3,\"run\":3}");                    // valid JSON, not a run record: run 3 lost
        lines.set(5, "\u0000\u0001garbage");                                // binary garbage: run 4 lost
        lines.add(new ObjectMapper().writeValueAsString(RunLog.toJson(record(4, true)))); // ... and redone later
        Files.write(file, lines);
        List<RunLog> open = new ArrayList<>();
        String warnings = warningsOf(dir, header(), open);
        try (RunLog log = open.get(0)) {
            assertTrue(warnings.contains("runs.jsonl:3: not JSON"), warnings);
            assertTrue(warnings.contains("runs.jsonl:5: not a run record"), warnings);
            assertTrue(warnings.contains("runs.jsonl:6:"), warnings);
            assertTrue(!warnings.contains("\u0000"), warnings);
            assertEquals(3, warnings.trim().split("\n").length, warnings);
            assertEquals(3, log.skipped().size());
            assertEquals(java.util.Set.of(0, 2, 4), log.finished(3, 3).keySet(), "runs 1 and 3 are to be recomputed");
            assertTrue(log.finished(3, 3).get(4).point() != null);
            log.append(record(1, false));
            log.append(record(3, false));
        }
        // the damaged lines stay (never silently dropped) and are reported again; the runs are all there now
        List<RunLog> again = new ArrayList<>();
        String w2 = warningsOf(dir, header(), again);
        try (RunLog log = again.get(0)) {
            assertEquals(3, w2.trim().split("\n").length, w2);
            assertEquals(java.util.Set.of(0, 1, 2, 3, 4), log.finished(3, 3).keySet());
        }
    }

    @Test
    void anUnreadableHeaderOrOtherSettingsAreRefusedWithAMessage() throws Exception {
        Files.writeString(dir.resolve("runs.jsonl"), "{\"type\":\"hea\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunLog.open(dir, header(), null));
        assertTrue(e.getMessage().contains("runs.jsonl:1") && e.getMessage().contains("header"), e.getMessage());
        Files.delete(dir.resolve("runs.jsonl"));
        RunLog.open(dir, header(), null).close();
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> RunLog.open(dir, header().put("seed", 6), null));
        assertTrue(other.getMessage().contains("seed"), other.getMessage());
        // the refused opens released the lock
        RunLog.open(dir, header(), null).close();
    }

    @Test
    void aSecondSweepOnTheSameDirectoryIsRefused() throws Exception {
        try (RunLog first = RunLog.open(dir, header(), null)) {
            first.append(record(0, false));
            assertThrows(AppendLog.InUseException.class, () -> RunLog.open(dir, header(), null));
        }
        try (RunLog second = RunLog.open(dir, header(), null)) {
            assertEquals(1, second.size());
        }
    }

    @Test
    void aLogIsResumedOnlyWithTheEvaluatorThatWroteIt() throws Exception {
        Path batch = dir.resolve("batch");
        try (RunLog log = RunLog.open(batch, header().put("evaluator", "identity-teacher/batch"), null)) {
            log.append(java.util.List.of(record(0, false), record(1, true)));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunLog.open(batch, header().put("evaluator", "identity-teacher/scalar"), null));
        assertTrue(e.getMessage().contains("evaluator = identity-teacher/batch"), e.getMessage());
        try (RunLog same = RunLog.open(batch, header().put("evaluator", "identity-teacher/batch"), null)) {
            assertEquals(2, same.finished(new Cell(3, 3)).size());
        }
        // a log from before the evaluator was recorded is still resumed
        Path old = dir.resolve("old");
        RunLog.open(old, header(), null).close();
        try (RunLog resumed = RunLog.open(old, header().put("evaluator", "identity-teacher/scalar"), null)) {
            assertEquals(0, resumed.size());
        }
    }
}
