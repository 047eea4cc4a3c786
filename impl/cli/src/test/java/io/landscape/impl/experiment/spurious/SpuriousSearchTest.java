package io.landscape.impl.experiment.spurious;
import io.landscape.impl.optim.Initialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.landscape.impl.optim.GradientDescent;

class SpuriousSearchTest {

    static SpuriousSearch.Config config(int k, int n, int runs, int threads) {
        return new SpuriousSearch.Config(k, n, runs, 42, Initialization.xavier(k),
                GradientDescent.Settings.accelerated(), threads, Families.DEFAULT_TOLERANCE);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        CellResult one = SpuriousSearch.cell(config(8, 8, 40, 1), Map.of(), null);
        CellResult three = SpuriousSearch.cell(config(8, 8, 40, 3), Map.of(), null);
        assertEquals(one.runs().size(), three.runs().size());
        for (int r = 0; r < 40; r++) {
            RunRecord a = one.runs().get(r);
            RunRecord b = three.runs().get(r);
            assertEquals(r, a.run());
            assertEquals(a.seed(), b.seed());
            assertEquals(a.iterations(), b.iterations());
            assertEquals(a.value(), b.value(), 0.0);
            assertEquals(one.familyOf(r), three.familyOf(r));
        }
        assertEquals(Reports.cellJson(one, FamilyCertifier.NONE).get("families"),
                Reports.cellJson(three, FamilyCertifier.NONE).get("families"));
        assertTrue(one.spuriousRuns() > 0, "(8, 8) with 40 runs should hit a spurious minimum");
    }

    @Test
    void everyFamilyIsAStrictStationaryNonGlobalPoint() {
        CellResult c = SpuriousSearch.cell(config(8, 8, 50, 2), Map.of(), null);
        assertEquals(50, c.runs().size());
        assertEquals(50, c.globalRuns() + c.spuriousRuns() + c.unconvergedCandidates() + c.divergedRuns()
                + c.otherCandidates().stream().mapToInt(Family::multiplicity).sum());
        for (Family f : c.families()) {
            assertTrue(f.maxNeuronGradient() <= 1e-6, "stationary");
            assertTrue(f.objective() >= 1e-3, "not global");
            assertTrue(f.lambdaMin() > 0, "strict minimum");
            assertEquals(f.multiplicity(), f.runs().size());
            assertEquals(f.point().length, 8);
        }
        double[] ci = c.wilson95();
        assertTrue(ci[0] <= c.percent() && c.percent() <= ci[1]);
    }

    @Test
    void aNeuronCreepingToTheOriginIsNotAMinimum() {
        // k = n = 1: from w < 0 GD creeps to w = 0⁻ with F = 1/4 and a positive "Hessian", but F decreases for w > 0
        CellResult c = SpuriousSearch.cell(config(1, 1, 20, 2), Map.of(), null);
        assertEquals(0, c.spuriousRuns());
        assertTrue(c.otherCandidates().size() == 1 && c.otherCandidates().get(0).minNeuronNorm() < 1e-3);
        assertEquals(20, c.globalRuns() + c.otherCandidates().get(0).multiplicity());
    }

    @Test
    void aRunDependsOnlyOnSeedAndIndex() {
        RunRecord alone = SpuriousSearch.run(config(6, 6, 20, 2), 17);
        RunRecord inCell = SpuriousSearch.runs(config(6, 6, 20, 2), Map.of(), null).get(17);
        assertEquals(alone.seed(), inCell.seed());
        assertEquals(alone.value(), inCell.value(), 0.0);
        assertEquals(alone.totalIterations(), inCell.totalIterations());
        assertEquals(Initialization.runSeed(42, 17), alone.seed());
        assertNotEquals(Initialization.runSeed(42, 17), Initialization.runSeed(43, 17));
        assertNotEquals(Initialization.runSeed(42, 17), Initialization.runSeed(42, 18));
    }

