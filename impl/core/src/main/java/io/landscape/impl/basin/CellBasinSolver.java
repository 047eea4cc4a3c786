package io.landscape.impl.basin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import io.landscape.api.NotDifferentiableException;
import io.landscape.api.empirical.BasinSolution;
import io.landscape.api.empirical.BasinSolver;
import io.landscape.api.empirical.Cell;
import io.landscape.api.empirical.DataSet;
import io.landscape.api.empirical.EmpiricalProblem;
import io.landscape.api.empirical.Loss;
import io.landscape.impl.empirical.ScalarLoss;
import io.landscape.impl.empirical.TwoLayerObjective;

/**
 * Bas(W, v) for paper 001's two-layer networks: the cell of the point, the convex program of Lemma 3 on it, its
 * solution by {@link InteriorPoint} (plus {@link FacePolish} for the squared loss) after an exact presolve, and a KKT
 * certificate recomputed by {@link Certificate} from the returned point alone. See the package documentation for the
 * formulation, the presolve and the certificate. Thread-safe (holds only its options).
 */
public final class CellBasinSolver implements BasinSolver {
    /** Solver settings. */
    public record Options(boolean presolve, double gapTolerance, double feasibilityTolerance, int maxIterations,
                          boolean polish, Engine engine) {
        /**
         * Presolve on, interior point to gap 10⁻¹³ and dual residual 10⁻¹², at most 200 iterations, polish on, engine
         * {@link Engine#AUTO}.
         */
        public static final Options DEFAULT = new Options(true, 1e-13, 1e-12, 200, true, Engine.AUTO);

        /** The given settings with the interior-point engine. */
        public Options(boolean presolve, double gapTolerance, double feasibilityTolerance, int maxIterations,
                       boolean polish) {
            this(presolve, gapTolerance, feasibilityTolerance, maxIterations, polish, Engine.INTERIOR_POINT);
        }

        /** The same without the presolve (one block, every neuron its own group, no projection). */
        public Options withoutPresolve() {
            return new Options(false, gapTolerance, feasibilityTolerance, maxIterations, polish, engine);
        }

        /** The same without the exact polish. */
        public Options withoutPolish() {
            return new Options(presolve, gapTolerance, feasibilityTolerance, maxIterations, false, engine);
        }

        /** The same with another engine for the squared-loss QP. */
        public Options withEngine(Engine e) {
            return new Options(presolve, gapTolerance, feasibilityTolerance, maxIterations, polish, e);
        }
    }

    /**
     * The engine of the squared-loss QP of a block. {@link #AUTO} (default): the exact solutions of {@link ExactBlock}
     * where they apply (r = m or r = 1, with the presolve) and the structured primal-dual {@link InteriorPoint}
     * elsewhere; {@link #INTERIOR_POINT}: the interior point for every block; {@link #OJALGO}: ojAlgo's active-set
     * convex solver ({@link OjAlgoQp}, dense Q = 2MᵀM/m), polished on its active set; a block whose ojAlgo answer
     * fails the certificate (KKT &gt; 10⁻⁹, or no optimum reported) is solved again by the interior point, and the
     * solution's {@link BasinSolution#engine() engine} and {@link BasinSolution#method() method} say so.
     * Cross-entropy blocks always use the interior point (ojAlgo's convex solver is for quadratic objectives), with
     * ojAlgo's linear solver for the separable part ({@link Recession}). The certificate is computed the same way for
     * all.
     */
    public enum Engine {
        AUTO, INTERIOR_POINT, OJALGO
    }

    public static final CellBasinSolver DEFAULT = new CellBasinSolver(Options.DEFAULT);

    private final Options options;

    public CellBasinSolver(Options options) {
        this.options = options;
    }

    public Options options() {
        return options;
    }

    @Override
    public Cell cell(EmpiricalProblem problem, double[] point) {
        return Geometry.of(problem, point).cell();
    }

