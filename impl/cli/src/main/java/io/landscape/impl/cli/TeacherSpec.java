package io.landscape.impl.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.landscape.api.Problem;

/**
 * The {@code --teacher SPEC} argument: {@code identity:K} (K×K identity, d = K), {@code identity:K:D} (padded to
 * d = D ≥ K), or a CSV file (one neuron per row) or JSON file ({@code [[...], ...]} or {@code {"neurons": [[...]]}}).
 */
public final class TeacherSpec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TeacherSpec() {
    }

    public static double[][] parse(String spec) {
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
            return Problem.identity(k, d);
        }
        Path file = Paths.get(spec);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InputException("--teacher " + spec + ": no such readable file (and not identity:K or identity:K:D)");
        }
        double[][] rows = spec.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? readJsonMatrix(file)
                : readCsvMatrix(file);
        if (rows.length == 0) {
            throw new InputException(file + ": no teacher neurons (the file has no rows)");
        }
        return rows;
    }

    private static int positive(String spec, String name, String text) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v < 1) {
                throw new InputException("--teacher " + spec + ": " + name + " must be at least 1, got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException("--teacher " + spec + ": " + name + " is not an integer: '" + text + "'");
        }
    }

    /** A CSV file with one neuron per row; '#' starts a comment line. Checks finiteness and equal row lengths. */
    public static double[][] readCsvMatrix(Path file) {
        List<double[]> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreSurroundingSpaces(true)
                     .setIgnoreEmptyLines(true).build().parse(in)) {
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
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new InputException(file + ": cannot read CSV: " + e.getMessage(), e);
        }
        return rows.toArray(new double[0][]);
    }

    static double number(String where, String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InputException(where + ": not a number: '" + text + "'");
        }
        if (!Double.isFinite(v)) {
            throw new InputException(where + ": " + text + " is not finite");
        }
        return v;
    }

    private static double[][] readJsonMatrix(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": invalid JSON: " + e.getMessage(), e);
        }
        if (root != null && root.isObject()) {
            root = root.has("neurons") ? root.get("neurons") : root.get("teacher");
        }
        return matrix(file.toString(), root);
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
                double v;
                if (x.isNumber()) {
                    v = x.asDouble();
                } else if (x.isTextual()) {
                    v = Double.NaN; // "NaN", "Infinity" etc. are rejected below
                    try {
                        v = Double.parseDouble(x.asText());
                    } catch (NumberFormatException ignore) {
                        throw new InputException(where + ": neuron " + (i + 1) + ", coordinate " + (c + 1)
                                + " is not a number: " + x);
                    }
                } else {
                    throw new InputException(where + ": neuron " + (i + 1) + ", coordinate " + (c + 1)
                            + " is not a number: " + x);
                }
                if (!Double.isFinite(v)) {
                    throw new InputException(where + ": neuron " + (i + 1) + ", coordinate " + (c + 1) + " is " + x
                            + " (must be finite)");
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
