package io.landscape.impl.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.landscape.api.DescentResult;
import io.landscape.api.DescentSettings;
import io.landscape.api.Landscape;
import io.landscape.api.Objective;
import io.landscape.api.PolishResult;
import io.landscape.api.Problem;

/**
 * The descent engine's pieces (stop rules, restart policy, update, Newton finish) on functions with known iterates,
 * and the api facades {@link Landscape#descend} / {@link Landscape#polish} against the engine itself.
 */
class DescentEngineTest {

    /** The first t with ‖∇f(x(t))‖ ≤ tol, from the closed form. */
    private static long firstBelow(Quadratic q, double[] x0, double eta, double tol) {
        for (long t = 0; ; t++) {
            double s = 0;
            for (int k = 0; k < 3; k++) {
                double g = q.lambda[k] * Math.pow(1 - eta * q.lambda[k], t) * x0[k];
                s += g * g;
            }
            if (Math.sqrt(s) <= tol) {
                return t;
            }
        }
    }

    @Test
    void facadeDescendsAGeneralFunctionToTheWholeGradientTolerance() {
        Quadratic q = new Quadratic();
        double[] x0 = {1.0, -2.0, 0.5};
        DescentResult r = Landscape.descend(q, x0, DescentSettings.defaults().withTolerance(1e-8));
        assertEquals(DescentResult.Stop.CONVERGED, r.stop());
        assertTrue(r.converged());
        assertTrue(r.gradientNorm() <= 1e-8);
        // the whole norm (block = dimension), at the step the closed form predicts (±1 for rounding at the edge)
        long expected = firstBelow(q, x0, 0.1, 1e-8);
        assertTrue(Math.abs(r.iterations() - expected) <= 1, r.iterations() + " vs " + expected);
        assertEquals(q.value(r.point()), r.value(), 0.0);
        assertArrayEquals(new double[] {1.0, -2.0, 0.5}, x0, 0.0); // not modified
    }

    @Test
    void divergenceHalvesTheStepByTheRestartPolicy() {
        Quadratic q = new Quadratic();
        // η = 1: |1 − 3η| = 2 diverges; η = 0.5: |1 − 1.5| = 0.5 and |1 − 0.05| < 1 converge
        DescentResult r = Landscape.descend(q, new double[] {1, 1, 1},
                DescentSettings.defaults().withStep(1.0).withTolerance(1e-6));
        assertEquals(DescentResult.Stop.CONVERGED, r.stop());
        assertEquals(1, r.restarts());
        assertEquals(0.5, r.step(), 0.0);
        assertTrue(r.totalIterations() > r.iterations());
        assertEquals(0.25, RestartPolicy.HALVING.nextStep(0.5), 0.0);
        assertTrue(RestartPolicy.HALVING.exhausted(GradientDescent.MAX_RESTARTS + 1, 0, 10));
        assertTrue(RestartPolicy.HALVING.exhausted(0, 10, 10));
        assertTrue(!RestartPolicy.HALVING.exhausted(GradientDescent.MAX_RESTARTS, 9, 10));
        assertThrows(IllegalArgumentException.class, () -> new RestartPolicy(1.0, 3));
    }

    @Test
    void stepCapAndNewtonFinishOnAGeneralFunction() {
        Quadratic q = new Quadratic();
        DescentResult capped = Landscape.descend(q, new double[] {1, 1, 1},
                DescentSettings.defaults().withMaxSteps(5));
        assertEquals(DescentResult.Stop.MAX_STEPS, capped.stop());
        assertEquals(5, capped.totalIterations());
        // x(5) = (1 − ηλ)^5 x(0)
        assertEquals(Math.pow(0.9, 5), capped.point()[0], 1e-15);
        // a quadratic: once the gradient is below 10⁻⁴ one Newton step lands on the minimum
        DescentResult newton = Landscape.descend(q, new double[] {1, 1, 1},
                DescentSettings.defaults().withNewtonFinish(true));
        assertEquals(DescentResult.Stop.NEWTON, newton.stop());
        assertTrue(newton.newtonSteps() >= 1 && newton.gradientNorm() <= 1e-9);
        DescentResult plain = Landscape.descend(q, new double[] {1, 1, 1}, DescentSettings.defaults());
        assertTrue(newton.totalIterations() < plain.totalIterations());
        assertThrows(IllegalArgumentException.class, () -> Landscape.descend(
                new io.landscape.api.function.DifferentiableFunction() {
                    @Override
                    public int dimension() {
                        return 1;
                    }

                    @Override
                    public double value(double[] x) {
                        return x[0] * x[0];
                    }

                    @Override
                    public double valueAndGradient(double[] x, double[] g) {
                        g[0] = 2 * x[0];
                        return value(x);
                    }
                }, new double[] {1}, DescentSettings.defaults().withNewtonFinish(true)));
        assertThrows(IllegalArgumentException.class, () -> Landscape.descend(q, new double[2],
                DescentSettings.defaults()));
    }

