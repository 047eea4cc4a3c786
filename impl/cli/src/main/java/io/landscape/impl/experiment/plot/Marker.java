package io.landscape.impl.experiment.plot;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * Marker shapes, each of about the same visual weight at a given size (the circle's diameter, in points); all are
 * closed outlines, drawn filled or hollow.
 */
public enum Marker {
    NONE, CIRCLE, SQUARE, DIAMOND, TRIANGLE_UP, TRIANGLE_DOWN, PENTAGON, HEXAGON, STAR, PLUS, CROSS;

    /** Distinct shapes in a fixed order, for series told apart by shape (ten; cycled beyond). */
    public static final Marker[] CYCLE = {CIRCLE, SQUARE, DIAMOND, TRIANGLE_UP, TRIANGLE_DOWN, PENTAGON, STAR, CROSS, PLUS,
        HEXAGON};

    /** The outline centred at (x, y); null for {@link #NONE}. */
    public Shape shape(double x, double y, double size) {
        double r = size / 2;
        switch (this) {
            case NONE:
                return null;
            case CIRCLE:
                return new Ellipse2D.Double(x - r, y - r, size, size);
            case SQUARE:
                double s = r * 0.9;
                return new Rectangle2D.Double(x - s, y - s, 2 * s, 2 * s);
            case DIAMOND:
                return polygon(x, y, r * 1.25, 4, 0);
            case TRIANGLE_UP:
                return polygon(x, y + r * 0.2, r * 1.3, 3, 0);
            case TRIANGLE_DOWN:
                return polygon(x, y - r * 0.2, r * 1.3, 3, Math.PI);
            case PENTAGON:
                return polygon(x, y, r * 1.1, 5, 0);
            case HEXAGON:
                return polygon(x, y, r * 1.05, 6, 0);
            case STAR:
                return star(x, y, r * 1.35, r * 0.55);
            case PLUS:
                return plus(x, y, r * 1.2, r * 0.42, 0);
            case CROSS:
                return plus(x, y, r * 1.3, r * 0.40, Math.PI / 4);
            default:
                throw new AssertionError(this);
        }
    }

    /** A regular polygon with one vertex at the top (rotated by {@code turn}), in screen coordinates (y down). */
    private static Shape polygon(double x, double y, double radius, int sides, double turn) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < sides; i++) {
            double a = turn + 2 * Math.PI * i / sides;
            double px = x + radius * Math.sin(a);
            double py = y - radius * Math.cos(a);
            if (i == 0) {
                p.moveTo(px, py);
            } else {
                p.lineTo(px, py);
            }
        }
        p.closePath();
        return p;
    }

    /** A filled plus sign of half-length {@code arm} and half-width {@code half}, turned by {@code turn}. */
    private static Shape plus(double x, double y, double arm, double half, double turn) {
        double[][] pts = {{-half, -arm}, {half, -arm}, {half, -half}, {arm, -half}, {arm, half}, {half, half},
            {half, arm}, {-half, arm}, {-half, half}, {-arm, half}, {-arm, -half}, {-half, -half}};
        Path2D.Double p = new Path2D.Double();
        double c = Math.cos(turn);
        double s = Math.sin(turn);
        for (int i = 0; i < pts.length; i++) {
            double px = x + c * pts[i][0] - s * pts[i][1];
            double py = y + s * pts[i][0] + c * pts[i][1];
            if (i == 0) {
                p.moveTo(px, py);
            } else {
                p.lineTo(px, py);
            }
        }
        p.closePath();
        return p;
    }

    private static Shape star(double x, double y, double outer, double inner) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double a = Math.PI * i / 5;
            double rad = i % 2 == 0 ? outer : inner;
            double px = x + rad * Math.sin(a);
            double py = y - rad * Math.cos(a);
            if (i == 0) {
                p.moveTo(px, py);
            } else {
                p.lineTo(px, py);
            }
        }
        p.closePath();
        return p;
    }
}
