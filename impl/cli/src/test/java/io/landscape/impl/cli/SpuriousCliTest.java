package io.landscape.impl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

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
        };
        for (String[] args : bad) {
            CliRun o = run(args);
            assertEquals(Main.EXIT_INPUT, o.code(), String.join(" ", args) + " → " + o.err());
            assertTrue(o.err().startsWith("landscape"), o.err());
            assertFalse(o.err().contains("Exception"), o.err());
            assertFalse(Files.exists(out), "no work before the arguments are checked");
        }
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
        for (JsonNode f : s.get("families")) {
            for (String key : new String[] {"point", "multiplicity", "objective", "lambdaMin", "gradientNorm"}) {
                assertTrue(f.has(key), key);
            }
            // every reported family goes through the rigorous certifier (paper 002 Lemmas 1-3)
            assertTrue(f.get("certified").isBoolean(), f.toString());
            assertTrue(f.get("certificate").asText().contains(f.get("certified").asBoolean() ? "radius" : "not certified"),
                    f.toString());
        }
        assertEquals(31, Files.readAllLines(dir.resolve("runs.csv")).size());
        assertTrue(Files.readAllLines(dir.resolve("runs.csv")).get(0).startsWith("k,n,run,seed,iterations"));

        // replay run 3 with descend from its per-run seed
        String line = Files.readAllLines(dir.resolve("runs.csv")).get(4);
        String[] cols = line.split(",");
        CliRun replay = run("descend", "--teacher", "identity:8", "--n", "8", "--seed", cols[3]);
        JsonNode j = Json.MAPPER.readTree(replay.out());
        assertEquals(Double.parseDouble(cols[10]), j.get("value").asDouble(), 0.0);
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
