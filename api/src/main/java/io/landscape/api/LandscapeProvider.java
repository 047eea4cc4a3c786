package io.landscape.api;

/** Service-provider interface: the implementation module registers one in {@code META-INF/services}. */
public interface LandscapeProvider {
    Objective objective(Problem problem);

    FormulaChecker formulaChecker();
}
