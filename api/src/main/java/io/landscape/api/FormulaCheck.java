package io.landscape.api;

/**
 * Outcome of checking a hand-written formula against a symbolic derivation.
 *
 * @param holds           whether the formula was confirmed
 * @param method          how: {@link Method#SYMBOLIC} when Symja simplified the difference to exactly 0, otherwise
 *                        {@link Method#NUMERIC} (agreement at {@code points} random points)
 * @param points          random points evaluated (0 for a purely symbolic proof)
 * @param maxDiscrepancy  largest relative discrepancy seen at the random points (0 for a symbolic proof)
 * @param detail          a human-readable account, naming the first failing component and point if any
 */
public record FormulaCheck(boolean holds, Method method, int points, double maxDiscrepancy, String detail) {
    public enum Method { SYMBOLIC, NUMERIC }
}
