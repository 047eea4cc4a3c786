package io.landscape.impl.objective;

import io.landscape.api.Objective;
import io.landscape.impl.linalg.FastAngle;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The identity-teacher F and ∇F of {@link IdentityTeacherObjective} (same formulas, paper 002 Eqs. 6–8), evaluated
 * with the JDK's Vector API ({@code jdk.incubator.vector}): SIMD lanes run over <em>neurons</em> i, so every sum is
 * accumulated lane by lane in a fixed order (over j or l) and the result is <b>bitwise the same for every vector
 * width</b> (128, 256 or 512 bits; {@code VectorIdentityObjectiveTest} checks this) — the speed-up does not trade away
 * reproducibility across machines.
 *
 * <h2>Layout and steps</h2>
 * Rows are padded to np = n rounded up to the lane count; padded lanes carry zero norms and never reach an output.
 * <ol>
 * <li>Xᵀ (k × np) from x; the Gram matrix G (n × np), row i = Σ_l x_il · Xᵀ_l (broadcast-FMA, eight rows per pass;
 * G_ij and G_ji are the same FMA chain, so G is exactly symmetric and its lower part is copied).</li>
 * <li>Student pairs, row j, lanes i: c = G_ji·(1/‖w_j‖·1/‖w_i‖) (symmetric product), s = √((1−c)(1+c)),
 * θ = arccos c by a branch-free vector arccos (the polynomial of {@link FastAngle}, both reductions blended; within
 * 2 ulps, tested; the self-pair's lane gets c = 0, its result is discarded). Lanes with |c| &gt; 0.9 are redone in scalar code by the chord formula of {@link PairGeometry}
 * (in row j for lanes i &gt; j; lanes i &lt; j copy the value row i computed, so C stays exactly symmetric). Then C_ji = (π − θ)/2π and the
 * lane sums Σ_j ‖w_j‖ sin θ_ij and, for F, Σ_j (‖w_i‖‖w_j‖ sin θ_ij/2π + C_ij G_ij).</li>
 * <li>Teacher pairs, row l, lanes i: c = x_il/‖w_i‖; near-parallel lanes (|c| &gt; 0.9) are queued and afterwards take
 * θ from the orthogonal part Σ_{q≠l} x_iq² (the rule of {@link PairGeometry#axisAngle}, as the scalar evaluator; four
 * queued pairs' sequential sums interleaved); E_li = −(π − θ)/2π, then Σ_l sin θ_il row by row.</li>
 * <li>C_ii = ½ + (Σ_j ‖w_j‖ sin θ_ij − Σ_l sin θ_il)/(2π‖w_i‖); ∇ᵀ_l = E_l + Σ_j x_jl C_j (broadcast-FMA, eight
 * rows l per pass), then transposed into the caller's layout.</li>
 * </ol>
 * Pairs are evaluated twice (rows i and j) because full rows vectorise without masks. One plain GD step (JMH
 * {@code GradientDescentBenchmark.gdStep} vs {@code gdStepScalar}, 512-bit vectors): 3.8 vs 5.4 µs at k = n = 20,
 * 14.2 vs 29.0 µs at k = n = 40. A census step at k = n = d (JMH {@code CensusStepBenchmark}'s operation in thread
 * CPU, {@code CensusStepCpuTime}, on a shared 2-core machine): 20.0 µs at 50, 110 µs at 100, against 20.8 and 117 µs
 * before the eight-row blocking and the queued teacher patches (commit 894e2fd); near the end of a run, where every
 * student is near-parallel to a teacher, the gradient at k = 100 takes 104 instead of 116 µs. Where the time goes and
 * the measurements: docs/mild-overparameterization/README.md §4. Every output is bitwise that of the 894e2fd code
 * ({@code VectorIdentityObjectiveFrozenTest}), so a census resumes across the change. Allocation-free once compiled
 * (every vector is scalar-replaced by C2; JMH {@code -prof gc}: 0.02 B/op). Safe to share between threads (see
 * {@link IdentityTeacherBase}).
 *
 * <p>Loading this class needs the incubator module ({@code --add-modules jdk.incubator.vector}); use
 * {@link Evaluators#select} which falls back to the scalar evaluator without it.
 */
public final class VectorIdentityObjective extends IdentityTeacherBase {

    private final int lanes;
    private final int np;
    private final double[] xt;
    private final double[] gram;
    private final double[] coefC;
    private final double[] sinS;
    private final double[] coefE;
    /** sin θ_il of teacher row l, lanes i (k × np), kept until the near-parallel pairs are patched. */
    private final double[] sinT;
    /** The near-parallel teacher pairs of one evaluation: row l, lane i and cosine x_il/‖w_i‖, in discovery order. */
    private final int[] nearL;
    private final int[] nearI;
    private final double[] nearC;
    private int nearCount;
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
    static final VectorSpecies<Double> SP = species(EvaluatorParameters.VECTOR_BITS);

    static VectorSpecies<Double> species(String bits) {
        if (bits == null || bits.isEmpty()) {
            return DoubleVector.SPECIES_PREFERRED;
        }
        switch (bits) {
            case "128":
                return DoubleVector.SPECIES_128;
            case "256":
                return DoubleVector.SPECIES_256;
            case "512":
                return DoubleVector.SPECIES_512;
            default:
                throw new IllegalArgumentException("landscape.vectorBits must be 128, 256 or 512, got " + bits);
        }
    }

    /** An evaluator returning its own plainly summed F from {@link #valueAndGradient} (the search's). */
    VectorIdentityObjective(Objective general, int k, int n) {
        this(general, k, n, true);
    }

    VectorIdentityObjective(Objective general, int k, int n, boolean plainValue) {
        super(general, k, n, plainValue);
        this.lanes = SP.length();
        this.np = (n + lanes - 1) / lanes * lanes;
        this.xt = new double[k * np];
        this.gram = new double[n * np];
        this.coefC = new double[n * np];
        this.sinS = new double[n * np];
        this.coefE = new double[k * np];
        this.sinT = new double[k * np];
        this.nearL = new int[k * n];
        this.nearI = new int[k * n];
        this.nearC = new double[k * n];
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
        return new VectorIdentityObjective(general, k, n, plainValue);
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
        nearCount = 0;
        for (int l = 0; l < k; l++) {
            teacherAngles(l);
        }
        patchTeachers(x);
        for (int l = 0; l < k; l++) {
            teacherSums(l, withValue);
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
     * gram[i·np + j] = w_i·w_j for i &lt; n, all j &lt; np (padded lanes 0): eight rows per pass over Xᵀ (then four,
     * then one), each row only
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
        for (; i + 7 < n; i += 8) {
            int x0 = i * k;
            int from = i / lanes * lanes;
            for (int c = from; c < np; c += lanes) {
                DoubleVector a0 = DoubleVector.zero(sp);
                DoubleVector a1 = a0;
                DoubleVector a2 = a0;
                DoubleVector a3 = a0;
                DoubleVector a4 = a0;
                DoubleVector a5 = a0;
                DoubleVector a6 = a0;
                DoubleVector a7 = a0;
                for (int l = 0; l < k; l++) {
                    DoubleVector v = DoubleVector.fromArray(sp, xt, l * np + c);
                    int xo = x0 + l;
                    a0 = v.fma(bc(x[xo]), a0);
                    a1 = v.fma(bc(x[xo + k]), a1);
                    a2 = v.fma(bc(x[xo + 2 * k]), a2);
                    a3 = v.fma(bc(x[xo + 3 * k]), a3);
                    a4 = v.fma(bc(x[xo + 4 * k]), a4);
                    a5 = v.fma(bc(x[xo + 5 * k]), a5);
                    a6 = v.fma(bc(x[xo + 6 * k]), a6);
                    a7 = v.fma(bc(x[xo + 7 * k]), a7);
                }
                int o = i * np + c;
                a0.intoArray(gram, o);
                a1.intoArray(gram, o + np);
                a2.intoArray(gram, o + 2 * np);
                a3.intoArray(gram, o + 3 * np);
                a4.intoArray(gram, o + 4 * np);
                a5.intoArray(gram, o + 5 * np);
                a6.intoArray(gram, o + 6 * np);
                a7.intoArray(gram, o + 7 * np);
            }
            for (int j = 0; j < from; j++) {
                int src = j * np + i;
                for (int q = 0; q < 8; q++) {
                    gram[(i + q) * np + j] = gram[src + q];
                }
            }
        }
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
        // the self-pair's angle is discarded (sRow[j] = tRow[j] = 0 below); a zero cosine keeps the diagonal's chunk
        // off the two-reduction arccos and off the near-parallel patch (every lane's angle depends on its own c only)
        cRow[j] = 0.0;
        if (angles()) {
            patchNear(x, j);
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

    /** Redoes the near-parallel lanes (|c| &gt; 0.9) of the flagged chunks of student row j. */
    private void patchNear(double[] x, int j) {
        for (int b = 0, from = 0; from < n; b++, from += lanes) {
            if (!near[b]) {
                continue;
            }
            for (int i = from, to = Math.min(n, from + lanes); i < to; i++) {
                double c = cRow[i];
                if (c > 0.9 || c < -0.9) {
                    patchStudent(x, j, i);
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

    /**
     * Teacher row l (lanes i): E_l· = −(π − θ)/2π into {@code coefE}, sin θ into {@code sinT}; the near-parallel lanes
     * (|c| &gt; 0.9) are queued for {@link #patchTeachers}.
     */
    private void teacherAngles(int l) {
        final VectorSpecies<Double> sp = SP;
        final int np = this.np;
        final int row = l * np;
        for (int c = 0; c < np; c += lanes) {
            DoubleVector.fromArray(sp, xt, row + c).mul(DoubleVector.fromArray(sp, invR, c)).intoArray(cRow, c);
        }
        if (angles()) {
            for (int b = 0, from = 0; from < n; b++, from += lanes) {
                if (!near[b]) {
                    continue;
                }
                for (int i = from, to = Math.min(n, from + lanes); i < to; i++) {
                    double c = cRow[i];
                    if (c > 0.9 || c < -0.9) {
                        nearL[nearCount] = l;
                        nearI[nearCount] = i;
                        nearC[nearCount] = c;
                        nearCount++;
                    }
                }
            }
        }
        for (int c = 0; c < np; c += lanes) {
            DoubleVector.fromArray(sp, tRow, c).neg().intoArray(coefE, row + c);
            DoubleVector.fromArray(sp, sRow, c).intoArray(sinT, row + c);
        }
    }

    /**
     * The queued near-parallel teacher pairs (l, i): θ from the orthogonal part Σ_{q≠l} x_iq², exactly as
     * {@link PairGeometry#axisAngle} (the scalar evaluator's rule) — the same sequential sum per pair, but four pairs'
     * sums interleaved, because one pair's sum is a chain of k dependent additions and near a minimum every student is
     * near-parallel to a teacher (about n such pairs per evaluation). Adding +0.0 at q = l instead of skipping it leaves
     * a sum of squares (never −0.0) bitwise unchanged.
     */
    private void patchTeachers(double[] x) {
        final int k = this.k;
        final int count = nearCount;
        int p = 0;
        for (; p + 3 < count; p += 4) {
            int l0 = nearL[p];
            int l1 = nearL[p + 1];
            int l2 = nearL[p + 2];
            int l3 = nearL[p + 3];
            int o0 = nearI[p] * k;
            int o1 = nearI[p + 1] * k;
            int o2 = nearI[p + 2] * k;
            int o3 = nearI[p + 3] * k;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int q = 0; q < k; q++) {
                double v0 = x[o0 + q];
                double v1 = x[o1 + q];
                double v2 = x[o2 + q];
                double v3 = x[o3 + q];
                s0 += q == l0 ? 0.0 : v0 * v0;
                s1 += q == l1 ? 0.0 : v1 * v1;
                s2 += q == l2 ? 0.0 : v2 * v2;
                s3 += q == l3 ? 0.0 : v3 * v3;
            }
            axisPatch(p, s0);
            axisPatch(p + 1, s1);
            axisPatch(p + 2, s2);
            axisPatch(p + 3, s3);
        }
        for (; p < count; p++) {
            int i = nearI[p];
            geo.axisAngle(x, i * k, nearL[p], k, invR[i], nearC[p]);
            store(p);
        }
    }

    /** Queued pair p with perp = Σ_{q≠l} x_iq²: the rest of {@link PairGeometry#axisAngle}, into sinT and coefE. */
    private void axisPatch(int p, double perp) {
        geo.axisAngleFromPerp(perp, invR[nearI[p]], nearC[p]);
        store(p);
    }

    /** sin θ and E = −(π − θ)/2π of queued pair p from {@code geo}. */
    private void store(int p) {
        int at = nearL[p] * np + nearI[p];
        sinT[at] = geo.s;
        coefE[at] = -((Math.PI - geo.th) * INV_2PI);
    }

    /** Teacher row l (lanes i), after the patches: Σ_l sin θ_il and the value terms. */
    private void teacherSums(int l, boolean withValue) {
        final VectorSpecies<Double> sp = SP;
        final int np = this.np;
        final int row = l * np;
        for (int c = 0; c < np; c += lanes) {
            DoubleVector sin = DoubleVector.fromArray(sp, sinT, row + c);
            sin.add(DoubleVector.fromArray(sp, sumSinT, c)).intoArray(sumSinT, c);
            if (withValue) {
                DoubleVector pt = DoubleVector.fromArray(sp, coefE, row + c).neg();
                DoubleVector ri = DoubleVector.fromArray(sp, r, c).mul(INV_2PI);
                DoubleVector xl = DoubleVector.fromArray(sp, xt, row + c);
                DoubleVector acc = DoubleVector.fromArray(sp, fTeach, c);
                ri.fma(sin, pt.mul(xl)).neg().add(acc).intoArray(fTeach, c);
            }
        }
    }

    /**
     * ∇ᵀ_l = E_l + Σ_j x_jl C_j for l &lt; k (lanes i), eight rows l per pass over C (then four, then one): eight
     * independent FMA chains hide the FMA latency that four left exposed; each chain runs over j in the same order.
     */
    private void assemble(double[] x) {
        final VectorSpecies<Double> sp = SP;
        final int n = this.n;
        final int k = this.k;
        final int np = this.np;
        for (int c = 0; c < np; c += lanes) {
            int l = 0;
            for (; l + 7 < k; l += 8) {
                int e = l * np + c;
                DoubleVector a0 = DoubleVector.fromArray(sp, coefE, e);
                DoubleVector a1 = DoubleVector.fromArray(sp, coefE, e + np);
                DoubleVector a2 = DoubleVector.fromArray(sp, coefE, e + 2 * np);
                DoubleVector a3 = DoubleVector.fromArray(sp, coefE, e + 3 * np);
                DoubleVector a4 = DoubleVector.fromArray(sp, coefE, e + 4 * np);
                DoubleVector a5 = DoubleVector.fromArray(sp, coefE, e + 5 * np);
                DoubleVector a6 = DoubleVector.fromArray(sp, coefE, e + 6 * np);
                DoubleVector a7 = DoubleVector.fromArray(sp, coefE, e + 7 * np);
                for (int j = 0; j < n; j++) {
                    DoubleVector v = DoubleVector.fromArray(sp, coefC, j * np + c);
                    int xo = j * k + l;
                    a0 = v.fma(bc(x[xo]), a0);
                    a1 = v.fma(bc(x[xo + 1]), a1);
                    a2 = v.fma(bc(x[xo + 2]), a2);
                    a3 = v.fma(bc(x[xo + 3]), a3);
                    a4 = v.fma(bc(x[xo + 4]), a4);
                    a5 = v.fma(bc(x[xo + 5]), a5);
                    a6 = v.fma(bc(x[xo + 6]), a6);
                    a7 = v.fma(bc(x[xo + 7]), a7);
                }
                a0.intoArray(gt, e);
                a1.intoArray(gt, e + np);
                a2.intoArray(gt, e + 2 * np);
                a3.intoArray(gt, e + 3 * np);
                a4.intoArray(gt, e + 4 * np);
                a5.intoArray(gt, e + 5 * np);
                a6.intoArray(gt, e + 6 * np);
                a7.intoArray(gt, e + 7 * np);
            }
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
