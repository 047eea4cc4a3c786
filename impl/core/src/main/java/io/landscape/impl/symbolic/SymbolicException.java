package io.landscape.impl.symbolic;

/** A symbolic step failed or produced a result that cannot be used (unevaluated, $Failed, infinite, …). */
public class SymbolicException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SymbolicException(String message) {
        super(message);
    }

    public SymbolicException(String message, Throwable cause) {
        super(message, cause);
    }
}
