package io.landscape.impl.experiment.basin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import io.landscape.api.empirical.EmpiricalProblem;
import io.landscape.impl.basin.SingleNeuronConstruction;
import io.landscape.impl.empirical.TwoLayerObjective;
import io.landscape.impl.experiment.AtomicFiles;

/**
 * The figures of the initial-basin reproduction, drawn from the library's objects with XChart: paper 001's Fig. 1
 * (the partition of R² by c₁ = (1, 1), c₂ = (−2, 0.5) and the noisy regions of clusters around them), Fig. 2 (the 1-D
 * single-neuron objective for ε = 0.1), Fig. 3 (its 2-D extension, contours; {@link ContourFigure}), and one figure per
 * statement with the Monte Carlo probabilities, their 95% Wilson bands and the paper's bound on the same axes.
 * Colours: the Okabe–Ito palette; log axes carry 10⁻ⁿ labels.
 */
public final class BasinFigures {
    /** Okabe–Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black. */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xE69F00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), Color.BLACK};

    private static final int WIDTH = 900;
    private static final int HEIGHT = 620;
    /** PNGs are drawn at twice the chart's size (print resolution); the SVGs are resolution independent. */
    static final int PNG_SCALE = 2;

    private BasinFigures() {
    }

    /** Writes every figure into {@code dir}; returns the files. */
    public static List<Path> write(InitialBasinExperiment.Result result, Path dir) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<Path> out = new ArrayList<>();
        out.addAll(save(partition(), dir, "fig1-partition"));
        out.addAll(save(singleNeuron(), dir, "fig2-single-neuron"));
        Path fig3 = dir.resolve("fig3-single-neuron-2d.png");
        AtomicFiles.write(fig3, os -> javax.imageio.ImageIO.write(ContourFigure.render(0.1), "png", os));
        out.add(fig3);
        Map<String, List<CurvePoint>> byStatement = new LinkedHashMap<>();
        for (CurvePoint p : result.points()) {
            byStatement.computeIfAbsent(p.statement(), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<CurvePoint>> e : byStatement.entrySet()) {
            String s = e.getKey();
            if ("thm6".equals(s)) {
                out.addAll(save(thm6(e.getValue()), dir, "prob-thm6"));
                continue;
            }
            XYChart linear = probability(s, e.getValue(), false);
            out.addAll(save(linear, dir, "prob-" + s));
            if (!s.startsWith("prop") && !s.equals("eq9")) {
                out.addAll(save(probability(s, e.getValue(), true), dir, "prob-" + s + "-failure"));
            }
        }
        return out;
    }

    private static List<Path> save(XYChart chart, Path dir, String name) throws IOException {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        AtomicFiles.write(png, os -> javax.imageio.ImageIO.write(render(chart, PNG_SCALE), "png", os));
        AtomicFiles.write(svg, os -> VectorGraphicsEncoder.saveVectorGraphic(chart, os,
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        return List.of(png, svg);
    }

    /** The chart drawn at {@code scale} times its size (a 900×620 chart becomes 1800×1240 pixels at scale 2). */
    static java.awt.image.BufferedImage render(XYChart chart, int scale) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(chart.getWidth() * scale,
                chart.getHeight() * scale, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            chart.paint(g, chart.getWidth(), chart.getHeight());
        } finally {
            g.dispose();
        }
        return img;
    }

    static XYChart base(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y)
                .build();
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.DARK_GRAY);
        s.setAntiAlias(true);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Vertical);
        s.setLegendBorderColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setPlotGridLinesColor(new Color(0xe6e6e6));
        return chart;
    }

    /**
     * Labels for a linear axis that carries log₁₀ of the plotted quantity: 10ᵏ at integers, a·10ᵏ between them (XChart's
     * logarithmic axis with a custom formatter does not terminate, so log plots are drawn this way).
     */
    static Function<Double, String> powerOfTen() {
        return e -> {
            long k = Math.round(e);
            if (Math.abs(e - k) > 1e-6) {
                return ""; // ticks between the powers of ten carry a grid line but no label
            }
            return k == 0 ? "1" : "10" + superscript(k);
        };
    }

    static String superscript(long k) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder b = new StringBuilder();
        if (k < 0) {
            b.append('⁻');
            k = -k;
        }
        for (char c : Long.toString(k).toCharArray()) {
            b.append(digits.charAt(c - '0'));
        }
        return b.toString();
    }

    static Color light(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);
    }

    /** Fig. 1: the lines ⟨w, c_j⟩ = 0 and the noisy regions of clusters of radius δ_j around c_j (exaggerated). */
    static XYChart partition() {
        XYChart chart = base("Fig. 1: partition of the neuron space R² by c₁ = (1, 1) and c₂ = (−2, 0.5)",
                "w₁", "w₂");
        chart.getStyler().setXAxisMin(-3.0).setXAxisMax(3.0).setYAxisMin(-3.0).setYAxisMax(3.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        double[][] c = {{1, 1}, {-2, 0.5}};
        double[] delta = {0.3, 0.45};
        Color[] fill = {PALETTE[5], PALETTE[1]};
        String[] name = {"noisy region of cluster 1 (δ₁ = 0.3)", "noisy region of cluster 2 (δ₂ = 0.45)"};
        double reach = 4.5;
        for (int j = 0; j < 2; j++) {
            double norm = Math.hypot(c[j][0], c[j][1]);
            double phi = Math.atan2(c[j][1], c[j][0]) + Math.PI / 2; // direction of the line ⟨w, c_j⟩ = 0
            double half = Math.asin(delta[j] / norm);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int side = 0; side < 2; side++) {
                double base = phi + side * Math.PI;
                xs.add(0.0);
                ys.add(0.0);
                for (int k = 0; k <= 20; k++) {
                    double a = base - half + 2 * half * k / 20;
                    xs.add(reach * Math.cos(a));
                    ys.add(reach * Math.sin(a));
                }
                xs.add(0.0);
                ys.add(0.0);
            }
            XYSeries wedge = chart.addSeries(name[j], xs, ys);
            wedge.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            wedge.setFillColor(light(fill[j], 90));
            wedge.setLineColor(light(fill[j], 0));
            wedge.setMarker(SeriesMarkers.NONE);
        }
        for (int j = 0; j < 2; j++) {
            double phi = Math.atan2(c[j][1], c[j][0]) + Math.PI / 2;
            XYSeries line = chart.addSeries("⟨w, c" + (j == 0 ? "₁" : "₂") + "⟩ = 0",
                    new double[] {-reach * Math.cos(phi), reach * Math.cos(phi)},
                    new double[] {-reach * Math.sin(phi), reach * Math.sin(phi)});
            line.setLineColor(j == 0 ? PALETTE[0] : PALETTE[1]);
            line.setLineStyle(new BasicStroke(2.2f));
            line.setMarker(SeriesMarkers.NONE);
            List<Double> cx = new ArrayList<>();
            List<Double> cy = new ArrayList<>();
            for (int k = 0; k <= 60; k++) {
                double a = 2 * Math.PI * k / 60;
                cx.add(c[j][0] + delta[j] * Math.cos(a));
                cy.add(c[j][1] + delta[j] * Math.sin(a));
            }
            XYSeries disc = chart.addSeries("cluster " + (j + 1) + " (ball of radius δ" + (j == 0 ? "₁" : "₂")
                    + " around c" + (j == 0 ? "₁" : "₂") + ")", cx, cy);
            disc.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            disc.setFillColor(light(j == 0 ? PALETTE[0] : PALETTE[1], 60));
            disc.setLineColor(j == 0 ? PALETTE[0] : PALETTE[1]);
            disc.setMarker(SeriesMarkers.NONE);
            XYSeries pt = chart.addSeries("c" + (j == 0 ? "₁" : "₂"), new double[] {c[j][0]}, new double[] {c[j][1]});
            pt.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            pt.setMarker(SeriesMarkers.DIAMOND);
            pt.setMarkerColor(j == 0 ? PALETTE[0] : PALETTE[1]);
        }
        // the four regions of the instance partition, labelled by (sign⟨w, c₁⟩, sign⟨w, c₂⟩)
        double[][] probe = {{2.2, 0.6}, {0.4, 2.3}, {-2.2, -0.6}, {-0.4, -2.3}};
        for (double[] q : probe) {
            String label = "(" + (q[0] * c[0][0] + q[1] * c[0][1] > 0 ? "+" : "−") + ", "
                    + (q[0] * c[1][0] + q[1] * c[1][1] > 0 ? "+" : "−") + ")";
            chart.addAnnotation(new AnnotationText(label, q[0], q[1], false));
        }
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        return chart;
    }

    /** Fig. 2: L_S(w) of App. C.2 in one dimension, ε = 0.1, with its two local minima. */
    static XYChart singleNeuron() {
        double eps = 0.1;
        EmpiricalProblem p = SingleNeuronConstruction.problem(1, eps);
        TwoLayerObjective f = new TwoLayerObjective(p);
        XYChart chart = base("Fig. 2: single ReLU neuron, S = {(½, √(2ε)), (−1, 1)}, ε = 0.1", "w", "L_S(w)");
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int k = 0; k <= 800; k++) {
            double w = -2.5 + 5.0 * k / 800;
            xs.add(w);
            ys.add(f.value(new double[] {w}));
        }
        XYSeries s = chart.addSeries("L_S(w) = ½([w/2]₊ − √(2ε))² + ½([−w]₊ − 1)²", xs, ys);
        s.setLineColor(PALETTE[0]);
        s.setLineStyle(new BasicStroke(2.5f));
        s.setMarker(SeriesMarkers.NONE);
        double good = -1;
        double bad = 2 * Math.sqrt(2 * eps);
        XYSeries min = chart.addSeries("local minima: L_S(−1) = ε (good), L_S(2√(2ε)) = ½ (bad)",
                new double[] {good, bad}, new double[] {f.value(new double[] {good}), f.value(new double[] {bad})});
        min.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        min.setMarker(SeriesMarkers.CIRCLE);
        min.setMarkerColor(PALETTE[1]);
        XYSeries boundary = chart.addSeries("cell boundary w = 0", new double[] {0, 0}, new double[] {0, 1.6});
        boundary.setLineColor(Color.GRAY);
        boundary.setLineStyle(dashed(1.2f));
        boundary.setMarker(SeriesMarkers.NONE);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.6).setXAxisMin(-2.5).setXAxisMax(2.5);
        chart.addAnnotation(new AnnotationText("ε = 0.1", good, 0.24, false));
        chart.addAnnotation(new AnnotationText("1/2", bad, 0.66, false));
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        return chart;
    }

    /** The event whose probability a statement's curve estimates, as the y-axis names it. */
    static String event(String statement) {
        return switch (statement) {
            case "prop1" -> "P[L(P(W⁽⁰⁾)) > L(0)]";
            case "eq9" -> "P[P(W⁽⁰⁾) ≠ 0]";
            case "thm2", "thm4" -> "P[Bas(W⁽⁰⁾, v⁽⁰⁾) ≤ α]";
            case "thm3" -> "P[Bas(W⁽⁰⁾, v⁽⁰⁾) ≤ ε]";
            case "thm5" -> "P[Bas(W⁽⁰⁾, v⁽⁰⁾) ≤ β]";
            case "thm6" -> "P[Bas(w⁽⁰⁾) ≤ c/4]";
            default -> "P[" + statement + "]";
        };
    }

    /** A probability figure: one series per variant with its Wilson band, the bound dashed in black. */
    static XYChart probability(String statement, List<CurvePoint> points, boolean failure) {
        String what = switch (statement) {
            case "prop1" -> "Prop. 1: P[L(P(W⁽⁰⁾)) > L(0)] ≥ ½(1 − 2⁻ⁿ)";
            case "eq9" -> "Eq. (9): P[P(W⁽⁰⁾) ≠ 0] ≥ 1 − 2⁻ⁿ";
            case "thm2" -> "Thm. 2 (singleton data): P[Bas ≤ α] ≥ 1 − 2d(3/4)ⁿ";
            case "thm3" -> "Thm. 3 (rank X = 2): P[Bas ≤ ε] ≥ 1 − exp(−cn*/4), width c⌈n*/p_ε⌉";
            case "thm4" -> "Thm. 4 (rank X = m): P[Bas ≤ α] ≥ 1 − m(3/4)ⁿ";
            case "thm5" -> "Thm. 5 (clustered data): P[Bas ≤ β] ≥ 1 − d(7/8)ⁿ";
            default -> statement;
        };
        String ylabel = failure ? "failure probability 1 − " + event(statement) : event(statement);
        String xlabel = statement.equals("thm5") ? "width n          (β = δ²((1 + B/c)nσ_max‖ŷ‖/σ²_min + 2γ)²)" : "width n";
        XYChart chart = base(failure ? what + " — failures" : what, xlabel, ylabel);
        if (failure) {
            chart.setCustomYAxisTickLabelsFormatter(powerOfTen());
        } else {
            chart.getStyler().setYAxisMin(statement.equals("prop1") ? 0.0 : -0.05).setYAxisMax(1.05);
        }
        Map<String, List<CurvePoint>> byVariant = new LinkedHashMap<>();
        for (CurvePoint p : points) {
            byVariant.computeIfAbsent(p.variant(), k -> new ArrayList<>()).add(p);
        }
        double floor = 0.5 / points.get(0).trials();
        int ci = 0;
        for (Map.Entry<String, List<CurvePoint>> e : byVariant.entrySet()) {
            Color col = PALETTE[ci++ % PALETTE.length];
            List<CurvePoint> ps = e.getValue();
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> bandX = new ArrayList<>();
            List<Double> lo = new ArrayList<>();
            List<Double> hi = new ArrayList<>();
            for (CurvePoint p : ps) {
                double[] w = p.wilson();
                double y = failure ? 1 - p.empirical() : p.empirical();
                double l = failure ? 1 - w[1] : w[0];
                double h = failure ? 1 - w[0] : w[1];
                if (failure) {
                    if (!(y > 0)) {
                        continue;
                    }
                    l = Math.max(l, floor);
                }
                xs.add((double) p.n());
                ys.add(failure ? Math.log10(y) : y);
                bandX.add((double) p.n());
                lo.add(failure ? Math.log10(l) : l);
                hi.add(failure ? Math.log10(h) : h);
            }
            if (failure) {
                zeroFailures(chart, byVariant.size() > 1 ? e.getKey() : null, ps, col,
                        0.05 * -Math.floor(Math.log10(floor)), byVariant);
            }
            if (xs.isEmpty()) {
                continue;
            }
            List<Double> px = new ArrayList<>(bandX);
            List<Double> py = new ArrayList<>(hi);
            for (int i = bandX.size() - 1; i >= 0; i--) {
                px.add(bandX.get(i));
                py.add(lo.get(i));
            }
            XYSeries band = chart.addSeries("95% Wilson band: " + e.getKey(), px, py);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setFillColor(light(col, 60));
            band.setLineColor(light(col, 0));
            band.setMarker(SeriesMarkers.NONE);
            band.setShowInLegend(false);
            XYSeries s = chart.addSeries(e.getKey() + " (" + ps.get(0).trials() + " trials/width)", xs, ys);
            s.setLineColor(col);
            s.setMarkerColor(col);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(new BasicStroke(2f));
        }
        // the bound, once per distinct bound curve
        Map<String, double[][]> bounds = new LinkedHashMap<>();
        for (Map.Entry<String, List<CurvePoint>> e : byVariant.entrySet()) {
            List<CurvePoint> ps = e.getValue();
            StringBuilder key = new StringBuilder();
            double[][] xy = new double[2][ps.size()];
            for (int i = 0; i < ps.size(); i++) {
                xy[0][i] = ps.get(i).n();
                xy[1][i] = ps.get(i).bound();
                key.append(xy[0][i]).append(':').append(xy[1][i]).append(';');
            }
            bounds.putIfAbsent(key.toString(), xy);
        }
        int bi = 0;
        for (double[][] xy : bounds.values()) {
            List<Double> bx = new ArrayList<>();
            List<Double> by = new ArrayList<>();
            for (int i = 0; i < xy[0].length; i++) {
                double b = failure ? 1 - xy[1][i] : xy[1][i];
                if (failure && !(b > 0 && b <= 1)) {
                    continue;
                }
                if (!failure && b < -0.05) {
                    continue; // vacuous there: the bound is negative
                }
                bx.add(xy[0][i]);
                by.add(failure ? Math.log10(b) : b);
            }
            if (bx.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(bi++ == 0 ? "paper's bound" + (failure ? " (on failures)" : "")
                    : "paper's bound (" + bi + ")", bx, by);
            s.setLineColor(Color.BLACK);
            s.setLineStyle(dashed(2f));
            s.setMarker(SeriesMarkers.NONE);
        }
        if (failure) {
            chart.getStyler().setYAxisMin(Math.floor(Math.log10(floor)));
            chart.getStyler().setYAxisMax(0.0);
            chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        }
        return chart;
    }

    /**
     * The exact one-sided 95% upper confidence bound on a probability after 0 events in {@code trials} independent
     * trials: the p with (1 − p)^N = 0.05, i.e. 1 − 0.05^{1/N} (≈ 3/N, the "rule of three").
     */
    static double zeroEventUpper95(int trials) {
        return -Math.expm1(Math.log(0.05) / trials);
    }

    /** "10⁴" for a power of ten, else the integer. */
    static String count(int trials) {
        int k = 0;
        long p = 1;
        while (p < trials) {
            p *= 10;
            k++;
        }
        return p == trials && k > 1 ? "10" + superscript(k) : Integer.toString(trials);
    }

    /**
     * Widths where a variant saw no failure: a log axis cannot show 0, so the panel shows the 95% upper bound
     * 1 − 0.05^{1/N} of the failure probability as an open downward arrow (the probability lies below it), labelled
     * "0 of N". Where another variant's plotted point at the same width lies under the arrow (within 0.3 decades), the
     * arrow and its label are moved left by 2 % of the width axis so that neither hides the other.
     */
    private static void zeroFailures(XYChart chart, String variant, List<CurvePoint> ps, Color col, double lift,
            Map<String, List<CurvePoint>> all) {
        double minN = Double.POSITIVE_INFINITY;
        double maxN = Double.NEGATIVE_INFINITY;
        for (List<CurvePoint> vs : all.values()) {
            for (CurvePoint q : vs) {
                minN = Math.min(minN, q.n());
                maxN = Math.max(maxN, q.n());
            }
        }
        double dodge = 0.02 * Math.max(maxN - minN, 1);
        List<Double> zx = new ArrayList<>();
        List<Double> zy = new ArrayList<>();
        for (CurvePoint p : ps) {
            if (p.successes() == p.trials()) {
                double u = Math.log10(zeroEventUpper95(p.trials()));
                double x = p.n();
                for (List<CurvePoint> vs : all.values()) {
                    if (vs == ps) {
                        continue;
                    }
                    for (CurvePoint q : vs) {
                        double f = 1 - q.empirical();
                        if (q.n() == p.n() && f > 0 && Math.abs(Math.log10(f) - u) < 0.3) {
                            x = p.n() - dodge;
                        }
                    }
                }
                zx.add(x);
                zy.add(u);
                chart.addAnnotation(new AnnotationText("0 of " + count(p.trials()), x, u + lift, false));
            }
        }
        if (zx.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries("no failure in N = " + count(ps.get(0).trials()) + " trials: 95% upper bound "
                + "1 − 0.05^(1/N) on the failure probability" + (variant == null ? "" : " (" + variant + ")"), zx, zy);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(new DownArrow());
        s.setMarkerColor(col);
    }

    /** An open downward arrow: a horizontal bar at the value with a shaft and an open head pointing down. */
    static final class DownArrow extends org.knowm.xchart.style.markers.Marker {
        @Override
        public void paint(java.awt.Graphics2D g, double x, double y, int size) {
            java.awt.Stroke old = g.getStroke();
            g.setStroke(new BasicStroke(2f));
            double h = size * 1.6;
            double w = size * 0.7;
            java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
            path.moveTo(x - w, y);
            path.lineTo(x + w, y);
            path.moveTo(x, y);
            path.lineTo(x, y + h);
            path.moveTo(x - w * 0.7, y + h - w * 0.8);
            path.lineTo(x, y + h);
            path.lineTo(x + w * 0.7, y + h - w * 0.8);
            g.draw(path);
            g.setStroke(old);
        }
    }

    /** Thm. 6: P[Bas(w) ≤ c/4] for the single neuron against e^{−d/16}, with the exact binomial probability. */
    static XYChart thm6(List<CurvePoint> points) {
        XYChart chart = base("Thm. 6 (single neuron, App. C.2, ε = 0.1): P[Bas ≤ c/4] ≤ exp(−d/16)", "dimension d",
                "P[Bas(w⁽⁰⁾) ≤ c/4 = 1/8]");
        chart.setCustomYAxisTickLabelsFormatter(powerOfTen());
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> ex = new ArrayList<>();
        List<Double> ey = new ArrayList<>();
        List<Double> bx = new ArrayList<>();
        List<Double> by = new ArrayList<>();
        double floor = 0.5 / points.get(0).trials();
        double min = 1;
        for (CurvePoint p : points) {
            if (p.empirical() > 0) {
                xs.add((double) p.d());
                ys.add(Math.log10(p.empirical()));
            }
            ex.add((double) p.d());
            ey.add(Math.log10(p.exact()));
            bx.add((double) p.d());
            by.add(Math.log10(p.bound()));
            min = Math.min(min, Math.min(p.exact(), p.bound()));
        }
        XYSeries bound = chart.addSeries("paper's upper bound exp(−d/16)", bx, by);
        bound.setLineColor(Color.BLACK);
        bound.setLineStyle(dashed(2f));
        bound.setMarker(SeriesMarkers.NONE);
        XYSeries exact = chart.addSeries("exact: P[Binomial(d, ½) bad coordinates leave Bas ≤ 1/8]", ex, ey);
        exact.setLineColor(PALETTE[2]);
        exact.setLineStyle(new BasicStroke(2f));
        exact.setMarker(SeriesMarkers.NONE);
        if (!xs.isEmpty()) {
            XYSeries emp = chart.addSeries("Monte Carlo (" + points.get(0).trials() + " trials/d; zeros not shown)",
                    xs, ys);
            emp.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            emp.setMarker(SeriesMarkers.CIRCLE);
            emp.setMarkerColor(PALETTE[0]);
        }
        chart.getStyler().setYAxisMin(Math.floor(Math.log10(Math.max(1e-30, Math.min(min, floor)))));
        chart.getStyler().setYAxisMax(0.0);
        return chart;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
