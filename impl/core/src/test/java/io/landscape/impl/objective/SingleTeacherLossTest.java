package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.landscape.api.Landscape;
import io.landscape.api.NotDifferentiableException;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.optim.RecordedGradientDescent;

/**
 * {@link SingleTeacherLoss} against the general {@link PairwiseObjective}, finite differences, and a 100-digit
 * evaluation of the textbook closed form at points where the loss is 10⁻⁹ … 10⁻²⁰.
 */
class SingleTeacherLossTest {

    /** Textbook closed form in double precision: what catastrophic cancellation looks like. */
    static double naiveValue(double[] x, double[] v, int n) {
        int d = v.length;
        double total = 0.5 * kernel(v, 0, v, 0, d);
        for (int i = 0; i < n; i++) {
            total += 0.5 * kernel(x, i * d, x, i * d, d);
            for (int j = i + 1; j < n; j++) {
                total += kernel(x, i * d, x, j * d, d);
            }
            total -= kernel(x, i * d, v, 0, d);
        }
        return total;
    }

    private static double kernel(double[] a, int ao, double[] b, int bo, int d) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < d; k++) {
            ab += a[ao + k] * b[bo + k];
            aa += a[ao + k] * a[ao + k];
            bb += b[bo + k] * b[bo + k];
        }
        double na = Math.sqrt(aa);
        double nb = Math.sqrt(bb);
        double t = Math.acos(Math.max(-1, Math.min(1, ab / (na * nb))));
        return na * nb * (Math.sin(t) + (Math.PI - t) * Math.cos(t)) / (2 * Math.PI);
    }

    static double[] gaussian(SplittableRandom rnd, int m, double scale) {
        double[] x = new double[m];
        for (int k = 0; k < m; k++) {
            x[k] = scale * rnd.nextGaussian();
        }
        return x;
    }

    static double[] e1(int d) {
        double[] v = new double[d];
        v[0] = 1;
        return v;
    }

    @Test
    void agreesWithPairwiseObjectiveAtGenericPoints() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n = 1; n <= 4; n++) {
            int d = 5;
            double[] v = gaussian(rnd, d, 1.0);
            SingleTeacherLoss loss = new SingleTeacherLoss(v, n);
            Objective general = Landscape.objective(Problem.builder().teacher(new double[][] {v}).students(n)
                    .build());
            for (int trial = 0; trial < 5; trial++) {
                double[] x = gaussian(rnd, n * d, 0.7);
                double[] g = new double[n * d];
                double[] gRef = new double[n * d];
                double value = loss.valueAndGradient(x, g);
                double ref = general.valueAndGradient(x, gRef);
                assertEquals(ref, value, 1e-12 * Math.max(1, Math.abs(ref)), "value, n = " + n);
                assertEquals(ref, loss.value(x), 1e-12 * Math.max(1, Math.abs(ref)));
                for (int k = 0; k < g.length; k++) {
                    assertEquals(gRef[k], g[k], 1e-12, "gradient component " + k + ", n = " + n);
                }
            }
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        SplittableRandom rnd = new SplittableRandom(12);
        int n = 3;
        int d = 4;
        SingleTeacherLoss loss = new SingleTeacherLoss(e1(d), n);
        double[] x = gaussian(rnd, n * d, 0.5);
        double[] g = new double[n * d];
        loss.valueAndGradient(x, g);
        double h = 1e-6;
        for (int k = 0; k < x.length; k++) {
            double[] p = x.clone();
            double[] m = x.clone();
            p[k] += h;
            m[k] -= h;
            assertEquals((loss.value(p) - loss.value(m)) / (2 * h), g[k], 1e-8, "component " + k);
        }
    }

    @Test
    void seriesMatchHighPrecisionAcrossTheSwitch() {
        HighPrecisionSingleTeacher hp = new HighPrecisionSingleTeacher(e1(1), 1);
        double[] thetas = {1e-300, 1e-150, 1e-40, 1e-12, 1e-6, 1e-3, 0.01, 0.1, 0.5, 0.9, 0.999999, 1.0, 1.000001, 1.5,
            2.0, 3.0, Math.PI};
        for (double t : thetas) {
            double psiRef = hp.psi(t);
            double tauRef = hp.tau(t);
            // near θ = 1 the direct formula loses ~2 bits to cancellation: 4e-16 relative is the budget
            assertEquals(psiRef, SingleTeacherLoss.psi(t), 4e-16 * Math.abs(psiRef), "ψ(" + t + ")");
            assertEquals(tauRef, SingleTeacherLoss.tau(t), 4e-16 * Math.abs(tauRef), "τ(" + t + ")");
        }
    }

    @Test
    void anglesAreAccurateForTinyAndNearlyOppositeDirections() {
        double[] a = {1, 0, 0};
        for (double t : new double[] {1e-12, 1e-8, 1e-4, 0.5, Math.PI - 1e-6}) {
            double[] b = {Math.cos(t), Math.sin(t), 0};
            double got = SingleTeacherLoss.angleOfUnits(a, 0, b, 0, 3);
            assertEquals(t, got, 4e-16 * t + 1e-300, "angle " + t);
        }
    }

    /**
     * The point of the class: relative error ≤ 1e-10 against 100-digit evaluation where L is 10⁻⁹ … 10⁻²⁰, at GD end
     * points and at constructed near-optimal points, while the textbook formula in doubles has no correct digit
     * there. Writes the measured errors to target/single-teacher-accuracy.txt.
     */
    @Test
    void tinyLossesAreAccurateAgainstHighPrecision() throws IOException {
        int d = 10;
        double[] v = e1(d);
        List<double[]> points = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        // (a) gradient-descent end points from the Figure 1 setting (σ = 0.1, η = 0.05)
        for (int n : new int[] {2, 3, 4}) {
            SingleTeacherLoss loss = new SingleTeacherLoss(v, n);
            double[] x0 = gaussian(new SplittableRandom(100 + n), n * d, 0.1);
            long[] record = {20_000L, 60_000L};
            RecordedGradientDescent.run(loss, x0, 0.05, record, (index, step, value, x) -> {
                points.add(x.clone());
                sizes.add(n);
            });
        }
        // (b) constructed near-optimal points: w_i = h_i v + s z_i, Σh_i = 1 + δ, Σz_i = 0, z_i ⊥ v
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n : new int[] {2, 4}) {
            for (double s : new double[] {1e-3, 1e-4, 1e-5, 1e-6, 1e-7}) {
                double[] h = new double[n];
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    h[i] = 0.5 + rnd.nextDouble();
                    sum += h[i];
                }
                double delta = s * s * rnd.nextGaussian();
                double[][] z = new double[n][d];
                for (int i = 0; i < n; i++) {
                    for (int k = 1; k < d; k++) {
                        z[i][k] = rnd.nextGaussian();
                    }
                }
                for (int k = 1; k < d; k++) {
                    double mean = 0;
                    for (int i = 0; i < n; i++) {
                        mean += z[i][k] / n;
                    }
                    for (int i = 0; i < n; i++) {
                        z[i][k] -= mean;
                    }
                }
                double[] x = new double[n * d];
                for (int i = 0; i < n; i++) {
                    x[i * d] = h[i] / sum * (1 + delta);
                    for (int k = 1; k < d; k++) {
                        x[i * d + k] = s * z[i][k] / n;
                    }
                }
                points.add(x);
                sizes.add(n);
            }
        }
        StringBuilder report = new StringBuilder(
                "n  L(100 digits)           rel.err(ours)  rel.err(naive double)  cancellation  grad rel.err\n");
        double worst = 0;
        double worstGrad = 0;
        int naiveHopeless = 0;
        int tiny = 0;
        for (int p = 0; p < points.size(); p++) {
            double[] x = points.get(p);
            int n = sizes.get(p);
            HighPrecisionSingleTeacher hp = new HighPrecisionSingleTeacher(v, n);
            double ref = hp.value(x).toDouble();
            SingleTeacherLoss loss = new SingleTeacherLoss(v, n);
            double[] g = new double[n * d];
            double ours = loss.valueAndGradient(x, g);
            double naive = naiveValue(x, v, n);
            double err = Math.abs(ours - ref) / ref;
            double naiveErr = Math.abs(naive - ref) / ref;
            double[] gRef = hp.gradient(x);
            double diff = 0;
            double norm = 0;
            for (int k = 0; k < g.length; k++) {
                diff += (g[k] - gRef[k]) * (g[k] - gRef[k]);
                norm += gRef[k] * gRef[k];
            }
            double gradErr = Math.sqrt(diff / norm);
            worst = Math.max(worst, err);
            worstGrad = Math.max(worstGrad, gradErr);
            if (ref < 1e-12) {
                tiny++;
                if (naiveErr > 1e-2) {
                    naiveHopeless++;
                }
            }
            report.append(String.format(Locale.ROOT, "%d  %-22.15e  %-13.2e  %-21.2e  %-12.2f  %.2e%n", n, ref, err,
                    naiveErr, cancellation(loss, x, n, d, ref), gradErr));
        }
        report.append(String.format(Locale.ROOT, "worst relative error: value %.2e, gradient %.2e%n", worst,
                worstGrad));
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("single-teacher-accuracy.txt"), report.toString());
        }
        assertTrue(tiny >= 8, "need points with L < 1e-12, got " + tiny + "\n" + report);
        assertTrue(worst <= 1e-10, "worst relative error of the value " + worst + "\n" + report);
        assertTrue(worstGrad <= 1e-8, "worst relative error of the gradient " + worstGrad + "\n" + report);
        assertTrue(naiveHopeless >= tiny / 2, "the textbook formula should fail at tiny losses\n" + report);
    }

    /** (|¼‖r‖²| + |pairs|/2π + |teacher terms|/2π) / L: how much the three terms of Eq. (23) cancel. */
    private static double cancellation(SingleTeacherLoss loss, double[] x, int n, int d, double ref) {
        double[] v = loss.teacher();
        double rr = 0;
        for (int k = 0; k < d; k++) {
            double r = -v[k];
            for (int i = 0; i < n; i++) {
                r += x[i * d + k];
            }
            rr += r * r;
        }
        double[] units = new double[n * d];
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += x[i * d + k] * x[i * d + k];
            }
            norms[i] = Math.sqrt(s);
            for (int k = 0; k < d; k++) {
                units[i * d + k] = x[i * d + k] / norms[i];
            }
        }
        double pairs = 0;
        double teacher = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs += SingleTeacherLoss.psi(SingleTeacherLoss.angleOfUnits(units, i * d, units, j * d, d))
                        * norms[i] * norms[j];
            }
            teacher += SingleTeacherLoss.psi(SingleTeacherLoss.angleOfUnits(units, i * d, v, 0, d)) * norms[i];
        }
        return (0.25 * rr + (pairs + teacher) / (2 * Math.PI)) / ref;
    }

    @Test
    void valueIsDefinedAtAZeroNeuronButTheGradientIsNot() {
        SingleTeacherLoss loss = new SingleTeacherLoss(e1(3), 2);
        double[] x = {0, 0, 0, 0.5, 0.1, 0};
        double expected = naiveValue(new double[] {0.5, 0.1, 0}, e1(3), 1); // a zero neuron contributes nothing
        assertEquals(expected, loss.value(x), 1e-15);
        NotDifferentiableException e = assertThrows(NotDifferentiableException.class,
                () -> loss.valueAndGradient(x, new double[6]));
        assertEquals(0, e.neuron());
    }

    @Test
    void potentialIsTheSumOfOrthogonalDistances() {
        SingleTeacherLoss loss = new SingleTeacherLoss(new double[] {0, 2, 0}, 3);
        double[] x = {1, 5, 0, -1, 7, 0, 0, -3, 2};
        // z = (1,0,0), (−1,0,0), (0,0,2): ‖z1−z2‖ = 2, ‖z1−z3‖ = √5, ‖z2−z3‖ = √5
        assertEquals(2 + 2 * Math.sqrt(5), loss.potential(x), 1e-15);
    }

    /** The hot path allocates nothing (HotSpot's per-thread allocation counter), and neither does a GD run. */
    @Test
    void valueAndGradientAndDescentDoNotAllocate() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean)) {
            return;
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        long id = Thread.currentThread().getId();
        SingleTeacherLoss loss = new SingleTeacherLoss(e1(10), 4);
        double[] x = gaussian(new SplittableRandom(3), 40, 0.3);
        double[] g = new double[40];
        double sink = 0;
        for (int i = 0; i < 20_000; i++) { // warm up (JIT, escape analysis)
            sink += loss.valueAndGradient(x, g) + loss.potential(x);
        }
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < 20_000; i++) {
            sink += loss.valueAndGradient(x, g) + loss.potential(x);
        }
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        assertTrue(Double.isFinite(sink));
        assertTrue(allocated < 1024, "20000 evaluations allocated " + allocated + " bytes");
        long[] record = {100_000L};
        RecordedGradientDescent.run(loss, x, 0.05, record, (i, s, v, p) -> { });
        before = mx.getThreadAllocatedBytes(id);
        RecordedGradientDescent.run(loss, x, 0.05, record, (i, s, v, p) -> { });
        allocated = mx.getThreadAllocatedBytes(id) - before;
        // a fixed few KB (copies of x, the gradient buffer, JIT bookkeeping); one allocation per step would be ≥ 1.6 MB
        assertTrue(allocated < 16_384, "100000 GD steps allocated " + allocated + " bytes");
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> new SingleTeacherLoss(new double[3], 2));
        assertThrows(IllegalArgumentException.class, () -> new SingleTeacherLoss(e1(3), 0));
        SingleTeacherLoss loss = new SingleTeacherLoss(e1(3), 2);
        assertThrows(IllegalArgumentException.class, () -> loss.value(new double[5]));
        double[] x = new double[6];
        assertThrows(IllegalArgumentException.class, () -> loss.valueAndGradient(x, x));
    }
}
