package io.landscape.impl.certify;

/**
 * A rigorous bound B ≥ |d³/dt³ F(w + t u)| for every unit direction u (‖u‖ = 1) and every w + t u in the ball of
 * radius ρ_B around w — the constant B of paper 002 Lemma 1 (whose appendix A.2 with the original bound is not
 * available; this is our own derivation).
 *
 * <h2>Derivation</h2>
 * Write κ(w, z) = ½ wᵀz + φ(w, z) with φ(w, z) = (1/(2π))‖w‖‖z‖ψ(θ), ψ(θ) = sin θ − θ cos θ. The bilinear part and the
 * self terms ¼a_i²‖w_i‖² are quadratic, so only φ contributes third derivatives:
 * <pre>
 *   d³/dt³ F = c [ Σ_{i&lt;j} a_i a_j D³φ(w_i, w_j)[(u_i, u_j)]³ − Σ_{i,l} a_i b_l D³_w φ(w_i, v_l)[u_i]³ ].
 * </pre>
 * The w-Hessian of φ is h1(w, z) = (‖z‖ sin θ/(2π‖w‖)) X, X = I − w̄w̄ᵀ + n̄n̄ᵀ, with n̄ the unit vector of
 * P_{w̄⊥} z; so pᵀX p ∈ [0, 2|p|²]. Differentiating pᵀh1 p along w in direction p (z fixed) and using
 * |d(1/‖w‖)| ≤ |p|/‖w‖², |dθ| ≤ |dw̄| ≤ |p|/‖w‖, and |dn̄| ≤ |dw̄|/sin θ (from d(P_{w̄⊥}z) = −dw̄(w̄·z) − w̄(dw̄·z),
 * two orthogonal parts of total length ≤ |dw̄|‖z‖, divided by |P_{w̄⊥}z| = ‖z‖ sin θ), each of the three product-rule
 * terms is at most 2|p|³/‖w‖², 2|p|³/‖w‖² and 2|p|³/‖w‖² + 2|p|³/‖w‖² (the 1/sin θ cancels against sin θ):
 * <pre>   |D³_w φ(w, z)[p]³| ≤ 8 ‖z‖ |p|³ / (2π‖w‖²).</pre>
 * Differentiating pᵀh1(w, z)p along z in direction q instead (|d‖z‖| ≤ |q|, |dθ| ≤ |q|/‖z‖, |dn̄| ≤ |q|/(‖z‖ sin θ)):
 * <pre>   |D_w² D_z φ(w, z)[p, p, q]| ≤ 6 |p|² |q| / (2π‖w‖),</pre>
 * and symmetrically for [p, q, q] with ‖z‖. Hence, with t_i = ‖u_i‖ (Σ t_i² = 1), ‖w_i‖ ∈ [R_i⁻, R_i⁺] on the ball,
 * <pre>
 *   |d³F/dt³| ≤ (c/2π) [ Σ_i t_i³ (8|a_i|/R_i⁻²)(Σ_{j≠i} |a_j| R_j⁺ + Σ_l |b_l| ‖v_l‖) + Σ_{i≠j} 18 |a_i a_j| t_i² t_j / R_i⁻ ].
 * </pre>
 * Using Σ t_i³ ≤ Σ t_i² = 1 and, by Cauchy–Schwarz, Σ_i t_i² Σ_{j≠i} c_ij t_j ≤ max_i ‖(c_ij)_j‖₂:
 * <pre>
 *   B = (c/2π) [ max_i (8|a_i|/R_i⁻²)(Σ_{j≠i}|a_j|R_j⁺ + Σ_l|b_l|‖v_l‖) + max_i (18|a_i|/R_i⁻) √(Σ_{j≠i} a_j²) ].
 * </pre>
 * The product-rule steps need sin θ &gt; 0; where a segment crosses θ ∈ {0, π} the Hessian is still continuous
 * (h1 → 0 with sin θ, h2 stays bounded and continuous) and piecewise C¹ with the same derivative bound, so B is a
 * Lipschitz constant of t ↦ uᵀ∇²F(w + tu)u, which is all the Taylor bound of Lemma 1 needs
 * (F(w+tu) ≥ F(w) + t∇Fᵀu + ½t²uᵀ∇²F(w)u − Bt³/6). Only ‖w_i‖ &gt; 0 on the ball is required
 * (R_i⁻ = ‖w_i‖ − ρ_B &gt; 0). Checked against finite differences of the Hessian in {@code ThirdOrderBoundTest}.
 */
final class ThirdOrderBound {
    private ThirdOrderBound() {
    }

    /** B on the ball of radius {@code ballRadius} around the point of {@code e}; +∞ if the ball reaches a zero neuron. */
    static double of(PointEnclosure e, double ballRadius) {
        int n = e.n;
        double[] rLo = new double[n];
        double[] rHi = new double[n];
        for (int i = 0; i < n; i++) {
            rLo[i] = Interval.subDown(e.r[i].lo(), ballRadius);
            rHi[i] = Interval.addUp(e.r[i].hi(), ballRadius);
            if (!(rLo[i] > 0)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double teacher = 0.0;
        for (int l = 0; l < e.k; l++) {
            teacher = Interval.addUp(teacher, Interval.mulUp(Math.abs(e.b[l]), e.rho[l].hi()));
        }
        double sumAR = 0.0;
        double sumA2 = 0.0;
        for (int j = 0; j < n; j++) {
            sumAR = Interval.addUp(sumAR, Interval.mulUp(Math.abs(e.a[j]), rHi[j]));
            sumA2 = Interval.addUp(sumA2, Interval.mulUp(e.a[j], e.a[j]));
        }
        double pure = 0.0;
        double mixed = 0.0;
        for (int i = 0; i < n; i++) {
            double ai = Math.abs(e.a[i]);
            // Σ_{j≠i} |a_j| R_j⁺ ≤ Σ_j |a_j| R_j⁺ (dropping the subtraction keeps it an upper bound)
            double partners = Interval.addUp(sumAR, teacher);
            double p = Interval.mulUp(Interval.divUp(Interval.mulUp(8.0, ai), Interval.mulDown(rLo[i], rLo[i])), partners);
            pure = Math.max(pure, p);
            double q = Interval.mulUp(Interval.divUp(Interval.mulUp(18.0, ai), rLo[i]), Interval.sqrtUp(sumA2));
            mixed = Math.max(mixed, q);
        }
        return Interval.mulUp(Interval.mulUp(Interval.addUp(pure, mixed), Interval.INV_2PI.hi()), e.scale);
    }
}
