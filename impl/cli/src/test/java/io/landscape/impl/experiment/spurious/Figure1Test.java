package io.landscape.impl.experiment.spurious;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.landscape.impl.experiment.plot.Figure;
import io.landscape.impl.experiment.plot.Marker;
import io.landscape.impl.experiment.plot.Panel;
import io.landscape.impl.experiment.plot.Series;
import io.landscape.impl.optim.GradientDescent;

/** What Figure 1 plots: global runs from 10⁻³ on (never their stop value), spurious minima at their converged F. */
class Figure1Test {

    private static RunRecord run(int k, int run, double value, GradientDescent.Stop stop) {
        return new RunRecord(k, k, run, run, 100, 100, 0, 0, 0.1, stop, value, 1e-10, 0.01, 0.01,
                value >= 1e-3 ? new double[k * k] : null);
    }

    private static Family family(int id, double value, boolean minimum, Integer... runs) {
        return new Family(id, new double[1][1], runs.length, value, minimum ? 0.01 : -0.01, 0, 0, 1, 0, minimum,
                List.of(runs));
    }

    /**
     * A (k, k) cell of 10 runs: 5 global runs stopped early at 2·10⁻⁴ … 9·10⁻⁴, 1 that converged to 10⁻²⁰, three at
     * spurious minima (F = 0.02, 0.02 + 10⁻¹², 0.035), one at a saddle (0.05); none below 10⁻³ is drawn.
     */
    static CellResult cell(int k) {
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(run(k, i, (2 + i) * 1e-4, GradientDescent.Stop.BELOW_THRESHOLD));
        }
        runs.add(run(k, 5, 1e-20, GradientDescent.Stop.CONVERGED));
        runs.add(run(k, 6, 0.02, GradientDescent.Stop.NEWTON));
        runs.add(run(k, 7, 0.035, GradientDescent.Stop.NEWTON));
        runs.add(run(k, 8, 0.02 + 1e-12, GradientDescent.Stop.NEWTON));
        runs.add(run(k, 9, 0.05, GradientDescent.Stop.CONVERGED));
        return new CellResult(k, k, 10, runs, List.of(family(1, 0.02, true, 6, 8), family(2, 0.035, true, 7)),
                List.of(family(3, 0.05, false, 9)), 6, 0, 0, 1.0);
    }

    @Test
    void curveStartsAtTheThresholdAndStepsAtEachMinimum() {
        double[][] c = Figure1.curve(cell(6));
        assertArrayEquals(new double[] {1e-3, 0.02, 0.02, 0.035, 0.035}, c[0], 1e-15);
        assertArrayEquals(new double[] {60, 60, 80, 80, 90}, c[1], 1e-12, "the saddle run is not a minimum");
    }

    @Test
    void figureDrawsNoValueBelowTheThresholdAndEveryCellDistinctly(@TempDir Path dir) throws Exception {
        List<CellResult> cells = List.of(cell(6), cell(8), cell(10));
        Figure f = Figure1.figure(cells);
        Panel p = f.panels().get(0);
        assertTrue(p.xAxis().min() < 0 && p.xAxis().min() > -0.001, "0 is on the axis: " + p.xAxis().min());
        assertTrue(p.xAxis().max() >= 0.035 && p.xAxis().max() <= 0.04, "x axis from the data: " + p.xAxis().max());
        Set<Marker> markers = new HashSet<>();
        for (Series s : p.series()) {
            for (double x : s.x()) {
                assertTrue(x >= Figure1.GLOBAL_THRESHOLD, "x = " + x + " is below 10^-3");
                assertTrue(p.xAxis().contains(x), "x = " + x + " off the axis");
            }
            for (double y : s.y()) {
                assertTrue(p.yAxis().contains(y), "y = " + y + " off the axis");
            }
            markers.add(s.marker());
        }
        assertEquals(3, markers.size(), "one marker shape per cell");
        List<Path> files = Figure1.write(cells, dir, "figure1");
        assertEquals(3, files.size());
        BufferedImage img = ImageIO.read(dir.resolve("figure1.png").toFile());
        assertEquals((int) Math.ceil(f.width() * Figure.DPI / 72.0), img.getWidth());
        String svg = Files.readString(dir.resolve("figure1.svg"));
        for (String label : new String[] {"(6, 6)", "(8, 8)", "(10, 10)", "0.02", "100"}) {
            assertTrue(svg.contains(">" + label + "<"), label);
        }
        assertFalse(svg.matches("(?s).*>[^<]*E-[0-9][^<]*<.*"), "no 1E-3 style labels");
        String words = svg.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertTrue(words.contains("count from x = 10 −3 on"), "the caption says how global runs are counted");
        assertTrue(Files.size(dir.resolve("figure1.pdf")) > 1000);
    }

    @Test
    void aCellWithoutSpuriousMinimaIsNamedInTheLegend() throws Exception {
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(run(7, i, 1e-4, GradientDescent.Stop.BELOW_THRESHOLD));
        }
        CellResult allGlobal = new CellResult(7, 8, 4, runs, List.of(), List.of(), 4, 0, 0, 0);
        double[][] c = Figure1.curve(allGlobal);
        assertArrayEquals(new double[] {1e-3}, c[0]);
        assertArrayEquals(new double[] {100}, c[1]);
        String svg = Figure1.figure(List.of(cell(6), allGlobal)).svg();
        assertTrue(svg.contains(">(7, 8): no spurious minimum<"), "legend names the single-point cell");
        assertTrue(svg.contains(">(6, 6)<"));
    }

    @Test
    void pickKeepsTheDiagonalAndTheLastOverParameterisedCell() {
        List<CellResult> all = new ArrayList<>();
        for (int k = 1; k <= 12; k++) {
            for (int n = k; n <= 12; n++) {
                all.add(new CellResult(k, n, 0, List.of(), List.of(), List.of(), 0, 0, 0, 0));
            }
        }
        List<String> picked = Figure1.pick(all, 12).stream().map(c -> c.k() + "," + c.n()).toList();
        assertEquals(List.of("6,6", "8,8", "10,10", "11,12", "12,12"), picked);
    }
}
