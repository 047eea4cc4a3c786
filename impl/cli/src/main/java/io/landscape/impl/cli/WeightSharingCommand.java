package io.landscape.impl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.landscape.impl.experiment.AtomicFiles;
import io.landscape.impl.experiment.sharing.WeightSharingExperiment;
import io.landscape.impl.experiment.sharing.WeightSharingOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code landscape reproduce weight-sharing [--part cosine|erf|sgd|all] [--seeds N] [--quick] [--out DIR]
 * [--data gaussian|mnist] [--target low|high|both] [--g known|learnt]}: paper
 * 004 — GD on the closed-form cosine-wave and erf-product losses (WS against FC), the FC escape time against d, and
 * the SGD experiment of Figure 1 on Gaussian and MNIST patches. Writes {@code DIR/summary.json}, the CSV of every
 * curve and the figures; prints one line per run.
 */
@Command(name = "weight-sharing", mixinStandardHelpOptions = true,
        description = {"Paper 004 (weight sharing is crucial): WS vs FC gradient descent on the cosine-wave and "
                + "erf-product losses in closed form, the FC escape time against d, and the SGD experiment of "
                + "Figure 1 on Gaussian and MNIST patches."})
public final class WeightSharingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--part", defaultValue = "all", paramLabel = "PART",
            description = "cosine, erf, sgd or all (default: ${DEFAULT-VALUE}).")
    String part;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Seeds per erf dimension and per Figure-1 curve (default: 5, --quick: 2).")
    Integer seeds;

    @Option(names = "--quick", description = "Reduced run (fewer seeds, dimensions and SGD iterations): about a "
            + "minute.")
    boolean quick;

    @Option(names = "--out", defaultValue = "weight-sharing", paramLabel = "DIR",
            description = "Output directory (created if missing; default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "K",
            description = "Worker threads (default: number of processors). Results do not depend on it.")
    int threads;

    @Option(names = "--data", defaultValue = "all", paramLabel = "DATA",
            description = "Figure 1 (--part sgd): only gaussian or mnist patches (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--target", defaultValue = "all", paramLabel = "T",
            description = "Figure 1: only the target low, high or both (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--g", defaultValue = "all", paramLabel = "G",
            description = "Figure 1: only g known or learnt (default: ${DEFAULT-VALUE}). The three filters select "
                    + "runs and change none: seed s of a curve is the same run in every selection.")
    String g;

    @Option(names = "--no-plots", description = "Skip the figures.")
    boolean noPlots;

    @Override
    public Integer call() throws IOException {
        WeightSharingExperiment.Config config;
        try {
            config = new WeightSharingExperiment.Config(part, seeds != null ? seeds : quick ? 2 : 5, quick, threads,
                    data, target, g);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        String problem = AtomicFiles.checkOutputDirectory(out);
        if (problem != null) {
            throw new InputException("--out " + problem);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        WeightSharingExperiment.Result result = WeightSharingExperiment.run(config, line -> {
            stdout.println(line);
            stdout.flush();
        });
        List<Path> files = WeightSharingOutput.write(result, out, !noPlots);
        stdout.println(String.format(Locale.ROOT, "wrote %s (%d files) in %.1f s", out.resolve(WeightSharingOutput.SUMMARY),
                files.size(), result.wallSeconds()));
        stdout.flush();
        return 0;
    }
}
