package io.landscape.impl.experiment.sharing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import io.landscape.impl.experiment.plot.Axis;
import io.landscape.impl.experiment.plot.Figure;
import io.landscape.impl.experiment.plot.Marker;
import io.landscape.impl.experiment.plot.Palette;
import io.landscape.impl.experiment.plot.Panel;
import io.landscape.impl.experiment.plot.Series;

/**
 * The figures of {@code reproduce weight-sharing}: Figure 1 (6 panels, columns low/high/both, rows g known/learnt;
 * WS dashed vermillion, FC solid blue; thick line = mean over seeds, thin lines = each seed) for Gaussian and MNIST
 * patches; the erf FC escape time against d; the cosine-wave sweep.
 */
final class WeightSharingFigures {
    private WeightSharingFigures() {
    }

    static void write(WeightSharingExperiment.Result result, Path dir, List<Path> files) throws IOException {
        if (!result.sgd().isEmpty()) {
            for (String data : SgdExperiment.DATA) {
                Figure f = figure1(result, data);
                if (f != null) {
                    files.addAll(f.write(dir, "figure1-" + data));
                }
            }
        }
        if (!result.erf().isEmpty()) {
            files.addAll(erf(result).write(dir, "erf-escape-time"));
        }
        if (!result.cosine().isEmpty()) {
            files.addAll(cosine(result).write(dir, "cosine-sweep"));
        }
    }

