package io.landscape.impl.overparam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link ReluLandscape#hessianLipschitz} bounds the change of the Hessian on the ball: for random points y of the ball
 * and unit u, v, |uᵀ(∇²F(y + tv) − ∇²F(y))u| / t ≤ B (the mixed third derivative), and it is +∞ once the ball
 * reaches a zero neuron.
 */
class HessianLipschitzTest {

    @Test
    void boundsTheHessiansChangeAcrossTheBall() {
        int k = 6;
        int n = 7;
        ReluLandscape land = ReluLandscape.identityTeacher(k, k, n);
        SplittableRandom r = new SplittableRandom(11);
        double worst = 0;
        for (int trial = 0; trial < 40; trial++) {
            double[] x = new double[n * k];
            for (int i = 0; i < x.length; i++) {
                x[i] = (r.nextDouble() - 0.5) * 1.2;
            }
            double radius = 0.05;
            double b = land.hessianLipschitz(x, radius);
            if (Double.isInfinite(b)) {
                continue;
            }
            double[] y = x.clone();
            double[] dy = unit(r, x.length);
            for (int i = 0; i < y.length; i++) {
                y[i] += 0.5 * radius * dy[i];
            }
            double[] u = unit(r, x.length);
            double[] v = unit(r, x.length);
            double t = 0.4 * radius;
            double[] z = y.clone();
            for (int i = 0; i < z.length; i++) {
                z[i] += t * v[i];
            }
            double change = Math.abs(land.hessianAt(z).quadraticForm(u) - land.hessianAt(y).quadraticForm(u)) / t;
            assertTrue(change <= b, "trial " + trial + ": " + change + " > B = " + b);
            worst = Math.max(worst, change / b);
        }
        assertTrue(worst > 1e-6, "every trial skipped or no change measured: largest ratio " + worst);
    }

    @Test
    void isInfiniteWhenTheBallReachesAZeroNeuronAndGrowsAsNeuronsShrink() {
        ReluLandscape land = ReluLandscape.identityTeacher(3, 3, 3);
        double[] x = {1, 0, 0, 0, 0.5, 0, 0, 0, 0.2};
        assertEquals(Double.POSITIVE_INFINITY, land.hessianLipschitz(x, 0.2));
        double small = land.hessianLipschitz(x, 0.0);
        double big = land.hessianLipschitz(x, 0.1);
        assertTrue(big > small && small > 0);
        // exact value at ρ = 0: (1/2π)[max_i (8/r_i²)(Σ_{j≠i} r_j + 3) + max_i (18/r_i)√2]
        double first = 8 / 0.04 * (1.5 + 3);
        double second = 18 / 0.2 * Math.sqrt(2);
        assertEquals((first + second) / (2 * Math.PI), small, 1e-8 * small);
    }

    private static double[] unit(SplittableRandom r, int m) {
        double[] u = new double[m];
        double s = 0;
        for (int i = 0; i < m; i++) {
            u[i] = r.nextDouble() - 0.5;
            s += u[i] * u[i];
        }
        s = Math.sqrt(s);
        for (int i = 0; i < m; i++) {
            u[i] /= s;
        }
        return u;
    }
}
