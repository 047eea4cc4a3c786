package io.landscape.impl.experiment.slowdown;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.landscape.impl.experiment.plot.Axis;
import io.landscape.impl.experiment.plot.Figure;
import io.landscape.impl.experiment.plot.Marker;
import io.landscape.impl.experiment.plot.Palette;
import io.landscape.impl.experiment.plot.Panel;
import io.landscape.impl.experiment.plot.Series;

/**
 * The two panels of paper 003's Figure 1: (left) L(w(T)) against T on log–log axes, one colour and marker shape per n;
 * (right) log_{ηT} L(w(T)) against T (log T axis, where ηT ≥ 10) with the predicted limit −3 dashed. Gradient descent
 * is drawn solid (markers at T = 10^k), gradient flow dashed in the same colour (flow time t at T = t/η).
 *
 * <p>The loss axis spans the recorded losses. Losses below {@link SlowdownRun#ROUNDING_FLOOR}·‖v‖² are rounding noise
 * (e.g. the n = 1 flow's recorded loss falls to 10⁻¹⁵³ and climbs back to 10⁻³², which no gradient flow does): when a
 * run reaches that level the axis ends two decades below it, the band below the floor is shaded and labelled, and a
 * curve that goes further leaves the panel at its bottom edge; nothing is drawn at a value it does not have.
 *
 * <p>Writes {@code figure1-loss}, {@code figure1-exponent} and {@code figure1} (both panels) as PNG (300 dpi), SVG and
 * PDF.
 */
public final class SlowdownPlots {
    public static final String LOSS = "figure1-loss";
    public static final String EXPONENT = "figure1-exponent";
    public static final String BOTH = "figure1";

    /** Size of one panel, points. */
    static final double PANEL_WIDTH = 300;
    static final double PANEL_HEIGHT = 235;
    /** Lower limit of the exponent panel (log_{ηT} L is clipped there). */
    private static final double EXPONENT_FLOOR = -8.0;
    /** The exponent panel starts at ηT = this (log_{ηT} is undefined at ηT = 1 and meaningless just above). */
    static final double EXPONENT_MIN_ETA_T = 10.0;
    private static final Marker[] MARKERS = {Marker.CIRCLE, Marker.SQUARE, Marker.TRIANGLE_UP, Marker.DIAMOND,
        Marker.TRIANGLE_DOWN, Marker.PENTAGON, Marker.STAR, Marker.HEXAGON};

    private SlowdownPlots() {
    }

    /** Writes the PNG, SVG and PDF files into {@code dir}; returns their paths. */
    static List<Path> write(SlowdownExperiment.Result result, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        String caption = caption(result);
        out.addAll(new Figure(PANEL_WIDTH, PANEL_HEIGHT).add(lossPanel(result, true)).caption(caption)
                .write(dir, LOSS));
        out.addAll(new Figure(PANEL_WIDTH, PANEL_HEIGHT).add(exponentPanel(result, true)).caption(caption)
                .write(dir, EXPONENT));
        out.addAll(figure(result).write(dir, BOTH));
        return out;
    }

    /** Both panels side by side: the legend of the curves in the left one, the reference line's in the right one. */
    static Figure figure(SlowdownExperiment.Result result) {
        return new Figure(PANEL_WIDTH, PANEL_HEIGHT).add(lossPanel(result, true)).add(exponentPanel(result, false))
                .caption(caption(result));
    }

    static String caption(SlowdownExperiment.Result result) {
        SlowdownConfig c = result.config();
        return String.format(Locale.ROOT, "Xu & Du, Figure 1 setting: one teacher neuron **v** = *e*_1 in ℝ^{%d}, "
                        + "students started from N(0, *σ*^2*I*), *σ* = %s, step *η* = %s, seed %d. Solid: gradient "
                        + "descent (markers at *T* = 10^{k}); dashed: gradient flow, time *t* drawn at *T* = *t*/*η*.",
                c.d(), num(c.sigma()), num(c.eta()), c.seed());
    }

