/**
 * Objectives from closed-form formulas: describe an objective as a Symja formula over named vectors
 * ({@link io.landscape.api.formula.ObjectiveFormula}) and get a compiled
 * {@link io.landscape.api.formula.FormulaFunction} — value, gradient and Hessian derived by Symja, printed as Java
 * and compiled — through {@link io.landscape.api.Landscape#symbolicObjective}. The syntax, including loops over
 * families of vectors ({@code Sum}/{@code Product} over patches), is in {@code ObjectiveFormula}.
 */
package io.landscape.api.formula;
