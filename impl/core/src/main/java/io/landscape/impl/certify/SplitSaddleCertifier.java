package io.landscape.impl.certify;

import java.util.ArrayList;
import java.util.List;

import io.landscape.api.Kernel;
import io.landscape.api.Problem;
import io.landscape.impl.overparam.ReluLandscape;

/**
 * Computer-assisted proof that splitting a neuron of a certified local minimum gives a strict saddle (paper 000
 * Thms 8–9, Lemmas 12–13), in verified floating-point arithmetic. The paper shows it for exact minima; the minima are
 * only known numerically, so this proves it for the exact minimum w* that the {@link Certifier} locates.
 *
 * <h2>The argument</h2>
 * <ol>
 *   <li>{@link Certifier#certify} proves that a local minimum w* of F lies within R of the certified point x, and that
 *       every neuron stays away from 0 on that ball (so F is C² at w* and ∇F(w*) = 0). Its checks up to the ball
 *       checks must pass; the later ones (whether F(w*) &gt; 0) do not matter here: a split of a <em>global</em>
 *       minimum is only refused by step 3.</li>
 *   <li>By Lemma 12 the split point s* = w*(α, i) is an exact critical point of the (n+1)-neuron loss (both halves
 *       keep the output weight a_i), F is C² there (no zero neuron), and by Eq. (67)/Lemma 13 its Hessian has
 *       ũᵀ∇²F(s*)ũ = (1/α + 1/(1−α)) q(w*) for ũ = (…, u, −u, …), where q(w) = uᵀH'_ii(w)u,
 *       H'_ii = H_ii − ½c a_i² I — exact identities (see {@link io.landscape.impl.overparam}).</li>
 *   <li>q(x) is enclosed in interval arithmetic:
 *       q(x)/c = a_i [Σ_{j≠i} a_j uᵀh1(w_i, w_j)u − Σ_l b_l uᵀh1(w_i, v_l)u] with
 *       uᵀh1(w, z)u = (‖z‖/(2π‖w‖)) [sin θ (‖u‖² − (w̄·u)²) + (p·u)²/sin θ], p = z̄ − cos θ w̄; the last term is also
 *       enclosed by [0, sin θ ‖u‖²] (|p·u| ≤ ‖p‖‖u‖ = sin θ‖u‖), which is used when sin θ is not proven positive
 *       and intersected otherwise.</li>
 *   <li>|q(w*) − q(x)| ≤ L·R with the Lipschitz constant of q on the ball, from the same derivative bounds as
 *       {@link ThirdOrderBound} (there with equal directions; the bounds hold term by term for a differentiation
 *       direction s different from u): |D_w(uᵀh1(w, z)u)[s]| ≤ 8‖z‖‖u‖²‖s‖/(2π‖w‖²) and
 *       |D_z(uᵀh1(w, z)u)[s]| ≤ 6‖u‖²‖s‖/(2π‖w‖), so along a segment with displacement (s_1, …, s_n), ‖s‖ ≤ R,
 *       <pre>
 *   |dq| ≤ (c|a_i|‖u‖²/2π) [ (8/R_i⁻²)(Σ_{j≠i}|a_j|R_j⁺ + Σ_l|b_l|‖v_l‖) ‖s_i‖ + (6/R_i⁻) Σ_{j≠i}|a_j| ‖s_j‖ ]
 *        ≤ (c|a_i|‖u‖²/2π) √( (8/R_i⁻²)²(Σ_{j≠i}|a_j|R_j⁺ + Σ_l|b_l|‖v_l‖)² + (6/R_i⁻)² Σ_{j≠i}a_j² ) · ‖s‖
 *       </pre>
 *       (Cauchy–Schwarz twice), R_j^± = ‖x_j‖ ± R. Where the segment crosses θ ∈ {0, π} q is continuous and
 *       piecewise C¹ with the same bound (as for {@link ThirdOrderBound}).</li>
 *   <li>If the upper end of q(x) + L·R is &lt; 0, then q(w*) &lt; 0 and s* is a critical point with a direction of
 *       negative curvature — a strict saddle (not a local maximum either: F is strictly convex along the ray through
 *       s*, Lemma 11).</li>
 * </ol>
 * The reasons, in order: {@code minimum-not-certified:<Certifier reason>} (the point's local minimum was not proven),
 * {@code ball-contains-zero-neuron} (R ≥ ‖x_i‖, nothing to bound), {@code curvature-not-negative} (the enclosure of
 * q(w*) reaches 0 or above). The direction u is by default a floating-point unit eigenvector of λ_min(H'_ii(x)); its
 * choice does not affect soundness (everything about u is enclosed from its exact bits).
 *
 * <p>Stateless and thread-safe. ReLU only.
 */
