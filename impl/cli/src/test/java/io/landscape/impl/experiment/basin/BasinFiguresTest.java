package io.landscape.impl.experiment.basin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The failure panels of curves without failures are not empty: they show the 95% upper bound for 0 of N. */
class BasinFiguresTest {
    @Test
    void zeroOfNUpperBoundIsExact() {
        for (int n : new int[] {1, 400, 10_000}) {
            double u = BasinFigures.zeroEventUpper95(n);
            assertEquals(0.05, Math.pow(1 - u, n), 1e-12, "N = " + n);
        }
        assertEquals(0.95, BasinFigures.zeroEventUpper95(1), 1e-15);
        // the rule of three: ≈ 3/N for large N (2.9953·10⁻⁴ at N = 10⁴)
        assertEquals(2.9953e-4, BasinFigures.zeroEventUpper95(10_000), 1e-8);
        assertEquals("10⁴", BasinFigures.count(10_000));
        assertEquals("400", BasinFigures.count(400));
    }

    @Test
    void failurePanelWithoutFailuresShowsTheUpperBound() {
        List<CurvePoint> pts = List.of(
                new CurvePoint("thm3", "v", 504, 4, 12, 10_000, 10_000, 0.01, 0.632, false, Double.NaN, 1),
                new CurvePoint("thm3", "v", 1008, 4, 12, 10_000, 10_000, 0.01, 0.865, false, Double.NaN, 1));
        XYChart chart = BasinFigures.probability("thm3", pts, true);
        XYSeries zero = chart.getSeriesMap().values().stream().filter(s -> s.getName().startsWith("no failure in N = 10⁴"))
                .findFirst().orElseThrow();
        assertEquals(2, zero.getXData().length);
        assertEquals(Math.log10(BasinFigures.zeroEventUpper95(10_000)), zero.getYData()[0], 1e-12);
        assertTrue(zero.getMarker() instanceof BasinFigures.DownArrow);
        // inside the axis range
        assertTrue(zero.getYData()[0] > chart.getStyler().getYAxisMin());
        BasinFigures.render(chart, 1); // draws without error
    }
}
