package io.landscape.impl.experiment.spurious;

import io.landscape.api.Gradient;
import io.landscape.api.Hessian;
import io.landscape.api.NotDifferentiableException;
import io.landscape.api.Objective;
import io.landscape.api.Problem;

/**
 * What the two identity-teacher evaluators ({@link IdentityTeacherObjective}, scalar, and
 * {@link VectorIdentityObjective}, SIMD) share: the {@link Objective} plumbing around their one kernel
 * {@link #compute}, the argument checks, the zero-neuron error and the teacher–teacher constant. F alone and the
 * Hessian come from the general objective.
 */
abstract class IdentityTeacherBase implements Objective {
    static final double INV_2PI = 1.0 / (2.0 * Math.PI);

    private final Objective general;
    final int n;
    final int k;
    /** Σ_{l,l'} of the teacher–teacher kernel for v_l = e_l: k/4 + k(k−1)/(4π). */
    private final double teacherConstant;
    private final Gradient gradientObject;

    IdentityTeacherBase(Objective general, int k, int n) {
        this.general = general;
        this.n = n;
        this.k = k;
        this.teacherConstant = 0.25 * k + k * (k - 1) * 0.25 / Math.PI;
        this.gradientObject = new Gradient() {
            @Override
            public int dimension() {
                return n * k;
            }

            @Override
            public void evaluate(double[] x, double[] out) {
                checked(x, out, false);
            }
        };
    }

    /**
     * The gradient into g and, if {@code withValue}, F without the teacher constant (else anything): the plain GD
     * loop needs only the gradient, as the paper's procedure (and its NumPy reference) does, and skips the value's
     * sums. x and g have n·k entries and are distinct arrays.
     */
    abstract double compute(double[] x, double[] g, boolean withValue);

    private double checked(double[] x, double[] g, boolean withValue) {
        if (x.length != n * k || g.length != n * k) {
            throw new IllegalArgumentException("point/gradient have " + x.length + "/" + g.length
                    + " entries, expected n·d = " + (n * k));
        }
        if (g == x) {
            throw new IllegalArgumentException("gradient output must not be the input array");
        }
        double f = compute(x, g, withValue);
        if (!withValue) {
            return Double.NaN;
        }
        double value = f + teacherConstant;
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("non-finite objective value " + value);
        }
        return value;
    }

    /** The error for student neuron i (0-based) being the zero vector. */
    static NotDifferentiableException zeroNeuron(int i) {
        return new NotDifferentiableException(i, "student neuron " + (i + 1) + " is the zero vector: F is not "
                + "differentiable there (paper 000 Lemma 1)");
    }

    @Override
    public final Problem problem() {
        return general.problem();
    }

    @Override
    public final int dimension() {
        return n * k;
    }

    @Override
    public final double value(double[] x) {
        return general.value(x);
    }

    @Override
    public final Gradient gradient() {
        return gradientObject;
    }

    @Override
    public final Hessian hessian() {
        return general.hessian();
    }

    @Override
    public final double valueAndGradient(double[] x, double[] g) {
        return checked(x, g, true);
    }
}
