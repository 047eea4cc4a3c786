package io.landscape.impl.experiment.basin;

import java.util.SplittableRandom;

/**
 * One probability curve of the reproduction: a statement, its widths, the event checked in one trial (a pure function
 * of the trial's random source, so results do not depend on scheduling) and the paper's bound.
 */
interface Curve {
    String statement();

    String variant();

    int[] widths();

    int dimension();

    int examples();

    /** Whether the event holds for one initialisation at width n drawn from {@code rnd}. */
    boolean trial(int n, SplittableRandom rnd);

    /** The event's threshold at width n (NaN when the event has none). */
    double threshold(int n);

    /** The paper's bound on P[event] at width n. */
    double bound(int n);

    default boolean upperBound() {
        return false;
    }

    /** The exact probability when known in closed form, else NaN. */
    default double exact(int n) {
        return Double.NaN;
    }
}
