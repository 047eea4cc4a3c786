package io.landscape.impl.certify;

import java.util.Arrays;

import io.landscape.api.Kernel;
import io.landscape.api.Problem;
import io.landscape.impl.kernel.ReluClosedForm;
import io.landscape.impl.linalg.Cholesky;
import io.landscape.impl.linalg.Workers;
import io.landscape.impl.objective.PairwiseObjective;
import io.landscape.impl.optim.NewtonPolish;

/**
 * Computer-assisted proof that a point is near a spurious local minimum of the ReLU teacher–student loss: paper 002
 * (Safran &amp; Shamir 2018) Lemmas 1–3 and Corollary 1, in verified floating-point arithmetic.
 *
 * <h2>The checks, in the order in which a failure is reported</h2>
 * <ol>
 *   <li>{@code ball-contains-zero-neuron}: some student neuron's norm encloses 0 (nothing can be computed).</li>
 *   <li>{@code gradient-norm}: ε, a rigorous upper bound of ‖∇F(w)‖ ({@link PointEnclosure}), exceeds
 *       {@link Options#maxGradientNorm()}.</li>
 *   <li>{@code lambda-min-not-positive}: λ, a rigorous lower bound of λ_min(∇²F(w)), is not &gt; 0. λ = λ_min(A)
 *       lower bound ({@link EigenvalueBound}: shifted Cholesky with Demmel's backward-error bound) minus η ≥ ‖∇²F − A‖₂
 *       ({@link HessianEnclosure}), by Weyl's inequality. When the teacher has zero columns (a padded problem, Lemma 3)
 *       the point is certified in the unpadded coordinates and λ = min(λ_H, λ_M) with M from {@link PaddingSpectrum}.</li>
 *   <li>{@code lemma1-discriminant}: with B from {@link ThirdOrderBound} on the ball of radius
 *       ρ_B = ballFraction·min‖w_i‖, the discriminant is not proven non-negative.</li>
 *   <li>{@code radius-exceeds-third-order-ball}: Lemma 1's radius r = (3λ − √(9λ² − 25Bε))/(2B)
 *       = 25ε/(2(3λ + √(9λ² − 25Bε))) (enclosed, upper end) is larger than ρ_B, so B does not cover the ball.</li>
 *   <li>{@code ball-contains-zero-neuron}: ‖w_i‖ ≤ r for some i (rigorously: not proven ‖w_i‖ &gt; r).</li>
 *   <li>{@code balls-intersect}: ‖w_i − w_j‖ ≤ 2r for some i ≠ j (paper 002 footnote 2).</li>
 *   <li>{@code global-minimum-unknown}: the infimum of F is not known to be 0 (the teacher is not representable by
 *       the students: more positive (negative) teacher output weights than positive (negative) student ones), so
 *       F &gt; 0 would not prove the minimum spurious.</li>
 *   <li>{@code lemma2-objective}: the lower bound of F on the ball, F_lo(w) − εr − Br³/6 (from the same Taylor bound:
 *       t(λt/2 − Bt²/6 − ε) ≥ −εr − Br³/6 for 0 ≤ t ≤ r), is not &gt; 0.</li>
 * </ol>
 * If all pass, Lemma 1 gives a local minimum within r (F on the sphere of radius r exceeds F(w), and the ball holds only
 * points where F is C² with Lipschitz Hessian), and Lemma 2 shows its value is &gt; 0 = inf F: it is spurious.
 *
 * <p>Only the ReLU kernel is supported. Stateless: {@link #certify} is thread-safe (each call allocates its own
 * scratch, O((nd)²) doubles for the Hessian).
 */
public final class Certifier {
    /**
     * {@link Options#polish()}: Newton stops after a step that reduced ‖∇F‖ by less than this factor (see
     * {@link NewtonPolish}); it also takes no step once ‖∇F‖ is at the rounding floor, the norm of the radii of the
     * rigorous enclosure of ∇F at the input point (below it the certificate's ε cannot shrink by more than a factor
     * 2, whatever the polish does).
     */
    public static final double POLISH_MIN_REDUCTION = 0.1;

