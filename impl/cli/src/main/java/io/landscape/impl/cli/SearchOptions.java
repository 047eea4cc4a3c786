package io.landscape.impl.cli;

import picocli.CommandLine.Option;

/**
 * The options of a spurious-minima search shared by {@code spurious} and {@code reproduce spurious-minima}:
 * {@code --threads}, {@code --family-tol}, {@code --no-progress}.
 */
public final class SearchOptions {
    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all processors). "
            + "Results do not depend on it.")
    Integer threads;

    @Option(names = "--family-tol", defaultValue = "1e-4", paramLabel = "TOL",
            description = "Frobenius distance (after optimal permutation) within which end points are one family "
                    + "(default ${DEFAULT-VALUE}).")
    double familyTol;

    @Option(names = "--no-progress", description = "No progress bar on stderr.")
    boolean noProgress;

    /** The worker count: {@code --threads}, or all processors. */
    int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
