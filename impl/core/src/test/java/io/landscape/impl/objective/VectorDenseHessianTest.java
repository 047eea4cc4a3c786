package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.landscape.api.Hessian;
import io.landscape.api.Kernel;
import io.landscape.api.NotDifferentiableException;
import io.landscape.api.Normalization;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.api.function.NetworkHessian;
import io.landscape.impl.TestSupport;
import io.landscape.impl.compile.KernelCompiler;
import io.landscape.impl.kernel.PairKernel;
import io.landscape.impl.linalg.Workers;

/**
 * The SIMD dense Hessian ({@link VectorDenseHessian}, what {@link VectorPairwiseObjective#hessian()} returns) against
 * the scalar {@link PairwiseObjective}'s, <em>bitwise</em> (same operations in the same order), exactly symmetric,
 * two threads bitwise one, against central differences of the gradient and against the matrix-free operator's
 * products, for ReLU and erf with general teachers (signed student weights, both normalisations) up to
 * k = n = d = 100; off-fast-path points get the scalar matrix or its exception.
 */
class VectorDenseHessianTest {
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(1);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static Problem general(Random rnd, int k, int n, int d, Normalization norm, Kernel kernel) {
        double[][] v = TestSupport.gaussian(rnd, k, d, 1.0);
        double[] a = new double[n];
        double[] b = new double[k];
        for (int i = 0; i < n; i++) {
            a[i] = (rnd.nextBoolean() ? 1 : -1) * (0.5 + rnd.nextDouble());
        }
        for (int l = 0; l < k; l++) {
            b[l] = (rnd.nextBoolean() ? 1 : -1) * (0.5 + rnd.nextDouble());
        }
        return Problem.builder().teacher(v).students(n).studentWeights(a).teacherWeights(b).normalization(norm)
                .kernel(kernel).build();
    }

    private static VectorDenseHessian simd(Problem p, boolean twoThreads) {
        return new VectorDenseHessian(new PairwiseObjective(p, KernelCompiler.compiled(p.kernel())),
                twoThreads ? new Workers(pool, 1) : Workers.NONE);
    }

    private static void assertBitwise(double[] expected, double[] got, String what) {
        assertEquals(expected.length, got.length, what);
        for (int q = 0; q < expected.length; q++) {
            if (Double.doubleToRawLongBits(expected[q]) != Double.doubleToRawLongBits(got[q])) {
                throw new AssertionError(what + ": entry " + q + " is " + got[q] + ", scalar " + expected[q]);
            }
        }
    }

    private static void assertSymmetric(double[] h, int m, String what) {
        for (int r = 0; r < m; r++) {
            for (int q = r + 1; q < m; q++) {
                if (Double.doubleToRawLongBits(h[r * m + q]) != Double.doubleToRawLongBits(h[q * m + r])) {
                    throw new AssertionError(what + ": H[" + r + "][" + q + "] = " + h[r * m + q] + " but H[" + q
                            + "][" + r + "] = " + h[q * m + r]);
                }
            }
        }
    }

    /** Scalar and SIMD (one and two threads, and through VectorPairwiseObjective) at x: bitwise, symmetric. */
    private static double[] checkBitwise(String what, Problem p, double[] x) {
        PairwiseObjective scalar = new PairwiseObjective(p, KernelCompiler.compiled(p.kernel()));
        int m = scalar.dimension();
        double[] ref = scalar.hessian().evaluate(x);
        double[] one = new double[m * m];
        java.util.Arrays.fill(one, Double.NaN); // every entry must be written
        assertTrue(simd(p, false).simd(x, one), what + ": the SIMD path ran (no scalar fallback)");
        assertBitwise(ref, one, what + " (one thread)");
        // the scalar matrix is no longer needed once equal to one: its array takes the next results (two 800 MB
        // arrays at k = n = d = 100, not four)
        double[] other = ref;
        java.util.Arrays.fill(other, 7.0);
        assertTrue(simd(p, true).simd(x, other), what + ": the two-thread SIMD path ran");
        assertBitwise(one, other, what + " (two threads)");
        Objective v = VectorPairwiseObjective.create(p);
        if (v instanceof VectorPairwiseObjective) {
            java.util.Arrays.fill(other, 7.0);
            v.hessian().evaluate(x, other);
            assertBitwise(one, other, what + " (VectorPairwiseObjective.hessian())");
        }
        assertSymmetric(one, m, what);
        return one;
    }

