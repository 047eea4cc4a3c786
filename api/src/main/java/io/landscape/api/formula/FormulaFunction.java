package io.landscape.api.formula;

import io.landscape.api.function.TwiceDifferentiableFunction;

/**
 * A compiled {@link ObjectiveFormula}: value, gradient and Hessian operator of the objective over the point x, which
 * holds the free vectors' blocks in declaration order (a family {@code w} as w[1], …, w[k]; a shared family once).
 * Instances may be shared between threads (each thread evaluates in scratch space of its own); the in-place forms do
 * not allocate.
 */
public interface FormulaFunction extends TwiceDifferentiableFunction {
    /** The formula this function was compiled from. */
    ObjectiveFormula formula();

    /** Offset in x of the free vector {@code name} (a shared family's single block). */
    int offset(String name);

    /** Offset in x of member {@code member} (1-based) of the family {@code family}. */
    int offset(String family, int member);

    /** The generated Java source of the compiled routines (stamped "GENERATED … DO NOT MODIFY"). */
    String source();
}
