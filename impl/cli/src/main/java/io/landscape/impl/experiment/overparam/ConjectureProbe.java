package io.landscape.impl.experiment.overparam;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.experiment.JsonCodec;
import io.landscape.impl.experiment.AtomicFiles;
import io.landscape.impl.optim.Initialization;

/**
 * The probe of Conjecture 1 (paper 000 App. D.1, Table 1) around w̃_ij = v_i/m, teacher v_i = e_i in R^d with
 * <b>d = k</b>, n = m·k students, neuron (i, j) ↦ index i·m + j.
 *
 * <h2>What is computed</h2>
 * For a perturbation g (g_ij ∈ R^d), w = w̃ + g, with g_i = Σ_j g_ij and the total g = Σ_i g_i:
 * <pre>
 *   lhs = (w − w̃)ᵀ ∇²F(w) (w − w̃)                    (the unnormalised curvature; F in the ½ convention: ½E[(…)²])
 *   rhs = ¼(‖g‖² + (1 − 2/π) Σ_i ‖g_i‖²)              (Conjecture 1 without the O(ε^2.5) term)
 * </pre>
 * and reports, over the samples, min lhs, min (lhs − rhs), the number of samples with lhs − rhs &gt; 0, and
 * min lhs/‖w − w̃‖² (the normalised curvature, a Rayleigh quotient). The quadratic form is evaluated directly from the
 * closed-form blocks, O(n²d) per sample (no dense Hessian):
 * <pre>
 *   H_pp = ½I + Σ_{q≠p} h1(w_p, w_q) − Σ_l h1(w_p, v_l),   H_pq = h2(w_p, w_q),
 *   h1(w, v) = ‖v‖ sin θ/(2π‖w‖) · (I − w̄w̄ᵀ + n̄n̄ᵀ),
 *   h2(w, v) = (1/2π)[(π − θ)I + sin θ (w̄v̄ᵀ + n̄m̄ᵀ)],
 * </pre>
 * n̄ the unit vector ⊥ w toward v, m̄ the unit vector ⊥ v toward w (θ = 0: h1 = 0, h2 = ½I, Lemma 2); the test
 * {@code ConjectureProbeTest} checks this against the project's dense Hessian.
 *
 * <h2>The exact form at w̃</h2>
 * At w̃ the cross-target h1 terms cancel (Lemma 6) and, with G the k×d matrix of rows g_i,
 * <pre>
 *   gᵀH(w̃)g = ¼‖g‖² + ¼‖G‖_F² + (1/2π)[(tr G)² + tr(G²) − 2 Σ_i G_ii²]
 *   lhs − rhs at w̃ = (1/2π)[(tr G)² + ½ Σ_{i≠c} (G_ic + G_ci)²] ≥ 0
 * </pre>
 * (only the Gram data ⟨g_i, g_a⟩, ⟨g_i, v_a⟩ enter; derivation in docs/mild-overparameterization/README.md, checked
 * symbolically with Symja by {@code ConjectureProbeTest}). So the quadratic part of Conjecture 1 holds exactly; lhs − rhs
 * is of order σ² for Gaussian g and is pure higher order (≈ σ³) for the cancelling variant g_{i,1} = −Σ_{j≥2} g_ij
 * (every g_i = 0, so G = 0 and rhs = 0).
 *
 * <h2>Samples</h2>
 * Table 1's setting: 1000 samples per (k, m), entries of g_ij i.i.d. N(0, σ²) with σ² = 10⁻⁵ ("variance 10⁻⁵"),
 * and the cancelling variant; plus a scaling table over σ² ∈ {10⁻⁷ … 10⁻³} (200 samples each).
 */
public final class ConjectureProbe {
    static final int[] KS = {5, 10, 20};
    static final int[] MS = {2, 5, 10};
    static final double VARIANCE = 1e-5;
    static final int SAMPLES = 1000;
    /** Table 1 of the paper: Gaussian, cancelling, for (k, m) in the order of KS × MS. */
    static final double[][] TABLE1 = {{0.84, 2.27e-4}, {2.43, 0.00754}, {5.43, 0.0693}, {12.7, 0.0037},
        {43.1, 0.088}, {62.3, 0.733}, {88.6, 0.0318}, {231, 0.67}, {412, 5.15}};

    private ConjectureProbe() {
    }

