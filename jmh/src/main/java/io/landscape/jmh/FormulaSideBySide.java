package io.landscape.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import io.landscape.api.function.DifferentiableFunction;

/**
 * {@link FormulaCpuTime}'s comparison in one JVM, for a machine whose load changes between JVMs: the compiled F^(k) with
 * the generated assembly, the same with the generic assembly ({@code -Dlandscape.formula.assembly=generic} while it
 * is built) and the hand-written {@link HandWrittenFk}, each timed by a loop of its own (separate call sites, so no
 * shared profile), interleaved round by round in thread CPU time: 2 rounds of at least 1.5 s of warm-up per
 * operation, then the best of 15 rounds of 20,000 calls. {@code java -cp jmh/target/benchmarks.jar
 * io.landscape.jmh.FormulaSideBySide K D} prints ns per call and the ratios to the hand-written objective.
 */
public final class FormulaSideBySide {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final int CALLS = 20_000;
    private static double sink;

    private FormulaSideBySide() {
    }

    private static FormulaObjectiveBenchmark state(String impl, int k, int d, boolean generic) {
        FormulaObjectiveBenchmark b = new FormulaObjectiveBenchmark();
        b.impl = impl;
        b.k = k;
        b.d = d;
        String before = System.getProperty("landscape.formula.assembly");
        if (generic) {
            System.setProperty("landscape.formula.assembly", "generic");
        }
        try {
            b.setUp();
        } finally {
            if (before == null) {
                System.clearProperty("landscape.formula.assembly");
            } else {
                System.setProperty("landscape.formula.assembly", before);
            }
        }
        return b;
    }

    // three copies of one loop: each implementation gets call sites of its own
    private static long generated(DifferentiableFunction f, double[] x, double[] g, boolean gradient) {
        long t0 = MX.getCurrentThreadCpuTime();
        double s = 0;
        for (int i = 0; i < CALLS; i++) {
            s += gradient ? f.valueAndGradient(x, g) : f.value(x);
        }
        sink += s;
        return MX.getCurrentThreadCpuTime() - t0;
    }

    private static long generic(DifferentiableFunction f, double[] x, double[] g, boolean gradient) {
        long t0 = MX.getCurrentThreadCpuTime();
        double s = 0;
        for (int i = 0; i < CALLS; i++) {
            s += gradient ? f.valueAndGradient(x, g) : f.value(x);
        }
        sink += s;
        return MX.getCurrentThreadCpuTime() - t0;
    }

    private static long hand(DifferentiableFunction f, double[] x, double[] g, boolean gradient) {
        long t0 = MX.getCurrentThreadCpuTime();
        double s = 0;
        for (int i = 0; i < CALLS; i++) {
            s += gradient ? f.valueAndGradient(x, g) : f.value(x);
        }
        sink += s;
        return MX.getCurrentThreadCpuTime() - t0;
    }

    public static void main(String[] args) {
        int k = Integer.parseInt(args[0]);
        int d = Integer.parseInt(args[1]);
        FormulaObjectiveBenchmark a = state("compiled", k, d, false);
        FormulaObjectiveBenchmark b = state("compiled", k, d, true);
        FormulaObjectiveBenchmark h = state("handwritten", k, d, false);
        double[] x = a.point();
        double[] g = new double[x.length];
        for (int round = 0; round < 2; round++) {
            for (boolean gradient : new boolean[] {false, true}) {
                long t = 0;
                while (t < 1_500_000_000L) {
                    t += generated(a.function(), x, g, gradient) + generic(b.function(), x, g, gradient)
                            + hand(h.function(), x, g, gradient);
                }
            }
        }
        double[][] best = new double[3][2];
        for (double[] r : best) {
            java.util.Arrays.fill(r, Double.MAX_VALUE);
        }
        for (int round = 0; round < 15; round++) {
            for (int gr = 0; gr < 2; gr++) {
                best[0][gr] = Math.min(best[0][gr], generated(a.function(), x, g, gr == 1) / (double) CALLS);
                best[1][gr] = Math.min(best[1][gr], generic(b.function(), x, g, gr == 1) / (double) CALLS);
                best[2][gr] = Math.min(best[2][gr], hand(h.function(), x, g, gr == 1) / (double) CALLS);
            }
        }
        System.out.println(String.format(Locale.ROOT, "k=%d d=%d value: generated %.0f, generic %.0f, hand-written %.0f ns"
                + " (ratios %.2f, %.2f); value and gradient: %.0f, %.0f, %.0f ns (ratios %.2f, %.2f) [%s | %s] (sink %s)",
                k, d, best[0][0], best[1][0], best[2][0], best[0][0] / best[2][0], best[1][0] / best[2][0],
                best[0][1], best[1][1], best[2][1], best[0][1] / best[2][1], best[1][1] / best[2][1], a.describe(),
                b.describe(), sink != 0));
        System.exit(0);
    }
}
