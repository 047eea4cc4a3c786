package io.landscape.impl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code reproduce mild-overparameterization}: bad arguments refused before any work (exit 2, one message, no output
 * directory created), the census contract of summary.json, and resuming a killed census gives the same results.
 */
class MildOverparameterizationCommandTest {
    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    private void refused(String expected, String... args) {
        Path out = tmp.resolve("never");
        String[] all = new String[args.length + 4];
        all[0] = "reproduce";
        all[1] = "mild-overparameterization";
        System.arraycopy(args, 0, all, 2, args.length);
        all[args.length + 2] = "--out";
        all[args.length + 3] = out.toString();
        CliRun r = CliRun.of(all);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out), "output created for a refused command");
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyWork() {
        refused("--k 1: k must be in [2, 215]", "--k", "1");
        refused("--k x: not an integer", "--k", "x");
        refused("--k 9-7: the range is empty", "--k", "9-7");
        refused("--k cannot be combined", "--k", "6", "--k-min", "6");
        refused("--k-max 5: must be at least --k-min 6", "--k-min", "6", "--k-max", "5");
        refused("need at least one run", "--k", "6", "--runs", "0", "--norm-sum-runs", "0");
        refused("--family-tol", "--k", "6", "--family-tol", "0");
        refused("--part bogus: unknown", "--part", "bogus");
        refused("--k: only for --part census", "--part", "perturbed-gd", "--k", "6");
        refused("--threads 0", "--threads", "0");
    }

    private JsonNode census(Path out, String... extra) throws Exception {
        String[] base = {"reproduce", "mild-overparameterization", "--k", "6,9", "--runs", "30", "--norm-sum-runs",
            "6", "--threads", "2", "--no-plots", "--no-progress", "--out", out.toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        CliRun r = CliRun.of(all);
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void summaryContractAndResumeAfterAKill() throws Exception {
        Path a = tmp.resolve("a");
        JsonNode full = census(a);
        JsonNode cells = full.get("cells");
        assertEquals(2, cells.size());
        int families = 0;
        for (JsonNode c : cells) {
            int k = c.get("k").asInt();
            assertEquals(k, c.get("n").asInt());
            assertEquals(30, c.get("runs").asInt());
            assertTrue(c.get("globalRuns").asInt() <= 30);
            assertEquals(6, c.get("normSumStartRuns").get("runs").asInt());
            for (JsonNode f : c.get("families")) {
                families++;
                assertEquals(k, f.get("point").size());
                assertEquals(k, f.get("point").get(0).size());
                assertEquals(k, f.get("blockLambdaMin").size());
                assertTrue(f.get("multiplicity").asInt() >= 1);
                assertTrue(f.get("objective").asDouble() > 1e-3);
                assertTrue(f.get("lambdaMin").asDouble() > 0);
                // §4.2: norm sum ≤ k, some H'_ii with a negative eigenvalue; every family certified
                assertTrue(f.get("normSum").asDouble() <= k);
                assertTrue(f.get("someBlockIndefinite").asBoolean());
                assertTrue(f.get("certified").asBoolean(), f.toString());
            }
        }
        assertTrue(families >= 1, "no spurious family at k = 9 with 30 runs (the census finds one in ~20 % of runs)");

        // a killed census: keep the header and the first third of the lines, plus a torn line
        Path b = tmp.resolve("b");
        Files.createDirectories(b);
        List<String> lines = Files.readAllLines(a.resolve("runs.jsonl"));
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < lines.size() / 3; i++) {
            cut.append(lines.get(i)).append('\n');
        }
        cut.append(lines.get(lines.size() / 3), 0, 40);
        Files.writeString(b.resolve("runs.jsonl"), cut.toString());
        JsonNode resumed = census(b);
        for (int i = 0; i < 2; i++) {
            JsonNode x = cells.get(i);
            JsonNode y = resumed.get("cells").get(i);
            assertEquals(x.get("globalRuns"), y.get("globalRuns"));
            assertEquals(x.get("normSumStartRuns").get("globalRuns"), y.get("normSumStartRuns").get("globalRuns"));
            assertEquals(x.get("families").size(), y.get("families").size());
            for (int f = 0; f < x.get("families").size(); f++) {
                JsonNode fx = x.get("families").get(f);
                JsonNode fy = y.get("families").get(f);
                assertEquals(fx.get("multiplicity"), fy.get("multiplicity"));
                assertEquals(fx.get("objective").asDouble(), fy.get("objective").asDouble(), 1e-12);
            }
        }
        assertEquals(lines.size(), Files.readAllLines(b.resolve("runs.jsonl")).size(), "runs recomputed twice");

        // the same directory with other settings is refused
        CliRun r = CliRun.of("reproduce", "mild-overparameterization", "--k", "6", "--runs", "30",
                "--norm-sum-runs", "6", "--seed", "5", "--no-progress", "--out", b.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("seed"), r.err());
    }
}
