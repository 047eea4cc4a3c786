package io.landscape.impl.certify;

import io.landscape.api.Points;
import io.landscape.api.Problem;
import io.landscape.impl.kernel.ReluClosedForm;
import io.landscape.impl.objective.PairwiseObjective;

/**
 * The two worked examples of paper 002 (§4.3), reconstructed in CATALOGUE §1.3.d / §3.2, one neuron per row (the paper
 * prints neurons as columns), and a small gradient-descent loop for synthetic near-minima.
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

    /** Plain gradient descent with a fixed step, for at most {@code iterations} steps or until ‖∇F‖ ≤ tol. */
    static double[] descend(Problem p, double[] x0, double step, int iterations, double tol) {
        PairwiseObjective f = new PairwiseObjective(p, new ReluClosedForm());
        double[] x = x0.clone();
        double[] g = new double[x.length];
        for (int it = 0; it < iterations; it++) {
            f.valueAndGradient(x, g);
            double s = 0;
            for (double gi : g) {
                s += gi * gi;
            }
            if (Math.sqrt(s) <= tol) {
                break;
            }
            for (int q = 0; q < x.length; q++) {
                x[q] -= step * g[q];
            }
        }
        return x;
    }

    static double[] flat(double[][] w) {
        return Points.flatten(w);
    }
}
