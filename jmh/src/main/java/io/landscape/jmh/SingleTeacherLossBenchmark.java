package io.landscape.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.landscape.impl.objective.SingleTeacherLoss;

/**
 * Cost of one loss + gradient evaluation of the single-teacher objective (the whole cost of one GD step in
 * {@code landscape slowdown}). Run with {@code -prof gc} to see that it allocates nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SingleTeacherLossBenchmark {
    @Param({"1", "2", "4", "8"})
    int n;

    @Param({"10"})
    int d;

    SingleTeacherLoss loss;
    double[] x;
    double[] gradient;

    @Setup
    public void setUp() {
        double[] v = new double[d];
        v[0] = 1;
        loss = new SingleTeacherLoss(v, n);
        SplittableRandom rnd = new SplittableRandom(1);
        x = new double[n * d];
        for (int k = 0; k < x.length; k++) {
            x[k] = 0.1 * rnd.nextGaussian() + (k % d == 0 ? 1.0 / n : 0.0);
        }
        gradient = new double[n * d];
    }

    @Benchmark
    public double valueAndGradient() {
        return loss.valueAndGradient(x, gradient);
    }

    @Benchmark
    public double value() {
        return loss.value(x);
    }
}
