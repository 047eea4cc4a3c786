package io.landscape.jmh;

import java.util.SplittableRandom;

import io.landscape.api.Problem;
import io.landscape.impl.kernel.ReluClosedForm;
import io.landscape.impl.objective.PairwiseObjective;
import io.landscape.impl.optim.Initialization;
import io.landscape.impl.optim.GradientDescent;
import io.landscape.impl.optim.NewtonPolish;

/**
 * Synthetic near-minima for the certification benchmarks: gradient descent from a Xavier initialisation
 * (w_i ~ N(0, I/k), paper 002), fixed step 5/k capped at 0.1, then a few Newton steps. Seeded.
 */
public final class NearMinima {
    private NearMinima() {
    }

    /**
     * A GD end point (flat n·k) for the identity teacher with k = d, n students: the project's plain gradient descent
     * ({@link GradientDescent}) until ‖∇F‖ ≤ tol (max_i ‖∇_{w_i}F‖ ≤ tol/√n guarantees it) or maxIterations.
     */
    public static double[] descend(int k, int n, long seed, int maxIterations, double tol) {
        Problem p = Problem.identityTeacher(k, k, n);
        PairwiseObjective f = new PairwiseObjective(p, new ReluClosedForm());
        double[] x0 = Initialization.xavier(k).sample(new SplittableRandom(seed), n, k);
        GradientDescent.Settings s = GradientDescent.Settings.plain().withStep(Math.min(0.1, 5.0 / k))
                .withTol(tol / Math.sqrt(n)).withMaxSteps(maxIterations);
        return GradientDescent.run(f, k, x0, s).point();
    }

    /** GD to tol, then Newton polish. */
    public static double[] polished(int k, int n, long seed, int maxIterations, double tol) {
        double[] x = descend(k, n, seed, maxIterations, tol);
        Problem p = Problem.identityTeacher(k, k, n);
        return NewtonPolish.polish(new PairwiseObjective(p, new ReluClosedForm()), x, 20, 0.0).point();
    }
}
