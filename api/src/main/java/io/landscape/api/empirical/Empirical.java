package io.landscape.api.empirical;

/**
 * Entry point for paper 001's empirical objectives and basins; research code compiles against the api module only,
 * the implementation ({@code landscape-impl}) is found at run time through {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * DataSet s = new DataSet(new double[][] {{1, 0}, {0, 1}, {1, 1}, {-1, 0.5}}, new double[] {1, -0.5, 2, 0.3});
 * EmpiricalProblem p = new EmpiricalProblem(s, Loss.SQUARED, 3);           // width 3, trainable output weights
 * double[] point = {1, 0.2, 0.3, -1, -0.5, 0.4, 0.7, -1.2, 0.4};            // w_1, w_2, w_3, then v
 * double loss = Empirical.objective(p).value(point);
 * BasinSolution bas = Empirical.basinSolver().solve(p, point);             // Bas(point), minimiser, KKT residual
 * }</pre>
 */
public final class Empirical {
    private Empirical() {
    }

    /** L_S for the problem, with gradient and Hessian (one instance per thread). */
    public static EmpiricalObjective objective(EmpiricalProblem problem) {
        return provider().objective(problem);
    }

    /** The basin solver (thread-safe). */
    public static BasinSolver basinSolver() {
        return provider().basinSolver();
    }

    /** The implementation found on the class path. */
    public static EmpiricalProvider provider() {
        return io.landscape.api.Implementation.of(EmpiricalProvider.class);
    }
}
