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
import io.landscape.api.Problem;
import io.landscape.impl.compile.KernelCompiler;
import io.landscape.impl.kernel.PairKernel;
import io.landscape.impl.kernel.ReluClosedForm;
import io.landscape.impl.objective.PairwiseObjective;

/**
 * F, ∇F and ∇²F at k = n = d ∈ {6, 20, 100} (identity teacher, Xavier-scaled random point), with the Symja-derived,
 * Janino-compiled ReLU kernel ({@code compiled}) against the hand-written closed form ({@code handwritten}) in the
 * same assembly. Forked per parameter set: the two kernels behind one call site would poison each other's profile
 * (JMH sample 12). Run {@code -prof gc} to see that the hot paths allocate nothing.
 *
 * <p>Your own kernel: {@code -p kernel='formula:EXPR'} benchmarks {@link Kernel#formula}{@code ("user", EXPR)} (EXPR
 * in r, rho, theta or ww, vv, wv; derived once, then taken from the disk cache) in the same assembly, next to
 * {@code handwritten}; {@code -p kernel=erf} (or relu, linear) a built-in kernel by name. JMH splits {@code -p}
 * values at commas, so a formula containing a comma ({@code ArcTan(y, x)}) cannot be passed this way.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ObjectiveBenchmark {
    @Param({"6", "20", "100"})
    public int size;

    @Param({"compiled", "handwritten"})
    public String kernel;

    private PairwiseObjective f;
    private double[] x;
    private double[] g;
    private double[] h;

    @Setup(Level.Trial)
    public void setUp() {
        Problem p = Problem.identityTeacher(size, size, size);
        PairKernel k = switch (kernel) {
            case "compiled" -> KernelCompiler.compiled(Kernel.relu());
            case "handwritten" -> new ReluClosedForm();
            case "relu", "erf", "linear" -> KernelCompiler.compiled(Kernel.named(kernel));
            default -> {
                if (!kernel.startsWith("formula:") || kernel.length() == "formula:".length()) {
                    throw new IllegalArgumentException("kernel must be compiled, handwritten, relu, erf, linear or "
                            + "formula:EXPR, got " + kernel);
                }
                yield KernelCompiler.compiled(Kernel.formula("user", kernel.substring("formula:".length())));
            }
        };
        f = new PairwiseObjective(p, k);
        Random rnd = new Random(1);
        x = new double[size * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian() / Math.sqrt(size);
        }
        g = new double[x.length];
        h = new double[x.length * x.length];
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
    public double[] hessian() {
        f.hessian().evaluate(x, h);
        return h;
    }
}
