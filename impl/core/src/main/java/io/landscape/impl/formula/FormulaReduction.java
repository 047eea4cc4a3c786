package io.landscape.impl.formula;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IInteger;

import io.landscape.api.InvalidFormulaException;
import io.landscape.api.formula.ObjectiveFormula;
import io.landscape.api.formula.ObjectiveFormula.VectorKind;

/**
 * The reduce stage of a formula objective: the user's formula (parsed by Symja, never evaluated here) becomes a
 * {@link Reduced} formula in scalars — dot products expanded bilinearly into named atoms, helper functions
 * substituted, every {@code Sum}/{@code Product} over a family replaced by an aggregate whose body is a function of the
 * member's local dot products. Every mistake is refused with one {@link InvalidFormulaException} naming it.
 */
final class FormulaReduction {
    private static final Set<String> CONSTANTS = Set.of("Pi", "E", "EulerGamma", "Catalan", "GoldenRatio", "Degree");

    private final ObjectiveFormula spec;
    private final String who;
    private final Map<String, ObjectiveFormula.Vector> vectors = new HashMap<>();
    private final Map<String, IExpr> definitionBodies = new HashMap<>();
    private final Map<String, ObjectiveFormula.Definition> definitions = new HashMap<>();
    private final Reduced out = new Reduced();
    private final Map<String, String> atomSymbols = new HashMap<>();
    private final Map<String, String> aggregateSymbols = new HashMap<>();

    /** The loop being reduced: index symbol, and the family it runs over once known. */
    private String loopIndex;
    private String loopFamily;
    private IExpr loopBound;

    private FormulaReduction(ObjectiveFormula spec) {
        this.spec = spec;
        this.who = "objective '" + spec.name() + "'";
        for (ObjectiveFormula.Vector v : spec.vectors()) {
            vectors.put(v.name(), v);
        }
        out.scalars.addAll(spec.scalars().keySet());
    }

    /**
     * The declared name Symja's relaxed parser reports as {@code e} (it lower-cases multi-letter names that start
     * with a capital, e.g. 'Foo' becomes 'foo'): the exact name if declared, else a case-insensitive match unless
     * {@code e} is one of Symja's own symbols.
     */
    private String canon(IExpr e) {
        String n = e.toString();
        if (vectors.containsKey(n) || definitions.containsKey(n) || spec.scalars().containsKey(n) || e.isBuiltInSymbol()) {
            return n;
        }
        String d = lowerCase.get(n.toLowerCase(java.util.Locale.ROOT));
        return d == null ? n : d;
    }

    private final Map<String, String> lowerCase = new HashMap<>();

    private void declare(String name) {
        String prev = lowerCase.put(name.toLowerCase(java.util.Locale.ROOT), name);
        if (prev != null) {
            throw error("declares both '" + prev + "' and '" + name + "': names must differ in more than case");
        }
    }

    /** Reduces {@code spec} on the Symja thread's evaluator {@code ev} (parsing only). */
    static Reduced reduce(ExprEvaluator ev, ObjectiveFormula spec) {
        FormulaReduction r = new FormulaReduction(spec);
        for (ObjectiveFormula.Vector v : spec.vectors()) {
            r.declare(v.name());
        }
        for (String n : spec.scalars().keySet()) {
            r.declare(n);
        }
        for (ObjectiveFormula.Definition d : spec.definitions()) {
            if (r.vectors.containsKey(d.name()) || spec.scalars().containsKey(d.name())) {
                throw r.error(d.body(), "defines '" + d.name() + "', which is also a declared name");
            }
            r.declare(d.name());
            r.definitions.put(d.name(), d);
            r.definitionBodies.put(d.name(), r.parse(ev, d.body(), "definition of " + d.name()));
        }
        IExpr e = r.parse(ev, spec.formula(), "formula");
        r.out.outer = r.scalar(e, Map.of());
        return r.out;
    }