    private static Figure figure1(WeightSharingExperiment.Result result, String data) {
        int iterations = result.config().sgdIterations();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        boolean any = false;
        for (SgdExperiment.Result r : result.sgd()) {
            if (r.data().equals(data)) {
                any = true;
                for (double v : r.curve()) {
                    if (v > 0 && Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (!any) {
            return null;
        }
        double yLo = Math.pow(10, Math.floor(Math.log10(Math.max(lo, 1e-6))));
        double yHi = Math.pow(10, Math.ceil(Math.log10(Math.max(hi, 10 * yLo))));
        Figure fig = new Figure(190, 160).columns(3);
        String[] titles = {"low: *g*∗(*z*) = *z*_{1}", "high: *g*∗(*z*) = *z*_{1}⋯*z*_{5}",
            "both: *g*∗(*z*) = *z*_{1} + *z*_{1}⋯*z*_{5}"};
        for (int gi = 0; gi < SgdExperiment.G.length; gi++) {
            for (int ti = 0; ti < SgdExperiment.TARGETS.length; ti++) {
                String g = SgdExperiment.G[gi];
                String t = SgdExperiment.TARGETS[ti];
                Panel p = new Panel(Axis.linear(0, iterations), Axis.log(yLo, yHi))
                        .title(titles[ti] + ", *g* " + g).xLabel("SGD iteration").yLabel("loss").fontSize(7.5);
                for (int ai = 1; ai >= 0; ai--) { // FC first, WS (dashed) on top
                    String arch = SgdExperiment.ARCH[ai];
                    List<double[]> curves = new ArrayList<>();
                    for (SgdExperiment.Result r : result.sgd()) {
                        if (r.data().equals(data) && r.target().equals(t) && r.g().equals(g)
                                && r.architecture().equals(arch)) {
                            curves.add(r.curve());
                        }
                    }
                    if (curves.isEmpty()) {
                        continue;
                    }
                    int n = curves.get(0).length;
                    double[] x = new double[n];
                    double[] mean = new double[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = (i + 1) * SgdExperiment.WINDOW;
                        for (double[] cv : curves) {
                            mean[i] += cv[i] / curves.size();
                        }
                    }
                    java.awt.Color col = ai == 0 ? WeightSharingOutput.WS : WeightSharingOutput.FC;
                    float[] dash = ai == 0 ? Series.DASHED : Series.SOLID;
                    for (double[] cv : curves) {
                        p.add(Series.of(null, x, cv).color(Palette.tint(col, 0.6)).width(0.5f).dash(dash));
                    }
                    p.add(Series.of(null, x, mean).color(col).width(1.6f).dash(dash));
                }
                if (gi == 0 && ti == 0) {
                    p.key(Series.key("WS (convolutional)").color(WeightSharingOutput.WS).width(1.6f)
                            .dash(Series.DASHED));
                    p.key(Series.key("FC").color(WeightSharingOutput.FC).width(1.6f));
                    p.legend(Panel.LegendPlace.NORTH_EAST);
                } else {
                    p.legend(Panel.LegendPlace.NONE);
                }
                fig.add(p);
            }
        }
        int seeds = result.config().seeds();
        fig.caption(String.format(Locale.ROOT, "Paper 004 Figure 1 on %s: SGD (η = 0.5, batch 128, *k* = 5) "
                + "on the squared loss ½(*ŷ* − *y*)²; rows: *g* known (top) or learnt FC 50 → ReLU → FC 1 "
                + "(bottom). Thick lines: "
                + "mean over %d seeds of the batch loss (means over windows of 10 iterations); thin lines: each seed.",
                data.equals("gaussian") ? "Gaussian patches (*d* = 75)" : "MNIST 10×10 patches (*d* = 100)", seeds));
        return fig;
    }

    private static Figure erf(WeightSharingExperiment.Result result) {
        int k = result.config().erfK();
        TreeMap<Integer, List<ErfParity.Result>> byD = new TreeMap<>();
        for (ErfParity.Result r : result.erf()) {
            byD.computeIfAbsent(r.d(), x -> new ArrayList<>()).add(r);
        }
        long horizon = result.config().erfFcHorizon();
        double dLo = byD.firstKey() / 1.5;
        double dHi = byD.lastKey() * 1.5;
        double tMin = Double.POSITIVE_INFINITY;
        for (ErfParity.Result r : result.erf()) {
            if (r.fcEscapeStep() != null) {
                tMin = Math.min(tMin, r.fcEscapeStep());
            }
        }
        double yLo = Math.pow(10, Math.floor(Math.log10(Double.isFinite(tMin) ? tMin : 10)));
        double yHi = Math.pow(10, Math.ceil(Math.log10(horizon * 1.01)));
        Panel p = new Panel(Axis.log(dLo, dHi), Axis.log(yLo, yHi)).title("FC escape time from the plateau")
                .xLabel("patch dimension *d*").yLabel("GD steps to *F* < ½ plateau").fontSize(7.5);
        List<Double> ex = new ArrayList<>();
        List<Double> ey = new ArrayList<>();
        List<Double> nx = new ArrayList<>();
        List<Double> ny = new ArrayList<>();
        List<Double> mx = new ArrayList<>();
        List<Double> my = new ArrayList<>();
        for (var e : byD.entrySet()) {
            List<Double> steps = new ArrayList<>();
            for (ErfParity.Result r : e.getValue()) {
                if (r.fcEscapeStep() != null) {
                    ex.add((double) e.getKey());
                    ey.add((double) r.fcEscapeStep());
                    steps.add((double) r.fcEscapeStep());
                } else {
                    nx.add((double) e.getKey());
                    ny.add((double) horizon);
                    steps.add(Double.POSITIVE_INFINITY);
                }
            }
            double[] s = steps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double med = s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
            if (Double.isFinite(med)) {
                mx.add((double) e.getKey());
                my.add(med);
            }
        }
        p.add(Series.of("each seed", ex, ey).color(Palette.BLUE).line(false).marker(Marker.CIRCLE).markerSize(3.5)
                .openMarker(true));
        if (!nx.isEmpty()) {
            p.add(Series.of("no escape within " + horizon + " steps", nx, ny).color(Palette.REDDISH_PURPLE)
                    .line(false).marker(Marker.TRIANGLE_UP).markerSize(4));
        }
        if (!mx.isEmpty()) {
            double slope = fitSlope(mx, my);
            p.add(Series.of(String.format(Locale.ROOT, "median (fitted slope %.2f)", slope), mx, my)
                    .color(Palette.BLUE).width(1.5f).marker(Marker.SQUARE).markerSize(4));
            // d^{k/4} through the first median
            double c0 = my.get(0) / Math.pow(mx.get(0), k / 4.0);
            double[] rx = {dLo, dHi};
            double[] ry = {c0 * Math.pow(dLo, k / 4.0), c0 * Math.pow(dHi, k / 4.0)};
            p.add(Series.of("*d*^{*k*/4} (Thm 3's scale), *k* = " + k, rx, ry).color(Palette.GREY).width(1f)
                    .dash(Series.SHORT_DASHED));
        }
        p.legend(Panel.LegendPlace.NORTH_WEST);

        // loss curves of seed 1
        double plateau = result.erf().get(0).plateau();
        Panel q = new Panel(Axis.log(1, yHi), Axis.linear(0, Math.max(0.6, maxInitialLoss(result) * 1.05)))
                .title("FC loss, seed 1").xLabel("GD step + 1").yLabel("*F*^{(1,*k*)}").fontSize(7.5);
        int ci = 0;
        int nd = byD.size();
        for (var e : byD.entrySet()) {
            ErfParity.Result r = e.getValue().get(0);
            double[] x = r.fcCurveSteps().clone();
            for (int i = 0; i < x.length; i++) {
                x[i] += 1;
            }
            q.add(Series.of("*d* = " + e.getKey(), x, r.fcCurveLoss()).color(ramp(ci++, nd)).width(1.2f));
        }
        q.hline(plateau, Palette.GREY, Series.SHORT_DASHED, "plateau ½*V*(*u*_{0},*u*_{0})^{*k*}");
        q.legend(Panel.LegendPlace.NORTH_EAST);

        Panel w = new Panel(Axis.log(1, 1e5), Axis.log(1e-7, 10)).title("WS projected GD, seed 1")
                .xLabel("step").yLabel("‖*w*_{0} − *u*_{0}‖ (solid), angle (dashed)").fontSize(7.5);
        ci = 0;
        for (var e : byD.entrySet()) {
            ErfParity.Result r = e.getValue().get(0);
            java.awt.Color col = ramp(ci++, nd);
            w.add(Series.of(null, r.wsCurveSteps(), r.wsCurveDistance()).color(col).width(1.2f));
            w.add(Series.of(null, r.wsCurveSteps(), r.wsCurveAngle()).color(col).width(0.9f).dash(Series.DASHED));
        }
        w.hline(ErfParity.WS_EPS, Palette.GREY, Series.SHORT_DASHED, "10^{−6}");
        w.noteAt("angle → 0 first, then the norm;", 0.97, 0.95, Panel.HAlign.RIGHT, Panel.VAlign.TOP, Palette.GREY);
        w.noteAt("colours: *d* as in the middle panel", 0.97, 0.87, Panel.HAlign.RIGHT, Panel.VAlign.TOP,
                Palette.GREY);
        w.legend(Panel.LegendPlace.NONE);
        return new Figure(230, 190).add(p).add(q).add(w).caption(String.format(Locale.ROOT,
                "Paper 004 §4, target erf(*u*_{0}·*x*_{1}) + Π_{*l*} erf(*u*_{0}·*x*_{*l*}), *k* = %d, "
                + "‖*u*_{0}‖² = 12*k*²/π². Left: GD steps (η = 1) for FC from the ±*c* initialisation until the loss "
                + "falls below half the plateau, %d seeds per *d*. Middle: FC loss curves. Right: WS projected GD "
                + "(η = 1) converges to ‖*w*_{0} − *u*_{0}‖ ≤ 10^{−6} at every *d* (the distance curves of different *d* "
                + "coincide: after the angle has closed, only the norm is left).", k, result.config().seeds()));
    }

    /** Plasma colour map on [0, 0.8] (dark blue → purple → orange; ordered, readable on white): i of n. */
    private static final int[] PLASMA = {0x0d0887, 0x41049d, 0x6a00a8, 0x8f0da4, 0xb12a90, 0xcc4778, 0xe16462,
        0xf2844b, 0xfca636};

    static java.awt.Color ramp(int i, int n) {
        double t = n <= 1 ? 0 : (double) i / (n - 1) * (PLASMA.length - 1);
        int lo = Math.min((int) Math.floor(t), PLASMA.length - 2);
        double f = t - lo;
        java.awt.Color a = new java.awt.Color(PLASMA[lo]);
        java.awt.Color b = new java.awt.Color(PLASMA[lo + 1]);
        return new java.awt.Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    private static double maxInitialLoss(WeightSharingExperiment.Result result) {
        double m = 0;
        for (ErfParity.Result r : result.erf()) {
            m = Math.max(m, r.fcCurveLoss()[0]);
        }
        return m;
    }

    static double fitSlope(List<Double> x, List<Double> y) {
        int n = x.size();
        if (n < 2) {
            return Double.NaN;
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double a = Math.log(x.get(i));
            double b = Math.log(y.get(i));
            sx += a;
            sy += b;
            sxx += a * a;
            sxy += a * b;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private static Figure cosine(WeightSharingExperiment.Result result) {
        long horizon = result.config().cosineHorizon();
        int[] ks = result.config().cosineK();
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = 0;
        for (CosineSweep.Result r : result.cosine()) {
            double x = r.k() * r.u0Norm() * r.u0Norm();
            xMin = Math.min(xMin, x);
            xMax = Math.max(xMax, x);
        }
        Axis xa = Axis.log(Math.pow(10, Math.floor(Math.log10(xMin))), Math.pow(10, Math.ceil(Math.log10(xMax))));
        Panel p = new Panel(xa, Axis.log(1, Math.pow(10, Math.ceil(Math.log10(horizon * 1.01)))))
                .title("FC: steps to *F* < ¼ (from Thm 1's ring)").xLabel("*k*‖*u*_{0}‖²").yLabel("GD steps")
                .fontSize(7.5);
        Panel q = new Panel(xa, Axis.linear(0, 0.6)).title("FC: loss after the run").xLabel("*k*‖*u*_{0}‖²")
                .yLabel("*F*(*w*)").fontSize(7.5);
        Panel w = new Panel(Axis.log(0.7, 30), Axis.linear(0, 100)).title("WS: GD steps to ‖*w*_{0} − *u*_{0}‖ ≤ 10^{−6}")
                .xLabel("*k*").yLabel("steps").fontSize(7.5);
        int ci = 0;
        List<Double> nx = new ArrayList<>();
        List<Double> ny = new ArrayList<>();
        List<Double> wk = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        List<Double> wb = new ArrayList<>();
        for (int k : ks) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> lx = new ArrayList<>();
            List<Double> ly = new ArrayList<>();
            double maxWs = 0;
            double minBound = Double.POSITIVE_INFINITY;
            for (CosineSweep.Result r : result.cosine()) {
                if (r.k() != k) {
                    continue;
                }
                double xv = k * r.u0Norm() * r.u0Norm();
                if (r.fcEscapeStep() != null) {
                    x.add(xv);
                    y.add((double) Math.max(1L, r.fcEscapeStep()));
                } else {
                    nx.add(xv);
                    ny.add((double) horizon);
                }
                lx.add(xv);
                ly.add(r.fcFinalLoss());
                maxWs = Math.max(maxWs, r.wsSteps());
                minBound = Math.min(minBound, r.wsBound());
                wk.add((double) k);
                ws.add((double) r.wsSteps());
                wb.add(r.wsBound());
            }
            java.awt.Color col = Palette.color(ci);
            Marker m = Marker.CYCLE[ci % Marker.CYCLE.length];
            ci++;
            p.add(Series.of(null, x, y).color(col).marker(m).markerSize(4).width(1f));
            q.add(Series.of("*k* = " + k, lx, ly).color(col).marker(m).markerSize(4).width(1f));
        }
        if (!nx.isEmpty()) {
            p.add(Series.of("no escape in " + horizon + " steps", nx, ny).color(Palette.BLACK).line(false)
                    .marker(Marker.TRIANGLE_UP).markerSize(4).openMarker(true));
        }
        p.legend(Panel.LegendPlace.NORTH_WEST);
        q.hline(0.5, Palette.GREY, Series.SHORT_DASHED, "½");
        q.legend(Panel.LegendPlace.NORTH_WEST);
        w.add(Series.of("WS steps (all ‖*u*_{0}‖)", wk, ws).color(WeightSharingOutput.WS).line(false)
                .marker(Marker.CIRCLE).markerSize(3.5));
        w.add(Series.of("Thm 2 bound 5 ln(‖*w*_{init} − *u*_{0}‖/ε)", wk, wb).color(Palette.GREY).line(false)
                .marker(Marker.CROSS).markerSize(4));
        w.legend(Panel.LegendPlace.NORTH_WEST);
        return new Figure(210, 185).add(w).add(q).add(p).caption("Paper 004 §3, cosine-wave target, *c*_{*k*} = 3√*k*, "
                + "*d* = " + result.config().cosineD() + ". WS (left) converges within Thm 2's bound for every *k* "
                + "and ‖*u*_{0}‖; FC started on Thm 1's ring stalls at *F* ≈ ½ once *k*‖*u*_{0}‖² is large (middle: "
                + "loss after " + horizon + " steps; right: steps until *F* < ¼, triangles: never).");
    }

    static double[] sorted(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s;
    }
}
