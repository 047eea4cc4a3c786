package io.landscape.impl.optim;

import java.util.SplittableRandom;

import io.landscape.api.NotDifferentiableException;
import io.landscape.api.function.HessianOperator;
import io.landscape.api.function.TwiceDifferentiableFunction;
import io.landscape.impl.objective.NonFiniteObjectiveException;

/**
 * The matrix-free Newton finish of a descent, for problems too large for the dense {@link NewtonFinish} (k = n = 100:
 * a dense Hessian is 800 MB and its factorisation ~10¹² flops): inexact Newton steps by conjugate gradients on
 * Hessian–vector products ({@link TwiceDifferentiableFunction#hessianAt}), then a <b>ball certificate</b> that the
 * gradient descent it replaces, started at the hand-over point x₀, converges to the same minimiser. On rejection the
 * iterate is left as it was, descent continues, and {@link #nextSwitch()} says at which gradient level a retry can
 * succeed.
 *
 * <h2>The certificate (why the run's end point and basin are unchanged)</h2>
 * Let x̂ be the Newton end point, γ = ‖∇F(x̂)‖, δ = ‖x̂ − x₀‖, η the descent's step, and θ_min, θ_max the extreme
 * Ritz values of ∇²F(x̂) from Lanczos with full reorthogonalisation ({@link #lanczos}). The finish is accepted only if,
 * with ρ = δ + 8γ/θ_min and B a bound of the third derivative of F on the ball K = B(x̂, ρ) ({@link Lipschitz}: for
 * every y ∈ K and unit u, |D³F(y)[u, u, u]| ≤ B),
 * <pre>
 *   (i) θ_min &gt; 0,   (ii) B·ρ ≤ θ_min/4,   (iii) η·(1.05·θ_max + B·ρ) &lt; 2,   (iv) δ ≤ radius, ‖∇F(x̂)‖ ≤ tol.
 * </pre>
 * <b>Claim.</b> If λ_min(∇²F(x̂)) ≥ θ_min/2 and λ_max(∇²F(x̂)) ≤ 1.05·θ_max, then F has exactly one critical point x*
 * in K, ‖x* − x̂‖ ≤ 4γ/θ_min, and gradient descent with step η from x₀ stays in K and converges to x*.
 * <b>Proof.</b> By Banach's theorem on symmetric multilinear forms the bound on the cubic form bounds the mixed form
 * |D³F(y)[u, u, v]| ≤ B for unit u, v, so ∇²F is B-Lipschitz on K and by Weyl's inequality every y ∈ K has
 * spectrum in [μ, L] with μ = θ_min/2 − Bρ ≥ θ_min/4 &gt; 0 (ii) and L = 1.05θ_max + Bρ &lt; 2/η (iii). F is μ-strongly
 * convex on K: on ∂K, F(y) ≥ F(x̂) − γρ + ½μρ² &gt; F(x̂) because ρ &gt; 2γ/μ, so the minimum of F over K is interior,
 * a critical point x*, unique by strong monotonicity of ∇F, with μ‖x* − x̂‖² ≤ (∇F(x*) − ∇F(x̂))·(x* − x̂) ≤
 * γ‖x* − x̂‖, i.e. ‖x* − x̂‖ ≤ γ/μ ≤ 4γ/θ_min. Let r₀ = ‖x₀ − x*‖ ≤ δ + 4γ/θ_min; B(x*, r₀) ⊂ B(x̂, δ + 8γ/θ_min) = K.
 * The descent map T(y) = y − η∇F(y) satisfies T(y) − x* = ∫₀¹(I − η∇²F(x* + s(y − x*)))ds·(y − x*), and the
 * segment lies in B(x*, ‖y − x*‖), so ‖T(y) − x*‖ ≤ q‖y − x*‖ with q = max(1 − ημ, ηL − 1) &lt; 1: the iterates of
 * descent from x₀ stay in B(x*, r₀) and converge to x* linearly. ∎
 *
 * <p>So the paper's loop, run on from x₀, would stop (at ‖∇F‖ ≤ tol) within tol/μ of x*, and the finish's end point
 * x̂ is within γ/μ of the same x*: both lie in the basin of the same strict minimum; F, the family (distance ≤ 10⁻⁶
 * up to symmetry) and the global/spurious label are the same. The one floating-point assumption is the spectral one
 * stated in the claim: the Lanczos estimates are off by less than a factor 2 at the bottom and 5 % at the top (the
 * same kind of floating-point spectrum the paper and the census report as λ_min). Everything else — B, the ball, the
 * contraction — is proven; B is the third-order bound of paper 002 Lemma 1 as derived in
 * {@code io.landscape.impl.certify.ThirdOrderBound} (for ReLU networks: {@code ReluLandscape.hessianLipschitz}).
 *
 * <p>(ii) limits the hand-over: δ ≲ θ_min/(4B). When it fails, {@link #nextSwitch()} proposes the gradient level
 * ‖∇F(x₀)‖·ρ_max/(2δ) (descent near a strict minimum shrinks the gradient and the distance alike); the retry is a
 * full new attempt (Newton–CG and Lanczos again), so each run stays a pure function of its own start and settings.
 *
 * <p>Newton steps: conjugate gradients on ∇²F(x)p = ∇F(x) from p = 0, stopped at relative residual
 * min(0.1, √‖∇F‖) (superlinear convergence; absolute floor tol/20) or after {@link #MAX_CG} products, until the block
 * gradient is at most tol/10 or a step stops making progress; a direction of non-positive curvature
 * rejects the attempt (x is then not in a convex region). A step is taken only if it decreases F (up to rounding) and
 * ‖∇F‖.
 *
 * <p>Not thread-safe (scratch space); one instance per function and thread. Allocation: the Lanczos basis (up to
 * {@link #MAX_LANCZOS} vectors) is created on first use and kept.
 */
