package io.landscape.impl.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.landscape.impl.objective.SingleTeacherLoss;

/** {@link GradientFlow} and {@link RecordedGradientDescent} on problems with known solutions. */
class GradientFlowTest {

    @Test
    void flowOfAQuadraticIsExponential() {
        Quadratic q = new Quadratic();
        double[] x0 = {1.0, -2.0, 0.5};
        double[] times = {0.0, 0.5, 1.0, 7.25, 20.0};
        int[] seen = {0};
        GradientFlow.Stats stats = new GradientFlow().integrate(q, x0, times, (index, t, value, x) -> {
            assertEquals(times[index], t, 0.0);
            for (int k = 0; k < 3; k++) {
                double exact = x0[k] * Math.exp(-q.lambda[k] * t);
                assertEquals(exact, x[k], 1e-12 * Math.abs(x0[k]) + 1e-15, "x_" + k + "(" + t + ")");
            }
            assertEquals(q.value(x), value, 0.0);
            seen[0]++;
        });
        assertEquals(times.length, seen[0]);
        assertEquals(20.0, stats.finalTime(), 0.0);
        assertTrue(stats.gradientEvaluations() > 0);
    }

    @Test
    void descentOfAQuadraticIsGeometric() {
        Quadratic q = new Quadratic();
        double[] x0 = {1.0, -2.0, 0.5};
        double eta = 0.1;
        long[] steps = {0, 1, 10, 100};
        double[] last = RecordedGradientDescent.run(q, x0, eta, steps, (index, step, value, x) -> {
            for (int k = 0; k < 3; k++) {
                assertEquals(x0[k] * Math.pow(1 - eta * q.lambda[k], step), x[k], 1e-14, "x_" + k + " at " + step);
            }
        });
        assertEquals(x0[1] * Math.pow(0.99, 100), last[1], 1e-14);
    }

    /** GD with step η approaches the flow at the same time t = ηT as η → 0 (error O(η)). */
    @Test
    void descentApproachesTheFlowAsTheStepShrinks() {
        double[] v = {1, 0, 0, 0};
        SingleTeacherLoss loss = new SingleTeacherLoss(v, 2);
        double[] x0 = {0.1, 0.2, -0.1, 0.05, -0.05, 0.1, 0.2, -0.1};
        double time = 5.0;
        double[] flowLoss = new double[1];
        new GradientFlow().integrate(loss, x0, new double[] {time}, (i, t, value, x) -> flowLoss[0] = value);
        double previous = Double.POSITIVE_INFINITY;
        for (double eta : new double[] {0.05, 0.005, 0.0005}) {
            long steps = Math.round(time / eta);
            double[] gdLoss = new double[1];
            RecordedGradientDescent.run(loss, x0, eta, new long[] {steps}, (i, s, value, x) -> gdLoss[0] = value);
            double err = Math.abs(gdLoss[0] - flowLoss[0]) / flowLoss[0];
            assertTrue(err < previous / 5, "η = " + eta + ": relative gap " + err + " after " + previous);
            previous = err;
        }
        assertTrue(previous < 1e-3, "gap at η = 5e-4: " + previous);
    }

    @Test
    void rejectsBadInput() {
        Quadratic q = new Quadratic();
        assertThrows(IllegalArgumentException.class, () -> new GradientFlow(0, 1e-9, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new GradientFlow().integrate(q, new double[3], new double[] {1, 1}, (i, t, v, x) -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> RecordedGradientDescent.run(q, new double[3], -1, new long[] {1}, (i, s, v, x) -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> RecordedGradientDescent.run(q, new double[3], 0.1, new long[] {3, 2}, (i, s, v, x) -> { }));
    }
}
