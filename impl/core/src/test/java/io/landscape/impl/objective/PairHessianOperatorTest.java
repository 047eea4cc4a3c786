package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.landscape.api.Kernel;
import io.landscape.api.NotDifferentiableException;
import io.landscape.api.Normalization;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.api.function.NetworkHessian;
import io.landscape.impl.TestSupport;
import io.landscape.impl.compile.KernelCompiler;

/**
 * The matrix-free Hessian operator against the assembled dense Hessian (products and blocks) and against central
 * finite differences of the gradient, for ReLU and erf (whose h1 coefficients β, γ, δ are nonzero), general teachers,
 * both normalisations, and a parallel pair (s = 0).
 */
class PairHessianOperatorTest {
    private static Problem general(Random rnd, int k, int n, int d, Normalization norm, Kernel kernel) {
        double[][] v = TestSupport.gaussian(rnd, k, d, 1.0);
        double[] a = new double[n];
        double[] b = new double[k];
        for (int i = 0; i < n; i++) {
            a[i] = (rnd.nextBoolean() ? 1 : -1) * (0.5 + rnd.nextDouble());
        }
        for (int l = 0; l < k; l++) {
            b[l] = 0.5 + rnd.nextDouble();
        }
        return Problem.builder().teacher(v).students(n).studentWeights(a).teacherWeights(b).normalization(norm)
                .kernel(kernel).build();
    }

    private static void check(String what, Problem p, double[] x, boolean fd) {
        PairwiseObjective f = new PairwiseObjective(p, KernelCompiler.compiled(p.kernel()));
        int m = f.dimension();
        int d = p.inputDimension();
        int n = p.studentCount();
        double[] h = f.hessian().evaluate(x);
        double hmax = TestSupport.maxAbs(h);
        Random rnd = new Random(m);
        for (int e = 0; e < 3; e++) {
            // the objectives' operators (blocks from the assembled Hessian at these sizes), and one without it (blocks
            // computed directly from the pair coefficients, as above DENSE_BLOCK_LIMIT)
            NetworkHessian op = e == 2 ? new PairHessianOperator(p, f.kernel(), x)
                    : (e == 0 ? f : VectorPairwiseObjective.create(p)).hessianAt(x);
            assertTrue(op instanceof PairHessianOperator, what + ": hessianAt is the matrix-free operator");
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
            // blocks, including the diagonal ones
            double[] blk = new double[d * d];
            for (int i = 0; i < n; i++) {
                for (int j : new int[] {i, (i + 1) % n, (i + 3) % n}) {
                    op.block(i, j, blk);
                    for (int r = 0; r < d; r++) {
                        for (int q = 0; q < d; q++) {
                            assertEquals(h[(i * d + r) * m + j * d + q], blk[r * d + q], 1e-12 * hmax,
                                    what + ": block (" + i + ", " + j + ") entry (" + r + ", " + q + ")");
                        }
                    }
                }
            }
            // toDense is the assembled Hessian, bitwise (without it: column by column, to rounding)
            double[] dense = new double[m * m];
            op.toDense(dense);
            for (int q = 0; q < m * m; q++) {
                assertEquals(h[q], dense[q], e == 2 ? 1e-12 * hmax : 0.0, what + ": toDense entry " + q);
            }
            if (fd) {
                // (∇F(x + εu) − ∇F(x − εu))/2ε = H·u + O(ε²)
                double eps = 1e-5;
                double[] xp = x.clone();
                double[] xm = x.clone();
                for (int q = 0; q < m; q++) {
                    xp[q] += eps * u[q];
                    xm[q] -= eps * u[q];
                }
                double[] gp = f.gradient().evaluate(xp);
                double[] gm = f.gradient().evaluate(xm);
                double scaleH = TestSupport.maxAbs(hu);
                for (int q = 0; q < m; q++) {
                    double fdq = (gp[q] - gm[q]) / (2 * eps);
                    assertEquals(fdq, hu[q], 1e-6 * Math.max(1.0, scaleH), what + ": FD of the gradient at " + q);
                }
            }
        }
    }

    @Test
    void productsAndBlocksMatchTheDenseHessianAndFiniteDifferences() {
        Random rnd = new Random(21);
        int[][] shapes = {{1, 1, 1}, {6, 6, 6}, {3, 7, 5}, {15, 12, 9}, {4, 2, 11}};
        for (int[] sh : shapes) {
            for (Normalization norm : Normalization.values()) {
                Problem p = general(rnd, sh[0], sh[1], sh[2], norm, Kernel.relu());
                check(java.util.Arrays.toString(sh) + " relu " + norm, p,
                        TestSupport.gaussian(rnd, sh[1] * sh[2], 1 / Math.sqrt(sh[2])), true);
            }
            Problem p = general(rnd, sh[0], sh[1], sh[2], Normalization.HALF, Kernel.erf());
            check(java.util.Arrays.toString(sh) + " erf", p, TestSupport.gaussian(rnd, sh[1] * sh[2], 0.5), true);
        }
    }

    @Test
    void parallelPairsAndTheIdentityTeacher() {
        int k = 5;
        Problem p = Problem.identityTeacher(k, k, k);
        double[] x = TestSupport.gaussian(new Random(4), k * k, 0.4);
        // student 2 an exact multiple of student 1 (s = 0), student 3 exactly on a teacher axis
        for (int q = 0; q < k; q++) {
            x[k + q] = 2 * x[q];
            x[2 * k + q] = q == 2 ? 0.8 : 0.0;
        }
        check("parallel pairs", p, x, false);
        check("identity teacher, random point", Problem.identityTeacher(8, 8, 8),
                TestSupport.gaussian(new Random(6), 64, 0.35), true);
    }

    @Test
    void zeroNeuronIsRefused() {
        Problem p = Problem.identityTeacher(3, 3, 3);
        Objective f = new PairwiseObjective(p, KernelCompiler.compiled(p.kernel()));
        double[] x = TestSupport.gaussian(new Random(1), 9, 0.5);
        java.util.Arrays.fill(x, 3, 6, 0.0);
        assertThrows(NotDifferentiableException.class, () -> f.hessianAt(x));
    }
}
