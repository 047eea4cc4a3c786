package io.landscape.impl.experiment.basin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

import io.landscape.api.empirical.EmpiricalProblem;
import io.landscape.impl.basin.SingleNeuronConstruction;
import io.landscape.impl.empirical.TwoLayerObjective;

/**
 * Paper 001's Fig. 3: L_S(w₁, w₂) of App. C.2 extended to two dimensions (ε = 0.1), as a filled contour plot on a
 * log-spaced colour scale (cividis, readable with colour-vision deficiencies) with iso-lines (marching squares) and
 * the four minima: one optimal (ε), one bad (½) and two average ((ε + ½)/2). Drawn with Java2D.
 */
public final class ContourFigure {
    private static final int W = 980;
    private static final int H = 800;
    private static final int LEFT = 95;
    private static final int TOP = 70;
    private static final int PLOT = 640;
    private static final double LO = -2.0;
    private static final double HI = 2.0;

    private ContourFigure() {
    }

    /** Cividis colour map at u ∈ [0, 1] (piecewise-linear through 9 anchor colours). */
    static Color cividis(double u) {
        int[][] a = {{0, 34, 78}, {40, 58, 110}, {80, 85, 110}, {112, 110, 115}, {145, 138, 118}, {180, 167, 110},
            {216, 198, 94}, {253, 231, 55}};
        double x = Math.max(0, Math.min(1, u)) * (a.length - 1);
        int i = (int) Math.floor(x);
        i = Math.min(i, a.length - 2);
        double f = x - i;
        return new Color((int) Math.round(a[i][0] + f * (a[i + 1][0] - a[i][0])),
                (int) Math.round(a[i][1] + f * (a[i + 1][1] - a[i][1])),
                (int) Math.round(a[i][2] + f * (a[i + 1][2] - a[i][2])));
    }

