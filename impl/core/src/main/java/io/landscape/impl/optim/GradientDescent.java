package io.landscape.impl.optim;

import io.landscape.api.Gradient;
import io.landscape.api.NotDifferentiableException;
import io.landscape.impl.objective.NonFiniteObjectiveException;
import io.landscape.api.Objective;
import io.landscape.api.function.DifferentiableFunction;
import io.landscape.api.function.NetworkObjective;
import io.landscape.api.function.TwiceDifferentiableFunction;

/**
 * The descent engine: x ← U(x, ∇F(x), η) from an initial point with an {@link UpdateStep} (fixed-step gradient descent
 * today), until a {@link StopRule} fires; on divergence the {@link RestartPolicy} restarts from the same point with a
 * smaller step; optionally a {@link Finish} (the dense {@link NewtonFinish} or the matrix-free
 * {@link NewtonCgFinish}, as the configuration's {@link NewtonFinish.Options#kind()} says) ends the run once the
 * gradient is small. What runs is a
 * {@link Config}; paper 002's search (Safran &amp; Shamir 2018 §3) is one configuration, built by {@link Settings}:
 * {@link Settings#plain()} is exactly the paper's loop (η = 0.1, tolerance 10⁻⁹ on max_i‖∇_{w_i}F‖, step halved on
 * divergence, only ∇F evaluated per step and F once at the end), {@link Settings#accelerated()} adds the search's
 * shortcuts (global early stop, Newton finish, shared verified minima) and {@link Settings#converging()} the Newton
 * finish alone. The package documentation gives the shape of the engine and the proofs that the shortcuts keep each
 * run's classification.
 *
 * <p>Works on any {@link DifferentiableFunction}; the tolerance is on the largest gradient norm over blocks of
 * {@code blockSize} entries (the neurons of a network objective; the whole gradient when the block is the dimension).
 * The Newton finish needs a {@link TwiceDifferentiableFunction}. Every configuration caps the number of steps
 * ({@link Stop#MAX_STEPS}) so that a sweep always terminates.
 *
 * <p>Not thread-safe (uses the function's scratch space); one instance per function.
 */
public final class GradientDescent {

    /** Why the run stopped. */
    public enum Stop {
        /** The gradient tolerance was reached by gradient steps. */
        CONVERGED,
        /** The gradient tolerance was reached by the Newton finish. */
        NEWTON,
        /** F fell below the global threshold with monotone descent so far (the spurious search's early stop). */
        BELOW_THRESHOLD,
        /** The iteration cap was hit first. */
        MAX_STEPS,
        /** Every step size down to the minimum diverged. */
        DIVERGED
    }

    /**
     * What the engine runs. {@code step} the initial η; {@code tol} the gradient tolerance the Newton finish aims at
     * (the stop rules hold their own); {@code maxSteps} the cap on steps summed over restarts; {@code update} the step
     * rule; {@code stop} the stop rules (the step budget is always checked last); {@code restart} the policy on
     * divergence; {@code newton} the Newton finish (null: none); {@code valuesEveryStep} evaluate F with ∇F at every
     * step (needed by the global early stop and the Newton finish; otherwise F is evaluated once at the end).
     */
    public record Config(double step, double tol, long maxSteps, UpdateStep update, StopRule stop,
                         RestartPolicy restart, NewtonFinish.Options newton, boolean valuesEveryStep) {
        public Config {
            if (!(step > 0) || !Double.isFinite(step)) {
                throw new IllegalArgumentException("step: must be positive and finite, got " + step);
            }
            if (!(tol > 0)) {
                throw new IllegalArgumentException("tol: must be positive, got " + tol);
            }
            if (maxSteps < 1) {
                throw new IllegalArgumentException("max-steps: must be at least 1, got " + maxSteps);
            }
            if (update == null || stop == null || restart == null) {
                throw new IllegalArgumentException("update, stop and restart must be given");
            }
            if (newton != null && newton.kind().needsValuesEveryStep() && !valuesEveryStep) {
                throw new IllegalArgumentException("the Newton finish needs F at every step");
            }
        }

        /**
         * Plain fixed-step descent: stop on divergence ({@link #DIVERGENCE}) or at max block ‖∇F‖ ≤ {@code tol};
         * halve the step on divergence; no Newton finish.
         */
        public static Config plain(double step, double tol, long maxSteps) {
            return new Config(step, tol, maxSteps, UpdateStep.FIXED,
                    StopRule.anyOf(StopRule.divergence(DIVERGENCE), StopRule.gradientTolerance(tol)),
                    RestartPolicy.HALVING, null, false);
        }

        /** This configuration with a Newton finish (F then evaluated at every step). */
        public Config withNewton(NewtonFinish.Options options) {
            return new Config(step, tol, maxSteps, update, stop, restart, options, true);
        }
    }

