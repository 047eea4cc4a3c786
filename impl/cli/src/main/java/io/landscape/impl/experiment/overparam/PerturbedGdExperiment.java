package io.landscape.impl.experiment.overparam;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.experiment.JsonCodec;
import io.landscape.api.Objective;
import io.landscape.impl.experiment.AtomicFiles;
import io.landscape.impl.experiment.plot.Axis;
import io.landscape.impl.experiment.plot.Figure;
import io.landscape.impl.experiment.plot.Palette;
import io.landscape.impl.experiment.plot.Panel;
import io.landscape.impl.experiment.plot.Series;
import io.landscape.impl.optim.PerturbedStep;
import io.landscape.impl.optim.RecordedGradientDescent;
import io.landscape.impl.optim.UpdateStep;

/**
 * Perturbed gradient descent (paper 000 Algorithm 1, Thm 7) against plain GD near the symmetric global minimum
 * w̃_ij = v_i/m (n = m·k students, teacher v_i = e_i in R^k, d = k), for k ∈ {5, 10, 20}, m ∈ {2, 5}.
 *
 * <p><b>Start.</b> w_ij(0) = w̃_ij + ε·u_ij·z_ij with ε = {@value #EPSILON}, z_ij uniform on the unit sphere and
 * u_ij uniform in [0, 1] (so every neuron is within ε of its target: the ε-neighbourhood U_ε of Def. 2).
 *
 * <p><b>Parameters of Thm 7.</b> λ = ¼ (the constant of Thm 6's bound (w − w̃)ᵀH(w − w̃) ≥ ¼‖g‖² − O(ε^2.5), the
 * hypothesis Eq. (4) of Thm 7), L = λ_max(∇²F(w̃)) (power iteration on the dense Hessian at w̃; ∇F is L-Lipschitz
 * near w̃ up to O(ε)), δ = ‖w(0) − w̃‖²/4 (the theorem then promises ‖w(T) − w̃‖² ≤ δ: half the initial distance),
 * α = δ/(4n) and η = 0.99·λδ²/(64L²); T from T &gt; log δ / log(1 − ηλδ²/64) is reported (it is astronomically
 * large, so the theorem's run is cut at the same step budget as the others).
 *
 * <p><b>Variants</b> (each from the same starts, {@value #SEEDS} seeds): {@code plain} η = 1/L, α = 0;
 * {@code perturbed} η = 1/L, α = δ/(4n) (Thm 7's noise with a practical step); {@code perturbed-strong} η = 1/L,
 * α = 10⁻²; {@code thm7} η and α by Thm 7's rules. The noise law is {@link PerturbedStep}'s: ξ ~ N(0, I_d/d), one ξ
 * shared by all neurons per step, added after the gradient step. Recorded: ‖w(t) − w̃‖ and F(w(t)) at log-spaced t.
 */
public final class PerturbedGdExperiment {
    static final double EPSILON = 0.05;
    static final int SEEDS = 3;
    static final long STEPS = 20_000;
    static final int[] KS = {5, 10, 20};
    static final int[] MS = {2, 5};
    static final String[] VARIANTS = {"plain", "perturbed", "perturbed-strong", "thm7"};

    /** One trajectory. */
    public record Trace(int k, int m, String variant, int seed, double eta, double alpha, long[] steps,
                        double[] distance, double[] value) {
    }

    /** Thm 7's numbers for one (k, m, start). */
    public record Parameters(double lambda, double lipschitz, double delta, double alpha, double eta,
                             double iterationsNeeded) {
    }

    private PerturbedGdExperiment() {
    }

