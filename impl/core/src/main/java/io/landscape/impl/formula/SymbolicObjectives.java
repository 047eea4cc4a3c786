package io.landscape.impl.formula;

import io.landscape.api.formula.FormulaFunction;
import io.landscape.api.formula.ObjectiveFormula;

/** What the provider delegates {@code Landscape.symbolicObjective} to. */
public final class SymbolicObjectives {
    private SymbolicObjectives() {
    }

    /** See {@link io.landscape.api.Landscape#symbolicObjective}. */
    public static FormulaFunction compile(ObjectiveFormula formula) {
        return FormulaCompiler.compile(formula);
    }
}
