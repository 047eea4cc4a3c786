package io.landscape.api.empirical;

/**
 * Service-provider interface for the empirical objectives and basin solvers: the implementation module registers one
 * in {@code META-INF/services/io.landscape.api.empirical.EmpiricalProvider}; research code calls {@link Empirical}.
 */
public interface EmpiricalProvider {
    EmpiricalObjective objective(EmpiricalProblem problem);

    BasinSolver basinSolver();
}
