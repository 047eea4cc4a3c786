package io.landscape.api;

/**
 * Which constant multiplies the squared error in the population loss.
 *
 * <p>Safran &amp; Shamir 2018 (paper 002) and Xu &amp; Du (paper 003) minimise
 * {@code F = E[½(f_W(x) − f_V(x))²]}; Safran, Yehudai &amp; Shamir (paper 000) write
 * {@code E[(f_W(x) − f_V(x))²]} without the ½ but state every constant (for example
 * λ_min = ¼ − 1/(2π) at the global minimum) in the ½ convention. The two objectives differ by exactly a factor 2:
 * critical points, minima and saddles coincide; values, gradients and Hessians double.
 */
public enum Normalization {
    /** {@code F = E ½ (·)²}, the convention of papers 002 and 003 and of every published constant. The default. */
    HALF(1.0),
    /** {@code F = E (·)²}, the literal Eq. (1)–(2) of paper 000: exactly twice {@link #HALF}. */
    FULL(2.0);

    private final double factor;

    Normalization(double factor) {
        this.factor = factor;
    }

    /** The factor relative to {@link #HALF}: 1 for HALF, 2 for FULL. */
    public double factorRelativeToHalf() {
        return factor;
    }
}
