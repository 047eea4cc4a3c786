package io.landscape.impl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The {@code basin} contract: one JSON object; bad data is one clear message naming the file and line, exit 2. */
class BasinCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path point() throws Exception {
        return write("point.json", "{\"neurons\": [[1, 0.2], [0.3, -1], [-0.5, 0.4]], \"outputWeights\": [0.7, -1.2, 0.4]}");
    }

    @Test
    void issueInstance() throws Exception {
        Path data = write("data.csv", "# x1,x2,y\n1,0,1\n0,1,-0.5\n1,1,2\n-1,0.5,0.3\n");
        CliRun r = CliRun.of("basin", "--data", data.toString(), "--point", point().toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        for (String f : new String[] {"loss", "basinValue", "minimizer", "kktResidual", "cell"}) {
            assertTrue(j.has(f), f);
        }
        assertTrue(j.get("kktResidual").asDouble() <= 1e-8);
        assertTrue(j.get("basinValue").asDouble() <= j.get("loss").asDouble());
        assertEquals(3, j.get("minimizer").get("neurons").size());
        assertEquals(3, j.get("minimizer").get("outputWeights").size());
        assertEquals(3, j.get("cell").get("activations").size());
        assertEquals(4, j.get("cell").get("activations").get(0).size());
        assertEquals(1, j.get("cell").get("activations").get(0).get(0).asInt()); // <(1, 0.2), (1, 0)> > 0
        assertEquals(-1, j.get("cell").get("signs").get(1).asInt());
    }

    @Test
    void crossEntropyAndBias() throws Exception {
        Path data = write("data.csv", "1,0,1\n0,1,0\n1,1,1\n-1,0.5,0\n");
        Path pt = write("p.json", "{\"neurons\": [[1, 0.2, 0.1], [0.3, -1, 0.2]], \"outputWeights\": [0.7, -1.2]}");
        CliRun r = CliRun.of("basin", "--data", data.toString(), "--point", pt.toString(), "--loss", "cross-entropy",
                "--bias");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals(3, j.get("minimizer").get("neurons").get(0).size());
        assertTrue(j.get("basinValue").asDouble() <= j.get("loss").asDouble() + 1e-12);
    }

    private void assertBad(String content, String... expected) throws Exception {
        Path data = write("bad.csv", content);
        CliRun r = CliRun.of("basin", "--data", data.toString(), "--point", point().toString(), "--loss",
                content.contains("label") ? "cross-entropy" : "squared");
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().trim().split("\n").length, r.err());
        assertTrue(r.err().contains(data.toString()), r.err());
        for (String e : expected) {
            assertTrue(r.err().contains(e), "expected '" + e + "' in: " + r.err());
        }
        assertTrue(!r.err().contains("Exception"), r.err());
    }

    @Test
    void badDataIsOneClearMessage() throws Exception {
        assertBad("1,0,1\n0,1,-0.5\n1,1\n", ":3:", "columns");             // ragged row
        assertBad("1,0,1\n0,NaN,-0.5\n", ":2:", "NaN");                     // NaN
        assertBad("1,0,1\n0,1,x\n", ":2:", "not a number");
        assertBad("# label\n1,0,1\n0,1,2\n", ":3:", "label", "out of range"); // label out of range (cross-entropy)
        assertBad("# nothing here\n\n", "m = 0");                              // m = 0
    }

    @Test
    void pointOnACellBoundaryIsRejected() throws Exception {
        Path data = write("data.csv", "1,0,1\n0,1,-0.5\n");
        Path pt = write("p.json", "{\"neurons\": [[0, 1]], \"outputWeights\": [1]}");
        CliRun r = CliRun.of("basin", "--data", data.toString(), "--point", pt.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("neuron 0") && r.err().contains("example 0"), r.err());
    }

    @Test
    void mismatchedPointIsRejected() throws Exception {
        Path data = write("data.csv", "1,0,1\n0,1,-0.5\n");
        Path pt = write("p.json", "{\"neurons\": [[1, 1, 1]], \"outputWeights\": [1]}");
        CliRun r = CliRun.of("basin", "--data", data.toString(), "--point", pt.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("neurons[0]") && r.err().contains("d = 2"), r.err());
    }
}