public final class SplitSaddleCertifier {
    /** The verdict of a proven split saddle. */
    public static final String STRICT_SADDLE = "strict-saddle";
    /** The verdict when something was not proven. */
    public static final String NOT_CERTIFIED = Certificate.NOT_CERTIFIED;
    /** The default split fractions: α = 0.3 and ½ (paper 000 §4.2 uses ½; Thm 9 holds for every α ∈ (0, 1)). */
    public static final double[] DEFAULT_ALPHAS = {0.3, 0.5};
    /**
     * Without explicit neurons, a neuron is split when λ_min(H'_ii) (floating point) is below this (−10⁻¹²): rounding
     * noise around a PSD block, as at a global minimum where H'_ii = 0, does not make a candidate. The choice of
     * candidates does not affect what is proven about each.
     */
    public static final double CANDIDATE_THRESHOLD = -1e-12;

    private SplitSaddleCertifier() {
    }

    /**
     * The outcome for one (neuron, α).
     *
     * @param verdict            {@link #STRICT_SADDLE} or {@link #NOT_CERTIFIED}
     * @param reason             "ok" or the failed check
     * @param neuron             the split neuron, 0-based
     * @param alpha              α
     * @param radius             R: the minimum w* lies within R of {@link #point()} (from the minimum's certificate)
     * @param direction          u (as used: every bound is about these exact bits), length d
     * @param curvatureAtPoint   enclosure [lo, hi] of uᵀH'_ii(x)u at the certified point x
     * @param lipschitz          L, a Lipschitz constant of w ↦ uᵀH'_ii(w)u on the ball
     * @param curvature          enclosure of uᵀH'_ii(w*)u (curvatureAtPoint ± L·R)
     * @param splitCurvature     enclosure of ũᵀ∇²F(w*(α, i))ũ = (1/α + 1/(1−α)) uᵀH'_ii(w*)u
     * @param floatSplitCurvature the same quadratic form computed in floating point directly at the split of x (with
     *                            the n+1 neuron Hessian; an independent check, not part of the proof)
     * @param minimum            the certificate of the local minimum
     * @param point              the certified point x (polished if asked)
     * @param millis             time for this (neuron, α), excluding the minimum's certificate
     */
    public record Result(String verdict, String reason, int neuron, double alpha, double radius, double[] direction,
                         double[] curvatureAtPoint, double lipschitz, double[] curvature, double[] splitCurvature,
                         double floatSplitCurvature, Certificate minimum, double[] point, double millis) {
        public boolean certified() {
            return STRICT_SADDLE.equals(verdict);
        }
    }

