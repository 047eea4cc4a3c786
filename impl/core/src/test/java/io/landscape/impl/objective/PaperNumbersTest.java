package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.landscape.api.Landscape;
import io.landscape.api.Objective;
import io.landscape.api.Points;
import io.landscape.api.Problem;
import io.landscape.impl.TestSupport;
import io.landscape.impl.optim.NewtonPolish;

/** Published numbers: paper 000 Thm 2 and paper 002 Examples 1 and 2. */
class PaperNumbersTest {

    /** Paper 000 Thm 2: at W = V = I_k (n = k), λ_min(∇²F) = ¼ − 1/(2π), attained; padding (d &gt; k) keeps it. */
    @ParameterizedTest(name = "k={0} d={1}")
    @CsvSource({"2,2", "3,3", "4,4", "6,6", "8,8", "3,5", "4,6", "6,8"})
    void lambdaMinAtGlobalMinimum(int k, int d) {
        Problem p = Problem.identityTeacher(k, d, k);
        Objective f = Landscape.objective(p);
        double[] x = Points.flatten(Problem.identity(k, d));
        assertEquals(0.0, f.value(x), 1e-15);
        assertEquals(0.0, TestSupport.maxAbs(f.gradient().evaluate(x)), 1e-15);
        double lambda = TestSupport.lambdaMin(f.hessian().evaluate(x), k * d);
        assertEquals(0.25 - 1 / (2 * Math.PI), lambda, 1e-13);
    }

    /** Paper 002 Example 1 (k = n = 6), first column reconstructed as in CATALOGUE §1.3.d / §3.2. */
    @Test
    void example1() {
        double[][] cols = new double[6][6];
        cols[0] = new double[] {-0.602, 0.225, 0.225, 0.225, 0.225, 0.225};
        for (int j = 1; j < 6; j++) {
            for (int r = 0; r < 6; r++) {
                cols[j][r] = r == 0 ? 0.308 : (r == j ? 0.987 : -0.050);
            }
        }
        check(6, 6, cols, 0.025081, 0.0047004);
    }

    /** Paper 002 Example 2 (k = 8, n = 9), from the printed rounded point. */
    @Test
    void example2() {
        double[][] cols = new double[9][8];
        for (int j = 0; j < 7; j++) {
            for (int r = 0; r < 7; r++) {
                cols[j][r] = r == j ? 0.99 : -0.03;
            }
            cols[j][7] = 0.23;
        }
        for (int r = 0; r < 7; r++) {
            cols[7][r] = 0.13;
            cols[8][r] = 0.07;
        }
        cols[7][7] = -0.19;
        cols[8][7] = -0.49;
        check(8, 9, cols, 0.020561, 0.0059446);
    }

    /** Neurons are the rows of {@code neurons}; a few GD steps bring the rounded point into Newton's basin. */
    private static void check(int k, int n, double[][] neurons, double value, double lambdaMin) {
        Problem p = Problem.identityTeacher(k, k, n);
        Objective f = Landscape.objective(p);
        double[] x = Points.flatten(neurons);
        double[] g = new double[x.length];
        for (int it = 0; it < 3000; it++) {
            f.valueAndGradient(x, g);
            for (int q = 0; q < x.length; q++) {
                x[q] -= 0.1 * g[q];
            }
        }
        NewtonPolish.Result r = NewtonPolish.polish(f, x, 20, 1e-13);
        assertTrue(r.gradientNorm() < 1e-12, "Newton reached stationarity: " + r.gradientNorm());
        assertEquals(value, r.value(), 5e-7);
        double lam = TestSupport.lambdaMin(f.hessian().evaluate(r.point()), n * k);
        assertEquals(lambdaMin, lam, 5e-8);
    }
}