    /**
     * Settings. {@code step} η; {@code tol} on max_i‖∇_{w_i}F‖; {@code maxSteps} cap on gradient steps (summed over
     * restarts); {@code accelerate} enables the Newton finish and, with {@code earlyStop}, the global early stop;
     * {@code globalThreshold} 10⁻³; {@code newtonSwitch} the per-neuron gradient level where Newton is first tried;
     * {@code newtonRadius} the largest accepted Newton displacement; {@code newtonMaxDimension} the largest n·d for
     * which the Newton finish is used (beyond it a Cholesky factorisation, O((nd)³), costs more than the remaining
     * gradient steps, so GD simply continues); {@code earlyStop} the global early stop ({@link Stop#BELOW_THRESHOLD},
     * a shortcut of the spurious-minima search that classifies a run without converging it; only with
     * {@code accelerate}). Without the early stop every run that neither diverges nor hits the cap ends at the
     * tolerance ({@link Stop#CONVERGED} or {@link Stop#NEWTON}).
     */
    public record Settings(double step, double tol, long maxSteps, boolean accelerate, double globalThreshold,
                           double newtonSwitch, double newtonRadius, int newtonMaxDimension, boolean earlyStop) {
        public Settings {
            if (!(step > 0) || !Double.isFinite(step)) {
                throw new IllegalArgumentException("step: must be positive and finite, got " + step);
            }
            if (!(tol > 0) || !Double.isFinite(tol)) {
                throw new IllegalArgumentException("tol: must be positive and finite, got " + tol);
            }
            if (maxSteps < 1) {
                throw new IllegalArgumentException("max-steps: must be at least 1, got " + maxSteps);
            }
            if (earlyStop && !accelerate) {
                throw new IllegalArgumentException("the global early stop is part of the accelerated mode");
            }
        }

        /** As the canonical constructor, with the global early stop on exactly when {@code accelerate} is. */
        public Settings(double step, double tol, long maxSteps, boolean accelerate, double globalThreshold,
                        double newtonSwitch, double newtonRadius, int newtonMaxDimension) {
            this(step, tol, maxSteps, accelerate, globalThreshold, newtonSwitch, newtonRadius, newtonMaxDimension,
                    accelerate);
        }

        /** The paper's loop: η = 0.1, tol 10⁻⁹, no shortcuts, at most 10⁷ steps. */
        public static Settings plain() {
            return new Settings(0.1, 1e-9, 10_000_000L, false, 1e-3, 1e-4, 1e-2, DEFAULT_NEWTON_MAX_DIMENSION, false);
        }

        /** The search's settings: η = 0.1, tol 10⁻⁹, global early stop and Newton finish, at most 10⁷ steps. */
        public static Settings accelerated() {
            return new Settings(0.1, 1e-9, 10_000_000L, true, 1e-3, 1e-4, 1e-2, DEFAULT_NEWTON_MAX_DIMENSION, true);
        }

        /**
         * η = 0.1, tol 10⁻⁹, the Newton finish but no global early stop, at most 10⁷ steps: every run that neither
         * diverges nor hits the cap ends at a point where max_i‖∇_{w_i}F‖ ≤ tol — the plain loop's end point (to
         * within the Newton finish's accuracy), usually in far fewer steps for spurious minima.
         */
        public static Settings converging() {
            return new Settings(0.1, 1e-9, 10_000_000L, true, 1e-3, 1e-4, 1e-2, DEFAULT_NEWTON_MAX_DIMENSION, false);
        }

        public Settings withStep(double eta) {
            return new Settings(eta, tol, maxSteps, accelerate, globalThreshold, newtonSwitch, newtonRadius,
                    newtonMaxDimension, earlyStop);
        }

        public Settings withTol(double t) {
            return new Settings(step, t, maxSteps, accelerate, globalThreshold, newtonSwitch, newtonRadius,
                    newtonMaxDimension, earlyStop);
        }

        public Settings withMaxSteps(long t) {
            return new Settings(step, tol, t, accelerate, globalThreshold, newtonSwitch, newtonRadius,
                    newtonMaxDimension, earlyStop);
        }

        /** Turns both shortcuts on or off together (as {@link #accelerated()} / {@link #plain()}). */
        public Settings withAccelerate(boolean on) {
            return new Settings(step, tol, maxSteps, on, globalThreshold, newtonSwitch, newtonRadius,
                    newtonMaxDimension, on);
        }

        /**
         * The stop rules of these settings, in order: divergence (‖∇F‖ &gt; {@link #DIVERGENCE} or a non-finite
         * value), the tolerance on max_i‖∇_{w_i}F‖, and with {@code earlyStop} the global early stop.
         */
        public StopRule stopRule() {
            StopRule rules = StopRule.anyOf(StopRule.divergence(DIVERGENCE), StopRule.gradientTolerance(tol));
            return earlyStop ? rules.or(StopRule.globalThreshold(globalThreshold)) : rules;
        }

        /** The Newton finish of these settings (with {@code accelerate}), or null. */
        public NewtonFinish.Options newton() {
            return accelerate ? new NewtonFinish.Options(newtonSwitch, newtonRadius, newtonMaxDimension,
                    globalThreshold) : null;
        }

        /** These settings as the engine's configuration (plain fixed-step update, step halving on divergence). */
        public Config config() {
            return new Config(step, tol, maxSteps, UpdateStep.FIXED, stopRule(), RestartPolicy.HALVING, newton(),
                    accelerate);
        }
    }

