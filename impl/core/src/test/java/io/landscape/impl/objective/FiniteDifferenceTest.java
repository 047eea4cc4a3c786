package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.landscape.api.Kernel;
import io.landscape.api.Landscape;
import io.landscape.api.Normalization;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.TestSupport;

/** Gradient vs central differences of F, Hessian vs central differences of the gradient, symmetry. */
class FiniteDifferenceTest {

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("relu", 1, 1, 1, 11L),
                Arguments.of("relu", 2, 3, 2, 12L),
                Arguments.of("relu", 3, 4, 5, 13L),
                Arguments.of("relu", 5, 5, 5, 14L),
                Arguments.of("relu", 4, 6, 3, 15L),
                Arguments.of("erf", 3, 4, 5, 16L),
                Arguments.of("erf", 2, 2, 3, 17L),
                Arguments.of("linear", 3, 2, 4, 18L));
    }

    private static Problem problem(String kernel, int k, int n, int d, Random rnd, Normalization norm) {
        // non-orthonormal teacher, non-unit output weights
        double[][] v = TestSupport.gaussian(rnd, k, d, 1.0);
        double[] a = new double[n];
        double[] b = new double[k];
        for (int i = 0; i < n; i++) {
            a[i] = 0.5 + rnd.nextDouble();
        }
        for (int j = 0; j < k; j++) {
            b[j] = 0.5 + rnd.nextDouble();
        }
        return Problem.builder().teacher(v).students(n).studentWeights(a).teacherWeights(b)
                .kernel(Kernel.named(kernel)).normalization(norm).build();
    }

    @ParameterizedTest(name = "{0} k={1} n={2} d={3}")
    @MethodSource("shapes")
    void gradientAndHessianMatchFiniteDifferences(String kernel, int k, int n, int d, long seed) {
        Random rnd = new Random(seed);
        Problem p = problem(kernel, k, n, d, rnd, Normalization.HALF);
        Objective f = Landscape.objective(p);
        int m = n * d;
        for (int trial = 0; trial < 3; trial++) {
            double[] x = TestSupport.gaussian(rnd, m, 1.0);
            double[] g = f.gradient().evaluate(x);
            double h = 1e-6;
            for (int q = 0; q < m; q++) {
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[q] += h;
                xm[q] -= h;
                double fd = (f.value(xp) - f.value(xm)) / (2 * h);
                assertEquals(fd, g[q], 1e-7 * Math.max(1, Math.abs(fd)), "gradient entry " + q);
            }
            double[] hess = f.hessian().evaluate(x);
            double hh = 1e-5;
            for (int q = 0; q < m; q++) {
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[q] += hh;
                xm[q] -= hh;
                double[] gp = f.gradient().evaluate(xp);
                double[] gm = f.gradient().evaluate(xm);
                for (int r = 0; r < m; r++) {
                    double fd = (gp[r] - gm[r]) / (2 * hh);
                    assertEquals(fd, hess[r * m + q], 2e-6 * Math.max(1, Math.abs(fd)),
                            "Hessian entry (" + r + ", " + q + ")");
                }
            }
            for (int r = 0; r < m; r++) {
                for (int q = 0; q < r; q++) {
                    assertEquals(hess[r * m + q], hess[q * m + r], 1e-13 * Math.max(1, Math.abs(hess[r * m + q])),
                            "symmetry (" + r + ", " + q + ")");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} k={1} n={2} d={3}")
    @MethodSource("shapes")
    void fullNormalisationIsExactlyTwiceHalf(String kernel, int k, int n, int d, long seed) {
        Problem half = problem(kernel, k, n, d, new Random(seed), Normalization.HALF);
        Problem full = half.toBuilder().normalization(Normalization.FULL).build();
        Objective fh = Landscape.objective(half);
        Objective ff = Landscape.objective(full);
        double[] x = TestSupport.gaussian(new Random(seed + 1), n * d, 1.0);
        assertEquals(2 * fh.value(x), ff.value(x), 1e-14 * Math.abs(ff.value(x)) + 1e-300);
        double[] gh = fh.gradient().evaluate(x);
        double[] gf = ff.gradient().evaluate(x);
        for (int q = 0; q < gh.length; q++) {
            assertEquals(2 * gh[q], gf[q], 1e-14 * Math.max(1, Math.abs(gf[q])));
        }
        double[] hh = fh.hessian().evaluate(x);
        double[] hf = ff.hessian().evaluate(x);
        for (int q = 0; q < hh.length; q++) {
            assertEquals(2 * hh[q], hf[q], 1e-14 * Math.max(1, Math.abs(hf[q])));
        }
    }

    @ParameterizedTest(name = "{0} k={1} n={2} d={3}")
    @MethodSource("shapes")
    void valueAndGradientAgreeWithSeparateCalls(String kernel, int k, int n, int d, long seed) {
        Problem p = problem(kernel, k, n, d, new Random(seed), Normalization.HALF);
        Objective f = Landscape.objective(p);
        double[] x = TestSupport.gaussian(new Random(seed + 2), n * d, 1.0);
        double[] g = new double[n * d];
        double v = f.valueAndGradient(x, g);
        assertEquals(f.value(x), v, 1e-13 * Math.max(1, Math.abs(v)));
        assertTrue(v >= -1e-12, "F is an expectation of a square");
    }
}
