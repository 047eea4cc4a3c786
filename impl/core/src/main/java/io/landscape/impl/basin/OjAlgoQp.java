package io.landscape.impl.basin;

import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * The squared-loss QP of a {@link Block} by ojAlgo's convex (active-set) solver: minimise ½ ξᵀQξ − cᵀξ with
 * Q = 2·scale·MᵀM, c = 2·scale·Mᵀy (M maps ξ to the predictions), subject to −C ξ ≤ 0. Q is dense over all K·r
 * variables and singular (rank ≤ m), so this engine is for comparison and small cells; the multipliers are recomputed
 * by non-negative least squares on the active set of the returned point ({@link FacePolish#multipliers}) so that the
 * certificate does not depend on the library's sign conventions.
 */
final class OjAlgoQp {
    static {
        OjAlgoSetup.quiet();
    }

    private OjAlgoQp() {
    }

    /** {ξ, μ}; throws IllegalStateException when ojAlgo reports no optimum. */
    static double[][] solve(Block b) {
        int k = b.groups;
        int r = b.r;
        int m = b.m;
        int n = k * r;
        int nc = k * m;
        R064Store q = R064Store.FACTORY.make(n, n);
        R064Store c = R064Store.FACTORY.make(n, 1);
        R064Store ai = R064Store.FACTORY.make(nc, n);
        R064Store bi = R064Store.FACTORY.make(nc, 1);
        double f = 2 * b.scale;
        int[] act = new int[k];
        for (int t = 0; t < m; t++) {
            int cnt = 0;
            for (int g = 0; g < k; g++) {
                if (b.active[g * m + t]) {
                    act[cnt++] = g;
                }
            }
            for (int u = 0; u < cnt; u++) {
                int gu = act[u];
                for (int a = 0; a < r; a++) {
                    double xa = f * b.xt[t * r + a];
                    c.add(gu * r + a, 0, xa * b.y[t]);
                    for (int v = 0; v < cnt; v++) {
                        int gv = act[v];
                        for (int bb = 0; bb < r; bb++) {
                            q.add(gu * r + a, gv * r + bb, xa * b.xt[t * r + bb]);
                        }
                    }
                }
            }
        }
        for (int g = 0; g < k; g++) {
            for (int t = 0; t < m; t++) {
                for (int j = 0; j < r; j++) {
                    ai.set(g * m + t, g * r + j, -b.sign[g * m + t] * b.xt[t * r + j]);
                }
            }
        }
        ConvexSolver solver = ConvexSolver.newBuilder().objective(q, c).inequalities(ai, bi).build();
        Optimisation.Result res = solver.solve();
        if (!res.getState().isFeasible()) {
            throw new IllegalStateException("ojAlgo convex solver: " + res.getState());
        }
        double[] xi = new double[n];
        for (int i = 0; i < n; i++) {
            xi[i] = res.doubleValue(i);
        }
        double[] slack = new double[nc];
        b.slacks(xi, slack);
        double big = 0;
        for (double s : slack) {
            big = Math.max(big, Math.abs(s));
        }
        boolean[] active = new boolean[nc];
        for (int i = 0; i < nc; i++) {
            active[i] = slack[i] <= 1e-9 * (1 + big);
        }
        return new double[][] {xi, FacePolish.multipliers(b, xi, active)};
    }
}
