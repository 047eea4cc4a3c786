package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.landscape.api.Objective;
import io.landscape.api.Problem;

/** The lanes-over-points evaluator: against the general objective, lane independence, vector widths, accuracy. */
class BatchIdentityObjectiveTest {

    /**
     * The batch evaluator seen as an Objective: the point goes into a lane that changes from call to call, the other
     * lanes hold unrelated random points.
     */
    private static Objective lanewise(int k, int n) {
        BatchIdentityObjective b = new BatchIdentityObjective(k, n);
        double teacher = 0.25 * k + k * (k - 1) * 0.25 / Math.PI;
        SplittableRandom rng = new SplittableRandom(99);
        double[] xb = new double[b.batchLength()];
        double[] gb = new double[b.batchLength()];
        double[] f = new double[b.lanes];
        int[] call = {0};
        return new IdentityTeacherBase(Evaluators.general(Problem.identityTeacher(k, k, n)), k, n) {
            @Override
            double compute(double[] x, double[] g, boolean withValue) {
                int lane = call[0]++ % b.lanes;
                for (int l = 0; l < b.lanes; l++) {
                    b.put(l == lane ? x : SpuriousIdentityObjectiveTest.point(rng, k, n, l), xb, l);
                }
                b.compute(xb, gb, f);
                b.get(gb, lane, g);
                return f[lane] - teacher;
            }

            @Override
            IdentityTeacherBase copy() {
                throw new UnsupportedOperationException("single-threaded test adapter");
            }
        };
    }

    @Test
    void matchesTheGeneralObjectiveIncludingNearParallelPairs() {
        SpuriousIdentityObjectiveTest.checkAgainstGeneral(BatchIdentityObjectiveTest::lanewise);
    }

    @Test
    void aLanesResultDoesNotDependOnItsLaneOrItsCompanions() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int[] kn : new int[][] {{3, 4}, {6, 6}, {13, 13}, {20, 21}}) {
            int k = kn[0];
            int n = kn[1];
            BatchIdentityObjective b = new BatchIdentityObjective(k, n);
            int L = b.lanes;
            for (int t = 0; t < 12; t++) {
                double[] x = SpuriousIdentityObjectiveTest.point(rng, k, n, t);
                double[] refG = null;
                double refF = 0;
                for (int lane = 0; lane < L; lane++) {
                    double[] xb = new double[b.batchLength()];
                    double[] gb = new double[b.batchLength()];
                    double[] f = new double[L];
                    for (int l = 0; l < L; l++) {
                        b.put(l == lane ? x : SpuriousIdentityObjectiveTest.point(rng, k, n, t + l + 1), xb, l);
                    }
                    b.compute(xb, gb, f);
                    double[] g = new double[n * k];
                    b.get(gb, lane, g);
                    if (refG == null) {
                        refG = g;
                        refF = f[lane];
                    } else {
                        assertEquals(refF, f[lane], 0.0, "F in lane " + lane);
                        for (int e = 0; e < g.length; e++) {
                            assertEquals(refG[e], g[e], 0.0, "gradient entry " + e + " in lane " + lane);
                        }
                    }
                }
            }
        }
    }

    @Test
    void zeroNeuronGivesNaNInItsLaneOnly() {
        BatchIdentityObjective b = new BatchIdentityObjective(3, 2);
        double[] xb = new double[b.batchLength()];
        double[] gb = new double[b.batchLength()];
        double[] f = new double[b.lanes];
        for (int l = 0; l < b.lanes; l++) {
            b.put(l == 1 ? new double[] {1, 0, 0, 0, 0, 0} : new double[] {1, 0.2, 0, 0.1, 1, 0}, xb, l);
        }
        b.compute(xb, gb, f);
        for (int l = 0; l < b.lanes; l++) {
            assertEquals(l == 1, Double.isNaN(f[l]), "lane " + l);
        }
    }

    /** Student–teacher angles down to θ → 0 and near π/3 (the reductions' borders): F against the general objective. */
    @Test
    void teacherAnglesAccurateAtTheReductionBorders() {
        int k = 4;
        Objective ref = Evaluators.general(Problem.identityTeacher(k, k, 1));
        Objective fast = lanewise(k, 1);
        double worst = 0;
        for (double theta : new double[] {0, 1e-300, 1e-12, 1e-7, 0.3, Math.PI / 6, Math.PI / 3 - 1e-9, Math.PI / 3,
                Math.PI / 3 + 1e-9, 1.0, Math.PI / 2, 2.0, 2 * Math.PI / 3, 3.0, Math.PI - 1e-9, Math.PI}) {
            double[] x = {Math.cos(theta), Math.sin(theta) * 0.6, Math.sin(theta) * 0.8, 0};
            double[] g1 = new double[k];
            double[] g2 = new double[k];
            double f1 = ref.valueAndGradient(x, g1);
            double f2 = fast.valueAndGradient(x, g2);
            worst = Math.max(worst, Math.abs(f1 - f2));
            for (int q = 0; q < k; q++) {
                worst = Math.max(worst, Math.abs(g1[q] - g2[q]));
            }
        }
        assertTrue(worst < 1e-14, "worst difference " + worst);
    }

    /** Prints "bits digest" of F and ∇F over the test points; one JVM per vector width in {@link #bitwiseTheSameForEveryVectorWidth}. */
    public static void main(String[] args) {
        System.out.println(BatchIdentityObjective.SP.vectorBitSize() + " "
                + VectorIdentityObjectiveTest.digest(BatchIdentityObjectiveTest::lanewise));
    }

    @Test
    void bitwiseTheSameForEveryVectorWidth() throws Exception {
        VectorIdentityObjectiveTest.sameDigestForEveryWidth(BatchIdentityObjectiveTest.class);
    }
}
