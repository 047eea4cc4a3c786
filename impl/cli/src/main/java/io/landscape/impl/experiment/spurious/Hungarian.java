package io.landscape.impl.experiment.spurious;

import java.util.Arrays;

/** Minimum-cost perfect matching of a square cost matrix (Kuhn–Munkres with potentials, O(m³)). */
final class Hungarian {
    private Hungarian() {
    }

    /**
     * Returns {@code match} with {@code match[row] = column} minimising Σ cost[row][match[row]].
     *
     * @param cost m×m, not modified
     */
    static int[] solve(double[][] cost) {
        int m = cost.length;
        double[] u = new double[m + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1];   // p[col] = row matched to col (1-based), 0 = free
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= m; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] match = new int[m];
        for (int j = 1; j <= m; j++) {
            match[p[j] - 1] = j - 1;
        }
        return match;
    }
}
