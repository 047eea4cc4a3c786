package io.landscape.impl.objective;
import io.landscape.impl.linalg.SmallMatrices;

import io.landscape.api.Gradient;
import io.landscape.api.Hessian;
import io.landscape.api.InvalidPointException;
import io.landscape.api.NotDifferentiableException;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.kernel.PairKernel;

/**
 * F, ∇F and ∇²F assembled from a pairwise kernel (paper 002 Eq. 6 and 10, paper 000 Thm 10):
 * <pre>
 *   F/c = ½ Σ_i a_i² D(‖w_i‖) + Σ_{i&lt;j} a_i a_j κ(w_i, w_j) − Σ_{i,l} a_i b_l κ(w_i, v_l) + ½ Σ_{l,m} b_l b_m κ(v_l, v_m)
 * </pre>
 * with c the {@link io.landscape.api.Normalization} factor. The gradient is assembled as two small matrix products,
 * ∇_i = Σ_j C_ij w_j + Σ_l E_il v_l, where C and E collect the kernel's scalar coefficients (each student pair is
 * visited once and serves both neurons). Hessian blocks are H_ii = ½a_i²∇²D + Σ_{j≠i} a_i a_j h1(w_i, w_j)
 * − Σ_l a_i b_l h1(w_i, v_l) and H_ij = a_i a_j h2(w_i, w_j), each written as σI + a xᵀ + n yᵀ (see
 * {@link io.landscape.impl.symbolic.KernelDerivation}).
 *
 * <p><b>Accuracy.</b> F is a difference of large pair sums. Its terms are summed in runs of {@value #CHUNK}, and the
 * runs' sums with an error-free transformation (TwoSum, compensated); the teacher–teacher constant is kept as a
 * double-double. The summation error therefore does not grow with the number of pairs: F is within a few ulps at random
 * points for every k (plain summation lost up to four digits at k = 100). The error bound is derived in the
 * {@linkplain io.landscape.impl.objective package documentation}. {@link Gradient#evaluate} computes no F at all.
 *
 * <p><b>Range.</b> Norms and angles of neurons whose squared norm is outside [2⁻⁹⁶⁰, 2⁹⁶⁰]
 * ({@link #SQUARED_NORM_MIN}, {@link #SQUARED_NORM_MAX}; e.g. a neuron of norm 10⁻¹⁷⁰, whose squared norm underflows to
 * 0) are computed from a copy scaled by a power of two, so F is evaluated correctly for every finite nonzero neuron;
 * only exact zeros are zero neurons. Where F (or a derivative) itself is not representable — a neuron of norm ~10¹⁵⁵
 * makes ‖w‖² overflow — a {@link NonFiniteObjectiveException} names the neuron; a NaN or infinite coordinate is
 * refused with an {@link IllegalArgumentException} naming it. Points inside the range take the fast path, unchanged.
 *
 * <p><b>Threads.</b> Safe to share between threads: the thread that created the objective uses its own scratch space
 * directly (one reference comparison per call), any other thread gets scratch space of its own on first use
 * ({@link ThreadLocal}). Allocation-free after construction (and after a thread's first call).
 */
public final class PairwiseObjective implements Objective {
    /**
     * Squared norms of neurons in [SQUARED_NORM_MIN, SQUARED_NORM_MAX] = [2⁻⁹⁶⁰, 2⁹⁶⁰] are used as they are; others
     * (and the dot products of their neurons) are computed from copies scaled by a power of two. In the range, no
     * product of two norms or coordinates overflows, and underflowed partial products are below 2⁻¹⁰⁰ ulps of the
     * dot products they belong to.
     */
    public static final double SQUARED_NORM_MIN = 0x1p-960;
    /** See {@link #SQUARED_NORM_MIN}. */
    public static final double SQUARED_NORM_MAX = 0x1p960;
    /**
     * Consecutive terms of F summed plainly before their sum enters the compensated accumulation (see the package
     * documentation): one TwoSum per eight kernel evaluations, and the plain partial sums' rounding at the level of the
     * terms' own.
     */
    public static final int CHUNK = 8;

