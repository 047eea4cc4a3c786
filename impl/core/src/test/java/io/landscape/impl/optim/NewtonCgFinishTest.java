package io.landscape.impl.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.landscape.api.function.HessianOperator;
import io.landscape.api.function.TwiceDifferentiableFunction;

/**
 * The matrix-free Newton finish on a coupled double well f(x) = Σ(¼x_i⁴ − ½x_i²) + (c/2)Σ(x_i − x_{i+1})², whose
 * minimum (1, …, 1) has Hessian 2I + cL and whose third derivative D³f(y)[u, u, u] = Σ 6y_i u_i³ is bounded by
 * 6 max|y_i| on unit u: accepted where the ball certificate holds (same end point as plain descent), rejected at an
 * indefinite point, with a bound too large for the ball, and with a step too long for the contraction.
 */
class NewtonCgFinishTest {
    private static final int M = 60;
    private static final double C = 0.3;

    private static final class Well implements TwiceDifferentiableFunction {
        @Override
        public int dimension() {
            return M;
        }

        @Override
        public double value(double[] x) {
            double s = 0;
            for (int i = 0; i < M; i++) {
                s += 0.25 * x[i] * x[i] * x[i] * x[i] - 0.5 * x[i] * x[i];
                if (i + 1 < M) {
                    s += 0.5 * C * (x[i] - x[i + 1]) * (x[i] - x[i + 1]);
                }
            }
            return s;
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            for (int i = 0; i < M; i++) {
                g[i] = x[i] * x[i] * x[i] - x[i];
                if (i + 1 < M) {
                    g[i] += C * (x[i] - x[i + 1]);
                }
                if (i > 0) {
                    g[i] += C * (x[i] - x[i - 1]);
                }
            }
            return value(x);
        }

        @Override
        public HessianOperator hessianAt(double[] at) {
            double[] x = at.clone();
            return new HessianOperator() {
                @Override
                public int dimension() {
                    return M;
                }

                @Override
                public void multiply(double[] v, double[] out) {
                    for (int i = 0; i < M; i++) {
                        double s = (3 * x[i] * x[i] - 1) * v[i];
                        if (i + 1 < M) {
                            s += C * (v[i] - v[i + 1]);
                        }
                        if (i > 0) {
                            s += C * (v[i] - v[i - 1]);
                        }
                        out[i] = s;
                    }
                }
            };
        }
    }

    /** 6·max|y_i| over the ball: the exact sup of |Σ 6 y_i u_i³| is at most this. */
    private static final NewtonCgFinish.Lipschitz BOUND = (center, radius) -> {
        double m = 0;
        for (double v : center) {
            m = Math.max(m, Math.abs(v));
        }
        return 6 * (m + radius);
    };

    private static double[] near(double centre, double spread, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[M];
        for (int i = 0; i < M; i++) {
            x[i] = centre + spread * (r.nextDouble() - 0.5);
        }
        return x;
    }

    @Test
    void acceleratedRunEndsWhereThePlainLoopEnds() {
        Well f = new Well();
        double eta = 0.1;
        for (long seed = 1; seed <= 3; seed++) {
            double[] x0 = near(1.0, 0.6, seed);
            GradientDescent.Config plain = GradientDescent.Config.plain(eta, 1e-12, 1_000_000);
            GradientDescent.Config fast = new GradientDescent.Config(eta, 1e-12, 1_000_000, UpdateStep.FIXED,
                    plain.stop(), plain.restart(), NewtonFinish.Options.matrixFree(1e-4, 1e-2, BOUND), false);
            GradientDescent.Result p = new GradientDescent(f, M).run(x0, plain);
            GradientDescent gd = new GradientDescent(f, M);
            GradientDescent.Result a = gd.run(x0, fast);
            assertEquals(GradientDescent.Stop.CONVERGED, p.stop());
            assertEquals(GradientDescent.Stop.NEWTON, a.stop(), gd.matrixFreeFinish().lastReason());
            assertTrue(a.totalIterations() < p.totalIterations());
            assertTrue(a.gradientNorm() <= 1e-12);
            for (int i = 0; i < M; i++) {
                assertEquals(1.0, p.point()[i], 1e-11);
                assertEquals(p.point()[i], a.point()[i], 2e-12);
            }
            double[] cert = gd.matrixFreeFinish().lastCertificate();
            // λ_min(2I + cL) = 2 + c(2 − 2cos(π/M))·… ≥ 2, λ_max ≤ 2 + 4c: the Lanczos extremes see them
            assertEquals(2.0, cert[0], 1e-2);
            assertTrue(cert[1] <= 2 + 4 * C + 1e-9 && cert[1] >= 2 + 3.9 * C, "theta_max " + cert[1]);
        }
    }