    private IExpr parse(ExprEvaluator ev, String text, String what) {
        try {
            return ev.parse(text);
        } catch (RuntimeException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            throw error(text, "the " + what + " '" + text + "' does not parse: " + m.split("\\R", 2)[0].trim());
        }
    }

    private InvalidFormulaException error(String text, String message) {
        return new InvalidFormulaException(text == null ? spec.formula() : text, who + " (formula '"
                + spec.formula() + "'): " + message);
    }

    private InvalidFormulaException error(String message) {
        return error(spec.formula(), message);
    }

    /** A value bound to a helper function's argument: a vector combination or a scalar expression. */
    private record Bound(Map<Reduced.Ref, String> vector, String scalar) {
    }

    // ---- scalars -------------------------------------------------------------------------------------------------

    private String scalar(IExpr e, Map<String, Bound> env) {
        if (e.isInteger() || e.isFraction()) {
            return "(" + e + ")";
        }
        if (e.isReal()) {
            return "(" + java.math.BigDecimal.valueOf(e.evalDouble()).toPlainString() + ")";
        }
        if (e.isSymbol()) {
            String name = env.containsKey(e.toString()) ? e.toString() : canon(e);
            Bound b = env.get(name);
            if (b != null) {
                if (b.scalar() == null) {
                    throw error("the vector argument '" + name + "' is used as a number: vectors enter only through "
                            + "dot products (a.b, Dot(a, b)) and Norm(a)");
                }
                return "(" + b.scalar() + ")";
            }
            int s = out.scalars.indexOf(name);
            if (s >= 0) {
                return "xs" + s;
            }
            if (vectors.containsKey(name)) {
                throw error("the vector '" + name + "' is used as a number: vectors enter only through dot products "
                        + "(" + name + "." + name + ", Dot(" + name + ", u)) and Norm(" + name + ")");
            }
            if (name.equals(loopIndex)) {
                throw error("the loop index '" + name + "' is used as a number; it may only name a member, e.g. w["
                        + name + "]");
            }
            if (e.isBuiltInSymbol() && CONSTANTS.contains(name)) {
                return name;
            }
            throw error("uses unknown variable '" + spelling(name) + "' (declared: " + declared() + ")");
        }
        if (!e.isAST()) {
            throw error("contains '" + e + "', which is not a real number or a name");
        }
        IAST ast = (IAST) e;
        IExpr head = ast.head();
        String h = canon(head);
        int n = ast.argSize();
        if (h.equals("Dot")) {
            if (n != 2) {
                throw error("Dot takes two vectors, got " + n + " arguments in " + e);
            }
            return dot(vector(ast.get(1), env), vector(ast.get(2), env), e);
        }
        if (h.equals("Norm")) {
            if (n != 1) {
                throw error("Norm takes one vector (the Euclidean norm), got " + e);
            }
            Map<Reduced.Ref, String> v = vector(ast.get(1), env);
            return "Sqrt(" + dot(v, v, e) + ")";
        }
        if ((h.equals("Sum") || h.equals("Product")) && n == 2) {
            return aggregate(h.equals("Product"), ast, env);
        }
        if (h.equals("Sum") || h.equals("Product")) {
            throw error(h + " needs the form " + h + "(body, {l, 1, k}), got " + e);
        }
        ObjectiveFormula.Definition d = definitions.get(h);
        if (d != null) {
            if (d.arguments().size() != n) {
                throw error(h + " is defined with " + d.arguments().size() + " argument(s) " + d.arguments()
                        + ", called with " + n + " in " + e);
            }
            Map<String, Bound> inner = new HashMap<>();
            for (int i = 0; i < n; i++) {
                IExpr arg = ast.get(i + 1);
                Bound bound = isVector(arg, env) ? new Bound(vector(arg, env), null) : new Bound(null, scalar(arg, env));
                String a = d.arguments().get(i);
                inner.put(a, bound);
                inner.put(a.toLowerCase(java.util.Locale.ROOT), bound); // as Symja's relaxed parser may spell it
            }
            return "(" + scalar(definitionBodies.get(h), inner) + ")";
        }
        if (vectors.containsKey(h)) {
            throw error("the vector '" + e + "' is used as a number: vectors enter only through dot products and "
                    + "Norm");
        }
        if (!head.isSymbol() || !head.isBuiltInSymbol()) {
            throw error("uses unknown function '" + spelling(h) + "' (Symja function names are capitalised: Sin, "
                    + "Cos, ArcSin, Exp, Log, Sqrt, Erf, ...; helpers: " + definitions.keySet() + ")");
        }
        StringBuilder sb = new StringBuilder(h).append('(');
        for (int i = 1; i <= n; i++) {
            if (i > 1) {
                sb.append(", ");
            }
            sb.append(scalar(ast.get(i), env));
        }
        return sb.append(')').toString();
    }

