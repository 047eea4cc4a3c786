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

import io.landscape.api.Problem;
import io.landscape.impl.certify.Certificate;
import io.landscape.impl.certify.Certifier;
import io.landscape.impl.certify.Options;

/**
 * Time of one rigorous certificate ({@link Certifier#certify}, without polishing) at a synthetic near-minimum of the
 * identity-teacher problem with k = d and n students (GD from a seeded Xavier start, then Newton).
 * {@code java -jar jmh/target/benchmarks.jar CertifyBenchmark -p k=20 -p n=20}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CertifyBenchmark {
    @Param({"6", "10", "20"})
    public int k;

    @Param({"0"})
    public int extraStudents;

    private Problem problem;
    private double[] point;
    private Options options;

    @Setup(Level.Trial)
    public void setUp() {
        int n = k + extraStudents;
        problem = Problem.identityTeacher(k, k, n);
        point = NearMinima.polished(k, n, 1, 50000, 1e-7);
        options = Options.defaults();
    }

    @Benchmark
    public Certificate certify() {
        return Certifier.certify(problem, point, options);
    }
}
