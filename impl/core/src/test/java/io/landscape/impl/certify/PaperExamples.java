package io.landscape.impl.certify;

import io.landscape.api.Points;

/**
 * The two worked examples of paper 002 (§4.3), reconstructed in CATALOGUE §1.3.d / §3.2, one neuron per row (the paper
 * prints neurons as columns).
 */
final class PaperExamples {
    private PaperExamples() {
    }

    /** Example 1 (k = n = 6), 5-digit values of CATALOGUE §3.2 (neuron 1 = the reconstructed first column). */
    static double[][] example1() {
        double[][] w = new double[6][6];
        w[0] = new double[] {-0.60151, 0.22452, 0.22452, 0.22452, 0.22452, 0.22452};
        for (int j = 1; j < 6; j++) {
            w[j][0] = 0.30801;
            for (int c = 1; c < 6; c++) {
                w[j][c] = c == j ? 0.98670 : -0.05041;
            }
        }
        return w;
    }

    /** Example 2 (k = 8, n = 9), 4-digit values of CATALOGUE §1.3.d. */
    static double[][] example2() {
        double[][] w = new double[9][8];
        for (int j = 0; j < 7; j++) {
            for (int c = 0; c < 7; c++) {
                w[j][c] = c == j ? 0.9841 : -0.0298;
            }
            w[j][7] = 0.2301;
        }
        for (int c = 0; c < 7; c++) {
            w[7][c] = 0.1263;
            w[8][c] = 0.0687;
        }
        w[7][7] = -0.189;
        w[8][7] = -0.4862;
        return w;
    }

    static double[] flat(double[][] w) {
        return Points.flatten(w);
    }
}