public final class NewtonCgFinish implements Finish {

    /**
     * A bound B on the third derivative of F on a ball: for every y with ‖y − center‖ ≤ radius and every unit u,
     * |D³F(y)[u, u, u]| ≤ B (+∞ where none is known).
     */
    @FunctionalInterface
    public interface Lipschitz {
        double bound(double[] center, double radius);
    }

    /** Cap on conjugate-gradient products per Newton step. */
    public static final int MAX_CG = 3000;
    /** Cap on Lanczos steps of the end-point spectrum. */
    public static final int MAX_LANCZOS = 400;
    /** Cap on Newton steps. */
    static final int MAX_NEWTON = 30;

    private final TwiceDifferentiableFunction f;
    private final int m;
    private final int d;
    private final double[] x0;
    private final double[] g0;
    private final double[] trial;
    private final double[] gTrial;
    private final double[] p;
    private final double[] r;
    private final double[] dir;
    private final double[] hd;
    private double[][] basis;
    private final double[] alpha = new double[MAX_LANCZOS];
    private final double[] beta = new double[MAX_LANCZOS];
    private int lastSteps;
    private long lastProducts;
    private double nextSwitch;
    private double lastThetaMin = Double.NaN;
    private double lastThetaMax = Double.NaN;
    private double lastBallRadius = Double.NaN;
    private double lastBound = Double.NaN;
    private String lastReason = "";

    /** A finish for {@code f}; {@code blockSize} is the block of the tolerance (neuron i is {@code x[i*d .. i*d+d)}). */
    public NewtonCgFinish(TwiceDifferentiableFunction f, int blockSize) {
        this.f = f;
        this.m = f.dimension();
        this.d = blockSize;
        this.x0 = new double[m];
        this.g0 = new double[m];
        this.trial = new double[m];
        this.gTrial = new double[m];
        this.p = new double[m];
        this.r = new double[m];
        this.dir = new double[m];
        this.hd = new double[m];
    }

    /** Scratch for {@link #extremeRitzValues} only (no function: {@link #finish} must not be called). */
    private NewtonCgFinish(int m) {
        this.f = null;
        this.m = m;
        this.d = m;
        this.x0 = null;
        this.g0 = null;
        this.trial = null;
        this.gTrial = null;
        this.p = null;
        this.r = null;
        this.dir = null;
        this.hd = null;
    }

