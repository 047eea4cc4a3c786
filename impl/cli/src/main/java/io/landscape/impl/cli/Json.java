package io.landscape.impl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.experiment.JsonCodec;

/** The commands' short name for {@link JsonCodec}, the one JSON codec (same mapper, same conventions). */
public final class Json {
    /** {@link JsonCodec#MAPPER}. */
    public static final ObjectMapper MAPPER = JsonCodec.MAPPER;

    private Json() {
    }

    public static ObjectNode object() {
        return JsonCodec.object();
    }

    /** {@link JsonCodec#rows(double[], int)}. */
    public static ArrayNode rows(double[] flat, int cols) {
        return JsonCodec.rows(flat, cols);
    }

    /** {@link JsonCodec#rows(double[][])}. */
    public static ArrayNode rows(double[][] m) {
        return JsonCodec.rows(m);
    }

    /** {@link JsonCodec#number}: {@code o.key = v}, or {@code null} where v is not finite. */
    public static void number(ObjectNode o, String key, double v) {
        JsonCodec.number(o, key, v);
    }

    /** {@link JsonCodec#finiteRows}. */
    public static ArrayNode finiteRows(double[] flat, int cols) {
        return JsonCodec.finiteRows(flat, cols);
    }

    /** {@link JsonCodec#line}. */
    public static String line(ObjectNode node) {
        return JsonCodec.line(node);
    }
}