    /** w̃ for (k, m): neuron (i, j) at index i·m + j is e_i/m. */
    static double[] target(int k, int m) {
        double[] w = new double[m * k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < m; j++) {
                w[(i * m + j) * k + i] = 1.0 / m;
            }
        }
        return w;
    }

    static double[] start(int k, int m, long seed) {
        double[] w = target(k, m);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] z = new double[k];
        for (int o = 0; o < w.length; o += k) {
            double s = 0;
            for (int q = 0; q < k; q++) {
                z[q] = rng.nextGaussian();
                s += z[q] * z[q];
            }
            double r = EPSILON * rng.nextDouble() / Math.sqrt(s);
            for (int q = 0; q < k; q++) {
                w[o + q] += r * z[q];
            }
        }
        return w;
    }

    /** λ_max of ∇²F at x by power iteration on the dense Hessian (300 steps; the gap is large here). */
    static double lipschitz(Objective f, double[] x) {
        int m = x.length;
        double[] h = f.hessian().evaluate(x);
        double[] v = new double[m];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < m; i++) {
            v[i] = rng.nextDouble() - 0.5;
        }
        double lam = 0;
        double[] w = new double[m];
        for (int it = 0; it < 300; it++) {
            double nv = 0;
            for (double e : v) {
                nv += e * e;
            }
            nv = Math.sqrt(nv);
            for (int i = 0; i < m; i++) {
                v[i] /= nv;
            }
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += h[i * m + j] * v[j];
                }
                w[i] = s;
            }
            double r = 0;
            for (int i = 0; i < m; i++) {
                r += w[i] * v[i];
            }
            lam = r;
            System.arraycopy(w, 0, v, 0, m);
        }
        return lam;
    }

    static Parameters parameters(int n, double lipschitz, double d0) {
        double lambda = 0.25;
        double delta = d0 * d0 / 4;
        double eta = 0.99 * lambda * delta * delta / (64 * lipschitz * lipschitz);
        double t = Math.log(delta) / Math.log1p(-eta * lambda * delta * delta / 64);
        return new Parameters(lambda, lipschitz, delta, delta / (4 * n), eta, t);
    }

    static long[] recordSteps() {
        List<Long> s = new ArrayList<>();
        s.add(0L);
        for (double e = 0; e <= Math.log10(STEPS) + 1e-9; e += 0.1) {
            long t = Math.round(Math.pow(10, e));
            if (t > s.get(s.size() - 1) && t <= STEPS) {
                s.add(t);
            }
        }
        return s.stream().mapToLong(Long::longValue).toArray();
    }

    /** Runs every (k, m, variant, seed). */
    public static List<Object> run(long seed, PrintWriter pw) {
        List<Trace> traces = new ArrayList<>();
        List<ObjectNode> params = new ArrayList<>();
        long[] rec = recordSteps();
        for (int k : KS) {
            for (int m : MS) {
                int n = m * k;
                Objective f = Census.objective(k, n);
                double[] wt = target(k, m);
                double lip = lipschitz(f, wt);
                for (int s = 0; s < SEEDS; s++) {
                    long startSeed = io.landscape.impl.optim.Initialization.runSeed(seed, (long) k * 1000 + m * 10 + s);
                    double[] x0 = start(k, m, startSeed);
                    double d0 = distance(x0, wt);
                    Parameters p = parameters(n, lip, d0);
                    ObjectNode pj = JsonCodec.MAPPER.createObjectNode();
                    pj.put("k", k).put("m", m).put("n", n).put("seed", s).put("initialDistance", d0)
                            .put("lambda", p.lambda()).put("L", p.lipschitz()).put("delta", p.delta())
                            .put("alpha", p.alpha()).put("eta", p.eta()).put("iterationsNeeded", p.iterationsNeeded());
                    params.add(pj);
                    for (String v : VARIANTS) {
                        double eta = v.equals("thm7") ? p.eta() : 1.0 / lip;
                        double alpha = switch (v) {
                            case "plain" -> 0.0;
                            case "perturbed", "thm7" -> p.alpha();
                            default -> 1e-2;
                        };
                        UpdateStep step = alpha == 0 ? UpdateStep.FIXED : new PerturbedStep(k, alpha, startSeed + 17);
                        double[] dist = new double[rec.length];
                        double[] val = new double[rec.length];
                        RecordedGradientDescent.run(f, x0, eta, step, rec, (idx, t, value, x) -> {
                            dist[idx] = distance(x, wt);
                            val[idx] = f.value(x); // compensated: F is tiny near w̃
                        });
                        traces.add(new Trace(k, m, v, s, eta, alpha, rec, dist, val));
                        if (pw != null) {
                            pw.println(String.format(Locale.ROOT, "k=%2d m=%d seed=%d %-16s eta=%.3e alpha=%.3e  "
                                    + "|w-w~|: %.4e -> %.4e   F: %.3e -> %.3e", k, m, s, v, eta, alpha, dist[0],
                                    dist[rec.length - 1], val[0], val[rec.length - 1]));
                            pw.flush();
                        }
                    }
                }
            }
        }
        return List.of(traces, params);
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double e = a[i] - b[i];
            s += e * e;
        }
        return Math.sqrt(s);
    }

    @SuppressWarnings("unchecked")
    public static int command(Path out, long seed, boolean plots, PrintWriter pw) throws IOException {
        String problem = AtomicFiles.checkOutputDirectory(out);
        if (problem != null) {
            throw new IllegalArgumentException("--out " + problem);
        }
        long t0 = System.nanoTime();
        List<Object> r = run(seed, pw);
        List<Trace> traces = (List<Trace>) r.get(0);
        List<ObjectNode> params = (List<ObjectNode>) r.get(1);
        ObjectNode root = JsonCodec.MAPPER.createObjectNode();
        root.put("experiment", "perturbed-gd");
        root.put("paper", "000 Algorithm 1, Thm 7");
        root.put("noise", "xi ~ N(0, I_d/d), one xi shared by all neurons, added after the gradient step");
        root.put("epsilon", EPSILON);
        root.put("steps", STEPS);
        root.put("seed", seed);
        ArrayNode pa = root.putArray("parameters");
        params.forEach(pa::add);
        ArrayNode ta = root.putArray("traces");
        StringBuilder csv = new StringBuilder("k,m,variant,seed,eta,alpha,step,distance,objective\n");
        for (Trace t : traces) {
            ObjectNode o = ta.addObject();
            o.put("k", t.k()).put("m", t.m()).put("variant", t.variant()).put("seed", t.seed()).put("eta", t.eta())
                    .put("alpha", t.alpha()).put("initialDistance", t.distance()[0])
                    .put("finalDistance", t.distance()[t.distance().length - 1]).put("initialObjective", t.value()[0])
                    .put("finalObjective", t.value()[t.value().length - 1]);
            for (int i = 0; i < t.steps().length; i++) {
                csv.append(String.format(Locale.ROOT, "%d,%d,%s,%d,%.6e,%.6e,%d,%.10e,%.10e%n", t.k(), t.m(),
                        t.variant(), t.seed(), t.eta(), t.alpha(), t.steps()[i], t.distance()[i], t.value()[i]));
            }
        }
        root.put("seconds", (System.nanoTime() - t0) * 1e-9);
        AtomicFiles.write(out.resolve("perturbed-gd.json"), JsonCodec.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(root));
        AtomicFiles.write(out.resolve("perturbed-gd.csv"), csv.toString());
        if (plots) {
            for (int m : MS) {
                figure(traces, true, m).write(out, "perturbed-gd-distance-m" + m);
                figure(traces, false, m).write(out, "perturbed-gd-objective-m" + m);
            }
        }
        pw.println("wrote " + out.resolve("perturbed-gd.json") + ", perturbed-gd.csv"
                + (plots ? ", perturbed-gd-{distance,objective}-m{2,5}.png/svg/pdf" : ""));
        pw.flush();
        return 0;
    }

    static Figure figure(List<Trace> traces, boolean distance, int m) {
        Figure fig = new Figure(165, 150);
        java.awt.Color[] colors = {Palette.BLACK, Palette.BLUE, Palette.VERMILLION, Palette.BLUISH_GREEN};
        for (int k : KS) {
            {
                double lo = Double.POSITIVE_INFINITY;
                double hi = 0;
                for (Trace t : traces) {
                    if (t.k() == k && t.m() == m) {
                        for (double v : distance ? t.distance() : t.value()) {
                            if (v > 0) {
                                lo = Math.min(lo, v);
                                hi = Math.max(hi, v);
                            }
                        }
                    }
                }
                Panel p = new Panel(Axis.log(1, STEPS + 1), Axis.log(lo / 1.5, hi * 1.5))
                        .title("k = " + k + ", m = " + m).xLabel("iteration t + 1")
                        .yLabel(distance ? "\u2016w(t) \u2212 w\u0303\u2016" : "F(w(t))").grid(true)
                        .legend(k == KS[0] ? Panel.LegendPlace.SOUTH_WEST : Panel.LegendPlace.NONE);
                for (int vi = 0; vi < VARIANTS.length; vi++) {
                    for (Trace t : traces) {
                        if (t.k() != k || t.m() != m || !t.variant().equals(VARIANTS[vi])) {
                            continue;
                        }
                        double[] x = new double[t.steps().length];
                        double[] y = distance ? t.distance() : t.value();
                        for (int i = 0; i < x.length; i++) {
                            x[i] = t.steps()[i] + 1;
                        }
                        // plain is drawn wide underneath: perturbed GD with α = δ/(4n) follows it closely
                        Series s = Series.of(t.seed() == 0 ? VARIANTS[vi] : null, x, y).color(colors[vi])
                                .width(vi == 0 ? 2.6f : 1.0f);
                        if (vi == 3) {
                            s.dash(Series.DASHED);
                        }
                        p.add(s);
                    }
                }
                fig.add(p);
            }
        }
        fig.caption("m = " + m + ". " + (distance ? "Distance to w\u0303" : "Objective") + " along plain GD (\u03B7 = 1/L) and perturbed "
                + "GD (one shared \u03BE ~ N(0, I/d) per step; \u03B1 = \u03B4/(4n) or 1e-2; thm7: \u03B7 = "
                + "0.99\u03BB\u03B4\u00B2/(64L\u00B2)), " + SEEDS + " starts each, \u03B5 = " + EPSILON + "; the wide "
                + "black plain curves lie under the perturbed ones.");
        return fig;
    }
}
