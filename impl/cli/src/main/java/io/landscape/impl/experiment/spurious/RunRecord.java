package io.landscape.impl.experiment.spurious;

import io.landscape.impl.optim.GradientDescent;

/**
 * One gradient-descent run of a (k, n) cell: its index and per-run seed, how it ended, and (for candidates only,
 * F ≥ 10⁻³) the end point as a flat n·k array (neuron i at {@code i*k .. i*k+k}).
 */
public record RunRecord(int k, int n, int run, long seed, long iterations, long totalIterations, int newtonSteps,
                        int restarts, double step, GradientDescent.Stop stop, double value, double maxNeuronGradient,
                        double seconds, double cpuSeconds, double[] point) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Runs whose end value is at least this are candidate spurious minima (paper 002 §3). */
    public static final double CANDIDATE_THRESHOLD = 1e-3;

    public boolean candidate() {
        return value >= CANDIDATE_THRESHOLD;
    }

    /** Ended at the gradient tolerance (by gradient steps or the Newton finish). */
    public boolean converged() {
        return stop == GradientDescent.Stop.CONVERGED || stop == GradientDescent.Stop.NEWTON;
    }

    static RunRecord of(int k, int n, int run, long seed, GradientDescent.Result r) {
        boolean cand = r.value() >= CANDIDATE_THRESHOLD || !Double.isFinite(r.value());
        return new RunRecord(k, n, run, seed, r.iterations(), r.totalIterations(), r.newtonSteps(), r.restarts(),
                r.step(), r.stop(), r.value(), r.maxNeuronGradient(), r.seconds(), r.cpuSeconds(), cand ? r.point() : null);
    }
}