    @Override
    public BasinSolution solve(EmpiricalProblem problem, double[] point) {
        Geometry geo = Geometry.of(problem, point);
        DataSet data = problem.data();
        int m = data.size();
        int d = data.dimension();
        int n = problem.neurons();
        double[] x = data.featuresRowMajor();
        double[] y = data.targets();
        // z_i = v_i w_i (Lemma 3); the starting point of the convex program
        double[] z = new double[n * d];
        for (int i = 0; i < n; i++) {
            double v = geo.outputWeight(i);
            for (int j = 0; j < d; j++) {
                z[i * d + j] = v * point[i * d + j];
            }
        }
        double[] zOut = z.clone();
        double[] mu = new double[n * m];
        int iterations = 0;
        boolean polished = false;
        boolean anyProgram = false;
        boolean recession = false;
        boolean library = false;
        boolean exact = false;
        boolean numeric = false;
        boolean interior = false;
        double rejected = -1; // the worst rejected ojAlgo certificate (−1: none rejected)
        for (int[][] comp : components(x, m, d, options.presolve)) {
            Block block = block(comp[0], comp[1], x, y, m, d, geo, z);
            if (block.groups == 0) {
                continue;
            }
            anyProgram = true;
            BlockSolution bs = solveBlock(block, problem.loss());
            iterations += bs.iterations;
            polished |= bs.polished;
            recession |= bs.recession;
            library |= bs.library;
            interior |= !bs.exact && !bs.library;
            exact |= bs.exact;
            numeric |= !bs.exact;
            if (bs.rejected >= 0) {
                rejected = Math.max(rejected, bs.rejected);
            }
            scatter(block, bs.xi, bs.lambda, zOut, mu, d, m);
        }
        // the minimiser in Lemma 4's normal form: v = b, w_i = b_i z_i (fixed output weights: w_i = z_i)
        double[] minimizer = new double[problem.parameterCount()];
        for (int i = 0; i < n; i++) {
            int b = geo.cell().sign(i);
            for (int j = 0; j < d; j++) {
                minimizer[i * d + j] = b * zOut[i * d + j];
            }
            if (problem.trainableOutputWeights()) {
                minimizer[n * d + i] = b;
            }
        }
        TwoLayerObjective f = new TwoLayerObjective(problem);
        double value = f.value(minimizer);
        double kkt = Certificate.residual(problem, geo.cell(), zOut, mu);
        List<String> engines = new ArrayList<>();
        if (exact) {
            engines.add("exact");
        }
        if (library) {
            engines.add("ojalgo");
        }
        if (interior) {
            engines.add("interior-point");
        }
        String engine = !anyProgram ? "presolve" : String.join("+", engines);
        String method = !anyProgram ? "presolve"
                : (exact ? "exact" : "") + (exact && numeric ? "+" : "")
                        + (library ? "ojalgo-active-set" : "") + (library && interior ? "+" : "")
                        + (interior ? "interior-point" : "")
                        + (polished ? "+active-set" : "") + (recession ? "+recession" : "")
                        + (rejected < 0 ? "" : Double.isInfinite(rejected) ? " (fallback: ojalgo found no optimum)"
                                : String.format(java.util.Locale.ROOT, " (fallback: ojalgo KKT %.1e)", rejected));
        return new BasinSolution(geo.loss(problem), value, minimizer, mu, kkt, geo.cell(), iterations, method, engine);
    }

    /** One block's minimiser, multipliers and how they were found. */
    private static final class BlockSolution {
        double[] xi;
        double[] lambda;
        int iterations;
        boolean polished;
        boolean recession;
        boolean library;
        boolean exact;
        /** The certificate of an ojAlgo answer that was rejected (the interior point answered instead), else −1. */
        double rejected = -1;
    }

    /**
     * An ojAlgo answer (after the face polish) whose block certificate exceeds this is rejected, and the block is
     * solved again by the interior point: ojAlgo regularises the singular Q and can stop far from the optimum (KKT 0.60
     * on {@code BasinBenchmark}'s 12:20:5 cell).
     */
    static final double OJALGO_ACCEPT = 1e-9;

    /** An {@link ExactBlock} solution is taken when its block certificate is at most this (else the interior point). */
    static final double EXACT_ACCEPT = 1e-12;

