package io.landscape.impl.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.landscape.impl.cli.Main;
import picocli.CommandLine;

/** {@code landscape certify}: the JSON contract and the error behaviour. */
class CertifyCommandTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    private static String json(String id, double[][] w) throws Exception {
        return new ObjectMapper().writeValueAsString(java.util.Map.of("id", id, "neurons", w));
    }

    @Test
    void certifiesExample1AndRejectsTheGlobalMinimum() throws Exception {
        Path f = dir.resolve("points.jsonl");
        Files.write(f, List.of(json("ex1", PaperExamples.example1()),
                json("global", io.landscape.api.Problem.identity(6, 6))));
        String[] r = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--polish");
        assertEquals("0", r[0], r[2]);
        assertEquals("", r[2]);
        String[] lines = r[1].trim().split("\n");
        assertEquals(2, lines.length);
        JsonNode a = new ObjectMapper().readTree(lines[0]);
        for (String field : new String[] {"id", "verdict", "reason", "radius", "lambdaMinLowerBound",
                "gradientNormUpperBound", "thirdOrderBound", "objective", "objectiveLowerBound", "millis"}) {
            assertTrue(a.has(field), "missing " + field + " in " + lines[0]);
        }
        assertEquals("ex1", a.get("id").asText());
        assertEquals("spurious-local-minimum", a.get("verdict").asText());
        assertTrue(a.get("radius").asDouble() <= 2e-6);
        assertTrue(a.get("lambdaMinLowerBound").asDouble() >= 0.004699);
        assertTrue(a.get("objectiveLowerBound").asDouble() >= 0.02508);
        assertEquals(6, a.get("paddingSpectrum").size());
        assertTrue(a.get("paddingSpectrum").get(0).asDouble() >= a.get("paddingLambdaMinLowerBound").asDouble());
        assertTrue(a.get("anyDimension").asBoolean());
        JsonNode b = new ObjectMapper().readTree(lines[1]);
        assertEquals("not-certified", b.get("verdict").asText());
        assertEquals("lemma2-objective", b.get("reason").asText());
    }

    @Test
    void paddedTeacherIsCertifiedThroughLemma3() throws Exception {
        double[][] w = PaperExamples.example1();
        double[][] padded = new double[6][8];
        for (int i = 0; i < 6; i++) {
            System.arraycopy(w[i], 0, padded[i], 0, 6);
        }
        Path f = dir.resolve("padded.jsonl");
        Files.write(f, List.of(json("ex1-padded", padded)));
        String[] r = run("certify", "--teacher", "identity:6:8", "--points", f.toString(), "--polish");
        assertEquals("0", r[0], r[2]);
        JsonNode a = new ObjectMapper().readTree(r[1].trim());
        assertEquals("spurious-local-minimum", a.get("verdict").asText(), r[1]);
        assertTrue(a.get("lambdaMinLowerBound").asDouble() >= 0.004699);
    }

    @Test
    void badPointsAreReportedOnStderrAndSkipped() throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.write(f, List.of(json("short", new double[][] {{1, 2}, {3, 4}}), "{oops",
                json("ex1", PaperExamples.example1())));
        String[] r = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--polish");
        assertEquals("2", r[0]);
        String[] lines = r[1].trim().split("\n");
        assertEquals(1, lines.length, r[1]);
        assertTrue(lines[0].contains("\"ex1\""));
        assertTrue(r[2].contains("bad.jsonl:1") && r[2].contains("dimension 2"), r[2]);
        assertTrue(r[2].contains("bad.jsonl:2") && r[2].contains("invalid JSON"), r[2]);
        String[] missing = run("certify", "--teacher", "identity:6", "--points", dir.resolve("nope").toString());
        assertEquals("2", missing[0]);
        assertEquals("", missing[1]);
        assertTrue(missing[2].contains("no such readable file"), missing[2]);
    }

    @Test
    void outFileResumesWithoutRecomputingWhatItHolds() throws Exception {
        Path f = dir.resolve("points.jsonl");
        Files.write(f, List.of(json("ex1", PaperExamples.example1()),
                json("global", io.landscape.api.Problem.identity(6, 6))));
        Path log = dir.resolve("sub").resolve("certificates.jsonl");
        Files.createDirectories(log.getParent());
        // an earlier, killed run: ex1 finished (a recognisable stand-in line), a torn line for the next point
        String cached = "{\"id\":\"ex1\",\"verdict\":\"spurious-local-minimum\",\"reason\":\"from-the-log\"}";
        Files.writeString(log, cached + "\n{\"id\":\"glo");
        String[] r = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--out", log.toString());
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].trim().split("\n");
        assertEquals(2, lines.length, r[1]);
        assertEquals(cached, lines[0]);                 // not recomputed
        assertEquals("global", new ObjectMapper().readTree(lines[1]).get("id").asText());
        List<String> stored = Files.readAllLines(log);  // torn line cut, new line appended whole
        assertEquals(List.of(cached, lines[1]), stored);
        // nothing left to do: the same output again, from the log alone
        String[] again = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--out", log.toString());
        assertEquals(r[1], again[1]);
        // a file that is not a certificate log is refused with its name
        Path other = dir.resolve("other.txt");
        Files.writeString(other, "hello\n");
        String[] bad = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--out", other.toString());
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("other.txt"), bad[2]);
    }
}
