package io.landscape.api.function;

/** A {@link DifferentiableFunction} with a Hessian, given at a point as an operator. */
public interface TwiceDifferentiableFunction extends DifferentiableFunction {
    /**
     * The Hessian at {@code x} (copied: later changes to {@code x} do not affect the operator).
     *
     * @throws io.landscape.api.NotDifferentiableException where f is not twice differentiable at x
     */
    HessianOperator hessianAt(double[] x);
}
