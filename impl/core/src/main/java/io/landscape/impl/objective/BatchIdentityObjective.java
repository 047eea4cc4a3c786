package io.landscape.impl.objective;

import io.landscape.api.function.BatchFunction;
import io.landscape.impl.linalg.FastAngle;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The identity-teacher F and ∇F (paper 002 Eqs. 6–8, the formulas of {@link IdentityTeacherObjective}) for
 * <em>L independent points at once</em>, one per SIMD lane (L = the vector's lane count: 8 with 512-bit vectors). The
 * spurious-minima search uses it to advance L gradient-descent runs together
 * ({@link io.landscape.api.function.BatchFunction}, driven by {@code io.landscape.impl.optim.BatchDescent}); made by
 * {@link Evaluators#batch}.
 *
 * <h2>Why lanes over runs</h2>
 * Every lane does the whole computation of one point, so nothing is padded, transposed or summed across lanes: all
 * arithmetic is lane-wise IEEE (add, multiply, fused multiply-add, correctly rounded square root). Hence a lane's
 * result depends only on its own point — not on which lane it sits in, on the other lanes' points, or on the vector
 * width (128, 256 or 512 bits give bitwise the same numbers; {@code BatchIdentityObjectiveTest} checks all three).
 * Branches taken because <em>some</em> lane needs a special formula (the near-parallel angles below) are blended in
 * only for the lanes that need them, so they do not change the others either.
 *
 * <h2>Layout</h2>
 * Entry e of lane l is at {@code e·L + l}; a point is n·k entries (neuron i at {@code i·k .. i·k+k}), so a batch is
 * {@code double[n·k·L]}. Steps, all lane-wise:
 * <ol>
 * <li>Gram G_ij = w_i·w_j for i ≤ j (one FMA chain over q each), ‖w_i‖ = √G_ii.</li>
 * <li>Student pairs i &lt; j: c = G_ij·(1/‖w_i‖·1/‖w_j‖), s = √((1−c)(1+c)), θ = arccos c by the polynomial of
 * {@link FastAngle} (|c| &lt; ½: π/2 − asin c; |c| ≥ ½: 2 asin √((1−|c|)/2) or π minus it; both blended). Where some lane
 * has |c| &gt; 0.9, the pair is redone for those lanes by the chord formula of
 * {@link io.landscape.impl.objective.PairGeometry}: δ = ‖w̄_i ∓ w̄_j‖, sin α = δ√(1 − δ²/4), α = 2 asin(δ/2).</li>
 * <li>Student–teacher pairs (i, l), v_l = e_l: c = x_il/‖w_i‖ and sin θ = √(Σ_{q≠l} x_iq²)/‖w_i‖ from the exact
 * orthogonal part (prefix plus suffix sums of the squares, no cancellation), so sin θ is accurate to a few ulps for
 * every angle; θ = π/2 − asin c for |c| ≤ ½, 2 asin √((1−|c|)/2) for ½ &lt; |c| and sin θ ≥ ½, asin(sin θ) for
 * sin θ &lt; ½ (or π minus the latter two for c &lt; 0) — every asin argument is at most ½, where the polynomial is
 * accurate.</li>
 * <li>C_ij = (π − θ_ij)/2π, C_ii = ½ + (Σ_j ‖w_j‖ sin θ_ij − Σ_l sin θ_il)/(2π‖w_i‖), E_il = −(π − θ_il)/2π;
 * ∇_i = Σ_j C_ij w_j + E_i.</li>
 * </ol>
 * A lane whose point has a zero neuron gets F = NaN (F is not differentiable there); the caller treats it as a
 * diverged step, as the single-run loop treats the exception. Allocation-free once compiled (no vector crosses a
 * method boundary). Not thread-safe; one instance per thread.
 */
public final class BatchIdentityObjective implements BatchFunction {
    private static final double INV_2PI = IdentityTeacherBase.INV_2PI;

    /** The vector shape (a static final, so C2 compiles the Vector API calls to SIMD instructions). */
    static final VectorSpecies<Double> SP = VectorIdentityObjective.SP;

    final int k;
    final int n;
    /** Lanes: points per batch. */
    public final int lanes;
    private final double teacherConstant;
    private final double[] gram;
    private final double[] r;
    private final double[] inv;
    private final double[] coef;
    private final double[] coefE;
    private final double[] sinSum;
    private final double[] orth;
    private final double[] fAcc;

    /** An evaluator for k teachers in R^k and n students, with {@link #lanes} points per batch. */
    public BatchIdentityObjective(int k, int n) {
        if (k < 1 || n < 1) {
            throw new IllegalArgumentException("k and n must be at least 1, got k = " + k + ", n = " + n);
        }
        this.k = k;
        this.n = n;
        this.lanes = SP.length();
        this.teacherConstant = 0.25 * k + k * (k - 1) * 0.25 / Math.PI;
        int L = lanes;
        this.gram = new double[n * n * L];
        this.r = new double[n * L];
        this.inv = new double[n * L];
        this.coef = new double[n * n * L];
        this.coefE = new double[n * k * L];
        this.sinSum = new double[n * L];
        this.orth = new double[k * L];
        this.fAcc = new double[L];
    }

    @Override
    public int lanes() {
        return lanes;
    }

    /** n·k. */
    @Override
    public int dimension() {
        return n * k;
    }

    /** k: the stop rules look at the largest neuron gradient. */
    @Override
    public int blockSize() {
        return k;
    }

    /** Entries of one batch: n·k·L. */
    @Override
    public int batchLength() {
        return n * k * lanes;
    }

    /** Copies point {@code x} (n·k entries) into lane {@code lane} of batch {@code xb}. */
    @Override
    public void put(double[] x, double[] xb, int lane) {
        for (int e = 0, o = lane; e < x.length; e++, o += lanes) {
            xb[o] = x[e];
        }
    }

    /** Copies lane {@code lane} of batch {@code xb} into {@code x} (n·k entries). */
    @Override
    public void get(double[] xb, int lane, double[] x) {
        for (int e = 0, o = lane; e < x.length; e++, o += lanes) {
            x[e] = xb[o];
        }
    }

    /**
     * ∇F into {@code gb} and F into {@code f[lane]} for every lane of {@code xb} (F = NaN for a lane with a zero
     * neuron). {@code gb} and {@code xb} are distinct batches.
     */
    @Override
    public void valueAndGradient(double[] xb, double[] gb, double[] f) {
        compute(xb, gb, f);
    }

    /** The same as {@link #valueAndGradient}. */
    public void compute(double[] xb, double[] gb, double[] f) {
        gram(xb);
        norms();
        java.util.Arrays.fill(sinSum, 0.0);
        students(xb);
        teachers(xb);
        assemble(xb, gb);
        for (int l = 0; l < lanes; l++) {
            f[l] = fAcc[l] + teacherConstant;
        }
        for (int i = 0; i < n; i++) {
            int d = (i * n + i) * lanes;
            for (int l = 0; l < lanes; l++) {
                if (gram[d + l] == 0.0) {
                    f[l] = Double.NaN;
                }
            }
        }
    }

    /**
     * Per lane: {@code maxSq[lane]} = max_i ‖g_i‖² and {@code totalSq[lane]} = ‖g‖² of the gradients in {@code gb}.
     */
    @Override
    public void gradientNorms(double[] gb, double[] maxSq, double[] totalSq) {
        scan(gb, maxSq, totalSq);
    }

    /** The same as {@link #gradientNorms}. */
    public void scan(double[] gb, double[] maxSq, double[] totalSq) {
        final VectorSpecies<Double> sp = SP;
        final int L = lanes;
        DoubleVector best = DoubleVector.zero(sp);
        DoubleVector total = best;
        for (int i = 0; i < n; i++) {
            DoubleVector s = DoubleVector.zero(sp);
            for (int q = 0, o = i * k * L; q < k; q++, o += L) {
                DoubleVector v = DoubleVector.fromArray(sp, gb, o);
                s = v.fma(v, s);
            }
            best = best.max(s);
            total = total.add(s);
        }
        best.intoArray(maxSq, 0);
        total.intoArray(totalSq, 0);
    }

    /** x ← x − η_lane·g, lane-wise ({@code eta[lane]} = 0 leaves a lane where it is). */
    @Override
    public void step(double[] xb, double[] gb, double[] eta) {
        final VectorSpecies<Double> sp = SP;
        DoubleVector e = DoubleVector.fromArray(sp, eta, 0);
        for (int o = 0, end = n * k * lanes; o < end; o += lanes) {
            DoubleVector.fromArray(sp, xb, o).sub(e.mul(DoubleVector.fromArray(sp, gb, o))).intoArray(xb, o);
        }
    }

    /**
     * G_ij for i ≤ j (and, harmlessly, G_{i+1,i}): blocks of two rows i, i+1 by four columns j, eight independent FMA
     * chains (fewer would leave the FMA units waiting on latency).
     */
    void gram(double[] xb) {
        final VectorSpecies<Double> sp = SP;
        final int L = lanes;
        final int k = this.k;
        final int n = this.n;
        final int kl = k * L;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            int xi = i * kl;
            int j = i;
            for (; j + 3 < n; j += 4) {
                int x0 = j * kl;
                DoubleVector a0 = DoubleVector.zero(sp);
                DoubleVector a1 = a0;
                DoubleVector a2 = a0;
                DoubleVector a3 = a0;
                DoubleVector b0 = a0;
                DoubleVector b1 = a0;
                DoubleVector b2 = a0;
                DoubleVector b3 = a0;
                for (int o = 0; o < kl; o += L) {
                    DoubleVector u = DoubleVector.fromArray(sp, xb, xi + o);
                    DoubleVector v = DoubleVector.fromArray(sp, xb, xi + kl + o);
                    DoubleVector w0 = DoubleVector.fromArray(sp, xb, x0 + o);
                    DoubleVector w1 = DoubleVector.fromArray(sp, xb, x0 + kl + o);
                    DoubleVector w2 = DoubleVector.fromArray(sp, xb, x0 + 2 * kl + o);
                    DoubleVector w3 = DoubleVector.fromArray(sp, xb, x0 + 3 * kl + o);
                    a0 = u.fma(w0, a0);
                    a1 = u.fma(w1, a1);
                    a2 = u.fma(w2, a2);
                    a3 = u.fma(w3, a3);
                    b0 = v.fma(w0, b0);
                    b1 = v.fma(w1, b1);
                    b2 = v.fma(w2, b2);
                    b3 = v.fma(w3, b3);
                }
                int g0 = (i * n + j) * L;
                int g1 = g0 + n * L;
                a0.intoArray(gram, g0);
                a1.intoArray(gram, g0 + L);
                a2.intoArray(gram, g0 + 2 * L);
                a3.intoArray(gram, g0 + 3 * L);
                b0.intoArray(gram, g1);
                b1.intoArray(gram, g1 + L);
                b2.intoArray(gram, g1 + 2 * L);
                b3.intoArray(gram, g1 + 3 * L);
            }
            for (; j < n; j++) {
                int x0 = j * kl;
                DoubleVector a0 = DoubleVector.zero(sp);
                DoubleVector b0 = a0;
                for (int o = 0; o < kl; o += L) {
                    DoubleVector w0 = DoubleVector.fromArray(sp, xb, x0 + o);
                    a0 = DoubleVector.fromArray(sp, xb, xi + o).fma(w0, a0);
                    b0 = DoubleVector.fromArray(sp, xb, xi + kl + o).fma(w0, b0);
                }
                a0.intoArray(gram, (i * n + j) * L);
                b0.intoArray(gram, ((i + 1) * n + j) * L);
            }
        }
        if (i < n) { // the last row when n is odd: G_ii only
            int xi = i * kl;
            DoubleVector a0 = DoubleVector.zero(sp);
            for (int o = 0; o < kl; o += L) {
                DoubleVector u = DoubleVector.fromArray(sp, xb, xi + o);
                a0 = u.fma(u, a0);
            }
            a0.intoArray(gram, (i * n + i) * L);
        }
    }

    /** ‖w_i‖, 1/‖w_i‖ and fAcc = Σ_i ‖w_i‖²/4. */
    void norms() {
        final VectorSpecies<Double> sp = SP;
        final int L = lanes;
        DoubleVector f = DoubleVector.zero(sp);
        for (int i = 0; i < n; i++) {
            DoubleVector s = DoubleVector.fromArray(sp, gram, (i * n + i) * L);
            DoubleVector ri = s.sqrt();
            ri.intoArray(r, i * L);
            DoubleVector.broadcast(sp, 1.0).div(ri).intoArray(inv, i * L);
            f = s.fma(DoubleVector.broadcast(sp, 0.25), f);
        }
        f.intoArray(fAcc, 0);
    }

    /** Student pairs i &lt; j: C_ij = C_ji, the sin sums and the pair terms of F. */
    void students(double[] xb) {
        final VectorSpecies<Double> sp = SP;
        final int L = lanes;
        final int k = this.k;
        final int n = this.n;
        for (int i = 0; i < n; i++) {
            DoubleVector ri = DoubleVector.fromArray(sp, r, i * L);
            DoubleVector ii = DoubleVector.fromArray(sp, inv, i * L);
            DoubleVector di = DoubleVector.zero(sp);
            DoubleVector fv = di; // row i's pair terms of F (a per-row accumulator: C2 keeps it in a register)
            for (int j = i + 1; j < n; j++) {
                DoubleVector p = DoubleVector.fromArray(sp, gram, (i * n + j) * L);
                DoubleVector rj = DoubleVector.fromArray(sp, r, j * L);
                DoubleVector ij = DoubleVector.fromArray(sp, inv, j * L);
                DoubleVector c = p.mul(ii.mul(ij));
                DoubleVector ax = c.abs();
                DoubleVector s = c.neg().add(1.0).mul(c.add(1.0)).sqrt();
                DoubleVector theta = VectorAsin.acos(c);
                VectorMask<Double> near = ax.compare(VectorOperators.GT, 0.9);
                if (near.anyTrue()) {
                    // chord δ = ‖w_i/‖w_i‖ ∓ w_j/‖w_j‖‖ (minus for c > 0), for the lanes near ±1
                    VectorMask<Double> positive = c.compare(VectorOperators.GT, 0.0);
                    DoubleVector iy = ij.blend(ij.neg(), positive);
                    DoubleVector sum = DoubleVector.zero(sp);
                    int xi = i * k * L;
                    int xj = j * k * L;
                    for (int q = 0; q < k; q++) {
                        DoubleVector t = DoubleVector.fromArray(sp, xb, xi + q * L).mul(ii)
                                .add(DoubleVector.fromArray(sp, xb, xj + q * L).mul(iy));
                        sum = t.fma(t, sum);
                    }
                    DoubleVector chord = sum.sqrt();
                    DoubleVector h = chord.mul(0.5);
                    DoubleVector sa = chord.mul(h.mul(h).neg().add(1.0).max(0.0).sqrt());
                    DoubleVector hz = h.mul(h);
                    DoubleVector hp = VectorAsin.p(hz);
                    DoubleVector alpha = h.fma(hz.mul(hp), h).mul(2.0);
                    DoubleVector thNear = alpha.neg().add(Math.PI).blend(alpha, positive);
                    theta = theta.blend(thNear, near);
                    s = s.blend(sa, near);
                }
                DoubleVector pt = theta.neg().add(Math.PI).mul(INV_2PI);
                DoubleVector sn2 = s.mul(INV_2PI);
                pt.intoArray(coef, (i * n + j) * L);
                pt.intoArray(coef, (j * n + i) * L);
                fv = ri.mul(rj).fma(sn2, pt.fma(p, fv));
                di = rj.mul(sn2).fma(ii, di);
                DoubleVector dj = DoubleVector.fromArray(sp, sinSum, j * L);
                ri.mul(sn2).fma(ij, dj).intoArray(sinSum, j * L);
            }
            DoubleVector.fromArray(sp, sinSum, i * L).add(di).intoArray(sinSum, i * L);
            DoubleVector.fromArray(sp, fAcc, 0).add(fv).intoArray(fAcc, 0);
        }
    }

    /** Student–teacher pairs: E, C_ii and the teacher terms of F. */
    void teachers(double[] xb) {
        final VectorSpecies<Double> sp = SP;
        final int L = lanes;
        final int k = this.k;
        final int n = this.n;
        for (int i = 0; i < n; i++) {
            int xi = i * k * L;
            DoubleVector ri = DoubleVector.fromArray(sp, r, i * L);
            DoubleVector ii = DoubleVector.fromArray(sp, inv, i * L);
            // orth_q = Σ_{q'≠q} x_iq'², as prefix + suffix sums of squares (all terms ≥ 0: no cancellation)
            DoubleVector acc = DoubleVector.zero(sp);
            for (int q = 0; q < k; q++) {
                acc.intoArray(orth, q * L);
                DoubleVector v = DoubleVector.fromArray(sp, xb, xi + q * L);
                acc = v.fma(v, acc);
            }
            acc = DoubleVector.zero(sp);
            for (int q = k - 1; q >= 0; q--) {
                DoubleVector.fromArray(sp, orth, q * L).add(acc).intoArray(orth, q * L);
                DoubleVector v = DoubleVector.fromArray(sp, xb, xi + q * L);
                acc = v.fma(v, acc);
            }
            DoubleVector sumSin = DoubleVector.zero(sp);
            DoubleVector fv = sumSin; // neuron i's teacher terms of F
            for (int l = 0; l < k; l++) {
                DoubleVector xl = DoubleVector.fromArray(sp, xb, xi + l * L);
                DoubleVector c = xl.mul(ii);
                DoubleVector s = DoubleVector.fromArray(sp, orth, l * L).sqrt().mul(ii);
                DoubleVector ax = c.abs();
                VectorMask<Double> small = s.compare(VectorOperators.LT, 0.5);
                VectorMask<Double> mid = ax.compare(VectorOperators.GT, 0.5).andNot(small);
                boolean anySmall = small.anyTrue();
                boolean anyMid = mid.anyTrue();
                DoubleVector z = c.mul(c);
                DoubleVector xs = c;
                if (anyMid) {
                    DoubleVector t = ax.neg().add(1.0).mul(0.5);
                    z = z.blend(t, mid);
                    xs = xs.blend(t.sqrt(), mid);
                }
                if (anySmall) {
                    z = z.blend(s.mul(s), small);
                    xs = xs.blend(s, small);
                }
                DoubleVector poly = VectorAsin.p(z);
                DoubleVector rr = xs.mul(z).mul(poly);
                DoubleVector theta = xs.sub(rr.neg().add(VectorAsin.PIO2_LO)).neg().add(VectorAsin.PIO2_HI);
                if (anyMid || anySmall) {
                    // mid: θ' = 2 asin √((1−|c|)/2); small: θ' = asin(sin θ); θ = θ' or π − θ' for c < 0
                    DoubleVector two = DoubleVector.broadcast(sp, 1.0).blend(DoubleVector.broadcast(sp, 2.0), mid);
                    DoubleVector pos = xs.add(rr).mul(two);
                    DoubleVector neg = xs.mul(two).sub(rr.mul(two).neg().add(VectorAsin.PI_LO)).neg().add(VectorAsin.PI_HI);
                    theta = theta.blend(pos.blend(neg, c.compare(VectorOperators.LT, 0.0)), mid.or(small));
                }
                DoubleVector pt = theta.neg().add(Math.PI).mul(INV_2PI);
                pt.neg().intoArray(coefE, xi + l * L);
                sumSin = sumSin.add(s);
                fv = fv.sub(ri.mul(INV_2PI).fma(s, pt.mul(xl)));
            }
            DoubleVector ds = DoubleVector.fromArray(sp, sinSum, i * L);
            ds.sub(sumSin.mul(INV_2PI).mul(ii)).add(0.5).intoArray(coef, (i * n + i) * L);
            DoubleVector.fromArray(sp, fAcc, 0).add(fv).intoArray(fAcc, 0);
        }
    }

    /** ∇_i = E_i + Σ_j C_ij w_j: blocks of two neurons i, i+1 by four coordinates q, eight FMA chains. */
    void assemble(double[] xb, double[] gb) {
        final VectorSpecies<Double> sp = SP;
        final int L = lanes;
        final int k = this.k;
        final int n = this.n;
        final int kl = k * L;
        final int nl = n * L;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            int gi = i * kl;
            int ci = i * nl;
            int q = 0;
            for (; q + 3 < k; q += 4) {
                int o = gi + q * L;
                int p = o + kl;
                DoubleVector a0 = DoubleVector.fromArray(sp, coefE, o);
                DoubleVector a1 = DoubleVector.fromArray(sp, coefE, o + L);
                DoubleVector a2 = DoubleVector.fromArray(sp, coefE, o + 2 * L);
                DoubleVector a3 = DoubleVector.fromArray(sp, coefE, o + 3 * L);
                DoubleVector b0 = DoubleVector.fromArray(sp, coefE, p);
                DoubleVector b1 = DoubleVector.fromArray(sp, coefE, p + L);
                DoubleVector b2 = DoubleVector.fromArray(sp, coefE, p + 2 * L);
                DoubleVector b3 = DoubleVector.fromArray(sp, coefE, p + 3 * L);
                for (int j = 0, xj = q * L; j < nl; j += L, xj += kl) {
                    DoubleVector c = DoubleVector.fromArray(sp, coef, ci + j);
                    DoubleVector d = DoubleVector.fromArray(sp, coef, ci + nl + j);
                    DoubleVector w0 = DoubleVector.fromArray(sp, xb, xj);
                    DoubleVector w1 = DoubleVector.fromArray(sp, xb, xj + L);
                    DoubleVector w2 = DoubleVector.fromArray(sp, xb, xj + 2 * L);
                    DoubleVector w3 = DoubleVector.fromArray(sp, xb, xj + 3 * L);
                    a0 = c.fma(w0, a0);
                    a1 = c.fma(w1, a1);
                    a2 = c.fma(w2, a2);
                    a3 = c.fma(w3, a3);
                    b0 = d.fma(w0, b0);
                    b1 = d.fma(w1, b1);
                    b2 = d.fma(w2, b2);
                    b3 = d.fma(w3, b3);
                }
                a0.intoArray(gb, o);
                a1.intoArray(gb, o + L);
                a2.intoArray(gb, o + 2 * L);
                a3.intoArray(gb, o + 3 * L);
                b0.intoArray(gb, p);
                b1.intoArray(gb, p + L);
                b2.intoArray(gb, p + 2 * L);
                b3.intoArray(gb, p + 3 * L);
            }
            for (; q < k; q++) {
                int o = gi + q * L;
                DoubleVector a0 = DoubleVector.fromArray(sp, coefE, o);
                DoubleVector b0 = DoubleVector.fromArray(sp, coefE, o + kl);
                for (int j = 0, xj = q * L; j < nl; j += L, xj += kl) {
                    DoubleVector w = DoubleVector.fromArray(sp, xb, xj);
                    a0 = DoubleVector.fromArray(sp, coef, ci + j).fma(w, a0);
                    b0 = DoubleVector.fromArray(sp, coef, ci + nl + j).fma(w, b0);
                }
                a0.intoArray(gb, o);
                b0.intoArray(gb, o + kl);
            }
        }
        if (i < n) { // the last neuron when n is odd
            int gi = i * kl;
            int ci = i * nl;
            for (int q = 0; q < k; q++) {
                int o = gi + q * L;
                DoubleVector a0 = DoubleVector.fromArray(sp, coefE, o);
                for (int j = 0, xj = q * L; j < nl; j += L, xj += kl) {
                    a0 = DoubleVector.fromArray(sp, coef, ci + j).fma(DoubleVector.fromArray(sp, xb, xj), a0);
                }
                a0.intoArray(gb, o);
            }
        }
    }
}
