package io.landscape.impl.objective;

import io.landscape.api.Gradient;
import io.landscape.api.Hessian;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.api.function.NetworkHessian;
import io.landscape.impl.compile.KernelCompiler;
import io.landscape.impl.kernel.PairKernel;
import io.landscape.impl.linalg.Workers;

/**
 * F, ∇F and value-and-gradient of {@link PairwiseObjective} (any teacher, any kernel) with SIMD dense products and a
 * vectorised pair pass (the JDK's Vector API). Same formulas; what differs is the rounding of the dot products (one
 * FMA chain per entry instead of four interleaved accumulators), of θ (the vector arccos of {@link VectorAsin} instead
 * of the table of {@link io.landscape.impl.linalg.FastAngle}, both within 2 ulps) and the order of F's compensated
 * sum: L lane-wise TwoSum accumulators (lane q holds the columns j ≡ q mod L), joined over the rows and then the lanes
 * in a fixed order, with an error bound at least as good as the scalar evaluator's — see "General evaluator" in the
 * {@linkplain io.landscape.impl.objective package documentation} for the layout, the order of every sum, the bound and
 * the measured accuracy.
 *
 * <p>Steps per call: the transpose [Wᵀ Vᵀ]; dots = W·[Wᵀ Vᵀ] (upper tiles only, {@link VectorDense#product}; the
 * 8-row tiles read W transposed from [Wᵀ Vᵀ] itself, the 4-row tiles from x); per student row i the angles of the aligned blocks of columns from i rounded down to L
 * ({@link VectorDense#angles}), then the kernel's coefficients of the row's pairs into [C | E] and the row's lane sums
 * of F and of C's diagonal ({@link VectorDense#reluRows}); the rows' sums joined ({@link VectorDense#combineRows}), C's
 * diagonal and lower triangle; ∇F = c·[C | E]·[W; V] (one product). For the ReLU kernel — compiled or hand-written —
 * the coefficients are computed lane by lane by a vector transcription of that kernel evaluator (the same operations
 * in the same order, bitwise the per-pair calls, chosen only after a bitwise probe); any other kernel is called per
 * pair. Either way the results are bitwise those of calling the kernel per pair.
 *
 * <p><b>Cost</b> (JMH, fast forks, on a Zen 5 core, 2026-12-05: ≈ 108–114 µs per value and gradient at
 * k = n = d = 100, ≈ 2.46–2.63 at 20, ≈ 0.53–0.62 at 6; docs/performance.md, "Seventh round"; on a Zen 4 core, with
 * half its FMA throughput, 180 µs at 100 after the eighth round, which took 7 % off at 100 and 5 % at 20). Earlier
 * phase timings (thread CPU µs, ReLU, compiled kernel, identity teacher at a random point, 512-bit vectors, loaded
 * machine; {@code GeneralPhaseTiming} in the tests prints the phases): at k = n = d = 100, ≈ 113–119 in all —
 * transpose ≈ 4, Gram product ≈ 34, angles ≈ 9, ReLU coefficients and lane sums ≈ 8.5, joining the sums and C's
 * diagonal ≈ 1, gradient product ≈ 42 (panel layout, see {@code PANEL_MIN_ROWS}); at 20, ≈ 3.0 — 0.24, 0.35, 0.47,
 * 0.51, 0.13, 0.5 (the rest: norms, self terms, mirror, copies). The floor: 14 950 pairs (angle +
 * coefficients) and ≈ 3.5·10⁶ multiply-adds at 100, 590 and ≈ 28 000 at 20. The measured FMA peak of the machine these
 * numbers come from is ≈ 57·10⁹ multiply-adds per second on one core (16 independent 512-bit FMA chains, no memory
 * operand); the products run at ≈ 45–50·10⁹/s and alone need ≥ 61 µs at 100. See docs/performance.md for what was
 * tried.
 *
 * <p>With a helper from a {@link Workers} budget ({@link #create(Problem, PairKernel, Workers)}, selected by
 * {@link Evaluators} from {@link EvaluatorParameters#parallelMinStudents()} on) the products and the pair pass are
 * split between two threads and the rows' sums are joined in the fixed order: bitwise the one-thread results.
 *
 * <p>Points off the fast path — a zero neuron, a squared norm outside [{@link PairwiseObjective#SQUARED_NORM_MIN},
 * {@link PairwiseObjective#SQUARED_NORM_MAX}], NaN or infinite coordinates, a rescaled teacher, a non-finite result —
 * are handed to the scalar {@link PairwiseObjective}, so they get exactly its values and its error messages. The
 * dense Hessian is written with SIMD stores ({@code VectorDenseHessian}), bitwise the scalar one; {@link #hessianAt}
 * is the matrix-free {@link PairHessianOperator}.
 *
 * <p>Thread-safe like {@link PairwiseObjective} (owner's scratch space without lookup, {@link ThreadLocal} for other
 * threads); allocation-free after construction.
 */
