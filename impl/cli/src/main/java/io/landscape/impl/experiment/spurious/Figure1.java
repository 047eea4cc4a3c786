package io.landscape.impl.experiment.spurious;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.landscape.impl.experiment.plot.Axis;
import io.landscape.impl.experiment.plot.Figure;
import io.landscape.impl.experiment.plot.Marker;
import io.landscape.impl.experiment.plot.Palette;
import io.landscape.impl.experiment.plot.Panel;
import io.landscape.impl.experiment.plot.Series;

/**
 * Figure 1 of paper 002: for several (k, n), the percentage of the runs that ended at a minimum with objective value
 * F ≤ x, as a step function of x.
 *
 * <p>Only values that were measured are plotted. A run that reached F &lt; 10⁻³ is a global run (paper 002 §3 ignores
 * such points; the accelerated search stops it there, so its final F is the stop value, not a converged one): it is
 * counted from x = 10⁻³ on, where each curve starts (open marker), and no F below 10⁻³ is drawn. Each later step is
 * one family of spurious local minima, at the converged F of its runs (filled marker). Runs that ended at a saddle,
 * did not converge or diverged are not minima and are not counted, so such a curve ends below 100 %. Each curve ends
 * at its largest value. Over-parameterised cells (n &gt; k) are dashed; every cell has its own marker shape; a cell
 * without spurious minima is a single point and its legend entry says so.
 */
public final class Figure1 {
    /** Where the curves start: runs below this value count as global (paper 002 §3). */
    public static final double GLOBAL_THRESHOLD = RunRecord.CANDIDATE_THRESHOLD;

    static final double WIDTH = 440;
    static final double HEIGHT = 300;

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

    /**
     * One cell's curve: x values and percentages of the step function, starting at (10⁻³, % global) and rising at each
     * spurious minimum's F (runs whose F agree to 10⁻⁹ share one step). Index 0 is the start; the other points come in
     * pairs (end of the flat part, top of the step).
     */
    public static double[][] curve(CellResult c) {
        int total = c.runs().size();
        double[] spurious = spuriousValues(c);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double level = total == 0 ? 0 : 100.0 * c.globalRuns() / total;
        xs.add(GLOBAL_THRESHOLD);
        ys.add(level);
        int i = 0;
        while (i < spurious.length) {
            int j = i;
            while (j < spurious.length && spurious[j] - spurious[i] <= 1e-9) {
                j++;
            }
            double x = spurious[i];
            xs.add(x);
            ys.add(level);
            level = 100.0 * (c.globalRuns() + j) / total;
            xs.add(x);
            ys.add(level);
            i = j;
        }
        return new double[][] {xs.stream().mapToDouble(Double::doubleValue).toArray(),
            ys.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    /** The final F of every run in a family of local minima, ascending. */
    static double[] spuriousValues(CellResult c) {
        Map<Integer, RunRecord> byRun = new HashMap<>();
        for (RunRecord r : c.runs()) {
            byRun.put(r.run(), r);
        }
        List<Double> v = new ArrayList<>();
        for (Family f : c.families()) {
            for (int run : f.runs()) {
                RunRecord r = byRun.get(run);
                if (r != null && Double.isFinite(r.value())) {
                    v.add(r.value());
                }
            }
        }
        double[] out = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(out);
        return out;
    }

    /**
     * The x range: 0 to just past the largest spurious value (at least to 0.01), with a margin left of 0 so that the
     * start markers at 10⁻³ stay clear of the frame.
     */
    static Axis xAxis(List<CellResult> cells) {
        double largest = 0.01;
        for (CellResult c : cells) {
            double[] v = spuriousValues(c);
            if (v.length > 0) {
                largest = Math.max(largest, v[v.length - 1]);
            }
        }
        double raw = largest * 1.04;
        double unit = Math.pow(10, Math.floor(Math.log10(raw))) / 2;
        double max = Math.ceil(raw / unit - 1e-9) * unit;
        return Axis.linear(-0.02 * max, max);
    }

    /** The figure: one panel and a caption saying what is plotted. */
    public static Figure figure(List<CellResult> cells) {
        Panel p = new Panel(xAxis(cells), Axis.linear(-2, 102))
                .xLabel("objective value *x*")
                .yLabel("runs ending at a minimum with *F* ≤ *x*  (%)");
        int diag = 0;
        for (CellResult c : cells) {
            if (c.n() == c.k()) {
                diag++;
            }
        }
        List<Series> keys = new ArrayList<>();
        List<Series> drawn = new ArrayList<>();
        int d = 0;
        int o = 0;
        for (int i = 0; i < cells.size(); i++) {
            CellResult c = cells.get(i);
            boolean over = c.n() != c.k();
            int colour = over ? diag + o++ : d++;
            double[][] xy = curve(c);
            int[] tops = new int[(xy[0].length - 1) / 2];
            for (int t = 0; t < tops.length; t++) {
                tops[t] = 2 + 2 * t;
            }
            Marker m = Marker.CYCLE[i % Marker.CYCLE.length];
            var color = Palette.color(colour);
            float[] dash = over ? Series.DASHED : Series.SOLID;
            drawn.add(Series.of(null, xy[0], xy[1]).color(color).width(1.3f).dash(dash).marker(m).markerSize(4.5)
                    .markersAt(tops));
            drawn.add(Series.of(null, new double[] {xy[0][0]}, new double[] {xy[1][0]}).color(color).line(false)
                    .marker(m).markerSize(4.5).openMarker(true));
            // a cell without spurious minima is a single point, possibly shared with another such cell: say so
            String label = "(" + c.k() + ", " + c.n() + ")" + (xy[0].length == 1 ? ": no spurious minimum" : "");
            keys.add(Series.key(label).color(color).width(1.3f).dash(dash).marker(m)
                    .markerSize(4.5));
        }
        // the smallest cells last, so that their curves (mostly near 100 %) are drawn on top
        for (int i = drawn.size() - 1; i >= 0; i -= 2) {
            p.add(drawn.get(i - 1));
            p.add(drawn.get(i));
        }
        keys.forEach(p::key);
        return new Figure(WIDTH, HEIGHT).add(p).caption(caption(cells));
    }

    static String caption(List<CellResult> cells) {
        String runs = runsText(cells);
        return "Cf. Safran & Shamir (2018), Figure 1, one curve per (*k*, *n*): the percentage of the " + runs
                + " that ended at a minimum with objective value *F* ≤ *x*. Open markers: runs that reached "
                + "*F* < 10^{" + Axis.MINUS + "3} (global; the search stops them there, so no smaller value is "
                + "drawn) count from *x* = 10^{" + Axis.MINUS + "3} on. Filled markers: a family of spurious local "
                + "minima at its runs' converged *F*. Runs at saddles, unconverged or diverged are not counted. "
                + "Dashed: *n* > *k*.";
    }

    private static String runsText(List<CellResult> cells) {
        int n = -1;
        for (CellResult c : cells) {
            if (n == -1) {
                n = c.runs().size();
            } else if (n != c.runs().size()) {
                return "runs of each cell";
            }
        }
        return n == 1 ? "1 run" : n + " runs";
    }

    /** Writes {@code base}.png (300 dpi), {@code base}.svg and {@code base}.pdf (each atomically). */
    public static List<Path> write(List<CellResult> cells, Path dir, String base) {
        try {
            return figure(cells).write(dir, base);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + dir.resolve(base) + ": " + e.getMessage(), e);
        }
    }
}
