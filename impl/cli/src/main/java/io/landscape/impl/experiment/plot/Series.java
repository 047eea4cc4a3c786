package io.landscape.impl.experiment.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;

/**
 * One data series of a {@link Panel}: points joined by a line (broken where a coordinate is not finite, or not
 * positive on a log axis) and markers at chosen points. Points outside the axes are not moved: the line is cut at the
 * plot frame.
 */
public final class Series {
    /** Dash patterns, in points. */
    public static final float[] SOLID = null;
    public static final float[] DASHED = {5f, 3f};
    public static final float[] SHORT_DASHED = {3f, 2f};
    public static final float[] DOTTED = {1f, 2f};

    private final String label;
    private final double[] x;
    private final double[] y;
    private Color color = Color.BLACK;
    private float width = 1.25f;
    private float[] dash = SOLID;
    private boolean line = true;
    private Marker marker = Marker.NONE;
    private double markerSize = 4.5;
    private boolean openMarker;
    private int[] markersAt;

    private Series(String label, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + label + "': " + x.length + " x values, " + y.length + " y");
        }
        this.label = label;
        this.x = x.clone();
        this.y = y.clone();
    }

    /** A series; {@code label} (rich text, see {@link RichText}) null keeps it out of the legend. */
    public static Series of(String label, double[] x, double[] y) {
        return new Series(label, x, y);
    }

    public static Series of(String label, List<Double> x, List<Double> y) {
        return new Series(label, x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** A legend entry without data (a style key such as "solid: gradient descent"). */
    public static Series key(String label) {
        return new Series(label, new double[0], new double[0]);
    }

    public Series color(Color c) {
        this.color = c;
        return this;
    }

    public Series width(float w) {
        this.width = w;
        return this;
    }

    public Series dash(float[] pattern) {
        this.dash = pattern == null ? null : pattern.clone();
        return this;
    }

    /** Whether to join the points (default true). */
    public Series line(boolean on) {
        this.line = on;
        return this;
    }

    public Series marker(Marker m) {
        this.marker = m;
        return this;
    }

    public Series markerSize(double s) {
        this.markerSize = s;
        return this;
    }

    /** Hollow markers (white inside). */
    public Series openMarker(boolean open) {
        this.openMarker = open;
        return this;
    }

    /** Markers only at these point indices (default: at every point). */
    public Series markersAt(int... indices) {
        this.markersAt = indices.clone();
        return this;
    }

    public String label() {
        return label;
    }

    public double[] x() {
        return x.clone();
    }

    public double[] y() {
        return y.clone();
    }

    int size() {
        return x.length;
    }

    double xAt(int i) {
        return x[i];
    }

    double yAt(int i) {
        return y[i];
    }

    public Color color() {
        return color;
    }

    public float width() {
        return width;
    }

    public boolean hasLine() {
        return line;
    }

    public Marker marker() {
        return marker;
    }

    double markerSize() {
        return markerSize;
    }

    boolean openMarker() {
        return openMarker;
    }

    /** Indices that carry a marker. */
    int[] markerIndices() {
        if (marker == Marker.NONE) {
            return new int[0];
        }
        if (markersAt == null) {
            int[] all = new int[x.length];
            Arrays.setAll(all, i -> i);
            return all;
        }
        return markersAt.clone();
    }

    BasicStroke stroke() {
        if (dash == null) {
            return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
        }
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash.clone(), 0f);
    }
}