    /**
     * Outcome. {@code point} the end point (new array); {@code value} F there; {@code maxNeuronGradient}
     * max_i‖∇_{w_i}F‖ and {@code gradientNorm} ‖∇F‖ there; {@code iterations} gradient steps of the final attempt
     * (excluding diverged attempts, which are counted in {@code totalIterations}); {@code newtonSteps};
     * {@code restarts} halvings of the step; {@code step} the step size of the final attempt; {@code seconds} wall
     * time and {@code cpuSeconds} CPU time of this thread (the honest cost on a shared machine).
     */
    public record Result(double[] point, double value, double maxNeuronGradient, double gradientNorm,
                         long iterations, long totalIterations, int newtonSteps, int restarts, double step, Stop stop,
                         double seconds, double cpuSeconds) {
    }

    /**
     * Default {@link Settings#newtonMaxDimension()}: 600 (k = n ≤ 24). Measured at k = n = 20 (nd = 400): a whole
     * Newton finish ≈ 2.8 ms vs ≈ 11 ms for the remaining GD steps; at k = n = 40 (nd = 1600) ≈ 80 ms vs ≈ 56 ms
     * ({@code GradientDescentBenchmark.newtonFinish/gdFinish}).
     */
    public static final int DEFAULT_NEWTON_MAX_DIMENSION = 600;

    /** Gradient norm beyond which a run counts as diverged (the 10⁴). */
    public static final double DIVERGENCE = 1e4;
    /** Halvings of the step after which a run counts as diverged. */
    public static final int MAX_RESTARTS = 40;

    /**
     * Relative size of rounding noise in F: F sums O(nk + n²) terms of size O(1), so its evaluation error is
     * ~10⁻¹³; an "increase" below this is noise, not ascent.
     */
    static final double ROUNDING = 1e-12;

    /** Decreasing steps required after an ascent before the global early stop may fire again. */
    public static final int MONOTONE_WINDOW = 100;
    private final DifferentiableFunction f;
    /** {@code f} as an {@link Objective} (gradient-only evaluation through its {@link Gradient}), or null. */
    private final Gradient gradient;
    private final int m;
    private final int d;
    private final double[] x;
    private final double[] g;
    /**
     * The finishes of this driver by {@link Finish.Kind#ordinal()}, each created on first use (the dense one holds an
     * m×m matrix).
     */
    private final Finish[] finishes = new Finish[Finish.Kind.values().length];
    /** The finish called last (its {@link Finish#lastSteps()}), or null. */
    private Finish lastFinish;
    /** Minima already verified by other runs (null: every finish checks its end point itself). */
    private NewtonFinish.VerifiedMinima verified;
    /** ‖g‖² from the last {@link #scanGradient}. */
    private double gradientSquared;

    /**
     * A descent driver for {@code f}; the tolerance is on the largest gradient norm over blocks of {@code blockSize}
     * entries (for a network objective the input dimension d: neuron i is {@code x[i*d .. i*d+d)}).
     */
    public GradientDescent(DifferentiableFunction f, int blockSize) {
        this.f = f;
        this.gradient = f instanceof Objective ? ((Objective) f).gradient() : null;
        this.m = f.dimension();
        this.d = blockSize;
        if (blockSize < 1 || m % blockSize != 0) {
            throw new IllegalArgumentException("dimension " + m + " is not a multiple of d = " + blockSize);
        }
        this.x = new double[m];
        this.g = new double[m];
    }

