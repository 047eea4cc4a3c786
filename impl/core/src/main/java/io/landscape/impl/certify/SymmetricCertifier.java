package io.landscape.impl.certify;

import java.util.List;

import io.landscape.api.Problem;
import io.landscape.impl.kernel.ReluClosedForm;
import io.landscape.impl.linalg.Cholesky;
import io.landscape.impl.linalg.Workers;
import io.landscape.impl.objective.PairwiseObjective;

/**
 * The certificate of {@link Certifier} (paper 002 Lemmas 1–2, the same checks in the same order, the same
 * {@link Certificate}) for identity-teacher points (d = k, v_l = e_l), with λ_min(∇²F) bounded from the point's
 * symmetry instead of a dense (nd)×(nd) factorization: method {@value Certificate#SYMMETRY_BLOCKS}. At the census
 * minima (k = n = d up to 100) the group is a product of a few large symmetric groups and the blocks have at most a few
 * dozen rows, so a certificate costs milliseconds to a fraction of a second where the dense one costs ≈ 18 s at
 * k = 100. The derivation is in the package documentation.
 *
 * <h2>What is certified</h2>
 * <ol>
 *   <li>A group G of simultaneous neuron/coordinate permutations is detected from the input point with tolerance
 *       {@value #DETECTION_TOLERANCE}·max(1, max|x|) ({@link PointSymmetry#detect}).</li>
 *   <li>The point is symmetrized (each G-orbit of entries set to its mean: one double per orbit), and that point x_s
 *       is <em>verified</em> to be exactly invariant under G's generators, with the output weights constant on every
 *       track ({@link PointSymmetry#fixes}); then ∇²F(x_s) commutes with G, exactly. With {@link Options#polish()} the
 *       point is then refined by Newton steps inside the fixed subspace (one value per orbit, so every iterate is
 *       exactly invariant again; the Newton system is the trivial block).</li>
 *   <li>The certificate is about x_s: {@link Certificate#point()} is x_s, {@link Certificate#distanceMoved()} a
 *       rigorous bound of ‖x_s − input‖ (0 when the input was exactly invariant), {@link Certificate#radius()} is
 *       measured from x_s and {@link Certificate#radiusFromInput()} from the input.</li>
 * </ol>
 * It falls back to the dense {@link Certifier} (method {@value Certificate#DENSE}, and the certificate says so) when
 * the teacher is not the identity, no non-trivial G is found, the isotypic bookkeeping does not add up to n·d, a block
 * would have more than {@value #MAX_BLOCK} rows, symmetrizing would move an entry by more than the tolerance, or the
 * exact invariance check fails. Stateless and thread-safe.
 */
public final class SymmetricCertifier {
    /** Entries within this (times max(1, max|x|)) count as equal when G is detected. */
    public static final double DETECTION_TOLERANCE = 1e-7;
    /** Above this many copies in one isotypic component the reduction does not pay: dense. */
    public static final int MAX_BLOCK = 2000;

    private SymmetricCertifier() {
    }

    /** {@link #certify(Problem, double[], Options, Workers)} on the caller's thread. */
    public static Certificate certify(Problem problem, double[] point, Options options) {
        return certify(problem, point, options, Workers.NONE);
    }

    /**
     * Certifies {@code point} (flat n·d) for {@code problem}: by symmetry blocks when the teacher is the identity and
     * the point has a usable symmetry, else by {@link Certifier#certify(Problem, double[], Options, Workers)} (which
     * uses {@code workers}).
     */
    public static Certificate certify(Problem problem, double[] point, Options options, Workers workers) {
        long t0 = System.nanoTime();
        Certifier.checkInput(problem, point);
        Plan plan = plan(problem, point);
        if (plan == null) {
            return Certifier.certify(problem, point, options, workers);
        }
        double[][] v = problem.teacher();
        double[] a = problem.studentWeights();
        double[] b = problem.teacherWeights();
        double scale = problem.normalization().factorRelativeToHalf();
        double[] x = plan.point;
        int steps = 0;
        if (options.polish()) {
            Polished p = polish(problem, plan, x, options.polishSteps());
            x = p.point;
            steps = p.steps;
        }
        double moved = distanceUpper(x, point);
        Certifier.Builder out = new Certifier.Builder(t0, x, steps, moved, Certificate.SYMMETRY_BLOCKS,
                plan.group.describe());
        List<PointSymmetry.Block> blocks = plan.blocks;
        return Certifier.prove(out, v, a, b, scale, x, false, 0.0, options,
                e -> SymmetricSpectrum.lowerBound(e, blocks).lowerBound());
    }

    /** What the reduction uses: the group, its components and the symmetrized point. */
    record Plan(PointSymmetry group, List<PointSymmetry.Block> blocks, double[] point) {
    }

    /** The reduction for this point, or null when the dense certifier must be used (see the class comment). */
    static Plan plan(Problem problem, double[] point) {
        int n = problem.studentCount();
        int d = problem.inputDimension();
        double[][] v = problem.teacher();
        if (v.length != d) {
            return null;
        }
        for (int l = 0; l < d; l++) {
            for (int q = 0; q < d; q++) {
                if (v[l][q] != (l == q ? 1.0 : 0.0)) {
                    return null;
                }
            }
        }
        double max = 1.0;
        for (double p : point) {
            max = Math.max(max, Math.abs(p));
        }
        double tol = DETECTION_TOLERANCE * max;
        double[] a = problem.studentWeights();
        double[] b = problem.teacherWeights();
        PointSymmetry g = PointSymmetry.detect(point, n, d, a, b, tol);
        return g == null ? null : plan(g, point, a, b, tol);
    }

