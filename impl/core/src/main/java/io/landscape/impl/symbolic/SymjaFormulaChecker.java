package io.landscape.impl.symbolic;

import java.util.List;
import java.util.Random;

import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

import io.landscape.api.FormulaCheck;
import io.landscape.api.FormulaChecker;
import io.landscape.api.InvalidFormulaException;
import io.landscape.api.LandscapeException;

/**
 * {@link FormulaChecker} on Symja. Vector variables become lists of component symbols ({@code w → {w1, w2, w3}});
 * {@code Norm(x)} is read as {@code Sqrt(x.x)} (real vectors), so that Symja differentiates it without {@code Abs}.
 * The symbolic attempt is {@code Simplify} of the componentwise difference (when it has at most 600 leaves — Simplify
 * is exponential in size); the numeric fallback evaluates both sides at
 * seeded standard-normal points and requires |lhs − rhs| ≤ 1e-9·max(1, |lhs|, |rhs|) in every component.
 */
public final class SymjaFormulaChecker implements FormulaChecker {
    private static final double TOLERANCE = 1e-9;
    /** Largest difference (in Symja leaves) handed to Simplify; larger ones go straight to the numeric check. */
    private static final long SYMBOLIC_LEAF_LIMIT = 600;
    /** Sides longer than this (as text) skip even forming the symbolic difference, which is itself costly. */
    private static final int SYMBOLIC_TEXT_LIMIT = 6000;

    @Override
    public FormulaCheck identity(String lhs, String rhs, List<Vector> variables, int samples, long seed) {
        validate(variables, samples, List.of());
        Side left = new Side("left side", lhs);
        Side right = new Side("right side", rhs);
        return SymjaSession.get().call(ev -> {
            left.expr = prepare(ev, left, variables);
            right.expr = prepare(ev, right, variables);
            return compare(ev, left, right, variables, samples, seed, "identity");
        });
    }

    @Override
    public FormulaCheck gradient(String function, Vector wrt, String claimedGradient, List<Vector> variables,
                                 int samples, long seed) {
        validate(variables, samples, java.util.Arrays.asList(wrt));
        Side f = new Side("function", function);
        Side claimed = new Side("claimed gradient", claimedGradient);
        return SymjaSession.get().call(ev -> {
            String fx = prepare(ev, f, variables);
            claimed.expr = prepare(ev, claimed, variables);
            Side derivative = new Side("gradient of", function);
            derivative.expr = derive(ev, f, "D(" + fx + ", {" + components(wrt) + "})");
            return compare(ev, derivative, claimed, variables, samples, seed, "gradient");
        });
    }

    @Override
    public FormulaCheck secondDerivative(String function, Vector x, Vector y, String claimedBlock,
                                         List<Vector> variables, int samples, long seed) {
        validate(variables, samples, java.util.Arrays.asList(x, y));
        Side f = new Side("function", function);
        Side claimed = new Side("claimed second derivative", claimedBlock);
        return SymjaSession.get().call(ev -> {
            String fx = prepare(ev, f, variables);
            claimed.expr = prepare(ev, claimed, variables);
            String first = derive(ev, f, "D(" + fx + ", {" + components(x) + "})");
            Side second = new Side("second derivative of", function);
            second.expr = derive(ev, f, "D(" + first + ", {" + components(y) + "})");
            return compare(ev, second, claimed, variables, samples, seed, "second derivative");
        });
    }

    /** One side of a comparison: what it is, the formula as the user wrote it, and Symja's evaluated form. */
    private static final class Side {
        final String role;
        final String formula;
        String expr;

        Side(String role, String formula) {
            this.role = role;
            this.formula = formula;
        }

        /** For messages: "the claimed gradient 'g'", "the gradient of 'f'". */
        String quoted() {
            return "the " + role + " '" + formula + "'";
        }
    }

    /** Argument checks, on the caller's thread before anything is sent to Symja. */
    private static void validate(List<Vector> variables, int samples, List<Vector> wrt) {
        if (samples < 1) {
            throw new LandscapeException("samples must be at least 1, got " + samples + ": when Symja cannot simplify "
                    + "the difference to 0, the formula is checked at that many random points, and a check at no "
                    + "point would check nothing");
        }
        if (variables == null || variables.isEmpty()) {
            throw new LandscapeException("variables: declare at least one vector variable (FormulaChecker.Vector)");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Vector v : variables) {
            if (v == null) {
                throw new LandscapeException("variables: the list contains null");
            }
            if (!names.add(v.name())) {
                throw new LandscapeException("variables: vector '" + v.name() + "' is declared twice");
            }
        }
        for (Vector v : wrt) {
            if (v == null) {
                throw new LandscapeException("the vector to differentiate by is null");
            }
            if (!variables.contains(v)) {
                throw new LandscapeException("cannot differentiate by vector '" + v.name() + "' of dimension "
                        + v.dimension() + ": it is not among the declared variables (" + declared(variables) + ")");
            }
        }
    }

