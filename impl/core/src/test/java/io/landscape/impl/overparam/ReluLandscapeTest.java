package io.landscape.impl.overparam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.landscape.api.Normalization;
import io.landscape.api.Problem;
import io.landscape.impl.kernel.ReluClosedForm;
import io.landscape.impl.objective.PairwiseObjective;

/** The analysis API against the evaluators' dense Hessian, finite differences and its own closed forms. */
class ReluLandscapeTest {
    static double[] random(SplittableRandom rnd, int len, double sigma) {
        double[] x = new double[len];
        for (int p = 0; p < len; p++) {
            x[p] = sigma * rnd.nextGaussian();
        }
        return x;
    }

    static Problem general(SplittableRandom rnd, int k, int d, int n) {
        double[][] v = new double[k][d];
        for (double[] row : v) {
            for (int q = 0; q < d; q++) {
                row[q] = rnd.nextGaussian();
            }
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 0.5 + rnd.nextDouble();
        }
        double[] b = new double[k];
        for (int l = 0; l < k; l++) {
            b[l] = rnd.nextDouble() < 0.3 ? -1 : 1 + rnd.nextDouble();
        }
        return Problem.builder().teacher(v).students(n).studentWeights(a).teacherWeights(b)
                .normalization(Normalization.FULL).build();
    }

    static double maxAbsDiff(double[] x, double[] y) {
        double m = 0;
        for (int p = 0; p < x.length; p++) {
            m = Math.max(m, Math.abs(x[p] - y[p]));
        }
        return m;
    }

