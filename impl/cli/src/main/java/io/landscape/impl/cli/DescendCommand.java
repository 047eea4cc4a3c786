package io.landscape.impl.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.api.Kernel;
import io.landscape.api.Normalization;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.objective.EvaluatorParameters;
import io.landscape.impl.objective.Evaluators;
import io.landscape.impl.optim.Initialization;
import io.landscape.impl.experiment.spurious.RunRecord;
import io.landscape.impl.experiment.spurious.SpuriousSearch;
import io.landscape.impl.optim.GradientDescent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code landscape descend --teacher SPEC --n N [--init xavier|gaussian:SIGMA] [--step ETA] [--tol EPS]
 * [--max-steps T] [--seed S] [--plain | --search-shortcuts] [--kernel NAME | --kernel-formula NAME=EXPR]}: one
 * gradient-descent run (paper 002 §3), printed as one JSON object {@code {"point": [[n rows of d]], "value",
 * "gradientNorm", "maxNeuronGradient", "iterations", "stop", "converged", "candidate", "seconds", …}}.
 *
 * <h2>Modes</h2>
 * <ul>
 * <li>default ({@code "mode": "newton"}): gradient steps x ← x − η∇F(x) until max_i ‖∇_{w_i}F‖ ≤ tol, with the Newton
 * finish of {@link GradientDescent} (accepted only where it provably lands where the gradient steps would):
 * {@link GradientDescent.Settings#converging()}. The run ends converged ({@code CONVERGED} or {@code NEWTON}), at the
 * iteration cap ({@code MAX_STEPS}) or diverged ({@code DIVERGED}). It uses the evaluator {@link Evaluators#select}
 * chooses with {@link #ONE_RUN}: SIMD off, since for one run the SIMD evaluators' JIT warm-up dominates (k = n = 10, seed 7: the batched run took 2.4–6.6 s cold and 4 ms once
 * compiled; the whole plain run 0.05–0.1 s).</li>
 * <li>{@code --plain} ({@code "mode": "plain"}): exactly the paper's loop, no shortcut; replays a run of
 * {@code spurious --plain} from its per-run seed.</li>
 * <li>{@code --search-shortcuts} ({@code "mode": "search"}): exactly as {@code landscape spurious} computes its runs,
 * including the global early stop: the run stops ({@code BELOW_THRESHOLD}, {@code "converged": false}) as soon as
 * F &lt; 10⁻³ after a monotone window — enough to classify it as global, not a converged point. Replays a run of
 * {@code spurious} from its per-run seed (column {@code seed} of {@code runs.csv}) bitwise.</li>
 * </ul>
 * The initial point is drawn from {@code SplittableRandom(S)}. {@code "candidate"} is F ≥ 10⁻³ (the paper's threshold
 * for a candidate spurious minimum) and {@code null} for a diverged run. A run in which every step size diverged is
 * reported with {@code "stop": "DIVERGED"}, one message on stderr, and exit code 2; an initial point at which F is
 * not finite is refused before any step.
 */
@Command(name = "descend", mixinStandardHelpOptions = true,
        description = {"One gradient-descent run on F from a random initial point; prints the end point as JSON.",
            "By default the run goes on until max_i ‖∇_{w_i}F‖ ≤ --tol (\"stop\": CONVERGED, or NEWTON when the "
                    + "Newton finish, which lands where the gradient steps would, got there first), or until "
                    + "--max-steps (MAX_STEPS), and \"converged\" says which. --plain is the paper's loop exactly; "
                    + "--search-shortcuts computes the run as `landscape spurious` does, including its early stop at "
                    + "F < 1e-3 (BELOW_THRESHOLD: classified global, not converged), and so replays a run of "
                    + "`spurious` from its per-run seed. \"candidate\" is F ≥ 1e-3 (null for a diverged run). F "
                    + "slightly below 0 from rounding is printed as 0 (computed value in \"rawValue\"). If every step "
                    + "size diverges the run is reported with \"stop\": DIVERGED and exit code 2."})
public final class DescendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--teacher", required = true, paramLabel = "SPEC",
            description = "identity:K, identity:K:D, or a CSV/JSON file with one teacher neuron per row.")
    String teacher;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Number of student neurons (≥ 1).")
    int n;

    @Mixin
    InitOption init;

    @Option(names = "--step", defaultValue = "0.1", paramLabel = "ETA",
            description = "Step size (default ${DEFAULT-VALUE}); halved and restarted from the initial point when a "
                    + "run diverges (‖∇F‖ > 1e4 or F not finite), at most 40 times.")
    double step;

    @Option(names = "--tol", defaultValue = "1e-9", paramLabel = "EPS",
            description = "Stop when max_i ‖∇_{w_i}F‖ ≤ EPS (default ${DEFAULT-VALUE}).")
    double tol;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the initial point (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    DescentOptions descent;

    @Option(names = "--search-shortcuts",
            description = "Compute the run exactly as `landscape spurious` does, shortcuts included: it stops at "
                    + "F < 1e-3 after a monotone window (BELOW_THRESHOLD), which classifies the run as global but is "
                    + "not a converged point. Replays a `spurious` run from its per-run seed.")
    boolean searchShortcuts;

    @Mixin
    KernelOptions kernelOptions;

    /**
     * The evaluator parameters of one run: SIMD off (for one run the SIMD evaluators' JIT warm-up dominates), the
     * search's plainly summed F (the value this command has always reported).
     */
    static final EvaluatorParameters ONE_RUN = EvaluatorParameters.defaults().withSimd(false).withPlainValue(true);

    @Override
    public Integer call() {
        if (n < 1) {
            throw new InputException("--n " + n + ": must be at least 1");
        }
        if (descent.plain && searchShortcuts) {
            throw new InputException("--plain and --search-shortcuts: give at most one of them (--plain has no "
                    + "shortcut)");
        }
        // --step, --tol and --max-steps are checked by the settings record (one message naming the option, exit 2)
        GradientDescent.Settings s = (descent.plain ? GradientDescent.Settings.plain()
                : searchShortcuts ? GradientDescent.Settings.accelerated() : GradientDescent.Settings.converging())
                .withStep(step).withTol(tol).withMaxSteps(descent.maxSteps);
        double[][] v = TeacherSpec.parse(teacher);
        int d = v[0].length;
        checkSize(n, v.length, d);
        Kernel kernel = kernelOptions.kernel();
        Initialization initialization = init.initialization(d);
        String mode = descent.plain ? "plain" : searchShortcuts ? "search" : "newton";
        double[] x0 = initialization.sample(new SplittableRandom(seed), n, d);
        Problem problem = Problem.builder().teacher(v).students(n).kernel(kernel).build();
        boolean identityRelu = Evaluators.isIdentityTeacher(problem);
        Objective general = kernelOptions.objective(problem);
        checkInitialPoint(general, x0, init.init);
        GradientDescent.Result r;
        if (identityRelu && !s.accelerate()) {
            r = SpuriousSearch.descend(v.length, n, x0, s); // as spurious --plain computes its runs
        } else if (identityRelu && s.earlyStop()) {
            r = SpuriousSearch.descend(v.length, n, x0, s); // as spurious computes its runs (batched where it batches)
        } else {
            r = GradientDescent.run(Evaluators.select(problem, ONE_RUN), d, x0, s);
        }
        boolean diverged = r.stop() == GradientDescent.Stop.DIVERGED;
        boolean converged = r.stop() == GradientDescent.Stop.CONVERGED || r.stop() == GradientDescent.Stop.NEWTON;
        ObjectNode o = Json.object();
        o.put("teacher", teacher);
        o.put("n", n);
        o.put("d", d);
        o.put("kernel", kernel.name());
        o.put("init", initialization.name());
        o.put("sigma", initialization.sigma());
        o.put("seed", seed);
        o.put("mode", mode);
        o.set("point", Json.finiteRows(r.point(), d));
        double[][] w = io.landscape.api.Points.unflatten(r.point(), d);
        FValue.put(o, "value", r.value(), FValue.roundingBound(w, v, kernel, kernelOptions.isFormula(),
                Normalization.HALF));
        Json.number(o, "gradientNorm", r.gradientNorm());
        Json.number(o, "maxNeuronGradient", r.maxNeuronGradient());
        o.put("iterations", r.iterations());
        o.put("totalIterations", r.totalIterations());
        o.put("newtonSteps", r.newtonSteps());
        o.put("restarts", r.restarts());
        o.put("step", r.step());
        o.put("stop", r.stop().name());
        o.put("converged", converged);
        if (diverged) {
            o.putNull("candidate");
        } else {
            o.put("candidate", r.value() >= RunRecord.CANDIDATE_THRESHOLD);
        }
        o.put("seconds", r.seconds());
        PrintWriter out = spec.commandLine().getOut();
        out.println(Json.line(o));
        out.flush();
        if (diverged) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(String.format(Locale.ROOT, "landscape descend: --step %s: diverged: every step size from %s "
                    + "down to %.3g diverged (‖∇F‖ > %.0g or F not finite); the point printed is the initial one. "
                    + "Try a smaller --step.", step, step, r.step() * 2, GradientDescent.DIVERGENCE));
            err.flush();
            return Main.EXIT_INPUT;
        }
        return 0;
    }

    /** Refuses an initial point at which F or ∇F is not finite (e.g. --init gaussian:1e300): no step could start. */
    private static void checkInitialPoint(Objective f, double[] x0, String init) {
        double value;
        double[] g = new double[x0.length];
        try {
            value = f.valueAndGradient(x0, g);
        } catch (RuntimeException e) {
            value = Double.NaN;
        }
        boolean finite = Double.isFinite(value);
        for (double e : g) {
            finite &= Double.isFinite(e);
        }
        if (!finite) {
            double largest = 0;
            for (double e : x0) {
                largest = Math.max(largest, Math.abs(e));
            }
            throw new InputException(String.format(Locale.ROOT, "--init %s: F or its gradient is not finite at the "
                    + "initial point (largest entry %.3g): choose a smaller σ", init, largest));
        }
    }

    /**
     * Refuses sizes whose working memory cannot fit (the objective's n×n and n×k scratch arrays, the descent's four
     * n·d vectors) instead of dying with an OutOfMemoryError.
     */
    static void checkSize(int n, int k, int d) {
        double m = (double) n * d;
        double need = 8 * (6.0 * n * n + 10.0 * n * (k + d) + 4 * m);
        double maxArray = Integer.MAX_VALUE - 8;
        long limit = Runtime.getRuntime().maxMemory();
        if ((double) n * n > maxArray || m > maxArray || need > limit) {
            throw new InputException(String.format(Locale.ROOT, "--n %d with a teacher of %d neurons in R^%d needs "
                    + "about %.1f GiB of memory (or arrays beyond Java's 2³¹ − 1 entries), but the JVM may use %.1f "
                    + "GiB: reduce --n, or raise the limit (LANDSCAPE_JAVA_OPTS='-Xss8m -Xmx…')", n, k, d,
                    need / (1L << 30), limit / (double) (1L << 30)));
        }
    }

}
