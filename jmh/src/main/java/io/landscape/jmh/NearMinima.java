package io.landscape.jmh;

import java.util.SplittableRandom;

import io.landscape.api.Problem;
import io.landscape.impl.kernel.ReluClosedForm;
import io.landscape.impl.objective.PairwiseObjective;
import io.landscape.impl.optim.NewtonPolish;

/**
 * Synthetic near-minima for the certification benchmarks: gradient descent from a Xavier initialisation
 * (w_i ~ N(0, I/k), paper 002), fixed step 5/k capped at 0.1, then a few Newton steps. Seeded.
 */
public final class NearMinima {
    private NearMinima() {
    }

    /** A GD end point (flat n·k) for the identity teacher with k = d, n students. */
    public static double[] descend(int k, int n, long seed, int maxIterations, double tol) {
        Problem p = Problem.identityTeacher(k, k, n);
        PairwiseObjective f = new PairwiseObjective(p, new ReluClosedForm());
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n * k];
        for (int q = 0; q < x.length; q++) {
            x[q] = rnd.nextGaussian() / Math.sqrt(k);
        }
        double step = Math.min(0.1, 5.0 / k);
        double[] g = new double[x.length];
        for (int it = 0; it < maxIterations; it++) {
            f.valueAndGradient(x, g);
            double s = 0;
            for (double gi : g) {
                s += gi * gi;
            }
            if (Math.sqrt(s) <= tol) {
                break;
            }
            for (int q = 0; q < x.length; q++) {
                x[q] -= step * g[q];
            }
        }
        return x;
    }

    /** GD to tol, then Newton polish. */
    public static double[] polished(int k, int n, long seed, int maxIterations, double tol) {
        double[] x = descend(k, n, seed, maxIterations, tol);
        Problem p = Problem.identityTeacher(k, k, n);
        return NewtonPolish.polish(new PairwiseObjective(p, new ReluClosedForm()), x, 20, 0.0).point();
    }
}
