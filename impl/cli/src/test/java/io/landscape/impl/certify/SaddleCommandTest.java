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

/** {@code landscape certify --saddle} and {@code landscape check}: contract, verdicts and argument errors. */
class SaddleCommandTest {
    @TempDir
    Path dir;

    @Test
    void splitsOfExample1AreStrictSaddlesAndTheGlobalMinimumsAreNot() throws Exception {
        Path f = dir.resolve("points.jsonl");
        Files.write(f, List.of(json("ex1", PaperExamples.example1()),
                json("global", io.landscape.api.Problem.identity(6, 6))));
        String[] r = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--polish", "--saddle");
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].trim().split("\n");
        // Example 1: all 6 blocks H'_ii have a negative eigenvalue, 2 default alphas; the global minimum: one line
        assertEquals(13, lines.length, r[1]);
        for (int t = 0; t < 12; t++) {
            JsonNode a = new ObjectMapper().readTree(lines[t]);
            for (String field : new String[] {"id", "verdict", "reason", "neuron", "alpha", "radius", "direction",
                    "curvatureAtPoint", "lipschitz", "curvature", "splitCurvature", "floatSplitCurvature",
                    "minimumVerdict", "minimumReason", "pointDigest", "inputDigest", "millis", "checksum"}) {
                assertTrue(a.has(field), "missing " + field + " in " + lines[t]);
            }
            assertEquals("ex1", a.get("id").asText());
            assertEquals("strict-saddle", a.get("verdict").asText(), lines[t]);
            assertTrue(a.get("splitCurvature").get(1).asDouble() < 0);
            assertEquals(t % 2 == 0 ? 0.3 : 0.5, a.get("alpha").asDouble());
            assertEquals(t / 2 + 1, a.get("neuron").asInt());
        }
        JsonNode g = new ObjectMapper().readTree(lines[12]);
        assertEquals("global", g.get("id").asText());
        assertEquals("not-certified", g.get("verdict").asText());
        // explicitly asking to split the global minimum's neurons: refused on the curvature
        String[] r2 = run("certify", "--teacher", "identity:6", "--points", f.toString(), "--saddle",
                "--split-neuron", "2", "--alpha", "0.5");
        assertEquals("0", r2[0], r2[2]);
        String[] l2 = r2[1].trim().split("\n");
        assertEquals(2, l2.length);
        JsonNode g2 = new ObjectMapper().readTree(l2[1]);
        assertEquals("not-certified", g2.get("verdict").asText());
        assertEquals("curvature-not-negative", g2.get("reason").asText());
        assertEquals(2, g2.get("neuron").asInt());
    }

    @Test
    void badSaddleArgumentsGetOneMessageBeforeAnyWork() throws Exception {
        Path f = dir.resolve("points.jsonl");
        Files.write(f, List.of(json("ex1", PaperExamples.example1())));
        String p = f.toString();
        String[][] cases = {
            {"--saddle", "--alpha", "1.5"},
            {"--saddle", "--alpha", "0"},
            {"--saddle", "--split-neuron", "0"},
            {"--split-neuron", "1"},
            {"--alpha", "0.5"},
            {"--saddle", "--out", dir.resolve("o.jsonl").toString()},
        };
        for (String[] c : cases) {
            String[] args = new String[4 + c.length];
            args[0] = "certify";
            args[1] = "--teacher";
            args[2] = "identity:6";
            args[3] = "--points=" + p;
            System.arraycopy(c, 0, args, 4, c.length);
            String[] r = run(args);
            assertEquals("2", r[0], String.join(" ", c) + ": " + r[2]);
            assertEquals("", r[1]);
            assertEquals(1, r[2].trim().split("\n").length, r[2]);
        }
        assertTrue(!Files.exists(dir.resolve("o.jsonl")));
        String[] r = run("certify", "--teacher", "identity:6", "--points", p, "--saddle", "--split-neuron", "7");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--split-neuron 7 is not in 1..6"), r[2]);
    }

    @Test
    void checkMildOverparameterizationPrintsEveryCheckPassing() throws Exception {
        Path out = dir.resolve("theorems.md");
        String[] r = run("check", "mild-overparameterization", "--out", out.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("| Thm 2 |") && r[1].contains("0.0908450569081046"), r[1]);
        assertTrue(!r[1].contains("FAIL"));
        assertEquals(r[1], Files.readString(out));
        String[] bad = run("check", "no-such-paper");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("unknown paper 'no-such-paper'"), bad[2]);
    }

    /**
     * The acceptance on the committed families (docs/mild-overparameterization/families-n-eq-k.jsonl, from
     * {@code spurious --k K --n K}): every family with k ≤ 10 splits at α ∈ {0.3, ½} into certified strict saddles
     * (all larger k are in saddles.csv; this keeps the test short).
     */
    @Test
    void committedFamiliesUpToK10SplitIntoCertifiedStrictSaddles() throws Exception {
        Path root = io.landscape.impl.cli.CliReferenceTestAccess.repositoryRoot();
        List<String> all = Files.readAllLines(root.resolve("docs/mild-overparameterization/families-n-eq-k.jsonl"));
        int families = 0;
        for (int k = 6; k <= 10; k++) {
            List<String> mine = new java.util.ArrayList<>();
            for (String line : all) {
                JsonNode node = new ObjectMapper().readTree(line);
                if (node.get("k").asInt() == k) {
                    mine.add(line);
                }
            }
            if (mine.isEmpty()) {
                continue;
            }
            families += mine.size();
            Path f = dir.resolve("k" + k + ".jsonl");
            Files.write(f, mine);
            String[] r = run("certify", "--teacher", "identity:" + k, "--points", f.toString(), "--polish",
                    "--saddle");
            assertEquals("0", r[0], r[2]);
            String[] lines = r[1].trim().split("\n");
            assertTrue(lines.length >= 2 * mine.size());
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (String line : lines) {
                JsonNode a = new ObjectMapper().readTree(line);
                assertEquals("strict-saddle", a.get("verdict").asText(), line);
                ids.add(a.get("id").asText());
            }
            assertEquals(mine.size(), ids.size(), "every family has a certified split");
        }
        assertTrue(families >= 5, "families found: " + families);
    }
}
