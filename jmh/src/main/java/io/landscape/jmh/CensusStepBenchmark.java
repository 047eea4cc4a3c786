package io.landscape.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.objective.EvaluatorParameters;
import io.landscape.impl.objective.Evaluators;
import io.landscape.impl.optim.Initialization;

/**
 * One step of the paper 000 §4.2 census at k = n = d ∈ {20, 50, 100}: the identity-teacher gradient of the evaluator
 * {@code Evaluators.select} gives the census (gradient only, as the paper's loop and its NumPy reference) and the
 * update x − (5/k)∇F, at a Xavier start (no descent in the set-up, so the large sizes start at once).
 * Run: {@code nice java -jar jmh/target/benchmarks.jar CensusStepBenchmark -wi 2 -i 3 -f 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector",
        "-Djdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0"})
public class CensusStepBenchmark {
    @Param({"20", "50", "100"})
    public int k;

    private Objective f;
    private double[] x;
    private double[] g;
    private double[] next;
    private double eta;

    @Setup(Level.Trial)
    public void setUp() {
        f = Evaluators.select(Problem.identityTeacher(k, k, k), EvaluatorParameters.defaults().withPlainValue(true));
        x = Initialization.xavier(k).sample(Initialization.runSeed(2017, 0), k, k);
        g = new double[k * k];
        next = new double[k * k];
        eta = 5.0 / k;
    }

    @Benchmark
    public double[] step() {
        f.gradient().evaluate(x, g);
        for (int i = 0; i < x.length; i++) {
            next[i] = x[i] - eta * g[i];
        }
        return next;
    }
}
