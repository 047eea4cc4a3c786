package io.landscape.api;

import io.landscape.api.function.DifferentiableFunction;
import io.landscape.api.function.TwiceDifferentiableFunction;

/**
 * Entry point. Research code compiles against this module only; the implementation (module {@code landscape-impl})
 * is found at run time through {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * Problem p = Problem.identityTeacher(6, 6, 6);          // v_j = e_j in R^6, six students, ReLU, ½ normalisation
 * Objective f = Landscape.objective(p);
 * double[] w = Points.flatten(neurons);                  // neuron i at w[i*d .. i*d+d-1]
 * double value = f.value(w);
 * double[] grad = f.gradient().evaluate(w);
 * double[] hess = f.hessian().evaluate(w);               // (nd)×(nd), row-major
 * DescentResult r = Landscape.descend(f, x0, DescentSettings.defaults());   // gradient descent
 * PolishResult p = Landscape.polish(f, r.point(), 30, 0.0);                 // Newton polish
 * Certificate c = Landscape.certify(p0, p.point(), CertifyOptions.defaults()); // proof of a spurious minimum
 * }</pre>
 */
public final class Landscape {
    private Landscape() {
    }

    /**
     * An objective for the problem (one per thread; see {@link Objective}). The first objective of a kernel that is
     * neither built in nor cached derives it with Symja (seconds to a minute, logged at INFO through
     * {@link System.Logger}).
     *
     * @throws InvalidFormulaException if the problem's kernel formula cannot be used, saying why
     */
    public static Objective objective(Problem problem) {
        return provider().objective(problem);
    }

    /**
     * As {@link #objective(Problem)}, letting one evaluation use up to {@code threads} threads: with 2, one value and
     * gradient ({@link Objective#valueAndGradient}, {@link Gradient#evaluate}) of a general problem (any teacher but
     * the identity special case) with at least 128 students is computed on the caller's thread and one helper thread,
     * <em>bit for bit</em> the one-thread results (the sums are completed in the one-thread order). On an idle 2-core
     * machine, k = n = d = 150: 318 against 368 µs on one thread; 200: 630 against 830 µs; at 100 two threads were no
     * faster (the ≈ 1 MB working set crossing between the cores costs what the second core saves), which is why
     * smaller problems stay on the caller's thread (docs/performance.md); {@link Objective#value} and Hessian-vector
     * products always do.
     *
     * <p>Opt-in: {@link #objective(Problem)} never starts a thread, so code that runs its own parallel sweeps (one
     * objective per worker) keeps exactly the threads it asked for. Ask for 2 when a single large descent or
     * Hessian-free method is the whole job and a second core is idle. The helper threads are daemons of one shared
     * pool, started on first use and ended after a minute idle; each evaluation in progress uses one (objectives used
     * from several threads at once get one helper each).
     *
     * @param threads 1 (the same as {@link #objective(Problem)}) or 2
     * @throws IllegalArgumentException if {@code threads} is not 1 or 2
     * @throws InvalidFormulaException  if the problem's kernel formula cannot be used, saying why
     */
    public static Objective objective(Problem problem, int threads) {
        if (threads != 1 && threads != 2) {
            throw new IllegalArgumentException("objective(problem, threads): threads must be 1 or 2, got " + threads);
        }
        return provider().objective(problem, threads);
    }

    /**
     * Compiles a closed-form objective: Symja derives its gradient and Hessian, which are printed as Java and compiled
     * (the first use of a formula takes seconds; the result is cached on disk and in memory). See
     * {@link io.landscape.api.formula.ObjectiveFormula} for what a formula may say.
     *
     * @throws InvalidFormulaException if the formula cannot be used, saying why
     */
    public static io.landscape.api.formula.FormulaFunction symbolicObjective(
            io.landscape.api.formula.ObjectiveFormula formula) {
        return provider().symbolicObjective(formula);
    }

    /** The symbolic formula checker. */
    public static FormulaChecker formulaChecker() {
        return provider().formulaChecker();
    }

    /**
     * Gradient descent on {@code f} from {@code x0} (not modified): fixed step, restart with the step halved on
     * divergence, stop at the tolerance or the step cap (see {@link DescentSettings}). Uses {@code f}'s scratch space:
     * one call per function at a time.
     *
     * @throws IllegalArgumentException if {@code x0} has the wrong length, or a Newton finish is asked of a function
     *                                  without a Hessian
     */
    public static DescentResult descend(DifferentiableFunction f, double[] x0, DescentSettings settings) {
        return provider().descend(f, x0, settings);
    }

    /**
     * Newton's method x ← x − (∇²f)⁻¹∇f from {@code x0} (not modified), to polish a point near a nondegenerate
     * critical point; stops when ‖∇f‖ ≤ {@code tolerance}, when the gradient norm stops decreasing, or after
     * {@code maxSteps} steps.
     */
    public static PolishResult polish(TwiceDifferentiableFunction f, double[] x0, int maxSteps, double tolerance) {
        return provider().polish(f, x0, maxSteps, tolerance);
    }

    /**
     * A computer-assisted proof that a spurious local minimum of the problem's loss lies near {@code point} (flat
     * n·d), or the first check that failed (paper 002, Lemmas 1–3; ReLU kernel only).
     *
     * @throws IllegalArgumentException for another kernel, a point of the wrong length or a non-finite entry
     */
    public static Certificate certify(Problem problem, double[] point, CertifyOptions options) {
        return provider().certify(problem, point, options);
    }

    /** The implementation found on the class path. */
    public static LandscapeProvider provider() {
        return Implementation.of(LandscapeProvider.class);
    }
}
