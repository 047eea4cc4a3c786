package io.landscape.impl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers of --teacher and --points: one message naming file, line (and column), in the user's terms. */
class InputReadersTest {
    @TempDir
    Path dir;

    private static void clean(String message) {
        assertTrue(!message.contains("Source:") && !message.contains("REDACTED") && !message.contains("com.fasterxml")
                && !message.contains("Exception"), "internals in: " + message);
    }

    private InputException teacherError(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        InputException e = assertThrows(InputException.class, () -> TeacherSpec.parse(f.toString()));
        clean(e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e;
    }

    @Test
    void csvAcceptsDecimalLiteralsOnly() throws Exception {
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, "\uFEFF# a comment\n1, -0.5 ,.5\n2e-3,+1E+2,5.\n");
        assertArrayEquals(new double[][] {{1, -0.5, 0.5}, {2e-3, 100, 5}}, TeacherSpec.parse(ok.toString()));
        for (String bad : new String[] {"0x1p-1", "1d", "0.7f", "1_000", "1e", "--1", "1,5e3.2", "٣", "1e5e5"}) {
            InputException e = teacherError("bad.csv", "1,0\n0," + bad + "\n");
            assertTrue(e.getMessage().contains("bad.csv:2") && e.getMessage().contains("not a decimal number"),
                    bad + ": " + e.getMessage());
        }
        for (String nonFinite : new String[] {"inf", "-Infinity", "NaN", "nan", "+inf"}) {
            InputException e = teacherError("nf.csv", "1,0\n0," + nonFinite + "\n");
            assertTrue(e.getMessage().contains("nf.csv:2") && e.getMessage().contains("not finite"), e.getMessage());
        }
        InputException huge = teacherError("huge.csv", "1,0\n0,1e400\n");
        assertTrue(huge.getMessage().contains("huge.csv:2") && huge.getMessage().contains("out of range"),
                huge.getMessage());
    }

    @Test
    void jsonTeachersAreStrictAndPlaced() throws Exception {
        Path ok = dir.resolve("ok.json");
        Files.writeString(ok, "{\"neurons\": [[1, 0],\n [0, \"2.5\"]], \"note\": {\"x\": [1]}}");
        assertArrayEquals(new double[][] {{1, 0}, {0, 2.5}}, TeacherSpec.parse(ok.toString()));
        TeacherSpec.Matrix m = TeacherSpec.read(ok.toString());
        assertEquals(ok + ":1", m.where(0));
        assertEquals(ok + ":2", m.where(1));
        InputException dup = teacherError("dup.json", "{\"neurons\": [[1]], \"neurons\": [[2]]}");
        assertTrue(dup.getMessage().contains("dup.json:1:") && dup.getMessage().contains("Duplicate field 'neurons'"),
                dup.getMessage());
        InputException open = teacherError("open.json", "[[1, 0],\n [0, 1]");
        assertTrue(open.getMessage().contains("open.json:2:") && open.getMessage().contains("line 1, column 1"),
                open.getMessage());
        InputException hex = teacherError("hex.json", "[[1, 0],\n [0, \"0x1p-1\"]]");
        assertTrue(hex.getMessage().contains("hex.json:2:") && hex.getMessage().contains("not a decimal number"),
                hex.getMessage());
        InputException nan = teacherError("nan.json", "[[1, 0],\n [0, NaN]]");
        assertTrue(nan.getMessage().contains("nan.json:2:") && nan.getMessage().contains("not finite"), nan.getMessage());
        InputException after = teacherError("after.json", "[[1]] [[2]]");
        assertTrue(after.getMessage().contains("unexpected content"), after.getMessage());
        InputException empty = teacherError("empty.json", "[[]]");
        assertTrue(empty.getMessage().contains("no coordinates"), empty.getMessage());
    }

    @Test
    void binaryFilesAreNamedAsNotText() throws Exception {
        byte[] binary = {'[', '[', '1', ',', (byte) 0xC3, (byte) 0x28, ']', ']', 0, (byte) 0xFF};
        for (String name : new String[] {"t.csv", "t.json"}) {
            Path f = dir.resolve(name);
            Files.write(f, binary);
            InputException e = assertThrows(InputException.class, () -> TeacherSpec.parse(f.toString()));
            assertTrue(e.getMessage().startsWith(f + ":1: not UTF-8 text"), e.getMessage());
        }
        Path pts = dir.resolve("p.jsonl");
        Files.write(pts, binary);
        InputException e = assertThrows(InputException.class, () -> PointsReader.read(pts.toString()));
        assertTrue(e.getMessage().startsWith(pts + ":1: not UTF-8 text"), e.getMessage());
        Files.write(pts, "{\"neurons\":[[1]]}\n\u0000\n".getBytes(StandardCharsets.UTF_8));
        InputException nul = assertThrows(InputException.class, () -> PointsReader.read(pts.toString()));
        assertTrue(nul.getMessage().startsWith(pts + ":2: not a text file"), nul.getMessage());
    }

