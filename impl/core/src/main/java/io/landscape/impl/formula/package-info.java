/**
 * Objectives from closed-form formulas ({@link io.landscape.api.formula.ObjectiveFormula} →
 * {@link io.landscape.api.formula.FormulaFunction}): value, gradient and Hessian derived by Symja and compiled, for
 * objectives that are not sums of pair kernels — paper 004's products over patches, cosine waves.
 *
 * <h2>Stages</h2>
 * <ol>
 *   <li><b>reduce</b> ({@link io.landscape.impl.formula.FormulaReduction}, Symja's parser only): helper functions are
 *       substituted, dot products of linear combinations expanded bilinearly into <em>atoms</em> — global ones
 *       ({@code xg}: p·q of free vectors, numbered members and parameters), constant ones ({@code xc}: parameter ·
 *       parameter) — and every {@code Sum}/{@code Product(body, {l, 1, k})} over a family replaced by an aggregate
 *       ({@code xa}) whose body is a function of the member's <em>local</em> atoms ({@code xm}: w[l]·w[l],
 *       w[l]·u). Scalars are {@code xs}. The result ({@code Reduced}) contains no dimension and no family size.</li>
 *   <li><b>derive</b> ({@link io.landscape.impl.formula.FormulaDerivation}): Symja's {@code D} of the outer
 *       expression Φ in its globals and aggregates, and of each body in its locals, to second order; every
 *       {@code Simplify} kept only if it agrees with its input to 10⁻⁹ at three probe points (the values all symbols
 *       take at seeded random points of the objective: a consistent Gram matrix, aggregates computed from their
 *       bodies); the formula must be a finite real number at the first probe.</li>
 *   <li><b>CSE → print → routines → compile → cache</b>: the stages of {@link io.landscape.impl.compile}. Routines
 *       ({@link io.landscape.impl.formula.FormulaRoutines}): {@code outerValue/outerFirst/outerSecond(in, out)} and
 *       per family {@code familyValue/familyFirst/familySecond(f, in, out)} (all bodies over the family in one
 *       routine: they share its locals), CSE over all outputs of each. The cache key
 *       ({@code FormulaCompiler#key}) is the reduced formula's canonical text, the routine signatures and the
 *       generator, printer and derivation-setting versions: another dimension, family size or parameter value
 *       reuses the compiled code (F^(k) for k = 2, 5, 10 is derived once).</li>
 *   <li><b>generate the assembly</b> ({@link io.landscape.impl.formula.AssemblyGenerator}, no Symja): Java source
 *       for value and value-and-gradient specialised to the reduced formula's <em>structure</em> — which global dot
 *       products exist between which vectors, which families are looped over (one block per member, or shared), their
 *       local dot products and aggregates — with fused loops: one pass over each member's block computes all its
 *       local dot products (all members back to back), then one loop calls the family's body routine per member and
 *       accumulates the prefix products; after the outer routine, one backward loop forms the suffix products, the member's
 *       coefficients and writes its gradient block in one pass (Σ coefficient · source vector). Dimensions and family
 *       sizes stay runtime values ({@code layout}), scratch space is preallocated (nothing is allocated per call).
 *       The source is appended to the routines' and compiled with them by Janino into one class, so the routines
 *       are direct calls. Compiled classes are cached in memory under the routine key plus the structure and
 *       {@code AssemblyGenerator.VERSION}; the routines' disk-cache entry is unchanged (FC and WS of one formula,
 *       and every k and d, still share one derivation).</li>
 *   <li><b>assemble</b> ({@link io.landscape.impl.formula.CompiledFormulaObjective}): value and gradient run the
 *       generated assembly when the class has one; otherwise — structures over the generator's limits (more than
 *       16 global dot products, 12 aggregates or 8 locals per family) or {@code -Dlandscape.formula.assembly=generic}
 *       — the generic loop code, written once, computes the atoms (O(d) each), calls the body routine once per
 *       member, combines sums and products (prefix and suffix products: the product rule per factor, no division),
 *       calls the outer routine, and maps the scalar derivatives back to vectors by the chain rule through the atoms
 *       (the formulas are in that class's Javadoc). The generic code is also the generated one's test oracle
 *       ({@code GeneratedAssemblyTest}: values bitwise, gradients to 10⁻¹³); {@code toString()} names the assembly
 *       that runs. The Hessian is an operator (products in O(N d + N²), N atoms), always the generic code's; its
 *       dense form comes from products.</li>
 * </ol>
 *
 * <h2>Derivation conventions</h2>
 * Vectors enter only through dot products, so every derivative is taken in scalars: for an atom δ = p·q,
 * ∇δ = q in p's block + p in q's block and ∇²δ = I between the two blocks (2I when p = q, 0 for a parameter); with
 * ψ_δ = ∂F/∂δ and Ψ_{δε} = ∂²F/∂δ∂ε, ∇F = Σ ψ_δ ∇δ and ∇²F = Σ Ψ_{δε} ∇δ∇εᵀ + Σ ψ_δ ∇²δ. A shared family (weight
 * sharing) makes all members the same block, so the same sums accumulate into it. Gradients are exact for any k and
 * d; tests compare value, gradient and Hessian with a hand-written F^(k), with finite differences and with Symja's
 * own {@code D} of the formula written in coordinates ({@code FormulaObjectiveTest}).
 *
 * <h2>Errors</h2>
 * Every mistake is one {@link io.landscape.api.InvalidFormulaException} quoting the formula and naming the problem:
 * a parse error, an unknown variable or function, a vector used as a number, dot products of vectors of different
 * dimensions, a loop bound that is not the family's size, a loop body whose dot products do not involve its member,
 * nested loops, a formula that is not a finite real number at a random point, or a derivative the printer cannot
 * translate.
 */
package io.landscape.impl.formula;
