package io.landscape.impl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;

/** {@code landscape slowdown}: the output contract of issue 5 and the refusal of bad arguments. */
class SlowdownCommandTest {


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void writesSummaryCurvesAndPlots(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("fig1");
        CliRun o = run("slowdown", "--n", "1,2", "--d", "5", "--sigma", "0.1", "--eta", "0.05", "--steps", "12000",
                "--seed", "3", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("wrote"), o.out());
        JsonNode s = Json.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertEquals(2, s.get("runs").size());
        assertEquals(2, s.get("flowRuns").size());
        JsonNode two = s.get("runs").get(1);
        assertEquals(2, two.get("n").asInt());
        assertEquals("gd", two.get("dynamics").asText());
        assertTrue(two.get("finalLoss").asDouble() > 0);
        assertTrue(two.get("fittedExponent").isNumber());
        List<String> keys = List.of("1000", "10000", "12000");
        assertEquals(keys, iterableToList(two.get("lossAt").fieldNames()));
        assertEquals(two.get("finalLoss").asDouble(), two.get("lossAt").get("12000").asDouble(), 0.0);
        List<String> lines = Files.readAllLines(out.resolve("curves.csv"));
        assertEquals("dynamics,n,T,t,loss,log_etaT_loss,Z", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("flow,2,12000,")));
        for (String name : new String[] {"figure1-loss.png", "figure1-exponent.png", "figure1.png"}) {
            byte[] png = Files.readAllBytes(out.resolve(name));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4), name);
        }
        for (String name : new String[] {"figure1-loss.svg", "figure1-exponent.svg"}) {
            assertTrue(Files.readString(out.resolve(name)).contains("<svg"), name);
        }
        try (var files = Files.list(out)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary files left");
        }
    }

    private static List<String> iterableToList(java.util.Iterator<String> it) {
        List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    @Test
    void refusesBadArgumentsBeforeAnyWork(@TempDir Path dir) {
        Path out = dir.resolve("never");
        String[][] bad = {
            {"--n", "", "--out"}, {"--n", "0,2", "--out"}, {"--n", "x", "--out"}, {"--d", "0", "--out"},
            {"--sigma", "0", "--out"}, {"--sigma", "-1", "--out"}, {"--eta", "0", "--out"}, {"--steps", "0", "--out"},
            {"--preset", "symmetric-pair", "--n", "3", "--out"}, {"--preset", "nope", "--out"},
            {"--dynamics", "sgd", "--out"}};
        for (String[] args : bad) {
            String[] full = new String[args.length + 2];
            full[0] = "slowdown";
            System.arraycopy(args, 0, full, 1, args.length);
            full[full.length - 1] = out.toString();
            CliRun o = run(full);
            assertEquals(2, o.code(), String.join(" ", full) + ": " + o.err());
            assertTrue(o.err().startsWith("landscape slowdown: "), o.err());
            assertEquals(1, o.err().strip().lines().count(), "one clear message: " + o.err());
            assertFalse(Files.exists(out), "no work done for " + String.join(" ", full));
        }
    }

    /** --eta 100 diverges: the runs say so in fields, every undefined number is null (no NaN), one message, exit 2. */
    @Test
    void divergenceIsReportedNotWrittenAsNaN(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("div");
        CliRun o = run("slowdown", "--n", "1,2", "--d", "3", "--eta", "100", "--steps", "2000", "--dynamics", "gd",
                "--no-plots", "--out", out.toString());
        assertEquals(Main.EXIT_INPUT, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("diverged") && o.err().contains("--eta"), o.err());
        String text = Files.readString(out.resolve("summary.json"));
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        JsonNode s = Json.MAPPER.readTree(text);
        for (JsonNode r : s.get("runs")) {
            assertTrue(r.get("diverged").asBoolean(), r.toString());
            assertTrue(r.get("divergedAtStep").asLong() > 0 && r.get("divergedAtStep").asLong() <= 2000, r.toString());
            assertTrue(r.get("finalLoss").isNull(), r.toString());
            r.get("lossAt").forEach(v -> assertTrue(v.isNull() || v.isNumber()));
        }
        assertTrue(o.out().contains("diverged"), o.out());
        // a stable step: no run is marked
        CliRun ok = run("slowdown", "--n", "1", "--d", "3", "--steps", "200", "--dynamics", "gd", "--no-plots",
                "--out", dir.resolve("ok").toString());
        assertEquals(0, ok.code(), ok.err());
        JsonNode good = Json.MAPPER.readTree(dir.resolve("ok").resolve("summary.json").toFile());
        assertFalse(good.get("runs").get(0).get("diverged").asBoolean());
        assertFalse(good.get("runs").get(0).has("divergedAtStep"));
    }
}
