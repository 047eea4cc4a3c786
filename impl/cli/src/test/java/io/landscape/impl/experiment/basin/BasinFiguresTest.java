package io.landscape.impl.experiment.basin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BasinFiguresTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void failureChartOnLogAxis() throws Exception {
        List<CurvePoint> pts = List.of(
                new CurvePoint("thm2", "a", 2, 8, 16, 400, 0, 0, 1 - 16 * 0.5625, false, Double.NaN, 0),
                new CurvePoint("thm2", "a", 8, 8, 16, 400, 150, 0, 1 - 16 * Math.pow(0.75, 8), false, Double.NaN, 0),
                new CurvePoint("thm2", "a", 16, 8, 16, 400, 380, 0, 1 - 16 * Math.pow(0.75, 16), false, Double.NaN, 0),
                new CurvePoint("thm2", "a", 32, 8, 16, 400, 400, 0, 1 - 16 * Math.pow(0.75, 32), false, Double.NaN, 0));
        var chart = BasinFigures.probability("thm2", pts, true);
        Path png = dir.resolve("x.png");
        org.knowm.xchart.BitmapEncoder.saveBitmap(chart, png.toString(), org.knowm.xchart.BitmapEncoder.BitmapFormat.PNG);
        assertTrue(Files.size(png) > 1000);
    }

    /** Each panel names its event on the y axis (no generic "P[event]"), and the PNGs are drawn at print size. */
    @Test
    void axesNameTheirEvents() {
        for (String s : new String[] {"prop1", "eq9", "thm2", "thm3", "thm4", "thm5"}) {
            List<CurvePoint> pts = List.of(
                    new CurvePoint(s, "a", 2, 8, 16, 400, 100, 0, 0.1, false, Double.NaN, 0),
                    new CurvePoint(s, "a", 8, 8, 16, 400, 300, 0, 0.5, false, Double.NaN, 0));
            for (boolean failure : new boolean[] {false, true}) {
                var chart = BasinFigures.probability(s, pts, failure);
                String y = chart.getYAxisTitle();
                assertTrue(!y.contains("event") && y.contains("P[") && y.contains(BasinFigures.event(s)), s + ": " + y);
                assertTrue(y.contains(s.startsWith("prop") || s.equals("eq9") ? "W⁽⁰⁾" : "Bas"), s + ": " + y);
                var img = BasinFigures.render(chart, BasinFigures.PNG_SCALE);
                assertTrue(img.getWidth() >= 1800 && img.getHeight() >= 1240, img.getWidth() + "x" + img.getHeight());
            }
        }
        assertTrue(BasinFigures.thm6(List.of(new CurvePoint("thm6", "a", 1, 4, 8, 400, 20, 0.125, Math.exp(-0.25),
                true, 0.0625, 0))).getYAxisTitle().contains("Bas"));
    }
}
