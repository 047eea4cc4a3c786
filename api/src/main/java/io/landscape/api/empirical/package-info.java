/**
 * Paper 001 (Safran &amp; Shamir, <em>On the quality of the initial basin in overspecified neural networks</em>) as
 * values and capabilities: a finite training set ({@link io.landscape.api.empirical.DataSet}), a loss
 * ({@link io.landscape.api.empirical.Loss}: squared without ½, softmax cross-entropy), the two-layer problem with
 * trainable output weights ({@link io.landscape.api.empirical.EmpiricalProblem}), its objective as a
 * {@link io.landscape.api.function.NetworkObjective} ({@link io.landscape.api.empirical.EmpiricalObjective}) and the
 * basin partition of Def. 2 with basin values ({@link io.landscape.api.empirical.Cell},
 * {@link io.landscape.api.empirical.BasinSolver}, {@link io.landscape.api.empirical.BasinSolution}). Research code
 * obtains implementations through {@link io.landscape.api.empirical.Empirical}. The derivations (the convex
 * reformulation, the closed form for rank X = m, the solver and its certificate) are in the implementation's
 * {@code io.landscape.impl.basin} package documentation.
 */
package io.landscape.api.empirical;
