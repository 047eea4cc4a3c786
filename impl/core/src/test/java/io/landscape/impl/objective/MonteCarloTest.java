package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.hipparchus.special.Erf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.landscape.api.Kernel;
import io.landscape.api.Landscape;
import io.landscape.api.Points;
import io.landscape.api.Problem;
import io.landscape.impl.TestSupport;

/** F against a Monte-Carlo estimate of E ½(Σ a_i σ(w_i·x) − Σ b_j σ(v_j·x))² with 10⁶ samples, within 4 SE. */
class MonteCarloTest {

    @ParameterizedTest(name = "{0} k={1} n={2} d={3}")
    @CsvSource({"relu,3,4,5,1", "relu,6,6,6,2", "relu,2,5,8,3", "erf,3,4,5,4", "linear,2,3,4,5"})
    void valueMatchesMonteCarlo(String kernel, int k, int n, int d, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        double[][] v = TestSupport.gaussian(rnd, k, d, 1.0);
        double[][] w = TestSupport.gaussian(rnd, n, d, 0.8);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 0.5 + rnd.nextDouble();
        }
        Problem p = Problem.builder().teacher(v).students(n).studentWeights(a).kernel(Kernel.named(kernel)).build();
        double exact = Landscape.objective(p).value(Points.flatten(w));

        SplittableRandom sr = new SplittableRandom(seed * 7919);
        int samples = 1_000_000;
        double[] x = new double[d];
        double sum = 0;
        double sumSq = 0;
        for (int s = 0; s < samples; s++) {
            for (int q = 0; q < d; q++) {
                x[q] = sr.nextGaussian();
            }
            double out = 0;
            for (int i = 0; i < n; i++) {
                out += a[i] * act(kernel, dot(w[i], x));
            }
            for (int j = 0; j < k; j++) {
                out -= act(kernel, dot(v[j], x));
            }
            double l = 0.5 * out * out;
            sum += l;
            sumSq += l * l;
        }
        double mean = sum / samples;
        double se = Math.sqrt((sumSq / samples - mean * mean) / samples);
        assertTrue(Math.abs(mean - exact) <= 4 * se,
                "closed form " + exact + " vs Monte Carlo " + mean + " ± " + se + " (4 SE = " + 4 * se + ")");
    }

    private static double act(String kernel, double z) {
        switch (kernel) {
            case "relu": return Math.max(0, z);
            case "erf": return Erf.erf(z);
            default: return z;
        }
    }

    private static double dot(double[] u, double[] x) {
        double s = 0;
        for (int q = 0; q < u.length; q++) {
            s += u[q] * x[q];
        }
        return s;
    }
}
