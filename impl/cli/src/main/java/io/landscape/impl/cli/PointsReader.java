package io.landscape.impl.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code --points FILE} argument: JSON lines, one point per line {@code {"id": "...", "neurons": [[...], ...]}}
 * (blank lines skipped), or a CSV file ({@code .csv}) holding a single point with one neuron per row. Each point comes
 * back either parsed or with the error that names the file, line and problem, so a caller can report it and go on.
 */
public final class PointsReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    /** One entry of the file: a point, or the reason it could not be read. */
    public static final class Entry {
        public final String id;
        public final double[][] neurons;
        public final String error;
        public final String where;

        Entry(String id, double[][] neurons, String error, String where) {
            this.id = id;
            this.neurons = neurons;
            this.error = error;
            this.where = where;
        }
    }

    private PointsReader() {
    }

    /** Reads all entries (files of points are small: n·d numbers per line). */
    public static List<Entry> read(String spec) {
        Path file = Paths.get(spec);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InputException("--points " + spec + ": no such readable file");
        }
        List<Entry> out = new ArrayList<>();
        if (spec.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            try {
                out.add(new Entry(file.getFileName().toString(), TeacherSpec.readCsvMatrix(file), null, file.toString()));
            } catch (InputException e) {
                out.add(new Entry(file.getFileName().toString(), null, e.getMessage(), file.toString()));
            }
            return out;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file + ":" + number;
                out.add(parseLine(where, line, number));
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new InputException(file + ": no points (the file is empty)");
        }
        return out;
    }

    private static Entry parseLine(String where, String line, int number) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Entry(null, null, where + ": invalid JSON: " + e.getOriginalMessage(), where);
        }
        if (node == null || !node.isObject()) {
            return new Entry(null, null, where + ": expected an object {\"id\": ..., \"neurons\": [[...], ...]}", where);
        }
        JsonNode idNode = node.get("id");
        String id = idNode == null || idNode.isNull() ? "line-" + number : idNode.asText();
        if (!node.has("neurons")) {
            return new Entry(id, null, where + ": point '" + id + "' has no \"neurons\" field", where);
        }
        try {
            return new Entry(id, TeacherSpec.matrix(where + ": point '" + id + "'", node.get("neurons")), null, where);
        } catch (InputException e) {
            return new Entry(id, null, e.getMessage(), where);
        }
    }

    /**
     * The problem with an entry for a teacher of dimension {@code d} given as {@code teacherSpec}, as the one-line
     * message the commands print ("FILE:LINE: point 'id' …"), or null if the entry is a usable point.
     */
    public static String problem(Entry e, int d, String teacherSpec) {
        if (e.error != null) {
            return e.error;
        }
        if (e.neurons.length == 0) {
            return e.where + ": point '" + e.id + "' has no neurons";
        }
        if (e.neurons[0].length != d) {
            return e.where + ": point '" + e.id + "' has neurons of dimension " + e.neurons[0].length
                    + " but the teacher (" + teacherSpec + ") has dimension " + d;
        }
        return null;
    }
}
