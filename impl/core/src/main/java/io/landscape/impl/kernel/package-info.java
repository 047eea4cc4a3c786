/**
 * Kernel evaluators: what the objective's hot loops call for one pair of neurons.
 *
 * <p>{@link io.landscape.impl.kernel.PairKernel} is the contract: given r = ‖w‖ &gt; 0, ρ = ‖v‖ &gt; 0, c = cos θ,
 * s = sin θ ≥ 0 (s = 0 exactly selects the parallel or antiparallel limits) and θ, it returns κ, the gradient
 * coefficients K, gA, gAv, gB (∂κ/∂w = gA·w/r + gB·v, ∂κ/∂v = gAv·v/ρ + gB·w), the 13 Hessian coefficients of
 * h1 = ∂²κ/∂w², h1v = ∂²κ/∂v² and h2 = ∂²κ/∂w∂v, and the self term D(r) = κ(w, w) with D′, D″ — their meaning is
 * defined in {@link io.landscape.impl.symbolic.KernelDerivation}. Implementations are generated
 * ({@link io.landscape.impl.compile.KernelCompiler}) or hand-written: {@link io.landscape.impl.kernel.ReluClosedForm},
 * the ReLU coefficients written out from paper 002 (Eqs. 7–10) and paper 000 (Thm 10), the reference the generated
 * ReLU kernel is tested and benchmarked against.
 *
 * <p>{@link io.landscape.impl.kernel.KernelCheck} refuses a kernel that cannot be E σ(w·x)σ(v·x): one with
 * κ(w, w) &lt; 0 or a Gram matrix [κ(w_i, w_j)] with a negative eigenvalue (beyond rounding) at seeded random points
 * in dimensions 1, 2, 3 and 5, or a non-finite value — necessary conditions every true kernel meets exactly; the
 * design and its limits are in that class's Javadoc.
 */
package io.landscape.impl.kernel;
