package io.landscape.impl.objective;

import io.landscape.api.Objective;
import io.landscape.impl.linalg.FastAngle;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A frozen copy of {@link VectorIdentityObjective} as of commit 894e2fd (the code that wrote the running census's
 * log), kept only so that {@code VectorIdentityObjectiveFrozenTest} can require the optimised evaluator to give bitwise
 * the same F and gradient: a census resumes from a log written by this code. Do not edit.
 */
final class FrozenVectorIdentityObjective extends IdentityTeacherBase {

    private final int lanes;
    private final int np;
    private final double[] xt;
    private final double[] gram;
    private final double[] coefC;
    private final double[] sinS;
    private final double[] coefE;
    private final double[] gt;
    private final double[] r;
    private final double[] invR;
    private final double[] sumSinS;
    private final double[] sumSinT;
    private final double[] fPair;
    private final double[] fTeach;
    private final double[] cRow;
    private final double[] sRow;
    private final double[] tRow;
    /** Chunks of the current row with a near-parallel lane. */
    private final boolean[] near;
    private final PairGeometry geo = new PairGeometry();

    /**
     * The vector shape: the Vector API compiles to SIMD instructions only where C2 sees the species as a constant, so
     * it is a static final — the JVM's preferred width, or 128/256/512 bits from {@link EvaluatorParameters#VECTOR_BITS}
     * (the width test runs one JVM per width).
     */
    static final VectorSpecies<Double> SP = VectorIdentityObjective.SP;

    /** An evaluator returning its own plainly summed F from {@link #valueAndGradient} (the search's). */
    FrozenVectorIdentityObjective(Objective general, int k, int n) {
        this(general, k, n, true);
    }

    FrozenVectorIdentityObjective(Objective general, int k, int n, boolean plainValue) {
        super(general, k, n, plainValue);
        this.lanes = SP.length();
        this.np = (n + lanes - 1) / lanes * lanes;
        this.xt = new double[k * np];
        this.gram = new double[n * np];
        this.coefC = new double[n * np];
        this.sinS = new double[n * np];
        this.coefE = new double[k * np];
        this.gt = new double[k * np];
        this.r = new double[np];
        this.invR = new double[np];
        this.sumSinS = new double[np];
        this.sumSinT = new double[np];
        this.fPair = new double[np];
        this.fTeach = new double[np];
        this.cRow = new double[np];
        this.sRow = new double[np];
        this.tRow = new double[np];
        this.near = new boolean[np / lanes];
    }

    @Override
    IdentityTeacherBase copy() {
        return new FrozenVectorIdentityObjective(general, k, n, plainValue);
    }