public final class VectorPairwiseObjective implements Objective {
    private final PairwiseObjective scalar;
    private final Problem problem;
    private final PairKernel kernel;
    private final int n;
    private final int k;
    private final int d;
    private final Gradient gradientObject;
    /** The SIMD dense Hessian ({@link VectorDenseHessian}: bitwise the scalar one). */
    private final Hessian denseHessian;
    private final Thread owner;
    private final Evaluator ownerEvaluator;
    private final ThreadLocal<Evaluator> others;

    /**
     * Whether {@link #create} returns the SIMD evaluator: {@code jdk.incubator.vector} is resolved, the JIT has hardware
     * FMA, {@code -Dlandscape.vector} is not false, and vectors have at least 256 bits.
     */
    public static boolean isAvailable() {
        return VectorSupport.available();
    }

    /** The SIMD evaluator of the problem with its compiled kernel, or the scalar one where {@link #isAvailable} is false. */
    public static Objective create(Problem problem) {
        return create(problem, KernelCompiler.compiled(problem.kernel()));
    }

    /** As {@link #create(Problem)} with a given kernel evaluator. */
    public static Objective create(Problem problem, PairKernel kernel) {
        return create(problem, kernel, Workers.NONE);
    }

    /**
     * As {@link #create(Problem, PairKernel)}, computing each value and gradient on the caller's thread and one helper
     * from {@code workers} when it has one ({@code workers.helpers() ≥ 1}; more are not used): the dot products, the
     * pair pass, C's mirror and the gradient product are shared (blocks of 8 rows, alternately); F's terms and C's
     * diagonal are then summed in the one-thread order, so the results are <em>bitwise</em> those of one thread
     * ({@code VectorPairwiseObjectiveTest}). Worth it from about k = n = d = 128 ({@link EvaluatorParameters}); below,
     * moving the shared working set between the cores costs what the second core saves. {@code value} stays on one
     * thread.
     */
    public static Objective create(Problem problem, PairKernel kernel, Workers workers) {
        PairwiseObjective s = new PairwiseObjective(problem, kernel);
        return isAvailable() ? new VectorPairwiseObjective(s, workers.helpers() > 0 ? workers : null, true) : s;
    }

    /**
     * For tests: as {@link #create(Problem, PairKernel, Workers)}, but the kernel is always called per pair (no vector
     * transcription), the reference the transcribed pass must reproduce bitwise.
     */
    static Objective perPairCalls(Problem problem, PairKernel kernel, Workers workers) {
        return new VectorPairwiseObjective(new PairwiseObjective(problem, kernel),
                workers.helpers() > 0 ? workers : null, false);
    }

    /**
     * The batched evaluator of the problem with its compiled kernel: L points per call, one per SIMD lane, each lane
     * bitwise this evaluator's result at its point.
     *
     * @throws IllegalStateException if {@link #isAvailable()} is false (the batch needs the Vector API)
     */
    public static BatchPairwiseObjective batch(Problem problem) {
        return batch(problem, KernelCompiler.compiled(problem.kernel()));
    }

    /** As {@link #batch(Problem)} with a given kernel evaluator. */
    public static BatchPairwiseObjective batch(Problem problem, PairKernel kernel) {
        if (!isAvailable()) {
            throw new IllegalStateException("the batched general evaluator needs the Vector API (java option "
                    + "--add-modules jdk.incubator.vector, hardware FMA, vectors of at least 256 bits); use "
                    + "create(problem) one point at a time");
        }
        return new BatchPairwiseObjective(new PairwiseObjective(problem, kernel));
    }

