package io.landscape.impl.objective;

import io.landscape.api.Gradient;
import io.landscape.api.Hessian;
import io.landscape.api.NotDifferentiableException;
import io.landscape.api.Objective;
import io.landscape.api.Problem;

/**
 * What the two identity-teacher evaluators ({@link IdentityTeacherObjective}, scalar, and
 * {@link VectorIdentityObjective}, SIMD) share: the {@link Objective} plumbing around their one kernel
 * {@link #compute}, the argument checks, the zero-neuron error and the teacher–teacher constant. F alone and the
 * Hessian come from the general objective ({@link io.landscape.impl.objective.PairwiseObjective}).
 *
 * <p><b>Accuracy of F.</b> {@link #value} is the general objective's, summed with compensation (relative error about
 * one ulp plus the terms' own rounding; see the {@code io.landscape.impl.objective} package documentation), and so is
 * the F returned by {@link #valueAndGradient} for the evaluators {@link Evaluators#select} gives by default, next to
 * this evaluator's own gradient (so {@link #gradient()} and {@link #valueAndGradient} give bitwise the same ∇F); a
 * point with a NaN, infinite, zero, tiny or huge neuron goes to the general objective for its checks and messages.
 * Cost (k = n, measured on a loaded machine, so only the ratios mean much): the gradient alone is 2–4× cheaper than the
 * general objective's; F and ∇F together cost the general F plus the fast gradient — 1.2× the general
 * {@code valueAndGradient} at k = 6 and 10, the same at 20, 0.8× at 40 — because F summed with compensation costs
 * most of the general pass. With
 * {@link EvaluatorParameters#plainValue()} the F returned by {@link #valueAndGradient} is the search's: summed plainly, in a fixed order, so that the
 * spurious-minima search's outputs (its stops at F &lt; 10⁻³, the reported end values, Tables 1–2) stay exactly
 * reproducible; its rounding error grows with the number of pairs (against 40-digit references at random points with
 * k = n = 20, 50, 100: relative 7·10⁻¹⁵, 4·10⁻¹⁴, 2·10⁻¹⁴ for the scalar evaluator, 7·10⁻¹⁷, 3·10⁻¹⁵, 8·10⁻¹⁵ for
 * the SIMD one, against ≤ 3·10⁻¹⁶ for {@link #value}), far below every threshold the search compares F with (10⁻³,
 * and 10⁻⁶ between family members).
 *
 * <p><b>Range.</b> A neuron whose squared norm is below {@link PairwiseObjective#SQUARED_NORM_MIN} but which is not
 * exactly zero (e.g. of norm 10⁻¹⁷⁰) is evaluated by the general objective, which rescales it; only an exact zero
 * neuron is the zero vector.
 *
 * <p><b>Threads.</b> Safe to share: the creating thread uses this instance's scratch space, other threads get a copy of
 * their own on first use (a {@link ThreadLocal}); the cost on the creating thread is one reference comparison per call.
 */
abstract class IdentityTeacherBase implements Objective {
    static final double INV_2PI = 1.0 / (2.0 * Math.PI);

    final Objective general;
    final int n;
    final int k;
    /**
     * Whether {@link #valueAndGradient} returns this evaluator's own plainly summed F (the search's) rather than the
     * general objective's compensated one (see {@link EvaluatorParameters#plainValue()}).
     */
    final boolean plainValue;
    /** Σ_{l,l'} of the teacher–teacher kernel for v_l = e_l: k/4 + k(k−1)/(4π). */
    private final double teacherConstant;
    private final Gradient gradientObject;
    private final Thread owner = Thread.currentThread();
    private final ThreadLocal<IdentityTeacherBase> others = ThreadLocal.withInitial(this::copy);
    /** Set by {@link #compute} when some neuron is tiny but nonzero: the result is then the general objective's. */
    boolean outOfRange;

    /** An evaluator returning its own plainly summed F from {@link #valueAndGradient}. */
    IdentityTeacherBase(Objective general, int k, int n) {
        this(general, k, n, true);
    }

    /**
     * An evaluator of n students for the identity teacher in R^k; {@code general} (the general objective of the same
     * problem) gives F alone, the Hessian and the out-of-range cases; {@code plainValue} as
     * {@link EvaluatorParameters#plainValue()}.
     */
    IdentityTeacherBase(Objective general, int k, int n, boolean plainValue) {
        this.general = general;
        this.plainValue = plainValue;
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
     * sums. x and g have n·k entries and are distinct arrays. Throws {@link #zeroNeuron} for an exact zero neuron;
     * sets {@link #outOfRange} (and returns anything) if some neuron's squared norm is below
     * {@link PairwiseObjective#SQUARED_NORM_MIN} without the neuron being zero.
     */
    abstract double compute(double[] x, double[] g, boolean withValue);

    /** A new evaluator of the same kind and shape (for another thread). */
    abstract IdentityTeacherBase copy();

    /**
     * For a neuron i whose squared norm {@code s} = ‖w_i‖² is below {@link PairwiseObjective#SQUARED_NORM_MIN}:
     * throws {@link #zeroNeuron} if the neuron is exactly zero, else returns normally (the caller then sets
     * {@link #outOfRange}).
     */
    final void tinyNeuron(double[] x, int i, double s) {
        if (s == 0.0) {
            for (int q = i * k, end = q + k; q < end; q++) {
                if (x[q] != 0.0) {
                    return;
                }
            }
            throw zeroNeuron(i);
        }
    }

    private double checked(double[] x, double[] g, boolean withValue) {
        if (x.length != n * k || g.length != n * k) {
            throw new IllegalArgumentException("point/gradient have " + x.length + "/" + g.length
                    + " entries, expected n·d = " + (n * k));
        }
        if (g == x) {
            throw new IllegalArgumentException("gradient output must not be the input array");
        }
        if (!plainValue && !inRange(x)) {
            // NaN or infinite coordinates, a zero, tiny or huge neuron: the general objective's checks and rescaling
            if (withValue) {
                return general.valueAndGradient(x, g);
            }
            general.gradient().evaluate(x, g);
            return Double.NaN;
        }
        IdentityTeacherBase e = Thread.currentThread() == owner ? this : others.get();
        e.outOfRange = false;
        double f = e.compute(x, g, withValue && plainValue);
        if (e.outOfRange) {
            return general.valueAndGradient(x, g);
        }
        if (!withValue) {
            return Double.NaN;
        }
        if (!plainValue) {
            return general.value(x); // the accurate F next to this evaluator's gradient
        }
        double value = f + teacherConstant;
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("non-finite objective value " + value);
        }
        return value;
    }

    /**
     * Whether every neuron's squared norm lies in [{@link PairwiseObjective#SQUARED_NORM_MIN},
     * {@link PairwiseObjective#SQUARED_NORM_MAX}] (false for NaN or infinite coordinates).
     */
    private boolean inRange(double[] x) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int q = i * k, end = q + k; q < end; q++) {
                s += x[q] * x[q];
            }
            if (!(s >= PairwiseObjective.SQUARED_NORM_MIN && s <= PairwiseObjective.SQUARED_NORM_MAX)) {
                return false;
            }
        }
        return true;
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

    /**
     * The general objective's Hessian operator at x: matrix-free products and blocks (its dense form is bitwise
     * {@link #hessian()}'s), so that a Newton–CG finish at k = n = 100 never forms the 800 MB matrix.
     */
    @Override
    public final io.landscape.api.function.NetworkHessian hessianAt(double[] x) {
        return general.hessianAt(x);
    }

    @Override
    public final double valueAndGradient(double[] x, double[] g) {
        return checked(x, g, true);
    }
}
