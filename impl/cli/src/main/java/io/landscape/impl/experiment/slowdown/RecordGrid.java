package io.landscape.impl.experiment.slowdown;

import java.util.TreeSet;

/** The steps at which the curves are recorded: log-spaced in T, plus 1000, 10 000, 100 000 and T itself. */
public final class RecordGrid {
    /** Steps always recorded when ≤ T (the {@code lossAt} keys of the summary). */
    public static final long[] MILESTONES = {1_000L, 10_000L, 100_000L};

    private RecordGrid() {
    }

    /** Strictly increasing steps in [1, steps]: ~{@code perDecade} per decade, the milestones ≤ steps, and steps. */
    public static long[] steps(long steps, int perDecade) {
        if (steps < 1 || perDecade < 1) {
            throw new IllegalArgumentException("need steps ≥ 1 and perDecade ≥ 1, got " + steps + ", " + perDecade);
        }
        TreeSet<Long> grid = new TreeSet<>();
        double top = Math.log10(steps);
        int count = (int) Math.ceil(top * perDecade);
        for (int i = 0; i <= count; i++) {
            long t = Math.round(Math.pow(10.0, Math.min(top, i / (double) perDecade)));
            grid.add(Math.max(1L, Math.min(steps, t)));
        }
        for (long m : MILESTONES) {
            if (m <= steps) {
                grid.add(m);
            }
        }
        grid.add(steps);
        return grid.stream().mapToLong(Long::longValue).toArray();
    }

    /** The milestones ≤ steps followed by steps itself (deduplicated), in increasing order. */
    public static long[] milestones(long steps) {
        TreeSet<Long> m = new TreeSet<>();
        for (long t : MILESTONES) {
            if (t <= steps) {
                m.add(t);
            }
        }
        m.add(steps);
        return m.stream().mapToLong(Long::longValue).toArray();
    }
}
