package io.landscape.impl.optim;

/**
 * The update of one descent step, x ← U(x, ∇F(x), η), in place. {@link #FIXED} is plain gradient descent; perturbed
 * gradient descent (a random kick when the gradient is small) and stochastic gradients are further implementations
 * (they need their own random source, held by the instance).
 */
@FunctionalInterface
public interface UpdateStep {
    /** Plain gradient descent x ← x − η∇F(x). */
    UpdateStep FIXED = (x, g, eta) -> {
        for (int i = 0; i < x.length; i++) {
            x[i] -= eta * g[i];
        }
    };

    /**
     * Moves {@code x} (modified) given the gradient {@code g} there (not modified) and the step size {@code eta}.
     * Must not allocate.
     */
    void apply(double[] x, double[] g, double eta);
}
