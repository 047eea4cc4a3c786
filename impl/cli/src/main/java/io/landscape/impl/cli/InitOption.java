package io.landscape.impl.cli;

import java.util.Locale;

import io.landscape.impl.optim.Initialization;
import picocli.CommandLine.Option;

/** {@code --init xavier|gaussian:SIGMA}, the initial point's distribution ({@code descend}, {@code spurious}). */
public final class InitOption {
    @Option(names = "--init", defaultValue = "xavier", paramLabel = "xavier|gaussian:SIGMA",
            description = "Initial point: every coordinate N(0, σ²); xavier: σ² = 1/d (= 1/k for identity:K, the "
                    + "paper's choice); gaussian:SIGMA fixes σ. Default: ${DEFAULT-VALUE}.")
    String init;

    /** The initialisation for dimension {@code d}; a bad spec is an {@link InputException} naming {@code --init}. */
    Initialization initialization(int d) {
        try {
            return Initialization.parse(init, d);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    /** The spec as given, checked and normalised (trimmed, lower case): the form the run log records. */
    String normalized(int d) {
        initialization(d);
        return init.trim().toLowerCase(Locale.ROOT);
    }
}