    /**
     * The engine calls whichever {@link Finish} its options select, through the one interface: the options name the
     * kind, the kind creates the finish, and one driver serves both kinds in turn with results bit-identical to fresh
     * drivers; both finishes end where the plain loop ends.
     */
    @Test
    void theOptionsSelectTheFinishAndOneDriverServesBothKinds() {
        Well f = new Well();
        double eta = 0.1;
        NewtonFinish.Options dense = new NewtonFinish.Options(1e-4, 1e-2, 1000, Double.NEGATIVE_INFINITY);
        NewtonFinish.Options free = NewtonFinish.Options.matrixFree(1e-4, 1e-2, BOUND);
        assertSame(Finish.Kind.DENSE, dense.kind());
        assertSame(Finish.Kind.MATRIX_FREE, free.kind());
        assertTrue(Finish.Kind.DENSE.create(f, M) instanceof NewtonFinish);
        assertTrue(Finish.Kind.MATRIX_FREE.create(f, M) instanceof NewtonCgFinish);
        assertTrue(Finish.Kind.DENSE.needsValuesEveryStep());
        assertTrue(!Finish.Kind.MATRIX_FREE.needsValuesEveryStep());
        GradientDescent.Config plain = GradientDescent.Config.plain(eta, 1e-12, 1_000_000);
        assertThrows(IllegalArgumentException.class, () -> new GradientDescent.Config(eta, 1e-12, 1_000_000,
                UpdateStep.FIXED, plain.stop(), plain.restart(), dense, false));
        GradientDescent.Config withDense = plain.withNewton(dense);
        GradientDescent.Config withFree = new GradientDescent.Config(eta, 1e-12, 1_000_000, UpdateStep.FIXED,
                plain.stop(), plain.restart(), free, false);
        double[] x0 = near(1.0, 0.6, 7);
        GradientDescent.Result p = new GradientDescent(f, M).run(x0, plain);
        GradientDescent shared = new GradientDescent(f, M);
        assertEquals(null, shared.matrixFreeFinish());
        GradientDescent.Result[] inTurn = {shared.run(x0, withFree), shared.run(x0, withDense),
            shared.run(x0, withFree)};
        GradientDescent.Result freshFree = new GradientDescent(f, M).run(x0, withFree);
        GradientDescent.Result freshDense = new GradientDescent(f, M).run(x0, withDense);
        GradientDescent.Result[] fresh = {freshFree, freshDense, freshFree};
        for (int r = 0; r < 3; r++) {
            assertEquals(GradientDescent.Stop.NEWTON, inTurn[r].stop());
            assertArrayEquals(fresh[r].point(), inTurn[r].point(), 0.0);
            assertEquals(fresh[r].totalIterations(), inTurn[r].totalIterations());
            assertEquals(fresh[r].newtonSteps(), inTurn[r].newtonSteps());
            assertTrue(inTurn[r].newtonSteps() > 0);
            assertTrue(inTurn[r].totalIterations() < p.totalIterations());
            for (int i = 0; i < M; i++) {
                assertEquals(p.point()[i], inTurn[r].point()[i], 2e-12);
            }
        }
        assertTrue(shared.matrixFreeFinish() != null);
        assertEquals(0, shared.endChecksRemembered());
    }

