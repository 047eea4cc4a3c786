package io.landscape.impl.certify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.landscape.api.Problem;
import io.landscape.impl.linalg.SymmetricEigen;
import io.landscape.impl.linalg.Workers;

class SymmetricCertifierTest {
    private static final Options PLAIN = Options.defaults();
    private static final Options POLISH = Options.defaults().withPolish(true);
    private static final Path FAMILIES = Path.of("../../docs/mild-overparameterization/families-n-eq-k.jsonl");

    record Family(String id, int k, double[] point) {
    }

    /** The k ≤ 20 families of the census (docs/mild-overparameterization/families-n-eq-k.jsonl). */
    static List<Family> families() throws IOException {
        List<Family> out = new ArrayList<>();
        Pattern id = Pattern.compile("\"id\": \"([^\"]+)\"");
        Pattern k = Pattern.compile("\"k\": (\\d+)");
        Pattern num = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
        for (String line : Files.readAllLines(FAMILIES)) {
            if (line.isBlank()) {
                continue;
            }
            Matcher mi = id.matcher(line);
            Matcher mk = k.matcher(line);
            assertTrue(mi.find() && mk.find(), line);
            String neurons = line.substring(line.indexOf("\"neurons\""));
            neurons = neurons.substring(neurons.indexOf('[') + 1);
            Matcher mn = num.matcher(neurons);
            List<Double> vals = new ArrayList<>();
            while (mn.find()) {
                vals.add(Double.parseDouble(mn.group()));
            }
            int kk = Integer.parseInt(mk.group(1));
            assertEquals(kk * kk, vals.size(), mi.group(1));
            out.add(new Family(mi.group(1), kk, vals.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    private static Family family(String id) throws IOException {
        return families().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyCensusFamilyGetsTheDenseVerdictFromItsSymmetryBlocks() throws IOException {
        List<Family> fams = families();
        assertEquals(88, fams.size());
        for (Family f : fams) {
            Problem p = Problem.identityTeacher(f.k(), f.k(), f.k());
            Certificate dense = Certifier.certify(p, f.point(), PLAIN);
            Certificate sym = SymmetricCertifier.certify(p, f.point(), PLAIN);
            assertEquals(Certificate.DENSE, dense.method());
            assertEquals(Certificate.SYMMETRY_BLOCKS, sym.method(), f.id());
            assertEquals(dense.verdict(), sym.verdict(), f.id() + ": " + dense.reason() + " vs " + sym.reason());
            assertEquals(dense.reason(), sym.reason(), f.id());
            assertTrue(sym.certified(), f.id() + " " + sym.reason());
            double ld = dense.lambdaMinLowerBound();
            double ls = sym.lambdaMinLowerBound();
            // the dense bound is λ̃(1 − 10⁻⁷) − η at the input, the block bound ≈ λ_min − (rounding) at the
            // symmetrized point ≤ 10⁻⁷ away: they agree to a relative 10⁻⁵
            assertTrue(Math.abs(ls - ld) <= 1e-5 * ld, f.id() + ": λ " + ls + " vs dense " + ld);
            // the symmetrized point is the one certified, and it is close to the family's point
            assertTrue(sym.distanceMoved() <= 1e-7 * Math.sqrt(f.point().length), f.id() + " " + sym.distanceMoved());
            assertTrue(sym.radiusFromInput() >= sym.radius());
            assertEquals(Interval.addUp(sym.radius(), sym.distanceMoved()), sym.radiusFromInput());
            assertEquals(dense.anyDimension(), sym.anyDimension(), f.id());
            assertEquals(dense.objective(), sym.objective(), 1e-12, f.id());
        }
    }

    /** The eigenvalues of all blocks, each dim(ρ) times, sorted. */
    private static double[] blockSpectrum(PointEnclosure e, List<PointSymmetry.Block> blocks) {
        double[][] mids = SymmetricSpectrum.midpoints(e, blocks);
        List<Double> all = new ArrayList<>();
        for (int t = 0; t < blocks.size(); t++) {
            int mu = blocks.get(t).copies().size();
            double[] ev = SymmetricEigen.eigenvalues(mids[t], mu);
            for (double v : ev) {
                for (int r = 0; r < blocks.get(t).dim(); r++) {
                    all.add(v);
                }
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double[] denseSpectrum(PointEnclosure e) {
        HessianEnclosure h = HessianEnclosure.of(e);
        double[] ev = SymmetricEigen.eigenvalues(h.matrix, h.m);
        Arrays.sort(ev);
        return ev;
    }

    @Test
    void theBlocksCarryTheWholeHessianSpectrumWithMultiplicities() throws IOException {
        // census families (matched factors with fixed neurons and coordinates)
        for (String id : new String[] {"k6-family1", "k9-family2", "k13-family7", "k19-family8", "k20-family6"}) {
            Family f = family(id);
            Problem p = Problem.identityTeacher(f.k(), f.k(), f.k());
            SymmetricCertifier.Plan plan = SymmetricCertifier.plan(p, f.point());
            assertNotNull(plan, id);
            PointEnclosure e = new PointEnclosure(p.teacher(), p.studentWeights(), p.teacherWeights(), 1.0,
                    plan.point());
            assertArrayEquals(denseSpectrum(e), blockSpectrum(e, plan.blocks()), 1e-9, id);
        }
        // a synthetic invariant point (not a critical point: the Hessian commutes with G all the same) with factors
        // of orders 2, 3 and 4, a coordinate-only factor, two fixed neurons and a fixed coordinate: n = 11, d = 12
        int n = 11;
        int d = 12;
        PointSymmetry g = PointSymmetry.of(n, d, new int[][] {{0, 1}, {2, 3, 4}, {5, 6, 7, 8}, null},
                new int[][] {{0, 1}, {2, 3, 4}, {5, 6, 7, 8}, {9, 10}});
        int[] orb = g.orbits();
        SplittableRandom rnd = new SplittableRandom(7);
        double[] perOrbit = new double[PointSymmetry.orbitCount(orb)];
        for (int t = 0; t < perOrbit.length; t++) {
            perOrbit[t] = rnd.nextGaussian();
        }
        double[] x = new double[n * d];
        for (int q = 0; q < x.length; q++) {
            x[q] = perOrbit[orb[q]];
        }
        Problem p = Problem.identityTeacher(d, d, n);
        assertTrue(g.fixes(x, p.studentWeights(), p.teacherWeights()));
        List<PointSymmetry.Block> blocks = g.blocks();
        long dims = blocks.stream().mapToLong(b -> (long) b.dim() * b.copies().size()).sum();
        assertEquals(n * d, dims);
        PointEnclosure e = new PointEnclosure(p.teacher(), p.studentWeights(), p.teacherWeights(), 1.0, x);
        assertArrayEquals(denseSpectrum(e), blockSpectrum(e, blocks), 1e-9);
        // and the detector finds this group again from the point
        PointSymmetry found = PointSymmetry.detect(x, n, d, p.studentWeights(), p.teacherWeights(), 1e-9);
        assertNotNull(found);
        assertEquals(4, found.factors());
        assertEquals(g.orbits().length, found.orbits().length);
        assertEquals(PointSymmetry.orbitCount(g.orbits()), PointSymmetry.orbitCount(found.orbits()));
    }

    @Test
    void theGlobalMinimumIsRefusedAsByTheDenseCertifier() {
        Problem p = Problem.identityTeacher(5, 5, 5);
        double[] x = PaperExamples.flat(Problem.identity(5, 5));
        Certificate c = SymmetricCertifier.certify(p, x, PLAIN);
        assertEquals(Certificate.SYMMETRY_BLOCKS, c.method());
        assertEquals("S5", c.symmetry());
        assertFalse(c.certified());
        assertEquals("lemma2-objective", c.reason());
        // Thm 2: λ_min = ¼ − 1/(2π) exactly
        // (the terms of the neurons lying on teacher lines, sin θ = 0, are left out with their size ~ 10⁻⁸)
        assertTrue(c.lambdaMinLowerBound() > 0.25 - 1 / (2 * Math.PI) - 1e-7
                && c.lambdaMinLowerBound() <= 0.25 - 1 / (2 * Math.PI) + 1e-12, "λ " + c.lambdaMinLowerBound());
        assertEquals(0.0, c.distanceMoved());
    }

    @Test
    void aSplitNeuronSaddleIsRefusedAsByTheDenseCertifier() {
        Certificate m = SymmetricCertifier.certify(Problem.identityTeacher(6, 6, 6),
                PaperExamples.flat(PaperExamples.example1()), POLISH);
        assertTrue(m.certified(), m.reason());
        assertEquals(Certificate.SYMMETRY_BLOCKS, m.method());
        double[] w = m.point();
        Problem p7 = Problem.identityTeacher(6, 6, 7);
        double[] x = new double[42];
        for (int q = 0; q < 6; q++) {
            x[q] = 0.5 * w[q];
            x[6 + q] = 0.5 * w[q];
        }
        System.arraycopy(w, 6, x, 12, 30);
        Certificate dense = Certifier.certify(p7, x, PLAIN);
        Certificate sym = SymmetricCertifier.certify(p7, x, PLAIN);
        assertEquals(Certificate.SYMMETRY_BLOCKS, sym.method());
        assertFalse(sym.certified());
        assertEquals(dense.reason(), sym.reason());
        assertEquals("lambda-min-not-positive", sym.reason());
    }

    @Test
    void pointsOffTheMinimumAreRefusedAsByTheDenseCertifier() throws IOException {
        Family f = family("k9-family2");
        Problem p = Problem.identityTeacher(9, 9, 9);
        // symmetric but not stationary: the whole point scaled by 1.001 (F is quadratic along rays, Lemma 11)
        double[] scaled = f.point().clone();
        for (int q = 0; q < scaled.length; q++) {
            scaled[q] *= 1.001;
        }
        Certificate dense = Certifier.certify(p, scaled, PLAIN);
        Certificate sym = SymmetricCertifier.certify(p, scaled, PLAIN);
        assertEquals(Certificate.SYMMETRY_BLOCKS, sym.method());
        assertFalse(sym.certified());
        assertEquals(dense.reason(), sym.reason());
        // randomly perturbed (no symmetry left within the tolerance): the dense certifier runs, and says so
        SplittableRandom rnd = new SplittableRandom(3);
        double[] y = f.point().clone();
        for (int q = 0; q < y.length; q++) {
            y[q] += 1e-4 * rnd.nextGaussian();
        }
        Certificate c = SymmetricCertifier.certify(p, y, PLAIN);
        assertEquals(Certificate.DENSE, c.method());
        assertEquals("", c.symmetry());
        assertFalse(c.certified());
        assertEquals(Certifier.certify(p, y, PLAIN).reason(), c.reason());
    }

    @Test
    void aPointNotSymmetricEnoughIsNotReduced() throws IOException {
        Family f = family("k13-family2");
        Problem p = Problem.identityTeacher(13, 13, 13);
        String full = SymmetricCertifier.certify(p, f.point(), PLAIN).symmetry();
        // every entry moved by up to 10⁻⁶ (ten times the tolerance): no symmetry is used
        SplittableRandom rnd = new SplittableRandom(11);
        double[] y = f.point().clone();
        for (int q = 0; q < y.length; q++) {
            y[q] += 1e-6 * (2 * rnd.nextDouble() - 1);
        }
        assertNull(SymmetricCertifier.plan(p, y));
        Certificate c = SymmetricCertifier.certify(p, y, PLAIN);
        assertEquals(Certificate.DENSE, c.method());
        assertEquals(0.0, c.distanceMoved());
        // one neuron moved by 10⁻⁵ along (1, …, 1): only the symmetry that fixes it remains, and the bound agrees
        // with the dense one
        double[] z = f.point().clone();
        int last = 12;
        for (int q = 0; q < 13; q++) {
            z[last * 13 + q] += 1e-5;
        }
        SymmetricCertifier.Plan plan = SymmetricCertifier.plan(p, z);
        assertNotNull(plan);
        assertNotEquals(full, plan.group().describe());
        assertTrue(plan.group().nf[last] < 0, "the moved neuron is fixed by the group used");
        Certificate dense = Certifier.certify(p, plan.point(), PLAIN);
        Certificate sym = SymmetricCertifier.certify(p, z, PLAIN);
        assertEquals(Certificate.SYMMETRY_BLOCKS, sym.method());
        assertEquals(dense.reason(), sym.reason());
        assertTrue(Math.abs(sym.lambdaMinLowerBound() - dense.lambdaMinLowerBound())
                <= 1e-5 * Math.abs(dense.lambdaMinLowerBound()), sym.lambdaMinLowerBound() + " vs "
                + dense.lambdaMinLowerBound());
        // a group that does not fix the point is refused: a track with a fixed neuron swapped in
        PointSymmetry g = plan.group();
        double[] a = p.studentWeights();
        double[] b = p.teacherWeights();
        int c0 = 0;
        while (g.neuronTrack[c0] == null) {
            c0++;
        }
        int[] fixedNeurons = java.util.stream.IntStream.range(0, 13).filter(i -> g.nf[i] < 0).toArray();
        assertTrue(fixedNeurons.length > 0);
        int[][] nt = g.neuronTrack.clone();
        int[] mixed = g.neuronTrack[c0].clone();
        mixed[0] = fixedNeurons[0];
        nt[c0] = mixed;
        PointSymmetry forged = PointSymmetry.of(13, 13, nt, g.coordTrack.clone());
        assertFalse(forged.fixes(plan.point(), a, b));
        assertNull(SymmetricCertifier.plan(forged, z, a, b, 1e-7));
        assertNull(SymmetricCertifier.plan(forged, plan.point(), a, b, 1e-7));
        // a coordinate-only factor over coordinates whose columns differ
        PointSymmetry cols = PointSymmetry.of(13, 13, new int[][] {null}, new int[][] {{0, 12}});
        assertNull(SymmetricCertifier.plan(cols, f.point(), a, b, 1e-7));
    }

    @Test
    void polishingStaysInTheFixedSubspace() throws IOException {
        Family f = family("k16-family3");
        Problem p = Problem.identityTeacher(16, 16, 16);
        Certificate plain = SymmetricCertifier.certify(p, f.point(), PLAIN);
        Certificate c = SymmetricCertifier.certify(p, f.point(), POLISH);
        assertTrue(c.certified(), c.reason());
        assertEquals(Certificate.SYMMETRY_BLOCKS, c.method());
        assertTrue(c.gradientNormUpperBound() <= plain.gradientNormUpperBound(), c.gradientNormUpperBound() + " vs "
                + plain.gradientNormUpperBound());
        PointSymmetry g = SymmetricCertifier.plan(p, f.point()).group();
        assertTrue(g.fixes(c.point(), p.studentWeights(), p.teacherWeights()));
        assertTrue(c.gradientNormUpperBound() < 1e-13, "ε " + c.gradientNormUpperBound());
    }

    @Test
    void theDenseBoundIsTheSameWithWorkers() throws IOException {
        // m = 900: above the factorization's parallel threshold (768)
        int m = 900;
        SplittableRandom rnd = new SplittableRandom(5);
        double[] a = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double v = rnd.nextGaussian() / m;
                a[i * m + j] = v;
                a[j * m + i] = v;
            }
            a[i * m + i] += 1.0 + i * 1e-3;
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            EigenvalueBound.Result one = EigenvalueBound.lowerBound(a, m);
            EigenvalueBound.Result two = EigenvalueBound.lowerBound(a, m, new Workers(pool, 2));
            assertTrue(one.lowerBound() > 0.5, "λ " + one.lowerBound());
            assertEquals(one, two);
            // and a whole certificate through the Workers overload
            Family f = family("k12-family2");
            Problem p = Problem.identityTeacher(12, 12, 12);
            Certificate c1 = Certifier.certify(p, f.point(), PLAIN);
            Certificate c2 = Certifier.certify(p, f.point(), PLAIN, new Workers(pool, 2));
            assertEquals(c1.lambdaMinLowerBound(), c2.lambdaMinLowerBound());
            assertEquals(c1.radius(), c2.radius());
        } finally {
            pool.shutdownNow();
        }
    }
}
