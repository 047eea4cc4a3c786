package io.landscape.impl.experiment.spurious;
import io.landscape.impl.optim.Initialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.landscape.impl.linalg.SmallMatrices;
import io.landscape.impl.objective.BatchIdentityObjective;
import io.landscape.impl.optim.BatchDescent;
import io.landscape.impl.optim.GradientDescent;

/** The batched search: same classification and end points as one run at a time, whatever the batch. */
class BatchDescentTest {

    private static RunRecord[] batch(int k, int n, int runs, long seed, GradientDescent.Settings s, int[] order) {
        RunRecord[] out = new RunRecord[runs];
        AtomicInteger cursor = new AtomicInteger();
        BatchDescent b = new BatchDescent(new BatchIdentityObjective(k, n), new GradientDescent(SpuriousSearch.objective(k, n), k));
        b.run(() -> {
            int i = cursor.getAndIncrement();
            return i < order.length ? order[i] : -1;
        }, r -> Initialization.xavier(k).sample(Initialization.runSeed(seed, r), n, k), s,
                (r, result) -> out[r] = RunRecord.of(k, n, r, Initialization.runSeed(seed, r), result));
        return out;
    }

    private static int[] range(int runs, boolean reversed) {
        int[] o = new int[runs];
        for (int i = 0; i < runs; i++) {
            o[i] = reversed ? runs - 1 - i : i;
        }
        return o;
    }

    @Test
    void classifiesLikeOneRunAtATimeAndEndsAtTheSamePoints() {
        for (int[] kn : new int[][] {{13, 13}, {6, 6}, {8, 9}}) {
            int k = kn[0];
            int n = kn[1];
            int runs = 20;
            RunRecord[] batched = batch(k, n, runs, 2018, GradientDescent.Settings.accelerated(), range(runs, false));
            GradientDescent gd = new GradientDescent(SpuriousSearch.objective(k, n), k);
            int candidates = 0;
            for (int r = 0; r < runs; r++) {
                RunRecord one = SpuriousSearch.runOne(gd, k, n, r, 2018, Initialization.xavier(k),
                        GradientDescent.Settings.accelerated());
                RunRecord b = batched[r];
                String where = "(" + k + "," + n + ") run " + r;
                assertEquals(one.seed(), b.seed(), where);
                assertEquals(one.candidate(), b.candidate(), where + ": classification");
                if (one.candidate()) {
                    candidates++;
                    assertEquals(one.value(), b.value(), 1e-12, where + ": end value");
                    assertTrue(SmallMatrices.distance(one.point(), b.point()) < 1e-6, where + ": end point");
                    assertTrue(b.maxNeuronGradient() <= 1e-9, where + ": converged");
                }
                assertEquals(one.restarts(), b.restarts(), where + ": restarts");
                // the iterates agree to rounding, so the step counts may differ by a few
                assertTrue(Math.abs(one.totalIterations() - b.totalIterations()) <= 0.02 * one.totalIterations() + 5,
                        where + ": iterations " + one.totalIterations() + " vs " + b.totalIterations());
                assertTrue(b.cpuSeconds() > 0 && b.seconds() > 0, where + ": timing share");
            }
            if (k == 13) {
                assertTrue(candidates >= 3, "the (13,13) seeds include spurious runs");
            }
        }
    }

    @Test
    void aRunsResultDoesNotDependOnItsBatch() {
        int k = 10;
        int runs = 24;
        GradientDescent.Settings s = GradientDescent.Settings.accelerated();
        RunRecord[] forward = batch(k, k, runs, 7, s, range(runs, false));
        RunRecord[] backward = batch(k, k, runs, 7, s, range(runs, true));
        for (int r = 0; r < runs; r++) {
            RunRecord a = forward[r];
            RunRecord b = backward[r];
            assertEquals(a.stop(), b.stop(), "run " + r);
            assertEquals(a.totalIterations(), b.totalIterations(), "run " + r);
            assertEquals(a.newtonSteps(), b.newtonSteps(), "run " + r);
            assertEquals(Double.doubleToRawLongBits(a.value()), Double.doubleToRawLongBits(b.value()), "run " + r);
            assertEquals(Double.doubleToRawLongBits(a.maxNeuronGradient()),
                    Double.doubleToRawLongBits(b.maxNeuronGradient()), "run " + r);
            if (a.point() != null) {
                assertArrayEquals(a.point(), b.point(), 0.0, "run " + r);
            }
        }
    }

    @Test
    void divergingStepsRestartWithHalfTheStepAsTheSingleRunLoop() {
        int k = 4;
        int runs = 10;
        GradientDescent.Settings s = GradientDescent.Settings.accelerated().withStep(40.0);
        RunRecord[] batched = batch(k, k, runs, 3, s, range(runs, false));
        GradientDescent gd = new GradientDescent(SpuriousSearch.objective(k, k), k);
        List<Integer> restarts = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            RunRecord one = SpuriousSearch.runOne(gd, k, k, r, 3, Initialization.xavier(k), s);
            assertEquals(one.restarts(), batched[r].restarts(), "run " + r);
            assertEquals(one.candidate(), batched[r].candidate(), "run " + r);
            assertEquals(one.step(), batched[r].step(), 0.0, "run " + r);
            restarts.add(batched[r].restarts());
        }
        assertTrue(restarts.stream().allMatch(x -> x > 0), "a step of 40 diverges at first: " + restarts);
    }
}
