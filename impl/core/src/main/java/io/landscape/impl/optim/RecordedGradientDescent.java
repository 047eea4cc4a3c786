package io.landscape.impl.optim;

import java.util.Arrays;

import io.landscape.api.function.DifferentiableFunction;

/**
 * Plain gradient descent x(t+1) = x(t) − η∇f(x(t)) with a fixed step, recording f and the iterate at chosen steps.
 * The loop allocates nothing: one gradient buffer, updated in place.
 */
public final class RecordedGradientDescent {

    /** Receives the iterate at a recorded step. {@code x} is the live iterate: copy what you keep. */
    @FunctionalInterface
    public interface Observer {
        void observe(int index, long step, double value, double[] x);
    }

    private RecordedGradientDescent() {
    }

    /**
     * Runs GD from {@code x0} until the last of {@code recordSteps} and reports f(x(T)) at every T in
     * {@code recordSteps} (strictly increasing, ≥ 0).
     *
     * @param x0 start, not modified
     * @return the final iterate x(max recordSteps) (a new array)
     */
    public static double[] run(DifferentiableFunction f, double[] x0, double eta, long[] recordSteps, Observer observer) {
        return run(f, x0, eta, UpdateStep.FIXED, recordSteps, observer);
    }

    /**
     * As {@link #run(DifferentiableFunction, double[], double, long[], Observer)} with another update rule (e.g.
     * {@link PerturbedStep}); {@link UpdateStep#FIXED} is the plain loop, bit for bit.
     */
    public static double[] run(DifferentiableFunction f, double[] x0, double eta, UpdateStep update, long[] recordSteps,
                               Observer observer) {
        if (x0.length != f.dimension()) {
            throw new IllegalArgumentException("start point: dimensions mismatch: " + x0.length + " != "
                    + f.dimension());
        }
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("step size must be positive and finite, got " + eta);
        }
        checkIncreasing(recordSteps);
        double[] x = Arrays.copyOf(x0, x0.length);
        double[] g = new double[x.length];
        if (recordSteps.length == 0) {
            return x;
        }
        long last = recordSteps[recordSteps.length - 1];
        int next = 0;
        for (long t = 0; ; t++) {
            double value = f.valueAndGradient(x, g);
            if (t == recordSteps[next]) {
                observer.observe(next, t, value, x);
                next++;
            }
            if (t == last) {
                break;
            }
            update.apply(x, g, eta);
        }
        return x;
    }

    static void checkIncreasing(long[] steps) {
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] < 0 || (i > 0 && steps[i] <= steps[i - 1])) {
                throw new IllegalArgumentException("record steps must be non-negative and strictly increasing, got "
                        + Arrays.toString(steps));
            }
        }
    }
}
