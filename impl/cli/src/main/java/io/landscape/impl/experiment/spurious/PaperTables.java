package io.landscape.impl.experiment.spurious;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The published numbers of Safran &amp; Shamir 2018 (paper 002), Tables 1 (n = k) and 2 (n = k + 1): percentage of
 * 1000 runs at a spurious local minimum, average λ_min, average objective. Cells of the paper's grid (k ≤ 20,
 * k ≤ n ≤ 20) not listed had no spurious minimum (0 %): k &lt; 6, n ≥ k + 2, and (9, 10).
 */
public final class PaperTables {
    /** One published row. */
    public record Row(int k, int n, double percent, double lambdaMin, double objective) {
    }

    private static final Map<String, Row> ROWS = new LinkedHashMap<>();

    static {
        double[][] t1 = {
            {6, 0.3, 0.0047, 0.025}, {7, 5.5, 0.014, 0.023}, {8, 12.6, 0.021, 0.021}, {9, 21.8, 0.027, 0.02},
            {10, 34.6, 0.03, 0.022}, {11, 45.5, 0.034, 0.022}, {12, 58.5, 0.035, 0.021}, {13, 73, 0.037, 0.022},
            {14, 73.6, 0.038, 0.023}, {15, 80.3, 0.038, 0.024}, {16, 85.1, 0.038, 0.027}, {17, 89.7, 0.039, 0.027},
            {18, 90, 0.039, 0.029}, {19, 93.4, 0.038, 0.031}, {20, 94, 0.038, 0.033}};
        for (double[] r : t1) {
            add((int) r[0], (int) r[0], r[1], r[2], r[3]);
        }
        double[][] t2 = {
            {8, 0.1, 0.0059, 0.021}, {10, 0.1, 0.0057, 0.018}, {11, 0.1, 0.0056, 0.017}, {12, 0.3, 0.0054, 0.016},
            {13, 1.5, 0.0015, 0.038}, {14, 5.5, 0.002, 0.033}, {15, 10.1, 0.004, 0.032}, {16, 18, 0.0055, 0.031},
            {17, 20.9, 0.007, 0.031}, {18, 36.9, 0.0064, 0.028}, {19, 49.1, 0.0077, 0.027}};
        for (double[] r : t2) {
            add((int) r[0], (int) r[0] + 1, r[1], r[2], r[3]);
        }
    }

    private static void add(int k, int n, double pct, double lambda, double objective) {
        ROWS.put(k + "," + n, new Row(k, n, pct, lambda, objective));
    }

    private PaperTables() {
    }

    /** The published row for (k, n); a 0 % row (NaN averages) for other cells of the paper's grid; null outside it. */
    public static Row row(int k, int n) {
        Row r = ROWS.get(k + "," + n);
        if (r != null) {
            return r;
        }
        if (k >= 1 && k <= 20 && n >= k && n <= 20) {
            return new Row(k, n, 0.0, Double.NaN, Double.NaN);
        }
        return null;
    }

    /** Whether (k, n) is one of the 26 rows of Tables 1–2. */
    public static boolean listed(int k, int n) {
        return ROWS.containsKey(k + "," + n);
    }

    /** The 26 listed rows, Table 1 first. */
    public static Iterable<Row> rows() {
        return ROWS.values();
    }
}
