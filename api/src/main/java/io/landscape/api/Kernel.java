package io.landscape.api;

/**
 * The pairwise kernel κ(w, v) = E_x[σ(w·x) σ(v·x)], x ~ N(0, I_d), of an activation σ under standard Gaussian input,
 * written as a Symja expression in rotation-invariant variables. Immutable.
 *
 * <p>Any such kernel depends on w and v only through their norms and the angle between them. A formula may use
 * <ul>
 *   <li>{@code r} = ‖w‖, {@code rho} = ‖v‖, {@code theta} = θ(w, v) ∈ [0, π];</li>
 *   <li>the shorthands {@code ww} = w·w, {@code vv} = v·v, {@code wv} = w·v (rewritten to r, rho, theta before deriving).</li>
 * </ul>
 * The formula must be symmetric under exchanging w and v (r ↔ rho), as every kernel of the form E[σ(w·x)σ(v·x)] is.
 *
 * <p>Built-in kernels:
 * <ul>
 *   <li>{@link #relu()}: the arc-cosine kernel of Cho &amp; Saul, (r·rho/(2π))(sin θ + (π − θ) cos θ) (paper 002 Eq. 7);</li>
 *   <li>{@link #erf()}: the arcsine kernel for σ = erf, (2/π) arcsin(2 w·v / √((1 + 2‖w‖²)(1 + 2‖v‖²))) (paper 004 Lemma 1);</li>
 *   <li>{@link #linear()}: σ(z) = z, κ = w·v.</li>
 * </ul>
 */
public final class Kernel implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String formula;

    private Kernel(String name, String formula) {
        if (name == null || name.isBlank()) {
            throw new LandscapeException("kernel name must not be " + (name == null ? "null" : "blank"));
        }
        if (formula == null || formula.isBlank()) {
            throw new InvalidFormulaException(formula, "kernel '" + name + "': formula must not be "
                    + (formula == null ? "null" : "blank"));
        }
        this.name = name;
        this.formula = formula;
    }

    /** ReLU, σ(z) = max(0, z): the arc-cosine kernel (r·rho/(2π))(sin θ + (π − θ) cos θ). */
    public static Kernel relu() {
        return new Kernel("relu", "r*rho/(2*Pi)*(Sin(theta)+(Pi-theta)*Cos(theta))");
    }

    /** σ = erf: (2/π) arcsin(2 w·v / √((1 + 2‖w‖²)(1 + 2‖v‖²))) (Williams 1997; paper 004 Lemma 1). */
    public static Kernel erf() {
        return new Kernel("erf", "2/Pi*ArcSin(2*wv/Sqrt((1+2*ww)*(1+2*vv)))");
    }

    /** The identity activation σ(z) = z: κ(w, v) = w·v. */
    public static Kernel linear() {
        return new Kernel("linear", "wv");
    }

    /**
     * A kernel given by a Symja formula in the variables {@code r, rho, theta} (or {@code ww, vv, wv}).
     *
     * <p>The formula is checked when an objective is first made from it ({@link Landscape#objective(Problem)}), and
     * refused with an {@link InvalidFormulaException} saying why if it does not parse, uses another variable or an
     * unknown function, is not a real number at some w, v ≠ 0, is not symmetric in w and v, or is not positive
     * semi-definite (a kernel E σ(w·x)σ(v·x) has κ(w, w) ≥ 0 and positive semi-definite Gram matrices
     * [κ(w_i, w_j)]; this is tested on seeded random points, see the package {@code io.landscape.impl.kernel} of
     * the implementation), or if Symja cannot derive, or the compiler cannot translate, what the derivatives need.
     *
     * @param name    a short identifier, used in cache keys and messages
     * @param formula the expression, for example {@code "wv^2"} or {@code "r*rho*Cos(theta)"}
     */
    public static Kernel formula(String name, String formula) {
        return new Kernel(name, formula);
    }

    /** Parses {@code relu}, {@code erf}, {@code linear}; anything else is an error naming the choices. */
    public static Kernel named(String name) {
        if (name == null) {
            throw new LandscapeException("kernel name is null: expected relu, erf or linear");
        }
        switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "relu": return relu();
            case "erf": return erf();
            case "linear": return linear();
            default:
                throw new LandscapeException("unknown kernel '" + name + "': expected relu, erf or linear "
                        + "(or give a formula with Kernel.formula)");
        }
    }

    public String name() {
        return name;
    }

    public String formula() {
        return formula;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Kernel && ((Kernel) o).name.equals(name) && ((Kernel) o).formula.equals(formula);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + formula.hashCode();
    }

    /** A deserialised kernel is checked as a constructed one (no blank name or formula). */
    private Object readResolve() throws java.io.ObjectStreamException {
        try {
            return new Kernel(name, formula);
        } catch (RuntimeException e) {
            java.io.InvalidObjectException bad = new java.io.InvalidObjectException("not a valid Kernel: "
                    + e.getMessage());
            bad.initCause(e);
            throw bad;
        }
    }

    @Override
    public String toString() {
        return "Kernel[" + name + ": " + formula + "]";
    }
}