    private String aggregate(boolean product, IAST ast, Map<String, Bound> env) {
        String what = product ? "Product" : "Sum";
        if (loopIndex != null) {
            throw error("nested loops are not supported: a " + what + " inside the loop over " + loopIndex);
        }
        IExpr spec2 = ast.get(2);
        if (!spec2.isList() || ((IAST) spec2).argSize() != 3 || !((IAST) spec2).get(1).isSymbol()) {
            throw error(what + " needs the form " + what + "(body, {l, 1, k}) with a loop index l, got " + ast);
        }
        IAST it = (IAST) spec2;
        String index = it.get(1).toString();
        if (vectors.containsKey(index) || out.scalars.contains(index) || env.containsKey(index)) {
            throw error("the loop index '" + index + "' is already a declared name");
        }
        if (!it.get(2).isOne()) {
            throw error(what + " over " + index + " must start at 1 (a loop runs over all members of a family), got "
                    + it.get(2));
        }
        loopIndex = index;
        loopFamily = null;
        loopBound = it.get(3);
        String body;
        try {
            body = scalar(ast.get(1), env);
        } finally {
            loopIndex = null;
        }
        if (loopFamily == null) {
            throw error("the body of " + what + " over " + index + " uses no family member (write w[" + index
                    + "] for a family w declared with vectors(...) or sharedVectors(...)): " + ast.get(1));
        }
        int count = vectors.get(loopFamily).count();
        double bound = Double.NaN;
        if (loopBound.isInteger()) {
            bound = ((IInteger) loopBound).toBigNumerator().doubleValue();
        } else if (loopBound.isSymbol() && spec.scalars().containsKey(loopBound.toString())) {
            bound = spec.scalars().get(loopBound.toString());
        }
        if (bound != count) {
            throw error(what + " over " + index + " runs to " + loopBound + (Double.isNaN(bound) ? "" : " = "
                    + bound) + ", but the family '" + loopFamily + "' has " + count + " members (the bound must be "
                    + count + " or a scalar with that value)");
        }
        int b = -1;
        for (int i = 0; i < out.bodies.size(); i++) {
            if (out.bodies.get(i).equals(new Reduced.Body(loopFamily, body))) {
                b = i;
            }
        }
        if (b < 0) {
            b = out.bodies.size();
            out.bodies.add(new Reduced.Body(loopFamily, body));
        }
        String key = product + ":" + b;
        String sym = aggregateSymbols.get(key);
        if (sym == null) {
            sym = "xa" + out.aggregates.size();
            out.aggregates.add(new Reduced.Aggregate(product, loopFamily, b));
            aggregateSymbols.put(key, sym);
        }
        return sym;
    }

    // ---- vectors -------------------------------------------------------------------------------------------------

