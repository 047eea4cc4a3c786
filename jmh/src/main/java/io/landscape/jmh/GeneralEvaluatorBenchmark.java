package io.landscape.jmh;

import java.util.Random;
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

import io.landscape.api.Kernel;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.api.function.HessianOperator;
import io.landscape.impl.compile.KernelCompiler;
import io.landscape.impl.kernel.PairKernel;
import io.landscape.impl.kernel.ReluClosedForm;
import io.landscape.impl.objective.PairwiseObjective;
import io.landscape.impl.objective.VectorPairwiseObjective;

/**
 * The general evaluator (any teacher) at k = n = d ∈ {6, 20, 100}: scalar {@link PairwiseObjective} against the SIMD
 * {@link VectorPairwiseObjective}, compiled (Symja → Janino) against hand-written ReLU kernel, at the identity teacher
 * and a Xavier-scaled random point (the same as {@link ObjectiveBenchmark}). {@code hvp} is one Hessian-vector product
 * from an operator formed once ({@code hessianAt}), {@code hvpWithSetup} forms it and multiplies once. Forked per
 * parameter set. {@code batchValueAndGradient} is one call of the batched evaluator (L points). Run with
 * {@code -prof gc} for allocation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GeneralEvaluatorBenchmark {
    @Param({"6", "20", "100"})
    public int size;

    @Param({"compiled", "handwritten"})
    public String kernel;

    /** Also {@code vector2}: the SIMD evaluator with one helper thread (a pool of 1), bitwise as {@code vector}. */
    @Param({"scalar", "vector"})
    public String evaluator;

    private java.util.concurrent.ExecutorService pool;

    private Objective f;
    private double[] x;
    private double[] g;
    private double[] u;
    private double[] hu;
    private HessianOperator op;
    private io.landscape.impl.objective.BatchPairwiseObjective batch;
    private double[] xb;
    private double[] gb;
    private double[] values;

    @Setup(Level.Trial)
    public void setUp() {
        Problem p = Problem.identityTeacher(size, size, size);
        PairKernel k = switch (kernel) {
            case "compiled" -> KernelCompiler.compiled(Kernel.relu());
            case "handwritten" -> new ReluClosedForm();
            default -> throw new IllegalArgumentException("kernel must be compiled or handwritten, got " + kernel);
        };
        f = switch (evaluator) {
            case "scalar" -> new PairwiseObjective(p, k);
            case "vector" -> {
                if (!VectorPairwiseObjective.isAvailable()) {
                    throw new IllegalStateException("jdk.incubator.vector is not resolved");
                }
                yield VectorPairwiseObjective.create(p, k);
            }
            case "vector2" -> {
                pool = java.util.concurrent.Executors.newFixedThreadPool(1, r -> {
                    Thread t = new Thread(r, "evaluator-helper");
                    t.setDaemon(true);
                    return t;
                });
                yield VectorPairwiseObjective.create(p, k, new io.landscape.impl.linalg.Workers(pool, 1));
            }
            default -> throw new IllegalArgumentException("evaluator must be scalar, vector or vector2, got "
                    + evaluator);
        };
        Random rnd = new Random(1);
        x = new double[size * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian() / Math.sqrt(size);
        }
        g = new double[x.length];
        u = new double[x.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = rnd.nextGaussian();
        }
        hu = new double[x.length];
        if (VectorPairwiseObjective.isAvailable()) {
            // the batched evaluator: L perturbations of x, one per lane
            batch = VectorPairwiseObjective.batch(p, k);
            xb = new double[batch.batchLength()];
            gb = new double[xb.length];
            values = new double[batch.lanes()];
            double[] y = new double[x.length];
            for (int lane = 0; lane < batch.lanes(); lane++) {
                for (int i = 0; i < y.length; i++) {
                    y[i] = x[i] * (1 + 0.01 * lane);
                }
                batch.put(y, xb, lane);
            }
        }
    }

    @org.openjdk.jmh.annotations.TearDown(Level.Trial)
    public void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Benchmark
    public double valueAndGradient() {
        return f.valueAndGradient(x, g);
    }

    /**
     * One call of the batched evaluator ({@link VectorPairwiseObjective#batch}): L points (one per lane); divide by L
     * for the time per point. Independent of {@code evaluator}.
     */
    @Benchmark
    public double[] batchValueAndGradient() {
        batch.valueAndGradient(xb, gb, values);
        return values;
    }

    @Benchmark
    public double value() {
        return f.value(x);
    }

    @Benchmark
    public double[] gradient() {
        f.gradient().evaluate(x, g);
        return g;
    }

    @Benchmark
    public double[] hvp() {
        if (op == null) {
            op = f.hessianAt(x); // formed on first use: the other benchmarks never form it
        }
        op.multiply(u, hu);
        return hu;
    }

    @Benchmark
    public double[] hvpWithSetup() {
        f.hessianAt(x).multiply(u, hu);
        return hu;
    }
}
