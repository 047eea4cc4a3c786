package io.landscape.impl.experiment.spurious;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Figure 1 of paper 002: for several (k, n), the empirical probability over the runs of ending at a point with
 * objective value ≤ x, as a step function of x. Runs stopped early as global (accelerated mode) are plotted at their
 * stop value, which is below 10⁻³ — indistinguishable from 0 at this scale.
 */
public final class Figure1 {
    private Figure1() {
    }

    /** The cells drawn for a grid up to kMax: n = k for even k ≥ 6 (and kMax), and (kMax − 1, kMax). */
    public static List<CellResult> pick(List<CellResult> cells, int kMax) {
        List<CellResult> out = new ArrayList<>();
        for (CellResult c : cells) {
            boolean diag = c.n() == c.k() && c.k() >= 6 && (c.k() % 2 == 0 || c.k() == kMax);
            boolean over = c.n() == c.k() + 1 && c.n() == kMax;
            if (diag || over) {
                out.add(c);
            }
        }
        return out;
    }

    /** Builds the chart. */
    public static XYChart chart(List<CellResult> cells) {
        XYChart chart = new XYChartBuilder().width(900).height(600)
                .title("Empirical CDF of the final objective value (cf. Safran & Shamir 2018, Fig. 1)")
                .xAxisTitle("objective value x").yAxisTitle("% of runs with F ≤ x").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        double xmax = 0.005;
        for (CellResult c : cells) {
            for (RunRecord r : c.runs()) {
                if (Double.isFinite(r.value())) {
                    xmax = Math.max(xmax, r.value());
                }
            }
        }
        xmax *= 1.05;
        for (CellResult c : cells) {
            double[] v = c.runs().stream().mapToDouble(RunRecord::value).filter(Double::isFinite).toArray();
            Arrays.sort(v);
            // an explicit staircase drawn as a polyline: (v_i, (i−1)/N) → (v_i, i/N) → (v_{i+1}, i/N) …
            double[] xs = new double[2 * v.length + 2];
            double[] ys = new double[2 * v.length + 2];
            xs[0] = 0.0;
            ys[0] = 0.0;
            for (int i = 0; i < v.length; i++) {
                double x = Math.max(0.0, v[i]);
                xs[2 * i + 1] = x;
                ys[2 * i + 1] = 100.0 * i / v.length;
                xs[2 * i + 2] = x;
                ys[2 * i + 2] = 100.0 * (i + 1.0) / v.length;
            }
            xs[2 * v.length + 1] = xmax;
            ys[2 * v.length + 1] = 100.0;
            XYSeries s = chart.addSeries("(k, n) = (" + c.k() + ", " + c.n() + ")", xs, ys);
            s.setMarker(SeriesMarkers.NONE);
        }
        // XChart puts a tick at every data value when the y values are equally spaced (ours are multiples of 100/N),
        // which crowds the axis with labels such as 2.1, 4.2, …; one invisible, unlisted point at 100/3 breaks the
        // spacing, so the axis gets its usual round ticks 0, 10, …, 100
        XYSeries spacing = chart.addSeries(" ", new double[] {0.0, 0.0}, new double[] {0.0, 100.0 / 3.0});
        spacing.setMarker(SeriesMarkers.NONE);
        spacing.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
        spacing.setShowInLegend(false);
        return chart;
    }

    /** Writes {@code base}.png and {@code base}.svg (each via a temporary file and an atomic move). */
    public static void write(List<CellResult> cells, Path dir, String base) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = chart(cells);
        try {
            AtomicFiles.write(dir.resolve(base + ".png"),
                    os -> BitmapEncoder.saveBitmap(chart, os, BitmapEncoder.BitmapFormat.PNG));
            AtomicFiles.write(dir.resolve(base + ".svg"),
                    os -> VectorGraphicsEncoder.saveVectorGraphic(chart, os, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + dir.resolve(base) + ": " + e.getMessage(), e);
        }
    }
}
