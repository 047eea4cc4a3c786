package io.landscape.impl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;

/** The descend / spurious / reproduce commands: contracts of the issue (flags, JSON fields, errors before work). */
class SpuriousCliTest {


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void badArgumentsFailBeforeAnyWork(@TempDir Path dir) {
        Path out = dir.resolve("never");
        String[][] bad = {
            {"spurious", "--k", "0", "--n", "3", "--runs", "5", "--seed", "1", "--out", out.toString()},
            {"spurious", "--k", "3", "--n", "0", "--runs", "5", "--seed", "1", "--out", out.toString()},
            {"spurious", "--k", "3", "--n", "3", "--runs", "0", "--seed", "1", "--out", out.toString()},
            {"spurious", "--k", "3", "--n", "3", "--runs", "5", "--seed", "1", "--init", "uniform", "--out", out.toString()},
            {"descend", "--teacher", "identity:3", "--n", "0"},
            {"descend", "--teacher", "identity:3", "--n", "3", "--step", "0"},
            {"descend", "--teacher", "identity:3", "--n", "3", "--step", "-0.1"},
            {"descend", "--teacher", "identity:3", "--n", "3", "--init", "laplace"},
            {"reproduce", "spurious-minima", "--runs", "0", "--out", out.toString()},
            {"reproduce", "spurious-minima", "--k-max", "0", "--out", out.toString()},
            {"reproduce"},
            // n < k: no zero-loss point exists, every run would be "spurious"
            {"spurious", "--k", "3", "--n", "2", "--runs", "5", "--seed", "1", "--out", out.toString()},
            // a selection without any cell
            {"reproduce", "spurious-minima", "--tables-only", "--k-max", "4", "--out", out.toString()},
            // far beyond memory (and Java's array limit): refused up front instead of an OutOfMemoryError
            {"spurious", "--k", "100000", "--n", "100000", "--runs", "5", "--out", out.toString()},
            {"spurious", "--k", "200", "--n", "200", "--runs", "5", "--out", out.toString()},
            {"reproduce", "spurious-minima", "--k-min", "199", "--k-max", "200", "--out", out.toString()},
            // refused before the 5·10⁹ cells of the grid are even listed
            {"reproduce", "spurious-minima", "--k-max", "100000", "--out", out.toString()},
            {"reproduce", "spurious-minima", "--k-max", "7", "--offsets", "2147483647", "--out", out.toString()},
            {"descend", "--teacher", "identity:3", "--n", "1000000"},
        };
        for (String[] args : bad) {
            CliRun o = run(args);
            assertEquals(Main.EXIT_INPUT, o.code(), String.join(" ", args) + " → " + o.err());
            assertTrue(o.err().startsWith("landscape"), o.err());
            assertFalse(o.err().contains("Exception"), o.err());
            assertFalse(Files.exists(out), "no work before the arguments are checked");
        }
    }

    /** n < k and an empty selection say why, and the memory refusal names the estimate and the limit. */
    @Test
    void refusalsExplainThemselves(@TempDir Path dir) {
        CliRun few = run("spurious", "--k", "3", "--n", "2", "--runs", "5", "--out", dir.resolve("a").toString());
        assertTrue(few.err().contains("n ≥ k") && few.err().contains("zero loss"), few.err());
        CliRun none = run("reproduce", "spurious-minima", "--tables-only", "--k-max", "4", "--out",
                dir.resolve("b").toString());
        assertTrue(none.err().contains("--tables-only") && none.err().contains("k = 6..20"), none.err());
        CliRun huge = run("spurious", "--k", "100000", "--n", "100000", "--runs", "5", "--out",
                dir.resolve("c").toString());
        assertTrue(huge.err().contains("(n·k)²") && huge.err().contains("46340"), huge.err());
        CliRun big = run("spurious", "--k", "200", "--n", "200", "--runs", "5", "--out", dir.resolve("d").toString());
        assertTrue(big.err().contains("GiB") && big.err().contains("-Xmx"), big.err());
        for (CliRun r : new CliRun[] {few, none, huge, big}) {
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    /** Output paths that cannot work are refused before any work: one message naming the path, exit 2. */
    @Test
    void badOutputDirectoriesAreRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "keep me\n");
        String[] targets = {file.toString(), file.resolve("sub").toString()};
        for (String target : targets) {
            String[][] commands = {
                {"spurious", "--k", "3", "--n", "3", "--runs", "3", "--out", target, "--no-progress"},
                {"reproduce", "spurious-minima", "--runs", "3", "--k-min", "6", "--k-max", "6", "--out", target,
                    "--no-progress"},
                {"slowdown", "--n", "1", "--d", "2", "--steps", "10", "--out", target}};
            for (String[] args : commands) {
                CliRun o = run(args);
                assertEquals(Main.EXIT_INPUT, o.code(), String.join(" ", args) + " → " + o.err());
                assertEquals(1, o.err().strip().lines().count(), o.err());
                assertTrue(o.err().contains("--out " + target), o.err());
                assertFalse(o.err().contains("Exception") || o.err().contains("internal error"), o.err());
                assertEquals("", o.out());
            }
        }
        assertEquals("keep me\n", Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "nothing half-written next to the file");
        }
        Path proc = Path.of("/proc");
        if (Files.isDirectory(proc)) {
            CliRun o = run("slowdown", "--n", "1", "--d", "2", "--steps", "10", "--out", "/proc/landscape-nope");
            assertEquals(Main.EXIT_INPUT, o.code(), o.err());
            assertTrue(o.err().contains("/proc/landscape-nope"), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
        }
    }