    /**
     * A driver for a network objective: blocks are its neurons (or the whole gradient when the output weights are
     * trainable too).
     */
    public GradientDescent(NetworkObjective f) {
        this(f, f.trainableOutputWeights() ? f.dimension() : f.inputDimension());
    }

    /** Shares {@code minima} with this driver's Newton finishes (null: none); returns this driver. */
    public GradientDescent remembering(NewtonFinish.VerifiedMinima minima) {
        this.verified = minima;
        for (Finish finish : finishes) {
            if (finish != null) {
                finish.remembering(minima);
            }
        }
        return this;
    }

    /** Newton finishes whose end-point check was answered by {@link #remembering the shared minima}. */
    public long endChecksRemembered() {
        long n = 0;
        for (Finish finish : finishes) {
            if (finish != null) {
                n += finish.endChecksRemembered();
            }
        }
        return n;
    }

    /** Convenience: a fresh driver for one run. */
    public static Result run(DifferentiableFunction f, int d, double[] x0, Settings s) {
        return new GradientDescent(f, d).run(x0, s);
    }

    /** Runs the spurious search's settings {@code s} from {@code x0} (not modified). */
    public Result run(double[] x0, Settings s) {
        return run(x0, s.config());
    }

    /** Runs {@code c} from {@code x0} (not modified). */
    public Result run(double[] x0, Config c) {
        if (x0.length != m) {
            throw new IllegalArgumentException("initial point has " + x0.length + " entries, expected " + m);
        }
        if (c.newton() != null && !(f instanceof TwiceDifferentiableFunction)) {
            throw new IllegalArgumentException("the Newton finish needs a twice differentiable function");
        }
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        double eta = c.step();
        long total = 0;
        int restarts = 0;
        while (true) {
            Attempt a = attempt(x0, c, eta, c.maxSteps() - total);
            total += a.iterations;
            if (a.stop != null) {
                double gn = norm(g);
                return new Result(x.clone(), a.value, maxNeuronNorm(g), gn, a.iterations, total, a.newtonSteps,
                        restarts, eta, a.stop, (System.nanoTime() - start) * 1e-9, (cpuNanos() - cpuStart) * 1e-9);
            }
            restarts++;
            eta = c.restart().nextStep(eta);
            if (c.restart().exhausted(restarts, total, c.maxSteps())) {
                return diverged(x0, total, restarts, eta, (System.nanoTime() - start) * 1e-9,
                        (cpuNanos() - cpuStart) * 1e-9);
            }
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of the current thread (ns), or wall time where the JVM cannot measure it. */
    public static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private record Attempt(Stop stop, double value, long iterations, int newtonSteps) {
    }

    /** One attempt with step eta; stop == null means it diverged. Leaves the end point in x and its gradient in g. */
    private Attempt attempt(double[] x0, Config c, double eta, long budget) {
        System.arraycopy(x0, 0, x, 0, m);
        DescentMonitor monitor = new DescentMonitor(c.stop(), c.newton(), budget, m);
        UpdateStep update = c.update();
        boolean values = c.valuesEveryStep();
        while (true) {
            double value;
            try {
                if (values) {
                    value = f.valueAndGradient(x, g);
                } else {
                    // the paper's loop needs only the gradient; F is evaluated once at the end
                    if (gradient != null) {
                        gradient.evaluate(x, g);
                    } else {
                        f.gradient(x, g);
                    }
                    value = 0.0;
                }
            } catch (NotDifferentiableException | NonFiniteObjectiveException | ArithmeticException e) {
                return new Attempt(null, Double.NaN, monitor.steps(), 0);
            }
            // one pass over g for both norms (per-block maximum and total)
            double gmax = scanGradient(g);
            DescentMonitor.Action action = monitor.observe(value, gmax, Math.sqrt(gradientSquared));
            if (action == DescentMonitor.Action.TRY_NEWTON) {
                Finish finish = finish(c.newton());
                double polished = finish.finish(x, g, values ? value : Double.NaN, c.tol(), eta, c.newton());
                if (!Double.isNaN(polished)) {
                    return new Attempt(Stop.NEWTON, polished, monitor.steps(), finish.lastSteps());
                }
                // rejected: x and g are unchanged; the finish tells the monitor when to retry
                action = finish.rejected(monitor, gmax);
            }
            switch (action) {
                case DIVERGED:
                    return new Attempt(null, value, monitor.steps(), 0);
                case CONVERGED:
                    return new Attempt(Stop.CONVERGED, values ? value : f.value(x), monitor.steps(), 0);
                case BELOW_THRESHOLD:
                    return new Attempt(Stop.BELOW_THRESHOLD, value, monitor.steps(), 0);
                case MAX_STEPS:
                    return new Attempt(Stop.MAX_STEPS, values ? value : f.value(x), monitor.steps(), 0);
                default:
                    break;
            }
            update.apply(x, g, eta);
            monitor.stepped();
        }
    }

    /** The finish {@code options} select, created on first use (sharing the {@link #remembering memory}). */
    private Finish finish(NewtonFinish.Options options) {
        Finish.Kind kind = options.kind();
        Finish finish = finishes[kind.ordinal()];
        if (finish == null) {
            finish = kind.create((TwiceDifferentiableFunction) f, d);
            finish.remembering(verified);
            finishes[kind.ordinal()] = finish;
        }
        lastFinish = finish;
        return finish;
    }

    /** The matrix-free finish of this driver (null before its first use), for its diagnostics. */
    public NewtonCgFinish matrixFreeFinish() {
        return (NewtonCgFinish) finishes[Finish.Kind.MATRIX_FREE.ordinal()];
    }

    /**
     * The Newton finish of settings {@code s} from an iterate computed elsewhere — the batched search advances several
     * runs in SIMD lanes and hands a run here when its {@link DescentMonitor} says
     * {@link DescentMonitor.Action#TRY_NEWTON}. {@code point} and {@code grad} (m entries, F = {@code value} there)
     * are replaced by the end point and its gradient if the finish is accepted, and left unchanged otherwise. Returns
     * F at the end point, or NaN if rejected; {@link #lastNewtonSteps()} gives the Newton steps taken. The finish is
     * the one {@code s.newton()} selects, told the step {@code s.step()} (the dense finish of {@link Settings} does not
     * depend on it).
     */
    public double newtonFrom(double[] point, double[] grad, double value, Settings s) {
        if (point.length != m || grad.length != m) {
            throw new IllegalArgumentException("point/gradient have " + point.length + "/" + grad.length
                    + " entries, expected " + m);
        }
        System.arraycopy(point, 0, x, 0, m);
        System.arraycopy(grad, 0, g, 0, m);
        double polished = finish(s.newton()).finish(x, g, value, s.tol(), s.step(), s.newton());
        if (!Double.isNaN(polished)) {
            System.arraycopy(x, 0, point, 0, m);
            System.arraycopy(g, 0, grad, 0, m);
        }
        return polished;
    }

    /** Newton steps of the last accepted finish. */
    public int lastNewtonSteps() {
        return lastFinish == null ? 0 : lastFinish.lastSteps();
    }

    /**
     * The result of a run whose every step size diverged: the initial point, F and the gradient there (NaN if F is
     * not defined there), {@link Stop#DIVERGED}.
     */
    public Result diverged(double[] x0, long total, int restarts, double eta, double seconds, double cpuSeconds) {
        System.arraycopy(x0, 0, x, 0, m);
        double value;
        try {
            value = f.valueAndGradient(x, g);
        } catch (RuntimeException e) {
            value = Double.NaN;
        }
        return new Result(x.clone(), value, maxNeuronNorm(g), norm(g), 0, total, 0, restarts, eta, Stop.DIVERGED,
                seconds, cpuSeconds);
    }

    /** max_i ‖g_i‖ of {@code grad}, and ‖grad‖² into {@link #gradientSquared}, in one pass (the step loop's check). */
    private double scanGradient(double[] grad) {
        double best = 0;
        double total = 0;
        for (int o = 0; o < m; o += d) {
            double s = 0;
            for (int q = 0; q < d; q++) {
                s += grad[o + q] * grad[o + q];
            }
            total += s;
            best = Math.max(best, s);
        }
        gradientSquared = total;
        return Math.sqrt(best);
    }

    /** max_i ‖g_i‖ over neurons (blocks of d). */
    public double maxNeuronNorm(double[] grad) {
        return maxNeuronNorm(grad, d);
    }

    /** max_i ‖g_i‖ over blocks of length d. */
    public static double maxNeuronNorm(double[] grad, int d) {
        double best = 0;
        for (int o = 0; o < grad.length; o += d) {
            double s = 0;
            for (int q = 0; q < d; q++) {
                s += grad[o + q] * grad[o + q];
            }
            best = Math.max(best, s);
        }
        return Math.sqrt(best);
    }

    /** The Euclidean norm of {@code v}. */
    public static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }
}