    @Test
    void blocksAndProductsMatchTheDenseHessianOfTheEvaluator() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 6; trial++) {
            int k = 1 + rnd.nextInt(5);
            int d = k + rnd.nextInt(3);
            int n = 1 + rnd.nextInt(6);
            Problem p = trial % 2 == 0 ? Problem.identityTeacher(k, d, n) : general(rnd, k, d, n);
            ReluLandscape land = new ReluLandscape(p);
            double[] x = random(rnd, n * d, 1.0);
            double[] dense = new PairwiseObjective(p, new ReluClosedForm()).hessian().evaluate(x);
            ReluBlockHessian h = land.hessianAt(x);
            double[] mine = h.toDense();
            assertTrue(maxAbsDiff(dense, mine) < 1e-12, "trial " + trial + ": " + maxAbsDiff(dense, mine));
            double[] v = random(rnd, n * d, 1.0);
            double[] hv = new double[n * d];
            h.multiply(v, hv);
            double[] ref = new double[n * d];
            for (int r = 0; r < n * d; r++) {
                for (int s = 0; s < n * d; s++) {
                    ref[r] += dense[r * n * d + s] * v[s];
                }
            }
            assertTrue(maxAbsDiff(ref, hv) < 1e-12, "HVP trial " + trial + ": " + maxAbsDiff(ref, hv));
        }
    }

    @Test
    void blocksHandleParallelAndAntiparallelNeurons() {
        Problem p = Problem.identityTeacher(3, 4, 4);
        double[] x = {1, 0, 0, 0, 0.5, 0, 0, 0, 0, 1, 0, 0, 0, -2, 0, 0};
        double[] dense = new PairwiseObjective(p, new ReluClosedForm()).hessian().evaluate(x);
        double[] mine = new ReluLandscape(p).hessianAt(x).toDense();
        assertTrue(maxAbsDiff(dense, mine) < 1e-12, "" + maxAbsDiff(dense, mine));
    }

    @Test
    void splitHessianEq67EqualsTheDirectHessianAtTheSplitPoint() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 6; trial++) {
            int k = 2 + rnd.nextInt(4);
            int d = k + rnd.nextInt(2);
            int n = 2 + rnd.nextInt(4);
            Problem p = trial % 2 == 0 ? Problem.identityTeacher(k, d, n) : general(rnd, k, d, n);
            ReluLandscape land = new ReluLandscape(p);
            double[] x = random(rnd, n * d, 1.0);
            int i = rnd.nextInt(n);
            double alpha = trial % 3 == 0 ? 0.5 : 0.3 + 0.4 * rnd.nextDouble();
            double[] s = land.split(x, i, alpha);
            Problem ps = land.splitProblem(i);
            double[] direct = new PairwiseObjective(ps, new ReluClosedForm()).hessian().evaluate(s);
            double[] direct2 = new ReluLandscape(ps).hessianAt(s).toDense();
            SplitHessian sh = land.splitHessian(x, i, alpha);
            double[] closed = sh.toDense();
            assertTrue(maxAbsDiff(direct, closed) < 1e-11, "trial " + trial + ": " + maxAbsDiff(direct, closed));
            assertTrue(maxAbsDiff(direct2, closed) < 1e-11, "trial " + trial + ": " + maxAbsDiff(direct2, closed));
            // blocks agree with the products
            double[] blk = new double[d * d];
            int m = (n + 1) * d;
            for (int bs = 0; bs <= n; bs++) {
                for (int bt = 0; bt <= n; bt++) {
                    sh.block(bs, bt, blk);
                    for (int r = 0; r < d; r++) {
                        for (int c = 0; c < d; c++) {
                            assertEquals(closed[(bs * d + r) * m + bt * d + c], blk[r * d + c], 1e-12);
                        }
                    }
                }
            }
            // F unchanged, gradient blocks of both halves equal the original's
            PairwiseObjective f = new PairwiseObjective(p, new ReluClosedForm());
            PairwiseObjective fs = new PairwiseObjective(ps, new ReluClosedForm());
            assertEquals(f.value(x), fs.value(s), 1e-12 * Math.max(1, Math.abs(f.value(x))));
            double[] g = f.gradient(x);
            double[] gs = fs.gradient(s);
            for (int q = 0; q < d; q++) {
                assertEquals(g[i * d + q], gs[i * d + q], 1e-11);
                assertEquals(g[i * d + q], gs[(i + 1) * d + q], 1e-11);
            }
            // Lemma 13: the escape direction's quadratic form
            double[] u = random(rnd, d, 1.0);
            double q = sh.quadraticForm(land.escapeDirection(i, u));
            assertEquals(land.escapeCurvature(x, i, alpha, u), q, 1e-11 * Math.max(1, Math.abs(q)));
        }
    }

    @Test
    void eq68IsTheSphericalMeanTraceOverD() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 5; trial++) {
            int k = 2 + rnd.nextInt(4);
            int d = k + rnd.nextInt(3);
            int n = 1 + rnd.nextInt(5);
            Problem p = trial % 2 == 0 ? Problem.identityTeacher(k, d, n) : general(rnd, k, d, n);
            ReluLandscape land = new ReluLandscape(p);
            double[] x = random(rnd, n * d, 1.0);
            for (int i = 0; i < n; i++) {
                double[] hp = land.primeBlock(x, i);
                double tr = 0;
                for (int q = 0; q < d; q++) {
                    tr += hp[q * d + q];
                }
                double lam = land.sphericalMeanCurvature(x, i);
                assertEquals(tr / d, lam, 1e-13);
                // Monte-Carlo mean over the sphere as a third reference
                double mean = 0;
                int samples = 20000;
                SplittableRandom r2 = new SplittableRandom(trial * 100 + i);
                for (int sIdx = 0; sIdx < samples; sIdx++) {
                    double[] u = random(r2, d, 1.0);
                    double nn = 0;
                    for (double e : u) {
                        nn += e * e;
                    }
                    double qf = 0;
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b < d; b++) {
                            qf += u[a] * hp[a * d + b] * u[b];
                        }
                    }
                    mean += qf / nn;
                }
                mean /= samples;
                double[] spec = land.primeBlockSpectrum(x, i);
                double spread = spec[d - 1] - spec[0];
                assertEquals(lam, mean, 0.05 * spread + 1e-12);
                assertEquals(Math.signum(lam), Math.signum(land.splitSignTest(x, i)));
            }
        }
    }

    @Test
    void rayQuadraticIsFAlongTheRayAndTStarMinimisesIt() {
        SplittableRandom rnd = new SplittableRandom(8);
        for (int trial = 0; trial < 4; trial++) {
            Problem p = trial % 2 == 0 ? Problem.identityTeacher(4, 5, 3) : general(rnd, 3, 4, 5);
            ReluLandscape land = new ReluLandscape(p);
            double[] x = random(rnd, p.parameterCount(), 1.0);
            ReluLandscape.Ray ray = land.ray(x);
            for (double t : new double[] {0.0, 0.3, 1.0, 2.5}) {
                double[] y = x.clone();
                for (int q = 0; q < y.length; q++) {
                    y[q] *= t;
                }
                assertEquals(land.value(y), ray.valueAt(t), 1e-12 * Math.max(1, Math.abs(ray.valueAt(t))));
            }
            double ts = ray.optimalScale();
            double[] y = x.clone();
            for (int q = 0; q < y.length; q++) {
                y[q] *= ts;
            }
            double[] g = land.gradient(y);
            double radial = 0;
            for (int q = 0; q < y.length; q++) {
                radial += g[q] * x[q];
            }
            assertEquals(0.0, radial, 1e-12);
        }
    }

    @Test
    void ratiosFollowTheirDefinitions() {
        Problem p = Problem.identityTeacher(3, 3, 3);
        ReluLandscape land = new ReluLandscape(p);
        double[] star = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        double[] x = star.clone();
        x[1] += 0.01;
        x[5] -= 0.02;
        double opsc = Ratios.opsc(land.objective(), x, star);
        double curv = Ratios.opscCurvature(land.objective(), x, star);
        assertTrue(opsc > 0.09 && curv > 0.09, opsc + " " + curv);
        double pl = Ratios.pl(land.objective(), x, 0.0);
        assertTrue(pl > 0.09, "" + pl);
    }

    @Test
    void productsAtK100AgreeWithBlocksWithoutTheDenseMatrix() {
        int k = 100;
        SplittableRandom rnd = new SplittableRandom(100);
        ReluLandscape land = ReluLandscape.identityTeacher(k, k, k);
        double[] x = random(rnd, k * k, 1.0 / Math.sqrt(k));
        ReluBlockHessian h = land.hessianAt(x);
        double[] v = random(rnd, k * k, 1.0);
        double[] hv = new double[k * k];
        long t0 = System.nanoTime();
        int reps = 5;
        for (int r = 0; r < reps; r++) {
            h.multiply(v, hv);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / reps;
        System.out.printf("k = n = d = 100: one Hessian-vector product %.1f ms (dense Hessian would be 800 MB)%n", ms);
        double[] blk = new double[k * k];
        for (int i : new int[] {0, 37, 99}) {
            double[] row = new double[k];
            for (int j = 0; j < k; j++) {
                h.block(i, j, blk);
                for (int p = 0; p < k; p++) {
                    for (int q = 0; q < k; q++) {
                        row[p] += blk[p * k + q] * v[j * k + q];
                    }
                }
            }
            for (int p = 0; p < k; p++) {
                assertEquals(row[p], hv[i * k + p], 1e-11 * (1 + Math.abs(row[p])));
            }
        }
    }
}
