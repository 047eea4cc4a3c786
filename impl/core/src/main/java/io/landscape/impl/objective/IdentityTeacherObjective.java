package io.landscape.impl.objective;

import io.landscape.impl.linalg.FastAngle;
import io.landscape.impl.linalg.SmallMatrices;

import io.landscape.api.Objective;
import io.landscape.api.Problem;

/**
 * F and ∇F for the experiment's special case — ReLU, teacher v_l = e_l in R^k (d = k), all output weights 1, ½
 * normalisation — written out directly (paper 002 Eqs. 6–8):
 * <pre>
 *   ∇_i F = [½ + (Σ_{j≠i} ‖w_j‖ sin θ_ij − Σ_l sin θ_il) / (2π‖w_i‖)] w_i + Σ_{j≠i} (π − θ_ij)/(2π) w_j
 *           − Σ_l (π − θ_il)/(2π) e_l
 * </pre>
 * Student–teacher angles need no dot product (cos θ_il = w_il/‖w_i‖), arc functions are inlined ({@link FastAngle}),
 * and near-parallel pairs (|cos θ| &gt; 0.9) take θ from the exact orthogonal part (teacher pairs: Σ_{q≠l} w_iq²;
 * student pairs: the chord ‖w̄_i ∓ w̄_j‖ of the general {@link PairGeometry}) so θ stays accurate to a few ulps
 * down to θ → 0. About 3× cheaper per step than the general {@link io.landscape.impl.objective.PairwiseObjective},
 * to which {@link #value} and {@link #hessian} delegate and against which {@code SpuriousIdentityObjectiveTest} checks
 * the gradient. Safe to share between threads (see {@link IdentityTeacherBase}). Chosen by {@link Evaluators#select}
 * for identity-teacher problems with fewer than {@link EvaluatorParameters#simdMinStudents()} students or without
 * SIMD.
 */
public final class IdentityTeacherObjective extends IdentityTeacherBase {
    private final double[] r;
    private final double[] invR;
    private final double[] diag;
    private final double[] coefC;
    private final double[] gram;
    private final double[] coefE;
    private final PairGeometry geo = new PairGeometry();

    IdentityTeacherObjective(Objective general, int k, int n, boolean plainValue) {
        super(general, k, n, plainValue);
        this.r = new double[n];
        this.invR = new double[n];
        this.diag = new double[n];
        this.coefC = new double[n * n];
        this.gram = new double[n * n];
        this.coefE = new double[n * k];
    }

    @Override
    IdentityTeacherBase copy() {
        return new IdentityTeacherObjective(general, k, n, plainValue);
    }

    /**
     * The scalar identity-teacher objective for k teachers in R^k and n students, returning its own plainly summed F
     * from {@link #valueAndGradient} (as the spurious-minima search does). Research code asks {@link Evaluators#select}
     * (or {@code Landscape.objective}), which picks the fastest evaluator.
     */
    public static IdentityTeacherObjective create(int k, int n) {
        return new IdentityTeacherObjective(Evaluators.general(Problem.identityTeacher(k, k, n)), k, n, true);
    }

    /** g = (C + diag) X + E (see {@link SmallMatrices#addProduct}). */
    private void assemble(double[] x, double[] g) {
        System.arraycopy(coefE, 0, g, 0, n * k);
        SmallMatrices.addProduct(coefC, n, n, x, k, g);
    }

    @Override
    double compute(double[] x, double[] g, boolean withValue) {
        final int n = this.n;
        final int k = this.k;
        SmallMatrices.upperGram(x, n, k, gram);
        double f = 0;
        for (int i = 0; i < n; i++) {
            double s = gram[i * n + i]; // the squared norm, from the Gram matrix's diagonal
            if (s < PairwiseObjective.SQUARED_NORM_MIN) {
                tinyNeuron(x, i, s); // throws for a zero neuron
                outOfRange = true;
                return Double.NaN;
            }
            r[i] = Math.sqrt(s);
            invR[i] = 1.0 / r[i];
            f += 0.25 * s;
            diag[i] = 0.5;
        }
        // student pairs
        for (int i = 0; i < n; i++) {
            int io = i * k;
            double ri = r[i];
            double invI = invR[i];
            double di = 0;
            for (int j = i + 1; j < n; j++) {
                int jo = j * k;
                double rj = r[j];
                double invJ = invR[j];
                double p = gram[i * n + j];
                double c = p * invI * invJ;
                double th;
                double sn;
                if (c > 0.9 || c < -0.9) {
                    // near-parallel: the general objective's chord formula (rare; the common case stays in registers)
                    geo.angleInv(x, io, invI, x, jo, invJ, p, k);
                    th = geo.th;
                    sn = geo.s;
                } else {
                    sn = Math.sqrt((1.0 - c) * (1.0 + c));
                    th = FastAngle.acosWithSine(c, sn);
                }
                double pt = (Math.PI - th) * INV_2PI;
                double sn2 = sn * INV_2PI;
                if (withValue) {
                    f += ri * rj * sn2 + pt * p;
                }
                di += rj * sn2 * invI;
                diag[j] += ri * sn2 * invJ;
                coefC[i * n + j] = pt;
                coefC[j * n + i] = pt;
            }
            diag[i] += di;
        }
        // student–teacher pairs, v_l = e_l
        for (int i = 0; i < n; i++) {
            int io = i * k;
            double ri = r[i];
            double inv = invR[i];
            double sumSin = 0;
            for (int l = 0; l < k; l++) {
                double xl = x[io + l];
                double c = xl * inv;
                double th;
                double sn;
                if (c > 0.9 || c < -0.9) {
                    geo.axisAngle(x, io, l, k, inv, c);
                    th = geo.th;
                    sn = geo.s;
                } else {
                    sn = Math.sqrt((1.0 - c) * (1.0 + c));
                    th = FastAngle.acosWithSine(c, sn);
                }
                double pt = (Math.PI - th) * INV_2PI;
                if (withValue) {
                    f -= ri * sn * INV_2PI + pt * xl;
                }
                sumSin += sn;
                coefE[io + l] = -pt;
            }
            diag[i] -= sumSin * INV_2PI * inv;
        }
        // assemble ∇_i = diag_i w_i + Σ_{j≠i} C_ij w_j + E_i, i.e. G = (C + diag) X + E
        for (int i = 0; i < n; i++) {
            coefC[i * n + i] = diag[i];
        }
        assemble(x, g);
        return f;
    }
}