    /** Margin σ_t p_t pushed onto every separated cross-entropy example: its loss is then log(1 + e⁻⁴⁰) ≈ 4·10⁻¹⁸. */
    static final double SEPARATED_MARGIN = 40.0;

    private BlockSolution solveBlock(Block block, Loss loss) {
        if (options.engine == Engine.OJALGO && loss == Loss.SQUARED) {
            BlockSolution lib = null;
            double resid = Double.POSITIVE_INFINITY;
            try {
                lib = solveBlock(block, loss, true);
                resid = Certificate.blockResidual(block, loss, lib.xi, lib.lambda);
            } catch (IllegalStateException e) {
                // ojAlgo reported no optimum: the interior point answers
            }
            if (lib != null && resid <= OJALGO_ACCEPT) {
                return lib;
            }
            BlockSolution ip = solveBlock(block, loss, false);
            ip.rejected = resid;
            return ip;
        }
        return solveBlock(block, loss, false);
    }

    private BlockSolution solveBlock(Block block, Loss loss, boolean useOjAlgo) {
        BlockSolution out = new BlockSolution();
        double best;
        if (options.presolve && loss == Loss.SQUARED && options.engine == Engine.AUTO && ExactBlock.applies(block)) {
            double[][] sol = ExactBlock.solve(block);
            if (sol != null && Certificate.blockResidual(block, loss, sol[0], sol[1]) <= EXACT_ACCEPT) {
                out.xi = sol[0];
                out.lambda = sol[1];
                out.exact = true;
                return out;
            }
        }
        if (useOjAlgo) {
            double[][] sol = OjAlgoQp.solve(block);
            out.xi = sol[0];
            out.lambda = sol[1];
            out.library = true;
            best = Certificate.blockResidual(block, loss, out.xi, out.lambda);
        } else {
            InteriorPoint.Result res = new InteriorPoint(block, loss).solve(options.gapTolerance,
                    options.feasibilityTolerance, options.maxIterations);
            out.iterations = res.iterations();
            out.xi = res.xi();
            out.lambda = res.lambda();
            best = Certificate.blockResidual(block, loss, out.xi, out.lambda);
        }
        if (options.polish && loss == Loss.SQUARED && best > 1e-12) {
            double[] slack = new double[block.constraints()];
            block.slacks(out.xi, slack);
            double[] guide = out.lambda;
            if (out.library) {
                // an active-set solution: its active constraints are those at zero slack
                guide = new double[slack.length];
                java.util.Arrays.fill(guide, 1e-9 * (1 + maxAbs(slack)));
            }
            for (double kappa : new double[] {1.0, 1e-2, 1e2}) {
                double[][] pol = FacePolish.polish(block, guide, slack, kappa);
                if (pol == null) {
                    continue;
                }
                double resid = Certificate.blockResidual(block, loss, pol[0], pol[1]);
                if (resid < best && maxAbs(pol[0]) <= 1e6 * (1 + maxAbs(out.xi))) {
                    best = resid;
                    out.xi = pol[0];
                    out.lambda = pol[1];
                    out.polished = true;
                }
                if (best <= 1e-13) {
                    break;
                }
            }
        }
        if (loss == Loss.CROSS_ENTROPY && best > 1e-11) {
            // the infimum may be approached only at infinity: split off the separable examples (Recession) and
            // solve the rest, whose minimum is attained, then push along the separating direction
            Recession.Direction dir = Recession.of(block);
            if (dir != null && dir.count() > 0) {
                double[] xi0;
                double[] lam0;
                int it = 0;
                if (dir.count() == block.m) {
                    xi0 = block.start.clone();
                    lam0 = new double[block.constraints()];
                } else {
                    InteriorPoint.Result res = new InteriorPoint(block.without(dir.separated()), loss).solve(
                            options.gapTolerance, options.feasibilityTolerance, options.maxIterations);
                    xi0 = res.xi();
                    lam0 = res.lambda();
                    it = res.iterations();
                }
                double[] p0 = new double[block.m];
                double[] q = new double[block.m];
                block.predictions(xi0, p0);
                block.predictions(dir.d(), q);
                double step = 0;
                for (int t = 0; t < block.m; t++) {
                    if (dir.separated()[t]) {
                        double sigma = block.y[t] > 0.5 ? 1.0 : -1.0;
                        step = Math.max(step, (SEPARATED_MARGIN - sigma * p0[t]) / (sigma * q[t]));
                    }
                }
                double[] xi = xi0.clone();
                for (int i = 0; i < xi.length; i++) {
                    xi[i] += step * dir.d()[i];
                }
                double resid = Certificate.blockResidual(block, loss, xi, lam0);
                out.iterations += it;
                if (resid < best) {
                    best = resid;
                    out.xi = xi;
                    out.lambda = lam0;
                    out.recession = true;
                }
            }
        }
        return out;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /** Writes a block's solution back to the neurons (equal shares within a group) and its multipliers. */
    private static void scatter(Block b, double[] xi, double[] lam, double[] z, double[] mu, int d, int mTotal) {
        int r = b.r;
        int cs = b.coords.length;
        for (int g = 0; g < b.groups; g++) {
            int[] mem = b.members[g];
            double share = 1.0 / mem.length;
            for (int i : mem) {
                for (int a = 0; a < cs; a++) {
                    double s = 0;
                    for (int j = 0; j < r; j++) {
                        s += b.basis[a * r + j] * xi[g * r + j];
                    }
                    z[i * d + b.coords[a]] = share * s;
                }
                for (int t = 0; t < b.m; t++) {
                    mu[i * mTotal + b.examples[t]] = lam[g * b.m + t];
                }
            }
        }
    }

    /**
     * The connected components of the bipartite graph examples–coordinates (t ~ j when x_{tj} ≠ 0): {examples,
     * coordinates} per component; the objective and the constraints separate over them. Without presolve, one
     * component holding everything.
     */
    static List<int[][]> components(double[] x, int m, int d, boolean split) {
        List<int[][]> out = new ArrayList<>();
        if (!split) {
            int[] ex = new int[m];
            int[] co = new int[d];
            for (int t = 0; t < m; t++) {
                ex[t] = t;
            }
            for (int j = 0; j < d; j++) {
                co[j] = j;
            }
            out.add(new int[][] {ex, co});
            return out;
        }
        int[] parent = new int[m];
        for (int t = 0; t < m; t++) {
            parent[t] = t;
        }
        for (int j = 0; j < d; j++) {
            int first = -1;
            for (int t = 0; t < m; t++) {
                if (x[t * d + j] != 0.0) {
                    if (first < 0) {
                        first = t;
                    } else {
                        int a = find(parent, first);
                        int c = find(parent, t);
                        if (a != c) {
                            parent[Math.max(a, c)] = Math.min(a, c);
                        }
                    }
                }
            }
        }
        Map<Integer, List<Integer>> byRoot = new HashMap<>();
        List<Integer> roots = new ArrayList<>();
        for (int t = 0; t < m; t++) {
            int root = find(parent, t);
            List<Integer> l = byRoot.get(root);
            if (l == null) {
                l = new ArrayList<>();
                byRoot.put(root, l);
                roots.add(root);
            }
            l.add(t);
        }
        for (int root : roots) {
            List<Integer> l = byRoot.get(root);
            int[] ex = l.stream().mapToInt(Integer::intValue).toArray();
            boolean[] used = new boolean[d];
            for (int t : ex) {
                for (int j = 0; j < d; j++) {
                    if (x[t * d + j] != 0.0) {
                        used[j] = true;
                    }
                }
            }
            int cnt = 0;
            for (boolean u : used) {
                if (u) {
                    cnt++;
                }
            }
            int[] co = new int[cnt];
            int c = 0;
            for (int j = 0; j < d; j++) {
                if (used[j]) {
                    co[c++] = j;
                }
            }
            out.add(new int[][] {ex, co});
        }
        return out;
    }

    private static int find(int[] parent, int t) {
        while (parent[t] != t) {
            parent[t] = parent[parent[t]];
            t = parent[t];
        }
        return t;
    }

    /** Builds the block of one component: projection, groups, start. */
    private Block block(int[] ex, int[] co, double[] x, double[] y, int mTotal, int d, Geometry geo, double[] z) {
        int me = ex.length;
        int dc = co.length;
        int n = geo.cell().neurons();
        double[] xc = new double[me * dc];
        for (int t = 0; t < me; t++) {
            for (int a = 0; a < dc; a++) {
                xc[t * dc + a] = x[ex[t] * d + co[a]];
            }
        }
        int r;
        double[] basis;
        if (options.presolve) {
            DMatrixRMaj a = new DMatrixRMaj(Math.max(me, dc), dc);
            for (int t = 0; t < me; t++) {
                for (int j = 0; j < dc; j++) {
                    a.set(t, j, xc[t * dc + j]);
                }
            }
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(a.numRows, dc, false,
                    true, false);
            if (!svd.decompose(a)) {
                throw new IllegalStateException("SVD of the data block failed");
            }
            double[] sv = svd.getSingularValues();
            DMatrixRMaj vt = svd.getV(null, true);
            double smax = 0;
            for (double v : sv) {
                smax = Math.max(smax, v);
            }
            double tol = 1e-12 * Math.max(me, dc) * smax;
            List<Integer> keep = new ArrayList<>();
            for (int j = 0; j < dc; j++) {
                if (j < sv.length && sv[j] > tol) {
                    keep.add(j);
                }
            }
            r = keep.size();
            basis = new double[dc * r];
            for (int c = 0; c < r; c++) {
                int row = keep.get(c);
                for (int a2 = 0; a2 < dc; a2++) {
                    basis[a2 * r + c] = vt.get(row, a2);
                }
            }
        } else {
            r = dc;
            basis = new double[dc * dc];
            for (int a = 0; a < dc; a++) {
                basis[a * dc + a] = 1;
            }
        }
        double[] xt = new double[me * r];
        for (int t = 0; t < me; t++) {
            for (int c = 0; c < r; c++) {
                double s = 0;
                for (int a = 0; a < dc; a++) {
                    s += xc[t * dc + a] * basis[a * r + c];
                }
                xt[t * r + c] = s;
            }
        }
        // groups: neurons with the same pattern on the block and the same output sign share one cone
        Map<GroupKey, Integer> index = new HashMap<>();
        List<List<Integer>> groups = new ArrayList<>();
        List<Integer> groupSign = new ArrayList<>();
        List<byte[]> groupPattern = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] pattern = new byte[me];
            boolean any = false;
            for (int t = 0; t < me; t++) {
                pattern[t] = (byte) geo.cell().activation(i, ex[t]);
                any |= pattern[t] > 0;
            }
            int b = geo.cell().sign(i);
            if (options.presolve && !any) {
                continue; // inactive on every example of the block: contributes nothing, keeps its weights
            }
            GroupKey key = options.presolve ? new GroupKey(b, pattern) : new GroupKey(i, null);
            Integer g = index.get(key);
            if (g == null) {
                g = groups.size();
                index.put(key, g);
                groups.add(new ArrayList<>());
                groupSign.add(b);
                groupPattern.add(pattern);
            }
            groups.get(g).add(i);
        }
        int k = groups.size();
        boolean[] active = new boolean[k * me];
        double[] sign = new double[k * me];
        double[] start = new double[k * r];
        int[][] members = new int[k][];
        for (int g = 0; g < k; g++) {
            members[g] = groups.get(g).stream().mapToInt(Integer::intValue).toArray();
            int b = groupSign.get(g);
            for (int t = 0; t < me; t++) {
                int a = groupPattern.get(g)[t];
                active[g * me + t] = a > 0;
                sign[g * me + t] = b * a;
            }
            for (int i : members[g]) {
                for (int c = 0; c < r; c++) {
                    double s = 0;
                    for (int a = 0; a < dc; a++) {
                        s += basis[a * r + c] * z[i * d + co[a]];
                    }
                    start[g * r + c] += s;
                }
            }
        }
        double[] yc = new double[me];
        double ymax = 0;
        for (int t = 0; t < me; t++) {
            yc[t] = y[ex[t]];
            ymax = Math.max(ymax, Math.abs(yc[t]));
        }
        // Bas depends on the cell only: rescale each group's start (a positive factor keeps it strictly inside its
        // cone) so its contributions to the predictions are of the targets' size, whatever the initialisation scale
        double target = (ymax > 0 ? ymax : 1.0) / Math.max(1, k);
        for (int g = 0; g < k; g++) {
            double big = 0;
            for (int t = 0; t < me; t++) {
                double u = 0;
                for (int c = 0; c < r; c++) {
                    u += start[g * r + c] * xt[t * r + c];
                }
                big = Math.max(big, Math.abs(u));
            }
            if (big > 0) {
                for (int c = 0; c < r; c++) {
                    start[g * r + c] *= target / big;
                }
            }
        }
        return new Block(ex, yc, r, xt, k, active, sign, start, 1.0 / mTotal, co, basis, members);
    }

    /** A group of the presolve: output sign and activation pattern on the block (or, without presolve, a neuron). */
    private static final class GroupKey {
        private final int sign;
        private final byte[] pattern;
        private final int hash;

        GroupKey(int sign, byte[] pattern) {
            this.sign = sign;
            this.pattern = pattern;
            this.hash = 31 * sign + Arrays.hashCode(pattern);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GroupKey k && k.sign == sign && Arrays.equals(k.pattern, pattern);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The cell of a point and its output weights (1 when fixed); rejects points on a cell boundary. */
    record Geometry(Cell cell, double[] v, double[] predictions) {
        double outputWeight(int i) {
            return v[i];
        }

        /**
         * L_S at the point, from the predictions accumulated while finding the cell: the same sums in the same order
         * as {@link TwoLayerObjective#value}, so the same bits, without a second pass over the n·m pre-activations.
         */
        double loss(EmpiricalProblem problem) {
            return ScalarLoss.mean(problem.loss(), predictions, problem.data().targets());
        }

        static Geometry of(EmpiricalProblem problem, double[] point) {
            DataSet data = problem.data();
            int m = data.size();
            int d = data.dimension();
            int n = problem.neurons();
            if (point.length != problem.parameterCount()) {
                throw new IllegalArgumentException("point has " + point.length + " parameters, expected "
                        + problem.parameterCount() + " (n·d" + (problem.trainableOutputWeights() ? " + n" : "")
                        + " with n = " + n + ", d = " + d + ")");
            }
            int[][] a = new int[n][m];
            int[] b = new int[n];
            double[] v = new double[n];
            double[] x = data.featuresRowMajor();
            double[] p = new double[m];
            for (int i = 0; i < n; i++) {
                v[i] = problem.trainableOutputWeights() ? point[n * d + i] : 1.0;
                if (!Double.isFinite(v[i])) {
                    throw new IllegalArgumentException("output weight v_" + i + " is " + v[i]);
                }
                if (v[i] == 0.0) {
                    throw new NotDifferentiableException(i, "the point is on a cell boundary: output weight v_" + i
                            + " = 0 (its sign b_" + i + " is undefined), so Bas is not defined there");
                }
                b[i] = v[i] > 0 ? 1 : -1;
                for (int t = 0; t < m; t++) {
                    double u = 0;
                    for (int j = 0; j < d; j++) {
                        u += point[i * d + j] * x[t * d + j];
                    }
                    if (!Double.isFinite(u)) {
                        throw new IllegalArgumentException("neuron " + i + " has a non-finite weight");
                    }
                    if (u == 0.0) {
                        throw new NotDifferentiableException(i, "the point is on a cell boundary: <w_" + i + ", x_" + t
                                + "> = 0 (neuron " + i + ", example " + t + "), so Bas is not defined there");
                    }
                    a[i][t] = u > 0 ? 1 : -1;
                    if (u > 0) {
                        p[t] += v[i] * u; // in increasing i for each t, as TwoLayerObjective.predictions
                    }
                }
            }
            return new Geometry(new Cell(a, b), v, p);
        }
    }
}
