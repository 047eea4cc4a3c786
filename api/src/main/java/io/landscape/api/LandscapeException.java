package io.landscape.api;

/**
 * Root of the exceptions for errors a caller can cause and fix: a formula Symja cannot use, an incomplete or
 * inconsistent {@link Problem}, a point that is not finite or has the wrong length, a derivative asked where there is
 * none. Unchecked, and an {@link IllegalArgumentException} (every one of them is an argument the caller passed), so code
 * written against this module alone can catch all of them with one clause.
 *
 * <p>Messages are in the caller's terms: they quote the formula as it was written, name the argument, builder setting,
 * neuron or coordinate at fault and say why in words; they never show the symbolic engine's internal form of an
 * expression. The stack trace is the calling thread's, even when the error was found by the symbolic engine's worker
 * thread; where the engine's own failure helps a bug report it is attached as the {@linkplain #getCause() cause}.
 *
 * <p>Subclasses: {@link InvalidFormulaException} (a kernel formula or a {@link FormulaChecker} formula),
 * {@link InvalidProblemException} (a {@link Problem.Builder} setting), {@link InvalidPointException} (a point given to
 * an {@link Objective}) and its subclass {@link NotDifferentiableException}. Other bad arguments (for example
 * {@code samples < 1} for the {@link FormulaChecker}, or an unknown kernel name) throw this class itself.
 */
public class LandscapeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public LandscapeException(String message) {
        super(message);
    }

    public LandscapeException(String message, Throwable cause) {
        super(message, cause);
    }
}