    private boolean isVector(IExpr e, Map<String, Bound> env) {
        if (e.isSymbol()) {
            Bound b = env.get(e.toString());
            return b != null ? b.vector() != null : vectors.containsKey(canon(e));
        }
        if (e.isAST()) {
            String h = canon(e.head());
            if (vectors.containsKey(h)) {
                return true;
            }
            if (h.equals("Plus") || h.equals("Times")) {
                for (int i = 1; i <= ((IAST) e).argSize(); i++) {
                    if (isVector(((IAST) e).get(i), env)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private Map<Reduced.Ref, String> vector(IExpr e, Map<String, Bound> env) {
        Map<Reduced.Ref, String> v = new LinkedHashMap<>();
        if (e.isSymbol()) {
            String name = env.containsKey(e.toString()) ? e.toString() : canon(e);
            Bound b = env.get(name);
            if (b != null) {
                if (b.vector() == null) {
                    throw error("'" + name + "' is a number where a vector is needed");
                }
                return b.vector();
            }
            ObjectiveFormula.Vector decl = vectors.get(name);
            if (decl == null) {
                throw error("'" + spelling(name) + "' is not a declared vector (declared: " + declared() + ")");
            }
            switch (decl.kind()) {
                case FREE:
                    v.put(new Reduced.Ref(Reduced.Ref.Kind.FREE, name, 0), "1");
                    return v;
                case PARAMETER:
                    v.put(new Reduced.Ref(Reduced.Ref.Kind.PARAMETER, name, 0), "1");
                    return v;
                default:
                    throw error("'" + name + "' is a family of " + decl.count() + " vectors: name a member, "
                            + name + "[l] inside Sum/Product(..., {l, 1, " + decl.count() + "}) or " + name + "[1]");
            }
        }
        if (e.isAST()) {
            IAST ast = (IAST) e;
            String h = canon(ast.head());
            ObjectiveFormula.Vector decl = vectors.get(h);
            if (decl != null) {
                if (decl.kind() != VectorKind.FAMILY && decl.kind() != VectorKind.SHARED_FAMILY) {
                    throw error("'" + h + "' is a single vector, not a family: write " + h + ", not " + e);
                }
                if (ast.argSize() != 1) {
                    throw error("a member of '" + h + "' takes one index: " + e);
                }
                IExpr index = ast.get(1);
                if (index.isSymbol() && index.toString().equals(loopIndex)) {
                    if (loopFamily != null && !loopFamily.equals(h)) {
                        throw error("one loop runs over one family: the loop over " + loopIndex + " uses both "
                                + loopFamily + "[" + loopIndex + "] and " + e);
                    }
                    loopFamily = h;
                    v.put(new Reduced.Ref(Reduced.Ref.Kind.LOOP, h, 0), "1");
                    return v;
                }
                if (index.isInteger()) {
                    int m = ((IInteger) index).toBigNumerator().intValue();
                    if (m < 1 || m > decl.count()) {
                        throw error("member " + e + " does not exist: '" + h + "' has members 1.." + decl.count());
                    }
                    v.put(new Reduced.Ref(Reduced.Ref.Kind.MEMBER, h, m), "1");
                    return v;
                }
                throw error("the index of " + e + " must be a number or the index of an enclosing Sum/Product");
            }
            if (h.equals("Plus")) {
                for (int i = 1; i <= ast.argSize(); i++) {
                    IExpr t = ast.get(i);
                    if (!isVector(t, env)) {
                        throw error("adds a number to a vector in " + e);
                    }
                    for (Map.Entry<Reduced.Ref, String> x : vector(t, env).entrySet()) {
                        v.merge(x.getKey(), x.getValue(), (p, q) -> p + " + " + q);
                    }
                }
                return v;
            }
            if (h.equals("Times")) {
                IExpr vec = null;
                List<String> factors = new ArrayList<>();
                for (int i = 1; i <= ast.argSize(); i++) {
                    IExpr t = ast.get(i);
                    if (isVector(t, env)) {
                        if (vec != null) {
                            throw error("multiplies two vectors in " + e + ": write a dot product a.b");
                        }
                        vec = t;
                    } else {
                        factors.add(scalar(t, env));
                    }
                }
                String c = String.join("*", factors);
                for (Map.Entry<Reduced.Ref, String> x : vector(vec, env).entrySet()) {
                    v.put(x.getKey(), "(" + c + ")*(" + x.getValue() + ")");
                }
                return v;
            }
        }
        throw error("'" + e + "' is not a vector expression (vectors: declared names, family members w[l], sums and "
                + "multiples of them)");
    }

    private String dot(Map<Reduced.Ref, String> a, Map<Reduced.Ref, String> b, IExpr where) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Reduced.Ref, String> p : a.entrySet()) {
            for (Map.Entry<Reduced.Ref, String> q : b.entrySet()) {
                String atom = atom(p.getKey(), q.getKey(), where);
                sb.append(sb.length() == 0 ? "" : " + ");
                sb.append(coefficient(p.getValue(), q.getValue())).append(atom);
            }
        }
        return "(" + sb + ")";
    }

    private static String coefficient(String p, String q) {
        if (p.equals("1") && q.equals("1")) {
            return "";
        }
        if (p.equals("1")) {
            return "(" + q + ")*";
        }
        if (q.equals("1")) {
            return "(" + p + ")*";
        }
        return "(" + p + ")*(" + q + ")*";
    }

    private int dimension(Reduced.Ref r) {
        return vectors.get(r.vector()).dimension();
    }

    private String atom(Reduced.Ref p, Reduced.Ref q, IExpr where) {
        if (dimension(p) != dimension(q)) {
            throw error("the dot product " + p + "." + q + " in " + where + " pairs vectors of dimensions "
                    + dimension(p) + " and " + dimension(q));
        }
        if (p.key().compareTo(q.key()) > 0) {
            Reduced.Ref t = p;
            p = q;
            q = t;
        }
        boolean pc = p.kind() == Reduced.Ref.Kind.PARAMETER;
        boolean qc = q.kind() == Reduced.Ref.Kind.PARAMETER;
        if (pc && qc) {
            return symbol(new Reduced.Atom(p, q), out.constants, "xc");
        }
        boolean pl = p.kind() == Reduced.Ref.Kind.LOOP;
        boolean ql = q.kind() == Reduced.Ref.Kind.LOOP;
        if (loopIndex != null) {
            if (!(pl || ql) || !(pl || pc) || !(ql || qc)) {
                throw error("inside a Sum/Product over " + loopIndex + ", every dot product must involve the member "
                        + (loopFamily == null ? "w" : loopFamily) + "[" + loopIndex + "] and otherwise only "
                        + "parameters: got " + p + "." + q + " in " + where);
            }
            Reduced.Ref partner = pl && ql ? p : pl ? q : p;
            int f = out.families.indexOf(loopFamily);
            if (f < 0) {
                f = out.families.size();
                out.families.add(loopFamily);
                out.locals.add(new ArrayList<>());
            }
            List<Reduced.Ref> ls = out.locals.get(f);
            int i = ls.indexOf(partner);
            if (i < 0) {
                i = ls.size();
                ls.add(partner);
            }
            return "xm" + i;
        }
        return symbol(new Reduced.Atom(p, q), out.globals, "xg");
    }

    private String symbol(Reduced.Atom a, List<Reduced.Atom> list, String prefix) {
        String key = prefix + a.a().key() + "|" + a.b().key();
        String s = atomSymbols.get(key);
        if (s == null) {
            s = prefix + list.size();
            list.add(a);
            atomSymbols.put(key, s);
        }
        return s;
    }

    private String declared() {
        List<String> names = new ArrayList<>(vectors.keySet());
        names.addAll(spec.scalars().keySet());
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** How the user wrote a name Symja reports (its relaxed parser may change the case). */
    private String spelling(String name) {
        StringBuilder all = new StringBuilder(spec.formula());
        for (ObjectiveFormula.Definition d : spec.definitions()) {
            all.append(' ').append(d.body());
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![A-Za-z0-9$])"
                + java.util.regex.Pattern.quote(name) + "(?![A-Za-z0-9$])", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(all);
        return m.find() ? m.group() : name;
    }
}
