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
}
