package io.landscape.impl.objective;

import io.landscape.api.Problem;
import io.landscape.impl.kernel.PairKernel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * F and ∇F of a general problem (any teacher, any kernel) at L points at once, one point per SIMD lane — the
 * general-teacher analogue of {@link BatchIdentityObjective}, for sweeps that advance L descents together. The shape is
 * that of the optimiser's batch function: a batch holds L points of n·d entries interleaved (entry e of lane l at
 * e·L + l); {@link #valueAndGradient}, {@link #gradientNorms}, {@link #step}, {@link #put}, {@link #get}.
 *
 * <p><b>Same results as one point at a time.</b> Every lane does exactly the arithmetic of
 * {@link VectorPairwiseObjective} on its own point, in the same order: each dot product and each gradient entry is one
 * FMA chain in increasing index order (as in {@link VectorDense#product}), the angles use the same vector arccos, the
 * kernel is called per lane with the same arguments, and F's terms and C's diagonal terms are summed in the
 * single-point evaluator's lane order: per point L accumulators, one per residue class j mod L of the column, with
 * the same TwoSums, joined over the rows and then over the classes in the same order ({@link VectorDense#reluRows},
 * {@link VectorDense#combineRows}). So a lane's F and ∇F
 * are <em>bitwise</em> those of {@code VectorPairwiseObjective} at that point ({@code BatchPairwiseObjectiveTest}),
 * independent of the other lanes. A lane off the fast path (a neuron whose squared norm is outside the range, NaN,
 * zero) is evaluated by the scalar {@link PairwiseObjective}; where that has no gradient the lane's value and gradient
 * are NaN.
 *
 * <p>Create with {@link VectorPairwiseObjective#batch}. Not thread-safe: one instance per thread. Allocation-free per
 * call once compiled by C2, with the Vector API's bounds checks on (the JDK's default) or off: every workspace is a
 * field sized at construction, the angle pass of a row (with the arccos written out) is one C2 compilation unit of its
 * own ({@code rowGeometry}), and every loop carrying a vector sits in a method called once per row, not once per
 * evaluation ({@code squaredNorm}). Before: 56.6 KB per call at k = n = d = 20 (C2 out of nodes inside the arccos) and
 * 2.87 MB at 100 (on-stack-replacement code), JMH {@code -prof gc}; now nothing ({@code BatchPairwiseObjectiveTest};
 * code not yet compiled by C2 still boxes vectors, as all Vector API code). CPU time per call of 8 points (512-bit
 * lanes, loaded machine): 48–68 µs at 20, 4.2–4.8 ms at 100 — per point still slower than the single-point
 * evaluator (3.6 µs, 137 µs): the kernel is called per lane and every dot product is one FMA chain of its own, where
 * the single-point products use register tiles. Use it where L points must advance in lock step, not for throughput.
 */
public final class BatchPairwiseObjective implements io.landscape.api.function.BatchFunction {
    private static final int L = VectorDense.L;

    private final PairwiseObjective scalar;
    private final PairKernel kernel;
    private final int n;
    private final int k;
    private final int d;
    private final int nk;
    private final double[] a;
    private final double[] ab;
    private final double[] v;
    private final double[] rho;
    private final double[] invRho;
    private final double teacherHi;
    private final double teacherLo;
    private final double scale;
    private final boolean teacherRescaled;
    // lane-interleaved scratch: index (row)·L + lane
    private final double[] r;
    private final double[] inv;
    /** Coefficients [C | E], (n × (n + k)) × L. */
    private final double[] coef;
    /**
     * The single-point evaluator's lane sums, one per residue class q = j mod L of the column (entry q·L + lane): the
     * current row's F sum and error sum (rs, rc) and C-diagonal sum (rd); F's sums over the rows (fs, fc).
     */
    private final double[] rs = new double[L * L];
    private final double[] rc = new double[L * L];
    private final double[] rd = new double[L * L];
    private final double[] fs = new double[L * L];
    private final double[] fc = new double[L * L];
    /** F's sum of one lane after the classes are joined: {fs, fc}. */
    private final double[] joined = new double[2];
    private final boolean[] off = new boolean[L];
    private final double[] out3 = new double[PairKernel.SELF_SIZE];
    private final double[] out4 = new double[PairKernel.FIRST_SIZE];
    /** Row i's dot products, cos θ, sin θ, θ with column j at j·L (students, then teachers at n + l). */
    private final double[] dotRow;
    private final double[] cRow;
    private final double[] sRow;
    private final double[] tRow;
    /** ‖row j‖ and 1/‖row j‖ at j·L + lane: the students' (copied per call), the teachers' broadcast (fixed). */
    private final double[] rAll;
    private final double[] invAll;
    private final double[] rowI;
    private final double[] rowJ;
    private final double[] point;
    private final double[] pointGrad;
    private final PairGeometry geo = new PairGeometry();

    BatchPairwiseObjective(PairwiseObjective scalar) {
        this.scalar = scalar;
        Problem p = scalar.problem();
        this.kernel = scalar.kernel();
        this.n = p.studentCount();
        this.k = p.teacherCount();
        this.d = p.inputDimension();
        this.nk = n + k;
        this.a = p.studentWeights();
        double[] b = p.teacherWeights();
        this.ab = new double[nk];
        System.arraycopy(a, 0, ab, 0, n);
        for (int l = 0; l < k; l++) {
            ab[n + l] = -b[l];
        }
        this.v = new double[k * d];
        this.rho = new double[k];
        this.invRho = new double[k];
        for (int l = 0; l < k; l++) {
            double[] row = p.teacherNeuron(l);
            double nn = 0;
            for (int q = 0; q < d; q++) {
                v[l * d + q] = row[q];
                nn += row[q] * row[q];
            }
            rho[l] = Math.sqrt(nn);
            invRho[l] = 1.0 / rho[l];
        }
        double[] t = scalar.teacherConstantParts();
        this.teacherHi = t[0];
        this.teacherLo = t[1];
        this.scale = scalar.scale();
        this.teacherRescaled = scalar.teacherRescaled();
        this.r = new double[n * L];
        this.inv = new double[n * L];
        this.dotRow = new double[nk * L];
        this.cRow = new double[nk * L];
        this.sRow = new double[nk * L];
        this.tRow = new double[nk * L];
        this.rAll = new double[nk * L];
        this.invAll = new double[nk * L];
        for (int l = 0; l < k; l++) {
            java.util.Arrays.fill(rAll, (n + l) * L, (n + l + 1) * L, rho[l]);
            java.util.Arrays.fill(invAll, (n + l) * L, (n + l + 1) * L, invRho[l]);
        }
        this.coef = new double[n * nk * L];
        this.rowI = new double[d];
        this.rowJ = new double[d];
        this.point = new double[n * d];
        this.pointGrad = new double[n * d];
    }

    /** L: points per batch (the vector lane count). */
    public int lanes() {
        return L;
    }

    /** Entries of one point: n·d. */
    public int dimension() {
        return n * d;
    }

    /** The block size of the block gradient norm: d (one neuron). */
    public int blockSize() {
        return d;
    }

    /** Entries of one batch: n·d·L. */
    public int batchLength() {
        return n * d * L;
    }

    /** Copies point x into lane {@code lane} of batch xb. */
    public void put(double[] x, double[] xb, int lane) {
        for (int e = 0, o = lane; e < x.length; e++, o += L) {
            xb[o] = x[e];
        }
    }

    /** Copies lane {@code lane} of batch xb into x. */
    public void get(double[] xb, int lane, double[] x) {
        for (int e = 0, o = lane; e < x.length; e++, o += L) {
            x[e] = xb[o];
        }
    }

    private void checkBatch(double[] xb, String what) {
        if (xb.length != n * d * L) {
            throw new IllegalArgumentException(what + " has " + xb.length + " entries, expected n·d·L = " + n + "·"
                    + d + "·" + L + " = " + (n * d * L));
        }
    }

    /**
     * ∇F of every lane into gb and F into values[lane]; NaN (value and gradient) for a lane whose point has no
     * gradient. xb and gb must be distinct batches.
     */
    public void valueAndGradient(double[] xb, double[] gb, double[] values) {
        checkBatch(xb, "point batch");
        checkBatch(gb, "gradient batch");
        if (xb == gb) {
            throw new IllegalArgumentException("gradient batch must not be the point batch");
        }
        if (values.length != L) {
            throw new IllegalArgumentException("values has " + values.length + " entries, expected L = " + L);
        }
        // norms, lane by lane; a lane is off the fast path if a squared norm is out of range (zero, tiny, huge, NaN)
        java.util.Arrays.fill(off, teacherRescaled);
        for (int i = 0; i < n; i++) {
            squaredNorm(xb, i);
        }
        for (int i = 0; i < n; i++) {
            for (int lane = 0; lane < L; lane++) {
                double s = dotRow[i * L + lane];
                if (!(s >= PairwiseObjective.SQUARED_NORM_MIN && s <= PairwiseObjective.SQUARED_NORM_MAX)) {
                    off[lane] = true;
                    s = 1.0; // placeholder: the lane is redone by the scalar evaluator
                }
                double ri = Math.sqrt(s);
                r[i * L + lane] = ri;
                inv[i * L + lane] = 1.0 / ri;
            }
        }
        System.arraycopy(r, 0, rAll, 0, n * L);
        System.arraycopy(inv, 0, invAll, 0, n * L);
        java.util.Arrays.fill(fs, 0.0);
        java.util.Arrays.fill(fc, 0.0);
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(coef, (i * nk + i) * L, (i * nk + i + 1) * L, 0.0);
        }
        for (int i = 0; i < n; i++) {
            row(xb, i);
        }
        for (int lane = 0; lane < L; lane++) {
            VectorDense.joinClasses(fs, lane, fc, lane, L, joined);
            values[lane] = scale * VectorDense.withTeacher(joined[0], joined[1], teacherHi, teacherLo);
        }
        for (int i = 0; i < n; i++) {
            gradientRow(xb, gb, i);
        }
        for (int lane = 0; lane < L; lane++) {
            boolean finite = !off[lane] && Math.abs(values[lane]) <= Double.MAX_VALUE;
            for (int e = lane; finite && e < gb.length; e += L) {
                finite = Math.abs(gb[e]) <= Double.MAX_VALUE;
            }
            if (!finite) {
                scalarLane(xb, gb, values, lane);
            }
        }
    }

    /**
     * Row i of the pair pass for every lane: self term, geometry ({@link #rowGeometry}), the kernel's coefficients;
     * F's terms and C's diagonal terms into the lane sums of their residue class q = j mod L (the self term and the
     * diagonal's radial start in class i mod L, first), as the single-point evaluator's vector lanes
     * ({@link VectorDense#reluRows}); C's row i and column i; at the end the row's F sums joined to F's by TwoSum per
     * class and C_ii += the classes' diagonal sums in class order.
     */
    private void row(double[] xb, int i) {
        double ai = a[i];
        double half = 0.5 * ai * ai;
        java.util.Arrays.fill(rs, 0.0);
        java.util.Arrays.fill(rc, 0.0);
        java.util.Arrays.fill(rd, 0.0);
        int qi = (i % L) * L;
        for (int lane = 0; lane < L; lane++) {
            double ri = r[i * L + lane];
            kernel.self(ri, out3);
            twoSum(qi + lane, half * out3[0]);
            rd[qi + lane] += half * out3[1] * inv[i * L + lane];
        }
        rowDots(xb, i);
        rowGeometry(xb, i);
        for (int j = i + 1; j < nk; j++) {
            double w = ai * ab[j];
            int jl = j * L;
            int qj = (j % L) * L;
            for (int lane = 0; lane < L; lane++) {
                kernel.first(r[i * L + lane], rAll[jl + lane], cRow[jl + lane], sRow[jl + lane],
                        tRow[jl + lane], out4);
                twoSum(qj + lane, w * out4[0]);
                rd[qj + lane] += w * out4[1] * inv[i * L + lane];
                double offv = w * out4[3];
                coef[(i * nk + j) * L + lane] = offv;
                if (j < n) {
                    coef[(j * nk + j) * L + lane] += w * out4[2] * inv[jl + lane];
                    coef[(j * nk + i) * L + lane] = offv;
                }
            }
        }
        for (int e = 0; e < L * L; e++) {
            // the row's sums into F's, per class (VectorDense.combineRows)
            double f = fs[e];
            double s = rs[e];
            double s2 = f + s;
            double bp = s2 - f;
            double err = (f - (s2 - bp)) + (s - bp);
            fc[e] = fc[e] + (rc[e] + err);
            fs[e] = s2;
        }
        for (int lane = 0; lane < L; lane++) {
            double d0 = rd[lane];
            for (int q = 1; q < L; q++) {
                d0 += rd[q * L + lane];
            }
            coef[(i * nk + i) * L + lane] += d0;
        }
    }

    /** Term t into the row's F sum at e (class·L + lane) by TwoSum, its error into rc. */
    private void twoSum(int e, double t) {
        double s = rs[e];
        double s2 = s + t;
        double bp = s2 - s;
        rc[e] += (s - (s2 - bp)) + (t - bp);
        rs[e] = s2;
    }

    /**
     * dotRow[i·L + lane] = the lanes' squared norms of student i (one FMA chain each, increasing q). One call per row,
     * as {@link #gradientRow}: a loop carrying a vector in a method called once per evaluation ran, until that method
     * had been called some 600 times, as C2's on-stack-replacement code, which boxes the vector at its entry (2.87 MB
     * per call at k = n = d = 100 in JMH); called n times per evaluation it is compiled whole within a few calls.
     */
    private void squaredNorm(double[] xb, int i) {
        int io = i * d * L;
        DoubleVector acc = DoubleVector.zero(VectorDense.SP);
        for (int q = 0; q < d; q++) {
            DoubleVector x = DoubleVector.fromArray(VectorDense.SP, xb, io + q * L);
            acc = x.lanewise(VectorOperators.FMA, x, acc);
        }
        acc.intoArray(dotRow, i * L);
    }

    /**
     * Row i's dot products for every lane: dotRow[j·L + lane] = the dot product of student i with student j (j in
     * (i, n)) or teacher j − n, one FMA chain each in increasing q (the single-point product's order). Small enough to
     * be inlined into {@link #row}; every vector lives inside one iteration of its j loops.
     */
    private void rowDots(double[] xb, int i) {
        int io = i * d * L;
        for (int j = i + 1; j < n; j++) {
            int jo = j * d * L;
            DoubleVector acc = DoubleVector.zero(VectorDense.SP);
            for (int q = 0; q < d; q++) {
                acc = DoubleVector.fromArray(VectorDense.SP, xb, io + q * L).lanewise(VectorOperators.FMA,
                        DoubleVector.fromArray(VectorDense.SP, xb, jo + q * L), acc);
            }
            acc.intoArray(dotRow, j * L);
        }
        for (int l = 0; l < k; l++) {
            int lo = l * d;
            DoubleVector acc = DoubleVector.zero(VectorDense.SP);
            for (int q = 0; q < d; q++) {
                acc = DoubleVector.fromArray(VectorDense.SP, xb, io + q * L).lanewise(VectorOperators.FMA,
                        DoubleVector.broadcast(VectorDense.SP, v[lo + q]), acc);
            }
            acc.intoArray(dotRow, (n + l) * L);
        }
    }

    /**
     * The row's angles for every lane, j in (i, n + k), from {@link #rowDots}: cRow, sRow, tRow with the single-point
     * angle pass's operations (c = (p·(1/r_i))·(1/r_j), s = √((1−c)(1+c)), the vector arccos of {@link VectorAsin}),
     * and the lanes with |c| &gt; 0.9 redone by the chord formula.
     *
     * <p>Allocation-free only as a C2 compilation unit of its own with everything in it inlined, so: (1) the arccos is
     * written out here, operation for operation as {@link VectorAsin#acos} (bitwise the same); called, C2 ran out of
     * nodes ({@code NodeCountInliningCutoff}) inside its polynomial and left the last broadcast as a real call, one
     * boxed vector per pair (56 640 B per call at k = n = d = 20, with or without the bounds checks of the Vector API,
     * the margin being that small); (2) written out, the method is too large in bytecode (&gt; 325 bytes) to be
     * inlined into {@link #row}, whose kernel calls would use up the budget again; (3) the dot products are in
     * {@link #rowDots}, so this unit holds the angle pass alone.
     */
    private void rowGeometry(double[] xb, int i) {
        DoubleVector ii = DoubleVector.fromArray(VectorDense.SP, inv, i * L);
        boolean near = false;
        for (int j = i + 1; j < nk; j++) {
            int jl = j * L;
            DoubleVector c = DoubleVector.fromArray(VectorDense.SP, dotRow, jl).mul(ii)
                    .mul(DoubleVector.fromArray(VectorDense.SP, invAll, jl));
            DoubleVector s = c.neg().add(1.0).mul(c.add(1.0)).sqrt();
            // VectorAsin.acos(c) written out, operation for operation (see above)
            DoubleVector ax = c.abs();
            VectorMask<Double> big = ax.compare(VectorOperators.GE, 0.5);
            boolean anyBig = big.anyTrue();
            DoubleVector z = c.mul(c);
            DoubleVector xs = c;
            if (anyBig) {
                DoubleVector t = ax.neg().add(1.0).mul(0.5);
                z = z.blend(t, big);
                xs = xs.blend(t.sqrt(), big);
            }
            DoubleVector z2 = z.mul(z);
            DoubleVector z4 = z2.mul(z2);
            DoubleVector r0 = bc(VectorAsin.P3).fma(z, bc(VectorAsin.P2))
                    .fma(z2, bc(VectorAsin.P1).fma(z, bc(VectorAsin.P0)));
            DoubleVector r1 = bc(VectorAsin.P7).fma(z, bc(VectorAsin.P6))
                    .fma(z2, bc(VectorAsin.P5).fma(z, bc(VectorAsin.P4)));
            DoubleVector r2 = bc(VectorAsin.P11).fma(z, bc(VectorAsin.P10))
                    .fma(z2, bc(VectorAsin.P9).fma(z, bc(VectorAsin.P8)));
            DoubleVector pz = bc(VectorAsin.P12).fma(z4, r2).fma(z4.mul(z4), r1.fma(z4, r0));
            DoubleVector rr = xs.mul(z).mul(pz);
            DoubleVector th = xs.sub(rr.neg().add(VectorAsin.PIO2_LO)).neg().add(VectorAsin.PIO2_HI);
            if (anyBig) {
                DoubleVector pos = xs.add(rr).mul(2.0);
                DoubleVector neg = xs.mul(2.0).sub(rr.mul(-2.0).add(VectorAsin.PI_LO)).neg().add(VectorAsin.PI_HI);
                th = th.blend(pos.blend(neg, c.compare(VectorOperators.LT, 0.0)), big);
            }
            c.intoArray(cRow, jl);
            s.intoArray(sRow, jl);
            th.intoArray(tRow, jl);
            near |= c.abs().compare(VectorOperators.GT, 0.9).anyTrue();
        }
        if (near) {
            for (int j = i + 1; j < nk; j++) {
                for (int lane = 0; lane < L; lane++) {
                    double cq = cRow[j * L + lane];
                    if (cq > 0.9 || cq < -0.9) {
                        nearlyParallel(xb, i, j, lane, dotRow[j * L + lane]);
                    }
                }
            }
        }
    }

    private static DoubleVector bc(double x) {
        return DoubleVector.broadcast(VectorDense.SP, x);
    }

    /**
     * Row i of the gradient, ∇_i = c Σ_j [C | E]_ij x_j: one FMA chain per entry over j (students, then teachers). One
     * call per row (see {@link #squaredNorm}).
     */
    private void gradientRow(double[] xb, double[] gb, int i) {
        int co = i * nk * L;
        for (int q = 0; q < d; q++) {
            DoubleVector acc = DoubleVector.zero(VectorDense.SP);
            for (int j = 0; j < n; j++) {
                acc = DoubleVector.fromArray(VectorDense.SP, coef, co + j * L).lanewise(VectorOperators.FMA,
                        DoubleVector.fromArray(VectorDense.SP, xb, (j * d + q) * L), acc);
            }
            for (int l = 0; l < k; l++) {
                acc = DoubleVector.fromArray(VectorDense.SP, coef, co + (n + l) * L).lanewise(VectorOperators.FMA,
                        DoubleVector.broadcast(VectorDense.SP, v[l * d + q]), acc);
            }
            acc.mul(scale).intoArray(gb, (i * d + q) * L);
        }
    }

    /** The chord formula of {@link PairGeometry} for one lane (coordinates gathered into contiguous rows). */
    private void nearlyParallel(double[] xb, int i, int j, int lane, double p) {
        for (int q = 0; q < d; q++) {
            rowI[q] = xb[(i * d + q) * L + lane];
            rowJ[q] = j < n ? xb[(j * d + q) * L + lane] : v[(j - n) * d + q];
        }
        double ij = j < n ? inv[j * L + lane] : invRho[j - n];
        geo.angleInv(rowI, 0, inv[i * L + lane], rowJ, 0, ij, p, d);
        cRow[j * L + lane] = geo.c;
        sRow[j * L + lane] = geo.s;
        tRow[j * L + lane] = geo.th;
    }

    /** Lane {@code lane} by the scalar evaluator (off-path points); NaN where it has no gradient. */
    private void scalarLane(double[] xb, double[] gb, double[] values, int lane) {
        get(xb, lane, point);
        double f;
        try {
            f = scalar.valueAndGradient(point, pointGrad);
        } catch (IllegalArgumentException | ArithmeticException e) {
            f = Double.NaN;
            java.util.Arrays.fill(pointGrad, Double.NaN);
        }
        values[lane] = f;
        put(pointGrad, gb, lane);
    }

    /**
     * Per lane: the largest squared norm of a d-block (one neuron) of the gradient in gb, and its squared norm.
     */
    public void gradientNorms(double[] gb, double[] maxBlockSq, double[] totalSq) {
        checkBatch(gb, "gradient batch");
        DoubleVector max = DoubleVector.zero(VectorDense.SP);
        DoubleVector tot = max;
        for (int i = 0; i < n; i++) {
            DoubleVector blk = DoubleVector.zero(VectorDense.SP);
            for (int q = 0; q < d; q++) {
                DoubleVector g = DoubleVector.fromArray(VectorDense.SP, gb, (i * d + q) * L);
                blk = g.lanewise(VectorOperators.FMA, g, blk);
            }
            max = max.max(blk);
            tot = tot.add(blk);
        }
        max.intoArray(maxBlockSq, 0);
        tot.intoArray(totalSq, 0);
    }

    /** One gradient step per lane, in place: x_lane ← x_lane − η_lane·g_lane (η = 0 leaves the lane). */
    public void step(double[] xb, double[] gb, double[] eta) {
        checkBatch(xb, "point batch");
        checkBatch(gb, "gradient batch");
        DoubleVector e = DoubleVector.fromArray(VectorDense.SP, eta, 0);
        for (int o = 0; o < xb.length; o += L) {
            DoubleVector x = DoubleVector.fromArray(VectorDense.SP, xb, o);
            x.sub(e.mul(DoubleVector.fromArray(VectorDense.SP, gb, o))).intoArray(xb, o);
        }
    }
}
