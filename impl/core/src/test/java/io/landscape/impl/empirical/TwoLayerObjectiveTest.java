package io.landscape.impl.empirical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import io.landscape.api.NotDifferentiableException;
import io.landscape.api.empirical.DataSet;
import io.landscape.api.empirical.Empirical;
import io.landscape.api.empirical.EmpiricalObjective;
import io.landscape.api.empirical.EmpiricalProblem;
import io.landscape.api.empirical.Loss;

class TwoLayerObjectiveTest {
    static EmpiricalProblem random(Loss loss, int m, int d, int n, boolean trainable, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[m][d];
        double[] y = new double[m];
        for (int t = 0; t < m; t++) {
            for (int j = 0; j < d; j++) {
                x[t][j] = Initialization.gaussian(rnd);
            }
            y[t] = loss == Loss.SQUARED ? Initialization.gaussian(rnd) : rnd.nextInt(2);
        }
        return new EmpiricalProblem(new DataSet(x, y), loss, n, trainable);
    }

    /** Central differences of the value (gradient) and of the gradient (Hessian) at random points. */
    @ParameterizedTest
    @EnumSource(Loss.class)
    void gradientAndHessianMatchFiniteDifferences(Loss loss) {
        for (boolean trainable : new boolean[] {true, false}) {
            EmpiricalProblem p = random(loss, 7, 3, 4, trainable, 3);
            EmpiricalObjective f = Empirical.objective(p);
            SplittableRandom rnd = new SplittableRandom(9);
            for (int trial = 0; trial < 5; trial++) {
                double[] w = Initialization.gaussian(1).twoLayer(rnd, 4, 3, trainable);
                int dim = f.dimension();
                double[] g = new double[dim];
                double value = f.valueAndGradient(w, g);
                assertEquals(f.value(w), value, 1e-15);
                double h = 1e-6;
                double[] hess = f.hessianAt(w).toDense();
                for (int a = 0; a < dim; a++) {
                    double[] plus = w.clone();
                    double[] minus = w.clone();
                    plus[a] += h;
                    minus[a] -= h;
                    double fd = (f.value(plus) - f.value(minus)) / (2 * h);
                    assertEquals(fd, g[a], 1e-7 * (1 + Math.abs(fd)), loss + " gradient entry " + a);
                    double[] gp = f.gradient(plus);
                    double[] gm = f.gradient(minus);
                    for (int c = 0; c < dim; c++) {
                        double fd2 = (gp[c] - gm[c]) / (2 * h);
                        assertEquals(fd2, hess[a * dim + c], 1e-6 * (1 + Math.abs(fd2)),
                                loss + " Hessian (" + a + ", " + c + ")");
                        assertEquals(hess[a * dim + c], hess[c * dim + a], 1e-14);
                    }
                }
                // block access agrees with the dense matrix
                double[] blk = new double[9];
                f.hessianAt(w).block(1, 2, blk);
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(hess[(3 + r) * dim + 6 + c], blk[r * 3 + c], 0.0);
                    }
                }
            }
        }
    }

    @Test
    void cellBoundaryIsNotDifferentiable() {
        DataSet s = new DataSet(new double[][] {{1, 0}, {0, 1}}, new double[] {1, 2});
        EmpiricalObjective f = new TwoLayerObjective(new EmpiricalProblem(s, Loss.SQUARED, 2));
        double[] w = {1, 1, 0, 1, 0.5, -0.5}; // neuron 1: <w_1, x_0> = 0
        assertTrue(Double.isFinite(f.value(w)));
        NotDifferentiableException e = assertThrows(NotDifferentiableException.class, () -> f.gradient(w));
        assertEquals(1, e.neuron());
        assertTrue(e.getMessage().contains("neuron 1") && e.getMessage().contains("example 0"), e.getMessage());
        assertThrows(NotDifferentiableException.class, () -> f.hessianAt(w));
    }

    @Test
    void valueIsTheAverageLossOfThePredictions() {
        DataSet s = new DataSet(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {1, 0, 1});
        double[] w = {1, -2, -1, 1, 0.5, -1.5}; // w_1 = (1, -2), w_2 = (-1, 1), v = (0.5, -1.5)
        // predictions: x0: 0.5·1 + 0 = 0.5; x1: 0 + (-1.5)·1 = -1.5; x2: 0 + 0 = 0
        double[] p = new double[3];
        double sq = new TwoLayerObjective(new EmpiricalProblem(s, Loss.SQUARED, 2)).predictions(w, p);
        assertEquals(0.5, p[0], 0);
        assertEquals(-1.5, p[1], 0);
        assertEquals(0.0, p[2], 0);
        assertEquals((0.25 + 2.25 + 1.0) / 3, sq, 1e-15);
        double ce = new TwoLayerObjective(new EmpiricalProblem(s, Loss.CROSS_ENTROPY, 2)).value(w);
        double expected = (Math.log1p(Math.exp(-0.5)) + Math.log1p(Math.exp(-1.5)) + Math.log(2)) / 3;
        assertEquals(expected, ce, 1e-15);
    }

    @Test
    void labelsOutOfRangeAreRejected() {
        DataSet s = new DataSet(new double[][] {{1}, {2}}, new double[] {0, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EmpiricalProblem(s, Loss.CROSS_ENTROPY, 1));
        assertTrue(e.getMessage().contains("example 1"), e.getMessage());
    }
}