    private VectorPairwiseObjective(PairwiseObjective scalar, Workers workers, boolean transcribe) {
        this.scalar = scalar;
        this.problem = scalar.problem();
        this.kernel = scalar.kernel();
        this.n = problem.studentCount();
        this.k = problem.teacherCount();
        this.d = problem.inputDimension();
        this.gradientObject = new Gradient() {
            @Override
            public int dimension() {
                return n * d;
            }

            @Override
            public void evaluate(double[] x, double[] out) {
                if (!evaluator().valueAndGradient(x, out, false)) {
                    scalar.gradient().evaluate(x, out);
                }
            }
        };
        this.denseHessian = new VectorDenseHessian(scalar, workers);
        this.owner = Thread.currentThread();
        this.ownerEvaluator = new Evaluator(scalar, workers, transcribe);
        this.others = ThreadLocal.withInitial(() -> new Evaluator(scalar, workers, transcribe));
    }

    private Evaluator evaluator() {
        return Thread.currentThread() == owner ? ownerEvaluator : others.get();
    }

    @Override
    public Problem problem() {
        return problem;
    }

    @Override
    public int dimension() {
        return n * d;
    }

    /** The kernel evaluator in use. */
    public PairKernel kernel() {
        return kernel;
    }

    @Override
    public double value(double[] x) {
        Evaluator e = evaluator();
        if (e.prepare(x)) {
            double f = e.value();
            if (Double.isFinite(f)) {
                return f;
            }
        }
        return scalar.value(x);
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        Evaluator e = evaluator();
        if (e.valueAndGradient(x, g, true)) {
            return e.lastValue;
        }
        return scalar.valueAndGradient(x, g);
    }

    @Override
    public Gradient gradient() {
        return gradientObject;
    }

    @Override
    public Hessian hessian() {
        return denseHessian;
    }

    @Override
    public NetworkHessian hessianAt(double[] x) {
        return new PairHessianOperator(problem, kernel, x, denseHessian);
    }

    /**
     * From this many rows of [W; V] (n + k) on, the gradient product reads [W; V] in the panel layout
     * ({@link VectorDense#productPanels}; bitwise the same result): at k = n = d = 100 the product takes ≈ 42 instead of
     * ≈ 54 CPU µs; at 20 the extra copy into the panels costs about what it saves.
     */
    static final int PANEL_MIN_ROWS = 64;

    /** One thread's scratch space; holds no reference to the objective (see {@link PairwiseObjective}). */
    private static final class Evaluator {
        private static final int L = VectorDense.lanes();
        private final PairKernel kernel;
        private final int n;
        private final int k;
        private final int d;
        private final int nk;
        private final int dp;   // d padded to the lane count
        private final int np;   // n + k padded to the lane count
        private final int gs;   // n padded to the lane count (the rows of gv)
        private final double[] a;
        /** a_i for students, −b_l for teachers: the weight of pair (i, j) is a_i·ab[j]. */
        private final double[] ab;
        private final boolean teacherRescaled;
        private final double teacherHi;
        private final double teacherLo;
        private final double scale;
        /**
         * Rows of ∇F the one-thread gradient product writes straight into the caller's g (row stride d) instead of
         * gp: a multiple of 8 below n such that every row's padded last vector still ends inside g (it runs into the
         * next rows, written after it); 0 if the normalisation's factor is not 1 (then every row goes through
         * {@link VectorDense#scaleOut}). The other rows go through gp.
         */
        private final int directRows;
        /** [W; V], (n + k) × dp. */
        private final double[] wv;
        /** [Wᵀ Vᵀ], d × np. */
        private final double[] wvT;
        /** [W; V], (n + k) × dp, in the panel layout (B of the gradient product), or null below PANEL_MIN_ROWS. */
        private final double[] gradB;
        /** Row i: w_i·w_j (j ≥ i, from the upper tiles), w_i·v_l at column n + l; n × np (+ L). */
        private final double[] dots;
        /** [r; ρ] and their inverses (+ L padding). */
        private final double[] rv;
        private final double[] inv;
        /** [C | E], n × np. */
        private final double[] coef;
        /** c·[C | E]·[W; V] before the copy to the caller's layout, n × dp. */
        private final double[] gp;
        /** Per row: ½a_i²D(r_i) (F's self term) and ½a_i²D′(r_i)/r_i (C_ii's radial start). */
        private final double[] self;
        private final double[] diag0;
        /** Per row, 3L entries: the lane sums of F (s, c) and of C's diagonal ({@link VectorDense#reluRows}). */
        private final double[] part;
        /** Row i's column terms (w·gAv)·(1/r_j) of C_jj, j &lt; n: n × gs. */
        private final double[] gv;
        /** C's column sums (of gv), gs. */
        private final double[] col;
        /** F's combined sums: {fs, fc, the lanes' S and C} ({@link VectorDense#combineRows}). */
        private final double[] fsum = new double[2 + 2 * L];
        /** 0, np, 2np, …: the index map of {@link VectorDense#mirrorRow}'s gathers. */
        private final int[] gather;
        private final double[] out3 = new double[PairKernel.SELF_SIZE];
        /** The row scratch of the caller's thread, and of the helper in the two-thread path. */
        private final Rows rows;
        private final Rows rows1;
        /** The vector transcription of the kernel ({@link VectorDense#reluTranscription}), or RELU_NONE. */
        private final int relu;
        /** Two-thread path (null when off). */
        private final Workers workers;
        /** The caller and one helper of {@link #workers} through the phases of one call (null: one thread). */
        private final PhaseTeam team;
        /** Phase bodies of the two-thread path, made once (no allocation per call for them). */
        private final java.util.function.IntConsumer productPhase;
        private final java.util.function.IntConsumer rowPhase;
        private final java.util.function.IntConsumer sumPhase;
        private final java.util.function.IntConsumer gradientPhase;
        double lastValue;
        /** The point of the current call (the students' rows for the Gram product and the chord formula). */
        private double[] x;

