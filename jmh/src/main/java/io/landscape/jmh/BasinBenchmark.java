package io.landscape.jmh;

import java.util.SplittableRandom;
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

import io.landscape.api.empirical.BasinSolution;
import io.landscape.api.empirical.DataSet;
import io.landscape.api.empirical.EmpiricalProblem;
import io.landscape.api.empirical.Loss;
import io.landscape.impl.basin.CellBasinSolver;
import io.landscape.impl.empirical.Initialization;

/**
 * Bas for one cell (paper 001): the cell program (Lemma 3) solved by {@link CellBasinSolver} — presolve, interior
 * point with Woodbury Newton systems, certificate — on Gaussian data and targets with a Gaussian point, squared loss.
 * {@code shape} is m:n:d; 100:50:20 is the size, 6:20:10 a Monte Carlo trial of the Thm. 4 curve, 12:20:5 one
 * with m &gt; d. Run: {@code java -jar jmh/target/benchmarks.jar BasinBenchmark}; ojAlgo's engine on the small shapes:
 * {@code java -jar jmh/target/benchmarks.jar BasinBenchmark -p engine=OJALGO -p shape=6:20:10,12:20:5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
public class BasinBenchmark {
    @Param({"100:50:20", "6:20:10", "12:20:5"})
    String shape;

    /**
     * The QP engine ({@link CellBasinSolver.Engine}): AUTO (exact blocks where they apply, else the structured interior
     * point), INTERIOR_POINT, or OJALGO (ojAlgo's active-set solver).
     */
    @Param({"AUTO"})
    String engine;

    CellBasinSolver solver;

    EmpiricalProblem problem;
    double[] point;

    @Setup(Level.Trial)
    public void setUp() {
        String[] p = shape.split(":");
        int m = Integer.parseInt(p[0]);
        int n = Integer.parseInt(p[1]);
        int d = Integer.parseInt(p[2]);
        SplittableRandom rnd = new SplittableRandom(5);
        double[][] x = new double[m][d];
        double[] y = new double[m];
        for (int t = 0; t < m; t++) {
            for (int j = 0; j < d; j++) {
                x[t][j] = Initialization.gaussian(rnd);
            }
            y[t] = Initialization.gaussian(rnd);
        }
        problem = new EmpiricalProblem(new DataSet(x, y), Loss.SQUARED, n);
        point = Initialization.gaussian(1).twoLayer(rnd, n, d, true);
        solver = new CellBasinSolver(CellBasinSolver.Options.DEFAULT.withEngine(
                CellBasinSolver.Engine.valueOf(engine)));
        BasinSolution s = solver.solve(problem, point);
        if (!(s.kktResidual() <= 1e-8)) {
            throw new IllegalStateException("benchmark instance not solved: KKT " + s.kktResidual());
        }
    }

    @Benchmark
    public double solve() {
        return solver.solve(problem, point).basinValue();
    }
}