    /** --seed defaults to 1 as in descend and slowdown. */
    @Test
    void spuriousSeedDefaultsToOne(@TempDir Path dir) throws Exception {
        CliRun a = run("spurious", "--k", "3", "--n", "3", "--runs", "4", "--threads", "1", "--out",
                dir.resolve("a").toString(), "--no-progress");
        CliRun b = run("spurious", "--k", "3", "--n", "3", "--runs", "4", "--threads", "1", "--seed", "1", "--out",
                dir.resolve("b").toString(), "--no-progress");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        JsonNode sa = Json.MAPPER.readTree(dir.resolve("a/summary.json").toFile());
        assertEquals(1, sa.get("seed").asLong());
        List<String> ra = Files.readAllLines(dir.resolve("a/runs.csv"));
        List<String> rb = Files.readAllLines(dir.resolve("b/runs.csv"));
        assertEquals(5, ra.size());
        for (int i = 1; i < ra.size(); i++) {
            assertEquals(ra.get(i).split(",")[3], rb.get(i).split(",")[3], "per-run seed of run " + (i - 1));
            assertEquals(ra.get(i).split(",")[10], rb.get(i).split(",")[10], "end value of run " + (i - 1));
        }
    }

    /** Bare {@code landscape}: the usage on stderr and exit 2 (not a silent success). */
    @Test
    void noCommandIsAUsageError() {
        CliRun o = run();
        assertEquals(Main.EXIT_INPUT, o.code());
        assertTrue(o.err().contains("missing command") && o.err().contains("Usage: landscape"), o.err());
        assertEquals("", o.out());
    }

    @Test
    void descendPrintsTheEndPoint() throws Exception {
        CliRun o = run("descend", "--teacher", "identity:4", "--n", "4", "--seed", "3", "--plain", "--tol", "1e-7");
        assertEquals(0, o.code(), o.err());
        JsonNode j = Json.MAPPER.readTree(o.out());
        assertEquals(4, j.get("point").size());
        assertEquals(4, j.get("point").get(0).size());
        assertTrue(j.get("maxNeuronGradient").asDouble() <= 1e-7);
        for (String key : new String[] {"value", "gradientNorm", "iterations", "seconds"}) {
            assertTrue(j.has(key), key);
        }
        assertEquals("CONVERGED", j.get("stop").asText());
    }

