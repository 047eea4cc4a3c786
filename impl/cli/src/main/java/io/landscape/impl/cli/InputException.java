package io.landscape.impl.cli;

/** Bad user input: the message names the file, line or argument and what is wrong; printed without a stack trace. */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
