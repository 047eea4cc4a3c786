package io.landscape.impl.objective;

import io.landscape.api.FormulaChecker;
import io.landscape.api.LandscapeProvider;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.compile.KernelCompiler;
import io.landscape.impl.symbolic.SymjaFormulaChecker;

/** The {@link LandscapeProvider} registered in {@code META-INF/services}: compiled kernels, pairwise assembly. */
public final class Provider implements LandscapeProvider {
    @Override
    public Objective objective(Problem problem) {
        return new PairwiseObjective(problem, KernelCompiler.compiled(problem.kernel()));
    }

    @Override
    public FormulaChecker formulaChecker() {
        return new SymjaFormulaChecker();
    }
}