    @Test
    void bitwiseTheScalarHessianAcrossShapes() {
        assumeTrue(VectorPairwiseObjective.isAvailable(), "no Vector API");
        Random rnd = new Random(19);
        // d below, at and above the lane count, not a multiple of it; n = 1 (no pairs); k ≠ n
        int[][] shapes = {{1, 1, 1}, {6, 6, 6}, {3, 7, 5}, {2, 9, 3}, {15, 12, 9}, {4, 2, 11}, {5, 4, 17}, {1, 3, 16},
            {7, 5, 8}};
        for (int[] sh : shapes) {
            for (Normalization norm : Normalization.values()) {
                for (Kernel kernel : new Kernel[] {Kernel.relu(), Kernel.erf()}) {
                    Problem p = general(rnd, sh[0], sh[1], sh[2], norm, kernel);
                    double[] x = TestSupport.gaussian(rnd, sh[1] * sh[2], 1 / Math.sqrt(sh[2]));
                    checkBitwise(java.util.Arrays.toString(sh) + " " + kernel.name() + " " + norm, p, x);
                }
            }
        }
    }

    @Test
    void degenerateGeometry() {
        assumeTrue(VectorPairwiseObjective.isAvailable(), "no Vector API");
        int k = 5;
        Problem p = Problem.identityTeacher(k, k, k);
        double[] x = TestSupport.gaussian(new Random(4), k * k, 0.4);
        // student 2 an exact multiple of student 1 (s = 0), student 3 exactly on a teacher axis
        for (int q = 0; q < k; q++) {
            x[k + q] = 2 * x[q];
            x[2 * k + q] = q == 2 ? 0.8 : 0.0;
        }
        checkBitwise("parallel pairs", p, x);
        // an exactly antiparallel pair and a neuron of norm ~1e-100 (still on the fast path)
        for (int q = 0; q < k; q++) {
            x[3 * k + q] = -0.5 * x[q];
            x[4 * k + q] *= 1e-100;
        }
        checkBitwise("antiparallel, tiny neuron", p, x);
    }

    /** Sizes 6, 20, 100: bitwise, central differences of the gradient (columns), and H·u of the operator. */
    @Test
    void largeSizesAgainstFiniteDifferencesAndProducts() {
        assumeTrue(VectorPairwiseObjective.isAvailable(), "no Vector API");
        Random rnd = new Random(100);
        for (int size : new int[] {6, 20, 100}) {
            for (Kernel kernel : new Kernel[] {Kernel.relu(), Kernel.erf()}) {
                String what = size + " " + kernel.name();
                Problem p = general(rnd, size, size, size, Normalization.HALF, kernel);
                double[] x = TestSupport.gaussian(rnd, size * size, 1 / Math.sqrt(size));
                double[] h = checkBitwise(what, p, x);
                int m = size * size;
                double hmax = TestSupport.maxAbs(h);
                Objective f = VectorPairwiseObjective.create(p);
                // columns of H against (∇F(x + εe_c) − ∇F(x − εe_c))/2ε
                double eps = 1e-5;
                int columns = Math.min(m, 12);
                for (int t = 0; t < columns; t++) {
                    int c = t * (m / columns) + rnd.nextInt(m / columns);
                    double[] xp = x.clone();
                    double[] xm = x.clone();
                    xp[c] += eps;
                    xm[c] -= eps;
                    double[] gp = f.gradient().evaluate(xp);
                    double[] gm = f.gradient().evaluate(xm);
                    for (int r = 0; r < m; r++) {
                        double fd = (gp[r] - gm[r]) / (2 * eps);
                        assertEquals(fd, h[r * m + c], 1e-6 * Math.max(1.0, hmax), what + ": FD column " + c
                                + ", row " + r);
                    }
                }
                // products of the matrix-free operator (pair coefficients, no dense matrix) against H·u
                NetworkHessian op = new PairHessianOperator(p, KernelCompiler.compiled(p.kernel()), x);
                double[] u = TestSupport.gaussian(rnd, m, 1.0);
                double[] hu = new double[m];
                op.multiply(u, hu);
                double umax = TestSupport.maxAbs(u);
                for (int r = 0; r < m; r++) {
                    double ref = 0;
                    for (int q = 0; q < m; q++) {
                        ref += h[r * m + q] * u[q];
                    }
                    assertEquals(ref, hu[r], 1e-12 * hmax * umax * Math.sqrt(m), what + ": (H·u)[" + r + "]");
                }
            }
        }
    }