    /**
     * Certifies the split of {@code neurons} (0-based; null: every neuron whose H'_ii has a floating-point eigenvalue
     * below {@link #CANDIDATE_THRESHOLD} at the certified point) for every α in {@code alphas}, for the local minimum
     * near {@code point}.
     * One minimum certificate serves all. When no neuron qualifies, the list is empty.
     */
    public static List<Result> certify(Problem problem, double[] point, Options options, int[] neurons,
                                       double[] alphas) {
        if (!problem.kernel().equals(Kernel.relu())) {
            throw new IllegalArgumentException("certify --saddle: only the relu kernel is supported, got "
                    + problem.kernel().name());
        }
        int n = problem.studentCount();
        for (double alpha : alphas) {
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("split fraction α must be in (0, 1), got " + alpha);
            }
        }
        if (neurons != null) {
            for (int i : neurons) {
                if (i < 0 || i >= n) {
                    throw new IllegalArgumentException("split neuron " + (i + 1) + " is not in 1.." + n);
                }
            }
        }
        Certificate minimum = Certifier.certify(problem, point, options);
        double[] x = minimum.point();
        List<Result> out = new ArrayList<>();
        int[] which = neurons;
        ReluLandscape land = new ReluLandscape(problem);
        if (which == null) {
            double[] lam0;
            try {
                lam0 = land.primeBlockLambdaMin(x);
            } catch (RuntimeException zeroNeuron) {
                lam0 = new double[n]; // nothing to split at a point with a zero neuron
            }
            double[] lam = lam0;
            which = java.util.stream.IntStream.range(0, n).filter(i -> lam[i] < CANDIDATE_THRESHOLD).toArray();
        }
        for (int i : which) {
            double[] u;
            try {
                u = land.primeBlockMinimalDirection(x, i);
            } catch (RuntimeException zeroNeuron) {
                u = new double[problem.inputDimension()];
                u[0] = 1.0;
            }
            for (double alpha : alphas) {
                out.add(certifyOne(problem, minimum, i, alpha, u));
            }
        }
        return out;
    }

    /** Certifies the split of neuron {@code i} at {@code alpha} along {@code u}, given the minimum's certificate. */
    public static Result certify(Problem problem, double[] point, Options options, int i, double alpha, double[] u) {
        if (!problem.kernel().equals(Kernel.relu())) {
            throw new IllegalArgumentException("certify --saddle: only the relu kernel is supported");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("split fraction α must be in (0, 1), got " + alpha);
        }
        if (i < 0 || i >= problem.studentCount()) {
            throw new IllegalArgumentException("split neuron " + (i + 1) + " is not in 1.." + problem.studentCount());
        }
        if (u.length != problem.inputDimension()) {
            throw new IllegalArgumentException("direction u has " + u.length + " entries, expected d = "
                    + problem.inputDimension());
        }
        return certifyOne(problem, Certifier.certify(problem, point, options), i, alpha, u);
    }

    /** Whether the minimum's certificate proved a local minimum within its radius (spuriousness not needed). */
    static boolean localMinimumProven(Certificate c) {
        return c.certified() || ("lemma2-objective".equals(c.reason()) || "global-minimum-unknown".equals(c.reason()))
                && Double.isFinite(c.radius()) && c.lambdaMinLowerBound() > 0;
    }

    private static Result certifyOne(Problem problem, Certificate minimum, int i, double alpha, double[] u) {
        long t0 = System.nanoTime();
        double[] x = minimum.point();
        double radius = minimum.radius();
        double floatSplit = Double.NaN;
        try {
            ReluLandscape land = new ReluLandscape(problem);
            double[] s = land.split(x, i, alpha);
            floatSplit = new ReluLandscape(land.splitProblem(i)).hessianAt(s).quadraticForm(land.escapeDirection(i, u));
        } catch (RuntimeException zeroNeuron) {
            // left NaN
        }
        Builder b = new Builder(t0, i, alpha, radius, u, floatSplit, minimum, x);
        if (!localMinimumProven(minimum)) {
            return b.fail("minimum-not-certified:" + minimum.reason());
        }
        PointEnclosure e = new PointEnclosure(problem.teacher(), problem.studentWeights(), problem.teacherWeights(),
                problem.normalization().factorRelativeToHalf(), x);
        if (e.zeroNeuron() >= 0) {
            return b.fail("ball-contains-zero-neuron");
        }
        Interval q = quadraticForm(e, i, u);
        b.atPoint = q;
        double lip = lipschitz(e, i, u, radius);
        b.lipschitz = lip;
        if (!(lip < Double.POSITIVE_INFINITY)) {
            return b.fail("ball-contains-zero-neuron");
        }
        double drift = Interval.mulUp(lip, radius);
        Interval star = Interval.of(Interval.subDown(q.lo(), drift), Interval.addUp(q.hi(), drift));
        b.curvature = star;
        Interval factor = Interval.ONE.div(Interval.of(alpha)).add(Interval.ONE.div(Interval.ONE.sub(Interval.of(alpha))));
        b.split = star.mul(factor);
        if (!(star.hi() < 0)) {
            return b.fail("curvature-not-negative");
        }
        return b.ok();
    }

    /** uᵀH'_ii(x)u, enclosed (H'_ii = H_ii − ½c a_i² I). */
    static Interval quadraticForm(PointEnclosure e, int i, double[] u) {
        int d = e.d;
        Interval uu = PointEnclosure.dot(u, 0, u, 0, d);
        Interval wu = PointEnclosure.dot(e.x, i * d, u, 0, d).div(e.r[i]);
        Interval sum = Interval.ZERO;
        for (int j = 0; j < e.n; j++) {
            if (j == i) {
                continue;
            }
            Interval zu = PointEnclosure.dot(e.x, j * d, u, 0, d).div(e.r[j]);
            Interval t = h1Form(e.r[i], e.r[j], e.cosWW[i * e.n + j], e.sinWW[i * e.n + j], uu, wu, zu);
            sum = sum.add(t.mul(e.a[j]));
        }
        for (int l = 0; l < e.k; l++) {
            Interval zu = PointEnclosure.dot(e.v, l * d, u, 0, d).div(e.rho[l]);
            Interval t = h1Form(e.r[i], e.rho[l], e.cosWV[i * e.k + l], e.sinWV[i * e.k + l], uu, wu, zu);
            sum = sum.sub(t.mul(e.b[l]));
        }
        return sum.mul(e.a[i]).mul(e.scale);
    }

    /** uᵀh1(w, z)u = (‖z‖/(2π‖w‖))[sin θ(‖u‖² − (w̄·u)²) + (p·u)²/sin θ], p = z̄ − cos θ w̄, enclosed. */
    static Interval h1Form(Interval rw, Interval rz, Interval cos, Interval sin, Interval uu, Interval wu,
                           Interval zu) {
        Interval perp = uu.sub(wu.sqr()).clip(0.0, uu.hi());
        Interval nTermBound = Interval.of(0.0, Interval.mulUp(sin.hi(), uu.hi()));
        Interval nTerm = nTermBound;
        if (sin.lo() > 0) {
            Interval pu = zu.sub(cos.mul(wu));
            Interval direct = pu.sqr().div(sin);
            double lo = Math.max(direct.lo(), 0.0);
            double hi = Math.min(direct.hi(), nTermBound.hi());
            if (lo <= hi) {
                nTerm = Interval.of(lo, hi);
            }
        }
        return rz.div(rw).mul(Interval.INV_2PI).mul(sin.mul(perp).add(nTerm));
    }

    /** L of the class comment (rounded up), +∞ if the ball of radius R reaches 0 at some neuron. */
    static double lipschitz(PointEnclosure e, int i, double[] u, double radius) {
        int n = e.n;
        double[] rLo = new double[n];
        double[] rHi = new double[n];
        for (int j = 0; j < n; j++) {
            rLo[j] = Interval.subDown(e.r[j].lo(), radius);
            rHi[j] = Interval.addUp(e.r[j].hi(), radius);
            if (!(rLo[j] > 0)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double partners = 0.0;
        double sumA2 = 0.0;
        for (int j = 0; j < n; j++) {
            if (j != i) {
                partners = Interval.addUp(partners, Interval.mulUp(Math.abs(e.a[j]), rHi[j]));
                sumA2 = Interval.addUp(sumA2, Interval.mulUp(e.a[j], e.a[j]));
            }
        }
        for (int l = 0; l < e.k; l++) {
            partners = Interval.addUp(partners, Interval.mulUp(Math.abs(e.b[l]), e.rho[l].hi()));
        }
        double own = Interval.mulUp(Interval.divUp(8.0, Interval.mulDown(rLo[i], rLo[i])), partners);
        double cross = Interval.divUp(6.0, rLo[i]);
        double root = Interval.sqrtUp(Interval.addUp(Interval.mulUp(own, own),
                Interval.mulUp(Interval.mulUp(cross, cross), sumA2)));
        double uu = PointEnclosure.dot(u, 0, u, 0, e.d).hi();
        double coef = Interval.mulUp(Interval.mulUp(Interval.mulUp(e.scale, Math.abs(e.a[i])), uu),
                Interval.INV_2PI.hi());
        return Interval.mulUp(coef, root);
    }

    /** Collects the numbers as they are proven. */
    private static final class Builder {
        final long t0;
        final int neuron;
        final double alpha;
        final double radius;
        final double[] u;
        final double floatSplit;
        final Certificate minimum;
        final double[] point;
        Interval atPoint;
        double lipschitz = Double.NaN;
        Interval curvature;
        Interval split;

        Builder(long t0, int neuron, double alpha, double radius, double[] u, double floatSplit, Certificate minimum,
                double[] point) {
            this.t0 = t0;
            this.neuron = neuron;
            this.alpha = alpha;
            this.radius = radius;
            this.u = u.clone();
            this.floatSplit = floatSplit;
            this.minimum = minimum;
            this.point = point;
        }

        private static double[] pair(Interval x) {
            return x == null ? new double[] {Double.NaN, Double.NaN} : new double[] {x.lo(), x.hi()};
        }

        Result fail(String reason) {
            return build(NOT_CERTIFIED, reason);
        }

        Result ok() {
            return build(STRICT_SADDLE, "ok");
        }

        private Result build(String verdict, String reason) {
            return new Result(verdict, reason, neuron, alpha, radius, u, pair(atPoint), lipschitz, pair(curvature),
                    pair(split), floatSplit, minimum, point, (System.nanoTime() - t0) / 1e6);
        }
    }
}
