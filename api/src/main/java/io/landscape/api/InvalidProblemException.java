package io.landscape.api;

/**
 * A {@link Problem} that cannot be built: a required setting was not given ({@code teacher(v)}, {@code students(n)}),
 * or a setting is inconsistent (ragged or empty teacher rows, non-finite entries, output weights of the wrong length).
 * The message names the builder setting, and the row or entry, at fault.
 */
public class InvalidProblemException extends LandscapeException {
    private static final long serialVersionUID = 1L;

    public InvalidProblemException(String message) {
        super(message);
    }
}
