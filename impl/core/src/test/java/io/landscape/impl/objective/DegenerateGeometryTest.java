package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.landscape.api.Landscape;
import io.landscape.api.NotDifferentiableException;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.TestSupport;

/** Angles 0 and π between neurons (paper 000 Lemma 2 and App. A limits) and zero neurons. */
class DegenerateGeometryTest {

    private static final double INV_2PI = 1 / (2 * Math.PI);

    @Test
    void parallelAndAntiparallelNeuronsUseTheLimits() {
        // w1 = 2 u, w2 = 0.5 u (θ = 0), w3 = −u (θ = π to both), teacher e1, e2 in R^3
        double[] u = {0.6, 0.0, 0.8};
        double[] x = {1.2, 0, 1.6, 0.3, 0, 0.4, -0.6, 0, -0.8};
        Problem p = Problem.builder().teacher(new double[][] {{1, 0, 0}, {0, 1, 0}}).students(3).build();
        Objective f = Landscape.objective(p);
        double[] h = f.hessian().evaluate(x);
        int m = 9;
        // off-diagonal block (1,2): h2 → ½ I (Lemma 2); block (1,3): h2 → 0 (θ = π)
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertEquals(a == b ? 0.5 : 0.0, h[a * m + 3 + b], 1e-15, "h2 at θ=0");
                assertEquals(0.0, h[a * m + 6 + b], 1e-15, "h2 at θ=π");
            }
        }
        // the Hessian is continuous there (paper 000 Lemma 1): compare with a nearby generic point
        Random rnd = new Random(5);
        for (int trial = 0; trial < 5; trial++) {
            double eps = 1e-7;
            double[] y = x.clone();
            for (int q = 0; q < m; q++) {
                y[q] += eps * rnd.nextGaussian();
            }
            double[] hy = f.hessian().evaluate(y);
            for (int q = 0; q < m * m; q++) {
                assertEquals(h[q], hy[q], 1e-5, "continuity at entry " + q);
            }
        }
        assertTrue(Double.isFinite(f.value(x)));
        for (double gq : f.gradient().evaluate(x)) {
            assertTrue(Double.isFinite(gq));
        }
        // h1 vanishes for parallel pairs: H_11 = ½I − h1(w1, e1) − h1(w1, e2) + 0 (w2, w3 parallel to w1)
        double[] h11 = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                h11[a * 3 + b] = h[a * m + b];
            }
        }
        double[] expected = new double[9];
        for (int a = 0; a < 3; a++) {
            expected[a * 3 + a] = 0.5;
        }
        double r = 2.0;
        double[] wbar = u;
        for (double[] v : new double[][] {{1, 0, 0}, {0, 1, 0}}) {
            double c = wbar[0] * v[0] + wbar[1] * v[1] + wbar[2] * v[2];
            double s = Math.sqrt(1 - c * c);
            double[] nb = new double[3];
            for (int q = 0; q < 3; q++) {
                nb[q] = (v[q] - c * wbar[q]) / s;
            }
            double coef = s * INV_2PI / r;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double id = a == b ? 1 : 0;
                    expected[a * 3 + b] -= coef * (id - wbar[a] * wbar[b] + nb[a] * nb[b]);
                }
            }
        }
        for (int q = 0; q < 9; q++) {
            assertEquals(expected[q], h11[q], 1e-14, "H_11 entry " + q);
        }
    }

    @Test
    void zeroNeuronHasAValueButNoDerivatives() {
        Problem p = Problem.identityTeacher(2, 2, 2);
        Objective f = Landscape.objective(p);
        double[] x = {0, 0, 0.5, 0.5};
        double value = f.value(x);
        // F with w1 = 0 equals F for the single neuron w2
        Objective f1 = Landscape.objective(Problem.identityTeacher(2, 2, 1));
        assertEquals(f1.value(new double[] {0.5, 0.5}), value, 1e-15);
        NotDifferentiableException e = assertThrows(NotDifferentiableException.class, () -> f.gradient().evaluate(x));
        assertEquals(0, e.neuron());
        assertTrue(e.getMessage().contains("student neuron 1 is the zero vector"), e.getMessage());
        assertThrows(NotDifferentiableException.class, () -> f.hessian().evaluate(x));
    }

    @Test
    void identicalStudentAndTeacherGiveExactZeros() {
        Random rnd = new Random(3);
        double[][] v = TestSupport.gaussian(rnd, 4, 4, 1.0);
        Problem p = Problem.builder().teacher(v).students(4).build();
        Objective f = Landscape.objective(p);
        double[] x = io.landscape.api.Points.flatten(v);
        assertEquals(0.0, f.value(x), 1e-14);
        assertEquals(0.0, TestSupport.maxAbs(f.gradient().evaluate(x)), 1e-14);
        assertTrue(TestSupport.lambdaMin(f.hessian().evaluate(x), 16) > 0);
    }
}