    private final Problem problem;
    private final PairKernel kernel;
    private final int n;
    private final int k;
    private final int d;
    private final double[] a;       // student output weights
    private final double[] b;       // teacher output weights
    private final double[] v;       // teacher, flat k*d
    private final double[] rho;     // teacher norms
    private final double[] vUnit;   // teacher unit vectors, flat
    /** The teacher for angles: v itself, or (if some teacher neuron is out of range) v_l scaled by 2^-e_l. */
    private final double[] vAngle;
    /** 1/‖vAngle_l‖ (= 1/‖v_l‖ unless rescaled). */
    private final double[] invRhoAngle;
    /** Whether some teacher neuron is out of range (then every evaluation takes the rescaled path). */
    private final boolean teacherRescaled;
    /** The teacher–teacher constant as a double-double hi + lo. */
    private final double teacherHi;
    private final double teacherLo;
    private final double scale;
    private final Gradient gradientObject;
    private final Hessian hessianObject;
    /** The thread that created this objective, and its scratch space; other threads use {@link #others}. */
    private final Thread owner;
    private final Evaluator ownerEvaluator;
    private final ThreadLocal<Evaluator> others = ThreadLocal.withInitial(() -> new Evaluator(this));

    public PairwiseObjective(Problem problem, PairKernel kernel) {
        this.problem = problem;
        this.kernel = kernel;
        this.n = problem.studentCount();
        this.k = problem.teacherCount();
        this.d = problem.inputDimension();
        this.a = problem.studentWeights();
        this.b = problem.teacherWeights();
        this.scale = problem.normalization().factorRelativeToHalf();
        this.v = new double[k * d];
        this.rho = new double[k];
        this.vUnit = new double[k * d];
        this.vAngle = new double[k * d];
        this.invRhoAngle = new double[k];
        boolean rescaled = false;
        for (int l = 0; l < k; l++) {
            double[] row = problem.teacherNeuron(l);
            System.arraycopy(row, 0, v, l * d, d);
            for (int q = 0; q < d; q++) {
                if (!Double.isFinite(row[q])) {
                    throw new IllegalArgumentException("teacher neuron " + (l + 1) + ", coordinate " + (q + 1) + " is "
                            + row[q] + ": every coordinate must be finite");
                }
            }
            double nn = 0;
            for (double x : row) {
                nn += x * x;
            }
            int e = 0;
            if (!(nn >= SQUARED_NORM_MIN && nn <= SQUARED_NORM_MAX)) {
                e = scaleExponent(row, 0, d);
                if (e != 0) {
                    rescaled = true;
                    nn = 0;
                    for (double x : row) {
                        double y = Math.scalb(x, -e);
                        nn += y * y;
                    }
                }
            }
            double rhoAngle = Math.sqrt(nn);
            rho[l] = Math.scalb(rhoAngle, e);
            if (rho[l] == 0.0) {
                throw new IllegalArgumentException("teacher neuron " + (l + 1) + " is the zero vector: remove it "
                        + "(the kernel needs a direction for every teacher neuron)");
            }
            if (rho[l] == Double.POSITIVE_INFINITY) {
                throw new NonFiniteObjectiveException(-1, "teacher neuron " + (l + 1) + " has a norm above the "
                        + "largest double (" + Double.MAX_VALUE + "): F is not representable");
            }
            for (int q = 0; q < d; q++) {
                double y = Math.scalb(row[q], -e);
                vAngle[l * d + q] = y;
                vUnit[l * d + q] = y / rhoAngle;
            }
            invRhoAngle[l] = 1.0 / rhoAngle;
        }
        this.teacherRescaled = rescaled;
        double[] t = teacherConstant();
        this.teacherHi = t[0];
        this.teacherLo = t[1];
        if (!Double.isFinite(teacherHi)) {
            throw new NonFiniteObjectiveException(-1, "F is not representable for this teacher: its teacher–teacher "
                    + "term is " + teacherHi + " (largest teacher norm " + max(rho) + ")");
        }
        this.gradientObject = new Gradient() {
            @Override
            public int dimension() {
                return n * d;
            }

            @Override
            public void evaluate(double[] x, double[] out) {
                evaluator().valueAndGradient(x, out, false);
            }
        };
        this.hessianObject = new Hessian() {
            @Override
            public int dimension() {
                return n * d;
            }

            @Override
            public void evaluate(double[] x, double[] out) {
                evaluator().hessianInto(x, out);
            }
        };
        this.owner = Thread.currentThread();
        this.ownerEvaluator = new Evaluator(this);
    }

    private static double max(double[] x) {
        double m = 0;
        for (double y : x) {
            m = Math.max(m, y);
        }
        return m;
    }

