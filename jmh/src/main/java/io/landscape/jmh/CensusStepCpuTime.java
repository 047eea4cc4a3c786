package io.landscape.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.objective.EvaluatorParameters;
import io.landscape.impl.objective.Evaluators;
import io.landscape.impl.optim.Initialization;

/**
 * One census step (gradient of the identity-teacher evaluator + update x − (5/k)∇F) in thread CPU time (best of 7
 * blocks of ~0.3 s CPU after ~2 s CPU of warm-up): the same operation as {@code CensusStepBenchmark}, for a machine
 * shared with other jobs where JMH's wall-clock averages are inflated by waiting for a core.
 * Usage: {@code java --add-modules jdk.incubator.vector -cp jmh/target/benchmarks.jar io.landscape.jmh.CensusStepCpuTime 20,50,100}
 */
public final class CensusStepCpuTime {
    private static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();

    private CensusStepCpuTime() {
    }

    public static void main(String[] args) {
        for (String s : args[0].split(",")) {
            int k = Integer.parseInt(s.trim());
            Objective f = Evaluators.select(Problem.identityTeacher(k, k, k),
                    EvaluatorParameters.defaults().withPlainValue(true));
            double[] x = Initialization.xavier(k).sample(Initialization.runSeed(2017, 0), k, k);
            double[] g = new double[k * k];
            double[] next = new double[k * k];
            double eta = 5.0 / k;
            double sink = 0;
            long warm = BEAN.getCurrentThreadCpuTime() + 2_000_000_000L;
            while (BEAN.getCurrentThreadCpuTime() < warm) {
                for (int r = 0; r < 50; r++) {
                    f.gradient().evaluate(x, g);
                    sink += g[r % g.length];
                }
            }
            double best = Double.POSITIVE_INFINITY;
            for (int b = 0; b < 7; b++) {
                long t0 = BEAN.getCurrentThreadCpuTime();
                long count = 0;
                while (BEAN.getCurrentThreadCpuTime() - t0 < 300_000_000L) {
                    for (int r = 0; r < 20; r++) {
                        f.gradient().evaluate(x, g);
                        for (int i = 0; i < x.length; i++) {
                            next[i] = x[i] - eta * g[i];
                        }
                        sink += next[r % next.length];
                        count++;
                    }
                }
                best = Math.min(best, (BEAN.getCurrentThreadCpuTime() - t0) * 1e-3 / count);
            }
            System.out.printf("k=%d  %.2f us/step CPU (best of 7)  [%s] %s%n", k, best, f.getClass().getSimpleName(),
                    sink == 42 ? "" : "");
        }
    }
}
