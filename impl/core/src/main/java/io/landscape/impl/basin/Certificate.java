package io.landscape.impl.basin;

import io.landscape.api.empirical.Cell;
import io.landscape.api.empirical.DataSet;
import io.landscape.api.empirical.EmpiricalProblem;
import io.landscape.api.empirical.Loss;
import io.landscape.impl.empirical.ScalarLoss;

/**
 * The KKT residual of the cell program min_Z (1/m) Σ_t ℓ(Σ_i s_{it} ⟨z_i, x_t⟩, y_t) s.t. c_{it} ⟨z_i, x_t⟩ ≥ 0
 * (s_{it} = 1[a_{it} = +1], c_{it} = b_i a_{it}) at a point Z with multipliers μ: the largest of
 * <ul>
 *   <li>stationarity ‖∇_{z_i} f − Σ_t μ_{it} c_{it} x_t‖_∞ over the neurons,</li>
 *   <li>primal infeasibility max(0, −c_{it}⟨z_i, x_t⟩),</li>
 *   <li>dual infeasibility max(0, −μ_{it}),</li>
 *   <li>complementarity |μ_{it} c_{it} ⟨z_i, x_t⟩|.</li>
 * </ul>
 * For a convex program these conditions with all four at zero are sufficient for optimality.
 */
final class Certificate {
    private Certificate() {
    }

    /** The residual in the original variables (z_i ∈ R^d, row-major n×d) with μ row-major n×m. */
    static double residual(EmpiricalProblem problem, Cell cell, double[] z, double[] mu) {
        DataSet data = problem.data();
        int m = data.size();
        int d = data.dimension();
        int n = cell.neurons();
        double[] x = data.featuresRowMajor();
        double[] u = new double[n * m];
        double[] p = new double[m];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < m; t++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += z[i * d + j] * x[t * d + j];
                }
                u[i * m + t] = s;
                if (cell.activation(i, t) > 0) {
                    p[t] += s;
                }
            }
        }
        double worst = 0;
        double[] g = new double[d];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(g, 0.0);
            for (int t = 0; t < m; t++) {
                double c = cell.sign(i) * cell.activation(i, t);
                double coef = -mu[i * m + t] * c;
                if (cell.activation(i, t) > 0) {
                    coef += ScalarLoss.first(problem.loss(), p[t], data.target(t)) / m;
                }
                for (int j = 0; j < d; j++) {
                    g[j] += coef * x[t * d + j];
                }
                double slack = c * u[i * m + t];
                worst = Math.max(worst, Math.max(0, -slack));
                worst = Math.max(worst, Math.max(0, -mu[i * m + t]));
                worst = Math.max(worst, Math.abs(mu[i * m + t] * slack));
            }
            for (int j = 0; j < d; j++) {
                worst = Math.max(worst, Math.abs(g[j]));
            }
        }
        return worst;
    }

    /** The same residual for a block in its reduced variables. */
    static double blockResidual(Block b, Loss loss, double[] xi, double[] mu) {
        int m = b.m;
        int r = b.r;
        double[] p = new double[m];
        b.predictions(xi, p);
        double[] slack = new double[b.constraints()];
        b.slacks(xi, slack);
        double worst = 0;
        double[] g = new double[r];
        for (int gr = 0; gr < b.groups; gr++) {
            java.util.Arrays.fill(g, 0.0);
            for (int t = 0; t < m; t++) {
                int i = gr * m + t;
                double coef = -mu[i] * b.sign[i];
                if (b.active[i]) {
                    coef += b.scale * ScalarLoss.first(loss, p[t], b.y[t]);
                }
                for (int j = 0; j < r; j++) {
                    g[j] += coef * b.xt[t * r + j];
                }
                worst = Math.max(worst, Math.max(0, -slack[i]));
                worst = Math.max(worst, Math.max(0, -mu[i]));
                worst = Math.max(worst, Math.abs(mu[i] * slack[i]));
            }
            for (int j = 0; j < r; j++) {
                worst = Math.max(worst, Math.abs(g[j]));
            }
        }
        return worst;
    }
}
