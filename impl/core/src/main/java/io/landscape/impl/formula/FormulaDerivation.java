package io.landscape.impl.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IExpr;

import io.landscape.api.InvalidFormulaException;
import io.landscape.impl.symbolic.SymbolicException;
import io.landscape.impl.symbolic.SymjaSession;

/**
 * The derive stage of a formula objective: Symja differentiates the outer expression Φ in its globals and aggregates
 * and each body in its local dot products, to second order. Every {@code Simplify} result is checked numerically
 * against its input at the probe points (values of all symbols at seeded random points of the objective, so they are
 * consistent: a Gram matrix, aggregates computed from their bodies) to 10⁻⁹ relative, and the unsimplified form is
 * kept otherwise; expressions with more than {@link #SIMPLIFY_LEAVES} leaves are not simplified (Symja's
 * {@code Simplify} takes minutes on a sum of 20 squared dot products inside an {@code Exp}; CSE removes the
 * repetition instead), which is one of the derivation settings in the cache key.
 */
final class FormulaDerivation {
    /** Largest expression (leaf count) given to Simplify. */
    static final int SIMPLIFY_LEAVES = 120;

    /** Value, first derivatives, upper triangle of second derivatives of one routine. */
    record Derived(List<IExpr> value, List<IExpr> first, List<IExpr> second) {
        /** value then first: the outputs of the {@code First} routine. */
        List<IExpr> uptoFirst() {
            List<IExpr> l = new ArrayList<>(value);
            l.addAll(first);
            return l;
        }

        /** value, first, second: the outputs of the {@code Second} routine. */
        List<IExpr> uptoSecond() {
            List<IExpr> l = uptoFirst();
            l.addAll(second);
            return l;
        }
    }

    private FormulaDerivation() {
    }

    /**
     * Derives {@code expr} in {@code variables} on the Symja thread.
     *
     * @param probes values of every symbol of {@code expr} at a few consistent points
     */
    static Derived derive(ExprEvaluator ev, String who, String formula, String expr, List<String> variables,
                          List<Map<String, Double>> probes, Map<String, String> names) {
        String v0;
        try {
            v0 = SymjaSession.eval(ev, who, expr).toString();
        } catch (SymbolicException e) {
            throw new InvalidFormulaException(formula, who + ": Symja cannot evaluate the formula (its output is in "
                    + "the cause)", e);
        }
        Map<String, Double> p0 = probes.get(0);
        double at0 = numeric(ev, v0, p0);
        if (!Double.isFinite(at0)) {
            throw new InvalidFormulaException(formula, who + " is not a finite real number at a random point ("
                    + describe(p0, names) + "): check the formula's domain (Sqrt, Log and ArcSin of what?)");
        }
        List<IExpr> value = List.of(ev.parse(simplified(ev, who, v0, probes)));
        List<String> firstText = new ArrayList<>();
        List<IExpr> first = new ArrayList<>();
        for (String x : variables) {
            String d = derivative(ev, who, formula, v0, x);
            firstText.add(d);
            first.add(ev.parse(simplified(ev, who, d, probes)));
        }
        List<IExpr> second = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            for (int j = i; j < variables.size(); j++) {
                String d = derivative(ev, who, formula, firstText.get(i), variables.get(j));
                second.add(ev.parse(simplified(ev, who, d, probes)));
            }
        }
        return new Derived(value, first, second);
    }

    private static String derivative(ExprEvaluator ev, String who, String formula, String expr, String x) {
        try {
            return SymjaSession.eval(ev, who, "D(" + expr + ", " + x + ")").toString();
        } catch (SymbolicException e) {
            throw new InvalidFormulaException(formula, who + ": Symja cannot differentiate the formula in one of its "
                    + "dot products or loops (its output is in the cause); an equivalent form may work", e);
        }
    }

    /** Simplify, kept only where it agrees with its input at every probe. */
    private static String simplified(ExprEvaluator ev, String who, String raw, List<Map<String, Double>> probes) {
        if (ev.parse(raw).leafCount() > SIMPLIFY_LEAVES) {
            return raw;
        }
        String candidate;
        try {
            candidate = SymjaSession.eval(ev, who, "Simplify(" + raw + ")").toString();
        } catch (SymbolicException e) {
            return raw;
        }
        if (candidate.equals(raw)) {
            return raw;
        }
        for (Map<String, Double> p : probes) {
            double x = numeric(ev, raw, p);
            double y = numeric(ev, candidate, p);
            if (!(Math.abs(x - y) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y))))) {
                return raw;
            }
        }
        return candidate;
    }

    /** N(expr) at the probe, NaN if not a real number. */
    static double numeric(ExprEvaluator ev, String expr, Map<String, Double> at) {
        StringBuilder rules = new StringBuilder("{");
        for (Map.Entry<String, Double> e : at.entrySet()) {
            rules.append(rules.length() > 1 ? ", " : "").append(e.getKey()).append("->")
                    .append(java.math.BigDecimal.valueOf(e.getValue()).toPlainString());
        }
        rules.append('}');
        try {
            IExpr v = ev.eval("N(ReplaceAll(" + expr + ", " + rules + "))");
            return v != null && v.isReal() ? v.evalDouble() : Double.NaN;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String describe(Map<String, Double> p, Map<String, String> names) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> e : p.entrySet()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(names.getOrDefault(e.getKey(), e.getKey())).append(" = ").append((float) (double) e.getValue());
        }
        return sb.toString();
    }
}
