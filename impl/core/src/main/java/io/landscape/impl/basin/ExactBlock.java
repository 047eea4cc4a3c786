package io.landscape.impl.basin;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Exact solutions of two kinds of squared-loss blocks, used by the presolve instead of the interior point (each is
 * returned with its multipliers, and the caller certifies it like any other solution):
 * <ul>
 *   <li><b>r = m</b> (the block's examples are linearly independent): u_g = X̃ξ_g ranges over all of R^m, the
 *       constraints are sign constraints c_{gt}u_{gt} ≥ 0 and the program separates over the examples (package
 *       documentation, "Closed form"): for a covered example t one covering group carries u_{gt} = y_t and every other
 *       u_{·t} is 0; an uncovered one has p_t = 0. Multipliers: μ_{gt} = 2·scale·(p_t − y_t)·c_{gt} for active (g, t),
 *       0 otherwise (≥ 0 exactly when t is uncovered, where p_t − y_t = −y_t and c_{gt}y_t &lt; 0). ξ_g = X̃⁻¹u_g.</li>
 *   <li><b>r = 1</b> (all examples on one line, e.g. singleton data): each ξ_g is a scalar whose sign s_g the (strictly
 *       feasible) start fixes, so with u_g = s_gξ_g ≥ 0 the program is non-negative least squares min scale·‖Au − y‖²,
 *       A_{tg} = 1[a_{gt} = +1]·x̃_t·s_g ({@link Nnls}); its gradient w = ∂f/∂u ≥ 0 is carried by one constraint per
 *       group, μ_{gt} = w_g / |x̃_t| for the t with the largest |x̃_t|.</li>
 * </ul>
 */
final class ExactBlock {
    private ExactBlock() {
    }

    /** Whether {@link #solve} applies to the block (squared loss only; the caller checks the loss). */
    static boolean applies(Block b) {
        return b.r == b.m || b.r == 1;
    }

    /** {ξ, μ} or null if the block is degenerate (a zero feature row, a singular system). */
    static double[][] solve(Block b) {
        return b.r == b.m ? fullRank(b) : line(b);
    }

    private static double[][] fullRank(Block b) {
        int m = b.m;
        int k = b.groups;
        double[] u = new double[k * m];
        double[] p = new double[m];
        for (int t = 0; t < m; t++) {
            for (int g = 0; g < k; g++) {
                if (b.active[g * m + t] && b.sign[g * m + t] * b.y[t] >= 0) {
                    u[g * m + t] = b.y[t];
                    p[t] = b.y[t];
                    break;
                }
            }
        }
        double[] mu = new double[k * m];
        for (int g = 0; g < k; g++) {
            for (int t = 0; t < m; t++) {
                if (b.active[g * m + t]) {
                    mu[g * m + t] = 2 * b.scale * (p[t] - b.y[t]) * b.sign[g * m + t];
                }
            }
        }
        // ξ_g = X̃⁻¹ u_g for every group at once: X̃ Ξ = U (m×m times m×k)
        DMatrixRMaj x = new DMatrixRMaj(m, m, true, b.xt);
        DMatrixRMaj rhs = new DMatrixRMaj(m, k);
        for (int g = 0; g < k; g++) {
            for (int t = 0; t < m; t++) {
                rhs.set(t, g, u[g * m + t]);
            }
        }
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(m);
        if (!lu.setA(x)) {
            return null;
        }
        DMatrixRMaj sol = new DMatrixRMaj(m, k);
        lu.solve(rhs, sol);
        double[] xi = new double[k * m];
        for (int g = 0; g < k; g++) {
            for (int j = 0; j < m; j++) {
                xi[g * m + j] = sol.get(j, g);
            }
        }
        return new double[][] {xi, mu};
    }

    private static double[][] line(Block b) {
        int m = b.m;
        int k = b.groups;
        double[] s = new double[k];
        for (int g = 0; g < k; g++) {
            s[g] = Math.signum(b.start[g]);
            if (s[g] == 0) {
                return null;
            }
        }
        double[][] cols = new double[k][m];
        for (int g = 0; g < k; g++) {
            for (int t = 0; t < m; t++) {
                cols[g][t] = b.active[g * m + t] ? b.xt[t] * s[g] : 0.0;
            }
        }
        double[] u = Nnls.solve(cols, b.y);
        double[] p = new double[m];
        for (int g = 0; g < k; g++) {
            for (int t = 0; t < m; t++) {
                p[t] += cols[g][t] * u[g];
            }
        }
        double[] xi = new double[k];
        double[] mu = new double[k * m];
        for (int g = 0; g < k; g++) {
            xi[g] = s[g] * u[g];
            double w = 0;
            int best = -1;
            for (int t = 0; t < m; t++) {
                w += 2 * b.scale * (p[t] - b.y[t]) * cols[g][t];
                if (best < 0 || Math.abs(b.xt[t]) > Math.abs(b.xt[best])) {
                    best = t;
                }
            }
            if (w > 0 && b.xt[best] != 0) {
                mu[g * m + best] = w / Math.abs(b.xt[best]);
            }
        }
        return new double[][] {xi, mu};
    }
}
