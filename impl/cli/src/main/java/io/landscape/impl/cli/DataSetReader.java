package io.landscape.impl.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.landscape.api.empirical.DataSet;
import io.landscape.api.empirical.Loss;

/**
 * Reads a training set from CSV: one example per row, the features then the target, separated by commas (blank lines
 * and lines starting with {@code #} are skipped). Every problem — a missing file, a row with a different number of
 * columns, a value that is not a finite number, a cross-entropy label other than 0 or 1, no examples — is one
 * {@link InputException} naming the file and the line.
 */
final class DataSetReader {
    private DataSetReader() {
    }

    static DataSet read(Path file, Loss loss, boolean bias) {
        List<double[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int width = -1;
        int firstLine = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = in.readLine()) != null) {
                no++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                String[] cells = s.split(",", -1);
                if (cells.length < 2) {
                    throw new InputException(file + ":" + no + ": need at least one feature and a target, found "
                            + cells.length + " column");
                }
                if (width < 0) {
                    width = cells.length;
                    firstLine = no;
                } else if (cells.length != width) {
                    throw new InputException(file + ":" + no + ": " + cells.length + " columns, but line " + firstLine
                            + " has " + width + " (every row is the features then the target)");
                }
                double[] row = new double[cells.length];
                for (int c = 0; c < cells.length; c++) {
                    String v = cells[c].strip();
                    double x;
                    try {
                        x = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new InputException(file + ":" + no + ": column " + (c + 1) + ": '" + v
                                + "' is not a number");
                    }
                    if (!Double.isFinite(x)) {
                        throw new InputException(file + ":" + no + ": column " + (c + 1) + " is " + v
                                + " (values must be finite)");
                    }
                    row[c] = x;
                }
                double target = row[row.length - 1];
                if (loss == Loss.CROSS_ENTROPY && target != 0.0 && target != 1.0) {
                    throw new InputException(file + ":" + no + ": label " + cells[cells.length - 1].strip()
                            + " is out of range (cross-entropy with one output takes the labels 0 and 1)");
                }
                rows.add(row);
                lines.add(no);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new InputException(file + ": no examples (m = 0): expected rows of features then a target");
        }
        double[][] x = new double[rows.size()][];
        double[] y = new double[rows.size()];
        for (int t = 0; t < rows.size(); t++) {
            double[] r = rows.get(t);
            x[t] = java.util.Arrays.copyOf(r, r.length - 1);
            y[t] = r[r.length - 1];
        }
        DataSet data = new DataSet(x, y);
        return bias ? data.withBias() : data;
    }
}
