package io.landscape.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * A companion to {@link FormulaObjectiveBenchmark} for a loaded machine: the same set-up, timed in <em>thread CPU
 * time</em> (time the thread was not running is not counted, unlike JMH's wall-clock averages), best of 7 rounds
 * after a warm-up of 2 s of the thread's CPU time per operation (a fixed number of warm-up calls is not enough under
 * load: the JIT's compiler threads are starved too, and the rounds then time C1 code). One implementation per JVM (as JMH forks): {@code java -cp jmh/target/benchmarks.jar
 * io.landscape.jmh.FormulaCpuTime compiled|handwritten K D}. Prints ns per call of value and valueAndGradient, and
 * what ran (for {@code compiled}: the generated or, with {@code -Dlandscape.formula.assembly=generic}, the generic
 * assembly).
 */
public final class FormulaCpuTime {
    private FormulaCpuTime() {
    }

    public static void main(String[] args) {
        FormulaObjectiveBenchmark b = new FormulaObjectiveBenchmark();
        b.impl = args[0];
        b.k = Integer.parseInt(args[1]);
        b.d = Integer.parseInt(args[2]);
        b.setUp();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double sink = 0;
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        int calls = 20_000;
        for (int which = 0; which < 2; which++) {
            long w0 = mx.getCurrentThreadCpuTime();
            while (mx.getCurrentThreadCpuTime() - w0 < 2_000_000_000L) {
                for (int i = 0; i < calls; i++) {
                    sink += which == 0 ? b.value() : b.valueAndGradient();
                }
            }
        }
        for (int round = 0; round < 12; round++) {
            for (int which = 0; which < 2; which++) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    sink += which == 0 ? b.value() : b.valueAndGradient();
                }
                long t = mx.getCurrentThreadCpuTime() - t0;
                if (round >= 5) {
                    best[which] = Math.min(best[which], (double) t / calls);
                }
            }
        }
        System.out.println(String.format(Locale.ROOT, "%s k=%d d=%d value %.0f ns, valueAndGradient %.0f ns (sink %s; %s)",
                b.impl, b.k, b.d, best[0], best[1], sink != 0, b.describe()));
        System.exit(0);
    }
}
