package io.landscape.impl.experiment.overparam;

import io.landscape.api.Objective;
import io.landscape.api.Points;
import io.landscape.api.Problem;
import io.landscape.impl.certify.Certificate;
import io.landscape.impl.certify.Options;
import io.landscape.impl.certify.SymmetricCertifier;
import io.landscape.impl.experiment.spurious.Families;
import io.landscape.impl.experiment.spurious.Symmetry;
import io.landscape.impl.optim.NewtonCgFinish;
import io.landscape.impl.overparam.ReluLandscape;

/**
 * What the census reports for one family (paper 000 §4.2): at the canonical representative, F, ‖∇F‖, λ_min(∇²F)
 * (floating point), the norm sum Σ‖w_i‖, for every neuron λ_min(H'_ii) with H'_ii = H_ii − ½I (the d×d diagonal
 * block of ∇²F minus ½I; Thm 9: a negative value makes every split of that neuron a saddle) and the spherical-mean
 * curvature of Eq. (68), λ_i = (Σ_{j≠i} sin θ_ij ‖w_j‖ − Σ_l sin θ(w_i, v_l)) / (2π‖w_i‖) (its sign is the test of
 * Eq. (72)), and the rigorous certificate (paper 002 Lemmas 1–2: a spurious local minimum lies within {@code radius}).
 * λ_min(∇²F) is the dense estimate of the spurious-minima search for k² ≤ 600 and, above, the Lanczos estimate of
 * {@link NewtonCgFinish#extremeRitzValues} on matrix-free Hessian products. The per-neuron quantities come from the
 * core analysis ({@link ReluLandscape#primeBlockLambdaMin},
 * {@link ReluLandscape#sphericalMeanCurvatures}), the one implementation of the paper's formulas.
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
        double lmin;
        if (m <= Census.NEWTON_MAX_DIMENSION) {
            lmin = Families.lambdaMin(f.hessian().evaluate(x), m);
        } else {
            // k ≥ 25: no dense (k²)² Hessian (800 MB at k = 100) — Lanczos on matrix-free products (an estimate, as
            // the dense path's)
            lmin = NewtonCgFinish.extremeRitzValues(f.hessianAt(x))[0];
        }
        // H'_ii and Eq. (68) from the core analysis (the one implementation of the paper's per-neuron quantities)
        ReluLandscape land = ReluLandscape.identityTeacher(k, k, k);
        double[] blocks = land.primeBlockLambdaMin(x);
        // the symmetry-reduced certificate (milliseconds where the dense one takes seconds); dense without symmetry
        Certificate c = certify ? SymmetricCertifier.certify(Problem.identityTeacher(k, k, k), x, Options.defaults())
                : null;
        return new FamilyAnalysis(e.id(), w, multiplicity, normSumMultiplicity, value, Math.sqrt(gn), lmin,
                Census.normSum(x, k), blocks, land.sphericalMeanCurvatures(x), c);
    }

    /** Eq. (68) for every neuron of w (teacher v_l = e_l): {@link ReluLandscape#sphericalMeanCurvatures}. */
    static double[] eq68(double[][] w) {
        return ReluLandscape.identityTeacher(w.length, w[0].length, w.length).sphericalMeanCurvatures(
                Points.flatten(w));
    }
}