    /**
     * The exponent e such that the largest |x_q| of x[o..o+len) scaled by 2^-e lies in [1, 2) (0 for a zero vector;
     * subnormal entries included).
     */
    static int scaleExponent(double[] x, int o, int len) {
        double m = 0;
        for (int q = 0; q < len; q++) {
            m = Math.max(m, Math.abs(x[o + q]));
        }
        if (m == 0.0) {
            return 0;
        }
        if (m < Double.MIN_NORMAL) {
            return Math.getExponent(m * 0x1p54) - 54;
        }
        return Math.getExponent(m);
    }

    /**
     * ½ Σ_{l,m} b_l b_m κ(v_l, v_m) as a double-double {hi, lo} (TwoSum accumulation; angles from the possibly
     * rescaled teacher copy).
     */
    private double[] teacherConstant() {
        PairGeometry g = new PairGeometry();
        double[] out3 = new double[PairKernel.SELF_SIZE];
        double hi = 0;
        double lo = 0;
        for (int l = 0; l < k; l++) {
            kernel.self(rho[l], out3);
            double t = 0.5 * b[l] * b[l] * out3[0];
            double s = hi + t;
            double bp = s - hi;
            lo += (hi - (s - bp)) + (t - bp);
            hi = s;
            for (int m = l + 1; m < k; m++) {
                double p = SmallMatrices.dot(vAngle, l * d, vAngle, m * d, d);
                g.angleInv(vAngle, l * d, invRhoAngle[l], vAngle, m * d, invRhoAngle[m], p, d);
                t = b[l] * b[m] * kernel.value(rho[l], rho[m], g.c, g.s, g.th);
                s = hi + t;
                bp = s - hi;
                lo += (hi - (s - bp)) + (t - bp);
                hi = s;
            }
        }
        double s = hi + lo;
        return new double[] {s, lo - (s - hi)};
    }

    /** The calling thread's scratch space: the owner's without a lookup, any other thread's from {@link #others}. */
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

    @Override
    public Gradient gradient() {
        return gradientObject;
    }

    @Override
    public Hessian hessian() {
        return hessianObject;
    }

    /** The kernel evaluator in use. */
    public PairKernel kernel() {
        return kernel;
    }

    /** The teacher–teacher constant ½Σ b_l b_m κ(v_l, v_m) as a double-double {hi, lo} (for the SIMD evaluator). */
    double[] teacherConstantParts() {
        return new double[] {teacherHi, teacherLo};
    }

    /** Whether some teacher neuron is outside the squared-norm range (every evaluation then takes the rescaled path). */
    boolean teacherRescaled() {
        return teacherRescaled;
    }

    /** The normalisation factor c. */
    double scale() {
        return scale;
    }

    /**
     * The Hessian at x as a matrix-free operator ({@link PairHessianOperator}): products H·u at about the cost of one
     * gradient and single blocks, without the (n·d)² matrix; {@code toDense} is {@link #hessian()}'s matrix, bitwise.
     */
    @Override
    public io.landscape.api.function.NetworkHessian hessianAt(double[] x) {
        return new PairHessianOperator(problem, kernel, x, hessianObject);
    }

    @Override
    public double value(double[] x) {
        return evaluator().value(x);
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        return evaluator().valueAndGradient(x, g, true);
    }

    /**
     * One thread's scratch space and the evaluation code. It copies the objective's (immutable) fields and holds no
     * reference to the objective itself, so a thread's {@link ThreadLocal} entry does not keep an objective alive
     * that is otherwise unreachable (the entry is then cleared as ThreadLocal entries are).
     */
    private static final class Evaluator {
        private final PairKernel kernel;
        private final int n;
        private final int k;
        private final int d;
        private final double[] a;
        private final double[] b;
        private final double[] v;
        private final double[] rho;
        private final double[] vUnit;
        private final double[] vAngle;
        private final double[] invRhoAngle;
        private final boolean teacherRescaled;
        private final double teacherHi;
        private final double teacherLo;
        private final double scale;

        Evaluator(PairwiseObjective o) {
            this.kernel = o.kernel;
            this.n = o.n;
            this.k = o.k;
            this.d = o.d;
            this.a = o.a;
            this.b = o.b;
            this.v = o.v;
            this.rho = o.rho;
            this.vUnit = o.vUnit;
            this.vAngle = o.vAngle;
            this.invRhoAngle = o.invRhoAngle;
            this.teacherRescaled = o.teacherRescaled;
            this.teacherHi = o.teacherHi;
            this.teacherLo = o.teacherLo;
            this.scale = o.scale;
            this.r = new double[n];
            this.invR = new double[n];
            this.gram = new double[n * n];
            this.cross = new double[n * k];
            this.coefC = new double[n * n];
            this.coefE = new double[n * k];
            this.wk = new double[n + k];
            this.wga = new double[n + k];
            this.wgav = new double[n + k];
            this.unit = new double[n * d];
            this.nvec = new double[d];
            this.mvec = new double[d];
            this.xvec = new double[d];
            this.yvec = new double[d];
            this.diagSigma = new double[n];
            this.diagX = new double[n * d];
            this.diagG = new double[n * d];
            this.scaled = new double[n * d];
            this.scaledInv = new double[n];
            this.exps = new int[n];
        }

