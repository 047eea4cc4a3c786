package io.landscape.impl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertEquals(2, out.length, r.out());
        assertEquals("ok", Json.MAPPER.readTree(out[0]).get("id").asText());
        // a zero neuron: F is defined (the value is printed), the gradient is not (null, with the reason)
        JsonNode zero = Json.MAPPER.readTree(out[1]);
        assertEquals("zero", zero.get("id").asText());
        assertTrue(zero.get("gradient").isNull(), out[1]);
        assertTrue(zero.get("notDifferentiable").asText().contains("zero vector"), out[1]);
        String[] err = r.err().trim().split("\n");
        assertEquals(5, err.length, r.err());
        assertTrue(err[0].contains(pts + ":2") && err[0].contains("must be finite"), err[0]);
        assertTrue(err[1].contains(pts + ":3") && err[1].contains("ragged"), err[1]);
        assertTrue(err[2].contains(pts + ":4") && err[2].contains("dimension 3") && err[2].contains("dimension 2"), err[2]);
        assertTrue(err[3].contains(pts + ":6") && err[3].contains("invalid JSON"), err[3]);
        assertTrue(err[4].contains(pts + ":7") && err[4].contains("must be finite"), err[4]);
        for (String e : err) {
            assertTrue(!e.contains("Exception") && !e.contains("\tat "), "no stack traces: " + e);
        }
    }

    /**
     * F at a zero neuron is defined: a zero ReLU neuron contributes nothing, so F equals F of the same point without
     * it (an independent evaluation with one student fewer); the Hessian is null too.
     */
    @Test
    void zeroNeuronGivesTheValueAndSaysWhyThereIsNoGradient() throws Exception {
        Path pts = dir.resolve("zero.jsonl");
        Files.writeString(pts, "{\"id\":\"z\",\"neurons\":[[0.4,-0.3,0.9],[0,0,0],[1.1,0.2,-0.5]]}\n");
        CliRun r = run("eval", "--teacher", "identity:3", "--points", pts.toString(), "--hessian");
        assertEquals(0, r.code(), r.err());
        JsonNode z = Json.MAPPER.readTree(r.out());
        Objective without = Landscape.objective(Problem.identityTeacher(3, 3, 2));
        assertEquals(without.value(new double[] {0.4, -0.3, 0.9, 1.1, 0.2, -0.5}), z.get("value").asDouble(), 1e-15);
        assertTrue(z.get("gradient").isNull());
        assertTrue(z.get("hessian").isNull());
        assertTrue(z.get("notDifferentiable").asText().contains("zero vector"), r.out());
    }

    /**
     * Extreme but finite inputs (issue 14): each point where F cannot be evaluated gets one message naming file:line
     * and id, no stack trace, and the points after it are still evaluated.
     */
    @Test
    void extremePointsGetOneMessageEachAndTheRestIsEvaluated() throws Exception {
        Path pts = dir.resolve("extreme.jsonl");
        Files.writeString(pts, String.join("\n",
                "{\"id\":\"huge\",\"neurons\":[[1e308,0],[0,1]]}",
                "{\"id\":\"norm1e155\",\"neurons\":[[1e155,1e155],[0,1]]}",
                "{\"id\":\"after\",\"neurons\":[[1,0.5],[0.2,1]]}") + "\n");
        CliRun r = run("eval", "--teacher", "identity:2", "--points", pts.toString());
        assertEquals(Main.EXIT_INPUT, r.code());
        String[] out = r.out().trim().split("\n");
        assertEquals(1, out.length, r.out());
        JsonNode after = Json.MAPPER.readTree(out[0]);
        assertEquals("after", after.get("id").asText());
        Objective f = Landscape.objective(Problem.identityTeacher(2, 2, 2));
        assertEquals(f.value(new double[] {1, 0.5, 0.2, 1}), after.get("value").asDouble(), 0.0);
        String[] err = r.err().trim().split("\n");
        assertEquals(2, err.length, r.err());
        assertTrue(err[0].startsWith("landscape eval: " + pts + ":1: point 'huge'"), err[0]);
        assertTrue(err[1].startsWith("landscape eval: " + pts + ":2: point 'norm1e155'"), err[1]);
        for (String e : err) {
            assertFalse(e.contains("Exception") || e.contains("\tat "), e);
        }
    }

    /**
     * A permuted global minimum, where the computed F is −8.9e-16 (k = 7; it is 0 exactly): never printed negative;
     * when clamped the computed value is in rawValue, within the documented bound.
     */
    @Test
    void tinyNegativeValuesFromRoundingArePrintedAsZero() throws Exception {
        int[] perm = {5, 6, 1, 4, 0, 2, 3};
        StringBuilder sb = new StringBuilder("{\"id\":\"perm\",\"neurons\":[");
        double[][] w = new double[7][7];
        for (int i = 0; i < 7; i++) {
            w[i][perm[i]] = 1.0;
            sb.append(i == 0 ? "" : ",").append(java.util.Arrays.toString(w[i]));
        }
        Path pts = dir.resolve("perm.jsonl");
        Files.writeString(pts, sb.append("]}\n").toString());
        CliRun r = run("eval", "--teacher", "identity:7", "--points", pts.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertTrue(j.get("value").asDouble() >= 0, r.out());
        double computed = Landscape.objective(Problem.identityTeacher(7, 7, 7)).value(io.landscape.api.Points.flatten(w));
        if (computed < 0) {
            assertEquals(0.0, j.get("value").asDouble(), 0.0);
            assertEquals(computed, j.get("rawValue").asDouble(), 0.0);
        } else {
            assertEquals(computed, j.get("value").asDouble(), 0.0);
            assertFalse(j.has("rawValue"));
        }
    }

    @Test
    void unknownKernelPointsToKernelFormulaAndAFormulaWorks() throws Exception {
        Path pts = dir.resolve("k.jsonl");
        Files.writeString(pts, "{\"id\":\"a\",\"neurons\":[[0.4,0.3],[0.2,-0.7],[1,1]]}\n");
        CliRun tanh = run("eval", "--teacher", "identity:2", "--points", pts.toString(), "--kernel", "tanh");
        assertEquals(Main.EXIT_INPUT, tanh.code());
        assertTrue(tanh.err().contains("--kernel-formula NAME=EXPR"), tanh.err());
        assertFalse(tanh.err().contains("Kernel.formula"), tanh.err());
        // κ = 2 w·v is the linear kernel doubled, so F and ∇F double
        CliRun twice = run("eval", "--teacher", "identity:2", "--points", pts.toString(), "--kernel-formula",
                "twice=2*wv");
        CliRun linear = run("eval", "--teacher", "identity:2", "--points", pts.toString(), "--kernel", "linear");
        assertEquals(0, twice.code(), twice.err());
        assertEquals(0, linear.code(), linear.err());
        JsonNode t = Json.MAPPER.readTree(twice.out());
        JsonNode l = Json.MAPPER.readTree(linear.out());
        assertEquals(2 * l.get("value").asDouble(), t.get("value").asDouble(), 1e-12);
        assertEquals(2 * l.get("gradient").get(1).get(0).asDouble(), t.get("gradient").get(1).get(0).asDouble(), 1e-12);
        CliRun broken = run("eval", "--teacher", "identity:2", "--points", pts.toString(), "--kernel-formula",
                "broken=Sin(wv");
        assertEquals(Main.EXIT_INPUT, broken.code());
        assertEquals(1, broken.err().strip().lines().count(), broken.err());
        assertTrue(broken.err().startsWith("landscape eval: --kernel-formula broken=Sin(wv"), broken.err());
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
