package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;

import io.landscape.api.Landscape;
import io.landscape.api.NotDifferentiableException;
import io.landscape.api.Objective;
import io.landscape.api.Points;
import io.landscape.api.Problem;
import io.landscape.impl.certify.DfpReference;

/**
 * Finite points at the edges of the double range (issue: a neuron of norm 10⁻¹⁷⁰ was "the zero vector" because its
 * squared norm underflows; norms of 10¹⁵⁵ or entries of 10³⁰⁸ ended in NaN and an ArithmeticException): evaluated
 * correctly against 40-digit references ({@link DfpReference}), or refused with an exception naming the neuron.
 */
class ExtremeInputsTest {
    private static final double[][] TEACHER3 = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    private static final double[] ONES3 = {1, 1, 1};

    private static Objective identity(int k, int n) {
        return Landscape.objective(Problem.identityTeacher(k, k, n));
    }

    /** Neurons (rows) of a k = 3 point: w1 = s·(0.6, −0.8, 0.3), w2, w3 generic. */
    private static double[] point(double s) {
        return Points.flatten(new double[][] {{0.6 * s, -0.8 * s, 0.3 * s}, {0.9, 0.2, -0.4}, {-0.3, 0.5, 1.1}});
    }

    /**
     * Value and gradient of f at x against the 40-digit reference: value to 4e-15 relative (the accuracy of any point of
     * this size, see ObjectiveAccuracyTest), gradient to 1e-14 of its scale.
     */
    private static void matchesReference(String what, Objective f, DfpReference ref, double[] x) {
        Dfp exact = ref.value(x);
        double[] g = new double[x.length];
        double value = f.valueAndGradient(x, g);
        assertEquals(value, f.value(x), 0.0, what);
        double rel = Math.abs(exact.subtract(DfpReference.FIELD.newDfp(value)).divide(exact).toDouble());
        assertTrue(rel <= 4e-15, what + ": F = " + value + ", reference " + exact + ", relative error "
                + rel);
        Dfp[] grad = ref.gradient(x);
        double scale = 0;
        for (Dfp e : grad) {
            scale = Math.max(scale, Math.abs(e.toDouble()));
        }
        for (int q = 0; q < x.length; q++) {
            double expected = grad[q].toDouble();
            assertEquals(expected, g[q], 1e-14 * scale, what + ": gradient entry " + q);
        }
    }

    @Test
    void aNeuronOfNorm1e170IsNotTheZeroVector() {
        double[] x = point(1e-170);
        assertEquals(0.0, x[0] * x[0] + x[1] * x[1] + x[2] * x[2], 0.0, "the squared norm underflows");
        Objective f = identity(3, 3);
        matchesReference("‖w1‖ ≈ 1e-170", f, new DfpReference(TEACHER3, ONES3, ONES3, 1.0), x);
        // the gradient is O(1) on the tiny neuron too, and (up to terms of order 1e-100) that of the same direction
        // at norm 1e-100, which the fast path evaluates
        double[] g = f.gradient().evaluate(x);
        double[] g100 = f.gradient().evaluate(point(1e-100));
        assertTrue(Math.abs(g[0]) + Math.abs(g[1]) + Math.abs(g[2]) > 0.1, "∇_1 is O(1)");
        for (int q = 0; q < g.length; q++) {
            assertEquals(g100[q], g[q], 1e-15, "entry " + q);
        }
    }

    @Test
    void twoTinyNeuronsWhoseDotProductUnderflows() {
        double[] x = Points.flatten(new double[][] {{0.6e-170, -0.8e-170, 0.3e-170}, {0.1e-200, 0.7e-200, -0.2e-200},
                {-0.3, 0.5, 1.1}});
        matchesReference("‖w1‖ ≈ 1e-170, ‖w2‖ ≈ 1e-200", identity(3, 3), new DfpReference(TEACHER3, ONES3, ONES3, 1.0), x);
    }

    @Test
    void aTinyTeacherNeuron() {
        double[][] v = {{1e-170, 2e-170, 0}, {0, 1, 0.5}};
        Objective f = Landscape.objective(Problem.builder().teacher(v).students(3).build());
        matchesReference("‖v1‖ ≈ 2e-170", f, new DfpReference(v, ONES3, new double[] {1, 1}, 1.0), point(1.0));
    }

    @Test
    void aNeuronOfNorm1e150StillHasARepresentableF() {
        // ‖w1‖² ≈ 1.1e300 is above the fast path's range; F ≈ ¼‖w1‖² is representable
        double[] x = point(1e150);
        matchesReference("‖w1‖ ≈ 1e150", identity(3, 3), new DfpReference(TEACHER3, ONES3, ONES3, 1.0), x);
    }