        private void checkLength(double[] x) {
            if (x.length != n * d) {
                throw new InvalidPointException(-1, -1, "point has " + x.length + " entries, expected n·d = " + n
                        + "·" + d + " = " + (n * d));
            }
        }

        // scratch
        private final double[] r;
        private final double[] invR;    // 1/‖w_i‖ (0 for a zero neuron), on the fast path
        private final double[] gram;     // student dots (of the angle arrays), upper triangle
        private final double[] cross;    // student-teacher dots (of the angle arrays)
        private final double[] coefC;
        private final double[] coefE;
        private final double[] out4 = new double[PairKernel.FIRST_SIZE];
        /** F's running sum and the current row's weighted coefficients ({@link PairSums}). */
        private final double[] sum = new double[4];
        private final double[] wk;
        private final double[] wga;
        private final double[] wgav;
        private final double[] out13 = new double[PairKernel.SECOND_SIZE];
        private final double[] out3 = new double[PairKernel.SELF_SIZE];
        private final double[] unit;     // student unit vectors
        private final double[] nvec;
        private final double[] mvec;
        private final double[] xvec;
        private final double[] yvec;
        // the Hessian's diagonal blocks in compact form: H_ii = σ_i I + u_i X_iᵀ + G_i u_iᵀ + Σ δ n nᵀ (see hessianInto)
        private final double[] diagSigma;
        private final double[] diagX;
        private final double[] diagG;
        private final PairGeometry geo = new PairGeometry();
        /**
         * What angles are computed from: the point x itself and 1/‖w_i‖ (= invR), or, when some neuron is out of
         * range, {@link #scaled} (neuron i scaled by 2^-e_i) and {@link #scaledInv} (1/‖scaled_i‖); gram and cross
         * then hold the scaled neurons' dot products. Angles do not depend on the neurons' lengths.
         */
        private double[] ax;
        private double[] aInv;
        private final double[] scaled;
        private final double[] scaledInv;
        private final int[] exps;

        /**
         * Norms and dot products of the point (the Gram matrices WWᵀ, upper triangle, and WVᵀ; see
         * {@link SmallMatrices}); returns true if some neuron is zero.
         */
        private boolean prepare(double[] x) {
            checkLength(x);
            boolean zero = false;
            boolean outOfRange = teacherRescaled;
            SmallMatrices.upperGram(x, n, d, gram);
            for (int i = 0; i < n; i++) {
                double s = gram[i * n + i];
                if (!(s >= SQUARED_NORM_MIN && s <= SQUARED_NORM_MAX)) {
                    outOfRange = true;
                }
            }
            if (outOfRange) {
                return rescale(x);
            }
            SmallMatrices.crossGram(x, n, v, k, d, cross);
            for (int i = 0; i < n; i++) {
                r[i] = Math.sqrt(gram[i * n + i]);
                if (r[i] == 0.0) {
                    zero = true;
                    invR[i] = 0.0;
                } else {
                    invR[i] = 1.0 / r[i];
                }
            }
            ax = x;
            aInv = invR;
            return zero;
        }

