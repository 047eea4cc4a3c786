package io.landscape.impl.kernel;

/**
 * Scalar coefficients of one kernel κ(w, v) = K(r, ρ, θ) at one pair of neurons: the evaluator the objective's hot
 * loops call. Implementations are generated from Symja derivations ({@link io.landscape.impl.compile.KernelCompiler})
 * or hand-written ({@link ReluClosedForm}); the meaning of every output is defined in
 * {@link io.landscape.impl.symbolic.KernelDerivation}.
 *
 * <p>Arguments: r = ‖w‖ &gt; 0, rho = ‖v‖ &gt; 0, c = cos θ, s = sin θ ≥ 0 (computed accurately by the caller;
 * s = 0 exactly selects the parallel/antiparallel limits), th = θ ∈ [0, π]. Every method is allocation-free and
 * writes its outputs into {@code out} from index 0.
 */
public abstract class PairKernel {
    /** Number of outputs of {@link #first}: K, gA, gAv, gB. */
    public static final int FIRST_SIZE = 4;
    /** Number of outputs of {@link #second}: a1, b1, g1, d1, a1v, b1v, g1v, d1v, e0, e2, e3, e4, e5. */
    public static final int SECOND_SIZE = 13;
    /** Number of outputs of {@link #self}: D, D′, D″. */
    public static final int SELF_SIZE = 3;

    private String name = getClass().getSimpleName();
    private String source = "";

    /** κ(w, v). */
    public abstract double value(double r, double rho, double c, double s, double th);

    /** K, gA, gAv, gB: ∂κ/∂w = gA·w/r + gB·v and ∂κ/∂v = gAv·v/ρ + gB·w. */
    public abstract void first(double r, double rho, double c, double s, double th, double[] out);

    /** The 13 Hessian coefficients (h1 at w, h1 at v, h2). */
    public abstract void second(double r, double rho, double c, double s, double th, double[] out);

    /** D(r) = κ(w, w), D′(r), D″(r) with r = ‖w‖. */
    public abstract void self(double r, double[] out);

    public final String name() {
        return name;
    }

    /** The generated Java source (empty for hand-written kernels). */
    public final String source() {
        return source;
    }

    /** Called once by the compiler after instantiation. */
    public final void describe(String name, String source) {
        this.name = name;
        this.source = source;
    }
}