    /** Statistics over samples. */
    public record Stats(int k, int m, boolean cancelling, double variance, int samples, double minLhs, double minDiff,
                        int positive, double minNormalised, double minLhsAtTarget) {
    }

    /** w̃ (flat n·d, d = k). */
    static double[] target(int k, int m) {
        return PerturbedGdExperiment.target(k, m);
    }

    /** gᵀ∇²F(w)g for the identity teacher in R^d (v_l = e_l, l &lt; k), n neurons of w, from the closed-form blocks. */
    public static double quadraticForm(double[] w, double[] g, int n, int d, int k) {
        double[] norm = new double[n];
        for (int p = 0; p < n; p++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                s += w[p * d + c] * w[p * d + c];
            }
            norm[p] = Math.sqrt(s);
        }
        double[] nbar = new double[d];
        double[] mbar = new double[d];
        double total = 0;
        for (int p = 0; p < n; p++) {
            int op = p * d;
            double gp2 = 0;
            double gw = 0;
            for (int c = 0; c < d; c++) {
                gp2 += g[op + c] * g[op + c];
                gw += g[op + c] * w[op + c] / norm[p];
            }
            total += 0.5 * gp2;
            // h1 terms of the diagonal block: + students, − teachers
            for (int q = 0; q < n; q++) {
                if (q == p) {
                    continue;
                }
                double sin = unitNormal(w, op, norm[p], w, q * d, norm[q], d, nbar);
                if (sin == 0) {
                    continue;
                }
                double gn = 0;
                for (int c = 0; c < d; c++) {
                    gn += g[op + c] * nbar[c];
                }
                total += norm[q] * sin / (2 * Math.PI * norm[p]) * (gp2 - gw * gw + gn * gn);
            }
            for (int l = 0; l < k; l++) {
                double cos = w[op + l] / norm[p];
                double s2 = 0;
                for (int c = 0; c < d; c++) {
                    double e = (c == l ? 1.0 : 0.0) - cos * w[op + c] / norm[p];
                    nbar[c] = e;
                    s2 += e * e;
                }
                double sin = Math.sqrt(s2);
                if (sin == 0) {
                    continue;
                }
                double gn = 0;
                for (int c = 0; c < d; c++) {
                    gn += g[op + c] * nbar[c] / sin;
                }
                total -= sin / (2 * Math.PI * norm[p]) * (gp2 - gw * gw + gn * gn);
            }
            // off-diagonal blocks h2(w_p, w_q)
            for (int q = 0; q < n; q++) {
                if (q == p) {
                    continue;
                }
                int oq = q * d;
                double sin = unitNormal(w, op, norm[p], w, oq, norm[q], d, nbar);
                unitNormal(w, oq, norm[q], w, op, norm[p], d, mbar);
                double cos = 0;
                double gpq = 0;
                double gpw = 0;
                double gqv = 0;
                double gpn = 0;
                double gqm = 0;
                for (int c = 0; c < d; c++) {
                    double wb = w[op + c] / norm[p];
                    double vb = w[oq + c] / norm[q];
                    cos += wb * vb;
                    gpq += g[op + c] * g[oq + c];
                    gpw += g[op + c] * wb;
                    gqv += g[oq + c] * vb;
                    gpn += g[op + c] * nbar[c];
                    gqm += g[oq + c] * mbar[c];
                }
                double theta = Math.atan2(sin, cos);
                total += ((Math.PI - theta) * gpq + sin * (gpw * gqv + gpn * gqm)) / (2 * Math.PI);
            }
        }
        return total;
    }

    /**
     * The unit vector ⊥ a toward b into {@code out} (zero if a ∥ b) and sin of the angle between a and b (from the
     * orthogonal part, accurate for nearly parallel vectors).
     */
    private static double unitNormal(double[] x, int oa, double na, double[] y, int ob, double nb, int d,
                                     double[] out) {
        double cos = 0;
        for (int c = 0; c < d; c++) {
            cos += x[oa + c] * y[ob + c];
        }
        cos /= na * nb;
        double s2 = 0;
        for (int c = 0; c < d; c++) {
            double e = y[ob + c] / nb - cos * x[oa + c] / na;
            out[c] = e;
            s2 += e * e;
        }
        double sin = Math.sqrt(s2);
        for (int c = 0; c < d; c++) {
            out[c] = sin == 0 ? 0 : out[c] / sin;
        }
        return sin;
    }

    /** ¼(‖g‖² + (1 − 2/π)Σ_i‖g_i‖²) with g_i = Σ_j g_ij (neuron (i, j) at index i·m + j). */
    public static double rhs(double[] g, int k, int m, int d) {
        double[] total = new double[d];
        double groups = 0;
        for (int i = 0; i < k; i++) {
            double[] gi = new double[d];
            for (int j = 0; j < m; j++) {
                for (int c = 0; c < d; c++) {
                    gi[c] += g[(i * m + j) * d + c];
                }
            }
            for (int c = 0; c < d; c++) {
                groups += gi[c] * gi[c];
                total[c] += gi[c];
            }
        }
        double t = 0;
        for (double v : total) {
            t += v * v;
        }
        return 0.25 * (t + (1 - 2 / Math.PI) * groups);
    }

    /** The exact gᵀH(w̃)g from the closed form in G (rows g_i; requires d ≥ k). */
    public static double atTarget(double[] g, int k, int m, int d) {
        double[][] gm = new double[k][d];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < m; j++) {
                for (int c = 0; c < d; c++) {
                    gm[i][c] += g[(i * m + j) * d + c];
                }
            }
        }
        double[] sum = new double[d];
        double frob = 0;
        double tr = 0;
        double trSq = 0;
        double diagSq = 0;
        for (int i = 0; i < k; i++) {
            for (int c = 0; c < d; c++) {
                sum[c] += gm[i][c];
                frob += gm[i][c] * gm[i][c];
            }
            tr += gm[i][i];
            diagSq += gm[i][i] * gm[i][i];
            for (int a = 0; a < k; a++) {
                trSq += gm[i][a] * gm[a][i];
            }
        }
        double s = 0;
        for (double v : sum) {
            s += v * v;
        }
        return 0.25 * s + 0.25 * frob + (tr * tr + trSq - 2 * diagSq) / (2 * Math.PI);
    }

    /** A sample: g_ij i.i.d. N(0, variance·I_d); cancelling: g_{i,1} replaced by −Σ_{j≥2} g_ij. */
    static double[] sample(SplittableRandom rng, int k, int m, int d, double variance, boolean cancelling) {
        double sd = Math.sqrt(variance);
        double[] g = new double[k * m * d];
        for (int i = 0; i < g.length; i++) {
            g[i] = sd * rng.nextGaussian();
        }
        if (cancelling) {
            for (int i = 0; i < k; i++) {
                for (int c = 0; c < d; c++) {
                    double s = 0;
                    for (int j = 1; j < m; j++) {
                        s += g[(i * m + j) * d + c];
                    }
                    g[(i * m) * d + c] = -s;
                }
            }
        }
        return g;
    }

    /** Probes (k, m) with {@code samples} perturbations of the given variance. */
    public static Stats probe(int k, int m, boolean cancelling, double variance, int samples, long seed) {
        int d = k;
        int n = k * m;
        double[] wt = target(k, m);
        SplittableRandom rng = new SplittableRandom(seed);
        double minLhs = Double.POSITIVE_INFINITY;
        double minDiff = Double.POSITIVE_INFINITY;
        double minNorm = Double.POSITIVE_INFINITY;
        double minAt = Double.POSITIVE_INFINITY;
        int positive = 0;
        double[] w = new double[wt.length];
        for (int s = 0; s < samples; s++) {
            double[] g = sample(rng, k, m, d, variance, cancelling);
            for (int i = 0; i < w.length; i++) {
                w[i] = wt[i] + g[i];
            }
            double lhs = quadraticForm(w, g, n, d, k);
            double r = rhs(g, k, m, d);
            double g2 = 0;
            for (double v : g) {
                g2 += v * v;
            }
            minLhs = Math.min(minLhs, lhs);
            minDiff = Math.min(minDiff, lhs - r);
            minNorm = Math.min(minNorm, lhs / g2);
            minAt = Math.min(minAt, atTarget(g, k, m, d));
            if (lhs - r > 0) {
                positive++;
            }
        }
        return new Stats(k, m, cancelling, variance, samples, minLhs, minDiff, positive, minNorm, minAt);
    }

    static ObjectNode json(Stats s) {
        ObjectNode o = JsonCodec.MAPPER.createObjectNode();
        o.put("k", s.k()).put("m", s.m()).put("d", s.k()).put("variant", s.cancelling() ? "cancelling" : "gaussian")
                .put("variance", s.variance()).put("samples", s.samples()).put("minLhs", s.minLhs())
                .put("minLhsMinusRhs", s.minDiff()).put("positive", s.positive())
                .put("minNormalisedCurvature", s.minNormalised()).put("minQuadraticFormAtTarget", s.minLhsAtTarget());
        return o;
    }

    public static int command(Path out, long seed, PrintWriter pw) throws IOException {
        String problem = AtomicFiles.checkOutputDirectory(out);
        if (problem != null) {
            throw new IllegalArgumentException("--out " + problem);
        }
        long t0 = System.nanoTime();
        ObjectNode root = JsonCodec.MAPPER.createObjectNode();
        root.put("experiment", "conjecture1");
        root.put("paper", "000 App. D.1, Table 1");
        root.put("lhs", "(w - w~)^T Hess F(w) (w - w~), F = (1/2) E[(...)^2], d = k, v_i = e_i");
        root.put("seed", seed);
        ArrayNode table = root.putArray("table1");
        StringBuilder txt = new StringBuilder();
        txt.append(String.format(Locale.ROOT, "Conjecture 1 probe: %d samples per (k, m), g_ij ~ N(0, %.0e I_d), d = k;"
                + " lhs = (w-w~)^T H(w) (w-w~) (1/2-normalised F)%n", SAMPLES, VARIANCE));
        txt.append("  k   m | Gaussian: min lhs   min lhs/|g|^2  min(lhs-rhs)  pos     | paper | cancelling: min lhs"
                + "  min(lhs-rhs)  pos     | paper\n");
        int idx = 0;
        for (int k : KS) {
            for (int m : MS) {
                long s1 = Initialization.runSeed(seed, k * 100L + m);
                Stats gs = probe(k, m, false, VARIANCE, SAMPLES, s1);
                Stats cs = probe(k, m, true, VARIANCE, SAMPLES, s1 + 1);
                ObjectNode row = table.addObject();
                row.set("gaussian", json(gs));
                row.set("cancelling", json(cs));
                row.put("paperGaussian", TABLE1[idx][0]);
                row.put("paperCancelling", TABLE1[idx][1]);
                String line = String.format(Locale.ROOT, "%3d %3d | %17.4e  %13.4e  %12.4e  %4d/%d | %5.3g | %19.4e  "
                                + "%12.4e  %4d/%d | %5.3g%n", k, m, gs.minLhs(), gs.minNormalised(), gs.minDiff(),
                        gs.positive(), gs.samples(), TABLE1[idx][0], cs.minLhs(), cs.minDiff(), cs.positive(),
                        cs.samples(), TABLE1[idx][1]);
                txt.append(line);
                pw.print(line);
                pw.flush();
                idx++;
            }
        }
        ArrayNode scaling = root.putArray("scaling");
        txt.append("\nScaling with the noise level (200 samples each): min lhs / variance\n");
        txt.append("  k   m  variant     variance  min lhs      min lhs/var  min(lhs-rhs)  pos\n");
        for (int[] km : new int[][] {{5, 2}, {10, 5}, {20, 10}}) {
            for (boolean canc : new boolean[] {false, true}) {
                for (double v : new double[] {1e-7, 1e-6, 1e-5, 1e-4, 1e-3}) {
                    Stats s = probe(km[0], km[1], canc, v, 200, Initialization.runSeed(seed + 7, km[0] * 100L + km[1]));
                    scaling.add(json(s));
                    txt.append(String.format(Locale.ROOT, "%3d %3d  %-10s  %8.0e  %11.4e  %11.4e  %12.4e  %d/%d%n",
                            km[0], km[1], canc ? "cancelling" : "gaussian", v, s.minLhs(), s.minLhs() / v,
                            s.minDiff(), s.positive(), s.samples()));
                }
            }
        }
        root.put("seconds", (System.nanoTime() - t0) * 1e-9);
        AtomicFiles.write(out.resolve("conjecture1.json"), JsonCodec.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(root));
        AtomicFiles.write(out.resolve("conjecture1.txt"), txt.toString());
        pw.print(txt.substring(txt.indexOf("\nScaling")));
        pw.println("wrote " + out.resolve("conjecture1.json") + ", conjecture1.txt");
        pw.flush();
        return 0;
    }
}