    /** The reduction with the group {@code g}, or null if it does not apply (see the class comment). */
    static Plan plan(PointSymmetry g, double[] point, double[] a, double[] b, double tol) {
        List<PointSymmetry.Block> blocks = g.blocks();
        long dims = 0;
        for (PointSymmetry.Block blk : blocks) {
            if (blk.copies().size() > MAX_BLOCK) {
                return null;
            }
            dims += (long) blk.dim() * blk.copies().size();
        }
        if (dims != (long) g.n * g.d) {
            return null; // the components must span the whole space, or λ_min could hide in the rest
        }
        double[] xs = g.symmetrize(point);
        for (int p = 0; p < xs.length; p++) {
            if (!(Math.abs(xs[p] - point[p]) <= tol)) {
                return null;
            }
        }
        if (!g.fixes(xs, a, b)) {
            return null;
        }
        return new Plan(g, blocks, xs);
    }

    /** A rigorous upper bound of ‖x − y‖ (0 when equal). */
    static double distanceUpper(double[] x, double[] y) {
        double s = 0.0;
        for (int p = 0; p < x.length; p++) {
            if (x[p] == y[p]) {
                continue;
            }
            double diff = Math.max(Math.abs(Interval.subDown(x[p], y[p])), Math.abs(Interval.subUp(x[p], y[p])));
            s = Interval.addUp(s, Interval.mulUp(diff, diff));
        }
        return s == 0.0 ? 0.0 : Interval.sqrtUp(s);
    }

    private record Polished(double[] point, int steps) {
    }

    /**
     * Newton in the fixed subspace: x ← x − Q K⁻¹ Qᵀ∇F with Q the normalized orbit indicators and K = Qᵀ∇²F Q the
     * trivial block (floating midpoints); one new value per orbit, so each iterate is exactly G-invariant. Stops as
     * {@link io.landscape.impl.optim.NewtonPolish} does with minReduction {@link Certifier#POLISH_MIN_REDUCTION} and the
     * rounding floor of ∇F.
     */
    private static Polished polish(Problem problem, Plan plan, double[] x0, int maxSteps) {
        double[][] v = problem.teacher();
        double[] a = problem.studentWeights();
        double[] b = problem.teacherWeights();
        double scale = problem.normalization().factorRelativeToHalf();
        PairwiseObjective f = new PairwiseObjective(problem, new ReluClosedForm());
        int[] orb = plan.group.orbits();
        int count = PointSymmetry.orbitCount(orb);
        int[] rep = new int[count];
        int[] size = new int[count];
        java.util.Arrays.fill(rep, -1);
        for (int p = 0; p < orb.length; p++) {
            if (rep[orb[p]] < 0) {
                rep[orb[p]] = p;
            }
            size[orb[p]]++;
        }
        PointSymmetry.Block trivial = plan.blocks.get(0);
        double[] x = x0.clone();
        double[] g = new double[x.length];
        double[] gt = new double[x.length];
        try {
            f.valueAndGradient(x, g);
        } catch (RuntimeException notDifferentiable) {
            return new Polished(x, 0);
        }
        double gn = norm(g);
        double floor = Certifier.polishFloor(v, a, b, scale, x);
        int steps = 0;
        while (steps < maxSteps && gn > floor) {
            PointEnclosure e = new PointEnclosure(v, a, b, scale, x);
            if (e.zeroNeuron() >= 0) {
                break;
            }
            double[] k = SymmetricSpectrum.midpoints(e, List.of(trivial))[0];
            double[] rhs = new double[count];
            for (int p = 0; p < orb.length; p++) {
                rhs[orb[p]] += g[p];
            }
            for (int t = 0; t < count; t++) {
                rhs[t] /= Math.sqrt(size[t]);
            }
            boolean finite = true;
            for (double kv : k) {
                finite &= Double.isFinite(kv);
            }
            if (!finite || !Cholesky.factor(k, count)) {
                break; // not a minimum's neighbourhood within the fixed subspace: leave the point as it is
            }
            Cholesky.solve(k, count, rhs);
            double[] value = new double[count];
            for (int t = 0; t < count; t++) {
                value[t] = x[rep[t]] - rhs[t] / Math.sqrt(size[t]);
            }
            double[] trial = new double[x.length];
            for (int p = 0; p < x.length; p++) {
                trial[p] = value[orb[p]];
            }
            try {
                f.valueAndGradient(trial, gt);
            } catch (RuntimeException notDifferentiable) {
                break;
            }
            double gtn = norm(gt);
            if (!(gtn < gn)) {
                break;
            }
            x = trial;
            System.arraycopy(gt, 0, g, 0, g.length);
            double before = gn;
            gn = gtn;
            steps++;
            if (gtn > Certifier.POLISH_MIN_REDUCTION * before) {
                break;
            }
        }
        return new Polished(x, steps);
    }

    private static double norm(double[] g) {
        double s = 0;
        for (double x : g) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
