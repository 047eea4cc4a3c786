package io.landscape.api.function;

/** A function R^m → R with a gradient. */
public interface DifferentiableFunction {
    /** The number m of parameters. */
    int dimension();

    /** f(x). {@code x} has length {@link #dimension()} and is not modified. */
    double value(double[] x);

    /**
     * Writes ∇f(x) into {@code gradientOut} and returns f(x), sharing the work of both.
     *
     * @param x           the point, not modified
     * @param gradientOut modified; length {@link #dimension()}; must not be {@code x}
     */
    double valueAndGradient(double[] x, double[] gradientOut);

    /** Writes ∇f(x) into {@code out} (modified; must not be {@code x}). */
    default void gradient(double[] x, double[] out) {
        valueAndGradient(x, out);
    }

    /** Allocating form of {@link #gradient(double[], double[])}. */
    default double[] gradient(double[] x) {
        double[] out = new double[dimension()];
        gradient(x, out);
        return out;
    }
}