    /**
     * Floating-point estimates {θ_min, θ_max} of the extreme eigenvalues of h by the finish's Lanczos (full
     * reorthogonalisation, fixed start; θ_min is NaN if it did not settle to 10⁻² within {@link #MAX_LANCZOS} steps):
     * products only, for matrices too large to form (the census's λ_min at k = n = 100). θ_min ≥ λ_min up to rounding.
     */
    public static double[] extremeRitzValues(HessianOperator h) {
        NewtonCgFinish t = new NewtonCgFinish(h.dimension());
        t.lanczos(h);
        return new double[] {t.lastThetaMin, t.lastThetaMax};
    }

    /** Newton steps of the last accepted finish. */
    @Override
    public int lastSteps() {
        return lastSteps;
    }

    /** Hessian–vector products of the last attempt (conjugate gradients and Lanczos). */
    public long lastProducts() {
        return lastProducts;
    }

    /** After a rejection: the block-gradient level at which a retry can succeed (0: none will). */
    public double nextSwitch() {
        return nextSwitch;
    }

    /** θ_min, θ_max, ρ, B of the last certificate attempted (NaN where it did not get that far). */
    public double[] lastCertificate() {
        return new double[] {lastThetaMin, lastThetaMax, lastBallRadius, lastBound};
    }

    /** Why the last attempt was rejected ("" if accepted). */
    public String lastReason() {
        return lastReason;
    }

    /**
     * Tries the finish from x (gradient g there; F = {@code f0}, or NaN if not known), aiming at max block ‖∇F‖ ≤
     * {@code tol}, for a descent with step {@code eta}; {@code radius} caps ‖x̂ − x₀‖ and {@code lipschitz} gives B.
     * On success x and g (modified) hold the end point and its gradient and F there is returned; on rejection x and g
     * are unchanged, NaN is returned and {@link #nextSwitch()} is set.
     */
    public double finish(double[] x, double[] g, double f0, double tol, double eta, double radius,
                         Lipschitz lipschitz) {
        System.arraycopy(x, 0, x0, 0, m);
        System.arraycopy(g, 0, g0, 0, m);
        double gmax0 = GradientDescent.maxNeuronNorm(g, d);
        lastProducts = 0;
        lastThetaMin = Double.NaN;
        lastThetaMax = Double.NaN;
        lastBallRadius = Double.NaN;
        lastBound = Double.NaN;
        nextSwitch = 0.1 * gmax0;
        int steps = 0;
        try {
            double value = Double.isNaN(f0) ? f.valueAndGradient(x, g) : f0;
            double gn = GradientDescent.norm(g);
            for (int it = 0; it < MAX_NEWTON; it++) {
                HessianOperator h = f.hessianAt(x);
                double target = Math.max(Math.min(0.1, Math.sqrt(gn)) * gn, 0.05 * tol);
                if (!conjugateGradients(h, g, target)) {
                    return reject(x, g, "non-positive curvature in CG");
                }
                for (int i = 0; i < m; i++) {
                    trial[i] = x[i] - p[i];
                }
                double vt = f.valueAndGradient(trial, gTrial);
                double gt = GradientDescent.norm(gTrial);
                boolean progress = gt < gn
                        && vt <= value + GradientDescent.ROUNDING * Math.max(1.0, Math.abs(value));
                if (!progress) {
                    break; // rounding level
                }
                System.arraycopy(trial, 0, x, 0, m);
                System.arraycopy(gTrial, 0, g, 0, m);
                value = vt;
                gn = gt;
                steps++;
                if (GradientDescent.maxNeuronNorm(g, d) <= tol * 0.1) {
                    break;
                }
            }
            if (!(GradientDescent.maxNeuronNorm(g, d) <= tol)) {
                return reject(x, g, "tolerance not reached");
            }
            double delta = distance(x, x0);
            if (delta > radius) {
                return reject(x, g, "displacement beyond the radius");
            }
            lanczos(f.hessianAt(x));
            double tmin = lastThetaMin;
            double tmax = lastThetaMax;
            if (!(tmin > 0)) {
                nextSwitch = 0.1 * gmax0;
                return reject(x, g, "end point not a strict minimum (Ritz value " + tmin + ")");
            }
            double rho = (delta + 8.0 * gn / tmin) * (1 + 1e-9) + Double.MIN_NORMAL;
            double b = lipschitz.bound(x, rho);
            lastBallRadius = rho;
            lastBound = b;
            if (!(b * rho <= 0.25 * tmin)) {
                nextSwitch = eta * 1.05 * tmax >= 2.0 ? 0.0 : nextLevel(gmax0, delta, tmin, b, rho);
                return reject(x, g, "ball too large for the curvature bound");
            }
            if (!(eta * (1.05 * tmax + b * rho) < 2.0)) {
                nextSwitch = eta * 1.05 * tmax >= 2.0 ? 0.0 : 0.1 * gmax0; // 0: the step is too long near x̂
                return reject(x, g, "step too long for a contraction on the ball");
            }
            lastSteps = steps;
            lastReason = "";
            return value;
        } catch (NotDifferentiableException | NonFiniteObjectiveException | ArithmeticException e) {
            return reject(x, g, e.getMessage());
        }
    }

