package io.landscape.impl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.landscape.api.Landscape;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import picocli.CommandLine;

/** The {@code eval} contract: JSON lines with id, value, gradient, hessian; one clear message per bad input. */
class EvalCommandTest {
    @TempDir
    Path dir;


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void evaluatesJsonLinesWithHessian() throws Exception {
        Path pts = dir.resolve("points.jsonl");
        Files.writeString(pts, "{\"id\": \"p1\", \"neurons\": [[0.3,0.5,-0.2],[0.9,0.1,0.2],[-0.4,0.7,0.8]]}\n\n"
                + "{\"id\": \"p2\", \"neurons\": [[1,0,0],[0,1,0]]}\n");
        CliRun r = run("eval", "--teacher", "identity:3", "--points", pts.toString(), "--hessian");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String[] lines = r.out().trim().split("\n");
        assertEquals(2, lines.length);
        JsonNode p1 = Json.MAPPER.readTree(lines[0]);
        assertEquals("p1", p1.get("id").asText());
        Objective f = Landscape.objective(Problem.identityTeacher(3, 3, 3));
        double[] x = {0.3, 0.5, -0.2, 0.9, 0.1, 0.2, -0.4, 0.7, 0.8};
        assertEquals(f.value(x), p1.get("value").asDouble(), 0.0);
        double[] g = f.gradient().evaluate(x);
        double[] h = f.hessian().evaluate(x);
        assertEquals(3, p1.get("gradient").size());
        assertEquals(3, p1.get("gradient").get(0).size());
        assertEquals(g[4], p1.get("gradient").get(1).get(1).asDouble(), 0.0);
        assertEquals(9, p1.get("hessian").size());
        assertEquals(9, p1.get("hessian").get(0).size());
        assertEquals(h[2 * 9 + 7], p1.get("hessian").get(2).get(7).asDouble(), 0.0);
        JsonNode p2 = Json.MAPPER.readTree(lines[1]);
        assertEquals(2, p2.get("gradient").size());
        assertEquals(36, p2.get("hessian").size() * p2.get("hessian").get(0).size());
    }

    @Test
    void csvPointPaddedIdentityAndFullNormalisation() throws Exception {
        Path csv = dir.resolve("w.csv");
        Files.writeString(csv, "# one neuron per row\n0.5, 0.1, 0.0, 0.2\n-0.3, 0.8, 0.1, 0.0\n");
        CliRun half = run("eval", "--teacher", "identity:2:4", "--points", csv.toString());
        CliRun full = run("eval", "--teacher", "identity:2:4", "--points", csv.toString(), "--normalization", "full");
        assertEquals(0, half.code(), half.err());
        JsonNode h = Json.MAPPER.readTree(half.out());
        JsonNode f = Json.MAPPER.readTree(full.out());
        assertEquals("w.csv", h.get("id").asText());
        assertEquals(2 * h.get("value").asDouble(), f.get("value").asDouble(), 1e-15);
        assertTrue(!h.has("hessian"));
    }

    @Test
    void teacherFromCsvAndJson() throws Exception {
        Path tcsv = dir.resolve("teacher.csv");
        Files.writeString(tcsv, "1,0.2\n0.1,0.9\n");
        Path tjson = dir.resolve("teacher.json");
        Files.writeString(tjson, "[[1,0.2],[0.1,0.9]]");
        Path pts = dir.resolve("p.jsonl");
        Files.writeString(pts, "{\"id\":\"a\",\"neurons\":[[0.4,0.3],[0.2,-0.7],[1,1]]}\n");
        CliRun a = run("eval", "--teacher", tcsv.toString(), "--points", pts.toString());
        CliRun b = run("eval", "--teacher", tjson.toString(), "--points", pts.toString());
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
    }

