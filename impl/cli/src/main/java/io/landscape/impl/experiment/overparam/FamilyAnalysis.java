package io.landscape.impl.experiment.overparam;

import io.landscape.api.Objective;
import io.landscape.api.Points;
import io.landscape.api.Problem;
import io.landscape.impl.certify.Certificate;
import io.landscape.impl.certify.Options;
import io.landscape.impl.certify.SymmetricCertifier;
import io.landscape.impl.linalg.SymmetricEigen;
import io.landscape.impl.experiment.spurious.Families;
import io.landscape.impl.experiment.spurious.Symmetry;

/**
 * What the census reports for one family (paper 000 §4.2): at the canonical representative, F, ‖∇F‖, λ_min(∇²F)
 * (floating point), the norm sum Σ‖w_i‖, for every neuron λ_min(H'_ii) with H'_ii = H_ii − ½I (the d×d diagonal
 * block of ∇²F minus ½I; Thm 9: a negative value makes every split of that neuron a saddle) and the spherical-mean
 * curvature of Eq. (68), λ_i = (Σ_{j≠i} sin θ_ij ‖w_j‖ − Σ_l sin θ(w_i, v_l)) / (2π‖w_i‖) (its sign is the test of
 * Eq. (72)), and the rigorous certificate (paper 002 Lemmas 1–2: a spurious local minimum lies within {@code radius}).
 *
 * @param id                   1-based family id within the cell (order of discovery)
 * @param point                canonical representative ({@link Symmetry#canonical}), one neuron per row
 * @param multiplicity         Xavier runs that ended in this family
 * @param normSumMultiplicity  norm-sum-start runs that ended in this family
 * @param blockLambdaMin       λ_min(H'_ii) per neuron
 * @param eq68                 Eq. (68) λ per neuron
 */
public record FamilyAnalysis(int id, double[][] point, int multiplicity, int normSumMultiplicity, double objective,
                             double gradientNorm, double lambdaMin, double normSum, double[] blockLambdaMin,
                             double[] eq68, Certificate certificate) {

    /** Some H'_ii has a negative eigenvalue (the §4.2 check; Thm 9 then makes that neuron's split a saddle). */
    public boolean someBlockIndefinite() {
        for (double b : blockLambdaMin) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    public boolean certified() {
        return certificate != null && certificate.certified();
    }

    /** Analyses founder {@code e} of cell k with the given multiplicities; {@code certify}: run the certifier. */
    static FamilyAnalysis of(int k, FamilyBook.Entry e, int multiplicity, int normSumMultiplicity, boolean certify) {
        double[][] w = Symmetry.canonical(e.point());
        double[] x = Points.flatten(w);
        int m = k * k;
        Objective f = Census.objective(k);
        double[] g = new double[m];
        f.valueAndGradient(x, g);
        double value = f.value(x);
        double gn = 0;
        for (double v : g) {
            gn += v * v;
        }
        double[] h = f.hessian().evaluate(x);
        double lmin = Families.lambdaMin(h, m);
        double[] blocks = new double[k];
        double[] blk = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    blk[a * k + b] = h[(i * k + a) * m + i * k + b] - (a == b ? 0.5 : 0.0);
                }
            }
            blocks[i] = SymmetricEigen.eigenvalues(blk, k)[0];
        }
        h = null;
        // the symmetry-reduced certificate (milliseconds where the dense one takes seconds); dense without symmetry
        Certificate c = certify ? SymmetricCertifier.certify(Problem.identityTeacher(k, k, k), x, Options.defaults())
                : null;
        return new FamilyAnalysis(e.id(), w, multiplicity, normSumMultiplicity, value, Math.sqrt(gn), lmin,
                Census.normSum(x, k), blocks, eq68(w), c);
    }

    /** Eq. (68) for every neuron of w (teacher v_l = e_l). */
    static double[] eq68(double[][] w) {
        int n = w.length;
        int d = w[0].length;
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (double v : w[i]) {
                s += v * v;
            }
            norms[i] = Math.sqrt(s);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    s += sin(w[i], norms[i], w[j], norms[j]) * norms[j];
                }
            }
            for (int l = 0; l < d; l++) {
                double c = Math.max(-1.0, Math.min(1.0, w[i][l] / norms[i]));
                s -= Math.sqrt((1 - c) * (1 + c));
            }
            out[i] = s / (2 * Math.PI * norms[i]);
        }
        return out;
    }

    /** sin of the angle between a and b (from the cross-term identity ‖a‖²‖b‖² sin² = Σ (a_p b_q − a_q b_p)²/2). */
    private static double sin(double[] a, double na, double[] b, double nb) {
        double dot = 0;
        for (int q = 0; q < a.length; q++) {
            dot += a[q] * b[q];
        }
        double c = Math.max(-1.0, Math.min(1.0, dot / (na * nb)));
        if (Math.abs(c) < 0.9) {
            return Math.sqrt((1 - c) * (1 + c));
        }
        // near-parallel: ‖a/‖a‖ ∓ b/‖b‖‖ gives the angle accurately
        double s = 0;
        double sign = c > 0 ? 1 : -1;
        for (int q = 0; q < a.length; q++) {
            double e = a[q] / na - sign * b[q] / nb;
            s += e * e;
        }
        double half = Math.sqrt(s) / 2; // = sin(φ/2) with φ the angle to ±b
        return 2 * half * Math.sqrt(Math.max(0, 1 - half * half));
    }
}
