package io.landscape.impl.experiment.slowdown;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import io.landscape.impl.experiment.AtomicFiles;

/**
 * The two panels of paper 003's Figure 1 with XChart: (left) L(w(T)) against T on log–log axes, one curve per n;
 * (right) log_{ηT} L(w(T)) against T (log T axis, shown where ηT ≥ 10), with the predicted limit −3 dashed.
 * Gradient-descent curves are solid, gradient-flow curves (flow time t plotted at T = t/η) dashed in the same colour.
 */
public final class SlowdownPlots {
    public static final String LOSS = "figure1-loss";
    public static final String EXPONENT = "figure1-exponent";
    public static final String BOTH = "figure1";

    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;
    private static final double EXPONENT_FLOOR = -8.0;
    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private SlowdownPlots() {
    }

    /** Writes the PNG and SVG files into {@code dir}; returns their paths. */
    static List<Path> write(SlowdownExperiment.Result result, Path dir) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        XYChart loss = lossChart(result);
        XYChart exponent = exponentChart(result);
        List<Path> out = new ArrayList<>();
        out.add(png(loss, dir.resolve(LOSS + ".png")));
        out.add(svg(loss, dir.resolve(LOSS + ".svg")));
        out.add(png(exponent, dir.resolve(EXPONENT + ".png")));
        out.add(svg(exponent, dir.resolve(EXPONENT + ".svg")));
        Path both = dir.resolve(BOTH + ".png");
        AtomicFiles.write(both, os -> BitmapEncoder.saveBitmap(List.of(loss, exponent), 1, 2, os,
                BitmapEncoder.BitmapFormat.PNG));
        out.add(both);
        return out;
    }

    private static Path png(XYChart chart, Path target) throws IOException {
        AtomicFiles.write(target, os -> BitmapEncoder.saveBitmap(chart, os, BitmapEncoder.BitmapFormat.PNG));
        return target;
    }

    private static Path svg(XYChart chart, Path target) throws IOException {
        AtomicFiles.write(target, os -> VectorGraphicsEncoder.saveVectorGraphic(chart, os,
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        return target;
    }

    /** Lower end of the loss axis (values below are drawn on it). */
    static final double LOSS_FLOOR = 1e-32;

    static XYChart lossChart(SlowdownExperiment.Result result) {
        SlowdownConfig c = result.config();
        XYChart chart = base("Loss (σ = " + c.sigma() + ", η = " + c.eta() + ", d = " + c.d() + ")", "T",
                "L(w(T))");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        // L has a rounding floor near ε²‖v‖² ≈ 10⁻³¹; below it the values are noise (the flow of n = 1 can dip to
        // 10⁻¹⁵⁰ when coordinates underflow), so the axis stops at LOSS_FLOOR and smaller values are drawn on it
        chart.getStyler().setYAxisMin(LOSS_FLOOR);
        chart.getStyler().setYAxisMax(1.0);
        for (SlowdownRun r : runs(result)) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < r.steps().length; i++) {
                if (r.loss()[i] > 0) {
                    xs.add((double) r.steps()[i]);
                    ys.add(Math.max(LOSS_FLOOR, r.loss()[i]));
                }
            }
            addSeries(chart, r, xs, ys, c);
        }
        return chart;
    }

    static XYChart exponentChart(SlowdownExperiment.Result result) {
        SlowdownConfig c = result.config();
        XYChart chart = base("log_{ηT} L(w(T))  (→ −3 for n ≥ 2)", "T", "log_{ηT} L");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(true);
        double[] range = exponentRange(result);
        chart.getStyler().setYAxisMin(range[0]);
        chart.getStyler().setYAxisMax(range[1]);
        double from = Double.NaN;
        double to = Double.NaN;
        for (SlowdownRun r : runs(result)) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < r.steps().length; i++) {
                double y = r.logEtaTLoss(i);
                if (r.times()[i] < 10) {
                    continue;
                }
                if (!(y >= range[0] && y <= range[1])) {
                    if (!xs.isEmpty()) {
                        break; // left the panel (n = 1 reaching its floating-point floor): stop the curve there
                    }
                    continue;
                }
                xs.add((double) r.steps()[i]);
                ys.add(y);
            }
            if (!xs.isEmpty()) {
                from = Double.isNaN(from) ? xs.get(0) : Math.min(from, xs.get(0));
                to = Double.isNaN(to) ? xs.get(xs.size() - 1) : Math.max(to, xs.get(xs.size() - 1));
            }
            addSeries(chart, r, xs, ys, c);
        }
        if (!Double.isNaN(from) && to > from) {
            XYSeries ref = chart.addSeries("−3", new double[] {from, to}, new double[] {-3.0, -3.0});
            ref.setMarker(SeriesMarkers.NONE);
            ref.setLineColor(Color.GRAY);
            ref.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {2f, 4f}, 0f));
        }
        return chart;
    }

    /**
     * The y range of the exponent panel: the span of log_{ηT} L (ηT ≥ 10) over the over-parameterised runs (n ≥ 2)
     * and −3, padded by 0.25 and clipped to [−8, 0]; [−8, 0] when there is no such run. Curves leaving it (n = 1 heading
     * to its floating-point floor) stop at the edge.
     */
    static double[] exponentRange(SlowdownExperiment.Result result) {
        double lo = -3.0;
        double hi = -3.0;
        boolean any = false;
        for (SlowdownRun r : runs(result)) {
            if (r.n() < 2) {
                continue;
            }
            for (int i = 0; i < r.steps().length; i++) {
                double y = r.logEtaTLoss(i);
                if (r.times()[i] >= 10 && Double.isFinite(y)) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                    any = true;
                }
            }
        }
        if (!any) {
            return new double[] {EXPONENT_FLOOR, 0.0};
        }
        return new double[] {Math.max(EXPONENT_FLOOR, Math.floor((lo - 0.25) * 4) / 4),
            Math.min(0.0, Math.ceil((hi + 0.25) * 4) / 4)};
    }

    private static List<SlowdownRun> runs(SlowdownExperiment.Result result) {
        List<SlowdownRun> all = new ArrayList<>(result.descentRuns());
        all.addAll(result.flowRuns());
        return all;
    }

    private static XYChart base(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y)
                .build();
        Styler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setAntiAlias(true);
        chart.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        return chart;
    }

    private static void addSeries(XYChart chart, SlowdownRun r, List<Double> xs, List<Double> ys, SlowdownConfig c) {
        if (xs.isEmpty()) {
            return;
        }
        String name = ("gd".equals(r.dynamics()) ? "GD" : "flow") + " n = " + r.n();
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(COLORS[c.ns().indexOf(r.n()) % COLORS.length]);
        if (!"gd".equals(r.dynamics())) {
            s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        } else {
            s.setLineStyle(new BasicStroke(2f));
        }
    }
}
