package io.landscape.impl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON helpers shared by the commands (Jackson writes doubles in shortest round-trip form). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A flat row-major array as an array of rows of length {@code cols}. */
    public static ArrayNode rows(double[] flat, int cols) {
        ArrayNode out = MAPPER.createArrayNode();
        for (int i = 0; i < flat.length; i += cols) {
            ArrayNode row = out.addArray();
            for (int j = 0; j < cols; j++) {
                row.add(flat[i + j]);
            }
        }
        return out;
    }

    public static ArrayNode rows(double[][] m) {
        ArrayNode out = MAPPER.createArrayNode();
        for (double[] r : m) {
            ArrayNode row = out.addArray();
            for (double x : r) {
                row.add(x);
            }
        }
        return out;
    }

    /** {@code o.key = v}, or {@code null} where v is not finite (JSON has no NaN or infinity). */
    public static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /** As {@link #rows(double[], int)}, with {@code null} for non-finite entries. */
    public static ArrayNode finiteRows(double[] flat, int cols) {
        ArrayNode out = MAPPER.createArrayNode();
        for (int i = 0; i < flat.length; i += cols) {
            ArrayNode row = out.addArray();
            for (int j = 0; j < cols; j++) {
                if (Double.isFinite(flat[i + j])) {
                    row.add(flat[i + j]);
                } else {
                    row.addNull();
                }
            }
        }
        return out;
    }

    public static String line(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
