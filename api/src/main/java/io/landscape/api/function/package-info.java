/**
 * Capability interfaces for functions of a flat parameter vector, each extending the one before (the shape of
 * Hipparchus' {@code MultivariateFunction → MultivariateDifferentiableFunction}):
 * <ol>
 *   <li>{@link io.landscape.api.function.DifferentiableFunction}: dimension, value, value and gradient in one pass,
 *       in-place and allocating forms;</li>
 *   <li>{@link io.landscape.api.function.TwiceDifferentiableFunction}: adds the Hessian at a point as an
 *       <em>operator</em> ({@link io.landscape.api.function.HessianOperator}: Hessian–vector products, dense fill),
 *       so analysis at k = n = 100 (where the dense Hessian is 800 MB) can use products instead of the matrix;</li>
 *   <li>{@link io.landscape.api.function.NetworkObjective}: adds the parameter layout of a two-layer network —
 *       n neuron blocks of size d, then optionally n trainable output weights — and Hessian blocks
 *       ({@link io.landscape.api.function.NetworkHessian#block}).</li>
 * </ol>
 * Optimizers, certifiers and analyses take the weakest capability they need, never a problem's construction; the
 * population objective {@link io.landscape.api.Objective} is a {@code NetworkObjective}, and so are the empirical and
 * weight-sharing objectives.
 *
 * <p>Conventions (EJML's): output arguments come last, are modified, must have the documented length and must not
 * alias an input; in-place forms do not allocate. Instances may hold scratch space: see each implementation for its
 * thread-safety.
 */
package io.landscape.api.function;
