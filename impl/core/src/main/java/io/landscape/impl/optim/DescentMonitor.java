package io.landscape.impl.optim;

/**
 * The state and decisions of one attempt of the descent engine (one step size from one initial point), separated from
 * the arithmetic so that the single-run loop ({@link GradientDescent}) and the batched search (several runs advanced
 * together in SIMD lanes) apply exactly the same rules. The decisions, in order: the {@link StopRule}s (divergence,
 * tolerance, and for the spurious search the global early stop), then whether to try the {@link NewtonFinish}, then
 * the step budget ({@link StopRule#stepBudget()}). The monitor is also the state the rules read.
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
        /** The attempt diverged: restart with a smaller step ({@link RestartPolicy}). */
        DIVERGED,
        /** The gradient tolerance is reached. */
        CONVERGED,
        /** F &lt; the global threshold after a monotone window (the spurious search's early stop). */
        BELOW_THRESHOLD,
        /** Try the Newton finish from here. */
        TRY_NEWTON,
        /** The step budget is spent. */
        MAX_STEPS
    }

    private static final StopRule BUDGET = StopRule.stepBudget();

    private final StopRule rules;
    private final NewtonFinish.Options newton;
    private final long budget;
    private final int dimension;
    private long steps;
    private long sinceIncrease;
    private double previous = Double.POSITIVE_INFINITY;
    private double nextNewton;
    private double value;
    private double maxBlockGradient;
    private double gradientNorm;

    /**
     * An attempt that stops by {@code rules}, tries the Newton finish with {@code newton} (null: never), and takes at
     * most {@code budget} steps, for a function on R^{dimension}.
     */
    public DescentMonitor(StopRule rules, NewtonFinish.Options newton, long budget, int dimension) {
        this.rules = rules;
        this.newton = newton;
        this.budget = budget;
        this.dimension = dimension;
        this.nextNewton = newton == null ? 0.0 : newton.switchAt();
    }

    /** An attempt of the spurious search's settings {@code s} (its rules and Newton finish). */
    public DescentMonitor(GradientDescent.Settings s, long budget, int dimension) {
        this(s.stopRule(), s.newton(), budget, dimension);
    }

    /**
     * The decision at the current iterate, given F there ({@code value}; in the gradient-only loop any finite number,
     * F is not needed), the largest block gradient norm (max_i ‖∇_{w_i}F‖ for a network) and ‖∇F‖.
     */
    public Action observe(double value, double maxBlockGradient, double gradientNorm) {
        this.value = value;
        this.maxBlockGradient = maxBlockGradient;
        this.gradientNorm = gradientNorm;
        // the monotone window (read by the global early stop): a full window of decreasing steps after an ascent
        if (value > previous + GradientDescent.ROUNDING * Math.max(1.0, Math.abs(previous))) {
            sinceIncrease = -GradientDescent.MONOTONE_WINDOW;
        } else if (sinceIncrease < 0) {
            sinceIncrease++;
        }
        GradientDescent.Stop stop = rules.test(this);
        if (stop != null) {
            return action(stop);
        }
        if (newton != null && maxBlockGradient <= nextNewton && value >= newton.minValue()
                && dimension <= newton.maxDimension()) {
            return Action.TRY_NEWTON;
        }
        return budgetOrStep();
    }

    /** The Newton finish was rejected at this iterate: retry once the gradient has shrunk tenfold; the next action. */
    public Action rejected(double maxBlockGradient) {
        nextNewton = maxBlockGradient * 0.1;
        return budgetOrStep();
    }

    /**
     * The Newton finish was rejected at this iterate and says a retry can succeed once the block gradient is at most
     * {@code next} (0: never): retry there, but not before the gradient has shrunk tenfold; the next action.
     */
    public Action rejected(double maxBlockGradient, double next) {
        nextNewton = Math.min(maxBlockGradient * 0.1, next);
        return budgetOrStep();
    }

    private Action budgetOrStep() {
        if (BUDGET.test(this) != null) {
            return Action.MAX_STEPS;
        }
        previous = value;
        return Action.STEP;
    }

    private static Action action(GradientDescent.Stop stop) {
        switch (stop) {
            case DIVERGED:
                return Action.DIVERGED;
            case CONVERGED:
                return Action.CONVERGED;
            case BELOW_THRESHOLD:
                return Action.BELOW_THRESHOLD;
            case MAX_STEPS:
                return Action.MAX_STEPS;
            default:
                throw new IllegalStateException("a stop rule cannot answer " + stop);
        }
    }

    /** The caller took the step. */
    public void stepped() {
        steps++;
    }

    /** Gradient steps taken in this attempt. */
    public long steps() {
        return steps;
    }

    /** The attempt's step budget. */
    public long budget() {
        return budget;
    }

    /** F at the current iterate, as given to {@link #observe}. */
    public double value() {
        return value;
    }

    /** The largest block gradient norm at the current iterate. */
    public double maxBlockGradient() {
        return maxBlockGradient;
    }

    /** ‖∇F‖ at the current iterate. */
    public double gradientNorm() {
        return gradientNorm;
    }

    /**
     * True when no step of the last {@link GradientDescent#MONOTONE_WINDOW} (or of all, if fewer) increased F beyond
     * rounding.
     */
    public boolean monotone() {
        return sinceIncrease >= 0;
    }
}
