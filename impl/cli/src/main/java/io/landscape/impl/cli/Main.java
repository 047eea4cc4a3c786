package io.landscape.impl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

import io.landscape.api.NotDifferentiableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code landscape} command line. Every subcommand prints results on stdout and, on bad input, one clear message
 * on stderr (no stack trace) with a non-zero exit: 2 for bad input (and for a run that diverged), 1 for an internal
 * failure or an I/O error while writing results. Without a command it prints the usage on stderr and exits 2. The JVM
 * exits as soon as the command is done (Symja's threads are daemons, and {@link #main} calls {@link System#exit}).
 */
@Command(name = "landscape", mixinStandardHelpOptions = true, version = "landscape 0.1.0-SNAPSHOT",
        description = "Exact population losses, gradients, Hessians and experiments for teacher-student two-layer "
                + "networks under Gaussian inputs.",
        subcommands = {EvalCommand.class, DescendCommand.class, SpuriousCommand.class, ReproduceCommand.class,
                CertifyCommand.class, SlowdownCommand.class, BasinCommand.class, CheckCommand.class})
public final class Main implements Callable<Integer> {
    /** Exit code for bad input or arguments. */
    public static final int EXIT_INPUT = 2;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** No command given: the usage on stderr, exit {@link #EXIT_INPUT}. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("landscape: missing command");
        spec.commandLine().usage(err);
        err.flush();
        return EXIT_INPUT;
    }

    /** The configured command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof io.landscape.impl.sweep.EnvironmentMismatchException) {
                // a worker of another make than the driver (engine spark): a setup error, one line
                err.println("landscape " + commandLine.getCommandName() + ": " + ex.getMessage());
                err.flush();
                return EXIT_INPUT;
            }
            if (ex instanceof InputException || ex instanceof NotDifferentiableException
                    || ex instanceof IllegalArgumentException) {
                String message = ex instanceof InputException ? ex.getMessage()
                        : asOption(ex.getMessage(), commandLine.getCommandSpec());
                err.println("landscape " + commandLine.getCommandName() + ": " + message);
                err.flush();
                return EXIT_INPUT;
            }
            if (ex instanceof UncheckedIOException || ex instanceof IOException) {
                // the environment (disk full, permissions changed mid-run), not a bug: one line, no stack trace
                String what = ex instanceof UncheckedIOException ? ex.getMessage()
                        : "I/O error: " + ex.getMessage() + " (" + ex.getClass().getSimpleName() + ")";
                err.println("landscape " + commandLine.getCommandName() + ": " + what);
                err.flush();
                return 1;
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

    /**
     * The library checks its arguments once, in the constructors of its settings records, and names the argument at
     * the start of the message ({@code "maxSteps: must be at least 1, got 0"}, {@code "max-steps: …"}); on the command
     * line that argument is an option, so the name becomes the option's ({@code "--max-steps: must be at least 1, got
     * 0"}) when {@code spec} has an option of that name (camelCase written as kebab-case). Other messages (already
     * naming an option, a file or a line) are returned unchanged.
     */
    static String asOption(String message, picocli.CommandLine.Model.CommandSpec spec) {
        if (message == null) {
            return null;
        }
        int end = 0;
        while (end < message.length() && (Character.isLetterOrDigit(message.charAt(end)) || message.charAt(end) == '-')) {
            end++;
        }
        if (end == 0 || end >= message.length() || message.charAt(end) != ':' || message.charAt(0) == '-') {
            return message;
        }
        String option = "--" + message.substring(0, end).replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase(java.util.Locale.ROOT);
        return spec.findOption(option) != null ? option + message.substring(end) : message;
    }

    /** Held so that the configuration of the {@code io.landscape} logger is not garbage-collected. */
    private static final java.util.logging.Logger LIBRARY_LOG = java.util.logging.Logger.getLogger("io.landscape");

    /**
     * The library's progress messages (INFO through {@link System.Logger}, for example "deriving the tanh kernel with
     * Symja (first use; cached in DIR)...") as one line each on stderr, "landscape: MESSAGE", instead of the JDK's
     * default two-line format.
     */
    static void reportLibraryProgressOnStderr() {
        java.util.logging.Handler h = new java.util.logging.StreamHandler(System.err, new java.util.logging.Formatter() {
            @Override
            public String format(java.util.logging.LogRecord r) {
                return "landscape: " + formatMessage(r) + System.lineSeparator();
            }
        }) {
            @Override
            public synchronized void publish(java.util.logging.LogRecord r) {
                super.publish(r);
                flush();
            }
        };
        LIBRARY_LOG.setUseParentHandlers(false);
        LIBRARY_LOG.setLevel(java.util.logging.Level.INFO);
        LIBRARY_LOG.addHandler(h);
    }

    public static void main(String[] args) {
        reportLibraryProgressOnStderr();
        int code = commandLine().execute(args);
        System.out.flush();
        System.exit(code);
    }
}
