package io.landscape.impl.experiment.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * One plot: two {@link Axis axes}, {@link Series series}, optional shaded bands, reference lines, text notes, and a
 * legend that is placed where it covers no data (inside a corner when one is free, otherwise to the right of the plot).
 * Lengths are in points (1/72 in); all text is {@link RichText}.
 */
public final class Panel {
    /** Where the legend goes. */
    public enum LegendPlace { AUTO, NORTH_EAST, NORTH_WEST, SOUTH_EAST, SOUTH_WEST, OUTSIDE_RIGHT, NONE }

    /** Horizontal alignment of a note: the anchor is at its left edge, centre or right edge. */
    public enum HAlign { LEFT, CENTER, RIGHT }

    /** Vertical alignment of a note: the anchor is at the top of its capitals, their middle, or its baseline. */
    public enum VAlign { TOP, MIDDLE, BASELINE }

    private record Note(String text, double x, double y, boolean data, HAlign h, VAlign v, Color color, double scale) {
    }

    private record Band(double lo, double hi, Color fill, String label) {
    }

    private record RefLine(double y, Color color, float[] dash, String label) {
    }

    static final double TICK = 3.5;
    static final double MINOR_TICK = 2.0;
    static final double PAD = 3.0;
    static final double LEGEND_SAMPLE = 17.0;
    static final Color GRID = new Color(0xEBEBEB);
    static final Color FRAME = new Color(0x222222);
    static final Color LEGEND_BORDER = new Color(0xBBBBBB);

    private final Axis x;
    private final Axis y;
    private String title;
    private String xLabel;
    private String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Series> keys = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final List<RefLine> refs = new ArrayList<>();
    private LegendPlace legendPlace = LegendPlace.AUTO;
    private double fontSize = 8.5;
    private boolean grid = true;

    // filled in by render, for tests
    private Rectangle2D plotBox;
    private Rectangle2D legendBox;

    public Panel(Axis x, Axis y) {
        this.x = x;
        this.y = y;
    }

    public Axis xAxis() {
        return x;
    }

    public Axis yAxis() {
        return y;
    }

    public Panel title(String t) {
        this.title = t;
        return this;
    }

    public Panel xLabel(String t) {
        this.xLabel = t;
        return this;
    }

    public Panel yLabel(String t) {
        this.yLabel = t;
        return this;
    }

    public Panel fontSize(double points) {
        this.fontSize = points;
        return this;
    }

    public Panel grid(boolean on) {
        this.grid = on;
        return this;
    }

    public Panel legend(LegendPlace place) {
        this.legendPlace = place;
        return this;
    }

    public Panel add(Series s) {
        series.add(s);
        return this;
    }

    /** A legend-only entry (no data), listed after the series. */
    public Panel key(Series s) {
        keys.add(s);
        return this;
    }

    /** A shaded horizontal band lo ≤ y ≤ hi (clipped to the axis), with an optional label inside its top-left corner. */
    public Panel band(double lo, double hi, Color fill, String label) {
        bands.add(new Band(lo, hi, fill, label));
        return this;
    }

    /** A horizontal reference line at y, labelled at its right end (label may be null). */
    public Panel hline(double yValue, Color color, float[] dash, String label) {
        refs.add(new RefLine(yValue, color, dash, label));
        return this;
    }

    /** Text anchored at data coordinates (x, y). */
    public Panel note(String text, double xValue, double yValue, HAlign h, VAlign v, Color color) {
        notes.add(new Note(text, xValue, yValue, true, h, v, color, 0.9));
        return this;
    }