    private Certifier() {
    }

    /**
     * The index of the first teacher neuron that the certifier cannot use because its norm is not proven positive
     * (a zero row, or one so small that its squared norm underflows), or −1 if there is none.
     */
    public static int zeroTeacherNeuron(double[][] teacher) {
        for (int l = 0; l < teacher.length; l++) {
            double[] row = teacher[l];
            if (!(PointEnclosure.dot(row, 0, row, 0, row.length).clipNonNegative().sqrt().lo() > 0.0)) {
                return l;
            }
        }
        return -1;
    }

    /** ‖rad ∇F‖ at x: the width of the rigorous enclosure of the gradient, 0 when it cannot be computed there. */
    static double polishFloor(double[][] teacher, double[] a, double[] b, double scale, double[] x) {
        try {
            PointEnclosure e = new PointEnclosure(teacher, a, b, scale, x);
            if (e.zeroNeuron() >= 0) {
                return 0.0;
            }
            double floor = e.gradientRadiusNorm();
            return Double.isFinite(floor) ? floor : 0.0;
        } catch (RuntimeException notComputable) {
            return 0.0;
        }
    }

    /** Certifies {@code point} (flat n·d, neuron i at i·d … i·d+d−1) for {@code problem}, on the caller's thread. */
    public static Certificate certify(Problem problem, double[] point, Options options) {
        return certify(problem, point, options, Workers.NONE);
    }

