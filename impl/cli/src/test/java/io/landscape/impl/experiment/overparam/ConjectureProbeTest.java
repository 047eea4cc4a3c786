package io.landscape.impl.experiment.overparam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.landscape.api.FormulaCheck;
import io.landscape.api.FormulaChecker;
import io.landscape.api.Landscape;
import io.landscape.api.Problem;

/**
 * The Conjecture 1 probe's quadratic form against the project's dense Hessian, and the closed form of gᵀH(w̃)g in the
 * Gram data of g: symbolically (Symja) from the block values at w̃, and numerically against the dense Hessian at w̃.
 */
class ConjectureProbeTest {

    private static double denseForm(int k, int n, double[] w, double[] g) {
        double[] h = Landscape.objective(Problem.identityTeacher(k, k, n)).hessian().evaluate(w);
        int m = w.length;
        double s = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                s += g[i] * h[i * m + j] * g[j];
            }
        }
        return s;
    }

    @Test
    void quadraticFormMatchesTheDenseHessianNearTarget() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int[] km : new int[][] {{2, 2}, {3, 2}, {4, 3}}) {
            int k = km[0];
            int m = km[1];
            int n = k * m;
            double[] wt = ConjectureProbe.target(k, m);
            for (double variance : new double[] {1e-2, 1e-5}) {
                double[] g = ConjectureProbe.sample(rng, k, m, k, variance, false);
                double[] w = wt.clone();
                for (int i = 0; i < w.length; i++) {
                    w[i] += g[i];
                }
                double want = denseForm(k, n, w, g);
                double got = ConjectureProbe.quadraticForm(w, g, n, k, k);
                assertEquals(want, got, 1e-10 * Math.abs(want), "k=" + k + " m=" + m + " var=" + variance);
            }
        }
    }

    @Test
    void quadraticFormMatchesTheDenseHessianAtRandomPoints() {
        SplittableRandom rng = new SplittableRandom(5);
        int k = 3;
        int n = 5;
        double[] w = new double[n * k];
        double[] g = new double[n * k];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextGaussian();
            g[i] = rng.nextGaussian();
        }
        double want = denseForm(k, n, w, g);
        assertEquals(want, ConjectureProbe.quadraticForm(w, g, n, k, k), 1e-11 * Math.abs(want));
    }

    @Test
    void closedFormAtTargetMatchesTheDenseHessianThere() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int[] km : new int[][] {{2, 2}, {3, 3}, {4, 2}}) {
            int k = km[0];
            int m = km[1];
            double[] wt = ConjectureProbe.target(k, m);
            double[] g = ConjectureProbe.sample(rng, k, m, k, 1.0, false);
            double want = denseForm(k, k * m, wt, g);
            assertEquals(want, ConjectureProbe.atTarget(g, k, m, k), 1e-12 * Math.abs(want));
            assertEquals(want, ConjectureProbe.quadraticForm(wt, g, k * m, k, k), 1e-12 * Math.abs(want));
            // lhs − rhs at w̃ = (1/2π)[(tr G)² + ½Σ_{i≠c}(G_ic + G_ci)²] ≥ 0
            assertTrue(want - ConjectureProbe.rhs(g, k, m, k) >= -1e-12);
        }
    }

    /**
     * Symja: Σ_{p,q} g_pᵀ B_pq g_q with the blocks at w̃ (½I on the diagonal and between copies of one target, Lemma
     * 2/8; ¼I + (1/2π)(e_i e_aᵀ + e_a e_iᵀ) between targets i ≠ a, Lemma 7; the diagonal h1 terms cancel, Lemma 6)
     * equals ¼‖g‖² + ¼‖G‖² + (1/2π)[(tr G)² + tr G² − 2ΣG_ii²] — and a wrong coefficient is rejected.
     */
    @Test
    void closedFormIsTheBlockSumSymbolically() {
        FormulaChecker check = Landscape.formulaChecker();
        String[] names = {"a", "b", "c", "f", "p", "q"};
        for (int[] km : new int[][] {{2, 2}, {3, 2}}) {
            int k = km[0];
            int m = km[1];
            int d = k;
            List<FormulaChecker.Vector> vars = new ArrayList<>();
            for (int p = 0; p < k * m; p++) {
                vars.add(new FormulaChecker.Vector(names[p], d));
            }
            StringBuilder blocks = new StringBuilder("0");
            for (int p = 0; p < k * m; p++) {
                for (int q = 0; q < k * m; q++) {
                    int ip = p / m;
                    int iq = q / m;
                    String gp = names[p];
                    String gq = names[q];
                    if (ip == iq) {
                        blocks.append("+1/2*(").append(gp).append('.').append(gq).append(')');
                    } else {
                        blocks.append("+1/4*(").append(gp).append('.').append(gq).append(")+1/(2*Pi)*(")
                                .append(gp).append(ip + 1).append('*').append(gq).append(iq + 1).append('+')
                                .append(gp).append(iq + 1).append('*').append(gq).append(ip + 1).append(')');
                    }
                }
            }
            // G_ic = Σ_j (g_ij)_c
            String[][] gm = new String[k][d];
            for (int i = 0; i < k; i++) {
                for (int c = 0; c < d; c++) {
                    StringBuilder s = new StringBuilder("(0");
                    for (int j = 0; j < m; j++) {
                        s.append('+').append(names[i * m + j]).append(c + 1);
                    }
                    gm[i][c] = s.append(')').toString();
                }
            }
            StringBuilder total = new StringBuilder("0");
            StringBuilder frob = new StringBuilder("0");
            StringBuilder tr = new StringBuilder("0");
            StringBuilder trSq = new StringBuilder("0");
            StringBuilder diagSq = new StringBuilder("0");
            for (int c = 0; c < d; c++) {
                StringBuilder col = new StringBuilder("(0");
                for (int i = 0; i < k; i++) {
                    col.append('+').append(gm[i][c]);
                }
                col.append(')');
                total.append('+').append(col).append("^2");
            }
            for (int i = 0; i < k; i++) {
                for (int c = 0; c < d; c++) {
                    frob.append('+').append(gm[i][c]).append("^2");
                }
                tr.append('+').append(gm[i][i]);
                diagSq.append('+').append(gm[i][i]).append("^2");
                for (int a = 0; a < k; a++) {
                    trSq.append('+').append(gm[i][a]).append('*').append(gm[a][i]);
                }
            }
            String closed = "1/4*(" + total + ")+1/4*(" + frob + ")+1/(2*Pi)*((" + tr + ")^2+(" + trSq + ")-2*("
                    + diagSq + "))";
            FormulaCheck c = check.identity(blocks.toString(), closed, vars, 5, 11);
            assertTrue(c.holds(), c.detail());
            FormulaCheck wrong = check.identity(blocks.toString(), closed.replace("1/(2*Pi)*((", "1/(3*Pi)*(("), vars,
                    5, 11);
            assertFalse(wrong.holds(), wrong.detail());
        }
    }

    @Test
    void cancellingVariantHasZeroGroupSums() {
        double[] g = ConjectureProbe.sample(new SplittableRandom(1), 3, 4, 3, 1e-5, true);
        assertEquals(0.0, ConjectureProbe.rhs(g, 3, 4, 3), 1e-30);
        assertEquals(0.0, ConjectureProbe.atTarget(g, 3, 4, 3), 1e-25);
    }
}
