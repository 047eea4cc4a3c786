package io.landscape.impl.cli;

import java.io.PrintWriter;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.api.Landscape;
import io.landscape.api.Problem;
import io.landscape.impl.experiment.spurious.Initialization;
import io.landscape.impl.experiment.spurious.SpuriousSearch;
import io.landscape.impl.optim.GradientDescent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code landscape descend --teacher SPEC --n N [--init xavier|gaussian:SIGMA] [--step ETA] [--tol EPS]
 * [--max-steps T] [--seed S] [--plain]}: one gradient-descent run (paper 002 §3), printed as one JSON object
 * {@code {"point": [[n rows of d]], "value", "gradientNorm", "maxNeuronGradient", "iterations", "seconds", …}}.
 * The initial point is drawn from {@code SplittableRandom(S)}, so {@code --seed} set to a run's per-run seed (column
 * {@code seed} of {@code runs.csv}) replays that run of {@code landscape spurious} exactly.
 */
@Command(name = "descend", mixinStandardHelpOptions = true,
        description = "One gradient-descent run on F from a random initial point; prints the end point as JSON.")
public final class DescendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--teacher", required = true, paramLabel = "SPEC",
            description = "identity:K, identity:K:D, or a CSV/JSON file with one teacher neuron per row.")
    String teacher;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Number of student neurons (≥ 1).")
    int n;

    @Option(names = "--init", defaultValue = "xavier", paramLabel = "xavier|gaussian:SIGMA",
            description = "Initial point: every coordinate N(0, σ²); xavier: σ² = 1/d (= 1/k for identity:K, the "
                    + "paper's choice); gaussian:SIGMA fixes σ. Default: ${DEFAULT-VALUE}.")
    String init;

    @Option(names = "--step", defaultValue = "0.1", paramLabel = "ETA", description = "Step size (default ${DEFAULT-VALUE}).")
    double step;

    @Option(names = "--tol", defaultValue = "1e-9", paramLabel = "EPS",
            description = "Stop when max_i ‖∇_{w_i}F‖ ≤ EPS (default ${DEFAULT-VALUE}).")
    double tol;

    @Option(names = "--max-steps", defaultValue = "10000000", paramLabel = "T",
            description = "Iteration cap, summed over restarts (default ${DEFAULT-VALUE}).")
    long maxSteps;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the initial point (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--plain", description = "Exactly the paper's loop: no early global stop, no Newton finish.")
    boolean plain;

    @Override
    public Integer call() {
        if (n < 1) {
            throw new InputException("--n " + n + ": must be at least 1");
        }
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new InputException("--step " + step + ": must be positive and finite");
        }
        if (!(tol > 0) || !Double.isFinite(tol)) {
            throw new InputException("--tol " + tol + ": must be positive and finite");
        }
        if (maxSteps < 1) {
            throw new InputException("--max-steps " + maxSteps + ": must be at least 1");
        }
        double[][] v = TeacherSpec.parse(teacher);
        int d = v[0].length;
        Initialization initialization;
        try {
            initialization = Initialization.parse(init, d);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        Problem problem = Problem.builder().teacher(v).students(n).build();
        GradientDescent.Settings s = (plain ? GradientDescent.Settings.plain() : GradientDescent.Settings.accelerated())
                .withStep(step).withTol(tol).withMaxSteps(maxSteps);
        double[] x0 = initialization.sample(new SplittableRandom(seed), n, d);
        GradientDescent.Result r = isIdentity(v) ? SpuriousSearch.descend(v.length, n, x0, s)
                : GradientDescent.run(Landscape.objective(problem), d, x0, s);
        ObjectNode o = Json.object();
        o.put("teacher", teacher);
        o.put("n", n);
        o.put("d", d);
        o.put("init", initialization.name());
        o.put("sigma", initialization.sigma());
        o.put("seed", seed);
        o.put("mode", plain ? "plain" : "accelerated");
        o.set("point", Json.rows(r.point(), d));
        o.put("value", r.value());
        o.put("gradientNorm", r.gradientNorm());
        o.put("maxNeuronGradient", r.maxNeuronGradient());
        o.put("iterations", r.iterations());
        o.put("totalIterations", r.totalIterations());
        o.put("newtonSteps", r.newtonSteps());
        o.put("restarts", r.restarts());
        o.put("step", r.step());
        o.put("stop", r.stop().name());
        o.put("candidate", r.value() >= 1e-3);
        o.put("seconds", r.seconds());
        PrintWriter out = spec.commandLine().getOut();
        out.println(Json.line(o));
        out.flush();
        return 0;
    }

    /** v_j = e_j with d = k (the case the specialised evaluator handles). */
    static boolean isIdentity(double[][] v) {
        int k = v.length;
        if (v[0].length != k) {
            return false;
        }
        for (int j = 0; j < k; j++) {
            for (int q = 0; q < k; q++) {
                if (v[j][q] != (j == q ? 1.0 : 0.0)) {
                    return false;
                }
            }
        }
        return true;
    }
}
