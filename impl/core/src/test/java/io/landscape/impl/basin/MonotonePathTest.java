package io.landscape.impl.basin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.landscape.api.empirical.BasinSolution;
import io.landscape.api.empirical.DataSet;
import io.landscape.api.empirical.EmpiricalProblem;
import io.landscape.api.empirical.Loss;
import io.landscape.impl.empirical.Initialization;
import io.landscape.impl.empirical.TwoLayerObjective;

class MonotonePathTest {
    /** Thm. 1 + Lemmas 4–5: the loss decreases strictly along the constructed path to the basin minimum. */
    @ParameterizedTest
    @EnumSource(Loss.class)
    void lossDecreasesStrictlyToTheBasinMinimum(Loss loss) {
        SplittableRandom rnd = new SplittableRandom(21);
        int checked = 0;
        for (int trial = 0; trial < 200 && checked < 12; trial++) {
            int m = 8;
            int d = 3;
            int n = 4;
            double[][] x = new double[m][d];
            double[] y = new double[m];
            for (int t = 0; t < m; t++) {
                for (int j = 0; j < d; j++) {
                    x[t][j] = Initialization.gaussian(rnd);
                }
                y[t] = loss == Loss.SQUARED ? Initialization.gaussian(rnd) : rnd.nextInt(2);
            }
            EmpiricalProblem p = new EmpiricalProblem(new DataSet(x, y), loss, n);
            double[] w = Initialization.gaussian(1).twoLayer(rnd, n, d, true);
            TwoLayerObjective f = new TwoLayerObjective(p);
            if (!(f.value(w) > f.lossOfZero())) {
                continue; // Thm. 1's condition (2) fails: Prop. 1 says this happens with probability ≤ ½
            }
            BasinSolution bas = CellBasinSolver.DEFAULT.solve(p, w);
            if (loss == Loss.SQUARED) {
                assertTrue(bas.kktResidual() <= 1e-9, "trial " + trial + " KKT " + bas.kktResidual());
            }
            MonotonePath path;
            try {
                path = MonotonePath.of(p, w, bas);
            } catch (IllegalStateException e) {
                // Thm. 1's condition (1) fails (footnote 3: cross-entropy needs a misclassified example on the path)
                assertEquals(Loss.CROSS_ENTROPY, loss, e.getMessage());
                continue;
            }
            int samples = 2000;
            double[] losses = path.sampleLosses(samples);
            assertEquals(f.value(w), losses[0], 1e-12 * (1 + losses[0]));
            assertTrue(losses[samples] <= bas.basinValue() + 1e-14, "end " + losses[samples] + " > Bas "
                    + bas.basinValue());
            if (loss == Loss.SQUARED) {
                assertEquals(bas.basinValue(), losses[samples], 1e-12); // exact minimum: c* = 1
            }
            for (int k = 1; k <= samples; k++) {
                assertTrue(losses[k] < losses[k - 1], "trial " + trial + ": not decreasing at sample " + k + ": "
                        + losses[k - 1] + " -> " + losses[k]);
            }
            assertTrue(path.staysInCell(200, 1e-12), "path leaves the cell");
            checked++;
        }
        assertTrue(checked >= 10, "too few instances satisfied Thm. 1's condition: " + checked);
    }
}
