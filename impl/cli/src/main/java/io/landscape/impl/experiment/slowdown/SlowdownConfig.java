package io.landscape.impl.experiment.slowdown;

import java.util.List;

/**
 * One slowdown experiment: for every n in {@code ns}, students started by {@code preset} learn the teacher v = e₁
 * in R^d with GD (step η, {@code steps} steps) and/or gradient flow up to time η·steps.
 *
 * @param pointsPerDecade density of the log-spaced recording grid in T
 */
public record SlowdownConfig(List<Integer> ns, int d, double sigma, double eta, long steps, long seed, Preset preset,
                             Dynamics dynamics, int pointsPerDecade) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_POINTS_PER_DECADE = 40;

    public SlowdownConfig {
        ns = List.copyOf(ns);
        String problem = problem(ns, d, sigma, eta, steps, preset);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (pointsPerDecade < 1) {
            throw new IllegalArgumentException("pointsPerDecade: need K ≥ 1, got " + pointsPerDecade);
        }
    }

    /** The first thing wrong with these parameters, or null: used to refuse bad input before any work. */
    public static String problem(List<Integer> ns, int d, double sigma, double eta, long steps, Preset preset) {
        if (ns == null || ns.isEmpty()) {
            return "--n: need at least one student count";
        }
        for (Integer n : ns) {
            if (n == null || n < 1) {
                return "--n: every student count must be ≥ 1, got " + n;
            }
        }
        if (ns.stream().distinct().count() != ns.size()) {
            return "--n: student counts must be distinct, got " + ns;
        }
        if (d < 1) {
            return "--d: need d ≥ 1, got " + d;
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            return "--sigma: need a positive finite σ, got " + sigma;
        }
        if (!(eta > 0) || !Double.isFinite(eta)) {
            return "--eta: need a positive finite step η, got " + eta;
        }
        if (steps < 1) {
            return "--steps: need T ≥ 1, got " + steps;
        }
        if (preset != null) {
            for (int n : ns) {
                String p = preset.unsupported(n);
                if (p != null) {
                    return "--n: " + p;
                }
            }
            String p = preset.unsupportedDimension(d);
            if (p != null) {
                return "--d: " + p;
            }
        }
        return null;
    }
}