    @Test
    void aKilledSweepResumesToTheSameResult(@TempDir Path dir) throws Exception {
        Sweep.Settings s = new Sweep.Settings(42, 30, "xavier", GradientDescent.Settings.accelerated(), 2,
                Families.DEFAULT_TOLERANCE);
        List<int[]> cells = List.of(new int[] {6, 6}, new int[] {7, 7});
        Path full = dir.resolve("full");
        List<CellResult> reference = Sweep.run(cells, s, full, false, null);

        // simulate a kill: keep the header, 35 finished runs and half of the next line
        Path cut = dir.resolve("cut");
        Files.createDirectories(cut);
        List<String> lines = Files.readAllLines(full.resolve("runs.jsonl"), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= 35; i++) {
            sb.append(lines.get(i)).append('\n');
        }
        sb.append(lines.get(36), 0, lines.get(36).length() / 2);
        Files.writeString(cut.resolve("runs.jsonl"), sb.toString());

        List<CellResult> resumed = Sweep.run(cells, s, cut, false, null);
        for (int c = 0; c < 2; c++) {
            assertEquals(Reports.cellJson(reference.get(c), FamilyCertifier.NONE).without(List.of("seconds", "runSeconds", "cpuSeconds")),
                    Reports.cellJson(resumed.get(c), FamilyCertifier.NONE).without(List.of("seconds", "runSeconds", "cpuSeconds")));
        }
        long logged = Files.readAllLines(cut.resolve("runs.jsonl")).size();
        assertEquals(1 + 60, logged, "header + every run exactly once");
        assertTrue(Files.exists(cut.resolve("cells").resolve("k7-n7.json")));

        // a different seed in the same directory is refused
        Sweep.Settings other = new Sweep.Settings(43, 30, "xavier", GradientDescent.Settings.accelerated(), 2,
                Families.DEFAULT_TOLERANCE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sweep.run(cells, other, cut, false, null));
        assertTrue(e.getMessage().contains("seed"));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> config(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> config(1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> config(1, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> config(1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Initialization.parse("uniform", 3));
        assertThrows(IllegalArgumentException.class, () -> Initialization.parse("gaussian:-1", 3));
        assertEquals(1 / Math.sqrt(5), Initialization.parse("xavier", 5).sigma(), 0.0);
        assertEquals(0.3, Initialization.parse("gaussian:0.3", 5).sigma(), 0.0);
    }

    @Test
    void largeHessiansGetLambdaMinWithoutAFullEigenDecomposition() {
        // H = Q diag(λ) Qᵀ with λ_min = 0.01 (multiplicity 3) and 0.0100001 next: the Hessian structure of symmetric
        // minima; m above DENSE_EIGEN_MAX takes the Cholesky + Lanczos-on-A⁻¹ path
        int m = Families.DENSE_EIGEN_MAX + 100;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
        org.ejml.data.DMatrixRMaj g = new org.ejml.data.DMatrixRMaj(m, m);
        for (int i = 0; i < m * m; i++) {
            g.data[i] = rng.nextGaussian();
        }
        org.ejml.interfaces.decomposition.QRDecomposition<org.ejml.data.DMatrixRMaj> qr =
                org.ejml.dense.row.factory.DecompositionFactory_DDRM.qr(m, m);
        qr.decompose(g);
        org.ejml.data.DMatrixRMaj q = qr.getQ(null, false);
        double[] lambda = new double[m];
        for (int e = 0; e < m; e++) {
            lambda[e] = e < 3 ? 0.01 : e == 3 ? 0.0100001 : 0.05 + e * 0.01;
        }
        double[] h = new double[m * m];
        double[] col = new double[m];
        for (int e = 0; e < m; e++) {
            for (int i = 0; i < m; i++) {
                col[i] = q.get(i, e);
            }
            for (int i = 0; i < m; i++) {
                double f = lambda[e] * col[i];
                for (int j = 0; j < m; j++) {
                    h[i * m + j] += f * col[j];
                }
            }
        }
        // the Ritz value approaches λ_min from above: inside the near-multiple cluster [0.01, 0.0100001]
        double estimate = Families.lambdaMin(h, m);
        assertTrue(estimate >= 0.01 - 1e-12 && estimate <= 0.0100001 + 1e-9, "estimate " + estimate);
        for (int i = 0; i < m; i++) {
            h[i * m + i] -= 0.02; // now indefinite (λ_min = −0.01): a saddle, reported ≤ 0
        }
        double saddle = Families.lambdaMin(h, m);
        assertTrue(saddle < 0 && saddle >= -0.0100001, "saddle " + saddle);
    }

    @Test
    void wilsonIntervalAndPaperRows() {
        double[] ci = Wilson.interval(346, 1000, 1.959963984540054);
        assertEquals(31.7, ci[0], 0.1);
        assertEquals(37.6, ci[1], 0.1);
        assertEquals(0.0, Wilson.interval(0, 1000, 1.96)[0], 0.0);
        assertEquals(34.6, PaperTables.row(10, 10).percent(), 0.0);
        assertEquals(1.5, PaperTables.row(13, 14).percent(), 0.0);
        assertEquals(0.0, PaperTables.row(9, 10).percent(), 0.0);
        assertEquals(null, PaperTables.row(21, 21));
        int count = 0;
        for (PaperTables.Row r : PaperTables.rows()) {
            count++;
            assertFalse(Double.isNaN(r.lambdaMin()));
        }
        assertEquals(26, count);
    }

    /**
     * k = n = 1 from w &lt; 0: F = ¼w² + ¼ decreases towards the non-differentiable origin, which is not a minimum
     * (F &lt; ¼ just right of it). Those runs stall with a vanishing neuron and must not be counted as spurious minima.
     */
    @Test
    void stallingAtTheOriginIsNotASpuriousMinimum() {
        CellResult c = SpuriousSearch.cell(config(1, 1, 40, 1), Map.of(), null);
        assertEquals(0, c.spuriousRuns(), "families: " + c.families());
        assertTrue(c.otherCandidates().size() >= 1, "the stalled runs are reported as other candidates");
    }

    /** The up-front memory estimate: small cells fit, cells beyond the heap or Java's array limit are refused. */
    @Test
    void memoryEstimateRefusesImpossibleCells() {
        long gib = 1L << 30;
        assertEquals(null, SpuriousSearch.memoryProblem(20, 20, 1000, 2, 4 * gib));
        assertEquals(null, SpuriousSearch.memoryProblem(100, 100, 1000, 2, 4 * gib));
        // (n·k)² = 10^20 entries: no Java array holds the Hessian, whatever the heap
        String huge = SpuriousSearch.memoryProblem(100_000, 100_000, 5, 2, Long.MAX_VALUE);
        assertTrue(huge != null && huge.contains("46340"), huge);
        // k = n = 200: 3·(4·10^4)² doubles ≈ 36 GiB for the certifier alone
        double need = SpuriousSearch.memoryBytes(200, 200, 5, 2);
        assertTrue(need > 3 * 8 * 1.6e9, "at least the certifier's three m×m matrices: " + need);
        String big = SpuriousSearch.memoryProblem(200, 200, 5, 2, 4 * gib);
        assertTrue(big != null && big.contains("GiB"), big);
        assertEquals(null, SpuriousSearch.memoryProblem(200, 200, 5, 2, (long) (need * 1.01)));
        // monotone in every argument
        assertTrue(SpuriousSearch.memoryBytes(20, 20, 2000, 2) > SpuriousSearch.memoryBytes(20, 20, 1000, 2));
        assertTrue(SpuriousSearch.memoryBytes(20, 20, 1000, 4) > SpuriousSearch.memoryBytes(20, 20, 1000, 2));
        assertTrue(SpuriousSearch.memoryBytes(20, 21, 1000, 2) > SpuriousSearch.memoryBytes(20, 20, 1000, 2));
    }
}
