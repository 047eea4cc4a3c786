package io.landscape.impl.objective;

import io.landscape.api.NotDifferentiableException;
import io.landscape.api.function.DifferentiableFunction;

/**
 * The population loss of n ReLU students learning one ReLU teacher v under x ~ N(0, I_d) (paper 003, Eq. 3),
 * L(w) = E ½(Σ_i [w_iᵀx]₊ − [vᵀx]₊)², in a form that stays accurate where L is tiny (10⁻¹² and far below).
 *
 * <p>Value (paper 003 Eq. 23, ψ(θ) = sin θ − θ cos θ):
 * <pre>
 *   L = ¼‖Σ_i w_i − v‖² + (1/2π) [ Σ_{i&lt;j} ψ(θ_ij)‖w_i‖‖w_j‖ − Σ_i ψ(θ_i)‖w_i‖‖v‖ ]
 * </pre>
 * The textbook form ½Σ_{ij}f(w_i,w_j) − Σ_i f(w_i,v) + ½f(v,v) adds O(‖v‖²) terms and so loses every digit once
 * L ≲ 10⁻¹⁶‖v‖²; this form instead has only terms of the size of L. Three further details keep it accurate:
 * <ul>
 *   <li>angles from unit vectors by Kahan's θ = 2·atan2(‖â − b̂‖, ‖â + b̂‖), accurate to a relative ulp-level error even
 *       for θ ~ 10⁻⁸ (arccos of a dot product would lose half the digits);</li>
 *   <li>ψ(θ) and θ − sin θ by their Taylor series below θ = 1 (ψ = θ³/3 − θ⁵/30 + θ⁷/840 − …), since both differences
 *       cancel to O(θ³);</li>
 *   <li>the residual r = Σ_i w_i − v summed with error-free transformations (TwoSum), so r is correct to a few ulps of
 *       its own size even when ‖r‖ ≪ ‖v‖.</li>
 * </ul>
 * The two bracketed sums can still partly cancel each other (both are O(θ³)); that cancellation is bounded,
 * independent of the scale of θ, and measured in the tests (relative error of L against 50-digit evaluation
 * stays ≲ 10⁻¹⁰ at L ~ 10⁻¹²…10⁻¹⁸ along gradient-descent trajectories).
 *
 * <p>Gradient (paper 003 Eq. 4), rearranged so that no O(θ) terms cancel to an O(θ²) result (τ(θ) = θ − sin θ,
 * u_i = w_i/‖w_i‖, v̂ = v/‖v‖):
 * <pre>
 *   ∇_i = ½ r + (1/2π) [ Σ_{j≠i} ‖w_j‖ (θ_ij (u_i − u_j) − τ(θ_ij) u_i) − ‖v‖ (θ_i (u_i − v̂) − τ(θ_i) u_i) ]
 * </pre>
 * Flat layout: neuron i at {@code x[i*d .. i*d+d)}. The value is defined everywhere (a zero neuron contributes no
 * angle terms); the gradient throws {@link NotDifferentiableException} at a zero neuron.
 *
 * <p>Not thread-safe (owns scratch space); allocation-free after construction.
 */
public final class SingleTeacherLoss implements DifferentiableFunction {
    private static final double INV_2PI = 1.0 / (2.0 * Math.PI);
    /** Below this angle ψ and θ − sin θ are evaluated by their series. */
    static final double SERIES_BELOW = 1.0;
    static final double[] PSI_SERIES = new double[10];   // ψ(θ)/θ³ in powers of θ²
    static final double[] TAU_SERIES = new double[10];   // (θ − sin θ)/θ³ in powers of θ²

    static {
        // ψ = Σ_{k≥1} (−1)^{k+1} 2k θ^{2k+1}/(2k+1)!,  θ − sin θ = Σ_{k≥1} (−1)^{k+1} θ^{2k+1}/(2k+1)!
        double factorial = 6.0; // 3!
        for (int k = 1; k <= PSI_SERIES.length; k++) {
            if (k > 1) {
                factorial *= (2 * k) * (2 * k + 1);
            }
            double sign = (k % 2 == 1) ? 1.0 : -1.0;
            PSI_SERIES[k - 1] = sign * 2 * k / factorial;
            TAU_SERIES[k - 1] = sign / factorial;
        }
    }