    /**
     * {@link #certify(Problem, double[], Options)} with the dense factorizations and Lanczos products of the λ_min
     * bound shared by {@code workers} ({@link Cholesky#factor(double[], int, Workers)}: bitwise the same factor, so the
     * same certificate, for every {@code workers}). Method {@value Certificate#DENSE}.
     */
    public static Certificate certify(Problem problem, double[] point, Options options, Workers workers) {
        long t0 = System.nanoTime();
        checkInput(problem, point);
        int n = problem.studentCount();
        int d = problem.inputDimension();
        double[][] teacher = problem.teacher();
        int k = teacher.length;
        // Lemma 3: coordinates where every teacher neuron is zero are padding
        int[] keep = nonzeroColumns(teacher, d);
        boolean padded = keep.length < d;
        double[][] vr = new double[k][keep.length];
        for (int l = 0; l < k; l++) {
            for (int c = 0; c < keep.length; c++) {
                vr[l][c] = teacher[l][keep[c]];
            }
        }
        int dr = keep.length;
        double[] x = new double[n * dr];
        double dropped = 0.0;
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int q = 0; q < d; q++) {
                double val = point[i * d + q];
                if (c < dr && keep[c] == q) {
                    x[i * dr + c] = val;
                    c++;
                } else {
                    dropped = Interval.addUp(dropped, Interval.mulUp(val, val));
                }
            }
        }
        double droppedNorm = Interval.sqrtUp(dropped);
        double[] a = problem.studentWeights();
        double[] b = problem.teacherWeights();
        double scale = problem.normalization().factorRelativeToHalf();
        int steps = 0;
        if (options.polish()) {
            Problem reduced = Problem.builder().teacher(vr).students(n).studentWeights(a).teacherWeights(b)
                    .normalization(problem.normalization()).build();
            try {
                NewtonPolish.Result res = NewtonPolish.polish(new PairwiseObjective(reduced, new ReluClosedForm()), x,
                        options.polishSteps(), polishFloor(vr, a, b, scale, x), POLISH_MIN_REDUCTION);
                x = res.point();
                steps = res.steps();
                droppedNorm = 0.0; // the polished point is the padded one itself
            } catch (RuntimeException notDifferentiable) {
                // a zero neuron, or non-finite numbers at an extreme point: leave the point as it is; the checks below
                // will say why
            }
        }
        double[] certifiedPoint = new double[n * d];
        double moved = 0.0;
        for (int i = 0; i < n; i++) {
            if (options.polish()) {
                for (int c = 0; c < dr; c++) {
                    certifiedPoint[i * d + keep[c]] = x[i * dr + c];
                }
            } else {
                System.arraycopy(point, i * d, certifiedPoint, i * d, d);
            }
        }
        if (options.polish()) {
            for (int p = 0; p < n * d; p++) {
                if (certifiedPoint[p] == point[p]) {
                    continue;
                }
                double diff = Math.max(Math.abs(Interval.subDown(certifiedPoint[p], point[p])),
                        Math.abs(Interval.subUp(certifiedPoint[p], point[p])));
                moved = Interval.addUp(moved, Interval.mulUp(diff, diff));
            }
            moved = moved == 0.0 ? 0.0 : Interval.sqrtUp(moved);
        }
        Builder out = new Builder(t0, certifiedPoint, steps, moved, Certificate.DENSE, "");
        return prove(out, vr, a, b, scale, x, padded, droppedNorm, options, e -> denseLambda(e, workers));
    }

    /** The relu kernel, n·d finite entries: else IllegalArgumentException naming the problem. */
    static void checkInput(Problem problem, double[] point) {
        if (!problem.kernel().equals(Kernel.relu())) {
            throw new IllegalArgumentException("certify: only the relu kernel is supported, got " + problem.kernel().name());
        }
        int n = problem.studentCount();
        int d = problem.inputDimension();
        if (point.length != n * d) {
            throw new IllegalArgumentException("point has " + point.length + " entries, expected n·d = " + n + "·" + d
                    + " = " + (n * d));
        }
        for (int p = 0; p < point.length; p++) {
            if (!Double.isFinite(point[p])) {
                throw new IllegalArgumentException("point entry " + p + " is " + point[p] + " (must be finite)");
            }
        }
    }

    /** λ_H by the dense route: the floating Hessian A, η ≥ ‖∇²F − A‖, the shifted-Cholesky bound of λ_min(A), minus η. */
    static double denseLambda(PointEnclosure e, Workers workers) {
        HessianEnclosure h = HessianEnclosure.of(e);
        EigenvalueBound.Result eig = EigenvalueBound.lowerBound(h.matrix, h.m, workers);
        double lamH = Interval.subDown(eig.lowerBound(), h.errorBound);
        return Double.isNaN(lamH) ? Double.NEGATIVE_INFINITY : lamH;
    }

    /**
     * The checks of the class comment from "ball-contains-zero-neuron" on, at the point x (flat n·dr in the unpadded
     * coordinates of the teacher vr), with λ_H (a rigorous lower bound of λ_min(∇²F(x)), −∞ if none) from
     * {@code lambdaH}.
     */
    static Certificate prove(Builder out, double[][] vr, double[] a, double[] b, double scale, double[] x,
                             boolean padded, double droppedNorm, Options options,
                             java.util.function.ToDoubleFunction<PointEnclosure> lambdaH) {
        int n = a.length;
        int dr = vr[0].length;
        PointEnclosure e = new PointEnclosure(vr, a, b, scale, x);
        if (e.zeroNeuron() >= 0) {
            return out.fail("ball-contains-zero-neuron");
        }
        Interval f = e.objective();
        // the midpoint of an enclosure with an infinite end (an extreme point) is no value of F: leave it unset
        out.objective = Double.isFinite(f.lo()) && Double.isFinite(f.hi()) ? f.mid() : Double.NaN;
        double eps = e.gradientNormUpperBound();
        out.eps = eps;
        PaddingSpectrum pad = PaddingSpectrum.of(e);
        out.padLambda = pad.lambdaMinLowerBound;
        out.padSpectrum = pad.eigenvalues;
        if (!(eps <= options.maxGradientNorm())) {
            return out.fail("gradient-norm");
        }
        double lamH = lambdaH.applyAsDouble(e);
        if (Double.isNaN(lamH)) {
            lamH = Double.NEGATIVE_INFINITY;
        }
        double lam = padded ? Math.min(lamH, pad.lambdaMinLowerBound) : lamH;
        out.lambda = lam;
        if (!(lam > 0)) {
            return out.fail("lambda-min-not-positive");
        }
        double minNorm = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minNorm = Math.min(minNorm, e.r[i].lo());
        }
        double ball = Interval.mulDown(options.ballFraction(), minNorm);
        double bound = ThirdOrderBound.of(e, ball);
        out.b = bound;
        double r = lemma1Radius(lam, eps, bound);
        if (Double.isNaN(r)) {
            return out.fail("lemma1-discriminant");
        }
        if (!(r <= ball)) {
            return out.fail("radius-exceeds-third-order-ball");
        }
        out.radius = Interval.addUp(r, droppedNorm);
        String ballProblem = ballCheck(e, x, r, dr);
        if (ballProblem != null) {
            return out.fail(ballProblem);
        }
        if (!representable(a, b)) {
            return out.fail("global-minimum-unknown");
        }
        double fLow = lemma2LowerBound(f, eps, r, bound);
        out.fLow = fLow;
        if (!(fLow > 0)) {
            return out.fail("lemma2-objective");
        }
        // Corollary 1: the same proof for the zero-padded point in any higher dimension
        double lamAll = Math.min(lamH, pad.lambdaMinLowerBound);
        double rAll = lamAll > 0 ? lemma1Radius(lamAll, eps, bound) : Double.NaN;
        out.anyDimension = !Double.isNaN(rAll) && rAll <= ball && ballCheck(e, x, rAll, dr) == null
                && lemma2LowerBound(f, eps, rAll, bound) > 0;
        return out.ok();
    }

    /**
     * Why a stored certificate (read back from a file, so possibly edited) is not self-consistent, or null if it is.
     * A "spurious-local-minimum" verdict needs reason "ok", λ &gt; 0, finite ε ≥ 0 and B ≥ 0, a lower bound of F on the
     * ball that is &gt; 0 and not above F, and a radius no smaller than Lemma 1's radius recomputed from the stored λ,
     * ε and B (the only way to claim less than was proven is a larger radius); a "not-certified" verdict needs a
     * reason other than "ok". This cannot prove a stored certificate true (only recomputing can); it refuses the lines
     * that claim more than their own numbers support.
     */
    public static String inconsistency(String verdict, String reason, double radius, double lambda, double eps,
                                       double bound, double objective, double objectiveLowerBound) {
        if (Certificate.NOT_CERTIFIED.equals(verdict)) {
            return "ok".equals(reason) || reason == null || reason.isEmpty() ? "not-certified with reason '" + reason
                    + "'" : null;
        }
        if (!Certificate.SPURIOUS.equals(verdict)) {
            return "unknown verdict '" + verdict + "'";
        }
        if (!"ok".equals(reason)) {
            return "certified with reason '" + reason + "'";
        }
        if (!(lambda > 0 && Double.isFinite(lambda))) {
            return "certified with λ lower bound " + lambda + " (must be > 0)";
        }
        if (!(eps >= 0 && Double.isFinite(eps)) || !(bound >= 0 && Double.isFinite(bound))) {
            return "certified with ε = " + eps + ", B = " + bound + " (must be finite and ≥ 0)";
        }
        if (!(objectiveLowerBound > 0) || Double.isFinite(objective) && !(objectiveLowerBound <= objective)) {
            return "certified with F lower bound " + objectiveLowerBound + " (must be > 0 and ≤ F = " + objective + ")";
        }
        double r = lemma1Radius(lambda, eps, bound);
        if (Double.isNaN(r) || !(radius >= r) || !Double.isFinite(radius)) {
            return "radius " + radius + " is not what Lemma 1 gives for its λ, ε, B (" + r + ")";
        }
        return null;
    }

    /** F_lo(w) − εr − Br³/6, rounded downward: Lemma 2's lower bound of F on the ball of radius r. */
    static double lemma2LowerBound(Interval f, double eps, double r, double bound) {
        double drop = Interval.addUp(Interval.mulUp(eps, r),
                Interval.divUp(Interval.mulUp(bound, Interval.mulUp(r, Interval.mulUp(r, r))), 6.0));
        return Interval.subDown(f.lo(), drop);
    }

    /** Upper end of r = 25ε/(2(3λ + √(9λ² − 25Bε))), or NaN if 9λ² − 25Bε ≥ 0 is not proven. */
    static double lemma1Radius(double lambda, double eps, double bound) {
        Interval lam = Interval.of(lambda);
        Interval disc = lam.sqr().mul(9.0).sub(Interval.of(bound).mul(eps).mul(25.0));
        if (!(disc.lo() >= 0)) {
            return Double.NaN;
        }
        Interval r = Interval.of(eps).mul(25.0).div(lam.mul(3.0).add(disc.sqrt()).mul(2.0));
        return r.hi();
    }

    /**
     * Whether the balls of radius r around the neurons hold only differentiable points: null if every ‖w_i‖ &gt; r and
     * every ‖w_i − w_j‖ &gt; 2r (proven), else the failed check's reason.
     */
    private static String ballCheck(PointEnclosure e, double[] x, double r, int d) {
        for (int i = 0; i < e.n; i++) {
            if (!(Interval.subDown(e.r[i].lo(), r) > 0)) {
                return "ball-contains-zero-neuron";
            }
        }
        double twoR = Interval.mulUp(2.0, r);
        for (int i = 0; i < e.n; i++) {
            for (int j = i + 1; j < e.n; j++) {
                if (!(distanceLowerBound(x, i, j, d) > twoR)) {
                    return "balls-intersect";
                }
            }
        }
        return null;
    }

    /** A rigorous lower bound of ‖w_i − w_j‖. */
    static double distanceLowerBound(double[] x, int i, int j, int d) {
        double s = 0.0;
        for (int q = 0; q < d; q++) {
            double lo = Interval.subDown(x[i * d + q], x[j * d + q]);
            double hi = Interval.subUp(x[i * d + q], x[j * d + q]);
            double mig = lo > 0 ? lo : (hi < 0 ? -hi : 0.0);
            s = Interval.addDown(s, Interval.mulDown(mig, mig));
        }
        return Interval.sqrtDown(s);
    }

    /** inf F = 0 when every teacher neuron can be matched with a student of the same output-weight sign. */
    static boolean representable(double[] a, double[] b) {
        int ap = 0, an = 0, bp = 0, bn = 0;
        for (double x : a) {
            if (x > 0) {
                ap++;
            } else if (x < 0) {
                an++;
            }
        }
        for (double x : b) {
            if (x > 0) {
                bp++;
            } else if (x < 0) {
                bn++;
            }
        }
        return bp <= ap && bn <= an;
    }

    private static int[] nonzeroColumns(double[][] v, int d) {
        int[] keep = new int[d];
        int count = 0;
        for (int q = 0; q < d; q++) {
            boolean any = false;
            for (double[] row : v) {
                if (row[q] != 0.0) {
                    any = true;
                    break;
                }
            }
            if (any) {
                keep[count++] = q;
            }
        }
        return Arrays.copyOf(keep, count);
    }

    /** Collects the numbers as they are proven. */
    static final class Builder {
        final long t0;
        final double[] point;
        final int steps;
        final double moved;
        final String method;
        String symmetry;
        double radius = Double.NaN;
        double lambda = Double.NaN;
        double eps = Double.NaN;
        double b = Double.NaN;
        double objective = Double.NaN;
        double fLow = Double.NaN;
        double padLambda = Double.NaN;
        double[] padSpectrum = new double[0];
        boolean anyDimension;

        Builder(long t0, double[] point, int steps, double moved, String method, String symmetry) {
            this.t0 = t0;
            this.point = point;
            this.steps = steps;
            this.moved = moved;
            this.method = method;
            this.symmetry = symmetry;
        }

        Certificate fail(String reason) {
            return build(Certificate.NOT_CERTIFIED, reason);
        }

        Certificate ok() {
            return build(Certificate.SPURIOUS, "ok");
        }

        private Certificate build(String verdict, String reason) {
            double millis = (System.nanoTime() - t0) / 1e6;
            return new Certificate(verdict, reason, radius, lambda, eps, b, objective, fLow, millis, padLambda,
                    padSpectrum, anyDimension && Certificate.SPURIOUS.equals(verdict), point, steps, moved, method,
                    symmetry);
        }
    }
}
