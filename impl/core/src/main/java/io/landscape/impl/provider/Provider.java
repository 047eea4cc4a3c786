package io.landscape.impl.provider;

import io.landscape.api.CertifyOptions;
import io.landscape.api.Certificate;
import io.landscape.api.DescentResult;
import io.landscape.api.DescentSettings;
import io.landscape.api.FormulaChecker;
import io.landscape.api.LandscapeProvider;
import io.landscape.api.Objective;
import io.landscape.api.PolishResult;
import io.landscape.api.Problem;
import io.landscape.api.function.DifferentiableFunction;
import io.landscape.api.function.NetworkObjective;
import io.landscape.api.function.TwiceDifferentiableFunction;
import io.landscape.impl.certify.Certifier;
import io.landscape.impl.certify.Options;
import io.landscape.impl.linalg.Workers;
import io.landscape.impl.objective.EvaluatorParameters;
import io.landscape.impl.objective.Evaluators;
import io.landscape.impl.optim.GradientDescent;
import io.landscape.impl.optim.NewtonFinish;
import io.landscape.impl.optim.NewtonPolish;
import io.landscape.impl.symbolic.SymjaFormulaChecker;

/**
 * The {@link LandscapeProvider} registered in {@code META-INF/services}: the evaluator {@link Evaluators#select selector}
 * of the objective room; the descent engine ({@link GradientDescent}), {@link NewtonPolish} and the {@link Certifier} behind the api's facades.
 */
public final class Provider implements LandscapeProvider {
    /** Where the facade's Newton finish is first tried (max block gradient norm). */
    static final double NEWTON_SWITCH = 1e-4;
    /** The facade's Newton finish: largest accepted displacement. */
    static final double NEWTON_RADIUS = 1e-2;

    /**
     * The fastest correct evaluator of {@code problem}: {@link Evaluators#select} with
     * {@link EvaluatorParameters#defaults()} (e.g. the specialised identity-teacher evaluator for
     * {@code Problem.identityTeacher(k, k, n)}, the compiled pairwise objective otherwise).
     */
    @Override
    public Objective objective(Problem problem) {
        return Evaluators.select(problem, EvaluatorParameters.defaults());
    }

    /**
     * {@link Evaluators#select} with {@link EvaluatorParameters#defaults()} and, for {@code threads} = 2, one helper of
     * a shared pool of daemon threads ({@link EvaluatorParameters#withWorkers}): the SIMD general evaluator
     * then splits each value and gradient of a problem with at least
     * {@link EvaluatorParameters#parallelMinStudents()} students between the caller and the helper, bitwise the
     * one-thread results.
     */
    @Override
    public Objective objective(Problem problem, int threads) {
        if (threads != 1 && threads != 2) {
            throw new IllegalArgumentException("objective(problem, threads): threads must be 1 or 2, got " + threads);
        }
        EvaluatorParameters params = EvaluatorParameters.defaults();
        if (threads == 2) {
            params = params.withWorkers(Helpers.WORKERS);
        }
        return Evaluators.select(problem, params);
    }

    /** Thread name prefix of the helper threads. */
    static final String HELPER_NAME = "landscape-evaluator-helper-";

    /** Tasks handed to the helper pool so far (for tests: whether the two-thread path ran). */
    static long helperTasks() {
        return Helpers.TASKS.get();
    }

    /** The helper threads of {@link #objective(Problem, int)}: daemons, made on demand, ended after 60 s idle. */
    private static final class Helpers {
        static final java.util.concurrent.atomic.AtomicLong TASKS = new java.util.concurrent.atomic.AtomicLong();
        static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newCachedThreadPool(
                new java.util.concurrent.ThreadFactory() {
                    private final java.util.concurrent.atomic.AtomicInteger count =
                            new java.util.concurrent.atomic.AtomicInteger();

                    @Override
                    public Thread newThread(Runnable r) {
                        Thread t = new Thread(r, HELPER_NAME + count.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }
                });
        static final Workers WORKERS = new Workers(r -> {
            TASKS.incrementAndGet();
            POOL.execute(r);
        }, 1);
    }

    @Override
    public io.landscape.api.formula.FormulaFunction symbolicObjective(io.landscape.api.formula.ObjectiveFormula f) {
        return io.landscape.impl.formula.SymbolicObjectives.compile(f);
    }

    @Override
    public FormulaChecker formulaChecker() {
        return new SymjaFormulaChecker();
    }

    @Override
    public DescentResult descend(DifferentiableFunction f, double[] x0, DescentSettings settings) {
        int block = f instanceof NetworkObjective && !((NetworkObjective) f).trainableOutputWeights()
                ? ((NetworkObjective) f).inputDimension() : f.dimension();
        GradientDescent.Config c = GradientDescent.Config.plain(settings.step(), settings.tolerance(),
                settings.maxSteps());
        if (settings.newtonFinish()) {
            if (!(f instanceof TwiceDifferentiableFunction)) {
                throw new IllegalArgumentException("descend: the Newton finish needs a twice differentiable function, got "
                        + f.getClass().getName());
            }
            c = c.withNewton(new NewtonFinish.Options(NEWTON_SWITCH, NEWTON_RADIUS,
                    GradientDescent.DEFAULT_NEWTON_MAX_DIMENSION, Double.NEGATIVE_INFINITY));
        }
        GradientDescent.Result r = new GradientDescent(f, block).run(x0, c);
        return new DescentResult(r.point(), r.value(), r.maxNeuronGradient(), r.iterations(), r.totalIterations(),
                r.newtonSteps(), r.restarts(), r.step(), stop(r.stop()), r.seconds());
    }

    private static DescentResult.Stop stop(GradientDescent.Stop s) {
        switch (s) {
            case CONVERGED:
                return DescentResult.Stop.CONVERGED;
            case NEWTON:
                return DescentResult.Stop.NEWTON;
            case MAX_STEPS:
                return DescentResult.Stop.MAX_STEPS;
            case DIVERGED:
                return DescentResult.Stop.DIVERGED;
            default:
                throw new IllegalStateException("descend cannot end with " + s);
        }
    }

    @Override
    public PolishResult polish(TwiceDifferentiableFunction f, double[] x0, int maxSteps, double tolerance) {
        if (x0.length != f.dimension()) {
            throw new IllegalArgumentException("polish: point has " + x0.length + " entries, expected "
                    + f.dimension());
        }
        if (maxSteps < 0 || !(tolerance >= 0)) {
            throw new IllegalArgumentException("polish: need maxSteps ≥ 0 and tolerance ≥ 0, got " + maxSteps + ", "
                    + tolerance);
        }
        NewtonPolish.Result r = NewtonPolish.polish(f, x0, maxSteps, tolerance);
        return new PolishResult(r.point(), r.value(), r.gradientNorm(), r.steps());
    }

    @Override
    public Certificate certify(Problem problem, double[] point, CertifyOptions options) {
        io.landscape.impl.certify.Certificate c = Certifier.certify(problem, point, Options.of(options));
        return new Certificate(c.verdict(), c.reason(), c.radius(), c.lambdaMinLowerBound(),
                c.gradientNormUpperBound(), c.thirdOrderBound(), c.objective(), c.objectiveLowerBound(),
                c.anyDimension(), c.point(), c.polishSteps(), c.millis());
    }
}