        Evaluator(PairwiseObjective o, Workers workers, boolean transcribe) {
            Problem p = o.problem();
            this.kernel = o.kernel();
            this.n = p.studentCount();
            this.k = p.teacherCount();
            this.d = p.inputDimension();
            this.nk = n + k;
            this.dp = (d + L - 1) / L * L;
            this.np = (nk + L - 1) / L * L;
            this.gs = (n + L - 1) / L * L;
            this.a = p.studentWeights();
            double[] b = p.teacherWeights();
            this.ab = new double[np + L];
            System.arraycopy(a, 0, ab, 0, n);
            for (int l = 0; l < k; l++) {
                ab[n + l] = -b[l];
            }
            this.teacherRescaled = o.teacherRescaled();
            double[] t = o.teacherConstantParts();
            this.teacherHi = t[0];
            this.teacherLo = t[1];
            this.scale = o.scale();
            int m = (n - 1) / 8 * 8;
            while (m > 0 && (m - 1) * d + dp > n * d) {
                m -= 8;
            }
            this.directRows = scale == 1.0 ? m : 0;
            this.wv = new double[nk * dp];
            this.wvT = new double[d * np];
            this.gradB = nk >= PANEL_MIN_ROWS ? new double[nk * dp] : null;
            this.dots = new double[n * np + L];
            this.rv = new double[np + L];
            this.inv = new double[np + L];
            for (int l = 0; l < k; l++) {
                double[] row = p.teacherNeuron(l);
                double nn = 0;
                for (int q = 0; q < d; q++) {
                    wv[(n + l) * dp + q] = row[q];
                    wvT[q * np + n + l] = row[q];
                    if (gradB != null) {
                        gradB[VectorDense.panelIndex(n + l, q, nk, dp)] = row[q];
                    }
                    nn += row[q] * row[q];
                }
                // as PairwiseObjective on its fast path (the teacher is not rescaled there)
                double rho = Math.sqrt(nn);
                rv[n + l] = rho;
                inv[n + l] = 1.0 / rho;
            }
            this.coef = new double[n * np + L];
            this.relu = transcribe ? VectorDense.reluTranscription(kernel) : VectorDense.RELU_NONE;
            this.gp = new double[n * dp];
            this.self = new double[n];
            this.diag0 = new double[n];
            this.part = new double[n * 3 * L];
            this.gv = new double[n * gs];
            this.col = new double[gs];
            this.gather = new int[L];
            for (int q = 0; q < L; q++) {
                gather[q] = q * np;
            }
            this.rows = new Rows(np);
            this.workers = workers;
            this.team = workers != null ? new PhaseTeam(workers.executor()) : null;
            if (workers != null) {
                this.rows1 = new Rows(np);
                // row ownership, the same in every phase: blocks of 8 rows, even blocks on the caller, odd ones on the
                // helper — balanced for the phases whose work per row falls with i (upper Gram tiles, pairs) and for
                // those where it is flat (gradient product), and every thread reads in a later phase the rows it wrote
                // in an earlier one (contiguous halves split at different rows per phase had the caller read rows the
                // helper had just written: each thread's half took ≈ 1.5× its share, and two threads no faster than
                // one at k = n = d = 100)
                int blocks = (n + 7) / 8;
                this.productPhase = part -> {
                    for (int bk = part; bk < blocks; bk += 2) {
                        VectorDense.product(x, d, wvT, np, d, 8 * bk, Math.min(n, 8 * bk + 8), d, wvT, np, np,
                                dots, np, true);
                    }
                };
                this.rowPhase = part -> {
                    Rows r = part == 0 ? rows : rows1;
                    for (int bk = part; bk < blocks; bk += 2) {
                        rowRange(8 * bk, Math.min(n, 8 * bk + 8), r);
                    }
                };
                this.sumPhase = part -> {
                    if (part == 0) {
                        sumsAndDiagonal();
                    }
                    for (int bk = part; bk < blocks; bk += 2) {
                        mirror(8 * bk, Math.min(n, 8 * bk + 8));
                    }
                };
                this.gradientPhase = part -> {
                    for (int bk = part; bk < blocks; bk += 2) {
                        gradientProduct(8 * bk, Math.min(n, 8 * bk + 8));
                    }
                };
            } else {
                this.rows1 = null;
                this.productPhase = null;
                this.rowPhase = null;
                this.sumPhase = null;
                this.gradientPhase = null;
            }
        }

