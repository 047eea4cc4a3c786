package io.landscape.impl.experiment.slowdown;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The Figure 1 setting (acceptance numbers of issue 5), reproducibility, the recording grid and the fit. */
class SlowdownExperimentTest {

    @Test
    void figure1AcceptanceNumbers() {
        SlowdownConfig c = new SlowdownConfig(List.of(1, 2, 4), 10, 0.1, 0.05, 200_000, 1, Preset.GAUSSIAN,
                Dynamics.BOTH, 40);
        SlowdownExperiment.Result r = new SlowdownExperiment().run(c, 2);
        for (List<SlowdownRun> runs : List.of(r.descentRuns(), r.flowRuns())) {
            assertEquals(3, runs.size());
            SlowdownRun one = runs.get(0);
            assertEquals(1, one.n());
            assertTrue(Double.isNaN(one.fittedExponent()), "n = 1 sits at the rounding floor: no exponent");
            assertTrue(one.lossAt().get("1000") < 1e-15, one.dynamics() + " n = 1: L(1000) = "
                    + one.lossAt().get("1000"));
            for (SlowdownRun run : runs.subList(1, 3)) {
                String what = run.dynamics() + " n = " + run.n();
                assertTrue(run.fittedExponent() >= -3.2 && run.fittedExponent() <= -2.8,
                        what + ": fitted exponent " + run.fittedExponent());
                assertEquals(List.of("1000", "10000", "100000", "200000"), List.copyOf(run.lossAt().keySet()));
                // Thm 14's mechanism: the potential Z decays like 1/t
                double zSlope = SlowdownRun.fitExponent(run.steps(), run.times(), run.potential(), 20_000, 200_000);
                assertTrue(zSlope > -1.1 && zSlope < -0.9, what + ": Z slope " + zSlope);
            }
        }
        // GD and gradient flow agree to O(η) at the same time t = ηT
        for (int i = 1; i < 3; i++) {
            double gd = r.descentRuns().get(i).finalLoss();
            double flow = r.flowRuns().get(i).finalLoss();
            assertEquals(gd, flow, 0.01 * gd, "GD vs flow at T = 200000, n = " + r.descentRuns().get(i).n());
        }
    }

    @Test
    void resultsDoNotDependOnThreadsOrOnTheOtherRuns() {
        SlowdownConfig all = new SlowdownConfig(List.of(1, 3, 2), 6, 0.1, 0.05, 3000, 9, Preset.GAUSSIAN,
                Dynamics.BOTH, 20);
        SlowdownConfig alone = new SlowdownConfig(List.of(2), 6, 0.1, 0.05, 3000, 9, Preset.GAUSSIAN,
                Dynamics.BOTH, 20);
        SlowdownExperiment.Result a = new SlowdownExperiment().run(all, 1);
        SlowdownExperiment.Result b = new SlowdownExperiment().run(all, 4);
        SlowdownExperiment.Result c = new SlowdownExperiment().run(alone, 2);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(a.descentRuns().get(i).loss(), b.descentRuns().get(i).loss());
            assertArrayEquals(a.flowRuns().get(i).loss(), b.flowRuns().get(i).loss());
        }
        assertEquals(2, a.descentRuns().get(2).n());
        assertArrayEquals(a.descentRuns().get(2).loss(), c.descentRuns().get(0).loss());
        assertArrayEquals(a.flowRuns().get(2).finalPoint(), c.flowRuns().get(0).finalPoint());
    }

    @Test
    void gridHoldsTheMilestonesAndIsLogSpaced() {
        long[] g = RecordGrid.steps(200_000, 40);
        assertEquals(1, g[0]);
        assertEquals(200_000, g[g.length - 1]);
        for (long m : new long[] {1000, 10_000, 100_000}) {
            assertTrue(java.util.Arrays.binarySearch(g, m) >= 0, "missing " + m);
        }
        for (int i = 1; i < g.length; i++) {
            assertTrue(g[i] > g[i - 1]);
        }
        assertTrue(g.length > 150 && g.length < 260, "size " + g.length);
        assertArrayEquals(new long[] {1000, 10_000, 100_000, 200_000}, RecordGrid.milestones(200_000));
        assertArrayEquals(new long[] {1000, 10_000, 100_000}, RecordGrid.milestones(100_000));
        assertArrayEquals(new long[] {7}, RecordGrid.milestones(7));
        assertArrayEquals(new long[] {1, 2, 3}, RecordGrid.steps(3, 40));
    }

    @Test
    void fittedExponentIsTheLeastSquaresSlopeOverTheWindow() {
        long[] steps = {10, 100, 1000, 10_000};
        double[] t = {1, 10, 100, 1000};
        double[] loss = {7, 7e-3, 7e-6, 7e-9};
        assertEquals(-3.0, SlowdownRun.fitExponent(steps, t, loss, 100, 10_000), 1e-12);
        assertTrue(Double.isNaN(SlowdownRun.fitExponent(steps, t, new double[] {1, 0, 0, 0}, 1, 10_000)));
        assertTrue(Double.isNaN(SlowdownRun.fitExponent(steps, t, new double[] {1, 1e-40, 1e-41, 1e-42}, 100, 10_000,
                SlowdownRun.ROUNDING_FLOOR)));
        assertTrue(Double.isNaN(SlowdownRun.logBase(1.0, 0.5)));
        assertEquals(-3.0, SlowdownRun.logBase(10.0, 1e-3), 1e-12);
    }

    @Test
    void initialPointsAreSeededPerSeedAndN() {
        double[] a = Preset.GAUSSIAN.initialPoint(3, 4, 0.1, 42);
        double[] b = Preset.GAUSSIAN.initialPoint(3, 4, 0.1, 42);
        double[] c = Preset.GAUSSIAN.initialPoint(3, 4, 0.1, 43);
        double[] d = Preset.GAUSSIAN.initialPoint(2, 4, 0.1, 42);
        assertArrayEquals(a, b);
        assertTrue(a[0] != c[0] && a[0] != d[0]);
    }
}
