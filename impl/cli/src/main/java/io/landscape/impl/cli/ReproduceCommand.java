package io.landscape.impl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code landscape reproduce EXPERIMENT …}: re-runs a published experiment end to end. Each experiment is a
 * subcommand (add new ones to {@code subcommands}); {@code spurious-minima} is paper 002 §3.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce a published experiment (tables, figures, raw data).",
        subcommands = {SpuriousMinimaCommand.class, InitialBasinCommand.class,
                MildOverparameterizationCommand.class, WeightSharingCommand.class})
public final class ReproduceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new InputException("missing experiment; available: spurious-minima, initial-basin, "
                + "mild-overparameterization, weight-sharing (see: landscape reproduce --help)");
    }
}
