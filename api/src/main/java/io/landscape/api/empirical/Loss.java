package io.landscape.api.empirical;

import java.util.Locale;

/**
 * The loss ℓ(prediction, target) of paper 001 (convex in the prediction).
 * <ul>
 *   <li>{@link #SQUARED}: ℓ(p, y) = (p − y)², with no ½ (as in the paper);</li>
 *   <li>{@link #CROSS_ENTROPY}: softmax cross-entropy ℓ(p, j) = log Σ_c exp(p_c) − p_j for a label j and k output
 *       logits. A network with a <em>single</em> output (the two-layer networks of §4) is a binary classifier whose
 *       logits are (0, p): ℓ(p, 1) = log(1 + e^{−p}), ℓ(p, 0) = log(1 + e^{p}), labels 0 and 1.</li>
 * </ul>
 */
public enum Loss {
    SQUARED("squared"),
    CROSS_ENTROPY("cross-entropy");

    private final String cliName;

    Loss(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in JSON: {@code squared} or {@code cross-entropy}. */
    public String cliName() {
        return cliName;
    }

    /** Parses {@code squared} or {@code cross-entropy} (case-insensitive). */
    public static Loss parse(String name) {
        for (Loss l : values()) {
            if (l.cliName.equalsIgnoreCase(name.trim()) || l.name().equalsIgnoreCase(name.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + name + "' (expected squared or cross-entropy)");
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