    /**
     * {@link Finish} entry: as {@link #finish(double[], double[], double, double, double, double, Lipschitz)} with the
     * radius and third-derivative bound of {@code options} (which must be {@link NewtonFinish.Options#matrixFree}).
     */
    @Override
    public double finish(double[] x, double[] g, double value, double tol, double eta, NewtonFinish.Options options) {
        return finish(x, g, value, tol, eta, options.radius(), options.matrixFree());
    }

    /** After a rejection the retry waits for the gradient level {@link #nextSwitch()} (and a tenfold shrink). */
    @Override
    public DescentMonitor.Action rejected(DescentMonitor monitor, double maxBlockGradient) {
        return monitor.rejected(maxBlockGradient, nextSwitch);
    }

    /** The gradient level at which δ should have shrunk to half the largest ball (ii) allows. */
    private static double nextLevel(double gmax0, double delta, double tmin, double b, double rho) {
        double rhoMax = 0.25 * tmin / b; // B only shrinks with the radius: a conservative target
        if (!(rhoMax > 0) || !(delta > 0)) {
            return 0.1 * gmax0;
        }
        return gmax0 * Math.min(0.1, 0.5 * rhoMax / delta);
    }

    private double reject(double[] x, double[] g, String why) {
        System.arraycopy(x0, 0, x, 0, m);
        System.arraycopy(g0, 0, g, 0, m);
        lastReason = why;
        return Double.NaN;
    }

    /**
     * Conjugate gradients for H p = g from p = 0 into {@link #p}, until ‖r‖ ≤ target or {@link #MAX_CG} products;
     * false if a direction of non-positive curvature appears.
     */
    private boolean conjugateGradients(HessianOperator h, double[] g, double target) {
        java.util.Arrays.fill(p, 0.0);
        System.arraycopy(g, 0, r, 0, m);
        System.arraycopy(g, 0, dir, 0, m);
        double rr = dot(r, r);
        for (int it = 0; it < MAX_CG && Math.sqrt(rr) > target; it++) {
            h.multiply(dir, hd);
            lastProducts++;
            double curv = dot(dir, hd);
            if (!(curv > 0)) {
                return false;
            }
            double a = rr / curv;
            for (int i = 0; i < m; i++) {
                p[i] += a * dir[i];
                r[i] -= a * hd[i];
            }
            double rrNew = dot(r, r);
            double bta = rrNew / rr;
            rr = rrNew;
            for (int i = 0; i < m; i++) {
                dir[i] = r[i] + bta * dir[i];
            }
        }
        return true;
    }