        /**
         * Copies x in, forms the dot products, norms and the rows' self terms; false if x is off the fast path (wrong
         * length, a squared norm outside the range — which includes zero, NaN and infinite coordinates — or a rescaled
         * teacher).
         */
        boolean prepare(double[] x) {
            if (x.length != n * d || teacherRescaled) {
                return false;
            }
            this.x = x;
            if (gradB == null) {
                // [W; V] row-major is B of the gradient product only below PANEL_MIN_ROWS (the Gram product reads x)
                for (int i = 0; i < n; i++) {
                    System.arraycopy(x, i * d, wv, i * dp, d);
                }
            }
            // the transpose row by row of wvT: contiguous stores, strided loads (cheaper than strided stores; blocks of
            // 8 rows of x were slower: 5.8 against 4.3 CPU µs at k = n = d = 100)
            int q0 = 0;
            if (gradB == null) {
                // below PANEL_MIN_ROWS four rows of wvT per pass, x's four consecutive entries per row (0.16 against
                // 0.22 CPU µs at k = n = d = 20; slower at 100, where x no longer fits in L1 next to wvT)
                for (; q0 + 3 < d; q0 += 4) {
                    int o = q0 * np;
                    for (int i = 0, xi = q0; i < n; i++, xi += d) {
                        wvT[o + i] = x[xi];
                        wvT[o + np + i] = x[xi + 1];
                        wvT[o + 2 * np + i] = x[xi + 2];
                        wvT[o + 3 * np + i] = x[xi + 3];
                    }
                }
            }
            for (int q = q0; q < d; q++) {
                int o = q * np;
                for (int i = 0, xi = q; i < n; i++, xi += d) {
                    wvT[o + i] = x[xi];
                }
            }
            if (gradB != null) {
                // the students' rows of gradB: pieces of each row, one per panel (the padding stays zero)
                int w2 = VectorDense.panelWidth();
                for (int c0 = 0; c0 < d; c0 += w2) {
                    int w = Math.min(w2, dp - c0);
                    int len = Math.min(w, d - c0);
                    int bo = c0 * nk;
                    for (int j = 0; j < n; j++) {
                        System.arraycopy(x, j * d + c0, gradB, bo + j * w, len);
                    }
                }
            }
            if (workers != null) {
                team.run(productPhase);
            } else {
                // A = W from x, and for the 8-row tiles transposed from wvT (its first n columns are Wᵀ)
                VectorDense.product(x, d, wvT, np, d, 0, n, d, wvT, np, np, dots, np, true);
            }
            for (int i = 0; i < n; i++) {
                double s = dots[i * np + i];
                if (!(s >= PairwiseObjective.SQUARED_NORM_MIN && s <= PairwiseObjective.SQUARED_NORM_MAX)) {
                    return false;
                }
                double r = Math.sqrt(s);
                rv[i] = r;
                inv[i] = 1.0 / r;
            }
            double[] out3 = this.out3;
            for (int i = 0; i < n; i++) {
                kernel.self(rv[i], out3);
                double half = 0.5 * a[i] * a[i];
                self[i] = half * out3[0];
                diag0[i] = half * out3[1] * inv[i];
            }
            return true;
        }

