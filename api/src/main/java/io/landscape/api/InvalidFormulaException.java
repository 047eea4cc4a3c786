package io.landscape.api;

/**
 * A formula that cannot be used: it does not parse, uses a variable or function that is not allowed, is not a real
 * number where it must be, is not symmetric or not positive semi-definite (kernels), or Symja cannot derive or the
 * compiler cannot translate what its derivatives need. Thrown by {@link Landscape#objective(Problem)} for a
 * {@link Kernel#formula(String, String) kernel formula} and by the {@link FormulaChecker} methods.
 *
 * <p>The message quotes the formula as the caller wrote it and gives the reason in words.
 */
public class InvalidFormulaException extends LandscapeException {
    private static final long serialVersionUID = 1L;
    private final String formula;

    /**
     * @param formula the formula as the caller wrote it
     * @param message the whole message (it should quote the formula)
     */
    public InvalidFormulaException(String formula, String message) {
        super(message);
        this.formula = formula;
    }

    public InvalidFormulaException(String formula, String message, Throwable cause) {
        super(message, cause);
        this.formula = formula;
    }

    /** The formula as the caller wrote it. */
    public String formula() {
        return formula;
    }
}
