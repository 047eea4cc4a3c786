package io.landscape.impl.experiment.overparam;

import io.landscape.impl.optim.GradientDescent;

/**
 * One finished run of the minima census: cell k (n = d = k), which start it had ({@link Start}), its index and
 * per-run seed, how the descent ended, and where. {@code family} is the 1-based id of the symmetry class of its end
 * point within the cell ({@link #GLOBAL} for a run at a global minimum, {@link #NOT_A_MINIMUM} for a run that did
 * not converge or diverged); {@code point} (flat k·k, neuron i at {@code i*k .. i*k+k}) is kept only for the run that
 * founded its family, so the log stays small at k = 100.
 */
public record CensusRun(int k, Start start, int run, long seed, long iterations, int newtonSteps, int restarts,
                        GradientDescent.Stop stop, double value, double gradientNorm, double normSum, double seconds,
                        double cpuSeconds, int family, double[] point) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The family id of runs that ended at a global minimum (F ≈ 0). */
    public static final int GLOBAL = 0;
    /** The family id of runs that did not reach the gradient tolerance (step cap, divergence). */
    public static final int NOT_A_MINIMUM = -1;
    /**
     * A converged run at a non-global point whose family the driver has not assigned yet (it carries its end point);
     * never written to the log.
     */
    public static final int UNCLASSIFIED = -2;

    /** How a run was started. */
    public enum Start {
        /** Xavier: i.i.d. N(0, 1/k) entries (the paper's 500 runs per k). */
        XAVIER("xavier"),
        /**
         * A Xavier draw scaled along its ray so that Σ_i ‖w_i‖ = 2k² exactly (the paper's extra 100 runs "with norm
         * sum ≈ 2k²", whose construction it does not give; see {@link Census#start}).
         */
        NORM_SUM("normsum");

        private final String key;

        Start(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Start of(String key) {
            for (Start s : values()) {
                if (s.key.equals(key)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown start \"" + key + "\" (xavier or normsum)");
        }
    }

    public boolean global() {
        return family == GLOBAL;
    }
}
