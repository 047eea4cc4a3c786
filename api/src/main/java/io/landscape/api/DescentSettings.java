package io.landscape.api;

/**
 * Settings of {@link Landscape#descend}: fixed-step gradient descent x ← x − η∇f(x) from an initial point, restarted
 * from it with the step halved whenever a run diverges (a non-finite value or ‖∇f‖ &gt; 10⁴), until the gradient
 * tolerance or the step cap.
 *
 * @param step         the initial step size η (positive, finite)
 * @param tolerance    stop once the gradient norm is ≤ this; for a {@link io.landscape.api.function.NetworkObjective}
 *                     with fixed output weights the largest per-neuron norm max_i ‖∇_{w_i}f‖, otherwise ‖∇f‖
 * @param maxSteps     cap on gradient steps, summed over restarts (≥ 1)
 * @param newtonFinish once the gradient is small (10⁻⁴), try Newton steps to the tolerance, accepted only where the
 *                     Hessian stays positive definite and the point moves by at most 10⁻², so the run ends where
 *                     gradient descent would (needs a {@link io.landscape.api.function.TwiceDifferentiableFunction};
 *                     functions of more than 600 parameters, where a factorisation costs more than the remaining
 *                     steps, simply continue by gradient steps)
 */
public record DescentSettings(double step, double tolerance, long maxSteps, boolean newtonFinish) {
    public DescentSettings {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("step: must be positive and finite, got " + step);
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance: must be positive and finite, got " + tolerance);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps: must be at least 1, got " + maxSteps);
        }
    }

    /** Paper 002's loop: η = 0.1, tolerance 10⁻⁹, at most 10⁷ steps, no Newton finish. */
    public static DescentSettings defaults() {
        return new DescentSettings(0.1, 1e-9, 10_000_000L, false);
    }

    public DescentSettings withStep(double eta) {
        return new DescentSettings(eta, tolerance, maxSteps, newtonFinish);
    }

    public DescentSettings withTolerance(double t) {
        return new DescentSettings(step, t, maxSteps, newtonFinish);
    }

    public DescentSettings withMaxSteps(long n) {
        return new DescentSettings(step, tolerance, n, newtonFinish);
    }

    public DescentSettings withNewtonFinish(boolean on) {
        return new DescentSettings(step, tolerance, maxSteps, on);
    }
}
