package io.landscape.impl.optim;

import io.landscape.api.NotDifferentiableException;
import io.landscape.impl.objective.NonFiniteObjectiveException;
import io.landscape.api.Objective;
import io.landscape.api.function.TwiceDifferentiableFunction;
import io.landscape.impl.linalg.Cholesky;
import io.landscape.impl.linalg.SmallMatrices;

/**
 * The Newton finish of a descent: from an iterate x₀ where the gradient is already small, Newton steps to the
 * tolerance, accepted only when they provably change nothing about where gradient descent would have ended (the
 * conditions (a)–(c) and the argument are in the {@linkplain io.landscape.impl.optim package documentation}). On
 * rejection the iterate is left as it was and descent continues.
 *
 * <p>Newton's method runs as a chord iteration: the Cholesky factor of ∇²F is reused while the gradient contracts at
 * least fourfold per step and refreshed (at most three times) otherwise, so a finish typically costs two
 * factorisations (at x₀ and the positive-definiteness check at x*) instead of one per step.
 *
 * <p>Not thread-safe (scratch space, and the function's); one instance per function.
 */
public final class NewtonFinish implements Finish {

    /**
     * When and how the finish is tried.
     *
     * @param switchAt     first tried once the largest block gradient norm is ≤ this (then again each time it has
     *                     shrunk tenfold since a rejection)
     * @param radius       the largest accepted displacement ‖x* − x₀‖
     * @param maxDimension not tried for functions of more parameters (a factorisation costs O(m³))
     * @param minValue     not tried, and not accepted, where F is below this (the spurious search: runs already below
     *                     its global threshold need no finish; −∞ for none)
     * @param matrixFree   null: this dense finish; otherwise the matrix-free {@link NewtonCgFinish} with this
     *                     third-derivative bound for its ball certificate (F need not be evaluated at every step)
     */
    public record Options(double switchAt, double radius, int maxDimension, double minValue,
                          NewtonCgFinish.Lipschitz matrixFree) {
        /** The dense finish. */
        public Options(double switchAt, double radius, int maxDimension, double minValue) {
            this(switchAt, radius, maxDimension, minValue, null);
        }

        /**
         * The matrix-free {@link NewtonCgFinish} at any dimension, first tried at max block ‖∇F‖ ≤ {@code switchAt},
         * displacement at most {@code radius}, certified with the third-derivative bound {@code bound}.
         */
        public static Options matrixFree(double switchAt, double radius, NewtonCgFinish.Lipschitz bound) {
            if (bound == null) {
                throw new IllegalArgumentException("the matrix-free finish needs a third-derivative bound");
            }
            return new Options(switchAt, radius, Integer.MAX_VALUE, Double.NEGATIVE_INFINITY, bound);
        }

        /** The finish these options select: {@link Finish.Kind#MATRIX_FREE} with a bound, else the dense one. */
        public Finish.Kind kind() {
            return matrixFree == null ? Finish.Kind.DENSE : Finish.Kind.MATRIX_FREE;
        }
    }

    /**
     * Points where ∇²F was found positive definite with a margin, shared by the runs of one experiment, so that a
     * Newton finish ending — up to a symmetry of F — at a minimum another run already verified need not evaluate and
     * factor ∇²F there again (the second of its two factorisations).
     *
     * <h2>Why the decision is unchanged</h2>
     * A point is recorded only after the Cholesky factorisation of ∇²F(x') − σI succeeded (σ = {@link #margin()}), so
     * λ_min(∇²F(x')) ≥ σ up to rounding (~10⁻¹³). {@link #covers} may answer true for an end point x only if
     * ‖x − S(x')‖ ≤ r for a symmetry S of F (under which ∇²F is permuted, so λ_min(∇²F(S x')) = λ_min(∇²F(x'))),
     * where r ≤ σ/(2B) and B bounds the third derivative of F on that ball (so λ_min moves by at most B‖x − Sx'‖).
     * Then λ_min(∇²F(x)) ≥ σ/2 &gt; 0 and the factorisation the finish would have done succeeds: the answer is the
     * same with or without the memory, whichever run recorded the point first — results stay independent of the
     * order of the runs and of the thread count. Points below the margin are not recorded, and their runs simply
     * check themselves.
     */
    public interface VerifiedMinima {
        /** σ: a point is recorded only if ∇²F − σI is positive definite there. */
        double margin();

        /** True only if ∇²F(x) is positive definite by the argument above (F(x) = {@code value}). */
        boolean covers(double[] x, double value);

        /** Records x (F(x) = {@code value}), at which ∇²F − {@link #margin()}·I was found positive definite. */
        void record(double[] x, double value);
    }

    private final TwiceDifferentiableFunction f;
    /** {@code f} as an {@link Objective} (its dense Hessian fill), or null. */
    private final Objective objective;
    private final int m;
    private final int d;
    private final double[] trial;
    private final double[] gTrial;
    private final double[] factor;
    private final double[] sol;
    private int lastSteps;
    private VerifiedMinima verified;
    private long endChecksRemembered;

    /** A finish for {@code f}; {@code blockSize} is the block of the tolerance (neuron i is {@code x[i*d .. i*d+d)}). */
    public NewtonFinish(TwiceDifferentiableFunction f, int blockSize) {
        this.f = f;
        this.objective = f instanceof Objective ? (Objective) f : null;
        this.m = f.dimension();
        this.d = blockSize;
        this.trial = new double[m];
        this.gTrial = new double[m];
        this.factor = new double[Math.multiplyExact(m, m)];
        this.sol = new double[m];
    }