        /** F after {@link #prepare}: the same lane sums as {@link #valueAndGradient}, κ from the kernel's value. */
        double value() {
            Rows r = rows;
            for (int i0 = 0; i0 < n; i0 += ROWS) {
                int i1 = Math.min(n, i0 + ROWS);
                VectorDense.angles(dots, np, i0, i1, nk, inv, x, n, wv, dp, d, r.c, r.s, r.t, np, r.geo);
                if (relu != VectorDense.RELU_NONE) {
                    VectorDense.reluRows(relu, false, i0, i1, nk, n, rv, a, inv, self, diag0, ab, r.c, r.s, r.t, np,
                            null, 0, null, 0, part);
                    continue;
                }
                for (int i = i0; i < i1; i++) {
                    int so = (i - i0) * np;
                    double ri = rv[i];
                    double ai = a[i];
                    int jb0 = VectorDense.rowStart(i);
                    for (int j = jb0; j <= i; j++) {
                        r.wk[j] = 0.0;
                    }
                    for (int j = i + 1; j < nk; j++) {
                        r.wk[j] = ai * ab[j] * kernel.value(ri, rv[j], r.c[so + j], r.s[so + j], r.t[so + j]);
                    }
                    VectorDense.sumRow(false, i, jb0, nk, n, self[i], 0.0, r.wk, null, null, null, null, 0, null, 0,
                            part, i * 3 * L);
                }
            }
            VectorDense.combineRows(part, n, fsum);
            return total();
        }

        /** scale · ((fs + fc) + (T_hi + T_lo)), one TwoSum and one rounding at the end; an infinite fs gives fs + T_hi. */
        private double total() {
            return scale * VectorDense.withTeacher(fsum[0], fsum[1], teacherHi, teacherLo);
        }

        /**
         * Rows [from, to) of the pair pass with scratch r: angles, the weighted kernel coefficients into C's row i
         * (upper part and E), the column terms into gv and the row's lane sums into part.
         */
        private void rowRange(int from, int to, Rows r) {
            for (int i0 = from; i0 < to; i0 += ROWS) {
                int i1 = Math.min(to, i0 + ROWS);
                VectorDense.angles(dots, np, i0, i1, nk, inv, x, n, wv, dp, d, r.c, r.s, r.t, np, r.geo);
                if (relu != VectorDense.RELU_NONE) {
                    VectorDense.reluRows(relu, true, i0, i1, nk, n, rv, a, inv, self, diag0, ab, r.c, r.s, r.t, np,
                            coef, np, gv, gs, part);
                    continue;
                }
                double[] out4 = r.out4;
                for (int i = i0; i < i1; i++) {
                    int so = (i - i0) * np;
                    double ri = rv[i];
                    double ai = a[i];
                    double ii = inv[i];
                    int jb0 = VectorDense.rowStart(i);
                    for (int j = jb0; j <= i; j++) {
                        r.wk[j] = 0.0;
                        r.wga[j] = 0.0;
                        r.wgav[j] = 0.0;
                        r.off[j] = 0.0;
                    }
                    for (int j = i + 1; j < nk; j++) {
                        kernel.first(ri, rv[j], r.c[so + j], r.s[so + j], r.t[so + j], out4);
                        double w = ai * ab[j];
                        r.wk[j] = w * out4[0];
                        r.wga[j] = w * out4[1] * ii;
                        r.wgav[j] = w * out4[2] * inv[j];
                        r.off[j] = w * out4[3];
                    }
                    VectorDense.sumRow(true, i, jb0, nk, n, self[i], diag0[i], r.wk, r.wga, r.wgav, r.off, coef,
                            i * np, gv, i * gs, part, i * 3 * L);
                }
            }
        }

