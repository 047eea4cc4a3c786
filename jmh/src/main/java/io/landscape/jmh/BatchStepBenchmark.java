package io.landscape.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.landscape.impl.objective.BatchIdentityObjective;
import io.landscape.impl.optim.Initialization;

/**
 * One step of the batched spurious-minima search at k = n ∈ {10, 20, 40}: F and ∇F for a whole batch of runs (one per
 * SIMD lane of {@code BatchIdentityObjective}: 8 with 512-bit vectors, printed at set-up), the per-run gradient norms
 * and x ← x − η∇F — the accelerated loop's arithmetic per step. <b>Divide the score by the lane count</b> for the cost
 * of one run's step (compare {@code GradientDescentBenchmark.gdStep}, one run at a time). The forks drop the Vector
 * API's per-access bounds checks, as {@code ./landscape} does.
 * Run: {@code java -jar jmh/target/benchmarks.jar BatchStep -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector",
        "-Djdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BatchStepBenchmark {
    @Param({"10", "20", "40"})
    public int k;

    private BatchIdentityObjective f;
    private double[] xb;
    private double[] gb;
    private double[] value;
    private double[] maxSq;
    private double[] totalSq;
    private double[] eta;
    private double[] start;

    @Setup(Level.Trial)
    public void setUp() {
        int n = k;
        f = new BatchIdentityObjective(k, n);
        xb = new double[f.batchLength()];
        gb = new double[f.batchLength()];
        value = new double[f.lanes];
        maxSq = new double[f.lanes];
        totalSq = new double[f.lanes];
        eta = new double[f.lanes];
        for (int l = 0; l < f.lanes; l++) {
            f.put(Initialization.xavier(k).sample(Initialization.runSeed(1, l), n, k), xb, l);
            eta[l] = 0.1;
        }
        start = xb.clone();
        System.out.println("# lanes per batch: " + f.lanes);
    }

    /** Restart from the Xavier points every 4096 steps so the batch stays in the search's typical regime. */
    private int steps;

    @Benchmark
    public double batchStep() {
        if ((++steps & 4095) == 0) {
            System.arraycopy(start, 0, xb, 0, xb.length);
        }
        f.compute(xb, gb, value);
        f.scan(gb, maxSq, totalSq);
        f.step(xb, gb, eta);
        return value[0] + maxSq[0];
    }
}
