package io.landscape.impl.symbolic;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IExpr;

import io.landscape.api.LandscapeException;

/**
 * The one owner of Symja in this process.
 *
 * <p>Symja's {@link ExprEvaluator} is not thread-safe and binds its engine to the thread that created it, so every
 * symbolic computation runs on a single dedicated <em>daemon</em> thread owned by this class; callers on any thread
 * submit work with {@link #call(SymjaTask)} and block for the result. Before Symja's {@code F} class is loaded, JAS
 * threads are switched off and Symja's thread factory is replaced by one making daemon threads, so a program using
 * landscape exits promptly when {@code main} returns (otherwise Symja keeps non-daemon threads alive for about a
 * minute).
 *
 * <p>Every result is checked: Symja reports many failures as values ({@code $Failed}, {@code $Aborted},
 * unevaluated calls) instead of exceptions; {@link #check(String, IExpr)} turns those into {@link SymbolicException}.
 */
public final class SymjaSession {

    /** A piece of symbolic work, run on the session thread with the session's evaluator. */
    @FunctionalInterface
    public interface SymjaTask<T> {
        T run(ExprEvaluator evaluator) throws Exception;
    }

    private static final SymjaSession INSTANCE = new SymjaSession();

    private final ExecutorService thread;
    private ExprEvaluator evaluator; // confined to the session thread

    private SymjaSession() {
        thread = Executors.newSingleThreadExecutor(r -> {
            // Symja recurses deeply on large expressions: its thread gets its own 32 MB stack, so the host program
            // needs no -Xss option
            Thread t = new Thread(null, r, "landscape-symja", 32L << 20);
            t.setDaemon(true);
            return t;
        });
    }

    public static SymjaSession get() {
        return INSTANCE;
    }

    /**
     * Runs {@code task} on the Symja thread and returns its result. A failure is rethrown on the calling thread with
     * the calling thread's stack trace: a {@link LandscapeException} (an error in the caller's input, whose message
     * says everything) as it is, with its stack trace replaced by the caller's; anything else wrapped in a
     * {@link SymbolicException} created here, with the Symja thread's exception as its cause.
     */
    public <T> T call(SymjaTask<T> task) {
        Callable<T> c = () -> task.run(evaluator());
        Future<T> f = thread.submit(c);
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SymbolicException("interrupted while waiting for Symja", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LandscapeException) {
                // found on the Symja thread, but reported where the caller can see it: the caller's stack, not the
                // worker's (its frames say nothing about the caller's mistake)
                cause.fillInStackTrace();
                throw (LandscapeException) cause;
            }
            if (cause instanceof StackOverflowError) {
                throw new SymbolicException("Symja ran out of stack on a deeply nested expression (give the JVM a "
                        + "larger thread stack, e.g. -Xss8m, or simplify the formula)", cause);
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new SymbolicException(cause.getMessage() == null ? "Symja failed: " + cause : cause.getMessage(),
                    cause);
        }
    }

    private ExprEvaluator evaluator() {
        if (evaluator == null) {
            configure();
            evaluator = new ExprEvaluator(false, (short) 100);
            // Symja prints warnings ("Part: ...", "Power: infinite expression") on the engine's streams: keep them off
            // stdout/stderr of the host program; failures are detected from the returned values instead.
            java.io.PrintStream sink = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
            evaluator.getEvalEngine().setOutPrintStream(sink);
            evaluator.getEvalEngine().setErrorPrintStream(sink);
        }
        return evaluator;
    }

    /** Must run before Symja's F class is initialised (it is: nothing else in landscape touches Symja). */
    private static void configure() {
        Config.JAS_NO_THREADS = true;
        Config.TIMECONSTRAINED_NO_THREAD = true;
        Config.THREAD_FACTORY = r -> {
            Thread t = new Thread(r, "symja-worker");
            t.setDaemon(true);
            return t;
        };
        Config.FILESYSTEM_ENABLED = false;
    }

    /**
     * Evaluates {@code input} and checks the result.
     *
     * @param what a description used in error messages
     */
    public static IExpr eval(ExprEvaluator ev, String what, String input) {
        IExpr result;
        try {
            result = ev.eval(input);
        } catch (RuntimeException e) {
            throw new SymbolicException(what + ": Symja rejected '" + input + "': " + e.getMessage(), e);
        }
        return check(what + " (" + input + ")", result);
    }

    /** Rejects Symja's failure values. */
    public static IExpr check(String what, IExpr result) {
        if (result == null) {
            throw new SymbolicException(what + ": Symja returned nothing");
        }
        String s = result.toString();
        if (s.contains("$Failed") || s.contains("$Aborted") || s.contains("Indeterminate")
                || s.contains("ComplexInfinity") || s.contains("Infinity") || s.contains("Derivative(")
                || s.contains("Hold(") || s.contains("Limit(") || s.contains("D(")) {
            throw new SymbolicException(what + ": Symja could not produce a usable result, got " + s);
        }
        return result;
    }
}
