package io.landscape.impl.cli;

import java.io.PrintWriter;

import io.landscape.api.NotDifferentiableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code landscape} command line. Every subcommand prints results on stdout and, on bad input, one clear message
 * on stderr (no stack trace) with a non-zero exit: 2 for bad input, 1 for an internal failure. The JVM exits as soon
 * as the command is done (Symja's threads are daemons, and {@link #main} calls {@link System#exit}).
 */
@Command(name = "landscape", mixinStandardHelpOptions = true, version = "landscape 0.1.0-SNAPSHOT",
        description = "Exact population losses, gradients, Hessians and experiments for teacher-student two-layer "
                + "networks under Gaussian inputs.",
        subcommands = {EvalCommand.class, DescendCommand.class, SpuriousCommand.class, ReproduceCommand.class,
                CertifyCommand.class, SlowdownCommand.class, BasinCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad input or arguments. */
    public static final int EXIT_INPUT = 2;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The configured command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof InputException || ex instanceof NotDifferentiableException
                    || ex instanceof IllegalArgumentException) {
                err.println("landscape " + commandLine.getCommandName() + ": " + ex.getMessage());
                err.flush();
                return EXIT_INPUT;
            }
            err.println("landscape " + commandLine.getCommandName() + ": internal error: " + ex);
            ex.printStackTrace(err);
            err.flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("landscape " + ex.getCommandLine().getCommandName() + ": " + ex.getMessage());
            err.println("(see: landscape " + ex.getCommandLine().getCommandName() + " --help)");
            err.flush();
            return EXIT_INPUT;
        });
        return cl;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.out.flush();
        System.exit(code);
    }
}
