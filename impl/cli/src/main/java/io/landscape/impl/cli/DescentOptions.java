package io.landscape.impl.cli;

import picocli.CommandLine.Option;

/**
 * The descent options shared by {@code descend}, {@code spurious} and {@code reproduce spurious-minima}:
 * {@code --plain} (the paper's loop exactly) and {@code --max-steps T} (the iteration cap of a run). The value is
 * checked where it is used, by {@code GradientDescent.Settings}; a bad one is one message naming the option (exit 2).
 */
public final class DescentOptions {
    @Option(names = "--plain", description = "The paper's loop exactly: no Newton finish and no early global stop "
            + "(slower).")
    boolean plain;

    @Option(names = "--max-steps", defaultValue = "10000000", paramLabel = "T",
            description = "Iteration cap of a run, summed over its restarts (default ${DEFAULT-VALUE}); a capped run "
                    + "is reported as not converged (MAX_STEPS).")
    long maxSteps;
}