    @Test
    void spuriousWritesSummaryAndCsv(@TempDir Path dir) throws Exception {
        CliRun o = run("spurious", "--k", "8", "--n", "8", "--runs", "30", "--seed", "5", "--threads", "2",
                "--out", dir.toString(), "--no-progress");
        assertEquals(0, o.code(), o.err());
        JsonNode s = Json.MAPPER.readTree(dir.resolve("summary.json").toFile());
        for (String key : new String[] {"k", "n", "runs", "spuriousRuns", "families", "seconds"}) {
            assertTrue(s.has(key), key);
        }
        assertTrue(s.get("families").size() > 0, "(8, 8) with 30 runs, seed 5 has a spurious family");
        for (JsonNode f : s.get("families")) {
            for (String key : new String[] {"point", "multiplicity", "objective", "lambdaMin", "gradientNorm"}) {
                assertTrue(f.has(key), key);
            }
            // every reported family goes through the rigorous certifier (paper 002 Lemmas 1-3); its outcome is in
            // fields, and depends on the point only (the time is a field of its own)
            assertTrue(f.get("certified").isBoolean(), f.toString());
            JsonNode cert = f.get("certificate");
            assertTrue(cert.isObject(), f.toString());
            assertTrue(f.get("certificateMillis").isNumber(), f.toString());
            double[] x = new double[64];
            for (int i = 0; i < 8; i++) {
                for (int q = 0; q < 8; q++) {
                    x[i * 8 + q] = f.get("point").get(i).get(q).asDouble();
                }
            }
            io.landscape.impl.certify.Certificate fresh = io.landscape.impl.certify.Certifier.certify(
                    io.landscape.api.Problem.identityTeacher(8, 8, 8), x, io.landscape.impl.certify.Options.defaults());
            assertEquals(fresh.certified(), f.get("certified").asBoolean());
            if (fresh.certified()) {
                assertEquals(List.of("radius", "lambdaMinLowerBound", "objectiveLowerBound"),
                        iterableToList(cert.fieldNames()));
                assertEquals(fresh.radius(), cert.get("radius").asDouble(), 0.0);
                assertEquals(fresh.lambdaMinLowerBound(), cert.get("lambdaMinLowerBound").asDouble(), 0.0);
                assertEquals(fresh.objectiveLowerBound(), cert.get("objectiveLowerBound").asDouble(), 0.0);
                assertTrue(cert.get("radius").asDouble() > 0);
            } else {
                assertEquals(List.of("reason"), iterableToList(cert.fieldNames()));
            }
        }
        assertEquals(31, Files.readAllLines(dir.resolve("runs.csv")).size());
        assertTrue(Files.readAllLines(dir.resolve("runs.csv")).get(0).startsWith("k,n,run,seed,iterations"));

        // replay runs with descend --search-shortcuts from their per-run seeds: bitwise the same end value and stop
        List<String> lines = Files.readAllLines(dir.resolve("runs.csv"));
        int replayed = 0;
        boolean sawGlobal = false;
        boolean sawSpurious = false;
        for (int i = 1; i < lines.size() && !(sawGlobal && sawSpurious); i++) {
            String[] cols = lines.get(i).split(",");
            boolean global = cols[9].equals("BELOW_THRESHOLD");
            if (global ? sawGlobal : sawSpurious) {
                continue;
            }
            CliRun replay = run("descend", "--teacher", "identity:8", "--n", "8", "--seed", cols[3],
                    "--search-shortcuts");
            JsonNode j = Json.MAPPER.readTree(replay.out());
            assertEquals(Double.parseDouble(cols[10]), j.get("value").asDouble(), 0.0, "run " + cols[2]);
            assertEquals(cols[9], j.get("stop").asText(), "run " + cols[2]);
            assertEquals(Long.parseLong(cols[4]), j.get("iterations").asLong(), "run " + cols[2]);
            sawGlobal |= global;
            sawSpurious |= !global;
            replayed++;
        }
        assertTrue(sawGlobal && sawSpurious, "replayed a global and a spurious run (" + replayed + " runs)");
    }

    private static List<String> iterableToList(java.util.Iterator<String> it) {
        List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    @Test
    void reproduceWritesTablesAndFigure(@TempDir Path dir) throws Exception {
        CliRun o = run("reproduce", "spurious-minima", "--runs", "8", "--k-min", "6", "--k-max", "7",
                "--out", dir.toString(), "--no-progress");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("Table 1"), o.out());
        assertTrue(o.out().contains("Table 2"), o.out());
        for (String f : new String[] {"summary.json", "cells.csv", "runs.csv", "tables.txt", "figure1.png",
            "figure1.svg", "runs.jsonl"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertEquals(1 + 3, Files.readAllLines(dir.resolve("cells.csv")).size()); // (6,6), (6,7), (7,7)
    }
}