    private static String num(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** Colour of student count n (position in the configured list). */
    private static Color color(SlowdownConfig c, int n) {
        return Palette.color(c.ns().indexOf(n));
    }

    private static Marker marker(SlowdownConfig c, int n) {
        return MARKERS[c.ns().indexOf(n) % MARKERS.length];
    }

    /** The loss threshold below which recorded losses are rounding noise (‖v‖ = 1). */
    static double roundingFloor() {
        return SlowdownRun.ROUNDING_FLOOR;
    }

    /**
     * The loss axis: from the decade at or above the largest loss down to the decade at or below the smallest loss
     * that is not rounding noise; when some loss is below the rounding floor, down to two decades below the floor so
     * that the band is visible.
     */
    static Axis lossAxis(SlowdownExperiment.Result result) {
        double floor = roundingFloor();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        boolean belowFloor = false;
        for (SlowdownRun r : runs(result)) {
            for (double v : r.loss()) {
                if (!(v > 0) || !Double.isFinite(v)) {
                    continue;
                }
                hi = Math.max(hi, v);
                if (v >= floor) {
                    lo = Math.min(lo, v);
                } else {
                    belowFloor = true;
                }
            }
        }
        if (!(hi > 0)) {
            return Axis.log(1e-3, 1);
        }
        if (belowFloor) {
            lo = Math.min(lo, floor / 100);
        }
        if (!Double.isFinite(lo)) {
            lo = hi / 10;
        }
        return Axis.logDecades(lo, hi);
    }

    /** Whether some run's loss falls below the rounding floor (the band is drawn). */
    static boolean reachesFloor(SlowdownExperiment.Result result) {
        for (SlowdownRun r : runs(result)) {
            for (double v : r.loss()) {
                if (v > 0 && v < roundingFloor()) {
                    return true;
                }
            }
        }
        return false;
    }

    static Axis stepAxis(SlowdownExperiment.Result result, double fromTime) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (SlowdownRun r : runs(result)) {
            for (int i = 0; i < r.steps().length; i++) {
                if (r.times()[i] >= fromTime) {
                    lo = Math.min(lo, r.steps()[i]);
                    hi = Math.max(hi, r.steps()[i]);
                }
            }
        }
        if (!(hi > lo)) {
            return Axis.log(Math.max(1, Double.isFinite(lo) ? lo : 1), Math.max(10, hi * 10));
        }
        return Axis.log(lo, hi);
    }

    static Panel lossPanel(SlowdownExperiment.Result result, boolean legend) {
        SlowdownConfig c = result.config();
        Panel p = new Panel(stepAxis(result, 0), lossAxis(result))
                .xLabel("iteration *T*").yLabel("*L*(**w**(*T*))");
        if (reachesFloor(result)) {
            p.band(p.yAxis().min(), roundingFloor(), Palette.LIGHT_GREY,
                    "rounding noise: *L* < 10^{3}*ε*^2 (*ε* = 2^{−52})");
        }
        addCurves(p, result, false);
        if (legend) {
            addLegend(p, c, List.of(), "");
        } else {
            p.legend(Panel.LegendPlace.NONE);
        }
        return p;
    }

    static Panel exponentPanel(SlowdownExperiment.Result result, boolean legend) {
        SlowdownConfig c = result.config();
        double[] range = exponentRange(result);
        Panel p = new Panel(stepAxis(result, EXPONENT_MIN_ETA_T), Axis.linear(range[0], range[1]))
                .xLabel("iteration *T*").yLabel("log_{*ηT*} *L*(**w**(*T*))");
        p.hline(-3.0, Palette.GREY, Series.SHORT_DASHED, null);
        addCurves(p, result, true);
        // runs entirely below the panel (n = 1 converges linearly: log_{ηT} L → −∞) are named instead of drawn
        List<Integer> below = new ArrayList<>();
        double belowMax = Double.NEGATIVE_INFINITY;
        for (int n : c.ns()) {
            double max = Double.NEGATIVE_INFINITY;
            boolean any = false;
            for (SlowdownRun r : runsOf(result, n)) {
                for (int i = 0; i < r.steps().length; i++) {
                    double e = r.logEtaTLoss(i);
                    if (r.times()[i] >= EXPONENT_MIN_ETA_T && Double.isFinite(e)) {
                        any = true;
                        max = Math.max(max, e);
                    }
                }
            }
            if (any && max < range[0]) {
                below.add(n);
                belowMax = Math.max(belowMax, max);
            }
        }
        if (!hasExponent(result)) {
            p.noteAt("no recorded *T* with *ηT* ≥ " + Axis.number(EXPONENT_MIN_ETA_T, 0) + ": run longer", 0.5, 0.5,
                    Panel.HAlign.CENTER, Panel.VAlign.MIDDLE, Palette.GREY);
        }
        String offScale = below.isEmpty() ? ""
                : "off scale (log_{*ηT*} *L* < " + Axis.number(Math.ceil(belowMax * 10) / 10, 1) + ")";
        if (legend) {
            addLegend(p, c, below, offScale);
        } else if (!below.isEmpty()) {
            List<String> names = new ArrayList<>();
            below.forEach(n -> names.add("*n* = " + n));
            p.noteAt(String.join(", ", names) + ": " + offScale, 0.03, 0.04, Panel.HAlign.LEFT,
                    Panel.VAlign.BASELINE, Palette.GREY);
        }
        p.key(Series.key("limit " + Axis.MINUS + "3, i.e. *L* = Θ(*T*^{" + Axis.MINUS + "3})").color(Palette.GREY)
                .width(1.0f).dash(Series.SHORT_DASHED));
        return p;
    }

