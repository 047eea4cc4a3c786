package io.landscape.impl.basin;

import io.landscape.api.empirical.BasinSolution;
import io.landscape.api.empirical.EmpiricalProblem;
import io.landscape.api.empirical.Loss;
import io.landscape.impl.empirical.ScalarLoss;
import io.landscape.impl.empirical.TwoLayerObjective;

/**
 * A path along which the loss decreases strictly from an initial point W⁽⁰⁾ = (W, v) to the minimum of its basin
 * (paper 001 Thm. 1 applied to the in-cell path of Lemmas 4–5).
 *
 * <p>The base path W^{(λ)}, λ ∈ [0, 1], stays in the closed cell: for λ ∈ [0, ½] Lemma 4's rescaling
 * α_i = 1 − μ + μ|v_i| (μ = 2λ), w_i ← α_i w_i, v_i ← v_i/α_i (the network, hence the loss, is constant) brings v to
 * b; for λ ∈ [½, 1] Lemma 5's interpolation with v = ṽ = b is the straight line from (|v_i| w_i) to the minimiser's
 * w_i* (in z = v w it is the segment between two points of the convex cell program). Thm. 1 then rescales the output
 * layer by c̃(λ), the unique root in (0, ∞) of L(c·P(W^{(λ)})) = target(λ) with the strictly decreasing target
 * (1 − λ/3)·L(P(W⁽⁰⁾)) + (λ/3)·max{L(0), L(P(W⁽¹⁾))}; a last segment (s ∈ [1, 2]) scales c back from c̃(1) to the c* minimising L(c·P(W⁽¹⁾)),
 * where the loss decreases by convexity in c (c* = 1 for an exact basin minimum, as the closed cell is invariant under
 * positive rescaling of the output layer).
 * For the squared loss the root is closed-form (L(cP) = a c² − 2bc + L(0)); for the cross-entropy it is bracketed
 * and bisected.
 *
 * <p>Thm. 1's conditions: L(P(W⁽⁰⁾)) &gt; L(0) (Prop. 1: probability ≥ ½(1 − 2^{−n})) and P(W^{(λ)}) ≠ 0 along the
 * path; {@link #of} refuses a start that violates the first, and {@link #at} one that violates the second.
 */
public final class MonotonePath {
    private final EmpiricalProblem problem;
    private final TwoLayerObjective f;
    private final double[] start;
    private final double[] end;
    private final double loss0;
    private final double loss1;
    private final double lossZero;
    private final double c1;
    private final double cEnd;
    private final int n;
    private final int d;

    private MonotonePath(EmpiricalProblem problem, double[] start, double[] end) {
        this.problem = problem;
        this.f = new TwoLayerObjective(problem);
        this.start = start.clone();
        this.end = end.clone();
        this.n = problem.neurons();
        this.d = problem.inputDimension();
        this.loss0 = f.value(start);
        this.loss1 = f.value(end);
        this.lossZero = f.lossOfZero();
        this.c1 = scaleAt(1.0);
        this.cEnd = bestScale();
    }