    @Test
    void identitySpecsSayWhatIsWrong() {
        InputException big = assertThrows(InputException.class, () -> TeacherSpec.parse("identity:99999999999"));
        assertTrue(big.getMessage().contains("too large") && big.getMessage().contains("2147483647"), big.getMessage());
        InputException heap = assertThrows(InputException.class, () -> TeacherSpec.parse("identity:2000000000"));
        assertTrue(heap.getMessage().contains("too large") && heap.getMessage().contains("heap"), heap.getMessage());
        InputException word = assertThrows(InputException.class, () -> TeacherSpec.parse("identity:three"));
        assertTrue(word.getMessage().contains("K is not an integer"), word.getMessage());
        InputException d = assertThrows(InputException.class, () -> TeacherSpec.parse("identity:3:99999999999"));
        assertTrue(d.getMessage().contains("D = 99999999999 is too large"), d.getMessage());
    }

    @Test
    void pointLinesAreStrict() throws Exception {
        Path pts = dir.resolve("p.jsonl");
        Files.writeString(pts, String.join("\n",
                "{\"id\":\"a\",\"id\":\"b\",\"neurons\":[[1,0]]}",
                "{\"id\":\"c\",\"neurons\":[[1,0]]} {\"id\":\"d\"}",
                "{\"id\":\"e\",\"neurons\":[[1,0],[0,\"1d\"]]}",
                "{\"id\":[1],\"neurons\":[[1,0]]}",
                "{\"id\":\"f\",\"neurons\":[[1,0],[0,1]]",
                "{\"id\":7,\"neurons\":[[1,0]]}"));
        List<PointsReader.Entry> entries = PointsReader.read(pts.toString());
        assertEquals(6, entries.size());
        assertTrue(entries.get(0).error.startsWith(pts + ":1:") && entries.get(0).error.contains("Duplicate field 'id'"),
                entries.get(0).error);
        assertTrue(entries.get(1).error.startsWith(pts + ":2:") && entries.get(1).error.contains("unexpected content"),
                entries.get(1).error);
        assertTrue(entries.get(2).error.startsWith(pts + ":3") && entries.get(2).error.contains("not a decimal number"),
                entries.get(2).error);
        assertTrue(entries.get(3).error.contains("\"id\" must be a string or an integer"), entries.get(3).error);
        assertTrue(entries.get(4).error.startsWith(pts + ":5:") && entries.get(4).error.contains("invalid JSON"),
                entries.get(4).error);
        assertEquals("7", entries.get(5).id);
        for (PointsReader.Entry e : entries) {
            if (e.error != null) {
                clean(e.error);
            }
        }
    }

    @Test
    void jacksonSourceDescriptionsAreRemovedFromMessages() {
        assertEquals("expected ']' (for root starting at line 1)", TeacherSpec.withoutSource("expected ']' (for root "
                + "starting at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1])"));
        assertEquals("start marker at line 2, column 7", TeacherSpec.withoutSource("start marker at [Source: "
                + "(String)\"[[1]\"; line: 2, column: 7]"));
        assertEquals("no location", TeacherSpec.withoutSource("no location"));
    }

    @Test
    void certifyReportsAZeroTeacherRowOfAJsonFileOnce() throws Exception {
        Path t = dir.resolve("t.json");
        Files.writeString(t, "[[1, 0],\n [0, 1],\n [0, 0]]\n");
        Path pts = dir.resolve("p.jsonl");
        Files.writeString(pts, "{\"id\":\"a\",\"neurons\":[[1,0],[0,1],[1,1]]}\n{\"id\":\"b\",\"neurons\":[[1,0],[0,1],[1,2]]}\n");
        CliRun r = CliRun.of("certify", "--teacher", t.toString(), "--points", pts.toString());
        assertEquals(Main.EXIT_INPUT, r.code());
        assertEquals(1, r.err().trim().split("\n").length, r.err());
        assertTrue(r.err().contains(t + ":3: teacher neuron 3 is zero"), r.err());
        // a neuron whose squared norm underflows cannot be used by the certifier either, and is named the same way
        Files.writeString(t, "[[1, 0],\n [0, 1e-170],\n [1, 1]]\n");
        CliRun tiny = CliRun.of("certify", "--teacher", t.toString(), "--points", pts.toString());
        assertEquals(Main.EXIT_INPUT, tiny.code());
        assertTrue(tiny.err().contains(t + ":2: teacher neuron 2"), tiny.err());
    }
}
