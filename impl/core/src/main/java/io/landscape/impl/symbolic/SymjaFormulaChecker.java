package io.landscape.impl.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

import io.landscape.api.FormulaCheck;
import io.landscape.api.FormulaChecker;

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
        return SymjaSession.get().call(ev -> compare(ev, prepare(ev, lhs, variables), prepare(ev, rhs, variables),
                variables, samples, seed, "identity"));
    }

    @Override
    public FormulaCheck gradient(String function, Vector wrt, String claimedGradient, List<Vector> variables,
                                 int samples, long seed) {
        return SymjaSession.get().call(ev -> {
            String f = prepare(ev, function, variables);
            String derivative = SymjaSession.eval(ev, "gradient of " + function,
                    "D(" + f + ", {" + components(wrt) + "})").toString();
            return compare(ev, derivative, prepare(ev, claimedGradient, variables), variables, samples, seed,
                    "gradient");
        });
    }

    @Override
    public FormulaCheck secondDerivative(String function, Vector x, Vector y, String claimedBlock,
                                         List<Vector> variables, int samples, long seed) {
        return SymjaSession.get().call(ev -> {
            String f = prepare(ev, function, variables);
            String first = SymjaSession.eval(ev, "derivative of " + function, "D(" + f + ", {" + components(x) + "})")
                    .toString();
            String second = SymjaSession.eval(ev, "second derivative of " + function,
                    "D(" + first + ", {" + components(y) + "})").toString();
            return compare(ev, second, prepare(ev, claimedBlock, variables), variables, samples, seed,
                    "second derivative");
        });
    }

    private static String components(Vector v) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 1; i <= v.dimension(); i++) {
            sb.append(i > 1 ? "," : "").append(v.name()).append(i);
        }
        return sb.append('}').toString();
    }

    /**
     * Substitutes vectors by component lists (textually, before anything is evaluated — Symja would otherwise evaluate
     * {@code Outer} or {@code Dot} of bare symbols first) and Norm by Sqrt(x.x); returns the evaluated expression.
     */
    private static String prepare(ExprEvaluator ev, String formula, List<Vector> variables) {
        ev.clearVariables();
        String f = formula.replaceAll("(?<![A-Za-z0-9_$])Norm\\(", "lsNorm(");
        for (Vector v : variables) {
            f = f.replaceAll("(?<![A-Za-z0-9_$])" + v.name() + "(?![A-Za-z0-9_$(\\[])", components(v));
        }
        SymjaSession.eval(ev, "helper", "lsNorm(x_List):=Sqrt(x.x)");
        try {
            ev.parse(f);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot parse formula '" + formula + "': " + e.getMessage(), e);
        }
        return SymjaSession.eval(ev, "formula " + formula, f).toString();
    }

    private static FormulaCheck compare(ExprEvaluator ev, String lhs, String rhs, List<Vector> variables, int samples,
                                        long seed, String what) {
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
            for (Vector v : variables) {
                for (int i = 1; i <= v.dimension(); i++) {
                    args.append(args.length() == 0 ? "" : ",")
                            .append(java.math.BigDecimal.valueOf(rnd.nextGaussian()).toPlainString());
                }
            }
            String rules = "(" + params + ") = (" + args + ")";
            double[] l = numbers(ev, "lsLhs(" + args + ")", what + " (left side)");
            double[] r = numbers(ev, "lsRhs(" + args + ")", what + " (right side)");
            if (l.length != r.length) {
                return new FormulaCheck(false, FormulaCheck.Method.NUMERIC, sample + 1, Double.POSITIVE_INFINITY,
                        what + ": the sides have " + l.length + " and " + r.length + " components");
            }
            for (int i = 0; i < l.length; i++) {
                double err = Math.abs(l[i] - r[i]) / Math.max(1.0, Math.max(Math.abs(l[i]), Math.abs(r[i])));
                worst = Math.max(worst, err);
                if (!(err <= TOLERANCE)) {
                    return new FormulaCheck(false, FormulaCheck.Method.NUMERIC, sample + 1, err,
                            what + ": component " + (i + 1) + " differs at " + rules + ": symbolic " + l[i]
                                    + " vs claimed " + r[i]);
                }
            }
        }
        return new FormulaCheck(true, FormulaCheck.Method.NUMERIC, samples, worst,
                what + ": Symja could not simplify the difference to 0; the sides agree at " + samples
                        + " random points (max relative discrepancy " + worst + ")");
    }

    private static double[] numbers(ExprEvaluator ev, String call, String what) {
        IExpr value = SymjaSession.eval(ev, what, "N(" + call + ")");
        if (!value.isList()) {
            throw new SymbolicException(what + ": not a list of numbers: " + value);
        }
        IAST list = (IAST) value;
        List<Double> out = new ArrayList<>();
        for (int i = 1; i <= list.argSize(); i++) {
            IExpr e = list.get(i);
            if (!e.isReal()) {
                throw new SymbolicException(what + ": component " + i + " is not a real number: " + e);
            }
            out.add(e.evalDouble());
        }
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }
}
