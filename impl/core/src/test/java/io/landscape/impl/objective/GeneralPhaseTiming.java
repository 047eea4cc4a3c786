package io.landscape.impl.objective;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

import io.landscape.api.Kernel;
import io.landscape.api.Problem;
import io.landscape.impl.compile.KernelCompiler;
import io.landscape.impl.kernel.PairKernel;

/**
 * Not a test: the phase breakdown of one SIMD value and gradient ({@link VectorPairwiseObjective}'s steps, replayed
 * with the same calls on its own buffers), in thread CPU µs per call, best of 7 blocks. Run from impl/core with the
 * test class path: {@code java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:$(cat cp.txt)
 * io.landscape.impl.objective.GeneralPhaseTiming 20 100}.
 */
public final class GeneralPhaseTiming {
    private static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();

    private GeneralPhaseTiming() {
    }

    static double cpu(Runnable r) {
        long t0 = BEAN.getCurrentThreadCpuTime();
        int calls = 0;
        while (BEAN.getCurrentThreadCpuTime() - t0 < 1_000_000_000L) {
            r.run();
            calls++;
        }
        int reps = Math.max(1, calls / 20);
        double best = Double.POSITIVE_INFINITY;
        for (int b = 0; b < 7; b++) {
            long s = BEAN.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) {
                r.run();
            }
            best = Math.min(best, (BEAN.getCurrentThreadCpuTime() - s) / 1e3 / reps);
        }
        return best;
    }

    public static void main(String[] args) {
        for (String arg : args) {
            int size = Integer.parseInt(arg);
            int n = size;
            int k = size;
            int d = size;
            Problem p = Problem.identityTeacher(k, k, n);
            PairKernel kernel = KernelCompiler.compiled(Kernel.relu());
            Random rnd = new Random(1);
            double[] x = new double[n * d];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextGaussian() / Math.sqrt(size);
            }
            int L = VectorDense.lanes();
            int nk = n + k;
            int dp = (d + L - 1) / L * L;
            int np = (nk + L - 1) / L * L;
            double[] wv = new double[nk * dp];
            double[] wvT = new double[d * np];
            for (int l = 0; l < k; l++) {
                double[] row = p.teacherNeuron(l);
                for (int q = 0; q < d; q++) {
                    wv[(n + l) * dp + q] = row[q];
                    wvT[q * np + n + l] = row[q];
                }
            }
            double[] dots = new double[n * np + L];
            double[] rv = new double[np + L];
            double[] inv = new double[np + L];
            java.util.Arrays.fill(rv, 1.0);
            java.util.Arrays.fill(inv, 1.0);
            double[] ab = new double[np + L];
            java.util.Arrays.fill(ab, 0, nk, 1.0);
            double[] coef = new double[n * np + L];
            double[] gp = new double[n * dp];
            double[] c = new double[4 * np + L];
            double[] s = new double[4 * np + L];
            double[] t = new double[4 * np + L];
            double[] selfT = new double[n];
            java.util.Arrays.fill(selfT, 0.5);
            int gs = (n + L - 1) / L * L;
            double[] gv = new double[n * gs];
            double[] col = new double[gs];
            double[] part = new double[n * 3 * L];
            double[] fsum = new double[2 + 2 * L];
            PairGeometry geo = new PairGeometry();
            int relu = VectorDense.reluTranscription(kernel);
            Runnable copy = () -> {
                for (int i = 0; i < n; i++) {
                    System.arraycopy(x, i * d, wv, i * dp, d);
                }
                // the transpose row by row of wvT: contiguous stores, strided loads (cheaper than strided stores)
                for (int q = 0; q < d; q++) {
                    int o = q * np;
                    for (int i = 0, xi = q; i < n; i++, xi += d) {
                        wvT[o + i] = x[xi];
                    }
                }
            };
            copy.run();
            // what the evaluator does now: the transpose in blocks of 8 rows of x, no copy of W (the Gram reads x)
            Runnable transpose = () -> {
                for (int i0 = 0; i0 < n; i0 += 8) {
                    int i1 = Math.min(n, i0 + 8);
                    for (int q = 0; q < d; q++) {
                        int o = q * np;
                        for (int i = i0, xi = i0 * d + q; i < i1; i++, xi += d) {
                            wvT[o + i] = x[xi];
                        }
                    }
                }
            };
            Runnable gram = () -> VectorDense.product(wv, dp, 0, n, d, wvT, np, np, dots, np, true);
            gram.run();
            for (int i = 0; i < n; i++) {
                rv[i] = Math.sqrt(dots[i * np + i]);
                inv[i] = 1.0 / rv[i];
            }
            for (int l = 0; l < k; l++) {
                rv[n + l] = 1.0;
                inv[n + l] = 1.0;
            }
            Runnable angles = () -> {
                for (int i0 = 0; i0 < n; i0 += 4) {
                    VectorDense.angles(dots, np, i0, Math.min(n, i0 + 4), nk, inv, x, n, wv, dp, d, c, s, t, np, geo);
                }
            };
            Runnable coefs = () -> {
                for (int i0 = 0; i0 < n; i0 += 4) {
                    VectorDense.reluRows(relu, true, i0, Math.min(n, i0 + 4), nk, n, rv, ab, inv, selfT, selfT, ab,
                            c, s, t, np, coef, np, gv, gs, part);
                }
            };
            Runnable sums = () -> {
                VectorDense.combineRows(part, n, fsum);
                VectorDense.columnSums(gv, gs, n, col);
                for (int j = 0; j < n; j++) {
                    double r = part[j * 3 * L + 2 * L];
                    for (int q = 1; q < L; q++) {
                        r += part[j * 3 * L + 2 * L + q];
                    }
                    coef[j * np + j] = col[j] + r;
                }
            };
            Runnable mirror = () -> {
                for (int j = 1; j < n; j++) {
                    for (int i = 0; i < j; i++) {
                        coef[j * np + i] = coef[i * np + j];
                    }
                }
            };
            Runnable grad = () -> VectorDense.product(coef, np, 0, n, nk, wv, dp, dp, gp, dp, false);
            // the panel layout of [W; V] (what the evaluator uses from VectorPairwiseObjective.PANEL_MIN_ROWS rows on)
            double[] gradB = new double[nk * dp];
            for (int j = 0; j < nk; j++) {
                for (int q = 0; q < d; q++) {
                    gradB[VectorDense.panelIndex(j, q, nk, dp)] = wv[j * dp + q];
                }
            }
            Runnable gradPanels = () -> VectorDense.productPanels(coef, np, 0, n, nk, gradB, dp, gp, dp, false);
            double[] gOut = new double[n * d];
            Runnable out = () -> VectorDense.scaleOut(gp, dp, n, d, 1.0, gOut);
            var f = VectorPairwiseObjective.create(p, kernel);
            double[] g = new double[x.length];
            Runnable whole = () -> f.valueAndGradient(x, g);
            System.out.printf("size %d (L = %d, relu transcription %d): CPU µs per call, best of 7%n", size, L, relu);
            System.out.printf("  copy + transpose (old) %8.2f%n", cpu(copy));
            System.out.printf("  transpose, 8-row blocks%8.2f%n", cpu(transpose));
            System.out.printf("  mirror C, 8-row blocks %8.2f%n", cpu(() -> {
                for (int i0 = 0; i0 < n; i0 += 8) {
                    int i1 = Math.min(n, i0 + 8);
                    for (int j = i0 + 1; j < n; j++) {
                        int cj = j * np;
                        int end = Math.min(i1, j);
                        for (int i = i0, o = i0 * np + j; i < end; i++, o += np) {
                            coef[cj + i] = coef[o];
                        }
                    }
                }
            }));
            System.out.printf("  Gram product (upper)   %8.2f%n", cpu(gram));
            System.out.printf("  angles                 %8.2f%n", cpu(angles));
            System.out.printf("  ReLU coefs + lane sums %8.2f%n", cpu(coefs));
            System.out.printf("  combine F, C diagonal  %8.2f%n", cpu(sums));
            System.out.printf("  mirror C (scalar)      %8.2f%n", cpu(mirror));
            int[] map = new int[L];
            for (int q = 0; q < L; q++) {
                map[q] = q * np;
            }
            System.out.printf("  mirror C (gathers)     %8.2f%n", cpu(() -> {
                for (int j = 1; j < n; j++) {
                    VectorDense.mirrorRow(coef, np, j, map);
                }
            }));
            System.out.printf("  gradient product       %8.2f%n", cpu(grad));
            System.out.printf("  same, panel layout     %8.2f%n", cpu(gradPanels));
            System.out.printf("  gradient copy-out      %8.2f%n", cpu(out));
            // last: measured first, C2 had not finished the large pass methods (thousands of µs per call)
            System.out.printf("  whole value+gradient   %8.2f%n", cpu(whole));
        }
    }
}