    /** Text anchored at a fraction of the plot box (0, 0 bottom-left; 1, 1 top-right). */
    public Panel noteAt(String text, double fx, double fy, HAlign h, VAlign v, Color color) {
        notes.add(new Note(text, fx, fy, false, h, v, color, 0.9));
        return this;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    /** The plot frame of the last {@link #render}, or null. */
    public Rectangle2D plotBox() {
        return plotBox;
    }

    /** The legend box of the last {@link #render}, or null when there was none. */
    public Rectangle2D legendBox() {
        return legendBox;
    }

    /** Labels of the major ticks of the x axis, then the y axis (rich text). */
    public List<String> tickLabels() {
        List<String> out = new ArrayList<>();
        for (Axis a : new Axis[] {x, y}) {
            for (Axis.Tick t : a.ticks()) {
                if (t.major()) {
                    out.add(t.label());
                }
            }
        }
        return out;
    }

    private Font font(double scale, int style) {
        return new Font(Font.SANS_SERIF, style, 1).deriveFont((float) (fontSize * scale));
    }

    private Font tickFont() {
        return font(0.95, Font.PLAIN);
    }

    private Font labelFont() {
        return font(1.0, Font.PLAIN);
    }

    private Font legendFont() {
        return font(0.9, Font.PLAIN);
    }

    /** Draws the panel inside {@code box}. */
    public void render(Graphics2D g, Rectangle2D box) {
        Font tf = tickFont();
        Font lf = labelFont();
        Rectangle2D plot = plotArea(box, 0);
        List<Series> entries = legendEntries();
        Rectangle2D legend = null;
        if (!entries.isEmpty() && legendPlace != LegendPlace.NONE) {
            double[] size = legendSize(entries);
            if (legendPlace == LegendPlace.OUTSIDE_RIGHT) {
                plot = plotArea(box, size[0] + 2 * PAD);
                legend = new Rectangle2D.Double(plot.getMaxX() + 2 * PAD, plot.getY(), size[0], size[1]);
            } else {
                legend = placeInside(plot, size);
                if (legend == null) {
                    plot = plotArea(box, size[0] + 2 * PAD);
                    legend = new Rectangle2D.Double(plot.getMaxX() + 2 * PAD, plot.getY(), size[0], size[1]);
                }
            }
        }
        plotBox = plot;
        legendBox = legend;

        g.setColor(Color.WHITE);
        g.fill(box);
        for (Band b : bands) {
            double y0 = clampY(b.lo(), plot);
            double y1 = clampY(b.hi(), plot);
            if (Double.isNaN(y0) || Double.isNaN(y1) || Math.abs(y0 - y1) < 1e-9) {
                continue;
            }
            g.setColor(b.fill());
            g.fill(new Rectangle2D.Double(plot.getX(), Math.min(y0, y1), plot.getWidth(), Math.abs(y1 - y0)));
        }
        if (grid) {
            g.setColor(GRID);
            g.setStroke(new BasicStroke(0.5f));
            for (Axis.Tick t : x.ticks()) {
                if (t.major()) {
                    double px = px(t.value(), plot);
                    g.draw(new Line2D.Double(px, plot.getY(), px, plot.getMaxY()));
                }
            }
            for (Axis.Tick t : y.ticks()) {
                if (t.major()) {
                    double py = py(t.value(), plot);
                    g.draw(new Line2D.Double(plot.getX(), py, plot.getMaxX(), py));
                }
            }
        }
        for (RefLine r : refs) {
            if (!y.contains(r.y())) {
                continue;
            }
            double py = py(r.y(), plot);
            g.setColor(r.color());
            g.setStroke(stroke(1.0f, r.dash()));
            g.draw(new Line2D.Double(plot.getX(), py, plot.getMaxX(), py));
        }
        for (Series s : series) {
            if (!s.hasLine()) {
                continue;
            }
            g.setColor(s.color());
            g.setStroke(s.stroke());
            for (Path2D p : polylines(s, plot)) {
                g.draw(p);
            }
        }
        for (Series s : series) {
            for (int i : s.markerIndices()) {
                double[] p = point(s, i, plot);
                if (p != null && inside(p[0], p[1], plot, 0.5)) {
                    drawMarker(g, s.marker(), s.color(), s.markerSize(), s.openMarker(), p[0], p[1]);
                }
            }
        }

        g.setColor(FRAME);
        g.setStroke(new BasicStroke(0.75f));
        g.draw(plot);
        drawTicks(g, plot, tf);
        g.setColor(Color.BLACK);
        if (xLabel != null) {
            double w = RichText.width(xLabel, lf);
            RichText.draw(g, xLabel, lf, plot.getCenterX() - w / 2, box.getMaxY() - RichText.descent(xLabel, lf));
        }
        if (yLabel != null) {
            double w = RichText.width(yLabel, lf);
            var t = g.getTransform();
            double bx = box.getX() + RichText.ascent(yLabel, lf);
            double by = plot.getCenterY() + w / 2;
            g.translate(bx, by);
            g.rotate(-Math.PI / 2);
            RichText.draw(g, yLabel, lf, 0, 0);
            g.setTransform(t);
        }
        if (title != null) {
            Font f = font(1.0, Font.BOLD);
            double w = RichText.width(title, f);
            RichText.draw(g, title, f, plot.getCenterX() - w / 2, box.getY() + RichText.ascent(title, f) + 1);
        }
        for (Band b : bands) {
            if (b.label() == null) {
                continue;
            }
            double top = Math.min(clampY(b.lo(), plot), clampY(b.hi(), plot));
            Font f = font(0.85, Font.PLAIN);
            g.setColor(Palette.GREY);
            RichText.draw(g, b.label(), f, plot.getX() + PAD + 1, top + PAD + RichText.ascent(b.label(), f));
        }
        for (RefLine r : refs) {
            if (r.label() == null || !y.contains(r.y())) {
                continue;
            }
            Font f = font(0.9, Font.PLAIN);
            g.setColor(r.color());
            double w = RichText.width(r.label(), f);
            RichText.draw(g, r.label(), f, plot.getMaxX() - PAD - w, py(r.y(), plot) - PAD);
        }
        for (Note n : notes) {
            Font f = font(n.scale(), Font.PLAIN);
            Rectangle2D nb = noteBox(n, plot, f);
            if (nb == null) {
                continue;
            }
            g.setColor(n.color());
            RichText.draw(g, n.text(), f, nb.getX(), nb.getY() + RichText.ascent(n.text(), f));
        }
        if (legend != null) {
            drawLegend(g, legend, entries);
        }
    }

    /** The plot frame inside {@code box}, leaving {@code extraRight} points free on the right. */
    private Rectangle2D plotArea(Rectangle2D box, double extraRight) {
        Font tf = tickFont();
        Font lf = labelFont();
        double yTickWidth = 0;
        for (Axis.Tick t : y.ticks()) {
            if (t.major()) {
                yTickWidth = Math.max(yTickWidth, RichText.width(t.label(), tf));
            }
        }
        double tickHeight = 0;
        double lastHalf = 0;
        double firstHalf = 0;
        for (Axis.Tick t : x.ticks()) {
            if (t.major()) {
                tickHeight = Math.max(tickHeight, RichText.ascent(t.label(), tf) + RichText.descent(t.label(), tf));
                double half = RichText.width(t.label(), tf) / 2;
                if (x.fraction(t.value()) > 0.999) {
                    lastHalf = half;
                }
                if (x.fraction(t.value()) < 0.001) {
                    firstHalf = half;
                }
            }
        }
        double left = box.getX() + TICK + PAD + yTickWidth + PAD;
        if (yLabel != null) {
            left += RichText.ascent(yLabel, lf) + RichText.descent(yLabel, lf) + PAD;
        }
        left = Math.max(left, box.getX() + firstHalf + 1);
        double top = box.getY() + RichText.CAP_HEIGHT * tf.getSize2D() / 2 + PAD + 2;
        if (title != null) {
            Font f = font(1.0, Font.BOLD);
            top = box.getY() + RichText.ascent(title, f) + RichText.descent(title, f) + 2 * PAD + 1;
        }
        double bottom = box.getMaxY() - TICK - PAD - tickHeight - 1;
        if (xLabel != null) {
            bottom -= RichText.ascent(xLabel, lf) + RichText.descent(xLabel, lf) + PAD;
        }
        double right = box.getMaxX() - Math.max(2 * PAD, lastHalf + 1) - extraRight;
        return new Rectangle2D.Double(left, top, Math.max(10, right - left), Math.max(10, bottom - top));
    }

    private void drawTicks(Graphics2D g, Rectangle2D plot, Font tf) {
        g.setStroke(new BasicStroke(0.75f));
        for (Axis.Tick t : x.ticks()) {
            double px = px(t.value(), plot);
            double len = t.major() ? TICK : MINOR_TICK;
            g.setColor(FRAME);
            g.draw(new Line2D.Double(px, plot.getMaxY(), px, plot.getMaxY() + len));
            if (t.major()) {
                double w = RichText.width(t.label(), tf);
                g.setColor(Color.BLACK);
                RichText.draw(g, t.label(), tf, px - w / 2,
                        plot.getMaxY() + TICK + PAD + RichText.ascent(t.label(), tf));
            }
        }
        for (Axis.Tick t : y.ticks()) {
            double py = py(t.value(), plot);
            double len = t.major() ? TICK : MINOR_TICK;
            g.setColor(FRAME);
            g.draw(new Line2D.Double(plot.getX() - len, py, plot.getX(), py));
            if (t.major()) {
                double w = RichText.width(t.label(), tf);
                g.setColor(Color.BLACK);
                RichText.draw(g, t.label(), tf, plot.getX() - TICK - PAD - w,
                        py + RichText.CAP_HEIGHT * tf.getSize2D() / 2);
            }
        }
    }

    private List<Series> legendEntries() {
        List<Series> out = new ArrayList<>();
        for (Series s : series) {
            if (s.label() != null) {
                out.add(s);
            }
        }
        out.addAll(keys);
        return out;
    }

    private double rowHeight() {
        return legendFont().getSize2D() * 1.5;
    }

    private double[] legendSize(List<Series> entries) {
        Font f = legendFont();
        double w = 0;
        for (Series s : entries) {
            w = Math.max(w, RichText.width(s.label(), f));
        }
        return new double[] {PAD * 2 + LEGEND_SAMPLE + PAD + w + 1, PAD * 1.5 + entries.size() * rowHeight()};
    }

    /** A legend box in a free corner of the plot (first of NE, NW, SE, SW, then the edge midpoints), or null. */
    private Rectangle2D placeInside(Rectangle2D plot, double[] size) {
        double m = 4;
        double l = plot.getX() + m;
        double r = plot.getMaxX() - m - size[0];
        double t = plot.getY() + m;
        double b = plot.getMaxY() - m - size[1];
        double cx = plot.getCenterX() - size[0] / 2;
        double cy = plot.getCenterY() - size[1] / 2;
        double[][] corners;
        switch (legendPlace) {
            case NORTH_EAST: return new Rectangle2D.Double(r, t, size[0], size[1]);
            case NORTH_WEST: return new Rectangle2D.Double(l, t, size[0], size[1]);
            case SOUTH_EAST: return new Rectangle2D.Double(r, b, size[0], size[1]);
            case SOUTH_WEST: return new Rectangle2D.Double(l, b, size[0], size[1]);
            default:
                corners = new double[][] {{r, t}, {l, t}, {r, b}, {l, b}, {cx, t}, {cx, b}, {r, cy}, {l, cy}};
        }
        if (size[0] > plot.getWidth() - 2 * m || size[1] > plot.getHeight() - 2 * m) {
            return null;
        }
        for (double[] c : corners) {
            Rectangle2D cand = new Rectangle2D.Double(c[0], c[1], size[0], size[1]);
            if (hits(cand, plot) == 0) {
                return cand;
            }
        }
        return null;
    }

    /** How many data segments, markers, reference lines and notes touch {@code area} (grown by 2 points). */
    int hits(Rectangle2D area, Rectangle2D plot) {
        Rectangle2D a = new Rectangle2D.Double(area.getX() - 2, area.getY() - 2, area.getWidth() + 4,
                area.getHeight() + 4);
        int n = 0;
        for (Series s : series) {
            if (s.hasLine()) {
                for (Path2D p : polylines(s, plot)) {
                    double[] prev = null;
                    for (var it = p.getPathIterator(null); !it.isDone(); it.next()) {
                        double[] c = new double[6];
                        int type = it.currentSegment(c);
                        if (type == java.awt.geom.PathIterator.SEG_LINETO && prev != null
                                && a.intersectsLine(prev[0], prev[1], c[0], c[1])) {
                            n++;
                        }
                        prev = new double[] {c[0], c[1]};
                    }
                }
            }
            for (int i : s.markerIndices()) {
                double[] p = point(s, i, plot);
                double r = s.markerSize();
                if (p != null && inside(p[0], p[1], plot, 0.5)
                        && a.intersects(p[0] - r, p[1] - r, 2 * r, 2 * r)) {
                    n++;
                }
            }
        }
        for (RefLine r : refs) {
            if (y.contains(r.y())) {
                double py = py(r.y(), plot);
                if (a.intersectsLine(plot.getX(), py, plot.getMaxX(), py)) {
                    n++;
                }
            }
        }
        for (Note note : notes) {
            Rectangle2D nb = noteBox(note, plot, font(note.scale(), Font.PLAIN));
            if (nb != null && a.intersects(nb)) {
                n++;
            }
        }
        for (Band b : bands) {
            if (b.label() != null) {
                Font f = font(0.85, Font.PLAIN);
                double top = Math.min(clampY(b.lo(), plot), clampY(b.hi(), plot));
                if (a.intersects(plot.getX() + PAD, top + PAD, RichText.width(b.label(), f) + 2,
                        RichText.ascent(b.label(), f) + RichText.descent(b.label(), f))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Number of data elements under the legend of the last render (0 when it is outside or absent). */
    public int legendHits() {
        return legendBox == null ? 0 : hits(legendBox, plotBox);
    }

    private Rectangle2D noteBox(Note n, Rectangle2D plot, Font f) {
        double ax;
        double ay;
        if (n.data()) {
            if (!x.contains(n.x()) || !y.contains(n.y())) {
                return null;
            }
            ax = px(n.x(), plot);
            ay = py(n.y(), plot);
        } else {
            ax = plot.getX() + n.x() * plot.getWidth();
            ay = plot.getMaxY() - n.y() * plot.getHeight();
        }
        double w = RichText.width(n.text(), f);
        double asc = RichText.ascent(n.text(), f);
        double desc = RichText.descent(n.text(), f);
        double left = n.h() == HAlign.LEFT ? ax : n.h() == HAlign.CENTER ? ax - w / 2 : ax - w;
        double baseline = n.v() == VAlign.TOP ? ay + asc : n.v() == VAlign.MIDDLE
                ? ay + RichText.CAP_HEIGHT * f.getSize2D() / 2 : ay;
        return new Rectangle2D.Double(left, baseline - asc, w, asc + desc);
    }

    private void drawLegend(Graphics2D g, Rectangle2D box, List<Series> entries) {
        Font f = legendFont();
        g.setColor(Color.WHITE);
        g.fill(box);
        g.setColor(LEGEND_BORDER);
        g.setStroke(new BasicStroke(0.5f));
        g.draw(box);
        double row = rowHeight();
        for (int i = 0; i < entries.size(); i++) {
            Series s = entries.get(i);
            double mid = box.getY() + PAD * 0.75 + (i + 0.5) * row;
            double x0 = box.getX() + PAD;
            double x1 = x0 + LEGEND_SAMPLE;
            if (s.hasLine()) {
                g.setColor(s.color());
                g.setStroke(s.stroke());
                g.draw(new Line2D.Double(x0, mid, x1, mid));
            }
            if (s.marker() != Marker.NONE) {
                drawMarker(g, s.marker(), s.color(), s.markerSize(), s.openMarker(), (x0 + x1) / 2, mid);
            }
            g.setColor(Color.BLACK);
            RichText.draw(g, s.label(), f, x1 + PAD, mid + RichText.CAP_HEIGHT * f.getSize2D() / 2);
        }
    }

    static void drawMarker(Graphics2D g, Marker m, Color c, double size, boolean open, double px, double py) {
        Shape sh = m.shape(px, py, size);
        if (sh == null) {
            return;
        }
        g.setColor(open ? Color.WHITE : c);
        g.fill(sh);
        g.setColor(open ? c : Color.WHITE);
        g.setStroke(new BasicStroke(open ? 1.0f : 0.5f));
        g.draw(sh);
    }

    private static BasicStroke stroke(float width, float[] dash) {
        if (dash == null) {
            return new BasicStroke(width);
        }
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash.clone(), 0f);
    }

    private double px(double v, Rectangle2D plot) {
        return plot.getX() + x.fraction(v) * plot.getWidth();
    }

    private double py(double v, Rectangle2D plot) {
        return plot.getMaxY() - y.fraction(v) * plot.getHeight();
    }

    /** The screen y of v, clamped to the plot frame; NaN where undefined. */
    private double clampY(double v, Rectangle2D plot) {
        double f = y.fraction(v);
        if (Double.isNaN(f)) {
            return v <= 0 && y.isLog() ? plot.getMaxY() : Double.NaN;
        }
        return plot.getMaxY() - Math.max(0, Math.min(1, f)) * plot.getHeight();
    }

    /** Screen coordinates of point i, or null where a coordinate is undefined. */
    private double[] point(Series s, int i, Rectangle2D plot) {
        double fx = x.fraction(s.xAt(i));
        double fy = y.fraction(s.yAt(i));
        if (!Double.isFinite(fx) || !Double.isFinite(fy)) {
            return null;
        }
        return new double[] {plot.getX() + fx * plot.getWidth(), plot.getMaxY() - fy * plot.getHeight()};
    }

    private static boolean inside(double px, double py, Rectangle2D r, double tol) {
        return px >= r.getX() - tol && px <= r.getMaxX() + tol && py >= r.getY() - tol && py <= r.getMaxY() + tol;
    }

    /** The series' line as polylines cut at the plot frame (Liang–Barsky) and at undefined points. */
    List<Path2D> polylines(Series s, Rectangle2D plot) {
        List<Path2D> out = new ArrayList<>();
        Path2D.Double cur = null;
        double[] last = null;
        double[] prev = null;
        for (int i = 0; i < s.size(); i++) {
            double[] p = point(s, i, plot);
            if (p == null) {
                prev = null;
                continue;
            }
            if (prev != null) {
                double[] c = clip(prev, p, plot);
                if (c != null) {
                    boolean joined = cur != null && last != null && Math.abs(last[0] - c[0]) < 1e-9
                            && Math.abs(last[1] - c[1]) < 1e-9;
                    if (!joined) {
                        cur = new Path2D.Double();
                        cur.moveTo(c[0], c[1]);
                        out.add(cur);
                    }
                    cur.lineTo(c[2], c[3]);
                    last = new double[] {c[2], c[3]};
                }
            }
            prev = p;
        }
        return out;
    }

    /** The part of segment a–b inside r as {x0, y0, x1, y1}, or null. */
    static double[] clip(double[] a, double[] b, Rectangle2D r) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double t0 = 0;
        double t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a[0] - r.getX(), r.getMaxX() - a[0], a[1] - r.getY(), r.getMaxY() - a[1]};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null;
                }
                continue;
            }
            double t = q[i] / p[i];
            if (p[i] < 0) {
                t0 = Math.max(t0, t);
            } else {
                t1 = Math.min(t1, t);
            }
        }
        if (t0 > t1) {
            return null;
        }
        return new double[] {a[0] + t0 * dx, a[1] + t0 * dy, a[0] + t1 * dx, a[1] + t1 * dy};
    }
}
