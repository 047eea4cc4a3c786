package io.landscape.impl.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import io.landscape.api.Problem;

/**
 * The {@code --teacher SPEC} argument: {@code identity:K} (K×K identity, d = K), {@code identity:K:D} (padded to
 * d = D ≥ K), or a CSV file (one neuron per row) or JSON file ({@code [[...], ...]} or {@code {"neurons": [[...]]}}).
 *
 * <h2>What is accepted</h2>
 * Files must be UTF-8 text (a leading byte-order mark is ignored). CSV entries must be decimal literals: an optional
 * sign, digits with an optional decimal point, an optional exponent ({@code 1}, {@code -0.5}, {@code .5}, {@code 2e-3});
 * Java's other literals ({@code 0x1p-1}, {@code 1d}, {@code 0.7f}) are refused, and so are {@code inf} and
 * {@code nan} (every number must be finite). JSON numbers are JSON's; a string holding a decimal literal is accepted
 * too. An object with a repeated key is refused. Every message names the file and line (and column for JSON).
 */
public final class TeacherSpec {
    /** Rows read from a file or spec, with where each row came from (for messages). */
    public record Matrix(double[][] rows, String[] where) {
        /** Where row {@code i} (0-based) came from: {@code FILE:LINE} for a file, the spec otherwise. */
        public String where(int i) {
            return where[i];
        }
    }

    /** The JSON reader for inputs: duplicate keys refused, no input text in locations, trailing tokens refused. */
    static final JsonFactory JSON_FACTORY = io.landscape.impl.experiment.JsonCodec.MAPPER.getFactory();

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private TeacherSpec() {
    }

    /** The teacher matrix (k rows of dimension d). */
    public static double[][] parse(String spec) {
        return read(spec).rows();
    }