        /** F's sums combined (fsum), C's column sums and diagonal: C_jj = colsum_j + Σ_q (row j's lane q), in order. */
        private void sumsAndDiagonal() {
            VectorDense.combineRows(part, n, fsum);
            VectorDense.columnSums(gv, gs, n, col);
            for (int j = 0, po = 2 * L; j < n; j++, po += 3 * L) {
                double r = part[po];
                for (int q = 1; q < L; q++) {
                    r += part[po + q];
                }
                coef[j * np + j] = col[j] + r;
            }
        }

        /**
         * Rows [from, to) of C's strictly lower triangle from its upper one (C is symmetric): row j's entries i &lt; j,
         * 8 at a time by a gather of column j of rows i..i+7 ({@link VectorDense#mirrorRow}), the rest one by one.
         */
        private void mirror(int from, int to) {
            for (int j = Math.max(1, from); j < to; j++) {
                VectorDense.mirrorRow(coef, np, j, gather);
            }
        }

        /** Rows [from, to) of [C | E]·[W; V] into gp: one FMA chain per entry, whichever layout B has. */
        private void gradientProduct(int from, int to) {
            gradientProduct(from, to, gp, dp);
        }

        /**
         * As {@link #gradientProduct(int, int)} into out with row stride os (gp and dp, or g and d). From
         * PANEL_MIN_ROWS on: C's n × n block is symmetric (after {@link #mirror}), so its columns are its rows, and the
         * 8-row tiles read C "transposed" from coef itself (at = coef, split = n), then E row by row — 0.97 of the
         * time at k = n = d = 100, 0.95 at 37 (random teacher). Below, the two-part tiles' extra store and reload of
         * 24 accumulators costs what the shorter steps save (1.035 at 20).
         */
        private void gradientProduct(int from, int to, double[] out, int os) {
            if (gradB != null) {
                VectorDense.productPanels(coef, np, coef, np, n, from, to, nk, gradB, dp, out, os, false);
            } else {
                VectorDense.product(coef, np, from, to, nk, wv, dp, dp, out, os, false);
            }
        }

        /**
         * ∇F into g and (if {@code withValue}) F into {@link #lastValue}; false (g unspecified) if the point is off the
         * fast path or a result is not finite — the caller then asks the scalar evaluator.
         */
        boolean valueAndGradient(double[] x, double[] g, boolean withValue) {
            if (g.length != n * d || g == x || !prepare(x)) {
                return false;
            }
            boolean finite;
            if (workers != null) {
                team.run(rowPhase);
                team.run(sumPhase);
                team.run(gradientPhase);
                finite = VectorDense.scaleOut(gp, dp, n, d, scale, g);
            } else {
                rowRange(0, n, rows);
                sumsAndDiagonal();
                mirror(0, n);
                // rows [0, directRows) straight into g (no copy-out: one pass and n·dp doubles of working set
                // less), the rest through gp; the two threads keep gp (a row's run into the next row would race)
                int m = directRows;
                if (m > 0) {
                    gradientProduct(0, m, g, d);
                }
                gradientProduct(m, n, gp, dp);
                finite = VectorDense.scaleOut(gp, dp, m, n, d, scale, g) & VectorDense.allFinite(g, m * d);
            }
            if (withValue) {
                lastValue = total();
                finite &= Math.abs(lastValue) <= Double.MAX_VALUE;
            }
            return finite;
        }
    }

    /** Rows of the pair pass per call of its vector kernels (their set-up paid once per block of rows). */
    static final int ROWS = 4;

    /** One thread's scratch for the rows of the pair pass: c, s, θ of {@link #ROWS} rows, one row's coefficients. */
    private static final class Rows {
        final double[] c;
        final double[] s;
        final double[] t;
        /** Per-pair coefficients (kernels without a vector transcription), zero outside the row's pairs. */
        final double[] wk;
        final double[] wga;
        final double[] wgav;
        final double[] off;
        final double[] out4 = new double[PairKernel.FIRST_SIZE];
        final PairGeometry geo = new PairGeometry();

        Rows(int np) {
            c = new double[ROWS * np + VectorDense.lanes()];
            s = new double[ROWS * np + VectorDense.lanes()];
            t = new double[ROWS * np + VectorDense.lanes()];
            wk = new double[np + VectorDense.lanes()];
            wga = new double[np + VectorDense.lanes()];
            wgav = new double[np + VectorDense.lanes()];
            off = new double[np + VectorDense.lanes()];
        }
    }
}
