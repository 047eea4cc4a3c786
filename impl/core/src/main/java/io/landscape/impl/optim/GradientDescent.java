package io.landscape.impl.optim;

import io.landscape.api.Gradient;
import io.landscape.api.NotDifferentiableException;
import io.landscape.api.Objective;
import io.landscape.impl.linalg.Cholesky;
import io.landscape.impl.objective.NonFiniteObjectiveException;
import io.landscape.impl.objective.SmallMatrices;

/**
 * Fixed-step gradient descent x ← x − η∇F(x) as in Safran &amp; Shamir 2018 §3 (paper 002): stop when the largest
 * per-neuron gradient norm max_i ‖∇_{w_i}F‖ is ≤ {@code tol}; on divergence (‖∇F‖ &gt; 10⁴, a non-finite gradient or
 * value, or a neuron hitting exactly zero) restart from the same initial point with the step halved. The plain loop
 * evaluates only ∇F per step (as the paper's) and F once at the end.
 *
 * <h2>Plain and accelerated mode</h2>
 * {@link Settings#plain()} is exactly the paper's loop. {@link Settings#accelerated()} adds two shortcuts that do not
 * change which basin the run ends in (the <em>classification</em> "global" (F &lt; 10⁻³) vs "candidate" (F ≥ 10⁻³)):
 * <ol>
 * <li><b>Global early stop.</b> The run stops with {@link Stop#BELOW_THRESHOLD} as soon as F &lt; {@code globalThreshold}
 * (10⁻³) provided the last {@value #MONOTONE_WINDOW} steps (or all, if fewer) decreased F. Argument: the plain loop is
 * the same sequence of iterates; if it keeps
 * decreasing F (it does for every step we have observed, because η = 0.1 is far below 2/L on the sublevel sets that
 * matter) then its end value is below F_t &lt; 10⁻³ too, so the plain run is also classified global. The paper itself
 * saw no end value in [10⁻³, 10⁻²) and spurious values are ≥ 0.015, so a non-monotone step after the stop would have to
 * climb over an order of magnitude to change the label. After a step that increased F (possible early on, when
 * ηL &gt; 2 far from the minima, e.g. k = 2 with n = 20), the shortcut waits for {@value #MONOTONE_WINDOW} decreasing
 * steps in a row.</li>
 * <li><b>Newton finish.</b> Once max_i‖∇_{w_i}F‖ ≤ {@code newtonSwitch} and F ≥ 10⁻³ (and n·d ≤
 * {@code newtonMaxDimension}), we try Newton steps from the current iterate x₀. The attempt is accepted only if
 * (a) ∇²F(x₀) is positive definite (Cholesky succeeds), (b) every Newton step decreases both F (up to rounding) and
 * the gradient norm, and every refreshed Hessian is positive definite, (c) the
 * end point x* reaches the tolerance, ∇²F(x*) is positive definite and the displacement ‖x* − x₀‖ is at most
 * {@code newtonRadius}. Argument: F is then (numerically) strongly convex along the way, with Hessian spectrum in
 * [μ, L] near x*, μ &gt; 0, ηL &lt; 2; on a ball around x* where F is strongly convex the GD map with step η is a
 * contraction towards the ball's unique minimiser, so GD started at x₀ (which lies in the ball of radius
 * ‖x₀ − x*‖) never leaves it and converges to the same x* — the same end value, the same classification. The
 * conditions (a)–(c) check convexity at the iterates, not on the whole ball (that would need a bound on the third
 * derivative, as in the paper's Lemma 1), which is why the radius is kept small; the test
 * {@code GradientDescentTest} compares the classification and end points of plain and accelerated runs on the same
 * seeds. If the attempt is rejected, GD simply continues and we retry when the gradient has shrunk tenfold.
 * Runs of one experiment may share the minima they have verified ({@link #remembering}): an end point that is, up to
 * a symmetry of F, within a proven distance of a point where ∇²F − σI was positive definite skips the factorisation
 * in (c), which would have succeeded ({@link VerifiedMinima} gives the argument) — the same decision, at half the
 * cost of a finish.</li>
 * </ol>
 * Both modes cap the number of iterations ({@link Stop#MAX_STEPS}) so that a sweep always terminates.
 *
 * <p>Not thread-safe (uses the objective's scratch space); one instance per {@link Objective}.
 */