        /**
         * The out-of-range path of {@link #prepare}: every neuron whose squared norm is outside the range (and is not
         * exactly zero) is scaled by 2^-e (e from its largest coordinate, so the copy's largest entry is in [1, 2)),
         * the others are copied as they are (so their dot products are bitwise those of the fast path); gram and
         * cross are the copies' dot products; r_i = 2^e ‖copy_i‖ exactly
         * (may overflow to +∞ or round in the subnormal range). Refuses NaN and infinite coordinates. Returns true
         * if some neuron is zero or has a subnormal norm.
         */
        private boolean rescale(double[] x) {
            boolean zero = false;
            for (int i = 0; i < n; i++) {
                int io = i * d;
                for (int q = 0; q < d; q++) {
                    if (!Double.isFinite(x[io + q])) {
                        throw new InvalidPointException(i, q, "the point's entry x[" + (io + q) + "] (student neuron "
                                + (i + 1) + ", coordinate " + (q + 1) + ") is " + x[io + q]
                                + ": F is defined only at finite points");
                    }
                }
                double s = gram[i * n + i];
                int e = s >= SQUARED_NORM_MIN && s <= SQUARED_NORM_MAX ? 0 : scaleExponent(x, io, d);
                exps[i] = e;
                for (int q = 0; q < d; q++) {
                    scaled[io + q] = Math.scalb(x[io + q], -e);
                }
            }
            SmallMatrices.upperGram(scaled, n, d, gram);
            SmallMatrices.crossGram(scaled, n, vAngle, k, d, cross);
            for (int i = 0; i < n; i++) {
                double rs = Math.sqrt(gram[i * n + i]);
                r[i] = Math.scalb(rs, exps[i]);
                if (rs == 0.0) {
                    zero = true;
                    scaledInv[i] = 0.0;
                } else {
                    zero |= r[i] < Double.MIN_NORMAL; // refused by requireNonzero, as a zero neuron is
                    scaledInv[i] = 1.0 / rs;
                }
            }
            ax = scaled;
            aInv = scaledInv;
            return zero;
        }

        double value(double[] x) {
            prepare(x);
            double[] ax = this.ax;
            double[] aInv = this.aInv;
            // F = Σ terms: runs of CHUNK consecutive terms summed plainly, each run's sum added to fs + fc with TwoSum
            // (see the package documentation for the error bound; PairSums holds the running sums)
            double[] sum = this.sum;
            PairSums.reset(sum);
            for (int i = 0; i < n; i++) {
                kernel.self(r[i], out3);
                PairSums.add(sum, 0.5 * a[i] * a[i] * out3[0]);
                int io = i * d;
                double ri = r[i];
                double ii = aInv[i];
                for (int j = i + 1; j < n; j++) {
                    wk[j] = a[i] * a[j] * pairValue(ax, io, ri, ii, ax, j * d, r[j], aInv[j], gram[i * n + j]);
                }
                for (int l = 0; l < k; l++) {
                    // chunk − t and chunk + (−t) round alike
                    wk[n + l] = -(a[i] * b[l] * pairValue(ax, io, ri, ii, vAngle, l * d, rho[l], invRhoAngle[l],
                            cross[i * k + l]));
                }
                PairSums.values(sum, i + 1, n + k, wk);
            }
            double value = PairSums.total(sum, teacherHi, teacherLo, scale);
            if (!Double.isFinite(value)) {
                throw nonFinite(x, "value", value);
            }
            return value;
        }

        /** κ for one pair: norms rx, ry; angle from x, y (in the angle arrays) with inverse norms ix, iy, dot p. */
        private double pairValue(double[] x, int xo, double rx, double ix, double[] y, int yo, double ry, double iy,
                                 double p) {
            if (rx == 0.0 || ry == 0.0) {
                // the angle is undefined; any kernel of the form E σ(w·x)σ(v·x) does not depend on it here
                return kernel.value(rx, ry, 0.0, 1.0, 0.5 * Math.PI);
            }
            geo.angleInv(x, xo, ix, y, yo, iy, p, d);
            return kernel.value(rx, ry, geo.c, geo.s, geo.th);
        }

        /**
         * Refuses derivatives at a zero neuron ({@link NotDifferentiableException}) and at a neuron whose norm is
         * below the smallest normal double ({@link NonFiniteObjectiveException}: its direction w/‖w‖, which the
         * derivatives need, cannot be formed to full precision; F itself is still evaluated by {@link #value}).
         */
        private void requireNonzero(String what) {
            for (int i = 0; i < n; i++) {
                if (r[i] == 0.0) {
                    throw new NotDifferentiableException(i, "student neuron " + (i + 1) + " is the zero vector: F is "
                            + "not differentiable there, so the " + what + " is undefined (paper 000 Lemma 1)");
                }
                if (r[i] < Double.MIN_NORMAL) {
                    throw new NonFiniteObjectiveException(i, "student neuron " + (i + 1) + " has norm " + r[i]
                            + ", below the smallest normal double (" + Double.MIN_NORMAL + "): the " + what
                            + " is not evaluated there (1/‖w‖ is not representable; F is)");
                }
            }
        }

