package io.landscape.impl.optim;

/** A differentiable function of a flat parameter vector, as the first-order optimizers and flows here need it. */
public interface ValueAndGradient {
    /** Number of parameters. */
    int dimension();

    /**
     * Writes ∇f(x) into {@code gradientOut} and returns f(x).
     *
     * @param x           the point, not modified
     * @param gradientOut modified; length {@link #dimension()}; must not be {@code x}
     */
    double valueAndGradient(double[] x, double[] gradientOut);

    /** f(x). */
    double value(double[] x);
}
