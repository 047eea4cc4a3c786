package io.landscape.impl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code --engine}/{@code --master} on every sweep: bad values are one message naming the option (exit 2) before any
 * work; the command-line jar itself holds no Spark (the engine is found through the service loader only when the
 * landscape-spark module is on the class path), so {@code --engine spark} here says how to get it.
 */
class EngineOptionsTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void everySweepRefusesBadEngineOptionsBeforeAnyWork(@TempDir Path dir) {
        List<List<String>> sweeps = List.of(
                List.of("reproduce", "spurious-minima", "--k-min", "5", "--k-max", "5", "--runs", "8"),
                List.of("reproduce", "mild-overparameterization", "--k", "6", "--runs", "2", "--norm-sum-runs", "0"),
                List.of("reproduce", "initial-basin", "--quick"),
                List.of("slowdown", "--n", "1", "--d", "5", "--steps", "100"));
        for (List<String> sweep : sweeps) {
            Path out = dir.resolve("o" + sweep.hashCode());
            String[] r = run(concat(sweep, "--out", out.toString(), "--engine", "flink"));
            assertEquals("2", r[0], r[2]);
            assertTrue(r[2].contains("--engine flink: unknown; expected local or spark"), r[2]);
            r = run(concat(sweep, "--out", out.toString(), "--master", "local[2]"));
            assertEquals("2", r[0], r[2]);
            assertTrue(r[2].contains("--master local[2]: only with --engine spark"), r[2]);
            r = run(concat(sweep, "--out", out.toString(), "--engine", "spark"));
            assertEquals("2", r[0], r[2]);
            assertTrue(r[2].contains("--engine spark: the Spark engine is not on the class path"), r[2]);
            assertTrue(!Files.exists(out.resolve("runs.jsonl")) && !Files.exists(out.resolve("summary.json")),
                    "refused before any work: " + sweep);
        }
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.spark.SparkContext"));
    }

    private static String[] concat(List<String> a, String... b) {
        String[] out = a.toArray(new String[a.size() + b.length]);
        System.arraycopy(b, 0, out, a.size(), b.length);
        return out;
    }
}
