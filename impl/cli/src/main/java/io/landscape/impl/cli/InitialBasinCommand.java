package io.landscape.impl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.landscape.impl.experiment.basin.BasinFigures;
import io.landscape.impl.experiment.basin.CurvePoint;
import io.landscape.impl.experiment.basin.InitialBasinExperiment;
import io.landscape.impl.experiment.basin.InitialBasinOutput;
import io.landscape.impl.sweep.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code landscape reproduce initial-basin [--quick] [--out DIR]}: paper 001's probability statements (Prop. 1, Eq.
 * (9), Thms. 2–6) by Monte Carlo against the paper's bounds, and its Figs. 1–3. Writes {@code DIR/summary.json}
 * ({@code curves: [{statement, n, trials, empirical, stderr, bound, …}]}), {@code DIR/curves.csv} and the figures;
 * prints one line per curve point. Exit 0 also when a bound fails in simulation (see {@code holds} and
 * {@code allBoundsHold} in the summary).
 */
@Command(name = "initial-basin", mixinStandardHelpOptions = true,
        description = {"Paper 001 (initial basin quality): probability of a good initial basin by simulation, "
                + "against every bound of the paper, and Figs. 1-3."})
public final class InitialBasinCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Fewer trials (400) and widths: about a minute.")
    boolean quick;

    @Option(names = "--out", defaultValue = "initial-basin", paramLabel = "DIR",
            description = "Output directory (created if missing; default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--trials", paramLabel = "N", description = "Initialisations per width (default: 10000, "
            + "--quick: 400).")
    Integer trials;

    @Option(names = "--replot", description = "Only redraw the figures from DIR/summary.json of an earlier run "
            + "(DIR = --out); no simulation.")
    boolean replot;

    @Mixin
    ExperimentOptions common;

    @Mixin
    EngineOptions engine;

    private int replot() throws IOException {
        if (quick || trials != null || common.noPlots) {
            throw new InputException("--replot redraws an earlier run's figures: it takes no --quick, --trials or "
                    + "--no-plots");
        }
        Path summary = out.resolve(InitialBasinOutput.SUMMARY);
        if (!java.nio.file.Files.isRegularFile(summary)) {
            throw new InputException("--replot: no " + summary + " (run reproduce initial-basin --out " + out
                    + " first)");
        }
        List<CurvePoint> points;
        try {
            points = InitialBasinOutput.read(summary);
        } catch (IllegalArgumentException e) {
            throw new InputException("--replot: " + e.getMessage());
        }
        List<Path> files = BasinFigures.write(new InitialBasinExperiment.Result(null, points, Double.NaN), out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(String.format(Locale.ROOT, "redrew %d figures in %s from %s (%d curve points)", files.size(),
                out, summary.getFileName(), points.size()));
        stdout.flush();
        return 0;
    }

    @Override
    public Integer call() throws IOException {
        if (replot) {
            return replot();
        }
        int n = trials != null ? trials : quick ? 400 : 10_000;
        InitialBasinExperiment.Config config;
        try {
            config = new InitialBasinExperiment.Config(common.seed, n, quick, common.threads);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        engine.check();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("statement  n     d   trials  empirical  stderr    bound     holds  variant");
        InitialBasinExperiment.Result result;
        try (Runner runner = engine.open("reproduce initial-basin")) {
            java.util.function.Consumer<CurvePoint> print = p -> {
                stdout.println(line(p));
                stdout.flush();
            };
            result = runner == null ? InitialBasinExperiment.run(config, print)
                    : InitialBasinExperiment.run(config, print, runner);
        }
        List<Path> files = InitialBasinOutput.write(result, out, !common.noPlots);
        long failed = result.points().stream().filter(p -> !p.holds()).count();
        stdout.println(String.format(Locale.ROOT, "wrote %s (%d files) in %.1f s; %d of %d points hold their bound",
                out.resolve(InitialBasinOutput.SUMMARY), files.size(), result.wallSeconds(),
                result.points().size() - failed, result.points().size()));
        stdout.flush();
        return 0;
    }

    private static String line(CurvePoint p) {
        return String.format(Locale.ROOT, "%-9s %4d %4d %7d  %-9.5f  %-8.2e  %-8.5f  %-5s  %s", p.statement(), p.n(),
                p.d(), p.trials(), p.empirical(), p.stderr(), p.bound(), p.holds() ? "yes" : "NO", p.variant());
    }
}
