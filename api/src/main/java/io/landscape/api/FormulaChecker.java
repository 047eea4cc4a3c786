package io.landscape.api;

import java.util.List;

/**
 * Checks hand-derived closed forms against Symja's own derivatives. Expressions are in Symja syntax
 * ({@code Sin, ArcCos, Sqrt, Pi, x^2, a.b} for a dot product, {@code {x1,x2}} for a vector). The named vector variables
 * are expanded into components: a variable {@code w} of dimension 3 becomes the list {@code {w1,w2,w3}}, so formulas may
 * use {@code Norm(w)}, {@code w.v} and {@code w/Norm(w)}.
 *
 * <p>First the difference is simplified symbolically; if Symja cannot reduce it to 0, the two sides are evaluated at
 * {@code samples} random points (components standard normal, seeded) and must agree to a relative 1e-9.
 *
 * <p>Every method requires {@code samples ≥ 1} (a check at no point would check nothing) and throws a
 * {@link LandscapeException} otherwise, or when a vector to differentiate by is not among {@code variables}. A formula
 * that does not parse, uses a name that is neither a declared vector (or one of its components {@code w1, w2, …}) nor
 * a Symja constant, calls an unknown function, or is not a real number at a sample point is refused with an
 * {@link InvalidFormulaException} that quotes it as written and says why (and where). A formula that evaluates but
 * differs is not an error: the result says {@code holds = false} and names the first differing component and point.
 */
public interface FormulaChecker {

    /** A vector variable of the formulas: its name and dimension. */
    record Vector(String name, int dimension) {
        public Vector {
            if (name == null || !name.matches("[a-z][a-z]*")) {
                throw new IllegalArgumentException("vector name must be lowercase letters, got '" + name + "'");
            }
            if (dimension < 1) {
                throw new IllegalArgumentException("vector " + name + ": dimension must be ≥ 1, got " + dimension);
            }
        }
    }

    /** Checks lhs == rhs (scalars, vectors or matrices, componentwise). */
    FormulaCheck identity(String lhs, String rhs, List<Vector> variables, int samples, long seed);

    /** Checks that {@code claimedGradient} (a vector) is the gradient of {@code function} with respect to {@code wrt}. */
    FormulaCheck gradient(String function, Vector wrt, String claimedGradient, List<Vector> variables, int samples,
                          long seed);

    /**
     * Checks that {@code claimedBlock} (a matrix, entry (a, b) = ∂²f/∂x_a∂y_b) is the mixed second derivative of
     * {@code function} with respect to {@code x} then {@code y} (x may equal y for a pure Hessian).
     */
    FormulaCheck secondDerivative(String function, Vector x, Vector y, String claimedBlock, List<Vector> variables,
                                  int samples, long seed);
}