    /**
     * Lanczos with full reorthogonalisation on h from a fixed pseudo-random start (seeded by the dimension, so the
     * result is a function of h alone): the extreme Ritz values into {@link #lastThetaMin}/{@link #lastThetaMax}. Stops
     * when both changed by at most 10⁻⁴ relatively over the last 10 steps, on an invariant subspace, or after
     * {@link #MAX_LANCZOS} steps (then θ_min is set to NaN unless it changed by at most 10⁻² over the last 10 steps:
     * an unconverged estimate is not used).
     */
    void lanczos(HessianOperator h) {
        int cap = Math.min(m, MAX_LANCZOS);
        if (basis == null) {
            basis = new double[cap + 1][];
        }
        SplittableRandom rnd = new SplittableRandom(0x1A2C05L + m);
        double[] q = vector(0);
        for (int i = 0; i < m; i++) {
            q[i] = rnd.nextDouble() - 0.5;
        }
        scale(q, 1.0 / Math.sqrt(dot(q, q)));
        double prevMin = Double.NaN;
        double prevMax = Double.NaN;
        double tmin = Double.NaN;
        double tmax = Double.NaN;
        boolean converged = false;
        for (int j = 0; j < cap; j++) {
            double[] w = vector(j + 1);
            h.multiply(basis[j], w);
            lastProducts++;
            alpha[j] = dot(w, basis[j]);
            for (int pass = 0; pass < 2; pass++) {
                for (int t = 0; t <= j; t++) {
                    axpy(-dot(w, basis[t]), basis[t], w);
                }
            }
            beta[j] = Math.sqrt(dot(w, w));
            int s = j + 1;
            boolean invariant = beta[j] <= 1e-14 * (Math.abs(alpha[j]) + 1e-300);
            if (s % 10 == 0 || s == cap || invariant) {
                tmin = extreme(s, false);
                tmax = extreme(s, true);
                if (invariant || s == m) {
                    converged = true;
                    break;
                }
                if (Math.abs(tmin - prevMin) <= 1e-4 * Math.abs(tmin)
                        && Math.abs(tmax - prevMax) <= 1e-4 * Math.abs(tmax)) {
                    converged = true;
                    break;
                }
                if (s == cap) {
                    converged = Math.abs(tmin - prevMin) <= 1e-2 * Math.abs(tmin);
                    break;
                }
                prevMin = tmin;
                prevMax = tmax;
            }
            scale(w, 1.0 / beta[j]);
        }
        lastThetaMin = converged ? tmin : Double.NaN;
        lastThetaMax = tmax;
    }

    private double[] vector(int i) {
        if (basis[i] == null) {
            basis[i] = new double[m];
        }
        return basis[i];
    }

    /**
     * The smallest or largest eigenvalue of the s×s tridiagonal (alpha, beta) by bisection on Sturm counts (to
     * relative 10⁻¹⁴ of the Gershgorin width).
     */
    private double extreme(int s, boolean largest) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s; i++) {
            double rad = (i > 0 ? Math.abs(beta[i - 1]) : 0) + (i + 1 < s ? Math.abs(beta[i]) : 0);
            lo = Math.min(lo, alpha[i] - rad);
            hi = Math.max(hi, alpha[i] + rad);
        }
        double eps = 1e-14 * Math.max(Math.abs(lo), Math.abs(hi)) + 1e-300;
        int want = largest ? s : 1; // eigenvalue index (1-based, ascending)
        while (hi - lo > eps) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (countBelow(s, mid) >= want) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Number of eigenvalues of the tridiagonal below x (Sturm sequence of the LDLᵀ pivots). */
    private int countBelow(int s, double x) {
        int count = 0;
        double q = 1.0;
        for (int i = 0; i < s; i++) {
            double b2 = i > 0 ? beta[i - 1] * beta[i - 1] : 0.0;
            q = alpha[i] - x - (i > 0 ? b2 / q : 0.0);
            if (q == 0.0) {
                q = 1e-300;
            }
            if (q < 0) {
                count++;
            }
        }
        return count;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double e = a[i] - b[i];
            s += e * e;
        }
        return Math.sqrt(s);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double c, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += c * x[i];
        }
    }

    private static void scale(double[] x, double c) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= c;
        }
    }
}
