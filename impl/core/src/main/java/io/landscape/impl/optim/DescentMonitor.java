package io.landscape.impl.optim;

/**
 * The decisions of one attempt of {@link GradientDescent} (one step size from one initial point), separated from the
 * arithmetic so that the single-run loop and the batched search (several runs advanced together in SIMD lanes) apply
 * exactly the same rules: divergence, the tolerance, the global early stop with its monotone window, when to try the
 * Newton finish, and the step budget. See {@link GradientDescent} for the rules and their justification.
 *
 * <p>Use: after each evaluation at the current iterate call {@link #observe}; on {@link Action#STEP} take the step and
 * call {@link #stepped}; on {@link Action#TRY_NEWTON} try the finish and, if it is rejected, call {@link #rejected}
 * for the next action. Not thread-safe; cheap to create (one per attempt).
 */
public final class DescentMonitor {

    /** What the caller does next. */
    public enum Action {
        /** Take the gradient step. */
        STEP,
        /** The attempt diverged: restart with half the step. */
        DIVERGED,
        /** max_i ‖∇_{w_i}F‖ ≤ tol. */
        CONVERGED,
        /** F &lt; the global threshold after a monotone window (accelerated mode). */
        BELOW_THRESHOLD,
        /** Try the Newton finish from here (accelerated mode). */
        TRY_NEWTON,
        /** The step budget is spent. */
        MAX_STEPS
    }

    private final GradientDescent.Settings s;
    private final long budget;
    private final int dimension;
    private long steps;
    private long sinceIncrease;
    private double previous = Double.POSITIVE_INFINITY;
    private double nextNewton;
    private double value;

    /** An attempt with settings {@code s}, at most {@code budget} steps, for an objective on R^{dimension}. */
    public DescentMonitor(GradientDescent.Settings s, long budget, int dimension) {
        this.s = s;
        this.budget = budget;
        this.dimension = dimension;
        this.nextNewton = s.newtonSwitch();
    }

    /**
     * The decision at the current iterate, given F there ({@code value}; in plain mode any finite number, F is not
     * needed), max_i ‖∇_{w_i}F‖ and ‖∇F‖.
     */
    public Action observe(double value, double maxNeuronGradient, double gradientNorm) {
        this.value = value;
        if (!Double.isFinite(value) || !(gradientNorm <= GradientDescent.DIVERGENCE)) {
            return Action.DIVERGED;
        }
        if (maxNeuronGradient <= s.tol()) {
            return Action.CONVERGED;
        }
        if (s.accelerate()) {
            if (value > previous + GradientDescent.ROUNDING * Math.max(1.0, Math.abs(previous))) {
                sinceIncrease = -GradientDescent.MONOTONE_WINDOW; // an ascent: a full window of decreasing steps again
            } else if (sinceIncrease < 0) {
                sinceIncrease++;
            }
            if (s.earlyStop() && sinceIncrease >= 0 && value < s.globalThreshold()) {
                return Action.BELOW_THRESHOLD;
            }
            if (maxNeuronGradient <= nextNewton && value >= s.globalThreshold()
                    && dimension <= s.newtonMaxDimension()) {
                return Action.TRY_NEWTON;
            }
        }
        return budgetOrStep();
    }

    /** The Newton finish was rejected at this iterate: retry once the gradient has shrunk tenfold; the next action. */
    public Action rejected(double maxNeuronGradient) {
        nextNewton = maxNeuronGradient * 0.1;
        return budgetOrStep();
    }

    private Action budgetOrStep() {
        if (steps >= budget) {
            return Action.MAX_STEPS;
        }
        previous = value;
        return Action.STEP;
    }

    /** The caller took the step. */
    public void stepped() {
        steps++;
    }

    /** Gradient steps taken in this attempt. */
    public long steps() {
        return steps;
    }
}