        /**
         * The error for a non-finite result: a {@link NonFiniteObjectiveException} naming the student neuron of
         * largest norm if some norm is outside [10⁻³⁰⁰, 10¹⁵⁰] (F grows like ‖w‖², its derivatives like 1/‖w‖), else
         * an {@link ArithmeticException} blaming the kernel.
         */
        private RuntimeException nonFinite(double[] x, String what, double got) {
            for (int q = 0; q < x.length; q++) {
                if (!Double.isFinite(x[q])) {
                    // the point itself, not the kernel: name the entry in the user's terms
                    return new InvalidPointException(q / d, q % d, "the point's entry x[" + q + "] (student neuron "
                            + (q / d + 1) + ", coordinate " + (q % d + 1) + ") is " + x[q]
                            + ": F is defined only at finite points");
                }
            }
            int big = -1;
            int small = -1;
            for (int i = 0; i < n; i++) {
                if (big < 0 || r[i] > r[big]) {
                    big = i;
                }
                if (r[i] > 0 && (small < 0 || r[i] < r[small])) {
                    small = i;
                }
            }
            String result = "the " + what + " is " + got;
            if (big >= 0 && !(r[big] <= 1e150)) {
                return new NonFiniteObjectiveException(big, "student neuron " + (big + 1) + " has norm " + r[big]
                        + ": " + result + " (F grows like the squared norms; it is representable up to norms of "
                        + "about 1e153)");
            }
            if (small >= 0 && r[small] < 1e-300) {
                return new NonFiniteObjectiveException(small, "student neuron " + (small + 1) + " has norm "
                        + r[small] + ": " + result + " (second derivatives grow like 1/‖w‖)");
            }
            return new ArithmeticException("kernel '" + kernel.name() + "' gave a non-finite " + what + " " + got
                    + " (check the kernel formula at this point)");
        }

        /**
         * ∇F into g and, if {@code withValue}, F (else NaN: the gradient alone does not need F's sums, which
         * {@link #coefficients} then does not total, and stays defined where F overflows).
         */
        double valueAndGradient(double[] x, double[] g, boolean withValue) {
            if (g.length != n * d) {
                throw new IllegalArgumentException("gradient output has " + g.length + " entries, expected "
                        + (n * d));
            }
            if (g == x) {
                throw new IllegalArgumentException("gradient output must not be the input array");
            }
            if (prepare(x)) {
                requireNonzero("gradient");
            }
            double[] ax = this.ax;
            java.util.Arrays.fill(coefC, 0.0);
            double value = coefficients(ax, withValue);
            assemble(x, ax, g);
            if (withValue && !Double.isFinite(value)) {
                throw nonFinite(x, "value", value);
            }
            for (int q = 0; q < n * d; q++) {
                if (!Double.isFinite(g[q])) {
                    throw nonFinite(x, "gradient entry " + q, g[q]);
                }
            }
            return value;
        }

        /**
         * The gradient's coefficients C (diagonal: Σ of the kernel's radial terms times 1/‖w_i‖; off-diagonal: the
         * pair terms) and E, and (if {@code withValue}, else NaN) F: one pass over the pairs, a row i at a time — the
         * row's weighted kernel coefficients, then their sums ({@link PairSums#row}, shared with the SIMD evaluator).
         */
        private double coefficients(double[] ax, boolean withValue) {
            double[] aInv = this.aInv;
            double[] sum = this.sum;
            PairSums.reset(sum);
            for (int i = 0; i < n; i++) {
                double ri = r[i];
                double ii = aInv[i]; // 1/‖w_i‖, or 1/‖scaled w_i‖ on the rescaled path (see the assembly below)
                int io = i * d;
                int ci = i * n;
                double ai = a[i];
                kernel.self(ri, out3);
                double half = 0.5 * ai * ai;
                PairSums.add(sum, half * out3[0]);
                double diag = half * out3[1] * ii;
                for (int j = i + 1; j < n; j++) {
                    double ij = aInv[j];
                    geo.angleInv(ax, io, ii, ax, j * d, ij, gram[ci + j], d);
                    kernel.first(ri, r[j], geo.c, geo.s, geo.th, out4);
                    double w = ai * a[j];
                    wk[j] = w * out4[0];
                    wga[j] = w * out4[1] * ii;
                    wgav[j] = w * out4[2] * ij;
                    coefC[ci + j] = w * out4[3];
                }
                int ki = i * k;
                for (int l = 0; l < k; l++) {
                    geo.angleInv(ax, io, ii, vAngle, l * d, invRhoAngle[l], cross[ki + l], d);
                    kernel.first(ri, rho[l], geo.c, geo.s, geo.th, out4);
                    double w = -ai * b[l];
                    wk[n + l] = w * out4[0];
                    wga[n + l] = w * out4[1] * ii;
                    coefE[ki + l] = w * out4[3];
                }
                coefC[ci + i] += PairSums.row(sum, i, i + 1, n, n + k, wk, wga, wgav, coefC, n, diag);
            }
            return withValue ? PairSums.total(sum, teacherHi, teacherLo, scale) : Double.NaN;
        }

