package io.landscape.impl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.landscape.impl.experiment.slowdown.Dynamics;
import io.landscape.impl.experiment.slowdown.Preset;
import io.landscape.impl.experiment.slowdown.SlowdownConfig;
import io.landscape.impl.experiment.slowdown.SlowdownExperiment;
import io.landscape.impl.experiment.slowdown.SlowdownOutput;
import io.landscape.impl.experiment.slowdown.SlowdownRun;
import io.landscape.impl.optim.GradientFlow;
import picocli.CommandLine.Command;
import io.landscape.impl.sweep.Runner;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code landscape slowdown --n LIST --d D --sigma S --eta E --steps T --seed SEED --out DIR}: paper 003 Figure 1.
 * Writes {@code DIR/summary.json} ({@code runs: [{n, finalLoss, fittedExponent, lossAt: {"1000", "10000", "100000",
 * "<T>"}}]} for GD, {@code flowRuns} likewise for gradient flow), {@code DIR/curves.csv} and the Figure 1 panels as
 * PNG and SVG; prints one line per run on stdout. A run whose loss became non-finite (a step η too large for GD) is
 * written with {@code "diverged": true} and nulls, reported in one message on stderr, and the exit code is 2. The
 * output directory is checked (created, writable) before any work.
 */
@Command(name = "slowdown", mixinStandardHelpOptions = true,
        description = {"Over-parameterization slowdown for one teacher neuron (Xu & Du, paper 003, Figure 1): "
                + "GD and/or gradient flow for each n, loss curves, fitted exponents and plots.",
            "Teacher v = e1 in R^d; students start from the chosen preset, seeded per (seed, n).",
            "If a run diverges (loss not finite, e.g. --eta too large), summary.json marks it \"diverged\": true with "
                    + "\"divergedAtStep\" and null values, one message goes to stderr, and the exit code is 2."})
public final class SlowdownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--n", defaultValue = "1,2,4", split = ",", paramLabel = "LIST",
            description = "Student counts, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> ns;

    @Option(names = "--d", defaultValue = "10", paramLabel = "D", description = "Input dimension (default: ${DEFAULT-VALUE}).")
    int d;

    @Option(names = "--sigma", defaultValue = "0.1", paramLabel = "S",
            description = "Initialisation scale: w_i(0) ~ N(0, S²I) (default: ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--eta", defaultValue = "0.05", paramLabel = "E", description = "GD step size (default: ${DEFAULT-VALUE}).")
    double eta;

    @Option(names = "--steps", defaultValue = "200000", paramLabel = "T",
            description = "GD steps; gradient flow runs to time E·T (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (created if missing; checked before any work).")
    Path out;

    @Option(names = "--dynamics", defaultValue = "both", paramLabel = "gd|flow|both",
            description = "Gradient descent, gradient flow (dw/dt = -grad L, Dormand-Prince 8(5,3)), or both "
                    + "(default: ${DEFAULT-VALUE}).")
    String dynamics;

    @Option(names = "--preset", defaultValue = "gaussian", paramLabel = "NAME",
            description = "Start: gaussian (Figure 1), symmetric-pair (toy case 1, n = 2), parallel (toy case 2), "
                    + "equal (toy case 3) (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--points-per-decade", defaultValue = "40", paramLabel = "K",
            description = "Density of the log-spaced recording grid in T (default: ${DEFAULT-VALUE}).")
    int pointsPerDecade;

    @Option(names = "--flow-atol", defaultValue = "1e-16", paramLabel = "A",
            description = "Gradient flow: absolute error tolerance per step and component (default: ${DEFAULT-VALUE}).")
    double flowAtol;

    @Option(names = "--flow-rtol", defaultValue = "1e-13", paramLabel = "R",
            description = "Gradient flow: relative error tolerance per step and component (default: ${DEFAULT-VALUE}).")
    double flowRtol;

    @Mixin
    ExperimentOptions common;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        SlowdownConfig config = parse();
        engine.check();
        SpuriousCommand.checkOutput(out, true);
        int workers = common.threads > 0 ? common.threads : Runtime.getRuntime().availableProcessors();
        GradientFlow flow = new GradientFlow(flowAtol, flowRtol, Double.POSITIVE_INFINITY);
        SlowdownExperiment.Result result;
        try (Runner runner = engine.open("slowdown")) {
            result = runner == null ? new SlowdownExperiment(flow).run(config, workers)
                    : new SlowdownExperiment(flow).run(config, runner);
        }
        List<Path> files = SlowdownOutput.write(result, out, !common.noPlots);
        stdout.println("dynamics  n   finalLoss      fittedExponent  L(T=1000)");
        List<SlowdownRun> all = new ArrayList<>(result.descentRuns());
        all.addAll(result.flowRuns());
        List<String> diverged = new ArrayList<>();
        for (SlowdownRun r : all) {
            Double at1000 = r.lossAt().get("1000");
            long divergedAt = SlowdownOutput.divergedAt(r);
            if (divergedAt >= 0) {
                diverged.add(String.format(Locale.ROOT, "%s n=%d at T=%d", r.dynamics(), r.n(), divergedAt));
            }
            stdout.println(String.format(Locale.ROOT, "%-8s %2d   %-13s  %-14s  %s", r.dynamics(), r.n(),
                    divergedAt >= 0 ? "diverged" : String.format(Locale.ROOT, "%.6g", r.finalLoss()),
                    Double.isFinite(r.fittedExponent())
                            ? String.format(Locale.ROOT, "%.4f", r.fittedExponent()) : "undefined",
                    at1000 == null || !Double.isFinite(at1000) ? "-" : String.format(Locale.ROOT, "%.6g", at1000)));
        }
        stdout.println(String.format(Locale.ROOT, "wrote %s (%d files) in %.2f s", out.resolve(SlowdownOutput.SUMMARY),
                files.size(), result.wallSeconds()));
        stdout.flush();
        if (!diverged.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("landscape slowdown: --eta " + eta + ": diverged (loss not finite): " + String.join(", ", diverged)
                    + "; summary.json marks these runs \"diverged\": true. Try a smaller --eta.");
            err.flush();
            return Main.EXIT_INPUT;
        }
        return 0;
    }

    /** Validates every argument before any work; throws {@link InputException} with one clear message. */
    SlowdownConfig parse() {
        List<Integer> counts = new ArrayList<>();
        if (ns == null || ns.isEmpty()) {
            throw new InputException("--n: need at least one student count");
        }
        for (String s : ns) {
            try {
                counts.add(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                throw new InputException("--n: '" + s + "' is not an integer (expected a list like 1,2,4)");
            }
        }
        Preset p;
        Dynamics dyn;
        try {
            p = Preset.parse(preset);
            dyn = Dynamics.parse(dynamics);
        } catch (IllegalArgumentException e) {
            throw new InputException((e.getMessage().startsWith("unknown preset") ? "--preset: " : "--dynamics: ")
                    + e.getMessage());
        }
        // the config record checks --n, --d, --sigma, --eta, --steps and --points-per-decade (message naming the option)
        SlowdownConfig config = new SlowdownConfig(counts, d, sigma, eta, steps, common.seed, p, dyn, pointsPerDecade);
        if (!(flowAtol > 0) || !(flowRtol >= 0) || !Double.isFinite(flowAtol) || !Double.isFinite(flowRtol)) {
            throw new InputException("--flow-atol/--flow-rtol: need atol > 0 and rtol ≥ 0, got " + flowAtol + ", "
                    + flowRtol);
        }
        if (common.threads < 0) {
            throw new InputException("--threads: need K ≥ 0, got " + common.threads);
        }
        return config;
    }
}
