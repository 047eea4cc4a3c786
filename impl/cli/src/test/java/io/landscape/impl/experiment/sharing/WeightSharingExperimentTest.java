package io.landscape.impl.experiment.sharing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

/** The MNIST loader, the hand-written backprop of the Figure-1 networks, determinism and the inner loop. */
class WeightSharingExperimentTest {
    @Test
    void mnistLoaderReadsTheShippedDigits() {
        Mnist m = Mnist.load(); // verifies the SHA-256 of the records
        assertEquals(10_000, m.size());
        int[] counts = new int[10];
        long sum = 0;
        int max = 0;
        for (int i = 0; i < m.size(); i++) {
            counts[m.label(i)]++;
            for (int r = 0; r < Mnist.SIDE; r++) {
                for (int c = 0; c < Mnist.SIDE; c++) {
                    int p = m.pixel(i, r, c);
                    assertTrue(p >= 0 && p <= 255);
                    sum += p;
                    max = Math.max(max, p);
                }
            }
        }
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, counts);
        assertEquals(262_146_600L, sum);
        assertEquals(255, max);
        // corners of a digit are background
        assertEquals(0, m.pixel(0, 0, 0));
    }

    @Test
    void mnistPatchesAreCentredAndIndependent() {
        MnistPatches p = SgdExperiment.mnist();
        double ratio = p.topEigenvalue() / p.averageVariance();
        assertTrue(ratio > 5, "neighbouring pixels are correlated: top eigenvalue / mean variance = " + ratio);
        Rng r = new Rng(3);
        int n = 20_000;
        int dd = MnistPatches.D;
        double[] x = new double[n * 2 * dd];
        p.fill(x, n, 2, r);
        double[] mean = new double[dd];
        for (int s = 0; s < 2 * n; s++) {
            for (int i = 0; i < dd; i++) {
                mean[i] += x[s * dd + i] / (2 * n);
            }
        }
        for (double v : mean) {
            assertEquals(0, v, 0.03);
        }
        // covariance within a patch, and between the two patches of a sample
        double[] cov = new double[dd * dd];
        double[] cross = new double[dd * dd];
        for (int s = 0; s < n; s++) {
            int a = 2 * s * dd;
            int b = a + dd;
            for (int i = 0; i < dd; i++) {
                for (int j = 0; j < dd; j++) {
                    cov[i * dd + j] += x[a + i] * x[a + j] / n;
                    cross[i * dd + j] += x[a + i] * x[b + j] / n;
                }
            }
        }
        double top = 0;
        for (double e : io.landscape.impl.sharing.SharingTheorems.symmetricEigenvalues(cov, dd)) {
            top = Math.max(top, e);
        }
        assertEquals(p.topEigenvalue(), top, 0.05 * p.topEigenvalue(), "centred [0, 1] pixels, not rescaled");
        assertTrue(top > 2 && top < 4, "top covariance eigenvalue of centred [0, 1] patches: " + top);
        // the patches of a sample are independent (each from its own digit): cross-covariance at noise level
        double maxCross = 0;
        double diag = 0;
        for (int i = 0; i < dd; i++) {
            diag = Math.max(diag, cov[i * dd + i]);
            for (int j = 0; j < dd; j++) {
                maxCross = Math.max(maxCross, Math.abs(cross[i * dd + j]));
            }
        }
        assertTrue(maxCross < 0.05 * diag, "cross-covariance " + maxCross + " against variance " + diag);
    }

    /** Backprop of every (target, g, architecture) against central differences of the batch loss. */
    @Test
    void backpropMatchesFiniteDifferences() {
        int k = 5;
        int d = 4;
        for (SgdRun.Target t : SgdRun.Target.values()) {
            for (boolean learnt : new boolean[] {false, true}) {
                for (boolean shared : new boolean[] {true, false}) {
                    double[] u0 = new Rng(1, 1).direction(d, 1.5);
                    SgdRun run = new SgdRun(k, d, 16, t, learnt, shared, u0, new Rng(2, t.ordinal()));
                    if (learnt) {
                        Rng b = new Rng(9);
                        for (int j = 0; j < run.b1.length; j++) {
                            run.b1[j] = 0.3 * b.gaussian();
                        }
                        run.b2[0] = 0.1;
                    }
                    run.draw(SgdRun.gaussian(d), new Rng(5));
                    run.lossAndGradient(true);
                    String what = t + (learnt ? " learnt " : " known ") + (shared ? "WS" : "FC");
                    check(run, run.w, run.gw.clone(), what + " first layer");
                    if (learnt) {
                        check(run, run.w1, run.gw1.clone(), what + " W1");
                        check(run, run.b1, run.gb1.clone(), what + " b1");
                        check(run, run.w2, run.gw2.clone(), what + " W2");
                        check(run, run.b2, run.gb2.clone(), what + " b2");
                    }
                }
            }
        }
    }

    private static void check(SgdRun run, double[] param, double[] grad, String what) {
        double eps = 1e-6;
        for (int i = 0; i < param.length; i++) {
            double keep = param[i];
            param[i] = keep + eps;
            double fp = run.lossAndGradient(false);
            param[i] = keep - eps;
            double fm = run.lossAndGradient(false);
            param[i] = keep;
            double fd = (fp - fm) / (2 * eps);
            assertEquals(fd, grad[i], 1e-7 * Math.max(1, Math.abs(fd)), what + " [" + i + "]");
        }
    }

    @Test
    void sgdInnerLoopDoesNotAllocate() {
        double[] u0 = new Rng(1, 1).direction(75, 2);
        SgdRun run = new SgdRun(5, 75, 128, SgdRun.Target.BOTH, true, true, u0, new Rng(2));
        SgdRun.Source src = SgdRun.gaussian(75);
        Rng data = new Rng(3);
        for (int i = 0; i < 200; i++) {
            run.step(src, data, 0.5); // warm up (JIT)
        }
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 100; i++) {
            run.step(src, data, 0.5);
        }
        long bytes = bean.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(bytes < 100 * 64, "100 SGD steps allocated " + bytes + " bytes");
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        List<Callable<SgdExperiment.Result>> tasks = SgdExperiment.tasks(1, 20);
        double[] one = finals(tasks, 1);
        double[] three = finals(tasks, 3);
        assertArrayEquals(one, three);
        // erf and cosine runs are pure functions of their arguments
        ErfParity.Result a = ErfParity.run(3, 25, 1, 5000, 1, 2000, 1);
        ErfParity.Result b = ErfParity.run(3, 25, 1, 5000, 1, 2000, 1);
        assertEquals(a.fcEscapeStep(), b.fcEscapeStep());
        assertEquals(a.wsFinalDistance(), b.wsFinalDistance());
    }

    /** --data/--target/--g select runs and change none: the selected runs are the full list's, bit for bit. */
    @Test
    void selectionKeepsTheRunsOfTheFullReproduction() throws Exception {
        WeightSharingExperiment.Config c = new WeightSharingExperiment.Config("sgd", 2, true, 1, "gaussian", "high",
                "known");
        List<Callable<SgdExperiment.Result>> selected = SgdExperiment.tasks(2, 20, c::sgdRuns);
        assertEquals(4, selected.size(), "2 architectures x 2 seeds");
        List<Callable<SgdExperiment.Result>> all = SgdExperiment.tasks(2, 20);
        assertEquals(2 * 3 * 2 * 2 * 2, all.size());
        int found = 0;
        for (Callable<SgdExperiment.Result> t : selected) {
            SgdExperiment.Result r = t.call();
            assertEquals("gaussian", r.data());
            assertEquals("high", r.target());
            assertEquals("known", r.g());
            assertTrue(r.cpuSeconds() > 0 && r.cpuSeconds() <= r.seconds() + 0.5, r.cpuSeconds() + " s CPU");
            // the full list in order: data, target, g, architecture, seed; gaussian-high-known is the third block
            int index = ((0 * 3 + 1) * 2 + 0) * 2 * 2 + (r.architecture().equals("ws") ? 0 : 2) + (int) r.seed() - 1;
            SgdExperiment.Result same = all.get(index).call();
            assertEquals(r.architecture(), same.architecture());
            assertEquals(r.seed(), same.seed());
            assertEquals(r.finalLoss(), same.finalLoss());
            assertArrayEquals(r.curve(), same.curve());
            found++;
        }
        assertEquals(4, found);
        assertThrows(IllegalArgumentException.class,
                () -> new WeightSharingExperiment.Config("sgd", 2, true, 1, "cifar", "all", "all"));
    }

    private static double[] finals(List<Callable<SgdExperiment.Result>> tasks, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return WeightSharingExperiment.all(pool, tasks, r -> { }).stream()
                    .mapToDouble(SgdExperiment.Result::finalLoss).toArray();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void erfWsConvergesAndFcSitsOnThePlateau() {
        ErfParity.Result r = ErfParity.run(5, 50, 1, 100_000, 1, 2000, 1);
        assertTrue(r.wsFinalDistance() <= 1e-6, "WS |w0 - u0| = " + r.wsFinalDistance());
        assertNull(r.fcEscapeStep(), "no escape in 2000 steps at d = 50");
        assertEquals(r.plateau(), r.fcFinalLoss(), 0.01, "FC sits on the plateau");
    }
}
