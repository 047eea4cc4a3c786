package io.landscape.impl.experiment.overparam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.landscape.impl.experiment.spurious.Symmetry;
import io.landscape.api.Points;
import io.landscape.impl.optim.GradientDescent;

/**
 * Above the dense Newton limit (k² &gt; 600) the accelerated census uses the matrix-free Newton finish with its ball
 * certificate: run by run, the same classification and the same end point (to the tolerance) as {@code --plain}.
 */
class CensusFinishTest {

    @Test
    void matrixFreeFinishKeepsEveryRunsEndPoint() {
        int k = 26;
        Census.Settings plain = new Census.Settings(2017, 8, 0, true, 10_000_000L, 1e-6, 1);
        Census.Settings fast = new Census.Settings(2017, 8, 0, false, 10_000_000L, 1e-6, 1);
        assertTrue(Census.config(k, fast).newton().matrixFree() != null);
        GradientDescent gp = Census.driver(k);
        GradientDescent ga = Census.driver(k);
        int newton = 0;
        for (int run = 0; run < 8; run++) {
            double[] x0 = Census.start(CensusRun.Start.XAVIER, Census.runSeed(2017, CensusRun.Start.XAVIER, run), k);
            GradientDescent.Result p = gp.run(x0, Census.config(k, plain));
            GradientDescent.Result a = ga.run(x0, Census.config(k, fast));
            assertEquals(GradientDescent.Stop.CONVERGED, p.stop());
            assertTrue(a.stop() == GradientDescent.Stop.CONVERGED || a.stop() == GradientDescent.Stop.NEWTON);
            assertTrue(a.gradientNorm() <= Census.TOLERANCE);
            assertEquals(p.value() < Census.GLOBAL_VALUE, a.value() < Census.GLOBAL_VALUE, "run " + run);
            assertEquals(p.value(), a.value(), 1e-12, "run " + run);
            // the same end point, not only the same family: no permutation needed
            for (int i = 0; i < x0.length; i++) {
                assertEquals(p.point()[i], a.point()[i], 1e-7, "run " + run + " entry " + i);
            }
            assertTrue(Symmetry.within(Points.unflatten(p.point(), k), Points.unflatten(a.point(), k), 1e-7));
            assertTrue(Math.abs(Census.normSum(p.point(), k) - Census.normSum(a.point(), k)) < 1e-7);
            if (a.stop() == GradientDescent.Stop.NEWTON) {
                newton++;
                assertTrue(a.totalIterations() < p.totalIterations());
            }
        }
        assertTrue(newton >= 4, "the finish was accepted in only " + newton + " of 8 runs");
    }

    @Test
    void matrixFreeLambdaMinMatchesTheDenseEstimate() {
        // the family analysis above k² = 600 takes λ_min from Lanczos on Hessian products: against the dense estimate
        int k = 26;
        Census.Settings fast = new Census.Settings(2017, 1, 0, false, 10_000_000L, 1e-6, 1);
        double[] x0 = Census.start(CensusRun.Start.XAVIER, Census.runSeed(2017, CensusRun.Start.XAVIER, 0), k);
        GradientDescent.Result r = Census.driver(k).run(x0, Census.config(k, fast));
        double[] x = r.point();
        io.landscape.api.Objective f = Census.objective(k);
        double dense = io.landscape.impl.experiment.spurious.Families.lambdaMin(f.hessian().evaluate(x), k * k);
        double[] ritz = io.landscape.impl.optim.NewtonCgFinish.extremeRitzValues(f.hessianAt(x));
        assertTrue(dense > 0);
        assertEquals(dense, ritz[0], 1e-3 * dense);
        double[] h = f.hessian().evaluate(x);
        double[] ev = io.landscape.impl.linalg.SymmetricEigen.eigenvalues(h, k * k);
        assertEquals(ev[k * k - 1], ritz[1], 1e-4 * ev[k * k - 1]);
    }
}
