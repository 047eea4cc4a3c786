package io.landscape.impl.basin;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.linsol.svd.SolvePseudoInverseSvd_DDRM;

/**
 * Non-negative least squares min ‖E μ − f‖₂ subject to μ ≥ 0 by the active-set method of Lawson &amp; Hanson
 * (Solving Least Squares Problems, 1974, ch. 23), with least-squares subproblems solved by EJML's SVD
 * pseudo-inverse. Small problems only (E is r×q with r the reduced input dimension).
 */
final class Nnls {
    private Nnls() {
    }

    /**
     * @param e column-major is not used: {@code e[j]} is column j (length rows)
     * @param f right-hand side (length rows)
     * @return μ ≥ 0 (length e.length)
     */
    static double[] solve(double[][] e, double[] f) {
        int q = e.length;
        int rows = f.length;
        double[] x = new double[q];
        if (q == 0) {
            return x;
        }
        boolean[] passive = new boolean[q];
        double[] w = new double[q];
        double scale = 0;
        for (double[] col : e) {
            for (double v : col) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double fscale = 0;
        for (double v : f) {
            fscale = Math.max(fscale, Math.abs(v));
        }
        double tol = 1e-14 * Math.max(1.0, q) * Math.max(scale, 1e-300) * Math.max(fscale, 1e-300);
        for (int outer = 0; outer < 3 * q + 10; outer++) {
            gradient(e, f, x, w);
            int best = -1;
            double bestW = tol;
            for (int j = 0; j < q; j++) {
                if (!passive[j] && w[j] > bestW) {
                    bestW = w[j];
                    best = j;
                }
            }
            if (best < 0) {
                break;
            }
            passive[best] = true;
            for (int inner = 0; inner < 3 * q + 10; inner++) {
                double[] z = leastSquares(e, f, passive, rows);
                boolean allPositive = true;
                double alpha = 1.0;
                for (int j = 0; j < q; j++) {
                    if (passive[j] && z[j] <= 0) {
                        allPositive = false;
                        double denom = x[j] - z[j];
                        if (denom > 0) {
                            alpha = Math.min(alpha, x[j] / denom);
                        } else {
                            alpha = 0;
                        }
                    }
                }
                if (allPositive) {
                    System.arraycopy(z, 0, x, 0, q);
                    break;
                }
                for (int j = 0; j < q; j++) {
                    if (passive[j]) {
                        x[j] += alpha * (z[j] - x[j]);
                        if (x[j] <= 1e-300) {
                            x[j] = 0;
                            passive[j] = false;
                        }
                    }
                }
            }
        }
        return x;
    }

    private static void gradient(double[][] e, double[] f, double[] x, double[] w) {
        int rows = f.length;
        double[] res = f.clone();
        for (int j = 0; j < x.length; j++) {
            if (x[j] != 0) {
                for (int i = 0; i < rows; i++) {
                    res[i] -= e[j][i] * x[j];
                }
            }
        }
        for (int j = 0; j < x.length; j++) {
            double s = 0;
            for (int i = 0; i < rows; i++) {
                s += e[j][i] * res[i];
            }
            w[j] = s;
        }
    }

    private static double[] leastSquares(double[][] e, double[] f, boolean[] passive, int rows) {
        int cnt = 0;
        for (boolean b : passive) {
            if (b) {
                cnt++;
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(rows, cnt);
        int c = 0;
        int[] map = new int[cnt];
        for (int j = 0; j < passive.length; j++) {
            if (passive[j]) {
                for (int i = 0; i < rows; i++) {
                    a.set(i, c, e[j][i]);
                }
                map[c++] = j;
            }
        }
        SolvePseudoInverseSvd_DDRM solver = new SolvePseudoInverseSvd_DDRM();
        solver.setThreshold(1e-12);
        if (!solver.setA(a)) {
            throw new IllegalStateException("NNLS: least-squares subproblem failed");
        }
        DMatrixRMaj sol = new DMatrixRMaj(cnt, 1);
        solver.solve(new DMatrixRMaj(rows, 1, true, f), sol);
        double[] z = new double[passive.length];
        for (int i = 0; i < cnt; i++) {
            z[map[i]] = sol.get(i, 0);
        }
        return z;
    }
}
