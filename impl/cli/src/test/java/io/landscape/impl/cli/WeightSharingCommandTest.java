package io.landscape.impl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code reproduce weight-sharing}: argument errors before any work, and the summary.json contract. */
class WeightSharingCommandTest {
    @Test
    void badArgumentsFailBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("never");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        String[][] bad = {
            {"reproduce", "weight-sharing", "--part", "conv", "--out", out.toString()},
            {"reproduce", "weight-sharing", "--seeds", "0", "--out", out.toString()},
            {"reproduce", "weight-sharing", "--seeds", "-3", "--out", out.toString()},
            {"reproduce", "weight-sharing", "--seeds", "many", "--out", out.toString()},
            {"reproduce", "weight-sharing", "--threads", "-1", "--out", out.toString()},
            {"reproduce", "weight-sharing", "--bogus", "--out", out.toString()},
            {"reproduce", "weight-sharing", "--data", "cifar", "--out", out.toString()},
            {"reproduce", "weight-sharing", "--target", "middle", "--out", out.toString()},
            {"reproduce", "weight-sharing", "--g", "guessed", "--out", out.toString()},
            {"reproduce", "weight-sharing", "--part", "erf", "--data", "mnist", "--out", out.toString()},
            {"reproduce", "weight-sharing", "--out", file.resolve("sub").toString()},
        };
        for (String[] args : bad) {
            CliRun o = CliRun.of(args);
            assertEquals(Main.EXIT_INPUT, o.code(), String.join(" ", args) + " → " + o.err());
            assertTrue(o.err().startsWith("landscape"), o.err());
            assertFalse(o.err().contains("Exception"), o.err());
            assertEquals(1, o.err().strip().lines().filter(l -> !l.isBlank()).limit(1).count());
            assertFalse(Files.exists(out), "no work before the arguments are checked");
        }
        assertTrue(CliRun.of("reproduce", "weight-sharing", "--part", "conv").err().contains("--part"));
        assertTrue(CliRun.of("reproduce", "weight-sharing", "--data", "cifar").err().contains("--data"));
        assertTrue(CliRun.of("reproduce", "weight-sharing", "--g", "guessed").err().contains("--g"));
        assertTrue(CliRun.of("reproduce", "weight-sharing", "--part", "cosine", "--target", "high").err()
                .contains("need --part sgd or all"));
    }

    @Test
    void cosinePartWritesTheContract(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ws");
        CliRun o = CliRun.of("reproduce", "weight-sharing", "--part", "cosine", "--quick", "--no-plots", "--out",
                out.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode root = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode cosine = root.get("cosine");
        assertEquals(15, cosine.size());
        boolean stalled = false;
        for (JsonNode c : cosine) {
            assertTrue(c.has("k") && c.has("u0Norm"));
            assertTrue(c.get("ws").get("steps").asLong() <= c.get("ws").get("thm2Bound").asDouble());
            assertTrue(c.get("ws").get("finalDistance").asDouble() <= 1e-6);
            assertTrue(c.get("fc").has("steps") && c.get("fc").has("finalLoss"));
            if (c.get("k").asInt() == 10 && c.get("u0Norm").asDouble() == 2) {
                stalled = c.get("fc").get("finalLoss").asDouble() > 0.49
                        && c.get("fc").get("steps").asLong() == 100_000;
            }
        }
        assertTrue(stalled, "FC stalls at k = 10, |u0| = 2");
        assertEquals(0, root.get("erf").size());
        assertEquals(0, root.get("sgd").size());
        assertTrue(Files.exists(out.resolve("cosine-fc-curves.csv")));
        JsonNode thm2 = root.get("theorems").get("thm2WsEigenvalues");
        for (JsonNode t : thm2) {
            assertTrue(t.get("correctedRangeHolds").asBoolean());
            assertFalse(t.get("printedRangeHolds").asBoolean());
        }
    }
}