    @Test
    void theIterationsBeforeTheHandOverAreThePlainLoops() {
        // with F not evaluated per step, the accelerated run is the plain loop until the switch: stopping the plain
        // loop at the switch level gives the same iteration count
        Well f = new Well();
        double[] x0 = near(1.0, 0.6, 7);
        GradientDescent.Config toSwitch = GradientDescent.Config.plain(0.1, 1e-4, 1_000_000);
        GradientDescent.Result p = new GradientDescent(f, M).run(x0, toSwitch);
        GradientDescent.Config fast = new GradientDescent.Config(0.1, 1e-12, 1_000_000, UpdateStep.FIXED,
                GradientDescent.Config.plain(0.1, 1e-12, 1).stop(), RestartPolicy.HALVING,
                NewtonFinish.Options.matrixFree(1e-4, 1e-2, BOUND), false);
        GradientDescent.Result a = new GradientDescent(f, M).run(x0, fast);
        assertEquals(GradientDescent.Stop.NEWTON, a.stop());
        assertEquals(p.totalIterations(), a.totalIterations());
    }

    @Test
    void indefinitePointIsRejectedAndLeftUnchanged() {
        Well f = new Well();
        double[] x = near(0.1, 0.05, 3); // Hessian ≈ −I + cL: negative curvature
        double[] g = new double[M];
        f.valueAndGradient(x, g);
        double[] x0 = x.clone();
        double[] g0 = g.clone();
        NewtonCgFinish nf = new NewtonCgFinish(f, M);
        assertTrue(Double.isNaN(nf.finish(x, g, Double.NaN, 1e-12, 0.1, 10.0, BOUND)));
        assertArrayEquals(x0, x);
        assertArrayEquals(g0, g);
        assertTrue(nf.lastReason().contains("curvature"), nf.lastReason());
    }

    @Test
    void aBallTooLargeForTheBoundIsRejectedWithALaterSwitch() {
        Well f = new Well();
        double[] x = near(1.0, 0.02, 5);
        double[] g = new double[M];
        f.valueAndGradient(x, g);
        double gmax = GradientDescent.norm(g);
        NewtonCgFinish nf = new NewtonCgFinish(f, M);
        // a (valid but) huge bound: B·ρ > θ_min/4 at this distance
        NewtonCgFinish.Lipschitz huge = (c, r) -> 1e6;
        assertTrue(Double.isNaN(nf.finish(x, g, Double.NaN, 1e-12, 0.1, 10.0, huge)));
        assertTrue(nf.lastReason().contains("ball"), nf.lastReason());
        double[] cert = nf.lastCertificate();
        double rhoMax = 0.25 * cert[0] / 1e6;
        assertTrue(nf.nextSwitch() > 0 && nf.nextSwitch() < 0.1 * gmax);
        assertEquals(gmax * 0.5 * rhoMax / (cert[2] - 8 * 1e-12), nf.nextSwitch(), 0.05 * nf.nextSwitch());
        // the same point with the true bound is accepted
        assertTrue(!Double.isNaN(nf.finish(x, g, Double.NaN, 1e-12, 0.1, 10.0, BOUND)), nf.lastReason());
    }

    @Test
    void aStepTooLongForTheContractionIsNeverAccepted() {
        Well f = new Well();
        double[] x = near(1.0, 0.02, 6);
        double[] g = new double[M];
        f.valueAndGradient(x, g);
        NewtonCgFinish nf = new NewtonCgFinish(f, M);
        // η·1.05·θ_max ≥ 2 for η = 1 (θ_max ≈ 3.2): the plain loop would not contract there
        assertTrue(Double.isNaN(nf.finish(x, g, Double.NaN, 1e-12, 1.0, 10.0, BOUND)));
        assertEquals(0.0, nf.nextSwitch());
    }

    @Test
    void aDisplacementBeyondTheRadiusIsRejected() {
        Well f = new Well();
        double[] x = near(1.0, 0.2, 8);
        double[] g = new double[M];
        f.valueAndGradient(x, g);
        NewtonCgFinish nf = new NewtonCgFinish(f, M);
        assertTrue(Double.isNaN(nf.finish(x, g, Double.NaN, 1e-12, 0.1, 1e-3, BOUND)));
        assertTrue(nf.lastReason().contains("radius"), nf.lastReason());
    }
}
