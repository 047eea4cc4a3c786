package io.landscape.impl.basin;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.dense.row.linsol.svd.SolvePseudoInverseSvd_DDRM;

/**
 * The exact finish of a squared-loss block: given a guess A of the active constraints (from the interior-point
 * iterate: s_{gt} &lt; κ λ_{gt}), solve the equality-constrained least-squares problem on that face exactly,
 * <pre>
 *   min ‖Σ_g S_g X̃ N_g ζ_g − y‖²,   ξ_g = N_g ζ_g,   N_g an orthonormal basis of {ξ : ⟨ξ, x̃_t⟩ = 0, t ∈ A_g}
 * </pre>
 * (EJML SVD for the null spaces and a pseudo-inverse for the rank-deficient least squares), then the multipliers
 * μ_g ≥ 0 of the face from ∇_g f = Σ_{t∈A_g} μ_{gt} c_{gt} x̃_t by non-negative least squares. The result is accepted
 * by the caller only if its KKT residual (computed independently) beats the interior-point iterate's.
 */
final class FacePolish {
    private FacePolish() {
    }

    /** Returns {ξ, μ} or null when the face problem cannot be set up. */
    static double[][] polish(Block b, double[] lambda, double[] slack, double kappa) {
        int k = b.groups;
        int r = b.r;
        int m = b.m;
        double[][] bases = new double[k][];
        int[] dims = new int[k];
        int total = 0;
        boolean[] act = new boolean[k * m];
        for (int g = 0; g < k; g++) {
            int cnt = 0;
            for (int t = 0; t < m; t++) {
                if (slack[g * m + t] < kappa * lambda[g * m + t]) {
                    act[g * m + t] = true;
                    cnt++;
                }
            }
            if (cnt == 0) {
                bases[g] = identity(r);
                dims[g] = r;
            } else {
                DMatrixRMaj rows = new DMatrixRMaj(Math.max(cnt, r), r);
                int c = 0;
                for (int t = 0; t < m; t++) {
                    if (act[g * m + t]) {
                        for (int j = 0; j < r; j++) {
                            rows.set(c, j, b.xt[t * r + j]);
                        }
                        c++;
                    }
                }
                SingularValueDecomposition_F64<DMatrixRMaj> svd =
                        DecompositionFactory_DDRM.svd(rows.numRows, r, false, true, false);
                if (!svd.decompose(rows)) {
                    return null;
                }
                double[] sv = svd.getSingularValues();
                DMatrixRMaj vt = svd.getV(null, true);
                double smax = 0;
                for (double v : sv) {
                    smax = Math.max(smax, v);
                }
                double tol = 1e-10 * Math.max(smax, 1e-300);
                int nullDim = 0;
                boolean[] isNull = new boolean[r];
                for (int j = 0; j < r; j++) {
                    double v = j < sv.length ? sv[j] : 0.0;
                    if (v <= tol) {
                        isNull[j] = true;
                        nullDim++;
                    }
                }
                double[] basis = new double[r * nullDim];
                int col = 0;
                for (int j = 0; j < r; j++) {
                    if (isNull[j]) {
                        for (int a = 0; a < r; a++) {
                            basis[a * nullDim + col] = vt.get(j, a);
                        }
                        col++;
                    }
                }
                bases[g] = basis;
                dims[g] = nullDim;
            }
            total += dims[g];
        }
        double[] xi = new double[k * r];
        if (total > 0) {
            DMatrixRMaj a = new DMatrixRMaj(m, total);
            int off = 0;
            for (int g = 0; g < k; g++) {
                int kg = dims[g];
                for (int t = 0; t < m; t++) {
                    if (!b.active[g * m + t]) {
                        continue;
                    }
                    for (int c = 0; c < kg; c++) {
                        double s = 0;
                        for (int j = 0; j < r; j++) {
                            s += b.xt[t * r + j] * bases[g][j * kg + c];
                        }
                        a.set(t, off + c, s);
                    }
                }
                off += kg;
            }
            SolvePseudoInverseSvd_DDRM ls = new SolvePseudoInverseSvd_DDRM();
            ls.setThreshold(1e-12);
            if (!ls.setA(a)) {
                return null;
            }
            DMatrixRMaj zeta = new DMatrixRMaj(total, 1);
            ls.solve(new DMatrixRMaj(m, 1, true, b.y), zeta);
            off = 0;
            for (int g = 0; g < k; g++) {
                int kg = dims[g];
                for (int j = 0; j < r; j++) {
                    double s = 0;
                    for (int c = 0; c < kg; c++) {
                        s += bases[g][j * kg + c] * zeta.get(off + c, 0);
                    }
                    xi[g * r + j] = s;
                }
                off += kg;
            }
        }
        return new double[][] {xi, multipliers(b, xi, act)};
    }

    /**
     * The multipliers μ ≥ 0 of the squared-loss block at ξ with active set {@code act}: for each group, the
     * non-negative least-squares fit of ∇_g f = Σ_{t active} μ_{gt} c_{gt} x̃_t (zero off the active set).
     */
    static double[] multipliers(Block b, double[] xi, boolean[] act) {
        int k = b.groups;
        int r = b.r;
        int m = b.m;
        double[] p = new double[m];
        b.predictions(xi, p);
        double[] mu = new double[k * m];
        for (int g = 0; g < k; g++) {
            double[] grad = new double[r];
            for (int t = 0; t < m; t++) {
                if (b.active[g * m + t]) {
                    double c = 2 * b.scale * (p[t] - b.y[t]);
                    for (int j = 0; j < r; j++) {
                        grad[j] += c * b.xt[t * r + j];
                    }
                }
            }
            int cnt = 0;
            for (int t = 0; t < m; t++) {
                if (act[g * m + t]) {
                    cnt++;
                }
            }
            double[][] cols = new double[cnt][];
            int[] which = new int[cnt];
            int c = 0;
            for (int t = 0; t < m; t++) {
                if (act[g * m + t]) {
                    cols[c] = new double[r];
                    for (int j = 0; j < r; j++) {
                        cols[c][j] = b.sign[g * m + t] * b.xt[t * r + j];
                    }
                    which[c++] = t;
                }
            }
            double[] sol = Nnls.solve(cols, grad);
            for (int i = 0; i < cnt; i++) {
                mu[g * m + which[i]] = sol[i];
            }
        }
        return mu;
    }

    private static double[] identity(int r) {
        double[] out = new double[r * r];
        for (int i = 0; i < r; i++) {
            out[i * r + i] = 1;
        }
        return out;
    }
}
