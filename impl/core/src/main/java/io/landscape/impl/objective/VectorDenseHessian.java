package io.landscape.impl.objective;

import io.landscape.api.Hessian;
import io.landscape.api.Problem;
import io.landscape.impl.kernel.PairKernel;
import io.landscape.impl.linalg.FastAngle;
import io.landscape.impl.linalg.SmallMatrices;
import io.landscape.impl.linalg.Workers;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dense Hessian ∇²F of {@link PairwiseObjective} written with SIMD stores (the JDK's Vector API): <em>bitwise</em>
 * the scalar {@link PairwiseObjective#hessian()}'s matrix, at the speed of the memory it is written to.
 *
 * <p><b>Same arithmetic.</b> Every entry is the scalar evaluator's expression, in its order: off-diagonal blocks
 * σI + α₁β₁ᵀ + α₂β₂ᵀ (entry fma(α₂_p, β₂_q, fma(α₁_p, β₁_q, 0)), σ inside the inner fma on the diagonal), diagonal blocks
 * σ_i I + u X_iᵀ + G_i uᵀ + Σ_t wδ_t n_t n_tᵀ with the rank-one terms as one FMA chain per entry in the scalar's term
 * order, the same plane vectors, pair coefficients and partial sums lane by lane (vector FMA is {@link Math#fma} per
 * lane, vector mul/add are Java's), and the normalisation factor applied last. So the result equals the scalar one bit
 * for bit ({@code VectorDenseHessianTest}); the matrix is exactly symmetric, each H_ji being formed from the same
 * products as H_ij.
 *
 * <p><b>Order of the writes.</b> The matrix is written one block row (d rows of n·d entries) at a time. For block
 * row i the pair work comes first, in the scalar's order (the pairs (j, i), j &lt; i,
 * recomputed in the scalar's orientation so that H_ij is bitwise the transpose of H_ji written for block row j, about
 * 1.5× the scalar's kernel calls; the self term; the pairs (i, j), j &gt; i; the teacher terms; the diagonal block's
 * rank-T product (T ≤ n − 1 + k terms) in 4 × 4L register tiles; its last step and mirror; the finiteness bound):
 * each block's rank-two factors go to scratch (four d-vectors per block, ≈ 330 KB at k = n = d = 100), the diagonal
 * block to a d × d scratch. Then the block row's rows are written four at a time: for each block j the four rows'
 * segments, each vector of β₁, β₂ loaded once for the four stores, so every matrix row is still written left to right
 * and only four store streams are open (one row at a time re-read every block's factors from L2 per row, and block by
 * block opened d streams: both measured slower). Each segment's first vector starts at the block's first column and
 * the following ones on 64-byte lines (assuming a 16-byte array header and a line-aligned large array; only the speed
 * depends on it); a vector that runs past a block's last column spills into the next block of the same row, which
 * overwrites it (only the last block of a row has a scalar tail), so stores stay whole vectors for any d.
 *
 * <p><b>Finiteness.</b> Per block row, before its rows are written: the diagonal block's entries are checked, and the
 * others bounded by max|α₁|·max|β₁| + max|α₂|·max|β₂| + max|σ| over the row's blocks (≤ 2¹⁰⁰⁰, far from overflow; NaN
 * fails). A block row that fails (or could overflow), a point off the scalar evaluator's fast path (a zero neuron, a
 * squared norm outside [{@link PairwiseObjective#SQUARED_NORM_MIN}, {@link PairwiseObjective#SQUARED_NORM_MAX}],
 * non-finite coordinates),
 * a rescaled teacher, wrong array lengths or a JVM without hardware FMA are handed to the scalar Hessian, so they get
 * exactly its matrix or its error message.
 *
 * <p><b>Threads.</b> With a helper ({@code workers} not null) the block rows are split in two halves, each written by
 * one thread with its own scratch: bitwise the one-thread matrix (the rows are independent). Safe to share between
 * threads like {@link PairwiseObjective}. No allocation per call on one thread (the two-thread hand-off allocates a
 * few small objects in {@link Workers#forEach}).
 */
final class VectorDenseHessian implements Hessian {
    private static final VectorSpecies<Double> SP = VectorDense.SP;
    private static final int L = SP.length();
    /** The index of a double[] element that starts a 64-byte line (16-byte header, line-aligned large array). */
    private static final int ALIGNED_RESIDUE = 6;

    private final Hessian reference;
    private final int m;
    /** False if every call goes to the scalar Hessian (rescaled teacher, no hardware FMA). */
    private final boolean usable;
    private final Shared shared;
    private final Thread owner;
    private final Evaluator ownerEvaluator;
    private final ThreadLocal<Evaluator> others;

    /**
     * The SIMD dense Hessian of {@code scalar}'s problem and kernel; two threads per call if {@code workers} has a
     * helper.
     */
    VectorDenseHessian(PairwiseObjective scalar, Workers workers) {
        this.reference = scalar.hessian();
        Problem p = scalar.problem();
        this.m = p.studentCount() * p.inputDimension();
        this.usable = !scalar.teacherRescaled() && FastAngle.hardwareFma();
        this.shared = new Shared(scalar, workers != null && workers.helpers() > 0 ? workers : null);
        this.owner = Thread.currentThread();
        this.ownerEvaluator = new Evaluator(shared);
        this.others = ThreadLocal.withInitial(() -> new Evaluator(shared));
    }

    @Override
    public int dimension() {
        return m;
    }

    @Override
    public void evaluate(double[] x, double[] out) {
        if (!simd(x, out)) {
            reference.evaluate(x, out);
        }
    }

    /** The SIMD path alone: false (out unspecified) where {@link #evaluate} hands the call to the scalar Hessian. */
    boolean simd(double[] x, double[] out) {
        return usable && x.length == m && out.length == (long) m * m && out != x
                && (Thread.currentThread() == owner ? ownerEvaluator : others.get()).evaluate(x, out);
    }

    /** The problem's immutable data (teacher copies as the scalar evaluator forms them on its fast path). */
    private static final class Shared {
        final PairKernel kernel;
        final int n;
        final int k;
        final int d;
        final int m;
        /** d padded to a multiple of the lane count. */
        final int dp;
        final double[] a;
        final double[] b;
        /** Teacher, flat k·d; its norms, their inverses and its unit vectors (k × dp, zero padded). */
        final double[] v;
        final double[] rho;
        final double[] invRho;
        final double[] vUnit;
        final double scale;
        final Workers workers;
        /** Block rows [0, split) on the caller's thread, [split, n) on the helper. */
        final int split;

        Shared(PairwiseObjective o, Workers workers) {
            Problem p = o.problem();
            this.kernel = o.kernel();
            this.n = p.studentCount();
            this.k = p.teacherCount();
            this.d = p.inputDimension();
            this.m = n * d;
            this.dp = (d + L - 1) / L * L;
            this.a = p.studentWeights();
            this.b = p.teacherWeights();
            this.scale = o.scale();
            this.v = new double[k * d];
            this.rho = new double[k];
            this.invRho = new double[k];
            this.vUnit = new double[k * dp];
            for (int l = 0; l < k; l++) {
                double[] row = p.teacherNeuron(l);
                System.arraycopy(row, 0, v, l * d, d);
                // PairwiseObjective's constructor for a teacher that is not rescaled (else this class is not used)
                double nn = 0;
                for (double y : row) {
                    nn += y * y;
                }
                double r = Math.sqrt(nn);
                rho[l] = r;
                invRho[l] = 1.0 / r;
                for (int q = 0; q < d; q++) {
                    vUnit[l * dp + q] = row[q] / r;
                }
            }
            this.workers = workers;
            this.split = n / 2;
        }
    }

    /** One calling thread's scratch: the point's Gram data and one {@link Part} per share of block rows. */
    private static final class Evaluator {
        private final Shared sh;
        private final int n;
        private final int d;
        private final int dp;
        private final double[] gram;
        private final double[] cross;
        private final double[] r;
        private final double[] inv;
        /** Student unit vectors, n × dp, zero padded. */
        private final double[] unit;
        private final Part part0;
        private final Part part1;
        private final java.util.function.IntConsumer phase;
        /** The current call's arrays while the two-thread phase runs (null otherwise). */
        private double[] curX;
        private double[] curOut;

        Evaluator(Shared sh) {
            this.sh = sh;
            this.n = sh.n;
            this.d = sh.d;
            this.dp = sh.dp;
            this.gram = new double[n * n];
            this.cross = new double[n * sh.k];
            this.r = new double[n];
            this.inv = new double[n];
            this.unit = new double[n * dp];
            this.part0 = new Part(sh);
            if (sh.workers != null) {
                this.part1 = new Part(sh);
                this.phase = part -> {
                    if (part == 0) {
                        blockRows(part0, 0, sh.split, curX, curOut);
                    } else {
                        blockRows(part1, sh.split, n, curX, curOut);
                    }
                };
            } else {
                this.part1 = null;
                this.phase = null;
            }
        }

        /** Writes the Hessian; false if x is off the fast path or some entry is not finite (the caller then asks the scalar Hessian). */
        boolean evaluate(double[] x, double[] out) {
            if (!prepare(x)) {
                return false;
            }
            if (part1 != null) {
                curX = x;
                curOut = out;
                try {
                    sh.workers.forEach(2, phase);
                } finally {
                    curX = null;
                    curOut = null;
                }
                return part0.finite && part1.finite;
            }
            blockRows(part0, 0, n, x, out);
            return part0.finite;
        }

        /** Gram data as PairwiseObjective's prepare on its fast path; false if some squared norm is out of range. */
        private boolean prepare(double[] x) {
            SmallMatrices.upperGram(x, n, d, gram);
            for (int i = 0; i < n; i++) {
                double s = gram[i * n + i];
                if (!(s >= PairwiseObjective.SQUARED_NORM_MIN && s <= PairwiseObjective.SQUARED_NORM_MAX)) {
                    return false;
                }
            }
            SmallMatrices.crossGram(x, n, sh.v, sh.k, d, cross);
            for (int i = 0; i < n; i++) {
                r[i] = Math.sqrt(gram[i * n + i]);
                inv[i] = 1.0 / r[i];
                for (int q = 0; q < d; q++) {
                    unit[i * dp + q] = x[i * d + q] * inv[i];
                }
            }
            return true;
        }

        /** Block rows [from, to), each one's pair work (into p's scratch) and then its d rows. */
        private void blockRows(Part p, int from, int to, double[] x, double[] out) {
            p.finite = true;
            for (int i = from; i < to; i++) {
                pairWork(p, i, x);
                if (!rowFinite(p)) {
                    p.finite = false; // the caller asks the scalar Hessian: its matrix (if finite after all) or its error
                    return;
                }
                writeRows(p, i, out);
            }
        }

        /**
         * Block row i's pair work, in the scalar's order: the pairs (j, i) for j &lt; i, the self term, the pairs
         * (i, j) for j &gt; i, the k teacher terms, then the diagonal block's rank-T product in tiles of four rows and
         * its last step.
         */
        private void pairWork(Part p, int i, double[] x) {
            p.start();
            for (int j = 0; j < i; j++) {
                lowerPair(p, i, j, x);
            }
            selfUnit(p, i);
            for (int j = i + 1; j < n; j++) {
                upperPair(p, i, j, x);
            }
            for (int l = 0; l < sh.k; l++) {
                teacherUnit(p, i, l, x);
            }
            for (int row = 0; row < d; row += 4) {
                diagonalTile(p, row);
            }
            finishDiagonal(p, i * dp);
        }

        /**
         * Every entry of the block row finite: the diagonal block's (pre-scale, as the scalar checks) and a bound on
         * the others', |fma(α₂, β₂, fma(α₁, β₁, σ))| ≤ max|α₁|·max|β₁| + max|α₂|·max|β₂| + max|σ| (NaN fails).
         */
        private boolean rowFinite(Part p) {
            int len = n * dp;
            double bound = maxAbs(p.a1, len) * maxAbs(p.b1, len) + maxAbs(p.a2, len) * maxAbs(p.b2, len)
                    + maxAbs(p.sig, n);
            return bound <= 0x1p1000 && maxAbs(p.dg, d * dp) <= Double.MAX_VALUE;
        }

        /** The pair (j, i), j &lt; i, in the scalar's orientation: its second neuron's side goes to block i. */
        private void lowerPair(Part p, int i, int j, double[] x) {
            int io = i * dp;
            int jo = j * dp;
            double[] o = p.o;
            double[] a = sh.a;
            p.geo.angleInv(x, j * d, inv[j], x, i * d, inv[i], gram[j * n + i], d);
            double c = p.geo.c;
            double s = p.geo.s;
            planeVectors(p, unit, jo, unit, io, c, s);
            sh.kernel.second(r[j], r[i], c, s, p.geo.th, o);
            double w = a[j] * a[i];
            diagonalTerm(p, io, w, o[4], o[5], o[6], o[7], p.mvec);
            // block (i, j) = σI + x u_jᵀ + y nᵀ
            xy(p, w, c, s, io, p.a1, p.a2, jo);
            copy(unit, jo, p.b1, jo);
            copy(p.nvec, 0, p.b2, jo);
            p.sig[j] = w * o[8];
        }

        private void selfUnit(Part p, int i) {
            double[] a = sh.a;
            double ri = r[i];
            sh.kernel.self(ri, p.out3);
            double half = 0.5 * a[i] * a[i];
            double sig = half * p.out3[1] / ri;
            p.dSig += sig;
            selfTerm(p, i * dp, half * p.out3[2] - sig);
        }

        /** The pair (i, j), j &gt; i. */
        private void upperPair(Part p, int i, int j, double[] x) {
            int io = i * dp;
            int jo = j * dp;
            double[] o = p.o;
            double[] a = sh.a;
            p.geo.angleInv(x, i * d, inv[i], x, j * d, inv[j], gram[i * n + j], d);
            double c = p.geo.c;
            double s = p.geo.s;
            planeVectors(p, unit, io, unit, jo, c, s);
            sh.kernel.second(r[i], r[j], c, s, p.geo.th, o);
            double w = a[i] * a[j];
            diagonalTerm(p, io, w, o[0], o[1], o[2], o[3], p.nvec);
            // block (i, j) = σI + u_i xᵀ + n yᵀ
            xy(p, w, c, s, jo, p.b1, p.b2, jo);
            copy(unit, io, p.a1, jo);
            copy(p.nvec, 0, p.a2, jo);
            p.sig[j] = w * o[8];
        }

        /** Teacher l's term of the diagonal block i. */
        private void teacherUnit(Part p, int i, int l, double[] x) {
            int io = i * dp;
            double[] o = p.o;
            p.geo.angleInv(x, i * d, inv[i], sh.v, l * d, sh.invRho[l], cross[i * sh.k + l], d);
            planeVectors(p, unit, io, sh.vUnit, l * dp, p.geo.c, p.geo.s);
            sh.kernel.second(r[i], sh.rho[l], p.geo.c, p.geo.s, p.geo.th, o);
            diagonalTerm(p, io, -sh.a[i] * sh.b[l], o[0], o[1], o[2], o[3], p.nvec);
        }

        /**
         * max |x[q]| over q &lt; len (NaN if some entry is NaN). Four independent running maxima: Java's lane-wise max
         * (NaN and −0 aware) is a multi-instruction sequence, a single chain of them was ≈ 20 % of the pair work.
         */
        private static double maxAbs(double[] x, int len) {
            DoubleVector acc0 = DoubleVector.zero(SP);
            DoubleVector acc1 = acc0;
            DoubleVector acc2 = acc0;
            DoubleVector acc3 = acc0;
            int q = 0;
            for (; q + 4 * L <= len; q += 4 * L) {
                acc0 = acc0.max(DoubleVector.fromArray(SP, x, q).abs());
                acc1 = acc1.max(DoubleVector.fromArray(SP, x, q + L).abs());
                acc2 = acc2.max(DoubleVector.fromArray(SP, x, q + 2 * L).abs());
                acc3 = acc3.max(DoubleVector.fromArray(SP, x, q + 3 * L).abs());
            }
            for (; q + L <= len; q += L) {
                acc0 = acc0.max(DoubleVector.fromArray(SP, x, q).abs());
            }
            double mx = acc0.max(acc1).max(acc2.max(acc3)).reduceLanes(VectorOperators.MAX);
            for (; q < len; q++) {
                mx = Math.max(mx, Math.abs(x[q]));
            }
            return mx;
        }

        private void copy(double[] src, int so, double[] dst, int o) {
            System.arraycopy(src, so, dst, o, dp);
        }

        /** nvec = (b − c a)/s and mvec = (a − c b)/s (zero when s = 0), as PairwiseObjective.planeVectors, lane-wise. */
        private void planeVectors(Part p, double[] ua, int ao, double[] ub, int bo, double c, double s) {
            if (s == 0.0) {
                java.util.Arrays.fill(p.nvec, 0.0);
                java.util.Arrays.fill(p.mvec, 0.0);
                return;
            }
            double inv = 1.0 / s;
            for (int q = 0; q < dp; q += L) {
                DoubleVector aq = DoubleVector.fromArray(SP, ua, ao + q);
                DoubleVector bq = DoubleVector.fromArray(SP, ub, bo + q);
                bq.sub(aq.mul(c)).mul(inv).intoArray(p.nvec, q);
                aq.sub(bq.mul(c)).mul(inv).intoArray(p.mvec, q);
            }
        }

        /**
         * The h2 factors of the pair whose second neuron's unit vector starts at {@code bo} (mvec, from
         * {@link #planeVectors}): x = w((e2 − c e0) b + e3 m), y = w((e4 − s e0) b + e5 m) into dx and dy at {@code to}.
         */
        private void xy(Part p, double w, double c, double s, int bo, double[] dx, double[] dy, int to) {
            double[] o = p.o;
            double kx = o[9] - c * o[8];
            double ky = o[11] - s * o[8];
            double mx = o[10];
            double my = o[12];
            for (int q = 0; q < dp; q += L) {
                DoubleVector bq = DoubleVector.fromArray(SP, unit, bo + q);
                DoubleVector mq = DoubleVector.fromArray(SP, p.mvec, q);
                bq.mul(kx).add(mq.mul(mx)).mul(w).intoArray(dx, to + q);
                bq.mul(ky).add(mq.mul(my)).mul(w).intoArray(dy, to + q);
            }
        }

        /** X_i += coef·u_i (the self term). */
        private void selfTerm(Part p, int io, double coef) {
            for (int q = 0; q < dp; q += L) {
                DoubleVector u = DoubleVector.fromArray(SP, unit, io + q);
                DoubleVector.fromArray(SP, p.dX, q).add(u.mul(coef)).intoArray(p.dX, q);
            }
        }

        /**
         * PairwiseObjective.diagonalTerm: σ += wα, X += w(β − α)u + wγ n, G += wγ n, and (if wδ ≠ 0) the rank-one term
         * wδ n nᵀ as the next of the block's terms (factors wδ·n and n).
         */
        private void diagonalTerm(Part p, int io, double w, double alpha, double beta, double gamma, double delta,
                                  double[] nv) {
            p.dSig += w * alpha;
            double xu = w * (beta - alpha);
            double xn = w * gamma;
            double wd = w * delta;
            for (int q = 0; q < dp; q += L) {
                DoubleVector nq = DoubleVector.fromArray(SP, nv, q);
                DoubleVector u = DoubleVector.fromArray(SP, unit, io + q);
                DoubleVector gn = nq.mul(xn);
                DoubleVector.fromArray(SP, p.dX, q).add(u.mul(xu).add(gn)).intoArray(p.dX, q);
                DoubleVector.fromArray(SP, p.dG, q).add(gn).intoArray(p.dG, q);
            }
            if (wd != 0.0) {
                int t = p.terms++ * dp;
                for (int q = 0; q < dp; q += L) {
                    DoubleVector nq = DoubleVector.fromArray(SP, nv, q);
                    nq.intoArray(p.tn, t + q);
                    nq.mul(wd).intoArray(p.tf, t + q);
                }
            }
        }

        /**
         * Rows [row, row + 4) ∩ [0, d) of D[p][q] = Σ_t tf[t][p]·tn[t][q] for q ≥ p (and some q below, in p's first
         * vector): one FMA chain from 0 in the terms' order per entry, as the scalar's rank-one updates of the zeroed
         * block.
         */
        private void diagonalTile(Part p, int row) {
            if (row + 3 < d) {
                int q = row / L * L;
                for (; q + 4 * L <= dp; q += 4 * L) {
                    tile4x4(p, row, q);
                }
                for (; q + 2 * L <= dp; q += 2 * L) {
                    tile4x2(p, row, q);
                }
                if (q < dp) {
                    tile4x1(p, row, q);
                }
                return;
            }
            for (; row < d; row++) {
                for (int q = row / L * L; q < dp; q += L) {
                    tile1x1(p, row, q);
                }
            }
        }

        /** Rows row…row+3, columns q…q+4L−1 of the rank-T product: 16 accumulators, 8 loads per 16 FMAs. */
        private void tile4x4(Part p, int row, int q) {
            double[] tf = p.tf;
            double[] tn = p.tn;
            DoubleVector c00 = DoubleVector.zero(SP);
            DoubleVector c01 = c00;
            DoubleVector c02 = c00;
            DoubleVector c03 = c00;
            DoubleVector c10 = c00;
            DoubleVector c11 = c00;
            DoubleVector c12 = c00;
            DoubleVector c13 = c00;
            DoubleVector c20 = c00;
            DoubleVector c21 = c00;
            DoubleVector c22 = c00;
            DoubleVector c23 = c00;
            DoubleVector c30 = c00;
            DoubleVector c31 = c00;
            DoubleVector c32 = c00;
            DoubleVector c33 = c00;
            for (int t = 0, to = 0; t < p.terms; t++, to += dp) {
                DoubleVector n0 = DoubleVector.fromArray(SP, tn, to + q);
                DoubleVector n1 = DoubleVector.fromArray(SP, tn, to + q + L);
                DoubleVector n2 = DoubleVector.fromArray(SP, tn, to + q + 2 * L);
                DoubleVector n3 = DoubleVector.fromArray(SP, tn, to + q + 3 * L);
                DoubleVector f = DoubleVector.broadcast(SP, tf[to + row]);
                c00 = n0.fma(f, c00);
                c01 = n1.fma(f, c01);
                c02 = n2.fma(f, c02);
                c03 = n3.fma(f, c03);
                f = DoubleVector.broadcast(SP, tf[to + row + 1]);
                c10 = n0.fma(f, c10);
                c11 = n1.fma(f, c11);
                c12 = n2.fma(f, c12);
                c13 = n3.fma(f, c13);
                f = DoubleVector.broadcast(SP, tf[to + row + 2]);
                c20 = n0.fma(f, c20);
                c21 = n1.fma(f, c21);
                c22 = n2.fma(f, c22);
                c23 = n3.fma(f, c23);
                f = DoubleVector.broadcast(SP, tf[to + row + 3]);
                c30 = n0.fma(f, c30);
                c31 = n1.fma(f, c31);
                c32 = n2.fma(f, c32);
                c33 = n3.fma(f, c33);
            }
            double[] dg = p.dg;
            int o = row * dp + q;
            c00.intoArray(dg, o);
            c01.intoArray(dg, o + L);
            c02.intoArray(dg, o + 2 * L);
            c03.intoArray(dg, o + 3 * L);
            o += dp;
            c10.intoArray(dg, o);
            c11.intoArray(dg, o + L);
            c12.intoArray(dg, o + 2 * L);
            c13.intoArray(dg, o + 3 * L);
            o += dp;
            c20.intoArray(dg, o);
            c21.intoArray(dg, o + L);
            c22.intoArray(dg, o + 2 * L);
            c23.intoArray(dg, o + 3 * L);
            o += dp;
            c30.intoArray(dg, o);
            c31.intoArray(dg, o + L);
            c32.intoArray(dg, o + 2 * L);
            c33.intoArray(dg, o + 3 * L);
        }

        private void tile4x2(Part p, int row, int q) {
            double[] tf = p.tf;
            double[] tn = p.tn;
            DoubleVector c00 = DoubleVector.zero(SP);
            DoubleVector c01 = c00;
            DoubleVector c10 = c00;
            DoubleVector c11 = c00;
            DoubleVector c20 = c00;
            DoubleVector c21 = c00;
            DoubleVector c30 = c00;
            DoubleVector c31 = c00;
            for (int t = 0, to = 0; t < p.terms; t++, to += dp) {
                DoubleVector n0 = DoubleVector.fromArray(SP, tn, to + q);
                DoubleVector n1 = DoubleVector.fromArray(SP, tn, to + q + L);
                DoubleVector f0 = DoubleVector.broadcast(SP, tf[to + row]);
                DoubleVector f1 = DoubleVector.broadcast(SP, tf[to + row + 1]);
                DoubleVector f2 = DoubleVector.broadcast(SP, tf[to + row + 2]);
                DoubleVector f3 = DoubleVector.broadcast(SP, tf[to + row + 3]);
                c00 = n0.fma(f0, c00);
                c01 = n1.fma(f0, c01);
                c10 = n0.fma(f1, c10);
                c11 = n1.fma(f1, c11);
                c20 = n0.fma(f2, c20);
                c21 = n1.fma(f2, c21);
                c30 = n0.fma(f3, c30);
                c31 = n1.fma(f3, c31);
            }
            double[] dg = p.dg;
            int o = row * dp + q;
            c00.intoArray(dg, o);
            c01.intoArray(dg, o + L);
            c10.intoArray(dg, o + dp);
            c11.intoArray(dg, o + dp + L);
            c20.intoArray(dg, o + 2 * dp);
            c21.intoArray(dg, o + 2 * dp + L);
            c30.intoArray(dg, o + 3 * dp);
            c31.intoArray(dg, o + 3 * dp + L);
        }

        private void tile4x1(Part p, int row, int q) {
            double[] tf = p.tf;
            double[] tn = p.tn;
            DoubleVector c0 = DoubleVector.zero(SP);
            DoubleVector c1 = c0;
            DoubleVector c2 = c0;
            DoubleVector c3 = c0;
            for (int t = 0, to = 0; t < p.terms; t++, to += dp) {
                DoubleVector n0 = DoubleVector.fromArray(SP, tn, to + q);
                c0 = n0.fma(DoubleVector.broadcast(SP, tf[to + row]), c0);
                c1 = n0.fma(DoubleVector.broadcast(SP, tf[to + row + 1]), c1);
                c2 = n0.fma(DoubleVector.broadcast(SP, tf[to + row + 2]), c2);
                c3 = n0.fma(DoubleVector.broadcast(SP, tf[to + row + 3]), c3);
            }
            double[] dg = p.dg;
            int o = row * dp + q;
            c0.intoArray(dg, o);
            c1.intoArray(dg, o + dp);
            c2.intoArray(dg, o + 2 * dp);
            c3.intoArray(dg, o + 3 * dp);
        }

        private void tile1x1(Part p, int row, int q) {
            double[] tf = p.tf;
            double[] tn = p.tn;
            DoubleVector c0 = DoubleVector.zero(SP);
            for (int t = 0, to = 0; t < p.terms; t++, to += dp) {
                c0 = DoubleVector.fromArray(SP, tn, to + q).fma(DoubleVector.broadcast(SP, tf[to + row]), c0);
            }
            c0.intoArray(p.dg, row * dp + q);
        }

        /**
         * The diagonal block's last step as PairwiseObjective.hessianInto: D_pp += σ, D_pq += u_p X_q + G_p u_q for
         * q ≥ p, then the lower triangle mirrored.
         */
        private void finishDiagonal(Part p, int io) {
            double[] dg = p.dg;
            double[] dX = p.dX;
            for (int row = 0; row < d; row++) {
                int ro = row * dp;
                dg[ro + row] += p.dSig;
                double up = unit[io + row];
                double gp = p.dG[row];
                for (int q = row / L * L; q < dp; q += L) {
                    DoubleVector t = DoubleVector.fromArray(SP, dX, q).mul(up)
                            .add(DoubleVector.fromArray(SP, unit, io + q).mul(gp));
                    // lanes below the diagonal (in row's first vector) are overwritten by the mirror below
                    DoubleVector.fromArray(SP, dg, ro + q).add(t).intoArray(dg, ro + q);
                }
                for (int q = 0; q < row; q++) {
                    dg[ro + q] = dg[q * dp + row];
                }
            }
        }

        /**
         * The d rows of block row i from p's scratch, four rows at a time: for each block j, the four rows'
         * segments, each vector of β₁, β₂ loaded once for the four (then the next block's; the rows left over when
         * d is not a multiple of four one by one). Each row is still written left to right.
         */
        private void writeRows(Part p, int i, double[] out) {
            int r0 = 0;
            for (; r0 + 4 <= d; r0 += 4) {
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        diagonalSegments4(p, i, r0, out);
                    } else {
                        segments4(p, i, r0, j, out);
                    }
                }
            }
            for (int row = r0; row < d; row++) {
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        diagonalSegment(p, i, row, out);
                    } else {
                        segment(p, i, row, j, out);
                    }
                }
            }
        }

        /**
         * The first column q ≥ 1 of a segment starting at out index {@code off} whose element starts a 64-byte line
         * (assuming 16-byte array headers and line-aligned large arrays; only speed depends on it): after the
         * segment's first, unaligned vector the others are line-aligned.
         */
        private static int alignedStart(int off) {
            return L - ((off - ALIGNED_RESIDUE) & (L - 1));
        }

        /**
         * Rows r0…r0+3 of the diagonal block i from scratch, times the normalisation factor: per row a first vector at
         * the block's start, then vectors from {@link #alignedStart}; the last may run into block i + 1 (written
         * after it), unless it would leave the matrix row.
         */
        private void diagonalSegments4(Part p, int i, int r0, double[] out) {
            int m = sh.m;
            double scale = sh.scale;
            double[] dg = p.dg;
            int off = (i * d + r0) * m + i * d;
            int lim = m - i * d - L; // vector q allowed while i·d + q + L ≤ m
            int ro = r0 * dp;
            if (lim < 0) {
                for (int g = 0; g < 4; g++) {
                    for (int q = 0; q < d; q++) {
                        out[off + g * m + q] = dg[ro + g * dp + q] * scale;
                    }
                }
                return;
            }
            for (int g = 0; g < 4; g++) {
                DoubleVector.fromArray(SP, dg, ro + g * dp).mul(scale).intoArray(out, off + g * m);
            }
            int q = alignedStart(off);
            for (; q < d && q <= lim; q += L) {
                for (int g = 0; g < 4; g++) {
                    DoubleVector.fromArray(SP, dg, ro + g * dp + q).mul(scale).intoArray(out, off + g * m + q);
                }
            }
            for (; q < d; q++) {
                for (int g = 0; g < 4; g++) {
                    out[off + g * m + q] = dg[ro + g * dp + q] * scale;
                }
            }
        }

        /**
         * Rows r0…r0+3 of block (i, j), j ≠ i: fma(α₂, β₂, fma(α₁, β₁, 0)) times the normalisation factor, each vector
         * of β₁, β₂ loaded once for the four rows; per row a first vector at the block's start, then vectors from
         * {@link #alignedStart}, the last of which may run into block j + 1 (written after it) unless it would leave
         * the matrix row; then the block's diagonal entries with σ inside the inner fma, as the scalar does.
         */
        private void segments4(Part p, int i, int r0, int j, double[] out) {
            int m = sh.m;
            double scale = sh.scale;
            double[] b1 = p.b1;
            double[] b2 = p.b2;
            double[] a1 = p.a1;
            double[] a2 = p.a2;
            int off = (i * d + r0) * m + j * d;
            int lim = m - j * d - L; // vector q allowed while j·d + q + L ≤ m
            int jo = j * dp;
            int q;
            if (lim >= 0) {
                DoubleVector zero = DoubleVector.zero(SP);
                DoubleVector x10 = DoubleVector.broadcast(SP, a1[jo + r0]);
                DoubleVector x20 = DoubleVector.broadcast(SP, a2[jo + r0]);
                DoubleVector x11 = DoubleVector.broadcast(SP, a1[jo + r0 + 1]);
                DoubleVector x21 = DoubleVector.broadcast(SP, a2[jo + r0 + 1]);
                DoubleVector x12 = DoubleVector.broadcast(SP, a1[jo + r0 + 2]);
                DoubleVector x22 = DoubleVector.broadcast(SP, a2[jo + r0 + 2]);
                DoubleVector x13 = DoubleVector.broadcast(SP, a1[jo + r0 + 3]);
                DoubleVector x23 = DoubleVector.broadcast(SP, a2[jo + r0 + 3]);
                DoubleVector c1 = DoubleVector.fromArray(SP, b1, jo);
                DoubleVector c2 = DoubleVector.fromArray(SP, b2, jo);
                c2.fma(x20, c1.fma(x10, zero)).mul(scale).intoArray(out, off);
                c2.fma(x21, c1.fma(x11, zero)).mul(scale).intoArray(out, off + m);
                c2.fma(x22, c1.fma(x12, zero)).mul(scale).intoArray(out, off + 2 * m);
                c2.fma(x23, c1.fma(x13, zero)).mul(scale).intoArray(out, off + 3 * m);
                q = alignedStart(off);
                for (; q < d && q <= lim; q += L) {
                    c1 = DoubleVector.fromArray(SP, b1, jo + q);
                    c2 = DoubleVector.fromArray(SP, b2, jo + q);
                    c2.fma(x20, c1.fma(x10, zero)).mul(scale).intoArray(out, off + q);
                    c2.fma(x21, c1.fma(x11, zero)).mul(scale).intoArray(out, off + m + q);
                    c2.fma(x22, c1.fma(x12, zero)).mul(scale).intoArray(out, off + 2 * m + q);
                    c2.fma(x23, c1.fma(x13, zero)).mul(scale).intoArray(out, off + 3 * m + q);
                }
            } else {
                q = 0;
            }
            double sig = p.sig[j];
            for (int g = 0; g < 4; g++) {
                int row = r0 + g;
                int o = off + g * m;
                double x1 = a1[jo + row];
                double x2 = a2[jo + row];
                for (int t = q; t < d; t++) {
                    out[o + t] = Math.fma(x2, b2[jo + t], Math.fma(x1, b1[jo + t], 0.0)) * scale;
                }
                // the diagonal entry: σ inside the inner fma, as the scalar does
                out[o + row] = Math.fma(x2, b2[jo + row], Math.fma(x1, b1[jo + row], sig)) * scale;
            }
        }

        /** Row {@code row} of the diagonal block i from scratch, times the normalisation factor. */
        private void diagonalSegment(Part p, int i, int row, double[] out) {
            int m = sh.m;
            double scale = sh.scale;
            double[] dg = p.dg;
            int off = (i * d + row) * m + i * d;
            int lim = m - i * d - L; // vector q allowed while i·d + q + L ≤ m
            int ro = row * dp;
            int q = 0;
            for (; q < d && q <= lim; q += L) {
                DoubleVector.fromArray(SP, dg, ro + q).mul(scale).intoArray(out, off + q);
            }
            for (; q < d; q++) {
                out[off + q] = dg[ro + q] * scale;
            }
        }

        /**
         * Row {@code row} of block (i, j), j ≠ i: fma(α₂, β₂, fma(α₁, β₁, 0)) (σ in the inner fma on the diagonal),
         * times the normalisation factor. Its last vector may run into block j + 1, written after it; only a vector
         * that would leave the matrix row is done lane by lane.
         */
        private void segment(Part p, int i, int row, int j, double[] out) {
            int m = sh.m;
            double scale = sh.scale;
            double[] b1 = p.b1;
            double[] b2 = p.b2;
            int off = (i * d + row) * m + j * d;
            int lim = m - j * d - L; // vector q allowed while j·d + q + L ≤ m
            int jo = j * dp;
            double x1 = p.a1[jo + row];
            double x2 = p.a2[jo + row];
            DoubleVector zero = DoubleVector.zero(SP);
            DoubleVector vx1 = DoubleVector.broadcast(SP, x1);
            DoubleVector vx2 = DoubleVector.broadcast(SP, x2);
            int q = 0;
            for (; q < d && q <= lim; q += L) {
                DoubleVector.fromArray(SP, b2, jo + q).fma(vx2, DoubleVector.fromArray(SP, b1, jo + q).fma(vx1, zero))
                        .mul(scale).intoArray(out, off + q);
            }
            if (row < q) {
                // the diagonal entry was written by a vector: add σ inside the inner fma, as the scalar does
                out[off + row] = Math.fma(x2, b2[jo + row], Math.fma(x1, b1[jo + row], p.sig[j])) * scale;
            }
            for (; q < d; q++) {
                out[off + q] = Math.fma(x2, b2[jo + q], Math.fma(x1, b1[jo + q], q == row ? p.sig[j] : 0.0)) * scale;
            }
        }
    }

    /** Scratch of one share of block rows: the current block row's pair work. */
    private static final class Part {
        final PairGeometry geo = new PairGeometry();
        final double[] o = new double[PairKernel.SECOND_SIZE];
        final double[] out3 = new double[PairKernel.SELF_SIZE];
        final double[] nvec;
        final double[] mvec;
        /** Per column block j (offset j·dp): row factors α₁, α₂, column factors β₁, β₂, and σ_j. */
        final double[] a1;
        final double[] a2;
        final double[] b1;
        final double[] b2;
        final double[] sig;
        /** The diagonal block's rank-one terms: wδ·n (tf) and n (tn), one per dp-row, in the scalar's order. */
        final double[] tf;
        final double[] tn;
        int terms;
        /** The diagonal block, d × dp (+ L: a segment's last vector may read past its row, lanes overwritten). */
        final double[] dg;
        /** σ, X and G of the block row. */
        final double[] dX;
        final double[] dG;
        double dSig;
        /** Every block row so far passed its finiteness check. */
        boolean finite;

        Part(Shared sh) {
            int dp = sh.dp;
            int n = sh.n;
            nvec = new double[dp];
            mvec = new double[dp];
            a1 = new double[n * dp];
            a2 = new double[n * dp];
            b1 = new double[n * dp];
            b2 = new double[n * dp];
            sig = new double[n];
            int t = Math.max(1, n - 1 + sh.k);
            tf = new double[t * dp];
            tn = new double[t * dp];
            dg = new double[sh.d * dp + L];
            dX = new double[dp];
            dG = new double[dp];
        }

        /** Begins a block row's pair work. */
        void start() {
            java.util.Arrays.fill(dX, 0.0);
            java.util.Arrays.fill(dG, 0.0);
            dSig = 0.0;
            terms = 0;
        }
    }
}
