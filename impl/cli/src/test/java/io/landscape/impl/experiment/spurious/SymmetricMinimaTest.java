package io.landscape.impl.experiment.spurious;
import io.landscape.impl.optim.Initialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.landscape.api.Objective;
import io.landscape.api.Points;
import io.landscape.impl.linalg.Cholesky;
import io.landscape.impl.optim.GradientDescent;
import io.landscape.impl.optim.NewtonFinish;

/**
 * The shared memory of verified minima: it recognises a point up to the problem's symmetries within its covering
 * radius and nothing else, and a search using it gives bit for bit the runs of one that does not, every remembered
 * answer being one the finish's own factorisation confirms.
 */
class SymmetricMinimaTest {

    /** W (flattened) with rows permuted by p and columns by q, flattened. */
    private static double[] permuted(double[] x, int k, int[] p, int[] q) {
        double[][] w = SymmetryTest.permute(Points.unflatten(x, k), p, q);
        double[] y = new double[x.length];
        for (int i = 0; i < w.length; i++) {
            System.arraycopy(w[i], 0, y, i * k, k);
        }
        return y;
    }

    @Test
    void coversSymmetricCopiesWithinItsRadiusOnly() {
        int k = 5;
        int n = 6;
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = Initialization.xavier(k).sample(11, n, k);
        SymmetricMinima memo = new SymmetricMinima(k);
        assertFalse(memo.covers(x, 0.5), "empty memory");
        memo.record(x, 0.5);
        assertEquals(1, memo.size());
        double[] copy = permuted(x, k, SymmetryTest.shuffle(n, rng), SymmetryTest.shuffle(k, rng));
        assertTrue(memo.covers(copy, 0.5), "a permuted copy");
        double[] near = copy.clone();
        near[3] += 1e-11;
        assertTrue(memo.covers(near, 0.5), "within 1e-11 of a permuted copy");
        double[] far = copy.clone();
        far[3] += 1e-6; // the radius is at most 1e-8
        assertFalse(memo.covers(far, 0.5), "1e-6 away");
        assertFalse(memo.covers(copy, 0.5 + 1e-6), "another value");
        assertFalse(memo.covers(Initialization.xavier(k).sample(12, n, k), 0.5), "another point");
    }

    @Test
    void theRadiusShrinksWithTheThirdDerivativeBound() {
        double[][] w = {{1, 0}, {0, 1}};
        double b = SymmetricMinima.thirdDerivativeBound(w, 1e-8);
        // (2/2π)(8·(2 + 2) + 18·√2) for unit neurons
        assertEquals(2 * (32 + 18 * Math.sqrt(2)) / (2 * Math.PI), b, 1e-6);
        assertEquals(Double.POSITIVE_INFINITY, SymmetricMinima.thirdDerivativeBound(new double[][] {{0, 0}, {0, 1}},
                1e-8));
        SymmetricMinima memo = new SymmetricMinima(2);
        memo.record(new double[] {0, 0, 0, 1}, 0.3); // a zero neuron: radius 0, not recorded
        assertEquals(0, memo.size());
    }

    /** The memory, checking every positive answer against the factorisation it saves. */
    private static final class Checked implements NewtonFinish.VerifiedMinima {
        final SymmetricMinima inner;
        final Objective f;
        final int m;
        int confirmed;

        Checked(int k, int n) {
            inner = new SymmetricMinima(k);
            f = SpuriousSearch.objective(k, n);
            m = n * k;
        }

        @Override
        public double margin() {
            return inner.margin();
        }

        @Override
        public boolean covers(double[] x, double value) {
            boolean yes = inner.covers(x, value);
            if (yes) {
                double[] h = new double[m * m];
                f.hessian().evaluate(x, h);
                assertTrue(Cholesky.factor(h, m), "a remembered end point whose Hessian is not positive definite");
                confirmed++;
            }
            return yes;
        }

        @Override
        public void record(double[] x, double value) {
            inner.record(x, value);
        }
    }

    @Test
    void aSearchWithTheMemoryGivesTheSameRunsBitForBit() {
        int k = 8;
        int n = 8;
        int runs = 120;
        GradientDescent.Settings s = GradientDescent.Settings.accelerated();
        GradientDescent plain = new GradientDescent(SpuriousSearch.objective(k, n), k);
        Checked memo = new Checked(k, n);
        GradientDescent remembering = new GradientDescent(SpuriousSearch.objective(k, n), k).remembering(memo);
        int newton = 0;
        for (int r = 0; r < runs; r++) {
            RunRecord a = SpuriousSearch.runOne(plain, k, n, r, 2018, Initialization.xavier(k), s);
            RunRecord b = SpuriousSearch.runOne(remembering, k, n, r, 2018, Initialization.xavier(k), s);
            assertEquals(a.stop(), b.stop(), "run " + r);
            assertEquals(Double.doubleToLongBits(a.value()), Double.doubleToLongBits(b.value()), "run " + r);
            assertArrayEquals(a.point(), b.point(), "run " + r);
            assertEquals(a.totalIterations(), b.totalIterations(), "run " + r);
            if (a.stop() == GradientDescent.Stop.NEWTON) {
                newton++;
            }
        }
        assertTrue(newton >= 10, "too few Newton finishes to say anything: " + newton);
        assertTrue(remembering.endChecksRemembered() > newton / 2,
                "the memory answered " + remembering.endChecksRemembered() + " of " + newton + " end checks");
        assertEquals(remembering.endChecksRemembered(), memo.confirmed);
        assertTrue(memo.inner.size() < newton, "one record per family, not per run");
    }
}
