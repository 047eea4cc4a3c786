package io.landscape.impl.experiment.spurious;
import io.landscape.impl.optim.Initialization;
import io.landscape.impl.objective.IdentityTeacherObjective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.landscape.api.Objective;
import io.landscape.api.Points;
import io.landscape.impl.optim.GradientDescent;

class SymmetryTest {

    static double[][] permute(double[][] w, int[] rows, int[] cols) {
        double[][] out = new double[w.length][w[0].length];
        for (int i = 0; i < w.length; i++) {
            for (int c = 0; c < w[0].length; c++) {
                out[i][c] = w[rows[i]][cols[c]];
            }
        }
        return out;
    }

    static int[] shuffle(int m, SplittableRandom rng) {
        int[] p = new int[m];
        for (int i = 0; i < m; i++) {
            p[i] = i;
        }
        for (int i = m - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Example 1 of paper 002 (polished, catalogue §3.2), one neuron per row: highly symmetric, many ties. */
    static double[][] example1() {
        double[][] w = new double[6][6];
        w[0] = new double[] {-0.60151, 0.22452, 0.22452, 0.22452, 0.22452, 0.22452};
        for (int j = 1; j < 6; j++) {
            w[j][0] = 0.30801;
            for (int q = 1; q < 6; q++) {
                w[j][q] = q == j ? 0.98670 : -0.05041;
            }
        }
        return w;
    }

    @Test
    void permutedCopiesAreAtDistanceZero() {
        SplittableRandom rng = new SplittableRandom(11);
        List<double[][]> points = new ArrayList<>();
        points.add(example1());
        double[][] random = new double[9][7];
        for (double[] row : random) {
            for (int c = 0; c < row.length; c++) {
                row[c] = rng.nextGaussian();
            }
        }
        points.add(random);
        for (double[][] w : points) {
            for (int t = 0; t < 20; t++) {
                double[][] p = permute(w, shuffle(w.length, rng), shuffle(w[0].length, rng));
                assertEquals(0.0, Symmetry.distance(w, p), 1e-12);
                assertEquals(0.0, Symmetry.distance(Symmetry.canonical(w), Symmetry.canonical(p)), 1e-12);
            }
        }
    }

    @Test
    void canonicalFormIsPermutationInvariantWithoutTies() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] w = new double[5][4];
        for (double[] row : w) {
            for (int c = 0; c < row.length; c++) {
                row[c] = rng.nextGaussian();
            }
        }
        double[][] c0 = Symmetry.canonical(w);
        double[][] c1 = Symmetry.canonical(permute(w, shuffle(5, rng), shuffle(4, rng)));
        for (int i = 0; i < 5; i++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(c0[i][c], c1[i][c], 0.0);
            }
        }
    }

    @Test
    void distinctPointsAreFar() {
        double[][] a = example1();
        double[][] b = example1();
        b[0][0] += 0.01;
        assertTrue(Symmetry.distance(a, b) >= 0.01 - 1e-12);
        assertEquals(0.01, Symmetry.distance(a, b), 1e-12);
    }

    @Test
    void permutedRunsFormOneFamily() {
        // a converged spurious point (from Example 1), its permuted copies, and a global minimum (not a candidate)
        int k = 6;
        Objective f = IdentityTeacherObjective.create(k, k);
        GradientDescent.Result polished = GradientDescent.run(f, k, Points.flatten(example1()),
                GradientDescent.Settings.accelerated());
        double[][] w = Points.unflatten(polished.point(), k);
        SplittableRandom rng = new SplittableRandom(5);
        List<RunRecord> runs = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            double[][] p = r == 0 ? w : permute(w, shuffle(k, rng), shuffle(k, rng));
            runs.add(new RunRecord(k, k, r, r, 10, 10, 2, 0, 0.1, GradientDescent.Stop.NEWTON, polished.value(),
                    polished.maxNeuronGradient(), 0.0, 0.0, Points.flatten(p)));
        }
        runs.add(new RunRecord(k, k, 6, 6, 10, 10, 0, 0, 0.1, GradientDescent.Stop.BELOW_THRESHOLD, 5e-4, 1e-3, 0.0, 0.0,
                null));
        CellResult c = Families.classify(k, k, 7, runs, f, Families.DEFAULT_TOLERANCE, 0.0);
        assertEquals(1, c.families().size());
        Family fam = c.families().get(0);
        assertEquals(6, fam.multiplicity());
        assertEquals(1, c.globalRuns());
        assertTrue(fam.maxDistance() < 1e-12);
        assertEquals(0.0250806, fam.objective(), 1e-7);   // catalogue §3.2
        assertEquals(0.0047004, fam.lambdaMin(), 1e-6);   // paper: certified ≥ 0.004699
        assertTrue(fam.minimum());
        assertEquals(6, c.spuriousRuns());
        assertEquals(1, c.familyOf(3));
        assertEquals(0, c.familyOf(6));
    }

    @Test
    void withinFindsPermutedCopiesAndNeverUnderstates() {
        SplittableRandom rng = new SplittableRandom(21);
        for (int t = 0; t < 20; t++) {
            int n = 3 + rng.nextInt(15);
            int k = 2 + rng.nextInt(15);
            double[][] a = Points.unflatten(Initialization.xavier(k).sample(100 + t, n, k), k);
            double[][] b = permute(a, shuffle(n, rng), shuffle(k, rng));
            b[0][0] += 1e-12;
            assertTrue(Symmetry.within(a, b, 2e-12), "a permuted copy, n = " + n + ", k = " + k);
            assertFalse(Symmetry.within(a, b, 0.5e-12), "closer than the copy is");
            double[][] c = Points.unflatten(Initialization.xavier(k).sample(200 + t, n, k), k);
            // a true answer is backed by an alignment, so never below the aligned distance
            double dist = Symmetry.distance(a, c);
            assertFalse(Symmetry.within(a, c, 0.999 * dist), "another point, n = " + n + ", k = " + k);
            assertTrue(Symmetry.within(a, c, dist));
        }
    }
}
