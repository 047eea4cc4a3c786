package io.landscape.api;

/**
 * The outcome of {@link Landscape#descend}.
 *
 * @param point           the end point (a new array)
 * @param value           f at the end point
 * @param gradientNorm    the norm the tolerance applies to, at the end point (per-neuron maximum or ‖∇f‖, see
 *                        {@link DescentSettings#tolerance()})
 * @param iterations      gradient steps of the final attempt
 * @param totalIterations gradient steps of all attempts (diverged ones included)
 * @param newtonSteps     Newton steps of the finish (0 without one)
 * @param restarts        times the step was halved after a divergence
 * @param step            the step size of the final attempt
 * @param stop            why the run ended
 * @param seconds         wall time
 */
public record DescentResult(double[] point, double value, double gradientNorm, long iterations, long totalIterations,
                            int newtonSteps, int restarts, double step, Stop stop, double seconds) {

    /** Why a descent ended. */
    public enum Stop {
        /** The tolerance was reached by gradient steps. */
        CONVERGED,
        /** The tolerance was reached by the Newton finish. */
        NEWTON,
        /** The step cap was hit first. */
        MAX_STEPS,
        /** Every step size down to the smallest diverged; {@link #point()} is the initial point. */
        DIVERGED
    }

    /** True when the tolerance was reached (by gradient steps or the Newton finish). */
    public boolean converged() {
        return stop == Stop.CONVERGED || stop == Stop.NEWTON;
    }
}
