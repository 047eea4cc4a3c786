package io.landscape.impl.experiment;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.api.empirical.BasinSolution;
import io.landscape.api.empirical.Cell;

/**
 * The one JSON codec of the command line and the experiments: a single configured Jackson {@link ObjectMapper} and
 * the few conventions every output follows, so that no command or experiment builds its own mapper or its own
 * "finite number or null" helper.
 *
 * <ul>
 * <li><b>Reading</b> (inputs, run logs): an object with a repeated key is refused, error locations carry no input
 * text (messages name the file and line themselves), the tokens {@code NaN}/{@code Infinity} are read as numbers so
 * that the reader can refuse them with a message naming the field; {@link #readOne} also refuses anything after the
 * value.</li>
 * <li><b>Writing</b>: doubles in Java's shortest round-trip form ({@link Double#toString}); fields in insertion order;
 * {@link #line} compact on one line (JSON lines, stdout), {@link #pretty} indented (the {@code summary.json} files).
 * JSON has no NaN or infinity: a non-finite result number is written as {@code null} ({@link #number},
 * {@link #finite}, {@link #finiteRows}).</li>
 * </ul>
 * {@link #basinSolution} serialises the api's basin result; the other record-specific serializers live next to their
 * records' writers (for example {@code Reports.cellJson}, {@code RunLog}'s log line, {@code InitialBasinOutput},
 * {@code SlowdownOutput}, {@code CertifyCommand}) and build their trees with this codec.
 */
public final class JsonCodec {
    /** The mapper (reading strictly as described above; writing compact). */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build());

    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private JsonCodec() {
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new empty array. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** {@code node} as one compact line (no trailing newline). */
    public static String line(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of plain nodes always serialises
        }
    }

    /** {@code node} indented (Jackson's default pretty printer; no trailing newline). */
    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code node} indented to {@code out} (and closes it, as Jackson does). */
    public static void writePretty(OutputStream out, JsonNode node) throws IOException {
        PRETTY.writeValue(out, node);
    }

    /**
     * A double as resumable logs store it, without loss: a JSON number when finite, else the string "NaN", "Infinity"
     * or "-Infinity" (which {@code Double.parseDouble} reads back).
     */
    public static void putDouble(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.put(key, Double.toString(v));
        }
    }

    /**
     * Reads back what {@link #putDouble} wrote: field {@code key} of {@code o} as a JSON number or one of the strings
     * "NaN", "Infinity", "-Infinity".
     *
     * @throws IllegalArgumentException naming the field when it is missing, null or not such a number
     */
    public static double getDouble(JsonNode o, String key) {
        return readDouble(field(o, key), "\"" + key + "\"");
    }

    /** {@code n} as {@link #putDouble} writes a double; {@code what} names it in the message of a refusal. */
    public static double readDouble(JsonNode n, String what) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            switch (n.asText()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new IllegalArgumentException(what + " is not a number");
    }

    /** Field {@code key} of {@code o}, refused with a message naming it when missing or null. */
    public static JsonNode field(JsonNode o, String key) {
        JsonNode n = o.get(key);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("no \"" + key + "\"");
        }
        return n;
    }

    /** Field {@code key} of {@code o} as an integer in [min, max], refused with a message naming it otherwise. */
    public static long getLong(JsonNode o, String key, long min, long max) {
        JsonNode n = field(o, key);
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < min || n.asLong() > max) {
            throw new IllegalArgumentException("\"" + key + "\" is not an integer in [" + min + ", " + max + "]");
        }
        return n.asLong();
    }

    /** {@code o.key = v}, or {@code null} where v is not finite; returns {@code o}. */
    public static ObjectNode number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
        return o;
    }

    /** Appends {@code v} to {@code a}, or {@code null} where v is not finite; returns {@code a}. */
    public static ArrayNode finite(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
        return a;
    }

    /** A flat row-major array as an array of rows of length {@code cols} (numbers written as they are). */
    public static ArrayNode rows(double[] flat, int cols) {
        ArrayNode out = array();
        for (int i = 0; i < flat.length; i += cols) {
            ArrayNode row = out.addArray();
            for (int j = 0; j < cols; j++) {
                row.add(flat[i + j]);
            }
        }
        return out;
    }

    /** A matrix as an array of rows (numbers written as they are). */
    public static ArrayNode rows(double[][] m) {
        ArrayNode out = array();
        for (double[] r : m) {
            ArrayNode row = out.addArray();
            for (double x : r) {
                row.add(x);
            }
        }
        return out;
    }

    /** As {@link #rows(double[], int)}, with {@code null} for non-finite entries. */
    public static ArrayNode finiteRows(double[] flat, int cols) {
        ArrayNode out = array();
        for (int i = 0; i < flat.length; i += cols) {
            ArrayNode row = out.addArray();
            for (int j = 0; j < cols; j++) {
                finite(row, flat[i + j]);
            }
        }
        return out;
    }

    /**
     * A basin solution (paper 001) at a point with {@code n} neurons in R^d: {@code {loss, basinValue, minimizer:
     * {neurons: [[n rows of d]], outputWeights: [n]}, kktResidual, cell: {activations, signs}, method, engine,
     * iterations}}.
     */
    public static ObjectNode basinSolution(BasinSolution sol, int n, int d) {
        ObjectNode out = object();
        out.put("loss", sol.loss());
        out.put("basinValue", sol.basinValue());
        ObjectNode min = out.putObject("minimizer");
        double[] neurons = new double[n * d];
        System.arraycopy(sol.minimizer(), 0, neurons, 0, n * d);
        min.set("neurons", rows(neurons, d));
        ArrayNode ow = min.putArray("outputWeights");
        for (int i = 0; i < n; i++) {
            ow.add(sol.minimizer()[n * d + i]);
        }
        out.put("kktResidual", sol.kktResidual());
        Cell cell = sol.cell();
        ObjectNode c = out.putObject("cell");
        ArrayNode act = c.putArray("activations");
        for (int[] row : cell.activations()) {
            ArrayNode r = act.addArray();
            for (int a : row) {
                r.add(a);
            }
        }
        ArrayNode signs = c.putArray("signs");
        for (int b : cell.signs()) {
            signs.add(b);
        }
        out.put("method", sol.method());
        out.put("engine", sol.engine());
        out.put("iterations", sol.iterations());
        return out;
    }

    /**
     * Exactly one JSON value from {@code text} (the whole of it): anything after the value (two lines run together) is
     * refused with its column.
     *
     * @throws JsonProcessingException on a syntax error, a repeated key or trailing content
     */
    public static JsonNode readOne(String text) throws IOException {
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            JsonNode node = MAPPER.readTree(p);
            if (node != null && p.nextToken() != null) {
                throw new JsonParseException(p, "unexpected content after the JSON value");
            }
            return node;
        }
    }
}
