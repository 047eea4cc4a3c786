package io.landscape.impl.optim;

/**
 * What to do when an attempt diverges: restart from the same initial point with the step multiplied by
 * {@code factor}, at most {@code maxRestarts} times and while the step budget (summed over attempts) lasts. The
 * single-run loop ({@link GradientDescent}) and the batched search apply the same policy.
 *
 * @param factor      the step is multiplied by this on each restart (0 &lt; factor &lt; 1)
 * @param maxRestarts restarts after which the run counts as diverged
 */
public record RestartPolicy(double factor, int maxRestarts) {
    public RestartPolicy {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("restart factor must be in (0, 1), got " + factor);
        }
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("maxRestarts must be ≥ 0, got " + maxRestarts);
        }
    }

    /** Halve the step, at most {@link GradientDescent#MAX_RESTARTS} times (paper 002's loop). */
    public static final RestartPolicy HALVING = new RestartPolicy(0.5, GradientDescent.MAX_RESTARTS);

    /** The step of the next attempt. */
    public double nextStep(double step) {
        return step * factor;
    }

    /**
     * True if, after {@code restarts} restarts and {@code totalSteps} steps of a budget of {@code maxSteps}, the run
     * gives up (counts as diverged).
     */
    public boolean exhausted(int restarts, long totalSteps, long maxSteps) {
        return restarts > maxRestarts || totalSteps >= maxSteps;
    }
}
