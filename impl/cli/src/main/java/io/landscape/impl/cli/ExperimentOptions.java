package io.landscape.impl.cli;

import picocli.CommandLine.Option;

/**
 * The options shared by the experiment commands {@code slowdown} and {@code reproduce initial-basin}: {@code --seed},
 * {@code --threads} (0: all processors) and {@code --no-plots}.
 */
public final class ExperimentOptions {
    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "K",
            description = "Worker threads (default: number of processors). Results do not depend on it.")
    int threads;

    @Option(names = "--no-plots", description = "Skip the figures.")
    boolean noPlots;
}