    @Test
    void pointsOffTheFastPathGetTheScalarResult() {
        assumeTrue(VectorPairwiseObjective.isAvailable(), "no Vector API");
        Random rnd = new Random(3);
        Problem p = general(rnd, 4, 5, 6, Normalization.HALF, Kernel.erf());
        VectorDenseHessian h = simd(p, false);
        Hessian ref = new PairwiseObjective(p, KernelCompiler.compiled(p.kernel())).hessian();
        double[] x = TestSupport.gaussian(rnd, 30, 0.4);
        // a neuron of norm ~1e-170 (squared norm underflows: the rescaled path)
        for (int q = 0; q < 6; q++) {
            x[6 + q] *= 1e-170;
        }
        double[] got = new double[900];
        assertTrue(!h.simd(x, got), "a rescaled neuron is off the SIMD path");
        h.evaluate(x, got);
        assertBitwise(ref.evaluate(x), got, "rescaled neuron");
        double[] zero = x.clone();
        java.util.Arrays.fill(zero, 12, 18, 0.0);
        NotDifferentiableException e = assertThrows(NotDifferentiableException.class, () -> h.evaluate(zero, got));
        NotDifferentiableException es = assertThrows(NotDifferentiableException.class, () -> ref.evaluate(zero));
        assertEquals(es.getMessage(), e.getMessage());
        double[] nan = TestSupport.gaussian(rnd, 30, 0.4);
        nan[7] = Double.NaN;
        RuntimeException en = assertThrows(RuntimeException.class, () -> h.evaluate(nan, got));
        RuntimeException ens = assertThrows(RuntimeException.class, () -> ref.evaluate(nan));
        assertEquals(ens.getClass(), en.getClass());
        assertEquals(ens.getMessage(), en.getMessage());
        IllegalArgumentException el = assertThrows(IllegalArgumentException.class,
                () -> h.evaluate(TestSupport.gaussian(rnd, 30, 0.4), new double[899]));
        assertTrue(el.getMessage().contains("899"), el.getMessage());
    }

    /** A kernel whose second derivatives are infinite for one pair: the scalar evaluator's error, not a matrix. */
    @Test
    void nonFiniteEntriesGetTheScalarError() {
        assumeTrue(VectorPairwiseObjective.isAvailable(), "no Vector API");
        // an h2 coefficient (off-diagonal blocks) and an h1 one (the diagonal block), infinite and NaN
        for (int slot : new int[] {9, 1}) {
            for (double bad : new double[] {Double.POSITIVE_INFINITY, Double.NaN}) {
                nonFinite(slot, bad);
            }
        }
    }

    private static void nonFinite(int slot, double bad) {
        Random rnd = new Random(8);
        Problem p = general(rnd, 3, 4, 10, Normalization.HALF, Kernel.erf());
        PairKernel base = KernelCompiler.compiled(p.kernel());
        double[] x = TestSupport.gaussian(rnd, 40, 0.4);
        for (int q = 20; q < 30; q++) {
            x[q] *= 50; // student 3's norm ≈ 60, every other norm (teachers included) below 10
        }
        PairKernel broken = new PairKernel() {
            @Override
            public double value(double r, double rho, double c, double s, double th) {
                return base.value(r, rho, c, s, th);
            }

            @Override
            public void first(double r, double rho, double c, double s, double th, double[] out) {
                base.first(r, rho, c, s, th, out);
            }

            @Override
            public void second(double r, double rho, double c, double s, double th, double[] out) {
                base.second(r, rho, c, s, th, out);
                if (r > 30 || rho > 30) {
                    out[slot] = bad;
                }
            }

            @Override
            public void self(double r, double[] out) {
                base.self(r, out);
            }
        };
        broken.describe("broken", "test");
        PairwiseObjective scalar = new PairwiseObjective(p, broken);
        VectorDenseHessian h = new VectorDenseHessian(scalar, Workers.NONE);
        assertTrue(!h.simd(x, new double[1600]), "the infinite entries are detected");
        ArithmeticException es = assertThrows(ArithmeticException.class, () -> scalar.hessian().evaluate(x));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> h.evaluate(x, new double[1600]));
        assertEquals(es.getMessage(), e.getMessage(), "slot " + slot + " = " + bad);
    }
}
