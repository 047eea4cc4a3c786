package io.landscape.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
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

import io.landscape.impl.linalg.Cholesky;

/**
 * The dense Cholesky factorization behind the certificates' λ_min bound and the Newton finish
 * ({@link Cholesky#factor}, SIMD-blocked where the Vector API is available, as in these forks) against the same
 * arithmetic without SIMD kernels ({@link Cholesky#factorScalar}, bitwise the same factor) and EJML's {@code LinearSolverChol_DDRM}, on a symmetric positive definite m×m matrix:
 * m = 400 is the Newton finish at k = n = 20 (single-threaded path), m = 2000 a certificate at k = n ≈ 45 (two threads).
 * Each invocation copies the matrix (m² doubles, included in the score) and factors the copy. m³/3 multiply-adds per
 * factorization: divide by the score for the rate. Run: {@code java -jar jmh/target/benchmarks.jar CholeskyBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector",
        "-Djdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0"})
public class CholeskyBenchmark {
    @Param({"400", "2000"})
    int m;

    double[] a;
    double[] work;
    DMatrixRMaj ejmlA;
    DMatrixRMaj ejmlWork;
    LinearSolverDense<DMatrixRMaj> ejml;
    /** All processors, as the common pool gave before: the caller and availableProcessors − 1 helpers. */
    java.util.concurrent.ExecutorService pool;
    io.landscape.impl.linalg.Workers workers;

    @org.openjdk.jmh.annotations.TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
    }

    @Setup(Level.Trial)
    public void setUp() {
        int helpers = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
        pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, helpers), r -> {
            Thread t = new Thread(r, "cholesky-helper");
            t.setDaemon(true);
            return t;
        });
        workers = new io.landscape.impl.linalg.Workers(helpers == 0 ? null : pool, helpers);
        SplittableRandom rnd = new SplittableRandom(7);
        a = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double v = rnd.nextDouble() - 0.5;
                if (i == j) {
                    v += m; // diagonally dominant: positive definite
                }
                a[i * m + j] = v;
                a[j * m + i] = v;
            }
        }
        work = new double[m * m];
        ejmlA = new DMatrixRMaj(m, m);
        System.arraycopy(a, 0, ejmlA.data, 0, m * m);
        ejmlWork = new DMatrixRMaj(m, m);
        ejml = LinearSolverFactory_DDRM.chol(m);
    }

    @Benchmark
    public double landscape() {
        System.arraycopy(a, 0, work, 0, a.length);
        if (!Cholesky.factor(work, m, workers)) {
            throw new IllegalStateException("not positive definite");
        }
        return work[a.length - 1];
    }

    @Benchmark
    public double landscapeScalar() {
        System.arraycopy(a, 0, work, 0, a.length);
        if (!Cholesky.factorScalar(work, m, workers)) {
            throw new IllegalStateException("not positive definite");
        }
        return work[a.length - 1];
    }

    @Benchmark
    public double ejml() {
        ejmlWork.setTo(ejmlA);
        if (!ejml.setA(ejmlWork)) {
            throw new IllegalStateException("not positive definite");
        }
        return ejmlWork.data[a.length - 1];
    }
}
