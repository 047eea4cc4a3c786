package io.landscape.impl.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code --points FILE} argument: JSON lines, one point per line {@code {"id": "...", "neurons": [[...], ...]}}
 * (blank lines skipped; a point without an id is called {@code line-N} after its line), or a CSV file ({@code .csv})
 * holding a single point with one neuron per row. Each point comes back either parsed or with the error that names
 * the file, line and problem, so a caller can report it and go on. The file must be UTF-8 text; numbers follow
 * {@link TeacherSpec} (finite, decimal literals in CSV); a line with a repeated key or anything after its object is
 * refused.
 */
public final class PointsReader {

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
            String id = file.getFileName().toString();
            try {
                double[][] rows = TeacherSpec.readCsvMatrix(file);
                if (rows.length == 0) {
                    throw new InputException(file + ": no points (the file has no rows)");
                }
                out.add(new Entry(id, rows, null, file.toString()));
            } catch (InputException e) {
                out.add(new Entry(id, null, e.getMessage(), file.toString()));
            }
            return out;
        }
        String text = TeacherSpec.readText(file);
        int number = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            start = end + 1;
            number++;
            if (line.isBlank()) {
                continue;
            }
            out.add(parseLine(file, number, line));
        }
        if (out.isEmpty()) {
            throw new InputException(file + ": no points (the file is empty)");
        }
        return out;
    }

    private static Entry parseLine(Path file, int number, String line) {
        String where = file + ":" + number;
        JsonNode node;
        try {
            node = TeacherSpec.readOne(line);
        } catch (JsonProcessingException e) {
            int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            return new Entry(null, null, where + (column > 0 ? ":" + column : "") + ": invalid JSON: "
                    + TeacherSpec.jsonMessage(e), where);
        } catch (java.io.IOException e) {
            return new Entry(null, null, where + ": cannot read: " + e.getMessage(), where);
        }
        if (node == null || !node.isObject()) {
            return new Entry(null, null, where + ": expected an object {\"id\": ..., \"neurons\": [[...], ...]}", where);
        }
        JsonNode idNode = node.get("id");
        String id;
        if (idNode == null || idNode.isNull()) {
            id = "line-" + number;
        } else if (idNode.isTextual() || idNode.isIntegralNumber()) {
            id = idNode.asText();
            for (int i = 0; i < id.length(); i++) {
                if (Character.isISOControl(id.charAt(i))) {
                    return new Entry(null, null, where + ": \"id\" contains a control character (U+"
                            + String.format("%04X", (int) id.charAt(i)) + ")", where);
                }
            }
        } else {
            return new Entry(null, null, where + ": \"id\" must be a string or an integer, got " + idNode.getNodeType()
                    .toString().toLowerCase(java.util.Locale.ROOT), where);
        }
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
     * The first repeated id among the entries (those that have one), as a message naming both lines, or null if the ids
     * are unique. Ids default to {@code line-N}, so an explicit id "line-3" on another line collides with an unnamed
     * point on line 3.
     */
    public static String duplicateId(List<Entry> entries) {
        Map<String, Entry> seen = new HashMap<>();
        for (Entry e : entries) {
            if (e.id == null) {
                continue;
            }
            Entry first = seen.putIfAbsent(e.id, e);
            if (first != null) {
                return e.where + ": point id '" + e.id + "' was already used at " + first.where
                        + ": ids must be unique within a file (a result is known by its id)";
            }
        }
        return null;
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
