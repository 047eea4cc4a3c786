package io.landscape.impl.overparam;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import io.landscape.api.InvalidPointException;
import io.landscape.api.Kernel;
import io.landscape.api.Problem;
import io.landscape.api.function.NetworkObjective;
import io.landscape.impl.kernel.ReluClosedForm;
import io.landscape.impl.objective.PairwiseObjective;

/**
 * Landscape analysis of the ReLU population loss at a point (paper 000, "The effects of mild over-parameterization",
 * §3–4 and App. A–C): Hessian blocks H_ii and H'_ii = H_ii − ½c a_i² I with their spectra, the spherical-mean
 * curvature λ of Eq. (68) and the sign test of Eq. (72) per neuron, the norm sum, the optimal ray scale t* (Lemma 11,
 * Prop. 1), the split point w(α, i) (Lemma 12) with its closed-form Hessian (Eq. 67) and the escape direction
 * (…, u, −u, …) of Lemma 13. Works for any teacher (not only v_j = e_j), any output weights and either normalisation;
 * with the paper's setting (all weights 1, ½ convention) every formula is the paper's.
 *
 * <p>Nothing here forms the dense (nd)² Hessian: blocks and products come from {@link ReluBlockHessian}. Immutable and
 * thread-safe. See the {@linkplain io.landscape.impl.overparam package documentation} for the derivations.
 */
public final class ReluLandscape {
    private static final double INV_2PI = 1.0 / (2.0 * Math.PI);

    private final Problem problem;
    private final int n;
    private final int k;
    private final int d;
    private final double[] teacher;
    private final double[] a;
    private final double[] b;
    private final double c;
    private final PairwiseObjective objective;

    /** @throws IllegalArgumentException if the problem's kernel is not ReLU (the closed forms are ReLU's) */
    public ReluLandscape(Problem problem) {
        if (!problem.kernel().equals(Kernel.relu())) {
            throw new IllegalArgumentException("mild over-parameterization analysis: only the relu kernel is "
                    + "supported, got " + problem.kernel().name());
        }
        this.problem = problem;
        this.n = problem.studentCount();
        this.k = problem.teacherCount();
        this.d = problem.inputDimension();
        this.teacher = new double[k * d];
        for (int l = 0; l < k; l++) {
            System.arraycopy(problem.teacherNeuron(l), 0, teacher, l * d, d);
        }
        this.a = problem.studentWeights();
        this.b = problem.teacherWeights();
        this.c = problem.normalization().factorRelativeToHalf();
        this.objective = new PairwiseObjective(problem, new ReluClosedForm());
    }

    /** The paper's setting: v_j = e_j in R^d (d ≥ k), n students, all output weights 1, ½ convention. */
    public static ReluLandscape identityTeacher(int k, int d, int n) {
        return new ReluLandscape(Problem.identityTeacher(k, d, n));
    }

    public Problem problem() {
        return problem;
    }

    /**
     * The population loss as a {@link NetworkObjective} whose {@link NetworkObjective#hessianAt} is the matrix-free
     * {@link ReluBlockHessian} (F and ∇F from the closed-form pairwise evaluator). Safe to share between threads.
     */
    public NetworkObjective objective() {
        return new NetworkObjective() {
            @Override
            public int neurons() {
                return n;
            }

            @Override
            public int inputDimension() {
                return d;
            }

            @Override
            public ReluBlockHessian hessianAt(double[] x) {
                return ReluLandscape.this.hessianAt(x);
            }

            @Override
            public int dimension() {
                return n * d;
            }

            @Override
            public double value(double[] x) {
                return objective.value(x);
            }

            @Override
            public double valueAndGradient(double[] x, double[] gradientOut) {
                return objective.valueAndGradient(x, gradientOut);
            }
        };
    }

    /** F(x). */
    public double value(double[] x) {
        return objective.value(x);
    }

    /** ∇F(x) (allocating). */
    public double[] gradient(double[] x) {
        double[] g = new double[n * d];
        objective.valueAndGradient(x, g);
        return g;
    }