    public static BufferedImage render(double eps) {
        EmpiricalProblem p = SingleNeuronConstruction.problem(2, eps);
        TwoLayerObjective f = new TwoLayerObjective(p);
        int grid = 400;
        double[][] z = new double[grid + 1][grid + 1];
        double zmin = Double.POSITIVE_INFINITY;
        double zmax = 0;
        for (int i = 0; i <= grid; i++) {
            for (int j = 0; j <= grid; j++) {
                double w1 = LO + (HI - LO) * i / grid;
                double w2 = LO + (HI - LO) * j / grid;
                z[i][j] = f.value(new double[] {w1, w2});
                zmin = Math.min(zmin, z[i][j]);
                zmax = Math.max(zmax, z[i][j]);
            }
        }
        double lmin = Math.log10(zmin);
        double lmax = Math.log10(Math.min(zmax, 1.0)); // values above 1 share the top colour
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        // filled field
        for (int px = 0; px < PLOT; px++) {
            for (int py = 0; py < PLOT; py++) {
                double w1 = LO + (HI - LO) * (px + 0.5) / PLOT;
                double w2 = HI - (HI - LO) * (py + 0.5) / PLOT;
                double v = f.value(new double[] {w1, w2});
                double u = (Math.log10(v) - lmin) / (lmax - lmin);
                img.setRGB(LEFT + px, TOP + py, cividis(u).getRGB());
            }
        }
        // iso-lines at log-spaced levels (marching squares, one segment per crossed cell)
        g.setStroke(new BasicStroke(1.1f));
        g.setColor(new Color(255, 255, 255, 170));
        double[] levels = {0.11, 0.13, 0.16, 0.2, 0.25, 0.3, 0.32, 0.36, 0.42, 0.5, 0.52, 0.56, 0.62, 0.7, 0.85, 1.0};
        for (double level : levels) {
            for (int i = 0; i < grid; i++) {
                for (int j = 0; j < grid; j++) {
                    double[] c = {z[i][j], z[i + 1][j], z[i + 1][j + 1], z[i][j + 1]};
                    double[][] corner = {{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}};
                    double[][] pts = new double[4][];
                    int k = 0;
                    for (int e = 0; e < 4; e++) {
                        double a = c[e] - level;
                        double b = c[(e + 1) % 4] - level;
                        if ((a < 0) != (b < 0)) {
                            double t = a / (a - b);
                            double[] p0 = corner[e];
                            double[] p1 = corner[(e + 1) % 4];
                            pts[k++] = new double[] {p0[0] + t * (p1[0] - p0[0]), p0[1] + t * (p1[1] - p0[1])};
                        }
                    }
                    for (int s = 0; s + 1 < k; s += 2) {
                        g.draw(new Line2D.Double(sx(pts[s][0], grid), sy(pts[s][1], grid), sx(pts[s + 1][0], grid),
                                sy(pts[s + 1][1], grid)));
                    }
                }
            }
        }
        // cell boundaries w₁ = 0 and w₂ = 0
        g.setColor(new Color(255, 255, 255, 220));
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f));
        g.draw(new Line2D.Double(LEFT + PLOT / 2.0, TOP, LEFT + PLOT / 2.0, TOP + PLOT));
        g.draw(new Line2D.Double(LEFT, TOP + PLOT / 2.0, LEFT + PLOT, TOP + PLOT / 2.0));
        // minima
        double good = -1;
        double bad = 2 * Math.sqrt(2 * eps);
        double[][] minima = {{good, good}, {bad, bad}, {good, bad}, {bad, good}};
        String[] label = {"optimal: ε = " + fmt(eps), "bad: ½", "average: " + fmt((eps + 0.5) / 2),
            "average: " + fmt((eps + 0.5) / 2)};
        Color[] col = {BasinFigures.PALETTE[2], BasinFigures.PALETTE[1], BasinFigures.PALETTE[0],
            BasinFigures.PALETTE[0]};
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        for (int k = 0; k < 4; k++) {
            double x = LEFT + (minima[k][0] - LO) / (HI - LO) * PLOT;
            double y = TOP + (HI - minima[k][1]) / (HI - LO) * PLOT;
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(x - 9, y - 9, 18, 18));
            g.setColor(col[k]);
            g.fill(new Ellipse2D.Double(x - 7, y - 7, 14, 14));
            String s = label[k];
            FontMetrics fm = g.getFontMetrics();
            int tx = (int) x - fm.stringWidth(s) / 2;
            int ty = (int) y + 28;
            g.setColor(new Color(255, 255, 255, 215));
            g.fillRoundRect(tx - 5, ty - fm.getAscent(), fm.stringWidth(s) + 10, fm.getHeight(), 8, 8);
            g.setColor(Color.BLACK);
            g.drawString(s, tx, ty);
        }
        // frame, ticks, labels
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1.2f));
        g.drawRect(LEFT, TOP, PLOT, PLOT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        FontMetrics fm = g.getFontMetrics();
        for (double t = LO; t <= HI + 1e-9; t += 0.5) {
            int x = (int) Math.round(LEFT + (t - LO) / (HI - LO) * PLOT);
            int y = (int) Math.round(TOP + (HI - t) / (HI - LO) * PLOT);
            g.drawLine(x, TOP + PLOT, x, TOP + PLOT + 6);
            g.drawLine(LEFT - 6, y, LEFT, y);
            String s = fmtTick(t);
            g.drawString(s, x - fm.stringWidth(s) / 2, TOP + PLOT + 24);
            g.drawString(s, LEFT - 12 - fm.stringWidth(s), y + 5);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        fm = g.getFontMetrics();
        g.drawString("w₁", LEFT + PLOT / 2 - fm.stringWidth("w₁") / 2, TOP + PLOT + 52);
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        r.drawString("w₂", -(TOP + PLOT / 2) - fm.stringWidth("w₂") / 2, LEFT - 55);
        r.dispose();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        fm = g.getFontMetrics();
        String title = "Fig. 3: L_S(w) of App. C.2 in two dimensions (ε = 0.1): 2² = 4 strict local minima";
        g.drawString(title, W / 2 - fm.stringWidth(title) / 2, 40);
        // colour bar
        int cbx = LEFT + PLOT + 60;
        int cbw = 26;
        for (int py = 0; py < PLOT; py++) {
            double u = 1 - (py + 0.5) / PLOT;
            g.setColor(cividis(u));
            g.fillRect(cbx, TOP + py, cbw, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(cbx, TOP, cbw, PLOT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        fm = g.getFontMetrics();
        for (double v : new double[] {0.1, 0.15, 0.2, 0.3, 0.5, 0.7, 1.0}) {
            double u = (Math.log10(v) - lmin) / (lmax - lmin);
            if (u < 0 || u > 1) {
                continue;
            }
            int y = (int) Math.round(TOP + (1 - u) * PLOT);
            g.drawLine(cbx + cbw, y, cbx + cbw + 5, y);
            g.drawString(new java.math.BigDecimal(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString(), cbx + cbw + 9, y + 5);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        Graphics2D r2 = (Graphics2D) g.create();
        r2.rotate(-Math.PI / 2);
        r2.drawString("L_S(w) (log scale, ≥ 1 saturated)", -(TOP + PLOT / 2) - 60, cbx + cbw + 62);
        r2.dispose();
        g.dispose();
        return img;
    }

    private static double sx(double i, int grid) {
        return LEFT + i / grid * PLOT;
    }

    private static double sy(double j, int grid) {
        return TOP + PLOT - j / grid * PLOT;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String fmtTick(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.replace("-", "−");
    }
}
