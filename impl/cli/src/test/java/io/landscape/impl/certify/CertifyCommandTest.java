package io.landscape.impl.certify;

import static io.landscape.impl.certify.CertifyCli.json;
import static io.landscape.impl.certify.CertifyCli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/** {@code landscape certify}: the JSON contract and the error behaviour. */
class CertifyCommandTest {
    @TempDir
    Path dir;

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
        // Example 1 is fixed by S5 (neurons 2..6 with coordinates 2..6): the symmetry-reduced bound
        assertEquals("symmetry-blocks", a.get("method").asText(), lines[0]);
        assertEquals("S5", a.get("symmetry").asText());
        assertEquals("symmetry-blocks", new ObjectMapper().readTree(lines[1]).get("method").asText());
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
        // a padded teacher is not the identity: the dense certifier, and the line says so
        assertEquals("dense", a.get("method").asText());
        assertEquals("", a.get("symmetry").asText());
        String[] bad = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--threads", "0");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("--threads 0"), bad[2]);
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
        // a first, complete run gives the real lines
        String[] first = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--out", log.toString());
        assertEquals("0", first[0], first[2]);
        String[] firstLines = first[1].trim().split("\n");
        assertEquals(2, firstLines.length, first[1]);
        // an earlier, killed run: ex1 finished, a torn line for the next point
        Files.writeString(log, firstLines[0] + "\n{\"id\":\"glo");
        String[] r = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--out", log.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals("", r[2]);
        String[] lines = r[1].trim().split("\n");
        assertEquals(2, lines.length, r[1]);
        assertEquals(firstLines[0], lines[0]);          // not recomputed: the very line, timing included
        assertEquals("global", new ObjectMapper().readTree(lines[1]).get("id").asText());
        List<String> stored = Files.readAllLines(log);  // torn line cut, new line appended whole
        assertEquals(List.of(firstLines[0], lines[1]), stored);
        // nothing left to do: the same output again, from the log alone
        String[] again = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--out", log.toString());
        assertEquals(r[1], again[1]);
        assertEquals(2, Files.readAllLines(log).size());
        // a file that is not a certificate log is refused with its name, and left alone
        Path other = dir.resolve("other.txt");
        Files.writeString(other, "hello\n");
        String[] bad = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--out", other.toString());
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("other.txt:1"), bad[2]);
        assertEquals("hello\n", Files.readString(other));
    }

    private static JsonNode parse(String line) throws Exception {
        return new ObjectMapper().readTree(line);
    }

    /** The no-false-certificate suite for resumed runs (issue 14 item 1): each way a stored line could lie. */
    @Test
    void twoPointFilesWithoutIdsSharingOneOutNeverShareCertificates() throws Exception {
        // a real minimum (polished Example 1) in one file, the global minimum in another: both are "line-1"
        Path minimum = dir.resolve("minimum.jsonl");
        Files.write(minimum, List.of(new ObjectMapper().writeValueAsString(java.util.Map.of("neurons",
                PaperExamples.example1()))));
        Path global = dir.resolve("global.jsonl");
        Files.write(global, List.of(new ObjectMapper().writeValueAsString(java.util.Map.of("neurons",
                io.landscape.api.Problem.identity(6, 6)))));
        Path shared = dir.resolve("shared.jsonl");
        String[] a = run("certify", "--teacher", "identity:6", "--points", minimum.toString(), "--polish", "--out",
                shared.toString());
        assertEquals("0", a[0], a[2]);
        assertEquals("spurious-local-minimum", parse(a[1].trim()).get("verdict").asText());
        assertEquals("line-1", parse(a[1].trim()).get("id").asText());
        String[] b = run("certify", "--teacher", "identity:6", "--points", global.toString(), "--polish", "--out",
                shared.toString());
        assertEquals("0", b[0], b[2]);
        JsonNode g = parse(b[1].trim());
        assertEquals("line-1", g.get("id").asText());
        assertEquals("not-certified", g.get("verdict").asText(), b[1]);
        assertEquals("lemma2-objective", g.get("reason").asText());
        assertTrue(b[2].contains("shared.jsonl:1") && b[2].contains("another question"), b[2]);
        // and each file again: each gets its own line back, not the other's
        String[] a2 = run("certify", "--teacher", "identity:6", "--points", minimum.toString(), "--polish", "--out",
                shared.toString());
        assertEquals(a[1], a2[1]);
        String[] b2 = run("certify", "--teacher", "identity:6", "--points", global.toString(), "--polish", "--out",
                shared.toString());
        assertEquals(b[1], b2[1]);
        assertEquals(2, Files.readAllLines(shared).size());
    }

    @Test
    void aRepeatedIdInOneFileIsRefusedBeforeAnythingIsComputed() throws Exception {
        Path f = dir.resolve("dup.jsonl");
        Files.write(f, List.of(json("a", PaperExamples.example1()), json("b", io.landscape.api.Problem.identity(6, 6)),
                json("a", io.landscape.api.Problem.identity(6, 6))));
        Path out = dir.resolve("o").resolve("dup-out.jsonl");
        String[] r = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--out", out.toString());
        assertEquals("2", r[0]);
        assertEquals("", r[1]);
        assertTrue(r[2].contains("dup.jsonl:3") && r[2].contains("'a'") && r[2].contains("dup.jsonl:1"), r[2]);
        assertTrue(!Files.exists(out.getParent()), "nothing created");
        // an explicit id equal to another line's default id collides too
        Files.write(f, List.of(json("line-2", PaperExamples.example1()),
                new ObjectMapper().writeValueAsString(java.util.Map.of("neurons", io.landscape.api.Problem.identity(6, 6)))));
        String[] r2 = run("certify", "--teacher", "identity:6", "--points", f.toString());
        assertEquals("2", r2[0]);
        assertTrue(r2[2].contains("'line-2'"), r2[2]);
    }

    @Test
    void aStoredLineFromAnotherTeacherOrWithoutPolishIsNotReused() throws Exception {
        // certified with --polish under identity:6
        Path f = dir.resolve("ex1.jsonl");
        Files.write(f, List.of(json("x", PaperExamples.example1())));
        Path out = dir.resolve("stale.jsonl");
        String[] polished = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--polish", "--out",
                out.toString());
        assertEquals("spurious-local-minimum", parse(polished[1].trim()).get("verdict").asText());
        // the same id and point without --polish: the rounded example is not certified, whatever the log holds
        String[] plain = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--out", out.toString());
        assertEquals("0", plain[0], plain[2]);
        JsonNode p = parse(plain[1].trim());
        assertEquals("not-certified", p.get("verdict").asText(), plain[1]);
        assertEquals("lemma1-discriminant", p.get("reason").asText());
        // another teacher of the same dimension (the identity scaled by 2, from a CSV file): recomputed
        Path scaled = dir.resolve("teacher2.csv");
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                csv.append(j > 0 ? "," : "").append(i == j ? "2" : "0");
            }
            csv.append('\n');
        }
        Files.writeString(scaled, csv.toString());
        String[] other = run("certify", "--teacher", scaled.toString(), "--points", f.toString(), "--polish", "--out",
                out.toString());
        assertEquals("0", other[0], other[2]);
        JsonNode o = parse(other[1].trim());
        assertTrue(!o.get("inputDigest").asText().equals(parse(polished[1].trim()).get("inputDigest").asText()));
        assertTrue(other[2].contains("another question"), other[2]);
        // 7-dimensional points certified under identity:7, then asked under identity:3: refused, never echoed
        double[][] seven = io.landscape.api.Problem.identity(7, 7);
        Path f7 = dir.resolve("seven.jsonl");
        Files.write(f7, List.of(json("x", seven)));
        String[] under7 = run("certify", "--teacher", "identity:7", "--points", f7.toString(), "--out", out.toString());
        assertEquals("0", under7[0], under7[2]);
        String[] under3 = run("certify", "--teacher", "identity:3", "--points", f7.toString(), "--out", out.toString());
        assertEquals("2", under3[0]);
        assertEquals("", under3[1]);
        assertTrue(under3[2].contains("dimension 7") && under3[2].contains("identity:3"), under3[2]);
        // --normalization full is another question too
        String[] full = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--polish",
                "--normalization", "full", "--out", out.toString());
        JsonNode fl = parse(full[1].trim());
        assertEquals(2 * parse(polished[1].trim()).get("objective").asDouble(), fl.get("objective").asDouble(), 1e-12);
    }

    @Test
    void anEditedStoredLineIsRecomputedNotEchoed() throws Exception {
        Path f = dir.resolve("ex1.jsonl");
        Files.write(f, List.of(json("x", PaperExamples.example1())));
        Path out = dir.resolve("edited.jsonl");
        String[] real = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--polish", "--out",
                out.toString());
        JsonNode truth = parse(real[1].trim());
        assertEquals("spurious-local-minimum", truth.get("verdict").asText());
        String line = Files.readAllLines(out).get(0);
        // 1. the radius edited by hand, checksum left as it was
        String edited = line.replaceFirst("\"radius\":[^,]*,", "\"radius\":1,");
        assertTrue(!edited.equals(line));
        Files.writeString(out, edited + "\n");
        String[] r = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--polish", "--out",
                out.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals(truth.get("radius").asDouble(), parse(r[1].trim()).get("radius").asDouble());
        assertTrue(r[2].contains("edited.jsonl:1") && r[2].contains("checksum"), r[2]);
        // 2. a forged line: a smaller radius and a recomputed checksum; its numbers contradict Lemma 1
        String body = line.substring(0, line.indexOf(",\"checksum\":"));
        String forgedBody = body.replaceFirst("\"radius\":[^,]*,", "\"radius\":1.0E-300,") + "}";
        String forged = forgedBody.substring(0, forgedBody.length() - 1) + ",\"checksum\":\""
                + InputDigest.ofText(forgedBody) + "\"}";
        Files.writeString(out, forged + "\n");
        String[] r2 = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--polish", "--out",
                out.toString());
        assertEquals(truth.get("radius").asDouble(), parse(r2[1].trim()).get("radius").asDouble());
        assertTrue(r2[2].contains("Lemma 1"), r2[2]);
        // 3. a line of an older version (no digest) or a stand-in: recomputed
        Files.writeString(out, "{\"id\":\"x\",\"verdict\":\"spurious-local-minimum\",\"reason\":\"ok\",\"radius\":1}\n");
        String[] r3 = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--polish", "--out",
                out.toString());
        assertEquals(truth.get("radius").asDouble(), parse(r3[1].trim()).get("radius").asDouble());
        assertTrue(r3[2].contains("earlier version"), r3[2]);
        // 4. a damaged line in the middle is named and skipped
        Files.write(out, List.of(line, "{\"id\":\"y\",\"verd", line));
        String[] r4 = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--polish", "--out",
                out.toString());
        assertEquals("0", r4[0], r4[2]);
        assertEquals(line, r4[1].trim());
        assertTrue(r4[2].contains("edited.jsonl:2") && r4[2].contains("skipped"), r4[2]);
    }

    @Test
    void polishPrintsTheCertifiedPointAndTheDistanceFromTheInput() throws Exception {
        Path f = dir.resolve("ex1.jsonl");
        double[][] w = PaperExamples.example1();
        Files.write(f, List.of(json("x", w)));
        String[] r = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--polish");
        assertEquals("0", r[0], r[2]);
        JsonNode a = parse(r[1].trim());
        double[] point = new double[36];
        double dist = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                point[i * 6 + j] = a.get("point").get(i).get(j).asDouble();
                dist += (point[i * 6 + j] - w[i][j]) * (point[i * 6 + j] - w[i][j]);
            }
        }
        dist = Math.sqrt(dist);
        assertEquals(InputDigest.ofPoint(point), a.get("pointDigest").asText());
        assertTrue(a.get("distanceMoved").asDouble() >= dist, a.toString());
        assertTrue(a.get("radiusFromInput").asDouble() >= dist + a.get("radius").asDouble());
        assertTrue(a.get("polishSteps").asInt() >= 1);
        // without --polish: the input point itself, no "point" field, nothing moved
        String[] plain = run("certify", "--teacher", "identity:6", "--points", f.toString());
        JsonNode b = parse(plain[1].trim());
        assertTrue(!b.has("point"));
        assertEquals(0.0, b.get("distanceMoved").asDouble());
        assertEquals(InputDigest.ofPoint(PaperExamples.flat(w)), b.get("pointDigest").asText());
    }

    @Test
    void extremeButFiniteInputPrintsNoInventedObjective() throws Exception {
        Path f = dir.resolve("extreme.jsonl");
        Files.write(f, List.of("{\"id\":\"big\",\"neurons\":[[1e308,0],[0,1]]}",
                "{\"id\":\"big2\",\"neurons\":[[1e155,1e155],[0,1]]}",
                "{\"id\":\"tiny\",\"neurons\":[[1e-170,0],[0,1]]}"));
        for (String polish : new String[] {"--no-progress", "--polish"}) {
            String[] r = run("certify", "--teacher", "identity:2", "--points", f.toString(), polish);
            assertEquals("0", r[0], r[2]);
            assertEquals("", r[2]);
            String[] lines = r[1].trim().split("\n");
            assertEquals(3, lines.length);
            JsonNode big = parse(lines[0]);
            assertEquals("not-certified", big.get("verdict").asText());
            assertTrue(big.get("objective").isNull(), lines[0]);
            for (String l : lines) {
                assertEquals("not-certified", parse(l).get("verdict").asText(), l);
            }
        }
    }

    @Test
    void aZeroTeacherRowIsReportedOnceWithItsLine() throws Exception {
        Path teacher = dir.resolve("teacher.csv");
        Files.writeString(teacher, "# two neurons\n1,0\n0,0\n");
        Path f = dir.resolve("two.jsonl");
        Files.write(f, List.of(json("a", new double[][] {{1, 0}, {0, 1}}), json("b", new double[][] {{1, 1}, {0, 1}})));
        Path out = dir.resolve("never").resolve("out.jsonl");
        String[] r = run("certify", "--teacher", teacher.toString(), "--points", f.toString(), "--out", out.toString());
        assertEquals("2", r[0]);
        assertEquals("", r[1]);
        assertTrue(r[2].contains("teacher.csv:3") && r[2].contains("teacher neuron 2"), r[2]);
        assertEquals(1, r[2].trim().split("\n").length, r[2]);
        assertTrue(!Files.exists(out.getParent()));
    }

    @Test
    void noUsablePointCreatesNoOutputFile() throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.write(f, List.of("{oops", json("short", new double[][] {{1, 2}})));
        Path out = dir.resolve("a").resolve("b").resolve("out.jsonl");
        String[] r = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--out", out.toString());
        assertEquals("2", r[0]);
        assertTrue(!Files.exists(dir.resolve("a")), "no folder created");
    }

    @Test
    void aSecondWriterOnTheSameOutIsRefused() throws Exception {
        Path f = dir.resolve("ex1.jsonl");
        Files.write(f, List.of(json("x", PaperExamples.example1())));
        Path out = dir.resolve("locked.jsonl");
        try (io.landscape.impl.experiment.AppendLog held = io.landscape.impl.experiment.AppendLog.open(out)) {
            String[] r = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--out", out.toString());
            assertEquals("2", r[0]);
            assertEquals("", r[1]);
            assertTrue(r[2].contains("locked.jsonl") && r[2].contains("already being written"), r[2]);
            assertTrue(!r[2].contains("\tat "), r[2]);
        }
        assertEquals(0, Files.size(out));
        String[] after = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--out", out.toString());
        assertEquals("0", after[0], after[2]);
    }
}