    @Test
    void facadeOnAnObjectiveIsThePapersLoopBitForBit() {
        Problem p = Problem.identityTeacher(3, 3, 3);
        Objective f = Landscape.objective(p);
        double[] x0 = {0.9, 0.2, -0.1, 0.1, 0.8, 0.3, -0.2, 0.1, 1.1};
        GradientDescent.Result engine = new GradientDescent(f, 3).run(x0,
                GradientDescent.Settings.plain().withTol(1e-7));
        DescentResult facade = Landscape.descend(Landscape.objective(p), x0,
                DescentSettings.defaults().withTolerance(1e-7));
        assertArrayEquals(engine.point(), facade.point(), 0.0);
        assertEquals(engine.value(), facade.value(), 0.0);
        assertEquals(engine.totalIterations(), facade.totalIterations());
        assertEquals(engine.maxNeuronGradient(), facade.gradientNorm(), 0.0);
        assertTrue(facade.gradientNorm() <= 1e-7);
        // the network constructor uses the neurons as blocks
        GradientDescent.Result network = new GradientDescent(f).run(x0, GradientDescent.Settings.plain().withTol(1e-7));
        assertArrayEquals(engine.point(), network.point(), 0.0);
    }

    @Test
    void polishFacadeOnObjectiveAndOperatorOnlyFunction() {
        Problem p = Problem.identityTeacher(3, 3, 3);
        double[] x0 = {0.9, 0.2, -0.1, 0.1, 0.8, 0.3, -0.2, 0.1, 1.1};
        DescentResult near = Landscape.descend(Landscape.objective(p), x0, DescentSettings.defaults()
                .withTolerance(1e-4));
        PolishResult viaFacade = Landscape.polish(Landscape.objective(p), near.point(), 30, 0.0);
        NewtonPolish.Result direct = NewtonPolish.polish(Landscape.objective(p), near.point(), 30, 0.0);
        assertArrayEquals(direct.point(), viaFacade.point(), 0.0);
        assertEquals(direct.steps(), viaFacade.steps());
        assertTrue(viaFacade.gradientNorm() < 1e-12, "" + viaFacade.gradientNorm());
        // a function with only a Hessian operator: one Newton step solves a quadratic
        PolishResult q = Landscape.polish(new Quadratic(), new double[] {1, -1, 2}, 5, 0.0);
        assertArrayEquals(new double[3], q.point(), 1e-15);
        assertTrue(q.steps() >= 1);
        assertThrows(IllegalArgumentException.class, () -> Landscape.polish(new Quadratic(), new double[2], 5, 0));
    }

    @Test
    void stopRulesComposeInOrder() {
        DescentMonitor m = new DescentMonitor(StopRule.never(), null, 3, 1);
        StopRule div = StopRule.divergence(10);
        StopRule tol = StopRule.gradientTolerance(1e-3);
        StopRule both = StopRule.anyOf(div, tol);
        m.observe(1.0, 1e-4, 100); // both would fire: the first in order wins
        assertEquals(GradientDescent.Stop.DIVERGED, both.test(m));
        assertEquals(GradientDescent.Stop.CONVERGED, StopRule.anyOf(tol, div).test(m));
        m.observe(1.0, 1.0, 1.0);
        assertNull(both.test(m));
        m.observe(Double.NaN, 1.0, 1.0);
        assertEquals(GradientDescent.Stop.DIVERGED, div.test(m));
        assertNull(StopRule.anyOf().test(m));
        // the global threshold waits for the monotone window after an ascent
        DescentMonitor w = new DescentMonitor(StopRule.globalThreshold(1e-3), null, 1_000_000, 1);
        assertEquals(DescentMonitor.Action.BELOW_THRESHOLD, w.observe(1e-4, 1, 1));
        DescentMonitor up = new DescentMonitor(StopRule.globalThreshold(1e-3), null, 1_000_000, 1);
        assertEquals(DescentMonitor.Action.STEP, up.observe(2e-3, 1, 1));
        up.stepped();
        assertEquals(DescentMonitor.Action.STEP, up.observe(1e-2, 1, 1)); // an ascent: the window starts again
        for (int i = 1; i < GradientDescent.MONOTONE_WINDOW; i++) {
            up.stepped();
            assertEquals(DescentMonitor.Action.STEP, up.observe(5e-4, 1, 1), "step " + i);
        }
        up.stepped();
        assertEquals(DescentMonitor.Action.BELOW_THRESHOLD, up.observe(5e-4, 1, 1));
        // the budget is checked last
        DescentMonitor b = new DescentMonitor(StopRule.never(), null, 1, 1);
        assertEquals(DescentMonitor.Action.STEP, b.observe(1, 1, 1));
        b.stepped();
        assertEquals(DescentMonitor.Action.MAX_STEPS, b.observe(1, 1, 1));
    }

    @Test
    void fixedUpdateIsTheGradientStep() {
        double[] x = {1, 2};
        UpdateStep.FIXED.apply(x, new double[] {10, -10}, 0.1);
        assertArrayEquals(new double[] {0.0, 3.0}, x, 0.0);
    }
}