    @Test
    void badPointsGetOneMessageEachNamingFileAndLine() throws Exception {
        Path pts = dir.resolve("bad.jsonl");
        Files.writeString(pts, String.join("\n",
                "{\"id\":\"ok\",\"neurons\":[[1,0],[0,1]]}",
                "{\"id\":\"nan\",\"neurons\":[[NaN,0],[0,1]]}",
                "{\"id\":\"ragged\",\"neurons\":[[1,0],[0]]}",
                "{\"id\":\"dim\",\"neurons\":[[1,0,0],[0,1,0]]}",
                "{\"id\":\"zero\",\"neurons\":[[0,0],[0,1]]}",
                "not json",
                "{\"id\":\"inf\",\"neurons\":[[\"Infinity\",0]]}") + "\n");
        CliRun r = run("eval", "--teacher", "identity:2", "--points", pts.toString());
        assertEquals(Main.EXIT_INPUT, r.code());
        String[] out = r.out().trim().split("\n");
        assertEquals(1, out.length, r.out());
        assertEquals("ok", Json.MAPPER.readTree(out[0]).get("id").asText());
        String[] err = r.err().trim().split("\n");
        assertEquals(6, err.length, r.err());
        assertTrue(err[0].contains(pts + ":2") && err[0].contains("must be finite"), err[0]);
        assertTrue(err[1].contains(pts + ":3") && err[1].contains("ragged"), err[1]);
        assertTrue(err[2].contains(pts + ":4") && err[2].contains("dimension 3") && err[2].contains("dimension 2"), err[2]);
        assertTrue(err[3].contains(pts + ":5") && err[3].contains("zero vector"), err[3]);
        assertTrue(err[4].contains(pts + ":6") && err[4].contains("invalid JSON"), err[4]);
        assertTrue(err[5].contains(pts + ":7") && err[5].contains("must be finite"), err[5]);
        for (String e : err) {
            assertTrue(!e.contains("Exception") && !e.contains("\tat "), "no stack traces: " + e);
        }
    }

    @Test
    void badArgumentsFailBeforeAnyWork() throws Exception {
        Path pts = dir.resolve("p.jsonl");
        Files.writeString(pts, "{\"id\":\"a\",\"neurons\":[[1,0]]}\n");
        CliRun missing = run("eval", "--teacher", "identity:2", "--points", dir.resolve("nope.jsonl").toString());
        assertEquals(Main.EXIT_INPUT, missing.code());
        assertTrue(missing.err().contains("nope.jsonl") && missing.err().contains("no such readable file"), missing.err());
        CliRun spec = run("eval", "--teacher", "identity:3:2", "--points", pts.toString());
        assertEquals(Main.EXIT_INPUT, spec.code());
        assertTrue(spec.err().contains("D = 2 must be at least K = 3"), spec.err());
        Path ragged = dir.resolve("t.csv");
        Files.writeString(ragged, "1,0\n0,1,2\n");
        CliRun t = run("eval", "--teacher", ragged.toString(), "--points", pts.toString());
        assertEquals(Main.EXIT_INPUT, t.code());
        assertTrue(t.err().contains(ragged + ":2") && t.err().contains("ragged"), t.err());
        assertEquals("", t.out());
        CliRun noTeacher = run("eval", "--points", pts.toString());
        assertEquals(Main.EXIT_INPUT, noTeacher.code());
        assertTrue(noTeacher.err().contains("--teacher"), noTeacher.err());
    }

    /** Symja starts threads; the launched JVM must still exit as soon as the command is done. */
    @Test
    void jvmExitsPromptly() throws Exception {
        Path pts = dir.resolve("p.jsonl");
        Files.writeString(pts, "{\"id\":\"a\",\"neurons\":[[1,0.5],[0.2,1]]}\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dlandscape.cache.dir=off", Main.class.getName(), "eval", "--teacher", "identity:2",
                "--points", pts.toString()).redirectErrorStream(true).start();
        boolean done = p.waitFor(50, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(done, "JVM still running after 50 s (Symja's threads must not keep it alive): " + output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("\"id\":\"a\""), output);
    }
}
