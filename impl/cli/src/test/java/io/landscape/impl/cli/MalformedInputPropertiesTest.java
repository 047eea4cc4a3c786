package io.landscape.impl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import picocli.CommandLine;

/**
 * Random malformed and extreme inputs for the readers of {@code --teacher} and {@code --points}, and for {@code eval}
 * and {@code certify} run in-process through {@link Main#commandLine()}: a user error is exit code 2 with messages
 * and no stack trace (never exit 1, never Jackson's internals), every stdout line is a JSON object, and a
 * {@code certify --out} file is either not created at all (no usable point) or holds exactly the lines printed, each
 * complete and with a valid checksum.
 */
class MalformedInputPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path base;
    private static int counter;

    @BeforeContainer
    static void createBase() throws IOException {
        base = Files.createTempDirectory("landscape-fuzz");
    }

    @AfterContainer
    static void deleteBase() throws IOException {
        if (base != null) {
            try (Stream<Path> all = Files.walk(base)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException leftOver) {
                        // a temporary folder: best effort
                    }
                }
            }
        }
    }

    private static synchronized Path fresh() throws IOException {
        return Files.createDirectories(base.resolve("t" + (counter++)));
    }

    // ---- generators -------------------------------------------------------------------------------------------

    /** A JSON value where a number belongs: mostly numbers, many of them extreme, some not numbers at all. */
    @Provide
    static Arbitrary<String> jsonNumber() {
        Arbitrary<String> plain = Arbitraries.doubles().between(-3, 3).map(x -> Double.toString(x));
        Arbitrary<String> extreme = Arbitraries.of("0", "-0", "1", "-1", "1e308", "-1e308", "1.7976931348623157e308",
                "4.9e-324", "-4.9e-324", "2.2250738585072014E-308", "1e-170", "-1e-170", "1e155", "1e154", "1e400",
                "-1e400", "123456789012345678901234567890", "1e-400", "0.0000000000000000000001");
        Arbitrary<String> bits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite)
                .map(x -> Double.toString(x));
        Arbitrary<String> odd = Arbitraries.of("NaN", "Infinity", "-Infinity", "\"1.5\"", "\"0x1p-1\"", "\"inf\"",
                "\"nan\"", "\"1d\"", "\"\"", "null", "true", "[]", "{}", "[1]", "\"1e999\"", "01", "1.", ".5", "+1",
                "0x10", "1e", "--1");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, plain), net.jqwik.api.Tuple.of(4, extreme),
                net.jqwik.api.Tuple.of(1, bits), net.jqwik.api.Tuple.of(2, odd));
    }

    /** A CSV cell. */
    @Provide
    static Arbitrary<String> csvCell() {
        Arbitrary<String> good = jsonNumber().filter(s -> !s.startsWith("\"") && !s.startsWith("[")
                && !s.startsWith("{"));
        Arbitrary<String> bad = Arbitraries.of("0x1p-1", "1d", "0.7f", "inf", "-inf", "nan", "NaN", "", " ", "1e",
                "1_0", "\"1\"", "\"1,2\"", "\"", "#", "٣", "1 2", "\t-2e3\t");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, good), net.jqwik.api.Tuple.of(1, bad));
    }

    /** A matrix of n rows of d JSON numbers (sometimes ragged). */
    private static Arbitrary<String> jsonMatrix() {
        Arbitrary<List<List<String>>> rows = jsonNumber().list().ofMinSize(0).ofMaxSize(4).list().ofMinSize(0)
                .ofMaxSize(4);
        Arbitrary<List<List<String>>> square = Combinators.combine(Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(1, 4)).flatAs((n, d) -> jsonNumber().list().ofSize(d).list().ofSize(n));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, square), net.jqwik.api.Tuple.of(1, rows))
                .map(MalformedInputPropertiesTest::matrixText);
    }

    private static String matrixText(List<List<String>> rows) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            b.append(i > 0 ? "," : "").append('[').append(String.join(",", rows.get(i))).append(']');
        }
        return b.append(']').toString();
    }

    /** Damages a text: cuts it, inserts a character, or appends garbage. */
    private static Arbitrary<String> damaged(Arbitrary<String> text) {
        return Combinators.combine(text, Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 1),
                Arbitraries.of("\"", "{", "}", "[", "]", ",", ":", "\u0000", "\uFFFF", "é", "\n", "x", " {}", "\\"))
                .as((t, how, where, c) -> {
                    int at = (int) (where * t.length());
                    switch (how) {
                        case 0: return t.substring(0, at);
                        case 1: return t.substring(0, at) + c + t.substring(at);
                        case 2: return t + c;
                        default: return t;
                    }
                });
    }

    /** A line of a points file. */
    @Provide
    static Arbitrary<String> pointLine() {
        Arbitrary<String> id = Arbitraries.of("\"a\"", "\"b\"", "\"line-1\"", "\"line-2\"", "7", "1.5", "null", "[]",
                "\"\"", "\"é\\u0000\"");
        Arbitrary<String> valid = Combinators.combine(id, jsonMatrix(), Arbitraries.integers().between(0, 5))
                .as((i, m, form) -> {
                    switch (form) {
                        case 0: return "{\"neurons\":" + m + "}";
                        case 1: return "{\"id\":" + i + ",\"neurons\":" + m + ",\"id\":" + i + "}";
                        case 2: return "{\"id\":" + i + ",\"neurons\":" + m + "} {}";
                        case 3: return m;
                        default: return "{\"id\":" + i + ",\"neurons\":" + m + "}";
                    }
                });
        Arbitrary<String> junk = Arbitraries.strings().all().ofMaxLength(30).map(s -> s.replace('\n', ' '));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, valid), net.jqwik.api.Tuple.of(3, damaged(valid)
                .map(s -> s.replace('\n', ' '))), net.jqwik.api.Tuple.of(1, junk), net.jqwik.api.Tuple.of(1,
                Arbitraries.just("")));
    }

    /** A file: its name and bytes. */
    record Input(String name, byte[] bytes) {
        @Override
        public String toString() {
            return bytes == null ? name : name + ": " + new String(bytes, StandardCharsets.UTF_8).replace("\n", "\\n");
        }
    }

    private static Arbitrary<byte[]> binary() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    static Arbitrary<Input> pointsFile() {
        Arbitrary<Input> jsonl = pointLine().list().ofMinSize(0).ofMaxSize(5)
                .map(lines -> new Input("p.jsonl", String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Input> csv = csvFile("p.csv");
        Arbitrary<Input> bin = binary().map(b -> new Input("p.jsonl", b));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, jsonl), net.jqwik.api.Tuple.of(2, csv),
                net.jqwik.api.Tuple.of(1, bin));
    }

    private static Arbitrary<Input> csvFile(String name) {
        Arbitrary<String> square = Combinators.combine(Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(1, 4)).flatAs((n, d) -> csvCell().list().ofSize(d).list().ofSize(n))
                .map(rows -> {
                    StringBuilder b = new StringBuilder();
                    for (List<String> r : rows) {
                        b.append(String.join(",", r)).append('\n');
                    }
                    return b.toString();
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, square), net.jqwik.api.Tuple.of(1,
                damaged(square))).map(s -> new Input(name, s.getBytes(StandardCharsets.UTF_8)));
    }

    /** A --teacher argument: an identity spec (good or bad), or a CSV/JSON/other file. */
    @Provide
    static Arbitrary<Input> teacher() {
        Arbitrary<String> number = Arbitraries.of("1", "2", "3", "4", "0", "-1", "99999999999", "2147483648", "x", "",
                " 2", "2.0", "1e3", "5000000");
        Arbitrary<Input> identity = Combinators.combine(number, number, Arbitraries.integers().between(0, 2))
                .as((k, d, form) -> new Input(form == 0 ? "identity:" + k : form == 1 ? "identity:" + k + ":" + d
                        : "identity:" + k + ":" + d + ":" + k, null));
        Arbitrary<String> json = Combinators.combine(jsonMatrix(), Arbitraries.integers().between(0, 3))
                .as((m, form) -> form == 0 ? "{\"neurons\":" + m + "}" : form == 1 ? "{\"neurons\":" + m
                        + ",\"neurons\":[[1]]}" : m);
        Arbitrary<Input> jsonFile = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, json),
                net.jqwik.api.Tuple.of(1, damaged(json))).map(s -> new Input("t.json", s.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Input> bin = Combinators.combine(binary(), Arbitraries.of("t.csv", "t.json", "t.txt"))
                .as((b, n) -> new Input(n, b));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, identity), net.jqwik.api.Tuple.of(3, csvFile("t.csv")),
                net.jqwik.api.Tuple.of(3, jsonFile), net.jqwik.api.Tuple.of(1, bin));
    }

    // ---- properties -------------------------------------------------------------------------------------------

    private static String place(Path dir, Input in) throws IOException {
        if (in.bytes() == null) {
            return in.name(); // an identity spec
        }
        Path f = dir.resolve(in.name());
        Files.write(f, in.bytes());
        return f.toString();
    }

    /** The readers either read or throw InputException with a message naming the file; nothing else. */
    @Property(tries = 500)
    void readersThrowOnlyInputExceptions(@ForAll("teacher") Input teacher, @ForAll("pointsFile") Input points)
            throws IOException {
        Path dir = fresh();
        String t = place(dir, teacher);
        try {
            double[][] v = TeacherSpec.parse(t);
            assertTrue(v.length >= 1 && v[0].length >= 1);
            for (double[] row : v) {
                assertEquals(v[0].length, row.length);
                for (double x : row) {
                    assertTrue(Double.isFinite(x));
                }
            }
        } catch (InputException e) {
            checkMessage(e.getMessage(), teacher.bytes() == null ? "--teacher" : t);
        }
        String p = place(dir, points);
        try {
            for (PointsReader.Entry e : PointsReader.read(p)) {
                if (e.error != null) {
                    checkMessage(e.error, p);
                } else {
                    assertTrue(e.id != null && e.neurons != null);
                    for (double[] row : e.neurons) {
                        for (double x : row) {
                            assertTrue(Double.isFinite(x));
                        }
                    }
                }
            }
        } catch (InputException e) {
            checkMessage(e.getMessage(), p);
        }
    }

    private static void checkMessage(String m, String mustName) {
        assertTrue(m != null && m.contains(mustName), "message does not name " + mustName + ": " + m);
        assertTrue(!m.contains("Source:") && !m.contains("REDACTED") && !m.contains("com.fasterxml")
                && !m.contains("Exception") && m.indexOf('\n') < 0, "bad message: " + m);
        for (int i = 0; i < m.length(); i++) {
            assertTrue(!Character.isISOControl(m.charAt(i)), "control character in: " + m);
        }
    }

    /** eval and certify through the command line: exit 0 or 2, no stack trace, JSON lines, no partial --out file. */
    @Property(tries = 200)
    void commandsNeverCrashOnBadInput(@ForAll("teacher") Input teacher, @ForAll("pointsFile") Input points,
                                      @ForAll boolean certify, @ForAll boolean flag,
                                      @ForAll("normalization") String normalization) throws IOException {
        Path dir = fresh();
        List<String> args = new ArrayList<>(List.of(certify ? "certify" : "eval", "--teacher", place(dir, teacher),
                "--points", place(dir, points), "--normalization", normalization));
        Path out = dir.resolve("out").resolve("certificates.jsonl");
        if (certify) {
            args.add("--no-progress");
            args.add("--out");
            args.add(out.toString());
            if (flag) {
                args.add("--polish");
            }
        } else if (flag) {
            args.add("--hessian");
        }
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(args.toArray(new String[0]));
        String err = e.toString();
        String what = String.join(" ", args) + "\nteacher " + teacher + "\npoints " + points + "\nstderr:\n" + err;
        assertTrue(code == 0 || code == Main.EXIT_INPUT, "exit " + code + " for " + what);
        assertTrue(!err.contains("\tat ") && !err.contains("internal error") && !err.contains("Exception")
                && !err.contains("Source:") && !err.contains("REDACTED"), "stack trace or internals: " + what);
        if (code != 0) {
            assertTrue(!err.isBlank(), "exit 2 without a message: " + what);
        }
        List<String> printed = new ArrayList<>();
        for (String line : o.toString().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            assertTrue(node.isObject() && node.has("id"), "not a result line: " + line);
            if (certify) {
                assertTrue(CertifyCommand.checksumMatches(line), line);
                String verdict = node.get("verdict").asText();
                assertTrue(verdict.equals("not-certified") || verdict.equals("spurious-local-minimum"), line);
                assertTrue(node.get("objective").isNull() || node.get("objective").isNumber(), line);
            }
            printed.add(line);
        }
        if (certify) {
            if (printed.isEmpty()) {
                assertTrue(!Files.exists(out.getParent()), "--out created though nothing was certified: " + what);
            } else {
                assertEquals(printed, Files.readAllLines(out), "--out holds exactly the printed lines: " + what);
                // and the lock was released
                try (io.landscape.impl.experiment.AppendLog again = io.landscape.impl.experiment.AppendLog.open(out)) {
                    assertEquals(printed.size(), again.existing().size());
                }
            }
        }
    }

    /** Well-formed files of matching dimensions whose numbers are extreme: the numerics must not crash. */
    @Provide
    static Arbitrary<Input[]> extremeButValid() {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.doubles().between(-2, 2).map(x -> Double.toString(x))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("0", "1")),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("1e308", "-1e308", "1.7976931348623157e308", "4.9e-324",
                        "1e-170", "-1e-170", "1e155", "1e154", "1e-300", "1e300", "2.2250738585072014E-308", "1e-16")));
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 2)).flatAs((d, n, lines, form) -> {
                    Arbitrary<String> matrix = value.list().ofSize(d).list().ofSize(n)
                            .map(MalformedInputPropertiesTest::matrixText);
                    Arbitrary<Input> points = matrix.list().ofSize(lines).map(ms -> {
                        StringBuilder b = new StringBuilder();
                        for (int i = 0; i < ms.size(); i++) {
                            b.append("{\"id\":\"p").append(i).append("\",\"neurons\":").append(ms.get(i)).append("}\n");
                        }
                        return new Input("p.jsonl", b.toString().getBytes(StandardCharsets.UTF_8));
                    });
                    Arbitrary<Input> teacher = form == 0 ? Arbitraries.just(new Input("identity:" + d, null))
                            : form == 1 ? Arbitraries.integers().between(1, d).map(k -> new Input("identity:" + k + ":" + d,
                                    null))
                            : value.list().ofSize(d).list().ofMinSize(1).ofMaxSize(3).map(rows -> new Input("t.json",
                                    matrixText(rows).getBytes(StandardCharsets.UTF_8)));
                    return Combinators.combine(teacher, points).as((t, p) -> new Input[] {t, p});
                });
    }

    @Property(tries = 120)
    void commandsHandleExtremeNumbers(@ForAll("extremeButValid") Input[] files, @ForAll boolean certify,
                                      @ForAll boolean flag) throws IOException {
        commandsNeverCrashOnBadInput(files[0], files[1], certify, flag, "half");
    }

    @Provide
    static Arbitrary<String> normalization() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just("half")),
                net.jqwik.api.Tuple.of(3, Arbitraries.just("full")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("HALF", "quarter", "", "ful")));
    }
}
