package io.landscape.api;

import io.landscape.api.function.DenseNetworkHessian;
import io.landscape.api.function.NetworkHessian;
import io.landscape.api.function.NetworkObjective;

/**
 * The population loss F of a {@link Problem}, with its {@link Gradient} and {@link Hessian} objects.
 *
 * <p>An instance may be shared between threads: each thread evaluates in scratch buffers of its own (the creating
 * thread's directly, any other's through a thread-local), with results bit for bit those of one thread. The hot entry
 * points ({@link #value}, {@link #valueAndGradient}, {@link Gradient#evaluate(double[], double[])},
 * {@link Hessian#evaluate(double[], double[])}) do not allocate.
 */
public interface Objective extends NetworkObjective {
    Problem problem();

    /** Number of parameters n·d. */
    int dimension();

    /**
     * F(x). Defined everywhere, including at zero neurons.
     *
     * @throws InvalidPointException if x has the wrong length or an entry that is NaN or infinite (naming it)
     */
    double value(double[] x);

    /** Writes ∇F(x) into {@code gradientOut} and returns F(x), sharing the pairwise work. */
    double valueAndGradient(double[] x, double[] gradientOut);

    /** The gradient object (same scratch space as this objective). */
    Gradient gradient();

    /** The Hessian object (same scratch space as this objective). */
    Hessian hessian();

    @Override
    default int neurons() {
        return problem().studentCount();
    }

    @Override
    default int inputDimension() {
        return problem().inputDimension();
    }

    /** ∇F(x) through the {@link Gradient} object (no value computed). */
    @Override
    default void gradient(double[] x, double[] out) {
        gradient().evaluate(x, out);
    }

    /**
     * The Hessian at x as an operator with blocks. This default fills the dense (n·d)² matrix once (as
     * {@link #hessian()} does) and answers products and blocks from it.
     */
    @Override
    default NetworkHessian hessianAt(double[] x) {
        return new DenseNetworkHessian(hessian().evaluate(x), dimension(), inputDimension());
    }
}
