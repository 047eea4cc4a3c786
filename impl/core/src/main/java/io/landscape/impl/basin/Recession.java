package io.landscape.impl.basin;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The separable part of a cross-entropy block (see the package documentation, "Cross-entropy"): the examples T₊ whose
 * loss can be driven to 0 inside the cell, and one direction d of the cell's cone that does it, from the linear program
 * <pre>
 *   maximise Σ_t u_t   subject to   C d ≥ 0,   σ_t q_t(d) ≥ u_t,   0 ≤ u_t ≤ 1,
 * </pre>
 * q_t(d) = Σ_g s_{gt} ⟨d_g, x̃_t⟩ the change of prediction t along d and σ_t = 2y_t − 1 the direction that lowers
 * ℓ(·, y_t). Any feasible u_t &gt; 0 puts t in T₊ (d is a recession direction improving t), and the sum of directions
 * improving each t ∈ T₊ is feasible with u = 1 on T₊, so at an optimum u_t = 1 exactly on T₊ and q_t(d) = 0 off it.
 * Solved by ojAlgo's linear solver ({@link ExpressionsBasedModel}).
 */
final class Recession {
    /** The direction d (K·r, block variables) and the examples it separates (u_t &gt; ½). */
    record Direction(double[] d, boolean[] separated, int count) {
    }

    static {
        OjAlgoSetup.quiet();
    }

    private Recession() {
    }

    /** The LP's direction, or null when the solver does not report an optimum. */
    static Direction of(Block b) {
        int k = b.groups;
        int r = b.r;
        int m = b.m;
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] d = new Variable[k * r];
        for (int i = 0; i < d.length; i++) {
            d[i] = model.addVariable("d" + i);
        }
        Variable[] u = new Variable[m];
        for (int t = 0; t < m; t++) {
            u[t] = model.addVariable("u" + t).lower(0).upper(1).weight(1);
        }
        for (int g = 0; g < k; g++) {
            for (int t = 0; t < m; t++) {
                Expression e = model.addExpression("c" + g + "_" + t).lower(0);
                double c = b.sign[g * m + t];
                for (int j = 0; j < r; j++) {
                    double a = c * b.xt[t * r + j];
                    if (a != 0.0) {
                        e.set(d[g * r + j], a);
                    }
                }
            }
        }
        for (int t = 0; t < m; t++) {
            double sigma = b.y[t] > 0.5 ? 1.0 : -1.0;
            Expression e = model.addExpression("q" + t).lower(0);
            for (int g = 0; g < k; g++) {
                if (b.active[g * m + t]) {
                    for (int j = 0; j < r; j++) {
                        double a = sigma * b.xt[t * r + j];
                        if (a != 0.0) {
                            e.set(d[g * r + j], a);
                        }
                    }
                }
            }
            e.set(u[t], -1);
        }
        Optimisation.Result res = model.maximise();
        if (!res.getState().isOptimal()) {
            return null;
        }
        double[] dir = new double[k * r];
        for (int i = 0; i < dir.length; i++) {
            dir[i] = res.doubleValue(i);
        }
        boolean[] sep = new boolean[m];
        int count = 0;
        for (int t = 0; t < m; t++) {
            sep[t] = res.doubleValue(k * r + t) > 0.5;
            if (sep[t]) {
                count++;
            }
        }
        return new Direction(dir, sep, count);
    }
}