    /** The teacher matrix with the origin of each row. */
    public static Matrix read(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InputException("--teacher: empty; expected identity:K, identity:K:D or a CSV/JSON file");
        }
        if (spec.startsWith("identity:")) {
            String[] parts = spec.split(":", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw new InputException("--teacher " + spec + ": expected identity:K or identity:K:D");
            }
            int k = positive(spec, "K", parts[1]);
            int d = parts.length == 3 ? positive(spec, "D", parts[2]) : k;
            if (d < k) {
                throw new InputException("--teacher " + spec + ": D = " + d + " must be at least K = " + k);
            }
            double bytes = 8.0 * k * d; // in double: 8·K·D overflows a long for K, D near 2³¹
            long limit = Runtime.getRuntime().maxMemory() / 4;
            if (bytes > limit) {
                throw new InputException("--teacher " + spec + ": too large: the " + k + "×" + d + " teacher alone "
                        + "would take " + mib(bytes) + ", and the limit is a quarter of the Java heap, " + mib(limit)
                        + " (raise the heap with -Xmx)");
            }
            String[] where = new String[k];
            java.util.Arrays.fill(where, "--teacher " + spec);
            return new Matrix(Problem.identity(k, d), where);
        }
        Path file = Paths.get(spec);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InputException("--teacher " + spec + ": no such readable file (and not identity:K or identity:K:D)");
        }
        Matrix rows = spec.toLowerCase(Locale.ROOT).endsWith(".json") ? readJson(file) : readCsv(file);
        if (rows.rows().length == 0) {
            throw new InputException(file + ": no teacher neurons (the file has no rows)");
        }
        if (rows.rows()[0].length == 0) {
            throw new InputException(rows.where(0) + ": teacher neuron 1 has no coordinates");
        }
        return rows;
    }

    private static String mib(double bytes) {
        return bytes >= (1L << 30) ? String.format(Locale.ROOT, "%.3g GiB", bytes / (1L << 30))
                : String.format(Locale.ROOT, "%.0f MiB", Math.ceil(bytes / (1L << 20)));
    }

    private static int positive(String spec, String name, String text) {
        String t = text.trim();
        if (!t.matches("[+-]?[0-9]+")) {
            throw new InputException("--teacher " + spec + ": " + name + " is not an integer: '" + text + "'");
        }
        int v;
        try {
            v = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new InputException("--teacher " + spec + ": " + name + " = " + t + " is too large (at most "
                    + Integer.MAX_VALUE + ")");
        }
        if (v < 1) {
            throw new InputException("--teacher " + spec + ": " + name + " must be at least 1, got " + v);
        }
        return v;
    }

    /**
     * The text of {@code file}, which must be UTF-8 (a byte-order mark is dropped); otherwise one message naming the
     * file and the line of the first bad byte.
     */
    static String readText(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw new InputException(file + ": cannot read: "
                    + (e instanceof OutOfMemoryError ? "too large" : e.getMessage()));
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = dec.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            CharsetDecoder probe = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(bytes.length + 1);
            probe.decode(in, out, true);
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InputException(file + ":" + line + ": not UTF-8 text (byte 0x"
                    + String.format(Locale.ROOT, "%02X", bytes[Math.min(at, bytes.length - 1)] & 0xFF) + " at offset "
                    + at + "): expected a text file (is it a binary file?)");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            int at = text.indexOf('\0');
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            throw new InputException(file + ":" + line + ": not a text file (a NUL character)");
        }
        return text;
    }

    /**
     * A CSV file with one neuron per row; '#' starts a comment line. Checks that every entry is a finite decimal
     * literal and that the rows have equal lengths.
     */
    public static double[][] readCsvMatrix(Path file) {
        return readCsv(file).rows();
    }

    /** {@link #readCsvMatrix} with the line of each row. */
    public static Matrix readCsv(Path file) {
        String text = readText(file);
        List<double[]> rows = new ArrayList<>();
        List<String> where = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).build().parse(new StringReader(text))) {
            for (CSVRecord rec : parser) {
                long line = parser.getCurrentLineNumber();
                double[] row = new double[rec.size()];
                for (int c = 0; c < rec.size(); c++) {
                    row[c] = number(file + ":" + line + ": column " + (c + 1), rec.get(c));
                }
                if (!rows.isEmpty() && row.length != rows.get(0).length) {
                    throw new InputException(file + ":" + line + ": row has " + row.length + " entries, expected "
                            + rows.get(0).length + " like the first row (ragged rows)");
                }
                rows.add(row);
                where.add(file + ":" + line);
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new InputException(csvProblem(file, e));
        }
        return new Matrix(rows.toArray(new double[0][]), where.toArray(new String[0]));
    }

    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)\\s*");

    /** Commons CSV's innermost message, in the user's terms, placed at its line when it gives one. */
    private static String csvProblem(Path file, Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? "unreadable" : t.getMessage();
        String where = file.toString();
        java.util.regex.Matcher at = START_LINE.matcher(m);
        if (at.find()) {
            where = file + ":" + at.group(1);
            m = at.replaceFirst("");
        }
        if (m.startsWith("EOF reached before encapsulated token finished")) {
            m = "a quoted field (\") is not closed before the end of the file";
        }
        return where + ": not a valid CSV file: " + printable(m);
    }

    /** A finite decimal literal ({@code where} prefixes the message otherwise). */
    static double number(String where, String text) {
        String t = text.trim();
        if (NON_FINITE.matcher(t).matches()) {
            throw new InputException(where + ": " + t + " is not finite (every number must be finite)");
        }
        if (!DECIMAL.matcher(t).matches()) {
            throw new InputException(where + ": not a decimal number: '" + abbreviate(text) + "'");
        }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
            throw new InputException(where + ": " + abbreviate(t) + " is out of range (larger than the largest double)");
        }
        return v;
    }

    private static String abbreviate(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }

    /** {@code FILE:LINE:COLUMN} of a JSON location in {@code file}. */
    static String at(Path file, JsonLocation loc) {
        return loc == null ? file.toString() : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }

    /** One message for a JSON syntax error: {@code FILE:LINE:COLUMN: invalid JSON: …} (no input text echoed). */
    static InputException jsonError(Path file, JsonProcessingException e) {
        return new InputException(at(file, e.getLocation()) + ": invalid JSON: " + jsonMessage(e));
    }

    private static final Pattern SOURCE_AT = Pattern.compile(
            "\\[Source: .*?; line: (\\d+)(?:, column: (\\d+))?\\]");
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*\\]");

    /** {@code m} with every "[Source: …; line: L, column: C]" of Jackson's as "line L, column C". */
    static String withoutSource(String m) {
        java.util.regex.Matcher at = SOURCE_AT.matcher(m);
        StringBuilder b = new StringBuilder();
        while (at.find()) {
            at.appendReplacement(b, "line " + at.group(1) + (at.group(2) == null ? "" : ", column " + at.group(2)));
        }
        at.appendTail(b);
        return SOURCE.matcher(b.toString()).replaceAll("");
    }

    /** Jackson's message without its location and without any "[Source: …]" inside it (the caller names the place). */
    static String jsonMessage(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        m = withoutSource(m);
        int nl = m.indexOf('\n');
        return printable(nl >= 0 ? m.substring(0, nl) : m);
    }

    /** {@code s} with control characters shown as '?' (messages echo bits of the input). */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }

    /**
     * Exactly one JSON value from {@code text} (the whole of it): anything after the value is refused with its column.
     *
     * @throws JsonProcessingException on a syntax error, a repeated key or trailing content
     */
    static JsonNode readOne(String text) throws IOException {
        return io.landscape.impl.experiment.JsonCodec.readOne(text);
    }

    /**
     * A JSON teacher file: an array of neurons {@code [[...], ...]} or an object whose {@code "neurons"} (or
     * {@code "teacher"}) field is one, read with the line and column of every neuron.
     */
    static Matrix readJson(Path file) {
        String text = readText(file);
        try (JsonParser p = JSON_FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            Matrix m = null;
            if (t == JsonToken.START_ARRAY) {
                m = jsonRows(file, p);
            } else if (t == JsonToken.START_OBJECT) {
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (m == null && (name.equals("neurons") || name.equals("teacher"))) {
                        if (value != JsonToken.START_ARRAY) {
                            throw new InputException(at(file, p.currentTokenLocation()) + ": \"" + name
                                    + "\" must be an array of neurons (arrays of numbers)");
                        }
                        m = jsonRows(file, p);
                    } else {
                        p.skipChildren();
                    }
                }
                if (m == null) {
                    throw new InputException(file + ": expected an array of neurons, or an object with a \"neurons\" "
                            + "field");
                }
            } else {
                throw new InputException(file + ": expected an array of neurons [[...], ...], or an object with a "
                        + "\"neurons\" field");
            }
            if (p.nextToken() != null) {
                throw new InputException(at(file, p.currentTokenLocation()) + ": unexpected content after the teacher");
            }
            return m;
        } catch (JsonProcessingException e) {
            throw jsonError(file, e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** The rows of a matrix whose START_ARRAY is the current token. */
    private static Matrix jsonRows(Path file, JsonParser p) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<String> where = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            JsonLocation rowAt = p.currentTokenLocation();
            int i = rows.size() + 1;
            if (t != JsonToken.START_ARRAY) {
                throw new InputException(at(file, rowAt) + ": neuron " + i + " is not an array of numbers");
            }
            List<Double> row = new ArrayList<>();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                String what = at(file, p.currentTokenLocation()) + ": neuron " + i + ", coordinate " + (row.size() + 1);
                double v;
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    v = p.getDoubleValue();
                    if (!Double.isFinite(v)) {
                        throw new InputException(what + " is " + (p.isNaN() ? "not finite" : "out of range")
                                + " (every number must be finite)");
                    }
                } else if (t == JsonToken.VALUE_STRING) {
                    v = number(what, p.getText());
                } else {
                    throw new InputException(what + " is not a number");
                }
                row.add(v);
            }
            if (!rows.isEmpty() && row.size() != rows.get(0).length) {
                throw new InputException(at(file, rowAt) + ": neuron " + i + " has " + row.size()
                        + " coordinates, neuron 1 has " + rows.get(0).length + " (ragged rows)");
            }
            double[] r = new double[row.size()];
            for (int c = 0; c < r.length; c++) {
                r[c] = row.get(c);
            }
            rows.add(r);
            where.add(file + ":" + rowAt.getLineNr());
        }
        return new Matrix(rows.toArray(new double[0][]), where.toArray(new String[0]));
    }

    /** A JSON array of equal-length arrays of finite numbers; {@code where} prefixes every error. */
    public static double[][] matrix(String where, JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new InputException(where + ": expected an array of neurons (arrays of numbers)");
        }
        double[][] rows = new double[node.size()][];
        for (int i = 0; i < node.size(); i++) {
            JsonNode row = node.get(i);
            if (!row.isArray()) {
                throw new InputException(where + ": neuron " + (i + 1) + " is not an array of numbers");
            }
            rows[i] = new double[row.size()];
            for (int c = 0; c < row.size(); c++) {
                JsonNode x = row.get(c);
                String what = where + ": neuron " + (i + 1) + ", coordinate " + (c + 1);
                double v;
                if (x.isNumber()) {
                    v = x.asDouble();
                    if (!Double.isFinite(v)) {
                        throw new InputException(what + " is " + (x.isFloatingPointNumber() && Double.isNaN(v)
                                ? "NaN" : abbreviate(x.toString())) + " (must be finite)");
                    }
                } else if (x.isTextual()) {
                    v = number(what, x.asText());
                } else {
                    throw new InputException(what + " is not a number: " + abbreviate(x.toString()));
                }
                rows[i][c] = v;
            }
            if (i > 0 && rows[i].length != rows[0].length) {
                throw new InputException(where + ": neuron " + (i + 1) + " has " + rows[i].length
                        + " coordinates, neuron 1 has " + rows[0].length + " (ragged rows)");
            }
        }
        return rows;
    }
}