    /** Shares {@code minima} with this finish's end-point checks (null: none). */
    @Override
    public void remembering(VerifiedMinima minima) {
        this.verified = minima;
    }

    /** Finishes whose end-point check the shared minima answered. */
    @Override
    public long endChecksRemembered() {
        return endChecksRemembered;
    }

    /** Newton steps of the last accepted finish. */
    @Override
    public int lastSteps() {
        return lastSteps;
    }

    /**
     * Tries the finish from x (gradient g, F = f0 there), aiming at max block ‖∇F‖ ≤ {@code tol}. On success x and g
     * (modified) hold the end point and its gradient and its value is returned; on rejection x and g are unchanged and
     * NaN is returned.
     */
    public double finish(double[] x, double[] g, double f0, double tol, Options o) {
        double[] x0 = x.clone();
        double[] g0 = g.clone();
        double value = f0;
        double gn = GradientDescent.norm(g);
        int steps = 0;
        int refreshes = 0;
        boolean ok;
        try {
            if (!positiveDefinite(x)) {
                return reject(x, g, x0, g0);
            }
            boolean fresh = true;
            for (int it = 0; it < 100; it++) {
                System.arraycopy(g, 0, sol, 0, m);
                Cholesky.solveInterleaved(factor, m, sol);
                for (int i = 0; i < m; i++) {
                    trial[i] = x[i] - sol[i];
                }
                double vt = f.valueAndGradient(trial, gTrial);
                double gt = GradientDescent.norm(gTrial);
                boolean progress = gt < gn
                        && vt <= value + GradientDescent.ROUNDING * Math.max(1.0, Math.abs(value));
                if (!progress) {
                    if (!fresh && refreshes < 3) {
                        if (!positiveDefinite(x)) {
                            return reject(x, g, x0, g0);
                        }
                        refreshes++;
                        fresh = true;
                        continue;
                    }
                    break; // no further progress (rounding level) — stop here
                }
                System.arraycopy(trial, 0, x, 0, m);
                System.arraycopy(gTrial, 0, g, 0, m);
                value = vt;
                double contraction = gt / gn;
                gn = gt;
                steps++;
                fresh = false;
                if (GradientDescent.maxNeuronNorm(g, d) <= tol * 1e-3) {
                    break;
                }
                if (contraction > 0.25 && refreshes < 3) {
                    if (!positiveDefinite(x)) {
                        return reject(x, g, x0, g0);
                    }
                    refreshes++;
                    fresh = true;
                }
            }
            ok = GradientDescent.maxNeuronNorm(g, d) <= tol && SmallMatrices.distance(x, x0) <= o.radius()
                    && value >= o.minValue() && positiveDefiniteAtEnd(x, value);
        } catch (NotDifferentiableException | NonFiniteObjectiveException | ArithmeticException e) {
            ok = false;
        }
        if (!ok) {
            return reject(x, g, x0, g0);
        }
        lastSteps = steps;
        return value;
    }

    /**
     * {@link Finish} entry: as {@link #finish(double[], double[], double, double, Options)} (the dense finish does not
     * depend on the descent's step {@code eta}; {@code value} must be F at x — the dense finish needs F at every step).
     */
    @Override
    public double finish(double[] x, double[] g, double value, double tol, double eta, Options options) {
        return finish(x, g, value, tol, options);
    }

    /** After a rejection the dense finish is retried once the block gradient has shrunk tenfold. */
    @Override
    public DescentMonitor.Action rejected(DescentMonitor monitor, double maxBlockGradient) {
        return monitor.rejected(maxBlockGradient);
    }

    private static double reject(double[] x, double[] g, double[] x0, double[] g0) {
        System.arraycopy(x0, 0, x, 0, x.length);
        System.arraycopy(g0, 0, g, 0, g.length);
        return Double.NaN;
    }

    /**
     * The end-point check (c): ∇²F(at) positive definite. With {@link #verified shared minima}, answered by them where
     * they cover the point; otherwise ∇²F(at) − σI is factored and, on success, the point is recorded (λ_min ≥ σ
     * implies the plain check succeeds); below the margin the plain check decides.
     */
    private boolean positiveDefiniteAtEnd(double[] at, double value) {
        VerifiedMinima memo = verified;
        if (memo == null) {
            return positiveDefinite(at);
        }
        if (memo.covers(at, value)) {
            endChecksRemembered++;
            return true;
        }
        hessian(at);
        double sigma = memo.margin();
        for (int i = 0; i < m; i++) {
            factor[i * m + i] -= sigma;
        }
        if (Cholesky.factor(factor, m)) {
            memo.record(at, value);
            return true;
        }
        return positiveDefinite(at);
    }

    /** Evaluates ∇²F(at) and factors it; true iff the Cholesky factorisation succeeds (positive definite). */
    private boolean positiveDefinite(double[] at) {
        hessian(at);
        return Cholesky.factor(factor, m);
    }

    /** ∇²F(at), dense, into {@link #factor}. */
    private void hessian(double[] at) {
        if (objective != null) {
            objective.hessian().evaluate(at, factor);
        } else {
            f.hessianAt(at).toDense(factor);
        }
    }
}