    private static String declared(List<Vector> variables) {
        StringBuilder sb = new StringBuilder();
        for (Vector v : variables) {
            sb.append(sb.length() == 0 ? "" : ", ").append(v.name()).append(" of dimension ").append(v.dimension());
        }
        return sb.toString();
    }

    private static String components(Vector v) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 1; i <= v.dimension(); i++) {
            sb.append(i > 1 ? "," : "").append(v.name()).append(i);
        }
        return sb.append('}').toString();
    }

    /** Name of the helper that {@code Norm} is rewritten to. */
    private static final String NORM = "lsNorm";
    /** Our helpers as the relaxed parser may spell them (it lower-cases unknown names). */
    private static final java.util.Set<String> HELPERS = java.util.Set.of(NORM, NORM.toLowerCase(java.util.Locale.ROOT));

    /**
     * Substitutes vectors by component lists (textually, before anything is evaluated — Symja would otherwise evaluate
     * {@code Outer} or {@code Dot} of bare symbols first) and Norm by Sqrt(x.x); checks that only declared vectors and
     * known functions are used; returns the evaluated expression.
     */
    private static String prepare(ExprEvaluator ev, Side side, List<Vector> variables) {
        if (side.formula == null || side.formula.isBlank()) {
            throw new InvalidFormulaException(side.formula, "the " + side.role + " is "
                    + (side.formula == null ? "null" : "blank"));
        }
        ev.clearVariables();
        String f = side.formula.replaceAll("(?<![A-Za-z0-9_$])Norm\\(", NORM + "(");
        java.util.Set<String> componentNames = new java.util.HashSet<>();
        for (Vector v : variables) {
            f = f.replaceAll("(?<![A-Za-z0-9_$])" + v.name() + "(?![A-Za-z0-9_$(\\[])", components(v));
            for (int i = 1; i <= v.dimension(); i++) {
                componentNames.add(v.name() + i);
            }
        }
        SymjaSession.eval(ev, "helper", NORM + "(x_List):=Sqrt(x.x)");
        IExpr parsed;
        try {
            parsed = ev.parse(f);
        } catch (RuntimeException e) {
            throw new InvalidFormulaException(side.formula, side.quoted() + " does not parse: "
                    + KernelDerivation.syntaxError(e));
        }
        java.util.Set<String> unknown = new java.util.TreeSet<>();
        userSymbols(parsed, unknown);
        unknown.removeAll(componentNames);
        if (!unknown.isEmpty()) {
            String name = KernelDerivation.spelling(side.formula, unknown.iterator().next());
            throw new InvalidFormulaException(side.formula, side.quoted() + " uses '" + name + "', which is not a "
                    + "declared vector (declared: " + declared(variables) + "; a vector w of dimension 3 may also be "
                    + "used by its components w1, w2, w3)");
        }
        String head = KernelDerivation.unknownFunction(parsed, HELPERS);
        if (head != null) {
            throw new InvalidFormulaException(side.formula, side.quoted() + " uses unknown function '"
                    + KernelDerivation.spelling(side.formula, head) + "' (Symja function names are capitalised: "
                    + "Sin, Cos, ArcCos, Sqrt, Norm, Outer, IdentityMatrix, ...)");
        }
        try {
            return SymjaSession.eval(ev, "formula " + side.formula, f).toString();
        } catch (SymbolicException e) {
            throw new InvalidFormulaException(side.formula, side.quoted() + ": Symja cannot evaluate it "
                    + "(its output is in the cause)", e);
        }
    }

    /** Symbols used as values (not as function heads) that are not built into Symja. */
    private static void userSymbols(IExpr e, java.util.Set<String> out) {
        if (e.isSymbol()) {
            if (!e.isBuiltInSymbol()) {
                out.add(e.toString());
            }
        } else if (e.isAST()) {
            IAST ast = (IAST) e;
            if (!ast.head().isSymbol()) {
                userSymbols(ast.head(), out);
            }
            for (int i = 1; i <= ast.argSize(); i++) {
                userSymbols(ast.get(i), out);
            }
        }
    }

    /** A derivative of the user's function; a failure is reported against that function. */
    private static String derive(ExprEvaluator ev, Side f, String input) {
        try {
            return SymjaSession.eval(ev, "derivative of " + f.formula, input).toString();
        } catch (SymbolicException e) {
            throw new InvalidFormulaException(f.formula, "Symja cannot differentiate " + f.quoted()
                    + " (its output is in the cause)", e);
        }
    }

    private static FormulaCheck compare(ExprEvaluator ev, Side left, Side right, List<Vector> variables, int samples,
                                        long seed, String what) {
        String lhs = left.expr;
        String rhs = right.expr;
        IExpr diff = null;
        try {
            if (lhs.length() + rhs.length() > SYMBOLIC_TEXT_LIMIT) {
                throw new IllegalStateException("too large for a symbolic attempt");
            }
            IExpr raw = ev.eval("Flatten({" + lhs + "}) - Flatten({" + rhs + "})");
            // Simplify is exponential in expression size: only small differences are worth a symbolic attempt
            if (raw.leafCount() <= SYMBOLIC_LEAF_LIMIT) {
                diff = ev.eval("Simplify(" + raw + ")");
            }
        } catch (RuntimeException e) {
            diff = null;
        }
        if (diff != null && diff.isList()) {
            boolean allZero = true;
            IAST list = (IAST) diff;
            for (int i = 1; i <= list.argSize(); i++) {
                if (!list.get(i).isZero()) {
                    allZero = false;
                    break;
                }
            }
            if (allZero && list.argSize() > 0) {
                return new FormulaCheck(true, FormulaCheck.Method.SYMBOLIC, 0, 0.0,
                        what + ": the difference simplifies to 0 in all " + list.argSize() + " component(s)");
            }
        }
        // Store both sides as pure functions once: re-sending a large expression as text costs a full re-parse
        StringBuilder params = new StringBuilder();
        for (Vector v : variables) {
            for (int i = 1; i <= v.dimension(); i++) {
                params.append(params.length() == 0 ? "" : ",").append(v.name()).append(i);
            }
        }
        SymjaSession.eval(ev, what + " (left side)", "lsLhs = Function({" + params + "}, Evaluate(Flatten({" + lhs
                + "})))");
        SymjaSession.eval(ev, what + " (right side)", "lsRhs = Function({" + params + "}, Evaluate(Flatten({" + rhs
                + "})))");
        Random rnd = new Random(seed);
        double worst = 0;
        for (int sample = 0; sample < samples; sample++) {
            StringBuilder args = new StringBuilder();
            StringBuilder point = new StringBuilder();
            for (Vector v : variables) {
                point.append(point.length() == 0 ? "" : ", ").append(v.name()).append(" = (");
                for (int i = 1; i <= v.dimension(); i++) {
                    double x = rnd.nextGaussian();
                    args.append(args.length() == 0 ? "" : ",").append(java.math.BigDecimal.valueOf(x).toPlainString());
                    point.append(i > 1 ? ", " : "").append(x);
                }
                point.append(')');
            }
            double[] l = numbers(ev, "lsLhs(" + args + ")", left, point);
            double[] r = numbers(ev, "lsRhs(" + args + ")", right, point);
            if (l.length != r.length) {
                return new FormulaCheck(false, FormulaCheck.Method.NUMERIC, sample + 1, Double.POSITIVE_INFINITY,
                        what + ": the sides have " + l.length + " and " + r.length + " components");
            }
            for (int i = 0; i < l.length; i++) {
                double err = Math.abs(l[i] - r[i]) / Math.max(1.0, Math.max(Math.abs(l[i]), Math.abs(r[i])));
                worst = Math.max(worst, err);
                if (!(err <= TOLERANCE)) {
                    return new FormulaCheck(false, FormulaCheck.Method.NUMERIC, sample + 1, err,
                            what + ": component " + (i + 1) + " differs at " + point + ": symbolic " + l[i]
                                    + " vs claimed " + r[i]);
                }
            }
        }
        return new FormulaCheck(true, FormulaCheck.Method.NUMERIC, samples, worst,
                what + ": Symja could not simplify the difference to 0; the sides agree at " + samples
                        + " random points (max relative discrepancy " + worst + ")");
    }

    /** The components of one side at one point; a value that is not a real number is the user's formula's fault. */
    private static double[] numbers(ExprEvaluator ev, String call, Side side, CharSequence point) {
        IExpr value;
        try {
            value = SymjaSession.eval(ev, side.role, "N(" + call + ")");
        } catch (SymbolicException e) {
            throw new InvalidFormulaException(side.formula, side.quoted() + " has no numeric value at " + point
                    + " (Symja's output is in the cause)", e);
        }
        if (!value.isList()) {
            throw new InvalidFormulaException(side.formula, side.quoted() + " has no numeric value at " + point);
        }
        IAST list = (IAST) value;
        double[] a = new double[list.argSize()];
        for (int i = 1; i <= list.argSize(); i++) {
            IExpr e = list.get(i);
            if (!e.isReal()) {
                String kind = e.isNumber() ? "a complex number" : "not a number (an unevaluated expression)";
                throw new InvalidFormulaException(side.formula, side.quoted() + ": component " + i + " is " + kind
                        + " at " + point + "; formulas must be real at every point with nonzero vectors");
            }
            a[i - 1] = e.evalDouble();
        }
        return a;
    }
}
