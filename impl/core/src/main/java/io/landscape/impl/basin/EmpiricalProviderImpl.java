package io.landscape.impl.basin;

import io.landscape.api.empirical.BasinSolver;
import io.landscape.api.empirical.EmpiricalObjective;
import io.landscape.api.empirical.EmpiricalProblem;
import io.landscape.api.empirical.EmpiricalProvider;
import io.landscape.impl.empirical.TwoLayerObjective;

/** The {@link EmpiricalProvider} registered in {@code META-INF/services}. */
public final class EmpiricalProviderImpl implements EmpiricalProvider {
    @Override
    public EmpiricalObjective objective(EmpiricalProblem problem) {
        return new TwoLayerObjective(problem);
    }

    @Override
    public BasinSolver basinSolver() {
        return CellBasinSolver.DEFAULT;
    }
}
