package io.landscape.api;

import io.landscape.api.function.DifferentiableFunction;
import io.landscape.api.function.TwiceDifferentiableFunction;

/**
 * Service-provider interface: the implementation module registers one in {@code META-INF/services}. The optimizer and
 * certifier entries have defaults that refuse, so an implementation that offers only objectives still compiles.
 */
public interface LandscapeProvider {
    Objective objective(Problem problem);

    /**
     * See {@link Landscape#objective(Problem, int)} (which has checked that {@code threads} is 1 or 2). This default
     * answers with {@link #objective(Problem)}, one thread, for implementations without a parallel evaluator.
     */
    default Objective objective(Problem problem, int threads) {
        return objective(problem);
    }

    FormulaChecker formulaChecker();

    /** See {@link Landscape#symbolicObjective}. */
    default io.landscape.api.formula.FormulaFunction symbolicObjective(
            io.landscape.api.formula.ObjectiveFormula formula) {
        throw new UnsupportedOperationException(getClass().getName() + " offers no symbolic objectives");
    }

    /** See {@link Landscape#descend}. */
    default DescentResult descend(DifferentiableFunction f, double[] x0, DescentSettings settings) {
        throw new UnsupportedOperationException(getClass().getName() + " offers no optimizer");
    }

    /** See {@link Landscape#polish}. */
    default PolishResult polish(TwiceDifferentiableFunction f, double[] x0, int maxSteps, double tolerance) {
        throw new UnsupportedOperationException(getClass().getName() + " offers no Newton polish");
    }

    /** See {@link Landscape#certify}. */
    default Certificate certify(Problem problem, double[] point, CertifyOptions options) {
        throw new UnsupportedOperationException(getClass().getName() + " offers no certifier");
    }
}
