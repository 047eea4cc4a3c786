package io.landscape.impl.optim;

import java.util.Arrays;

import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

import io.landscape.api.function.DifferentiableFunction;

/**
 * Gradient flow dx/dt = −∇f(x), integrated with Hipparchus' adaptive Dormand–Prince 8(5,3) integrator; f and the
 * state are reported at the requested times, which the integrator hits exactly (it is run from one requested time to
 * the next, so no reported state comes from dense-output interpolation).
 *
 * <p>Tolerances are per component: |error| ≤ absoluteTolerance + relativeTolerance·|x|. Near a degenerate
 * minimum the slow directions are tiny (θ ~ t⁻¹), so the default absolute tolerance is small (10⁻¹⁶, relative 10⁻¹³).
 */
public final class GradientFlow implements java.io.Serializable {
    private static final long serialVersionUID = 1L;


    /** Receives the state at a requested time. {@code x} is a fresh array owned by the observer. */
    @FunctionalInterface
    public interface Observer {
        void observe(int index, double time, double value, double[] x);
    }

    /** What the integration cost. */
    public record Stats(int gradientEvaluations, double finalTime) {
    }

    public static final double DEFAULT_ABSOLUTE_TOLERANCE = 1e-16;
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-13;

    private final double absoluteTolerance;
    private final double relativeTolerance;
    private final double maxStep;

    public GradientFlow() {
        this(DEFAULT_ABSOLUTE_TOLERANCE, DEFAULT_RELATIVE_TOLERANCE, Double.POSITIVE_INFINITY);
    }

    /**
     * @param absoluteTolerance per-component absolute error bound of one step (&gt; 0)
     * @param relativeTolerance per-component relative error bound of one step (≥ 0)
     * @param maxStep           largest step the integrator may take (&gt; 0; infinity for none)
     */
    public GradientFlow(double absoluteTolerance, double relativeTolerance, double maxStep) {
        if (!(absoluteTolerance > 0) || !(relativeTolerance >= 0) || !(maxStep > 0)) {
            throw new IllegalArgumentException("tolerances: need absolute > 0, relative ≥ 0, max step > 0; got "
                    + absoluteTolerance + ", " + relativeTolerance + ", " + maxStep);
        }
        this.absoluteTolerance = absoluteTolerance;
        this.relativeTolerance = relativeTolerance;
        this.maxStep = maxStep;
    }

    /**
     * Integrates from x(0) = {@code x0} to the last of {@code times} (strictly increasing, ≥ 0) and reports f at each.
     *
     * @param x0 start, not modified
     */
    public Stats integrate(DifferentiableFunction f, double[] x0, double[] times, Observer observer) {
        int m = f.dimension();
        if (x0.length != m) {
            throw new IllegalArgumentException("start point: dimensions mismatch: " + x0.length + " != " + m);
        }
        for (int i = 0; i < times.length; i++) {
            if (!(times[i] >= 0) || (i > 0 && !(times[i] > times[i - 1])) || !Double.isFinite(times[i])) {
                throw new IllegalArgumentException("times must be finite, non-negative and strictly increasing, got "
                        + Arrays.toString(times));
            }
        }
        int[] evaluations = {0};
        int start = 0;
        while (start < times.length && times[start] == 0) {
            observer.observe(start, 0.0, f.value(x0), x0.clone());
            start++;
        }
        if (start == times.length) {
            return new Stats(0, 0.0);
        }
        double end = times[times.length - 1];
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return m;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] dy = new double[m];
                f.valueAndGradient(y, dy);
                for (int k = 0; k < m; k++) {
                    dy[k] = -dy[k];
                }
                evaluations[0]++;
                return dy;
            }
        };
        double minStep = 1e-12 * Math.max(1.0, end);
        ODEIntegrator integrator = new DormandPrince853Integrator(minStep, Math.min(maxStep, end),
                absoluteTolerance, relativeTolerance);
        // Integrate grid segment by grid segment: every recorded state is a step end, not a dense-output
        // interpolation (whose error, with the very long steps taken once the flow has converged, would dominate
        // losses below ~1e-20).
        ODEState state = new ODEState(0.0, x0.clone());
        ODEStateAndDerivative last = null;
        for (int i = start; i < times.length; i++) {
            last = integrator.integrate(ode, state, times[i]);
            double[] y = last.getPrimaryState().clone();
            observer.observe(i, times[i], f.value(y), y);
            state = new ODEState(last.getTime(), last.getPrimaryState());
        }
        return new Stats(evaluations[0], last.getTime());
    }
}
