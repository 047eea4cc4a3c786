package io.landscape.impl.certify;

import io.landscape.impl.linalg.SymmetricEigen;

/**
 * The extra spectrum of paper 002 Lemma 3 (Corollary 1): padding every student and teacher neuron with m zero
 * coordinates adds the eigenvalues of the n×n matrix M, each with multiplicity m, to the spectrum of ∇²F:
 * <pre>
 *   M_ii = c (½a_i² + Σ_{l≠i} a_i a_l sin θ(w_i,w_l)‖w_l‖/(2π‖w_i‖) − Σ_l a_i b_l sin θ(w_i,v_l)‖v_l‖/(2π‖w_i‖)),
 *   M_ij = c a_i a_j (π − θ(w_i,w_j))/(2π).
 * </pre>
 * Why: every block of ∇²F is σ_ij I plus a matrix whose rows and columns lie in span{w_1..w_n, v_1..v_k}
 * ({@link HessianEnclosure}); on the padded coordinates only the σ_ij I parts act, and σ_ij = M_ij. (The paper's
 * statement has a_i = b_l = c = 1.) M is the coefficient matrix c·C of {@link PointEnclosure}. The enclosure of M gives
 * a midpoint matrix and a Frobenius radius; {@link EigenvalueBound} and Weyl's inequality give a rigorous lower bound of
 * λ_min(M).
 */
final class PaddingSpectrum {
    /** Rigorous lower bound of λ_min(M) (−∞ if none). */
    final double lambdaMinLowerBound;
    /** Floating-point eigenvalues of M, ascending (not rigorous; for reports). */
    final double[] eigenvalues;

    private PaddingSpectrum(double lower, double[] eigenvalues) {
        this.lambdaMinLowerBound = lower;
        this.eigenvalues = eigenvalues;
    }

    static PaddingSpectrum of(PointEnclosure e) {
        int n = e.n;
        double[] mid = new double[n * n];
        double radSq = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                Interval c = e.coefC[i * n + j].hull(e.coefC[j * n + i]).mul(e.scale);
                if (!c.isFinite()) {
                    return new PaddingSpectrum(Double.NEGATIVE_INFINITY, new double[0]);
                }
                double cm = c.mid();
                mid[i * n + j] = cm;
                mid[j * n + i] = cm;
                double r = c.rad();
                radSq = Interval.addUp(radSq, Interval.mulUp(i == j ? 1.0 : 2.0, Interval.mulUp(r, r)));
            }
        }
        double eta = Interval.sqrtUp(radSq);
        EigenvalueBound.Result res = EigenvalueBound.lowerBound(mid, n);
        double lower = Interval.subDown(res.lowerBound(), eta);
        return new PaddingSpectrum(Double.isNaN(lower) ? Double.NEGATIVE_INFINITY : lower,
                SymmetricEigen.eigenvalues(mid, n));
    }
}