    private final int n;
    private final int d;
    private final double[] v;
    private final double[] vUnit;
    private final double vNorm;

    // scratch
    private final double[] norms;     // n
    private final double[] units;     // n*d
    private final double[] residual;  // d
    private final double[] thetaV;    // n
    private final double[] thetaW;    // n*n (i<j used, mirrored)

    /**
     * @param teacher  the teacher neuron v (any non-zero vector; copied)
     * @param students the number n ≥ 1 of student neurons
     */
    public SingleTeacherLoss(double[] teacher, int students) {
        if (teacher == null || teacher.length < 1) {
            throw new IllegalArgumentException("teacher: need a vector of dimension ≥ 1");
        }
        if (students < 1) {
            throw new IllegalArgumentException("students: need n ≥ 1, got " + students);
        }
        this.n = students;
        this.d = teacher.length;
        this.v = teacher.clone();
        double s = 0;
        for (double c : v) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("teacher: component is not finite: " + c);
            }
            s += c * c;
        }
        this.vNorm = Math.sqrt(s);
        if (vNorm == 0) {
            throw new IllegalArgumentException("teacher: the zero vector is not allowed");
        }
        this.vUnit = new double[d];
        for (int k = 0; k < d; k++) {
            vUnit[k] = v[k] / vNorm;
        }
        this.norms = new double[n];
        this.units = new double[n * d];
        this.residual = new double[d];
        this.thetaV = new double[n];
        this.thetaW = new double[n * n];
    }

    public int students() {
        return n;
    }

    public int inputDimension() {
        return d;
    }

    @Override
    public int dimension() {
        return n * d;
    }

    /** A copy of the teacher v. */
    public double[] teacher() {
        return v.clone();
    }

    public double teacherNorm() {
        return vNorm;
    }

    @Override
    public double value(double[] x) {
        checkLength(x);
        prepare(x);
        return assembleValue();
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradientOut) {
        checkLength(x);
        if (gradientOut == null || gradientOut.length != n * d) {
            throw new IllegalArgumentException("gradientOut: dimensions mismatch: "
                    + (gradientOut == null ? "null" : gradientOut.length) + " != " + n * d);
        }
        if (gradientOut == x) {
            throw new IllegalArgumentException("gradientOut must not be the point x");
        }
        prepare(x);
        for (int i = 0; i < n; i++) {
            if (norms[i] == 0) {
                throw new NotDifferentiableException(i, "the loss is not differentiable where student neuron " + i
                        + " is zero");
            }
        }
        double value = assembleValue();
        for (int i = 0; i < n; i++) {
            int oi = i * d;
            // ∇_i = ½r + (1/2π)[ Σ_{j≠i} ‖w_j‖θ_ij(u_i − u_j) − Σ_{j≠i}‖w_j‖τ_ij u_i − ‖v‖θ_i(u_i − v̂) + ‖v‖τ_i u_i ]
            double tauCoef = vNorm * tau(thetaV[i]);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    tauCoef -= norms[j] * tau(thetaW[i * n + j]);
                }
            }
            double tv = vNorm * thetaV[i];
            for (int k = 0; k < d; k++) {
                double ui = units[oi + k];
                double acc = tauCoef * ui - tv * (ui - vUnit[k]);
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        acc += norms[j] * thetaW[i * n + j] * (ui - units[j * d + k]);
                    }
                }
                gradientOut[oi + k] = 0.5 * residual[k] + INV_2PI * acc;
            }
        }
        return value;
    }

    /**
     * The potential of paper 003 (Thm 14): Z = Σ_{i&lt;j} ‖z_i − z_j‖ with z_i = w_i − ⟨w_i, v̂⟩v̂ the part of w_i
     * orthogonal to v. Allocation-free.
     */
    public double potential(double[] x) {
        checkLength(x);
        double z = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double along = 0;
                for (int k = 0; k < d; k++) {
                    along += (x[i * d + k] - x[j * d + k]) * vUnit[k];
                }
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double c = (x[i * d + k] - x[j * d + k]) - along * vUnit[k];
                    s += c * c;
                }
                z += Math.sqrt(s);
            }
        }
        return z;
    }

    /** ψ(θ) = sin θ − θ cos θ, by its Taylor series below θ = 1 (relative accuracy ~1 ulp for small θ). */
    public static double psi(double theta) {
        if (Math.abs(theta) < SERIES_BELOW) {
            return theta * theta * theta * series(PSI_SERIES, theta * theta);
        }
        return Math.sin(theta) - theta * Math.cos(theta);
    }

    /** τ(θ) = θ − sin θ, by its Taylor series below θ = 1. */
    public static double tau(double theta) {
        if (Math.abs(theta) < SERIES_BELOW) {
            return theta * theta * theta * series(TAU_SERIES, theta * theta);
        }
        return theta - Math.sin(theta);
    }

    /**
     * The angle in [0, π] between unit vectors a[aOff..aOff+d) and b[bOff..bOff+d), by Kahan's
     * 2·atan2(‖a − b‖, ‖a + b‖): accurate for tiny angles and near π.
     */
    public static double angleOfUnits(double[] a, int aOff, double[] b, int bOff, int d) {
        double minus = 0;
        double plus = 0;
        for (int k = 0; k < d; k++) {
            double p = a[aOff + k];
            double q = b[bOff + k];
            minus += (p - q) * (p - q);
            plus += (p + q) * (p + q);
        }
        return 2.0 * Math.atan2(Math.sqrt(minus), Math.sqrt(plus));
    }

    private static double series(double[] c, double t2) {
        double s = c[c.length - 1];
        for (int k = c.length - 2; k >= 0; k--) {
            s = s * t2 + c[k];
        }
        return s;
    }

    private void checkLength(double[] x) {
        if (x == null || x.length != n * d) {
            throw new IllegalArgumentException("point: dimensions mismatch: " + (x == null ? "null" : x.length)
                    + " != " + n * d + " (n = " + n + ", d = " + d + ")");
        }
    }

    /** Norms, unit vectors, angles and the compensated residual r = Σ_i w_i − v. */
    private void prepare(double[] x) {
        for (int i = 0; i < n; i++) {
            int oi = i * d;
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += x[oi + k] * x[oi + k];
            }
            double norm = Math.sqrt(s);
            norms[i] = norm;
            if (norm > 0) {
                for (int k = 0; k < d; k++) {
                    units[oi + k] = x[oi + k] / norm;
                }
                thetaV[i] = angleOfUnits(units, oi, vUnit, 0, d);
            } else {
                for (int k = 0; k < d; k++) {
                    units[oi + k] = 0;
                }
                thetaV[i] = 0;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double t = (norms[i] > 0 && norms[j] > 0) ? angleOfUnits(units, i * d, units, j * d, d) : 0;
                thetaW[i * n + j] = t;
                thetaW[j * n + i] = t;
            }
        }
        for (int k = 0; k < d; k++) {
            // TwoSum-compensated Σ_i x_ik − v_k
            double sum = -v[k];
            double comp = 0;
            for (int i = 0; i < n; i++) {
                double a = x[i * d + k];
                double t = sum + a;
                double bp = t - sum;
                comp += (sum - (t - bp)) + (a - bp);
                sum = t;
            }
            residual[k] = sum + comp;
        }
    }

    private double assembleValue() {
        double rr = 0;
        for (int k = 0; k < d; k++) {
            rr += residual[k] * residual[k];
        }
        double pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs += psi(thetaW[i * n + j]) * norms[i] * norms[j];
            }
        }
        double teacherTerms = 0;
        for (int i = 0; i < n; i++) {
            teacherTerms += psi(thetaV[i]) * norms[i];
        }
        return 0.25 * rr + INV_2PI * (pairs - teacherTerms * vNorm);
    }
}
