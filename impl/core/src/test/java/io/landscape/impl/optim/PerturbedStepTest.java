package io.landscape.impl.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Perturbed GD's update (paper 000 Algorithm 1): one noise vector shared by every neuron, law N(0, I_d/d). */
class PerturbedStepTest {

    @Test
    void alphaZeroIsPlainGradientDescent() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = x.clone();
        double[] g = {0.5, -1, 2, 0, 3, -4};
        new PerturbedStep(3, 0.0, 7).apply(x, g, 0.1);
        UpdateStep.FIXED.apply(y, g, 0.1);
        assertArrayEquals(y, x, 0.0);
    }

    @Test
    void everyNeuronGetsTheSameNoiseWithVarianceOneOverD() {
        int d = 4;
        int n = 3;
        PerturbedStep step = new PerturbedStep(d, 0.2, 11);
        double[] g = new double[n * d];
        double sumSq = 0;
        int samples = 20000;
        double[] mean = new double[d];
        for (int s = 0; s < samples; s++) {
            double[] x = new double[n * d];
            step.apply(x, g, 1.0);
            for (int i = 1; i < n; i++) {
                for (int q = 0; q < d; q++) {
                    assertEquals(x[q], x[i * d + q], 0.0, "neuron " + i + " got another direction");
                }
            }
            for (int q = 0; q < d; q++) {
                sumSq += x[q] * x[q];
                mean[q] += x[q] / samples;
            }
        }
        // E‖αξ‖² = α² (ξ ~ N(0, I/d)); standard error of the mean of ‖αξ‖² is α²·√(2/d)/√samples ≈ 2.8e-4
        assertEquals(0.04, sumSq / samples, 0.04 * 5 * Math.sqrt(2.0 / d) / Math.sqrt(samples));
        for (double m : mean) {
            assertEquals(0.0, m, 5 * 0.2 / Math.sqrt(d) / Math.sqrt(samples));
        }
    }

    @Test
    void sameSeedSameStream() {
        double[] a = new double[6];
        double[] b = new double[6];
        double[] g = new double[6];
        PerturbedStep p = new PerturbedStep(2, 1.0, 5);
        PerturbedStep q = new PerturbedStep(2, 1.0, 5);
        for (int t = 0; t < 10; t++) {
            p.apply(a, g, 0.1);
            q.apply(b, g, 0.1);
        }
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void badArgumentsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PerturbedStep(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new PerturbedStep(2, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new PerturbedStep(2, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new PerturbedStep(2, 1, 1).apply(new double[3],
                new double[3], 0.1));
    }
}