        /** g = scale (C W + E V): two small matrix products. */
        private void assemble(double[] x, double[] ax, double[] g) {
            java.util.Arrays.fill(g, 0.0);
            if (ax != x) {
                // rescaled path: C's diagonal carries 1/‖scaled w_i‖ = 2^e_i/‖w_i‖, so it multiplies scaled w_i
                // (= 2^-e_i w_i); the off-diagonal C_ij multiply w_j = 2^e_j scaled w_j
                for (int j = 0; j < n; j++) {
                    if (exps[j] != 0) {
                        for (int i = 0; i < n; i++) {
                            if (i != j) {
                                coefC[i * n + j] = Math.scalb(coefC[i * n + j], exps[j]);
                            }
                        }
                    }
                }
            }
            SmallMatrices.addProduct(coefC, n, n, ax, d, g);
            SmallMatrices.addProduct(coefE, n, k, v, d, g);
            if (scale != 1.0) {
                for (int q = 0; q < n * d; q++) {
                    g[q] *= scale;
                }
            }
        }

        private void hessianInto(double[] x, double[] out) {
            int m = n * d;
            if (out.length != m * m) {
                throw new IllegalArgumentException("Hessian output has " + out.length + " entries, expected (n·d)² = "
                        + ((long) m * m));
            }
            if (prepare(x)) {
                requireNonzero("Hessian");
            }
            double[] ax = this.ax;
            double[] aInv = this.aInv;
            // every off-diagonal block is written once below (setBlock and its transpose); only the diagonal ones accumulate
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < d; p++) {
                    java.util.Arrays.fill(out, (i * d + p) * m + i * d, (i * d + p) * m + i * d + d, 0.0);
                }
            }
            for (int i = 0; i < n; i++) {
                double inv = aInv[i];
                for (int q = 0; q < d; q++) {
                    unit[i * d + q] = ax[i * d + q] * inv;
                }
            }
            // Diagonal blocks: every term has the form w(αI + u((β−α)u + γn)ᵀ + n(γu + δn)ᵀ) with u = u_i, so they are
            // accumulated as σ_i = Σ wα, X_i = Σ w((β−α)u + γn), G_i = Σ wγn and only the rank-one wδ nnᵀ goes into the
            // block (upper triangle): H_ii = σ_i I + u X_iᵀ + G_i uᵀ + Σ wδ nnᵀ, added and mirrored at the end — a
            // quarter of the arithmetic of adding each term as a full rank-two update.
            java.util.Arrays.fill(diagSigma, 0.0);
            java.util.Arrays.fill(diagX, 0.0);
            java.util.Arrays.fill(diagG, 0.0);
            double[] o = out13;
            for (int i = 0; i < n; i++) {
                int io = i * d;
                double ri = r[i];
                // self term: ½a_i² (D″ aaᵀ + (D′/r)(I − aaᵀ))
                kernel.self(ri, out3);
                double half = 0.5 * a[i] * a[i];
                double sig = half * out3[1] / ri;
                diagSigma[i] += sig;
                for (int q = 0; q < d; q++) {
                    diagX[io + q] += (half * out3[2] - sig) * unit[io + q];
                }
                for (int j = i + 1; j < n; j++) {
                    int jo = j * d;
                    double rj = r[j];
                    geo.angleInv(ax, io, aInv[i], ax, jo, aInv[j], gram[i * n + j], d);
                    double c = geo.c;
                    double s = geo.s;
                    planeVectors(unit, io, unit, jo, c, s);
                    kernel.second(ri, rj, c, s, geo.th, o);
                    double w = a[i] * a[j];
                    // h1 at w_i: a1 I + a((b1−a1)a + g1 n)ᵀ + n(g1 a + d1 n)ᵀ
                    diagonalTerm(out, m, i, w, o[0], o[1], o[2], o[3], nvec);
                    // h1 at w_j (v side): basis b = unit_j and m
                    diagonalTerm(out, m, j, w, o[4], o[5], o[6], o[7], mvec);
                    // h2 block (i, j) = e0 I + a (e2 b + e3 m − c e0 b)ᵀ + n (e4 b + e5 m − s e0 b)ᵀ
                    for (int q = 0; q < d; q++) {
                        double bq = unit[jo + q];
                        xvec[q] = w * ((o[9] - c * o[8]) * bq + o[10] * mvec[q]);
                        yvec[q] = w * ((o[11] - s * o[8]) * bq + o[12] * mvec[q]);
                    }
                    setBlock(out, m, io, jo, w * o[8], unit, io, xvec, 0, nvec, yvec, 0);
                    // block (j, i) = its transpose σI + x uᵀ + y nᵀ, written row by row (the same products and sums
                    // as the transposed entries, so bitwise their copy, without a strided pass over the matrix)
                    setBlock(out, m, jo, io, w * o[8], xvec, 0, unit, io, yvec, nvec, 0);
                }
                for (int l = 0; l < k; l++) {
                    int lo = l * d;
                    geo.angleInv(ax, io, aInv[i], vAngle, lo, invRhoAngle[l], cross[i * k + l], d);
                    planeVectors(unit, io, vUnit, lo, geo.c, geo.s);
                    kernel.second(ri, rho[l], geo.c, geo.s, geo.th, o);
                    diagonalTerm(out, m, i, -a[i] * b[l], o[0], o[1], o[2], o[3], nvec);
                }
            }
            for (int i = 0; i < n; i++) {
                int io = i * d;
                for (int p = 0; p < d; p++) {
                    int row = (io + p) * m + io;
                    double up = unit[io + p];
                    double gp = diagG[io + p];
                    out[row + p] += diagSigma[i];
                    for (int q = p; q < d; q++) {
                        out[row + q] += up * diagX[io + q] + gp * unit[io + q];
                    }
                    for (int q = 0; q < p; q++) {
                        out[row + q] = out[(io + q) * m + io + p];
                    }
                }
            }
            for (int q = 0; q < m * m; q++) {
                double h = out[q];
                if (!Double.isFinite(h)) {
                    throw nonFinite(x, "Hessian entry (" + (q / m) + ", " + (q % m) + ")", h);
                }
                if (scale != 1.0) {
                    out[q] = h * scale;
                }
            }
        }

        /** nvec = (b − c a)/s and mvec = (a − c b)/s; zero when s = 0. */
        private void planeVectors(double[] ua, int ao, double[] ub, int bo, double c, double s) {
            if (s == 0.0) {
                java.util.Arrays.fill(nvec, 0.0);
                java.util.Arrays.fill(mvec, 0.0);
                return;
            }
            double inv = 1.0 / s;
            for (int q = 0; q < d; q++) {
                double aq = ua[ao + q];
                double bq = ub[bo + q];
                nvec[q] = (bq - c * aq) * inv;
                mvec[q] = (aq - c * bq) * inv;
            }
        }

        /**
         * Adds w·(α I + u((β−α)u + γn)ᵀ + n(γu + δn)ᵀ), u = unit_i, to diagonal block i: σ_i, X_i and G_i take the first
         * three parts, and wδ nnᵀ goes into the block's upper triangle (the rest is added by hessianInto at the end).
         */
        private void diagonalTerm(double[] out, int m, int i, double w, double alpha, double beta, double gamma,
                                  double delta, double[] nv) {
            int io = i * d;
            diagSigma[i] += w * alpha;
            double xu = w * (beta - alpha);
            double xn = w * gamma;
            double wd = w * delta;
            for (int q = 0; q < d; q++) {
                double nq = nv[q];
                diagX[io + q] += xu * unit[io + q] + xn * nq;
                diagG[io + q] += xn * nq;
            }
            if (wd != 0.0) {
                for (int p = 0; p < d; p++) {
                    int row = (io + p) * m + io;
                    double f = wd * nv[p];
                    for (int q = p; q < d; q++) {
                        out[row + q] = SmallMatrices.madd(f, nv[q], out[row + q]);
                    }
                }
            }
        }

        /** out[block (ro, co)] = sigma I + u xᵀ + n yᵀ. */
        private void setBlock(double[] out, int m, int ro, int co, double sigma, double[] u, int uo, double[] xv,
                              int xo, double[] nv, double[] yv, int yo) {
            for (int p = 0; p < d; p++) {
                int row = (ro + p) * m + co;
                double up = u[uo + p];
                double np = nv[p];
                for (int q = 0; q < d; q++) {
                    out[row + q] = SmallMatrices.madd(np, yv[yo + q], SmallMatrices.madd(up, xv[xo + q], 0.0));
                }
                out[row + p] = SmallMatrices.madd(np, yv[yo + p], SmallMatrices.madd(up, xv[xo + p], sigma));
            }
        }
    }
}