    /**
     * The c &gt; 0 minimising L(c·P(W⁽¹⁾)): 1 for an exact basin minimum (the cell is closed under rescaling the
     * output layer); the final segment ends there, so the path stays strictly decreasing even when the minimiser is
     * approximate (a cross-entropy infimum approached at infinity).
     */
    private double bestScale() {
        int m = problem.data().size();
        double[] p = new double[m];
        f.predictions(end, p);
        double lo = 0;
        double hi = Math.max(2.0, 2 * c1);
        // derivative of the convex g(c) = L(cP) by bisection on its sign
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            double der = 0;
            for (int t = 0; t < m; t++) {
                der += p[t] * ScalarLoss.first(problem.loss(), mid * p[t], problem.data().target(t));
            }
            if (der > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * The path from {@code start} to the basin minimum {@code basin.minimizer()} (which must be in Lemma 4's normal
     * form v = b, as {@link CellBasinSolver} returns it).
     *
     * @throws IllegalArgumentException when Thm. 1 does not apply: fixed output weights, L(P(W⁽⁰⁾)) ≤ L(0), or a
     *                                  basin value not below the starting loss
     */
    public static MonotonePath of(EmpiricalProblem problem, double[] start, BasinSolution basin) {
        if (!problem.trainableOutputWeights()) {
            throw new IllegalArgumentException("Thm. 1 rescales the output layer: it needs trainable output weights");
        }
        MonotonePath path = new MonotonePath(problem, start, basin.minimizer());
        if (!(path.loss0 > path.lossZero)) {
            throw new IllegalArgumentException("Thm. 1 needs L(P(W0)) > L(0); here L(P(W0)) = " + path.loss0
                    + " and L(0) = " + path.lossZero);
        }
        if (!(path.loss1 < path.loss0)) {
            throw new IllegalArgumentException("the basin minimum " + path.loss1 + " is not below the start "
                    + path.loss0);
        }
        return path;
    }

    /** L at the start. */
    public double startLoss() {
        return loss0;
    }

    /** L at the end of the path: the basin value (at most it, for an approximate minimiser). */
    public double endLoss() {
        return f.value(at(2.0));
    }

    /** The base (non-monotone) path W^{(λ)} of Lemmas 4–5, λ ∈ [0, 1]. */
    public double[] basePoint(double lambda) {
        double[] out = new double[start.length];
        if (lambda <= 0.5) {
            double mu = 2 * lambda;
            for (int i = 0; i < n; i++) {
                double v = start[n * d + i];
                double alpha = 1 - mu + mu * Math.abs(v);
                for (int j = 0; j < d; j++) {
                    out[i * d + j] = alpha * start[i * d + j];
                }
                out[n * d + i] = v / alpha;
            }
        } else {
            double mu = 2 * lambda - 1;
            for (int i = 0; i < n; i++) {
                double v = start[n * d + i];
                for (int j = 0; j < d; j++) {
                    out[i * d + j] = (1 - mu) * Math.abs(v) * start[i * d + j] + mu * end[i * d + j];
                }
                out[n * d + i] = Math.signum(v);
            }
        }
        return out;
    }

    private double target(double lambda) {
        return (1 - lambda / 3) * loss0 + (lambda / 3) * Math.max(lossZero, loss1);
    }

    /** c̃(λ): the positive root of L(c·P(W^{(λ)})) = target(λ). */
    private double scaleAt(double lambda) {
        double[] w = basePoint(lambda);
        int m = problem.data().size();
        double[] p = new double[m];
        f.predictions(w, p);
        double a = 0;
        for (double x : p) {
            a += x * x;
        }
        if (a == 0.0) {
            throw new IllegalStateException("Thm. 1's condition fails at λ = " + lambda
                    + ": the network predicts 0 on every example");
        }
        double goal = target(lambda);
        if (problem.loss() == Loss.SQUARED) {
            double bb = 0;
            for (int t = 0; t < m; t++) {
                bb += p[t] * problem.data().target(t);
            }
            a /= m;
            bb /= m;
            return (bb + Math.sqrt(bb * bb + a * (goal - lossZero))) / a;
        }
        double lo = 0;
        double hi = 1;
        while (scaled(p, hi) <= goal) {
            hi *= 2;
            if (hi > 1e300) {
                throw new IllegalStateException("Thm. 1's condition fails at λ = " + lambda
                        + ": L(cP) stays below the target for every c (every example is classified correctly)");
            }
        }
        for (int k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
            double mid = 0.5 * (lo + hi);
            if (scaled(p, mid) <= goal) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private double scaled(double[] p, double c) {
        double s = 0;
        for (int t = 0; t < p.length; t++) {
            s += ScalarLoss.value(problem.loss(), c * p[t], problem.data().target(t));
        }
        return s / p.length;
    }

    /** The monotone path at s ∈ [0, 2]: s ∈ [0, 1] the rescaled base path, s ∈ [1, 2] the return to W⁽¹⁾. */
    public double[] at(double s) {
        if (!(s >= 0 && s <= 2)) {
            throw new IllegalArgumentException("path parameter must be in [0, 2], got " + s);
        }
        double[] w;
        double c;
        if (s <= 1) {
            w = basePoint(s);
            c = s == 0 ? 1.0 : scaleAt(s);
        } else {
            w = end.clone();
            c = (2 - s) * c1 + (s - 1) * cEnd;
        }
        for (int i = 0; i < n; i++) {
            w[n * d + i] *= c;
        }
        return w;
    }

    /** The loss at {@code samples + 1} equally spaced parameters of [0, 2]. */
    public double[] sampleLosses(int samples) {
        double[] out = new double[samples + 1];
        for (int k = 0; k <= samples; k++) {
            out[k] = f.value(at(2.0 * k / samples));
        }
        return out;
    }

    /** Whether every sampled point lies in the closed cell of the start (signs of ⟨w_i, x_t⟩ and of v_i kept). */
    public boolean staysInCell(int samples, double tolerance) {
        int m = problem.data().size();
        for (int k = 0; k <= samples; k++) {
            double[] w = at(2.0 * k / samples);
            for (int i = 0; i < n; i++) {
                if (Math.signum(w[n * d + i]) != Math.signum(start[n * d + i])) {
                    return false;
                }
                for (int t = 0; t < m; t++) {
                    double u0 = 0;
                    double u = 0;
                    for (int j = 0; j < d; j++) {
                        u0 += start[i * d + j] * problem.data().feature(t, j);
                        u += w[i * d + j] * problem.data().feature(t, j);
                    }
                    if (Math.signum(u0) * u < -tolerance) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