public final class GradientDescent {

    /** Why the run stopped. */
    public enum Stop {
        /** max_i ‖∇_{w_i}F‖ ≤ tol reached by gradient steps. */
        CONVERGED,
        /** max_i ‖∇_{w_i}F‖ ≤ tol reached by the Newton finish (accelerated mode). */
        NEWTON,
        /** F fell below the global threshold with monotone descent so far (accelerated mode). */
        BELOW_THRESHOLD,
        /** The iteration cap was hit first. */
        MAX_STEPS,
        /** Every step size down to the minimum diverged. */
        DIVERGED
    }

    /**
     * Settings. {@code step} η; {@code tol} on max_i‖∇_{w_i}F‖; {@code maxSteps} cap on gradient steps (summed over
     * restarts); {@code accelerate} enables the two shortcuts; {@code globalThreshold} 10⁻³; {@code newtonSwitch} the
     * per-neuron gradient level where Newton is first tried; {@code newtonRadius} the largest accepted Newton
     * displacement; {@code newtonMaxDimension} the largest n·d for which the Newton finish is used (beyond it a
     * Cholesky factorisation, O((nd)³), costs more than the remaining gradient steps, so GD simply continues).
     */
    public record Settings(double step, double tol, long maxSteps, boolean accelerate, double globalThreshold,
                           double newtonSwitch, double newtonRadius, int newtonMaxDimension) {
        public Settings {
            if (!(step > 0) || !Double.isFinite(step)) {
                throw new IllegalArgumentException("step: must be positive and finite, got " + step);
            }
            if (!(tol > 0)) {
                throw new IllegalArgumentException("tol: must be positive, got " + tol);
            }
            if (maxSteps < 1) {
                throw new IllegalArgumentException("max-steps: must be at least 1, got " + maxSteps);
            }
        }

        /** The paper's loop: η = 0.1, tol 10⁻⁹, no shortcuts, at most 10⁷ steps. */
        public static Settings plain() {
            return new Settings(0.1, 1e-9, 10_000_000L, false, 1e-3, 1e-4, 1e-2, DEFAULT_NEWTON_MAX_DIMENSION);
        }

        /** η = 0.1, tol 10⁻⁹, global early stop and Newton finish, at most 10⁷ steps. */
        public static Settings accelerated() {
            return new Settings(0.1, 1e-9, 10_000_000L, true, 1e-3, 1e-4, 1e-2, DEFAULT_NEWTON_MAX_DIMENSION);
        }

        public Settings withStep(double eta) {
            return new Settings(eta, tol, maxSteps, accelerate, globalThreshold, newtonSwitch, newtonRadius,
                    newtonMaxDimension);
        }

        public Settings withTol(double t) {
            return new Settings(step, t, maxSteps, accelerate, globalThreshold, newtonSwitch, newtonRadius,
                    newtonMaxDimension);
        }

        public Settings withMaxSteps(long t) {
            return new Settings(step, tol, t, accelerate, globalThreshold, newtonSwitch, newtonRadius,
                    newtonMaxDimension);
        }

        public Settings withAccelerate(boolean on) {
            return new Settings(step, tol, maxSteps, on, globalThreshold, newtonSwitch, newtonRadius,
                    newtonMaxDimension);
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
    private static final boolean DEBUG = Boolean.getBoolean("landscape.debugNewton");
    private final Objective f;
    private final int m;
    private final int d;
    private final double[] x;
    private final double[] g;
    private final double[] trial;
    private final double[] gTrial;
    /** The Hessian, factored in place (allocated on the first Newton finish). */
    private double[] factor;
    private double[] sol;
    private int lastNewtonSteps;
    private final Gradient gradient;
    /** Minima already verified by other runs (null: every finish checks its end point itself). */
    private VerifiedMinima verified;
    /** Finishes whose end-point check {@link #verified} answered. */
    private long endChecksRemembered;
    /** ‖g‖² from the last {@link #scanGradient}. */
    private double gradientSquared;

    /** A descent driver for {@code f}; {@code d} is the input dimension (neuron i is {@code x[i*d .. i*d+d)}). */
    public GradientDescent(Objective f, int d) {
        this.f = f;
        this.gradient = f.gradient();
        this.m = f.dimension();
        this.d = d;
        if (d < 1 || m % d != 0) {
            throw new IllegalArgumentException("dimension " + m + " is not a multiple of d = " + d);
        }
        this.x = new double[m];
        this.g = new double[m];
        this.trial = new double[m];
        this.gTrial = new double[m];
    }

    /**
     * Points where ∇²F was found positive definite with a margin, shared by the runs of one experiment, so that a
     * Newton finish ending — up to a symmetry of F — at a minimum another run already verified need not evaluate and
     * factor ∇²F there again (the second of its two factorisations).
     *
     * <h2>Why the decision is unchanged</h2>
     * A point is recorded only after the Cholesky factorisation of ∇²F(x') − σI succeeded (σ = {@link #margin()}), so
     * λ_min(∇²F(x')) ≥ σ up to rounding (~10⁻¹³). {@link #covers} may answer true for an end point x only if
     * ‖x − S(x')‖ ≤ r for a symmetry S of F (under which ∇²F is permuted, so λ_min(∇²F(S x')) = λ_min(∇²F(x'))),
     * where r ≤ σ/(2B) and B bounds the third derivative of F on that ball (so λ_min moves by at most B‖x − Sx'‖).
     * Then λ_min(∇²F(x)) ≥ σ/2 &gt; 0 and the factorisation the finish would have done succeeds: the answer is the
     * same with or without the memory, whichever run recorded the point first — results stay independent of the
     * order of the runs and of the thread count. Points below the margin are not recorded, and their runs simply
     * check themselves.
     */
    public interface VerifiedMinima {
        /** σ: a point is recorded only if ∇²F − σI is positive definite there. */
        double margin();

        /** True only if ∇²F(x) is positive definite by the argument above (F(x) = {@code value}). */
        boolean covers(double[] x, double value);

        /** Records x (F(x) = {@code value}), at which ∇²F − {@link #margin()}·I was found positive definite. */
        void record(double[] x, double value);
    }

    /** Shares {@code minima} with this driver's Newton finishes (null: none); returns this driver. */
    public GradientDescent remembering(VerifiedMinima minima) {
        this.verified = minima;
        return this;
    }

    /** Newton finishes whose end-point check was answered by {@link #remembering the shared minima}. */
    public long endChecksRemembered() {
        return endChecksRemembered;
    }

    /** Convenience: a fresh driver for one run. */
    public static Result run(Objective f, int d, double[] x0, Settings s) {
        return new GradientDescent(f, d).run(x0, s);
    }

    /** Runs from {@code x0} (not modified). */
    public Result run(double[] x0, Settings s) {
        if (x0.length != m) {
            throw new IllegalArgumentException("initial point has " + x0.length + " entries, expected " + m);
        }
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        double eta = s.step();
        long total = 0;
        int restarts = 0;
        while (true) {
            Attempt a = attempt(x0, s, eta, s.maxSteps() - total);
            total += a.iterations;
            if (a.stop != null) {
                double gn = norm(g);
                return new Result(x.clone(), a.value, maxNeuronNorm(g), gn, a.iterations, total, a.newtonSteps,
                        restarts, eta, a.stop, (System.nanoTime() - start) * 1e-9, (cpuNanos() - cpuStart) * 1e-9);
            }
            restarts++;
            eta *= 0.5;
            if (restarts > MAX_RESTARTS || total >= s.maxSteps()) {
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
    private Attempt attempt(double[] x0, Settings s, double eta, long budget) {
        System.arraycopy(x0, 0, x, 0, m);
        DescentMonitor monitor = new DescentMonitor(s, budget, m);
        while (true) {
            double value;
            try {
                if (s.accelerate()) {
                    value = f.valueAndGradient(x, g);
                } else {
                    // the paper's loop needs only the gradient; F is evaluated once at the end
                    gradient.evaluate(x, g);
                    value = 0.0;
                }
            } catch (NotDifferentiableException | NonFiniteObjectiveException | ArithmeticException e) {
                return new Attempt(null, Double.NaN, monitor.steps(), 0);
            }
            // one pass over g for both norms (per-neuron maximum and total)
            double gmax = scanGradient(g);
            DescentMonitor.Action action = monitor.observe(value, gmax, Math.sqrt(gradientSquared));
            if (action == DescentMonitor.Action.TRY_NEWTON) {
                double polished = newtonFinish(s, value);
                if (!Double.isNaN(polished)) {
                    return new Attempt(Stop.NEWTON, polished, monitor.steps(), lastNewtonSteps);
                }
                // rejected: x and g are unchanged
                action = monitor.rejected(gmax);
            }
            switch (action) {
                case DIVERGED:
                    return new Attempt(null, value, monitor.steps(), 0);
                case CONVERGED:
                    return new Attempt(Stop.CONVERGED, finalValue(s, value), monitor.steps(), 0);
                case BELOW_THRESHOLD:
                    return new Attempt(Stop.BELOW_THRESHOLD, value, monitor.steps(), 0);
                case MAX_STEPS:
                    return new Attempt(Stop.MAX_STEPS, finalValue(s, value), monitor.steps(), 0);
                default:
                    break;
            }
            for (int i = 0; i < m; i++) {
                x[i] -= eta * g[i];
            }
            monitor.stepped();
        }
    }

    /**
     * The Newton finish (accelerated mode, rule 2 above) from an iterate computed elsewhere — the batched search
     * advances several runs in SIMD lanes and hands a run here when its {@link DescentMonitor} says
     * {@link DescentMonitor.Action#TRY_NEWTON}. {@code point} and {@code grad} (n·d entries, F = {@code value} there)
     * are replaced by the end point and its gradient if the finish is accepted, and left unchanged otherwise. Returns
     * F at the end point, or NaN if rejected; {@link #lastNewtonSteps()} gives the Newton steps taken.
     */
    public double newtonFrom(double[] point, double[] grad, double value, Settings s) {
        if (point.length != m || grad.length != m) {
            throw new IllegalArgumentException("point/gradient have " + point.length + "/" + grad.length
                    + " entries, expected " + m);
        }
        System.arraycopy(point, 0, x, 0, m);
        System.arraycopy(grad, 0, g, 0, m);
        double polished = newtonFinish(s, value);
        if (!Double.isNaN(polished)) {
            System.arraycopy(x, 0, point, 0, m);
            System.arraycopy(g, 0, grad, 0, m);
        }
        return polished;
    }

    /** Newton steps of the last accepted finish. */
    public int lastNewtonSteps() {
        return lastNewtonSteps;
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

    /** F at the end point x: the value already computed (accelerated mode) or one evaluation (plain mode). */
    private double finalValue(Settings s, double value) {
        return s.accelerate() ? value : f.value(x);
    }

    /**
     * Newton's method from x (gradient g, value f0), as a chord iteration: the Cholesky factor of ∇²F is reused while
     * the gradient contracts at least fourfold per step and refreshed (at most three times) otherwise, so a finish
     * typically costs two factorisations (at x₀ and the positive-definiteness check at x*) instead of one per step.
     * On success x, g hold the end point and the method returns its value; on rejection x, g are restored and NaN is
     * returned.
     */
    private double newtonFinish(Settings s, double f0) {
        if (factor == null) {
            factor = new double[m * m];
            sol = new double[m];
        }
        double[] x0 = x.clone();
        double[] g0 = g.clone();
        double value = f0;
        double gn = norm(g);
        int steps = 0;
        int refreshes = 0;
        boolean ok;
        try {
            if (!positiveDefinite(x)) {
                return reject(x0, g0);
            }
            boolean fresh = true;
            for (int it = 0; it < 100; it++) {
                System.arraycopy(g, 0, sol, 0, m);
                Cholesky.solveInterleaved(factor, m, sol);
                for (int i = 0; i < m; i++) {
                    trial[i] = x[i] - sol[i];
                }
                double vt = f.valueAndGradient(trial, gTrial);
                double gt = norm(gTrial);
                boolean progress = gt < gn && vt <= value + ROUNDING * Math.max(1.0, Math.abs(value));
                if (!progress) {
                    if (!fresh && refreshes < 3) {
                        if (!positiveDefinite(x)) {
                            return reject(x0, g0);
                        }
                        refreshes++;
                        fresh = true;
                        continue;
                    }
                    break; // no further progress (rounding level) — stop here
                }
                System.arraycopy(trial, 0, x, 0, m);
                System.arraycopy(gTrial, 0, g, 0, m);
                value = vt;
                double contraction = gt / gn;
                gn = gt;
                steps++;
                fresh = false;
                if (maxNeuronNorm(g) <= s.tol() * 1e-3) {
                    break;
                }
                if (contraction > 0.25 && refreshes < 3) {
                    if (!positiveDefinite(x)) {
                        return reject(x0, g0);
                    }
                    refreshes++;
                    fresh = true;
                }
            }
            ok = maxNeuronNorm(g) <= s.tol() && SmallMatrices.distance(x, x0) <= s.newtonRadius() && value >= s.globalThreshold()
                    && positiveDefiniteAtEnd(x, value);
        } catch (NotDifferentiableException | NonFiniteObjectiveException | ArithmeticException e) {
            ok = false;
        }
        if (!ok) {
            if (DEBUG) {
                System.err.printf("newton reject: steps=%d refreshes=%d gmax=%.3e dist=%.3e value=%.6g%n", steps,
                        refreshes, maxNeuronNorm(g), SmallMatrices.distance(x, x0), value);
            }
            return reject(x0, g0);
        }
        lastNewtonSteps = steps;
        return value;
    }

    private double reject(double[] x0, double[] g0) {
        System.arraycopy(x0, 0, x, 0, m);
        System.arraycopy(g0, 0, g, 0, m);
        return Double.NaN;
    }

    /**
     * The end-point check (c): ∇²F(at) positive definite. With {@link #verified shared minima}, answered by them where
     * they cover the point; otherwise ∇²F(at) − σI is factored and, on success, the point is recorded (λ_min ≥ σ
     * implies the plain check succeeds); below the margin the plain check decides.
     */
    private boolean positiveDefiniteAtEnd(double[] at, double value) {
        VerifiedMinima memo = verified;
        if (memo == null) {
            return positiveDefinite(at);
        }
        if (memo.covers(at, value)) {
            endChecksRemembered++;
            return true;
        }
        f.hessian().evaluate(at, factor);
        double sigma = memo.margin();
        for (int i = 0; i < m; i++) {
            factor[i * m + i] -= sigma;
        }
        if (Cholesky.factor(factor, m)) {
            memo.record(at, value);
            return true;
        }
        return positiveDefinite(at);
    }

    /** Evaluates ∇²F(at) and factors it; true iff the Cholesky factorisation succeeds (positive definite). */
    private boolean positiveDefinite(double[] at) {
        f.hessian().evaluate(at, factor);
        return Cholesky.factor(factor, m);
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
