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

import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.objective.EvaluatorParameters;
import io.landscape.impl.objective.Evaluators;
import io.landscape.impl.objective.IdentityTeacherObjective;
import io.landscape.impl.optim.Initialization;
import io.landscape.impl.optim.GradientDescent;

/**
 * The two costs of the spurious-minima search (paper 002 §3) at k = n ∈ {10, 20, 40}:
 * <ul>
 * <li>{@code gdStep}: one plain gradient-descent step x − η∇F(x) with the identity-teacher gradient the search uses
 * ({@code Evaluators.select} with the search's parameters: the SIMD evaluator when {@code jdk.incubator.vector} is resolved, as in this
 * benchmark's forks) — the loop of {@code landscape descend --plain}: gradient only, as the NumPy reference;
 * {@code gdStepScalar}: the same with the scalar evaluator; {@code gdStepGeneral}: with the general
 * {@code PairwiseObjective}, for comparison;</li>
 * <li>{@code newtonFinish}: the accelerated mode's Newton finish from a GD iterate near a spurious minimum
 * (max_i‖∇_{w_i}F‖ ≈ 10⁻⁴) down to 10⁻⁹ — Hessians, Cholesky factorisations and the positive-definiteness checks;
 * {@code gdFinish}: plain GD from the same iterate to 10⁻⁹, the alternative it replaces.</li>
 * </ul>
 * Run: {@code java -jar jmh/target/benchmarks.jar GradientDescent -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector",
        "-Djdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GradientDescentBenchmark {
    @Param({"10", "20", "40"})
    public int k;

    private Objective fast;
    private Objective scalar;
    private Objective general;
    private double[] x;
    private double[] g;
    private double[] next;
    private double eta = 0.1;
    private double[] nearMinimum;
    private GradientDescent newton;
    private GradientDescent.Settings accelerated;
    private GradientDescent.Settings plainFinish;

    @Setup(Level.Trial)
    public void setUp() {
        int n = k;
        fast = Evaluators.select(Problem.identityTeacher(k, k, n), EvaluatorParameters.defaults().withPlainValue(true));
        scalar = IdentityTeacherObjective.create(k, n);
        general = Evaluators.general(Problem.identityTeacher(k, k, n));
        x = Initialization.xavier(k).sample(Initialization.runSeed(1, 0), n, k);
        g = new double[n * k];
        next = new double[n * k];
        // a GD iterate near a spurious minimum: plain GD to max-neuron gradient 1e-4 from the first seed that ends at F ≥ 1e-3
        GradientDescent plain = new GradientDescent(fast, k);
        for (int run = 0; run < 100 && nearMinimum == null; run++) {
            double[] x0 = Initialization.xavier(k).sample(Initialization.runSeed(1, run), n, k);
            GradientDescent.Result r = plain.run(x0, GradientDescent.Settings.plain().withTol(1e-4));
            if (r.value() >= 1e-3 && r.stop() == GradientDescent.Stop.CONVERGED) {
                nearMinimum = r.point();
            }
        }
        if (nearMinimum == null) {
            throw new IllegalStateException("no spurious run among 100 seeds at k = n = " + k);
        }
        newton = new GradientDescent(fast, k);
        GradientDescent.Settings a = GradientDescent.Settings.accelerated();
        // Newton at every size here (the CLI stops using it above nd = 600, where gdFinish is cheaper)
        accelerated = new GradientDescent.Settings(a.step(), a.tol(), a.maxSteps(), true, a.globalThreshold(),
                a.newtonSwitch(), a.newtonRadius(), Integer.MAX_VALUE);
        plainFinish = GradientDescent.Settings.plain();
    }

    @Benchmark
    public double[] gdStep() {
        fast.gradient().evaluate(x, g); // as in the plain loop: gradient only, like the NumPy reference
        for (int i = 0; i < x.length; i++) {
            next[i] = x[i] - eta * g[i];
        }
        return next;
    }

    @Benchmark
    public double[] gdStepScalar() {
        scalar.gradient().evaluate(x, g);
        for (int i = 0; i < x.length; i++) {
            next[i] = x[i] - eta * g[i];
        }
        return next;
    }

    @Benchmark
    public double[] gdStepGeneral() {
        general.valueAndGradient(x, g);
        for (int i = 0; i < x.length; i++) {
            next[i] = x[i] - eta * g[i];
        }
        return next;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public GradientDescent.Result newtonFinish() {
        return newton.run(nearMinimum, accelerated);
    }

    /** The alternative to the Newton finish: plain GD from the same iterate down to 10⁻⁹. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public GradientDescent.Result gdFinish() {
        return newton.run(nearMinimum, plainFinish);
    }
}