    @Override
    double compute(double[] x, double[] g, boolean withValue) {
        final int n = this.n;
        final int k = this.k;
        final int np = this.np;
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                xt[l * np + i] = x[i * k + l];
            }
        }
        gram(x);
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double s = gram[i * np + i];
            if (s < PairwiseObjective.SQUARED_NORM_MIN) {
                tinyNeuron(x, i, s); // throws for a zero neuron
                outOfRange = true;
                return Double.NaN;
            }
            r[i] = Math.sqrt(s);
            invR[i] = 1.0 / r[i];
            squares += 0.25 * s;
        }
        java.util.Arrays.fill(sumSinS, 0.0);
        java.util.Arrays.fill(sumSinT, 0.0);
        java.util.Arrays.fill(fPair, 0.0);
        java.util.Arrays.fill(fTeach, 0.0);
        for (int j = 0; j < n; j++) {
            studentRow(x, j, withValue);
        }
        for (int l = 0; l < k; l++) {
            teacherRow(x, l, withValue);
        }
        for (int i = 0; i < n; i++) {
            coefC[i * np + i] = 0.5 + (sumSinS[i] - sumSinT[i]) * INV_2PI * invR[i];
        }
        assemble(x);
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                g[i * k + l] = gt[l * np + i];
            }
        }
        double f = squares;
        if (withValue) {
            for (int i = 0; i < n; i++) {
                f += 0.5 * fPair[i] + fTeach[i];
            }
        }
        return f;
    }

    /**
     * gram[i·np + j] = w_i·w_j for i &lt; n, all j &lt; np (padded lanes 0): four rows per pass over Xᵀ, each row only
     * from the lane chunk holding its diagonal on; the entries left of it are copied from the rows above (G_ij and G_ji
     * are the same FMA chain — the products x_il·x_jl and x_jl·x_il are equal — so the copy is bitwise what the chain
     * would give, and G is exactly symmetric). About n²d/2 + n·d·lanes multiply-adds instead of n²d.
     */
    private void gram(double[] x) {
        final VectorSpecies<Double> sp = SP;
        final int n = this.n;
        final int k = this.k;
        final int np = this.np;
        final int lanes = this.lanes;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            int x0 = i * k;
            int from = i / lanes * lanes;
            for (int c = from; c < np; c += lanes) {
                DoubleVector a0 = DoubleVector.zero(sp);
                DoubleVector a1 = a0;
                DoubleVector a2 = a0;
                DoubleVector a3 = a0;
                for (int l = 0; l < k; l++) {
                    DoubleVector v = DoubleVector.fromArray(sp, xt, l * np + c);
                    a0 = v.fma(bc(x[x0 + l]), a0);
                    a1 = v.fma(bc(x[x0 + k + l]), a1);
                    a2 = v.fma(bc(x[x0 + 2 * k + l]), a2);
                    a3 = v.fma(bc(x[x0 + 3 * k + l]), a3);
                }
                a0.intoArray(gram, i * np + c);
                a1.intoArray(gram, (i + 1) * np + c);
                a2.intoArray(gram, (i + 2) * np + c);
                a3.intoArray(gram, (i + 3) * np + c);
            }
            for (int j = 0; j < from; j++) {
                int src = j * np + i;
                gram[i * np + j] = gram[src];
                gram[(i + 1) * np + j] = gram[src + 1];
                gram[(i + 2) * np + j] = gram[src + 2];
                gram[(i + 3) * np + j] = gram[src + 3];
            }
        }
        for (; i < n; i++) {
            int x0 = i * k;
            int from = i / lanes * lanes;
            for (int c = from; c < np; c += lanes) {
                DoubleVector a0 = DoubleVector.zero(sp);
                for (int l = 0; l < k; l++) {
                    a0 = DoubleVector.fromArray(sp, xt, l * np + c).fma(bc(x[x0 + l]), a0);
                }
                a0.intoArray(gram, i * np + c);
            }
            for (int j = 0; j < from; j++) {
                gram[i * np + j] = gram[j * np + i];
            }
        }
    }

    /** Student row j (lanes i): C_j·, sin θ_j·, and the lane sums. */
    private void studentRow(double[] x, int j, boolean withValue) {
        final VectorSpecies<Double> sp = SP;
        final int np = this.np;
        final int row = j * np;
        final double invJ = invR[j];
        final double rj = r[j];
        DoubleVector inv = DoubleVector.broadcast(sp, invJ);
        for (int c = 0; c < np; c += lanes) {
            DoubleVector.fromArray(sp, gram, row + c).mul(DoubleVector.fromArray(sp, invR, c).mul(inv))
                    .intoArray(cRow, c);
        }
        if (angles()) {
            patchNear(x, j, true);
        }
        sRow[j] = 0.0;   // no self-pair: sin term and
        tRow[j] = 0.0;   // C_jj (overwritten by the diagonal later) contribute nothing to the sums
        for (int c = 0; c < np; c += lanes) {
            DoubleVector sin = DoubleVector.fromArray(sp, sRow, c);
            DoubleVector pt = DoubleVector.fromArray(sp, tRow, c);
            pt.intoArray(coefC, row + c);
            sin.intoArray(sinS, row + c);
            sin.fma(bc(rj), DoubleVector.fromArray(sp, sumSinS, c)).intoArray(sumSinS, c);
            if (withValue) {
                DoubleVector rr = DoubleVector.fromArray(sp, r, c).mul(rj * INV_2PI);
                DoubleVector p = DoubleVector.fromArray(sp, gram, row + c);
                DoubleVector acc = DoubleVector.fromArray(sp, fPair, c);
                rr.fma(sin, pt.fma(p, acc)).intoArray(fPair, c);
            }
        }
    }

    /** Redoes the near-parallel lanes (|c| &gt; 0.9) of the flagged chunks of student row j or teacher row l. */
    private void patchNear(double[] x, int row, boolean student) {
        for (int b = 0, from = 0; from < n; b++, from += lanes) {
            if (!near[b]) {
                continue;
            }
            for (int i = from, to = Math.min(n, from + lanes); i < to; i++) {
                double c = cRow[i];
                if (c > 0.9 || c < -0.9) {
                    if (student) {
                        patchStudent(x, row, i);
                    } else {
                        patchTeacher(x, row, i);
                    }
                }
            }
        }
    }

    /** Student pair (j, i): chord formula for i &gt; j, the value row i computed for i &lt; j; none for i = j. */
    private void patchStudent(double[] x, int j, int i) {
        if (i == j) {
            return;
        }
        if (i < j) {
            sRow[i] = sinS[i * np + j];
            tRow[i] = coefC[i * np + j];
        } else {
            geo.angleInv(x, j * k, invR[j], x, i * k, invR[i], gram[j * np + i], k);
            sRow[i] = geo.s;
            tRow[i] = (Math.PI - geo.th) * INV_2PI;
        }
    }

    /** Teacher row l (lanes i): E_l·, Σ_l sin θ_il and the value terms. */
    private void teacherRow(double[] x, int l, boolean withValue) {
        final VectorSpecies<Double> sp = SP;
        final int np = this.np;
        final int row = l * np;
        for (int c = 0; c < np; c += lanes) {
            DoubleVector.fromArray(sp, xt, row + c).mul(DoubleVector.fromArray(sp, invR, c)).intoArray(cRow, c);
        }
        if (angles()) {
            patchNear(x, l, false);
        }
        for (int c = 0; c < np; c += lanes) {
            DoubleVector sin = DoubleVector.fromArray(sp, sRow, c);
            DoubleVector pt = DoubleVector.fromArray(sp, tRow, c);
            pt.neg().intoArray(coefE, row + c);
            sin.add(DoubleVector.fromArray(sp, sumSinT, c)).intoArray(sumSinT, c);
            if (withValue) {
                DoubleVector ri = DoubleVector.fromArray(sp, r, c).mul(INV_2PI);
                DoubleVector xl = DoubleVector.fromArray(sp, xt, row + c);
                DoubleVector acc = DoubleVector.fromArray(sp, fTeach, c);
                ri.fma(sin, pt.mul(xl)).neg().add(acc).intoArray(fTeach, c);
            }
        }
    }

    /** Student i and teacher e_l: θ from the orthogonal part Σ_{q≠l} x_iq², as the scalar evaluator. */
    private void patchTeacher(double[] x, int l, int i) {
        geo.axisAngle(x, i * k, l, k, invR[i], cRow[i]);
        sRow[i] = geo.s;
        tRow[i] = (Math.PI - geo.th) * INV_2PI;
    }

    /** ∇ᵀ_l = E_l + Σ_j x_jl C_j for l &lt; k (lanes i), four rows l per pass over C. */
    private void assemble(double[] x) {
        final VectorSpecies<Double> sp = SP;
        final int n = this.n;
        final int k = this.k;
        final int np = this.np;
        for (int c = 0; c < np; c += lanes) {
            int l = 0;
            for (; l + 3 < k; l += 4) {
                DoubleVector a0 = DoubleVector.fromArray(sp, coefE, l * np + c);
                DoubleVector a1 = DoubleVector.fromArray(sp, coefE, (l + 1) * np + c);
                DoubleVector a2 = DoubleVector.fromArray(sp, coefE, (l + 2) * np + c);
                DoubleVector a3 = DoubleVector.fromArray(sp, coefE, (l + 3) * np + c);
                for (int j = 0; j < n; j++) {
                    DoubleVector v = DoubleVector.fromArray(sp, coefC, j * np + c);
                    int xo = j * k + l;
                    a0 = v.fma(bc(x[xo]), a0);
                    a1 = v.fma(bc(x[xo + 1]), a1);
                    a2 = v.fma(bc(x[xo + 2]), a2);
                    a3 = v.fma(bc(x[xo + 3]), a3);
                }
                a0.intoArray(gt, l * np + c);
                a1.intoArray(gt, (l + 1) * np + c);
                a2.intoArray(gt, (l + 2) * np + c);
                a3.intoArray(gt, (l + 3) * np + c);
            }
            for (; l < k; l++) {
                DoubleVector a0 = DoubleVector.fromArray(sp, coefE, l * np + c);
                for (int j = 0; j < n; j++) {
                    a0 = DoubleVector.fromArray(sp, coefC, j * np + c).fma(bc(x[j * k + l]), a0);
                }
                a0.intoArray(gt, l * np + c);
            }
        }
    }

    /**
     * For the cosines in {@code cRow}: sRow = sin θ = √((1−c)(1+c)), tRow = (π − θ)/2π with θ = arccos c by a
     * branch-free arccos on every lane — the reductions of {@link FastAngle} (acos c = π/2 − asin c for |c| &lt; ½,
     * 2 asin √((1−|c|)/2) or π minus it for |c| ≥ ½) blended by masks, asin x = x + x·z·P(z) with P by Estrin's
     * scheme — and {@code near} flags the chunks with a lane |c| &gt; 0.9. Written as one loop so that no vector
     * crosses a call (C2 boxes vectors passed to methods it does not inline). Returns whether any chunk is flagged.
     */
    private boolean angles() {
        final VectorSpecies<Double> sp = SP;
        boolean any = false;
        for (int c = 0, b = 0; c < np; c += lanes, b++) {
            DoubleVector cos = DoubleVector.fromArray(sp, cRow, c);
            DoubleVector ax = cos.abs();
            cos.neg().add(1.0).mul(cos.add(1.0)).sqrt().intoArray(sRow, c);
            // VectorAsin.acos, written out: called from here C2 does not inline it at k = n = 40 and boxes the vectors
            // (JMH gdStep -prof gc: 19 200 B/op instead of 0.07)
            VectorMask<Double> big = ax.compare(VectorOperators.GE, 0.5);
            boolean anyBig = big.anyTrue(); // rare away from the minima: then no second square root, no blends
            DoubleVector z = cos.mul(cos);
            DoubleVector xs = cos;
            if (anyBig) {
                DoubleVector t = ax.neg().add(1.0).mul(0.5);
                z = z.blend(t, big);
                xs = xs.blend(t.sqrt(), big);
            }
            DoubleVector poly = VectorAsin.p(z);
            DoubleVector rr = xs.mul(z).mul(poly);
            DoubleVector theta = xs.sub(rr.neg().add(VectorAsin.PIO2_LO)).neg().add(VectorAsin.PIO2_HI);
            if (anyBig) {
                DoubleVector pos = xs.add(rr).mul(2.0);
                DoubleVector neg = xs.mul(2.0).sub(rr.mul(-2.0).add(VectorAsin.PI_LO)).neg().add(VectorAsin.PI_HI);
                theta = theta.blend(pos.blend(neg, cos.compare(VectorOperators.LT, 0.0)), big);
            }
            theta.neg().add(Math.PI).mul(INV_2PI).intoArray(tRow, c);
            boolean flag = ax.compare(VectorOperators.GT, 0.9).anyTrue();
            near[b] = flag;
            any |= flag;
        }
        return any;
    }

    /** arccos of each lane of {@code c} by {@link #angles} (for the accuracy test; allocates). */
    double[] acos(double[] c) {
        double[] saved = cRow.clone();
        double[] out = new double[c.length];
        for (int from = 0; from < c.length; from += np) {
            int len = Math.min(np, c.length - from);
            java.util.Arrays.fill(cRow, 0.0);
            System.arraycopy(c, from, cRow, 0, len);
            angles();
            for (int q = 0; q < len; q++) {
                out[from + q] = Math.PI - tRow[q] * (2.0 * Math.PI);
            }
        }
        System.arraycopy(saved, 0, cRow, 0, saved.length);
        return out;
    }

    private DoubleVector bc(double v) {
        return DoubleVector.broadcast(SP, v);
    }
}