    private void checkPoint(double[] x) {
        if (x.length != n * d) {
            throw new InvalidPointException(-1, -1, "point has " + x.length + " entries, expected n·d = " + n + "·"
                    + d + " = " + (n * d));
        }
    }

    private void checkNeuron(int i) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException("neuron index " + i + " is not in 0.." + (n - 1));
        }
    }

    /** The Hessian at x as a matrix-free operator with blocks. */
    public ReluBlockHessian hessianAt(double[] x) {
        checkPoint(x);
        return new ReluBlockHessian(teacher, k, a, b, c, x);
    }

    /** H_ii (d×d, row-major). */
    public double[] diagonalBlock(double[] x, int i) {
        checkNeuron(i);
        double[] out = new double[d * d];
        hessianAt(x).block(i, i, out);
        return out;
    }

    /** ½c a_i²: the part of H_ii that splitting does not rescale (½ in the paper's setting). */
    public double selfCurvature(int i) {
        return 0.5 * c * a[i] * a[i];
    }

    /** H'_ii = H_ii − ½c a_i² I (d×d, row-major). */
    public double[] primeBlock(double[] x, int i) {
        double[] h = diagonalBlock(x, i);
        double s = selfCurvature(i);
        for (int p = 0; p < d; p++) {
            h[p * d + p] -= s;
        }
        return h;
    }

    /** Eigenvalues of H_ii, ascending. */
    public double[] blockSpectrum(double[] x, int i) {
        return eigen(diagonalBlock(x, i), d).values;
    }

    /** Eigenvalues of H'_ii, ascending. */
    public double[] primeBlockSpectrum(double[] x, int i) {
        return eigen(primeBlock(x, i), d).values;
    }

    /** λ_min(H'_ii) for every neuron. */
    public double[] primeBlockLambdaMin(double[] x) {
        ReluBlockHessian h = hessianAt(x);
        double[] out = new double[n];
        double[] blk = new double[d * d];
        for (int i = 0; i < n; i++) {
            h.block(i, i, blk);
            double s = selfCurvature(i);
            for (int p = 0; p < d; p++) {
                blk[p * d + p] -= s;
            }
            out[i] = eigen(blk, d).values[0];
        }
        return out;
    }

    /** A unit eigenvector of λ_min(H'_ii): the steepest escape direction u of Lemma 13. */
    public double[] primeBlockMinimalDirection(double[] x, int i) {
        return eigen(primeBlock(x, i), d).minVector;
    }

    /** Eigen-decomposition of a symmetric d×d row-major matrix: ascending values and a unit vector of the smallest. */
    public record Eigen(double[] values, double[] minVector) {
    }

    /** Eigenvalues (ascending) and a unit eigenvector of the smallest, of a symmetric m×m row-major matrix. */
    public static Eigen eigen(double[] sym, int m) {
        DMatrixRMaj mat = new DMatrixRMaj(m, m);
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < m; q++) {
                mat.set(p, q, 0.5 * (sym[p * m + q] + sym[q * m + p]));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, true, true);
        if (!eig.decompose(mat)) {
            throw new ArithmeticException("symmetric eigen-decomposition did not converge (" + m + "×" + m + ")");
        }
        double[] vals = new double[m];
        int best = 0;
        for (int p = 0; p < m; p++) {
            vals[p] = eig.getEigenvalue(p).getReal();
            if (vals[p] < vals[best]) {
                best = p;
            }
        }
        DMatrixRMaj vec = eig.getEigenVector(best);
        double[] u = new double[m];
        double nn = 0;
        for (int p = 0; p < m; p++) {
            u[p] = vec.get(p, 0);
            nn += u[p] * u[p];
        }
        nn = Math.sqrt(nn);
        for (int p = 0; p < m; p++) {
            u[p] /= nn;
        }
        Arrays.sort(vals);
        return new Eigen(vals, u);
    }

    /**
     * Eq. (68): λ_i = mean of ûᵀH'_ii û over unit û = tr(H'_ii)/d
     * = (c a_i/(2π‖w_i‖)) [Σ_{j≠i} a_j sin θ_ij ‖w_j‖ − Σ_l b_l sin θ(w_i, v_l) ‖v_l‖]
     * (paper's setting: Σ_{j≠i} sin θ_ij ‖w_j‖/(2π‖w_i‖) − Σ_l sin θ(w_i, v_l)/(2π‖w_i‖)).
     */
    public double sphericalMeanCurvature(double[] x, int i) {
        checkNeuron(i);
        ReluBlockHessian h = hessianAt(x);
        return c * a[i] * INV_2PI / h.norm(i) * signSum(h, i);
    }

    /** Eq. (68) for every neuron. */
    public double[] sphericalMeanCurvatures(double[] x) {
        ReluBlockHessian h = hessianAt(x);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = c * a[i] * INV_2PI / h.norm(i) * signSum(h, i);
        }
        return out;
    }

    /**
     * The left side of Eq. (72), a_i [Σ_{j≠i} a_j sin θ_ij ‖w_j‖ − Σ_l b_l sin θ(w_i, v_l) ‖v_l‖] (the paper's
     * Σ_{j≠i} sin θ_ij ‖w_j‖ − Σ_j sin θ(w_i, v_j)); negative means the split of neuron i is a saddle (Thm 8–9).
     */
    public double splitSignTest(double[] x, int i) {
        checkNeuron(i);
        return a[i] * signSum(hessianAt(x), i);
    }

    private double signSum(ReluBlockHessian h, int i) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            if (j != i) {
                s += a[j] * h.sinStudent(i, j) * h.norm(j);
            }
        }
        for (int l = 0; l < k; l++) {
            s -= b[l] * h.sinTeacher(i, l) * h.teacherNorm(l);
        }
        return s;
    }

    /**
     * A bound B on the third derivative of F on the ball of radius ρ around x: |D³F(y)[u, u, u]| ≤ B for every unit u
     * and every ‖y − x‖ ≤ ρ (so ∇²F is B-Lipschitz there); +∞ if the ball reaches a zero neuron. The bound of paper 002
     * Lemma 1 in the form derived in {@code io.landscape.impl.certify.ThirdOrderBound} (which encloses it in interval
     * arithmetic for the certifier), here in floating point with a relative margin of 10⁻⁹:
     * <pre>
     *   B = (c/2π) [ max_i (8|a_i|/R_i⁻²)(Σ_{j≠i}|a_j|R_j⁺ + Σ_l|b_l|‖v_l‖) + max_i (18|a_i|/R_i⁻) √(Σ_{j≠i} a_j²) ],
     * </pre>
     * R_i^∓ = ‖w_i‖ ∓ ρ. Used by the census's matrix-free Newton finish ({@code optim.NewtonCgFinish}) to certify a
     * ball of strong convexity. O(nd + k d).
     */
    public double hessianLipschitz(double[] x, double radius) {
        checkPoint(x);
        if (!(radius >= 0)) {
            throw new IllegalArgumentException("radius must be non-negative, got " + radius);
        }
        double teacherSum = 0;
        for (int l = 0; l < k; l++) {
            double q = 0;
            for (int p = 0; p < d; p++) {
                q += teacher[l * d + p] * teacher[l * d + p];
            }
            teacherSum += Math.abs(b[l]) * Math.sqrt(q);
        }
        double sumAR = 0;
        double sumA2 = 0;
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            double q = 0;
            for (int p = 0; p < d; p++) {
                q += x[i * d + p] * x[i * d + p];
            }
            double norm = Math.sqrt(q);
            lo[i] = norm - radius;
            hi[i] = norm + radius;
            if (!(lo[i] > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            sumAR += Math.abs(a[i]) * hi[i];
            sumA2 += a[i] * a[i];
        }
        double first = 0;
        double second = 0;
        for (int i = 0; i < n; i++) {
            double ai = Math.abs(a[i]);
            first = Math.max(first, 8 * ai / (lo[i] * lo[i]) * (sumAR - ai * hi[i] + teacherSum));
            second = Math.max(second, 18 * ai / lo[i] * Math.sqrt(Math.max(0.0, sumA2 - a[i] * a[i])));
        }
        return Math.abs(c) * INV_2PI * (first + second) * (1 + 1e-9);
    }

    /** Σ_i ‖w_i‖ (Prop. 1 bounds it by kn at every local minimum; Thm 8 assumes ≤ k). */
    public double normSum(double[] x) {
        checkPoint(x);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double q = 0;
            for (int p = 0; p < d; p++) {
                q += x[i * d + p] * x[i * d + p];
            }
            s += Math.sqrt(q);
        }
        return s;
    }

    /**
     * F along the ray t ↦ t·w (Lemma 11, Eq. 66): F(tw) = ½At² − Bt + C with A = c Σ_{i,j} a_i a_j f(w_i, w_j) ≥ 0,
     * B = c Σ_{i,l} a_i b_l f(w_i, v_l), C = ½c Σ_{l,m} b_l b_m f(v_l, v_m) and f the arc-cosine kernel. A &gt; 0 unless
     * the network is zero, so F is strongly convex along the ray (no local maxima) with minimiser t* = B/A (Prop. 1).
     */
    public record Ray(double quadratic, double linear, double constant) {
        /** F(t·w). */
        public double valueAt(double t) {
            return 0.5 * quadratic * t * t - linear * t + constant;
        }

        /** t* = B/A, the scale minimising F along the ray. */
        public double optimalScale() {
            return linear / quadratic;
        }
    }

    /** The ray quadratic of Lemma 11 at x. */
    public Ray ray(double[] x) {
        checkPoint(x);
        double[] v = teacher;
        double aa = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                aa += a[i] * a[j] * kappa(x, i * d, x, j * d);
            }
        }
        double bb = 0;
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                bb += a[i] * b[l] * kappa(x, i * d, v, l * d);
            }
        }
        double cc = 0;
        for (int l = 0; l < k; l++) {
            for (int m = 0; m < k; m++) {
                cc += b[l] * b[m] * kappa(v, l * d, v, m * d);
            }
        }
        return new Ray(c * aa, c * bb, 0.5 * c * cc);
    }

    /** t* of Prop. 1: Σ_{i,l} f(w_i, v_l) / Σ_{i,j} f(w_i, w_j) (with weights). */
    public double optimalRayScale(double[] x) {
        return ray(x).optimalScale();
    }

    /** f(w, z) = E[w·x]_+[z·x]_+ = (‖w‖‖z‖/(2π))(sin θ + (π − θ) cos θ), θ from atan2 (0 if either is zero). */
    public static double kappa(double[] w, int wo, double[] z, int zo, int dim) {
        double ww = 0, zz = 0, wz = 0;
        for (int q = 0; q < dim; q++) {
            ww += w[wo + q] * w[wo + q];
            zz += z[zo + q] * z[zo + q];
            wz += w[wo + q] * z[zo + q];
        }
        double rw = Math.sqrt(ww), rz = Math.sqrt(zz);
        if (rw == 0 || rz == 0) {
            return 0.0;
        }
        double cs = wz / (rw * rz);
        double s = 0;
        for (int q = 0; q < dim; q++) {
            double p = z[zo + q] / rz - cs * w[wo + q] / rw;
            s += p * p;
        }
        s = Math.min(1.0, Math.sqrt(s));
        double th = Math.atan2(s, cs);
        return rw * rz * INV_2PI * (s + (Math.PI - th) * cs);
    }

    private double kappa(double[] w, int wo, double[] z, int zo) {
        return kappa(w, wo, z, zo, d);
    }

    /** The problem with neuron i split in two (n + 1 students; both halves keep the output weight a_i). */
    public Problem splitProblem(int i) {
        checkNeuron(i);
        double[] a2 = new double[n + 1];
        for (int s = 0; s <= n; s++) {
            a2[s] = a[s <= i ? s : s - 1];
        }
        return problem.toBuilder().students(n + 1).studentWeights(a2).build();
    }

    /** w(α, i) = (w_1, …, w_{i−1}, αw_i, (1−α)w_i, w_{i+1}, …, w_n) ∈ R^{(n+1)d} (Lemma 12; i 0-based). */
    public double[] split(double[] x, int i, double alpha) {
        checkPoint(x);
        checkNeuron(i);
        checkAlpha(alpha);
        double[] out = new double[(n + 1) * d];
        System.arraycopy(x, 0, out, 0, i * d);
        for (int q = 0; q < d; q++) {
            out[i * d + q] = alpha * x[i * d + q];
            out[(i + 1) * d + q] = (1.0 - alpha) * x[i * d + q];
        }
        System.arraycopy(x, (i + 1) * d, out, (i + 2) * d, (n - i - 1) * d);
        return out;
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("split: α must be in (0, 1), got " + alpha);
        }
    }

    /** The Hessian at w(α, i) in closed form from the one at w (Eq. 67), matrix-free. */
    public SplitHessian splitHessian(double[] x, int i, double alpha) {
        checkNeuron(i);
        checkAlpha(alpha);
        return new SplitHessian(hessianAt(x), i, alpha, selfCurvature(i));
    }

    /** The escape direction (0, …, 0, u, −u, 0, …, 0) ∈ R^{(n+1)d} on the split pair (i, i+1) (Lemma 13). */
    public double[] escapeDirection(int i, double[] u) {
        checkNeuron(i);
        if (u.length != d) {
            throw new IllegalArgumentException("escape direction: u has " + u.length + " entries, expected d = " + d);
        }
        double[] out = new double[(n + 1) * d];
        for (int q = 0; q < d; q++) {
            out[i * d + q] = u[q];
            out[(i + 1) * d + q] = -u[q];
        }
        return out;
    }

    /**
     * Lemma 13's closed form of the escape direction's curvature: ũᵀ∇²F(w(α, i))ũ = (1/α + 1/(1−α)) uᵀH'_ii u for
     * ũ = (…, u, −u, …) (any u, not necessarily unit).
     */
    public double escapeCurvature(double[] x, int i, double alpha, double[] u) {
        checkAlpha(alpha);
        double[] hp = primeBlock(x, i);
        double s = 0;
        for (int p = 0; p < d; p++) {
            double r = 0;
            for (int q = 0; q < d; q++) {
                r += hp[p * d + q] * u[q];
            }
            s += u[p] * r;
        }
        return (1.0 / alpha + 1.0 / (1.0 - alpha)) * s;
    }

    /**
     * Everything of §4.2 at one point: F, ‖∇F‖, Σ‖w_i‖, t*, and per neuron λ_min(H'_ii), the Eq. (68) λ and the
     * Eq. (72) sign test.
     */
    public record PointAnalysis(double objective, double gradientNorm, double normSum, double optimalRayScale,
                                double[] blockLambdaMin, double[] sphericalCurvature, double[] signTest) {
        /** Neurons whose H'_ii has a negative eigenvalue (split saddles by Thm 9), 0-based. */
        public int[] splittableNeurons() {
            return java.util.stream.IntStream.range(0, blockLambdaMin.length).filter(i -> blockLambdaMin[i] < 0)
                    .toArray();
        }
    }

    /** The {@link PointAnalysis} at x (O(n(n + k)d² + n d³)). */
    public PointAnalysis analyse(double[] x) {
        checkPoint(x);
        double[] g = new double[n * d];
        double f = objective.valueAndGradient(x, g);
        double gn = 0;
        for (double e : g) {
            gn += e * e;
        }
        ReluBlockHessian h = hessianAt(x);
        double[] sign = new double[n];
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            double s = signSum(h, i);
            sign[i] = a[i] * s;
            mean[i] = c * a[i] * INV_2PI / h.norm(i) * s;
        }
        return new PointAnalysis(f, Math.sqrt(gn), normSum(x), optimalRayScale(x), primeBlockLambdaMin(x), mean,
                sign);
    }
}