    @Test
    void theHessianAtATinyNeuronMatchesDifferencesOfTheGradient() {
        double[] x = point(1e-170);
        Objective f = identity(3, 3);
        double[] h = f.hessian().evaluate(x);
        int m = x.length;
        for (int col = 0; col < m; col++) {
            double step = (col < 3 ? 1e-178 : 1e-8);
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[col] += step;
            xm[col] -= step;
            double[] gp = f.gradient().evaluate(xp);
            double[] gm = f.gradient().evaluate(xm);
            // a step of 1e-178 changes the other neurons' gradients by ~1e-178, below their rounding: those entries
            // are checked through the symmetric ones (columns of the other neurons, rows of the tiny one)
            for (int row = 0; row < (col < 3 ? 3 : m); row++) {
                double fd = (gp[row] - gm[row]) / (2 * step);
                double hv = h[row * m + col];
                assertTrue(Double.isFinite(hv));
                assertEquals(fd, hv, 1e-5 * Math.max(1.0, Math.abs(fd)), "H[" + row + "][" + col + "]");
            }
        }
        for (int row = 0; row < m; row++) {
            for (int col = 0; col < row; col++) {
                assertEquals(h[col * m + row], h[row * m + col], 0.0, "symmetric");
            }
        }
        // the tiny neuron's diagonal block grows like 1/‖w1‖, as it should
        assertTrue(Math.abs(h[0]) > 1e160, "H_11 ~ 1/‖w1‖: " + h[0]);
    }

    @Test
    void overflowNamesTheNeuronInsteadOfNaN() {
        Objective f = identity(3, 3);
        double[] x = point(1e155);
        for (Runnable call : new Runnable[] {() -> f.value(x), () -> f.valueAndGradient(x, new double[9])}) {
            NonFiniteObjectiveException e = assertThrows(NonFiniteObjectiveException.class, call::run);
            assertEquals(0, e.neuron());
            assertTrue(e.getMessage().startsWith("student neuron 1 has norm 1.044"), e.getMessage());
            assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
        }
        // the gradient alone does not need F: it is representable there (~‖w‖/2) and evaluated correctly
        double[] grad = f.gradient().evaluate(x);
        Dfp[] exact = new DfpReference(TEACHER3, ONES3, ONES3, 1.0).gradient(x);
        for (int q = 0; q < 9; q++) {
            assertEquals(exact[q].toDouble(), grad[q], 1e-14 * 0.6e155, "gradient entry " + q);
        }
        // the points: [[1e308, 0], [0, 1]] and a neuron whose norm itself overflows
        Objective g = identity(2, 2);
        NonFiniteObjectiveException e = assertThrows(NonFiniteObjectiveException.class,
                () -> g.valueAndGradient(new double[] {1e308, 0, 0, 1}, new double[4]));
        assertEquals(0, e.neuron());
        assertTrue(e.getMessage().startsWith("student neuron 1 has norm 1.0E308"), e.getMessage());
        e = assertThrows(NonFiniteObjectiveException.class, () -> g.value(new double[] {0, 1, 1.7e308, 1.7e308}));
        assertEquals(1, e.neuron());
        assertTrue(e.getMessage().startsWith("student neuron 2 has norm Infinity"), e.getMessage());
        // the objective is still usable afterwards
        assertEquals(0.0, g.value(new double[] {1, 0, 0, 1}), 1e-15);
    }

    @Test
    void aSubnormalNeuronHasAValueButNoGradient() {
        Objective f = identity(3, 3);
        double[] x = point(1e-320);
        double[] zeroed = point(0.0);
        assertEquals(f.value(zeroed), f.value(x), Math.ulp(f.value(zeroed)), "its terms are ~1e-320");
        NonFiniteObjectiveException e = assertThrows(NonFiniteObjectiveException.class,
                () -> f.gradient().evaluate(x));
        assertEquals(0, e.neuron());
        assertTrue(e.getMessage().contains("student neuron 1 has norm") && e.getMessage().contains("smallest normal"),
                e.getMessage());
        // an exact zero neuron stays what it was: value defined, derivatives refused as not differentiable
        assertThrows(NotDifferentiableException.class, () -> f.gradient().evaluate(zeroed));
        assertThrows(NotDifferentiableException.class, () -> f.hessian().evaluate(zeroed));
    }

    @Test
    void nanAndInfiniteCoordinatesAreNamed() {
        Objective f = identity(3, 3);
        double[] x = point(1.0);
        x[5] = Double.NaN;
        io.landscape.api.InvalidPointException e =
                assertThrows(io.landscape.api.InvalidPointException.class, () -> f.value(x));
        assertEquals("the point's entry x[5] (student neuron 2, coordinate 3) is NaN: F is defined only at finite "
                + "points", e.getMessage());
        assertEquals(1, e.neuron());
        assertEquals(2, e.coordinate());
        x[5] = Double.NEGATIVE_INFINITY;
        e = assertThrows(io.landscape.api.InvalidPointException.class, () -> f.hessian().evaluate(x));
        assertTrue(e.getMessage().startsWith("the point's entry x[5] (student neuron 2, coordinate 3) is -Infinity"),
                e.getMessage());
    }
}
