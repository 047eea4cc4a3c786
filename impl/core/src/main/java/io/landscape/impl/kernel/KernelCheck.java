package io.landscape.impl.kernel;

import java.util.Random;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

import io.landscape.api.InvalidFormulaException;
import io.landscape.api.Kernel;

/**
 * Refuses a compiled kernel that cannot be E σ(w·x)σ(v·x) for any activation σ: one that is not positive
 * semi-definite, or not finite.
 *
 * <h2>Why, and what is tested</h2>
 * For every σ with E σ(z)² &lt; ∞ the kernel κ(w, v) = E_x σ(w·x)σ(v·x) is a covariance, so
 * <ol>
 *   <li>κ(w, w) = E σ(w·x)² ≥ 0 for every w, and</li>
 *   <li>for any points w_1, …, w_m the Gram matrix G_ij = κ(w_i, w_j) is positive semi-definite
 *       (cᵀGc = E (Σ c_i σ(w_i·x))² ≥ 0),</li>
 * </ol>
 * and F ≥ 0 for every teacher and student follows from 2. A formula violating either is not a kernel of this form, and
 * gives negative losses (for example {@code -(ww+vv)}: κ(w, w) = −2‖w‖²). This class tests both on the compiled
 * evaluator — the code the objective will run, whichever way it was obtained (shipped, cached or derived):
 * <ol>
 *   <li>κ(w, w) = D(‖w‖) at ‖w‖ ∈ {0.05, 0.3, 1, 2.5, 6};</li>
 *   <li>Gram matrices of {@value #POINTS} points in dimensions d = 1, 2, 3 and 5 (two matrices each), from a fixed seed:
 *       directions uniform on the sphere (in d = 1 only ±1, so every pair is parallel or antiparallel and the
 *       θ ∈ {0, π} branches are used), norms log-uniform in [0.1, 4].</li>
 * </ol>
 * Every value must be finite. κ(w, w) may fall below 0, and the smallest eigenvalue of a Gram matrix (Hipparchus'
 * symmetric eigen-decomposition) below 0, only by rounding: by at most {@value #TOLERANCE} times the largest
 * magnitude seen (the eigen-solver's own error is about m·2⁻⁵²·‖G‖, the kernels' about 10⁻¹⁵ relative).
 *
 * <p>These are necessary conditions tested at finitely many points, not a proof: a formula that is negative only
 * elsewhere, or positive semi-definite only in low dimensions, can pass. They do catch sign errors and formulas that
 * are not covariances at all, and they never reject a true kernel (every true kernel passes both exactly, up to the
 * rounding allowed). The built-in ReLU, erf and linear kernels and, for example, {@code ww*vv+2*wv^2} (σ(z) = z²)
 * pass. The check costs about a millisecond and runs every time a kernel is loaded.
 */
public final class KernelCheck {
    /** Points per Gram matrix. */
    public static final int POINTS = 12;
    /** Allowed negative part, relative to the largest magnitude seen. */
    public static final double TOLERANCE = 1e-9;
    private static final int[] DIMENSIONS = {1, 2, 3, 5};
    private static final int MATRICES_PER_DIMENSION = 2;
    private static final double[] SELF_NORMS = {0.05, 0.3, 1.0, 2.5, 6.0};
    private static final long SEED = 0x6b65726e656cL; // fixed: the check is reproducible

    private KernelCheck() {
    }

    /**
     * @throws InvalidFormulaException naming the kernel, its formula and the violated condition with the point or
     *                                 matrix that shows it
     */
    public static void requireValid(Kernel spec, PairKernel k) {
        String reason = violation(k);
        if (reason != null) {
            throw new InvalidFormulaException(spec.formula(), "kernel '" + spec.name() + "' (formula '"
                    + spec.formula() + "') " + reason);
        }
    }

    /** Why {@code k} cannot be a kernel E σ(w·x)σ(v·x), or null if the tests pass. */
    public static String violation(PairKernel k) {
        double[] self = new double[PairKernel.SELF_SIZE];
        double scale = Double.MIN_NORMAL;
        double worstSelf = 0;
        double worstNorm = 0;
        for (double r : SELF_NORMS) {
            k.self(r, self);
            if (!Double.isFinite(self[0])) {
                return "is not finite at w = v, ‖w‖ = " + r + ": κ(w, w) = " + self[0];
            }
            scale = Math.max(scale, Math.abs(self[0]));
            if (self[0] < worstSelf) {
                worstSelf = self[0];
                worstNorm = r;
            }
        }
        if (worstSelf < -TOLERANCE * scale) {
            return "is not positive semi-definite: κ(w, w) = " + worstSelf + " < 0 at ‖w‖ = " + worstNorm
                    + " (a kernel E σ(w·x)σ(v·x) has κ(w, w) = E σ(w·x)² ≥ 0)";
        }
        Random rnd = new Random(SEED);
        for (int d : DIMENSIONS) {
            for (int t = 0; t < MATRICES_PER_DIMENSION; t++) {
                String reason = gram(k, d, rnd);
                if (reason != null) {
                    return reason;
                }
            }
        }
        return null;
    }

    private static String gram(PairKernel k, int d, Random rnd) {
        int m = POINTS;
        double[][] w = new double[m][d];
        double[] norm = new double[m];
        for (int i = 0; i < m; i++) {
            double len = 0;
            for (int c = 0; c < d; c++) {
                w[i][c] = rnd.nextGaussian();
                len += w[i][c] * w[i][c];
            }
            len = Math.sqrt(len);
            norm[i] = Math.exp(Math.log(0.1) + rnd.nextDouble() * Math.log(40.0));
            for (int c = 0; c < d; c++) {
                w[i][c] *= norm[i] / len;
            }
        }
        double[][] g = new double[m][m];
        double[] self = new double[PairKernel.SELF_SIZE];
        for (int i = 0; i < m; i++) {
            k.self(norm[i], self);
            g[i][i] = self[0];
            for (int j = i + 1; j < m; j++) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += w[i][c] * w[j][c];
                }
                double cos = Math.max(-1.0, Math.min(1.0, dot / (norm[i] * norm[j])));
                double sin = d == 1 ? 0.0 : Math.sqrt(Math.max(0.0, 1.0 - cos * cos));
                if (d == 1) {
                    cos = Math.signum(cos);
                }
                double th = Math.atan2(sin, cos);
                double v = k.value(norm[i], norm[j], cos, sin, th);
                if (!Double.isFinite(v)) {
                    return "is not finite at ‖w‖ = " + norm[i] + ", ‖v‖ = " + norm[j] + ", θ = " + th + ": κ(w, v) = "
                            + v;
                }
                g[i][j] = v;
                g[j][i] = v;
            }
        }
        double[] eig = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(g, false),
                EigenDecompositionSymmetric.DEFAULT_EPSILON, false).getEigenvalues();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double e : eig) {
            min = Math.min(min, e);
            max = Math.max(max, Math.abs(e));
        }
        if (min < -TOLERANCE * max) {
            return "is not positive semi-definite: the Gram matrix [κ(w_i, w_j)] of " + m + " seeded random points w_i "
                    + "in R^" + d + " has the eigenvalue " + min + " < 0 (largest magnitude " + max + "); for a kernel "
                    + "E σ(w·x)σ(v·x) every such matrix is positive semi-definite";
        }
        return null;
    }
}
