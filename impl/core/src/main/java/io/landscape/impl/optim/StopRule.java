package io.landscape.impl.optim;

/**
 * A stop rule of the descent engine: after each evaluation it looks at the {@link DescentMonitor current state} of an
 * attempt and either lets it go on ({@code null}) or names why it ends. Rules are values and compose with
 * {@link #anyOf} (the first rule that fires, in the order given, decides — Hipparchus' {@code OrMultiplexer}), so the
 * general optimizer and the spurious-minima search build their checks from the same pieces:
 * <ul>
 *   <li>{@link #divergence(double)}: a non-finite value or ‖∇F‖ beyond a limit ({@link GradientDescent.Stop#DIVERGED};
 *       the {@link RestartPolicy} then decides whether to restart with a smaller step);</li>
 *   <li>{@link #gradientTolerance(double)}: the largest block gradient norm (per neuron for a network objective, the
 *       whole norm for a block size equal to the dimension) is at most the tolerance;</li>
 *   <li>{@link #globalThreshold(double)}: paper 002's global early stop (F below the threshold after a monotone
 *       window); see the package documentation for why it keeps each run's classification;</li>
 *   <li>{@link #stepBudget()}: the attempt's step budget is spent.</li>
 * </ul>
 * Rules are stateless; per-attempt state (steps, the monotone window) lives in the {@link DescentMonitor}.
 */
@FunctionalInterface
public interface StopRule {

    /** Why the attempt ends at the monitor's current state, or {@code null} to continue. Must not allocate. */
    GradientDescent.Stop test(DescentMonitor state);

    /** This rule, then {@code other} if this one does not fire. */
    default StopRule or(StopRule other) {
        StopRule first = this;
        return s -> {
            GradientDescent.Stop stop = first.test(s);
            return stop != null ? stop : other.test(s);
        };
    }

    /** The first of {@code rules} (in order) that fires; none given: never stops. */
    static StopRule anyOf(StopRule... rules) {
        StopRule r = never();
        for (int i = rules.length - 1; i >= 0; i--) {
            r = rules[i].or(r);
        }
        return rules.length == 0 ? never() : r;
    }

    /** Never fires. */
    static StopRule never() {
        return s -> null;
    }

    /** Diverged: F is not finite, or ‖∇F‖ is not ≤ {@code limit} (NaN counts as beyond). */
    static StopRule divergence(double limit) {
        return s -> !Double.isFinite(s.value()) || !(s.gradientNorm() <= limit) ? GradientDescent.Stop.DIVERGED
                : null;
    }

    /** Converged: max over blocks of ‖∇_block F‖ ≤ {@code tol}. */
    static StopRule gradientTolerance(double tol) {
        if (!(tol > 0)) {
            throw new IllegalArgumentException("tol: must be positive, got " + tol);
        }
        return s -> s.maxBlockGradient() <= tol ? GradientDescent.Stop.CONVERGED : null;
    }

    /**
     * Paper 002's global early stop: F &lt; {@code threshold} while the monitor's monotone window is complete (no
     * ascent in the last {@link GradientDescent#MONOTONE_WINDOW} steps). Needs F at every step (the monitor must be
     * told values, not the placeholder of the gradient-only loop).
     */
    static StopRule globalThreshold(double threshold) {
        return s -> s.monotone() && s.value() < threshold ? GradientDescent.Stop.BELOW_THRESHOLD : null;
    }

    /** The attempt's step budget is spent. */
    static StopRule stepBudget() {
        return s -> s.steps() >= s.budget() ? GradientDescent.Stop.MAX_STEPS : null;
    }
}
