package io.landscape.impl.experiment.spurious;

import java.util.Arrays;
import java.util.Comparator;

import io.landscape.impl.linalg.SmallMatrices;

/**
 * The symmetry group of the identity-teacher problem (v_j = e_j, d = k): F(W) is unchanged by permuting the n
 * neurons (rows of the n×k matrix W) and, simultaneously, permuting the k coordinates (columns) — which maps the teacher
 * set onto itself. Points related by such a (P, Q) are one family.
 *
 * <p>{@link #canonical} picks a deterministic representative: columns sorted by their sorted entries, then rows
 * sorted lexicographically. Ties (symmetric neurons, e.g. the five equal-up-to-permutation neurons of Example 1) make
 * sorting alone ambiguous, so membership is decided by {@link #distance}: the Frobenius distance min ‖A − P B Q‖ after
 * aligning B to A by alternating optimal assignments (Hungarian algorithm) of rows given columns and columns given
 * rows, started from the signature order and from its transpose order. The distance it returns is always achieved by
 * an explicit (P, Q), so it is an upper bound; two points it calls close are genuinely equivalent within that
 * distance.
 */
public final class Symmetry {
    private Symmetry() {
    }

    /**
     * The canonical representative of W (n rows of k), a new array: columns sorted by their sorted entries, then rows
     * without a clear largest entry first, the others by the column of their largest entry (so neurons close to a
     * teacher line up on the diagonal), ties lexicographically.
     */
    public static double[][] canonical(double[][] w) {
        int n = w.length;
        int k = w[0].length;
        Integer[] cols = new Integer[k];
        for (int c = 0; c < k; c++) {
            cols[c] = c;
        }
        double[][] colSig = columnSignatures(w);
        Arrays.sort(cols, Comparator.comparing((Integer c) -> colSig[c], Symmetry::lexicographic));
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                out[i][c] = w[i][cols[c]];
            }
        }
        Arrays.sort(out, Comparator.comparingInt(Symmetry::clearArgmax).thenComparing(Symmetry::lexicographic));
        return out;
    }

    /** Index of the row's largest entry if it exceeds the runner-up by more than 10⁻⁶, else −1. */
    private static int clearArgmax(double[] row) {
        int best = -1;
        double top = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < row.length; c++) {
            if (row[c] > top) {
                second = top;
                top = row[c];
                best = c;
            } else if (row[c] > second) {
                second = row[c];
            }
        }
        return row.length == 1 || top - second > 1e-6 ? best : -1;
    }

    private static int lexicographic(double[] a, double[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = Double.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** Sorted entries of W: a cheap invariant (equal for equivalent points). */
    public static double[] sortedEntries(double[][] w) {
        int n = w.length;
        int k = w[0].length;
        double[] s = new double[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(w[i], 0, s, i * k, k);
        }
        Arrays.sort(s);
        return s;
    }

    /**
     * An upper bound on min over permutations (P of rows, Q of columns) of ‖a − P b Q‖_F, exact whenever the alternating
     * assignment finds the optimum (always, in practice, for points within the merge tolerance).
     */
    public static double distance(double[][] a, double[][] b) {
        int n = a.length;
        int k = a[0].length;
        if (b.length != n || b[0].length != k) {
            throw new IllegalArgumentException("shapes differ: " + n + "×" + k + " vs " + b.length + "×" + b[0].length);
        }
        double best = Double.POSITIVE_INFINITY;
        // start 1: columns matched by their sorted entries
        best = Math.min(best, alternate(a, b, columnsBySignature(a, b)));
        // start 2: rows matched by their sorted entries, then columns given rows
        int[] rows = rowsBySignature(a, b);
        best = Math.min(best, alternate(a, b, columnsGivenRows(a, b, rows)));
        return best;
    }

    /**
     * Whether b is within {@code tol} of an explicit permuted copy of a: first one round of {@link #distance}'s first
     * start (columns matched by their sorted entries, rows given those columns) — a quarter of the cost, and enough
     * for points that are equivalent up to tiny differences unless ties among the columns' sorted entries fool the
     * column match — then, if that round does not get within {@code tol}, the full {@link #distance}. A true answer is
     * always backed by an explicit (P, Q).
     */
    public static boolean within(double[][] a, double[][] b, double tol) {
        int[] cols = columnsBySignature(a, b);
        return aligned(a, b, rowsGivenColumns(a, b, cols), cols) <= tol || distance(a, b) <= tol;
    }

    private static double alternate(double[][] a, double[][] b, int[] colOf) {
        double best = Double.POSITIVE_INFINITY;
        int[] cols = colOf;
        for (int it = 0; it < 20; it++) {
            int[] rows = rowsGivenColumns(a, b, cols);
            int[] nextCols = columnsGivenRows(a, b, rows);
            double dist = aligned(a, b, rows, nextCols);
            if (!(dist < best - 1e-15)) {
                best = Math.min(best, dist);
                break;
            }
            best = dist;
            cols = nextCols;
        }
        return best;
    }

    /** ‖a − b aligned‖ where a's row i ↔ b's row rows[i] and a's column c ↔ b's column cols[c]. */
    static double aligned(double[][] a, double[][] b, int[] rows, int[] cols) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double[] bi = b[rows[i]];
            for (int c = 0; c < a[0].length; c++) {
                double e = a[i][c] - bi[cols[c]];
                s += e * e;
            }
        }
        return Math.sqrt(s);
    }

    private static int[] rowsGivenColumns(double[][] a, double[][] b, int[] cols) {
        int n = a.length;
        double[][] cost = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < cols.length; c++) {
                    double e = a[i][c] - b[j][cols[c]];
                    s += e * e;
                }
                cost[i][j] = s;
            }
        }
        return Hungarian.solve(cost);
    }

    private static int[] columnsGivenRows(double[][] a, double[][] b, int[] rows) {
        int k = a[0].length;
        double[][] cost = new double[k][k];
        for (int c = 0; c < k; c++) {
            for (int e = 0; e < k; e++) {
                double s = 0;
                for (int i = 0; i < a.length; i++) {
                    double t = a[i][c] - b[rows[i]][e];
                    s += t * t;
                }
                cost[c][e] = s;
            }
        }
        return Hungarian.solve(cost);
    }

    private static int[] columnsBySignature(double[][] a, double[][] b) {
        return Hungarian.solve(squaredDistances(columnSignatures(a), columnSignatures(b)));
    }

    private static int[] rowsBySignature(double[][] a, double[][] b) {
        return Hungarian.solve(squaredDistances(rowSignatures(a), rowSignatures(b)));
    }

    /** cost[i][j] = ‖sa_i − sb_j‖². */
    private static double[][] squaredDistances(double[][] sa, double[][] sb) {
        double[][] cost = new double[sa.length][sb.length];
        for (int i = 0; i < sa.length; i++) {
            for (int j = 0; j < sb.length; j++) {
                double dist = SmallMatrices.distance(sa[i], sb[j]);
                cost[i][j] = dist * dist;
            }
        }
        return cost;
    }

    /** Each row's entries, sorted. */
    private static double[][] rowSignatures(double[][] w) {
        double[][] s = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            s[i] = w[i].clone();
            Arrays.sort(s[i]);
        }
        return s;
    }

    /** Each column's entries, sorted. */
    private static double[][] columnSignatures(double[][] w) {
        int n = w.length;
        int k = w[0].length;
        double[][] s = new double[k][n];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                s[c][i] = w[i][c];
            }
            Arrays.sort(s[c]);
        }
        return s;
    }
}
