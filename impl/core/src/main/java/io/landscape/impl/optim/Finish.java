package io.landscape.impl.optim;

import io.landscape.api.function.TwiceDifferentiableFunction;

/**
 * A Newton-type finish of a descent: the strategy {@link GradientDescent} calls when its {@link DescentMonitor} says
 * {@link DescentMonitor.Action#TRY_NEWTON}. The engine neither knows nor asks which finish runs: the
 * {@link NewtonFinish.Options} of its configuration name a {@link Kind}, the kind creates the finish, and the engine
 * calls {@link #finish} and, on rejection, {@link #rejected}. Two kinds exist: the dense {@link NewtonFinish} (Cholesky
 * of ∇²F, checks (a)–(c) of the package documentation) and the matrix-free {@link NewtonCgFinish} (conjugate gradients
 * on Hessian–vector products and a ball certificate).
 *
 * <p>An implementation either accepts — x and g then hold the end point and its gradient, and F there is returned — or
 * rejects and leaves x and g exactly as they were (NaN returned), so that the descent continues from the same iterate.
 * Implementations are not thread-safe; one instance per function and thread.
 */
public interface Finish {

    /** The finishes there are, each created for one function; selected by {@link NewtonFinish.Options#kind()}. */
    enum Kind {
        /** {@link NewtonFinish}: dense Hessian and Cholesky; needs F at every step (its checks compare values). */
        DENSE(true) {
            @Override
            public Finish create(TwiceDifferentiableFunction f, int blockSize) {
                return new NewtonFinish(f, blockSize);
            }
        },
        /** {@link NewtonCgFinish}: Hessian–vector products only; evaluates F itself when the descent did not. */
        MATRIX_FREE(false) {
            @Override
            public Finish create(TwiceDifferentiableFunction f, int blockSize) {
                return new NewtonCgFinish(f, blockSize);
            }
        };

        private final boolean needsValues;

        Kind(boolean needsValues) {
            this.needsValues = needsValues;
        }

        /** True if the descent must evaluate F at every step for this finish (F is then passed to it). */
        public boolean needsValuesEveryStep() {
            return needsValues;
        }

        /** A finish of this kind for {@code f}, blocks of {@code blockSize} entries (neuron i: x[i·d .. i·d+d)). */
        public abstract Finish create(TwiceDifferentiableFunction f, int blockSize);
    }

    /**
     * Tries the finish from x (gradient g there; F = {@code value}, or NaN where the descent did not evaluate it),
     * aiming at max block ‖∇F‖ ≤ {@code tol}, for a descent with step {@code eta}, under {@code options}. On success
     * x and g (modified) hold the end point and its gradient and F there is returned; on rejection x and g are
     * unchanged and NaN is returned.
     */
    double finish(double[] x, double[] g, double value, double tol, double eta, NewtonFinish.Options options);

    /** Newton steps of the last accepted finish. */
    int lastSteps();

    /**
     * Tells {@code monitor} that the finish was rejected at an iterate with largest block gradient norm
     * {@code maxBlockGradient} (when to retry is the finish's to say); returns the monitor's next action.
     */
    DescentMonitor.Action rejected(DescentMonitor monitor, double maxBlockGradient);

    /** Shares {@code minima} with this finish's end-point checks (null: none); a finish without such checks ignores it. */
    default void remembering(NewtonFinish.VerifiedMinima minima) {
    }

    /** Finishes whose end-point check the shared minima answered (0 for a finish without such checks). */
    default long endChecksRemembered() {
        return 0;
    }
}