    private static void addCurves(Panel p, SlowdownExperiment.Result result, boolean exponent) {
        SlowdownConfig c = result.config();
        // gradient descent first (wide, light), gradient flow on top (dashed, full colour): where they coincide, both
        // stay visible
        for (SlowdownRun r : result.descentRuns()) {
            p.add(curve(r, exponent).color(Palette.tint(color(c, r.n()), 0.35)).width(2.4f)
                    .marker(marker(c, r.n())).markersAt(decadeRows(r, exponent)).markerSize(5));
        }
        for (SlowdownRun r : result.flowRuns()) {
            p.add(curve(r, exponent).color(color(c, r.n())).width(1.1f).dash(Series.DASHED));
        }
    }

    /** Legend keys: one per n (those in {@code offPanel} with {@code offNote}), then the two line styles. */
    private static void addLegend(Panel p, SlowdownConfig c, List<Integer> offPanel, String offNote) {
        for (int n : c.ns()) {
            String label = "*n* = " + n + (offPanel.contains(n) ? ": " + offNote : "");
            p.key(Series.key(label).color(color(c, n)).width(1.6f).marker(marker(c, n)).markerSize(5));
        }
        if (c.dynamics().includesDescent() && c.dynamics().includesFlow()) {
            p.key(Series.key("gradient descent").color(Palette.tint(Palette.GREY, 0.35)).width(2.4f));
            p.key(Series.key("gradient flow").color(Palette.GREY).width(1.1f).dash(Series.DASHED));
        }
    }

    /** A run's curve without legend label: loss, or log_{ηT} loss where ηT ≥ 10. */
    private static Series curve(SlowdownRun r, boolean exponent) {
        int m = r.steps().length;
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int i = 0; i < m; i++) {
            xs[i] = r.steps()[i];
            if (exponent) {
                ys[i] = r.times()[i] >= EXPONENT_MIN_ETA_T ? r.logEtaTLoss(i) : Double.NaN;
            } else {
                ys[i] = r.loss()[i];
            }
        }
        return Series.of(null, xs, ys);
    }

    /** Rows at T = 10^k (k ≥ 0) that have a value on the panel. */
    private static int[] decadeRows(SlowdownRun r, boolean exponent) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < r.steps().length; i++) {
            long t = r.steps()[i];
            boolean decade = Long.toString(t).matches("10*");
            if (decade && (!exponent || r.times()[i] >= EXPONENT_MIN_ETA_T)) {
                rows.add(i);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The y range of the exponent panel: the span of log_{ηT} L (ηT ≥ 10) over the over-parameterised runs (n ≥ 2)
     * and −3, padded by 0.25 and clipped to [−8, 0]; [−8, 0] when there is no such run. Curves leaving it (n = 1 heading
     * to −∞) are cut at the frame.
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
                if (r.times()[i] >= EXPONENT_MIN_ETA_T && Double.isFinite(y)) {
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

    private static boolean hasExponent(SlowdownExperiment.Result result) {
        for (SlowdownRun r : runs(result)) {
            for (int i = 0; i < r.steps().length; i++) {
                if (r.times()[i] >= EXPONENT_MIN_ETA_T && Double.isFinite(r.logEtaTLoss(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<SlowdownRun> runs(SlowdownExperiment.Result result) {
        List<SlowdownRun> all = new ArrayList<>(result.descentRuns());
        all.addAll(result.flowRuns());
        return all;
    }

    private static List<SlowdownRun> runsOf(SlowdownExperiment.Result result, int n) {
        List<SlowdownRun> out = new ArrayList<>();
        for (SlowdownRun r : runs(result)) {
            if (r.n() == n) {
                out.add(r);
            }
        }
        return out;
    }
}
