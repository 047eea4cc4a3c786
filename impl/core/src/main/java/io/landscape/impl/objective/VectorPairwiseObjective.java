package io.landscape.impl.objective;

import io.landscape.api.Gradient;
import io.landscape.api.Hessian;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.api.function.NetworkHessian;
import io.landscape.impl.compile.KernelCompiler;
import io.landscape.impl.kernel.PairKernel;

/**
 * F, ∇F and value-and-gradient of {@link PairwiseObjective} (any teacher, any kernel) with SIMD dense products and a
 * vectorised angle pass (the JDK's Vector API). Same formulas, same order of F's terms and the same compensated
 * summation; what differs is the rounding of the dot products (one FMA chain per entry instead of four interleaved
 * accumulators) and of θ (the vector arccos of {@link VectorAsin} instead of the table of
 * {@link io.landscape.impl.linalg.FastAngle}, both within 2 ulps) — see "General evaluator" in the
 * {@linkplain io.landscape.impl.objective package documentation} for the layout, the order of every sum and the measured
 * accuracy.
 *
 * <p>Steps per call: copy W into the stacked, lane-padded [W; V] and its transpose; dots = W·[Wᵀ Vᵀ] (upper tiles only,
 * {@link VectorDense#product}); per student row i the angles of the pairs (i, j &gt; i) and (i, l) in one contiguous
 * vector pass; the kernel's scalar coefficients per pair (the kernel is scalar code, compiled or hand-written) into
 * [C | E] and F's terms; ∇F = c·[C | E]·[W; V] (one product).
 *
 * <p>Points off the fast path — a zero neuron, a squared norm outside [{@link PairwiseObjective#SQUARED_NORM_MIN},
 * {@link PairwiseObjective#SQUARED_NORM_MAX}], NaN or infinite coordinates, a rescaled teacher, a non-finite result —
 * are handed to the scalar {@link PairwiseObjective}, so they get exactly its values and its error messages. The
 * Hessian is the scalar one; {@link #hessianAt} is the matrix-free {@link PairHessianOperator}.
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
        PairwiseObjective s = new PairwiseObjective(problem, kernel);
        return isAvailable() ? new VectorPairwiseObjective(s) : s;
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

    private VectorPairwiseObjective(PairwiseObjective scalar) {
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
        this.owner = Thread.currentThread();
        this.ownerEvaluator = new Evaluator(scalar);
        this.others = ThreadLocal.withInitial(() -> new Evaluator(scalar));
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
        return scalar.hessian();
    }

    @Override
    public NetworkHessian hessianAt(double[] x) {
        return new PairHessianOperator(problem, kernel, x, scalar.hessian());
    }

    /** One thread's scratch space; holds no reference to the objective (see {@link PairwiseObjective}). */
    private static final class Evaluator {
        private final PairKernel kernel;
        private final int n;
        private final int k;
        private final int d;
        private final int nk;
        private final int dp;   // d padded to the lane count
        private final int np;   // n + k padded to the lane count
        private final double[] a;
        /** a_i for students, −b_l for teachers: the weight of pair (i, j) is a_i·ab[j]. */
        private final double[] ab;
        private final boolean teacherRescaled;
        private final double teacherHi;
        private final double teacherLo;
        private final double scale;
        /** [W; V], (n + k) × dp. */
        private final double[] wv;
        /** [Wᵀ Vᵀ], d × np. */
        private final double[] wvT;
        /** Row i: w_i·w_j (j ≥ i, from the upper tiles), w_i·v_l at column n + l; n × np (+ L). */
        private final double[] dots;
        /** [r; ρ] and their inverses (+ L padding). */
        private final double[] rv;
        private final double[] inv;
        /** [C | E], n × np. */
        private final double[] coef;
        /** c·[C | E]·[W; V] before the copy to the caller's layout, n × dp. */
        private final double[] gp;
        private final double[] cRow;
        private final double[] sRow;
        private final double[] tRow;
        private final double[] out3 = new double[PairKernel.SELF_SIZE];
        private final double[] out4 = new double[PairKernel.FIRST_SIZE];
        private final PairGeometry geo = new PairGeometry();
        double lastValue;

        Evaluator(PairwiseObjective o) {
            Problem p = o.problem();
            this.kernel = o.kernel();
            this.n = p.studentCount();
            this.k = p.teacherCount();
            this.d = p.inputDimension();
            this.nk = n + k;
            int lanes = VectorDense.lanes();
            this.dp = (d + lanes - 1) / lanes * lanes;
            this.np = (nk + lanes - 1) / lanes * lanes;
            this.a = p.studentWeights();
            double[] b = p.teacherWeights();
            this.ab = new double[nk];
            System.arraycopy(a, 0, ab, 0, n);
            for (int l = 0; l < k; l++) {
                ab[n + l] = -b[l];
            }
            this.teacherRescaled = o.teacherRescaled();
            double[] t = o.teacherConstantParts();
            this.teacherHi = t[0];
            this.teacherLo = t[1];
            this.scale = o.scale();
            this.wv = new double[nk * dp];
            this.wvT = new double[d * np];
            this.dots = new double[n * np + lanes];
            this.rv = new double[np + lanes];
            this.inv = new double[np + lanes];
            for (int l = 0; l < k; l++) {
                double[] row = p.teacherNeuron(l);
                double nn = 0;
                for (int q = 0; q < d; q++) {
                    wv[(n + l) * dp + q] = row[q];
                    wvT[q * np + n + l] = row[q];
                    nn += row[q] * row[q];
                }
                // as PairwiseObjective on its fast path (the teacher is not rescaled there)
                double rho = Math.sqrt(nn);
                rv[n + l] = rho;
                inv[n + l] = 1.0 / rho;
            }
            this.coef = new double[n * np];
            this.gp = new double[n * dp];
            this.cRow = new double[np + lanes];
            this.sRow = new double[np + lanes];
            this.tRow = new double[np + lanes];
        }

        /**
         * Copies x in, forms the dot products and norms; false if x is off the fast path (wrong length, a squared norm
         * outside the range — which includes zero, NaN and infinite coordinates — or a rescaled teacher).
         */
        boolean prepare(double[] x) {
            if (x.length != n * d || teacherRescaled) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(x, i * d, wv, i * dp, d);
                for (int q = 0; q < d; q++) {
                    wvT[q * np + i] = x[i * d + q];
                }
            }
            VectorDense.product(wv, dp, 0, n, d, wvT, np, np, dots, np, true);
            for (int i = 0; i < n; i++) {
                double s = dots[i * np + i];
                if (!(s >= PairwiseObjective.SQUARED_NORM_MIN && s <= PairwiseObjective.SQUARED_NORM_MAX)) {
                    return false;
                }
                double r = Math.sqrt(s);
                rv[i] = r;
                inv[i] = 1.0 / r;
            }
            return true;
        }

        private void angles(int i) {
            VectorDense.angles(dots, i * np, i + 1, nk, inv[i], inv, wv, dp, i, d, cRow, sRow, tRow, geo);
        }

        /** F after {@link #prepare}: the terms in PairwiseObjective's order, runs of CHUNK, TwoSum over the runs. */
        double value() {
            double fs = 0;
            double fc = 0;
            double chunk = 0;
            int left = PairwiseObjective.CHUNK;
            for (int i = 0; i < n; i++) {
                double ri = rv[i];
                kernel.self(ri, out3);
                double ai = a[i];
                chunk += 0.5 * ai * ai * out3[0];
                angles(i);
                for (int j = i + 1; j < nk; j++) {
                    chunk += ai * ab[j] * kernel.value(ri, rv[j], cRow[j], sRow[j], tRow[j]);
                    if (--left == 0) {
                        double s = fs + chunk;
                        double bp = s - fs;
                        fc += (fs - (s - bp)) + (chunk - bp);
                        fs = s;
                        chunk = 0;
                        left = PairwiseObjective.CHUNK;
                    }
                }
            }
            double s = fs + chunk;
            double bp = s - fs;
            fc += (fs - (s - bp)) + (chunk - bp);
            fs = s;
            return scale * total(fs, fc);
        }

        private double total(double fs, double fc) {
            if (!(Math.abs(fs) <= Double.MAX_VALUE)) {
                return fs + teacherHi;
            }
            double s = fs + teacherHi;
            double bp = s - fs;
            double e = (fs - (s - bp)) + (teacherHi - bp);
            return s + (e + (fc + teacherLo));
        }

        /**
         * ∇F into g and (if {@code withValue}) F into {@link #lastValue}; false (g unspecified) if the point is off the
         * fast path or a result is not finite — the caller then asks the scalar evaluator.
         */
        boolean valueAndGradient(double[] x, double[] g, boolean withValue) {
            if (g.length != n * d || g == x || !prepare(x)) {
                return false;
            }
            double fs = 0;
            double fc = 0;
            double chunk = 0;
            int left = PairwiseObjective.CHUNK;
            double[] coef = this.coef;
            for (int i = 0; i < n; i++) {
                coef[i * np + i] = 0.0;
            }
            for (int i = 0; i < n; i++) {
                double ri = rv[i];
                double ii = inv[i];
                int ci = i * np;
                double ai = a[i];
                kernel.self(ri, out3);
                double half = 0.5 * ai * ai;
                chunk += half * out3[0];
                double diag = half * out3[1] * ii;
                angles(i);
                for (int j = i + 1; j < n; j++) {
                    double ij = inv[j];
                    kernel.first(ri, rv[j], cRow[j], sRow[j], tRow[j], out4);
                    double w = ai * ab[j];
                    chunk += w * out4[0];
                    diag += w * out4[1] * ii;
                    coef[j * np + j] += w * out4[2] * ij;
                    double off = w * out4[3];
                    coef[ci + j] = off;
                    coef[j * np + i] = off;
                    if (--left == 0) {
                        double s = fs + chunk;
                        double bp = s - fs;
                        fc += (fs - (s - bp)) + (chunk - bp);
                        fs = s;
                        chunk = 0;
                        left = PairwiseObjective.CHUNK;
                    }
                }
                for (int j = n; j < nk; j++) {
                    kernel.first(ri, rv[j], cRow[j], sRow[j], tRow[j], out4);
                    double w = ai * ab[j];
                    chunk += w * out4[0];
                    diag += w * out4[1] * ii;
                    coef[ci + j] = w * out4[3];
                    if (--left == 0) {
                        double s = fs + chunk;
                        double bp = s - fs;
                        fc += (fs - (s - bp)) + (chunk - bp);
                        fs = s;
                        chunk = 0;
                        left = PairwiseObjective.CHUNK;
                    }
                }
                coef[ci + i] += diag;
            }
            VectorDense.product(coef, np, 0, n, nk, wv, dp, dp, gp, dp, false);
            boolean finite = true;
            for (int i = 0; i < n; i++) {
                int go = i * dp;
                int o = i * d;
                for (int q = 0; q < d; q++) {
                    double gq = scale * gp[go + q];
                    g[o + q] = gq;
                    finite &= Math.abs(gq) <= Double.MAX_VALUE;
                }
            }
            if (withValue) {
                double s = fs + chunk;
                double bp = s - fs;
                fc += (fs - (s - bp)) + (chunk - bp);
                fs = s;
                lastValue = scale * total(fs, fc);
                finite &= Math.abs(lastValue) <= Double.MAX_VALUE;
            }
            return finite;
        }
    }
}
