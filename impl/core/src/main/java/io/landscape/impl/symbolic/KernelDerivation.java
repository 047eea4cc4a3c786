package io.landscape.impl.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IExpr;

import io.landscape.api.InvalidFormulaException;
import io.landscape.api.Kernel;

/**
 * Derives, with Symja, every scalar coefficient the objective needs from a kernel κ(w, v) = K(r, ρ, θ),
 * r = ‖w‖, ρ = ‖v‖, θ = ∠(w, v).
 *
 * <h2>Derivation (the formulas the generated code implements)</h2>
 * Write a = w/r, b = v/ρ, c = cos θ = a·b, s = sin θ, and for s &gt; 0 the in-plane unit vectors
 * n = (b − c a)/s (the part of b orthogonal to a; paper 000's n̄_{v,w}) and m = (a − c b)/s (n̄_{w,v}). Then
 * ∇_w r = a, ∇_w c = (b − c a)/r = s n / r, ∇_w a = (I − aaᵀ)/r, and symmetrically for v.
 * Because a smooth kernel is a function of c, derivatives in c are taken as ∂_c = −(1/sin θ) ∂_θ, which Symja
 * simplifies so that the factor sin θ cancels symbolically (no 0/0 at θ ∈ {0, π}):
 * <pre>
 *   K_c  = −K_θ / sin θ,          K_cc = −(∂_θ K_c) / sin θ.
 * </pre>
 * <b>Gradient</b> (∂κ/∂w = K_r a + (K_c/r)(b − c a)):
 * <pre>
 *   ∂κ/∂w = gA · a + gB · v,   gA = K_r − c K_c / r,     gB = K_c / (r ρ)
 *   ∂κ/∂v = gAv · b + gB · w,  gAv = K_ρ − c K_c / ρ
 * </pre>
 * For ReLU these are gA = ρ sin θ/(2π), gB = (π − θ)/(2π): paper 002 Eq. (8).
 * <b>Hessian, diagonal part</b> h1 = ∂²κ/∂w² (differentiate the gradient once more):
 * <pre>
 *   h1 = α I + (β − α) aaᵀ + γ (anᵀ + naᵀ) + δ nnᵀ
 *   α = K_r/r − c K_c/r²,   β = K_rr,   γ = s (∂_r K_c − K_c/r) / r,   δ = s² K_cc / r²
 * </pre>
 * and h1v = ∂²κ/∂v² the same with r ↔ ρ, a ↔ b, n ↔ m. For ReLU: α = δ = ρ sin θ/(2π r), β = γ = 0, i.e.
 * (sin θ ρ/(2π r))(I − aaᵀ + nnᵀ) — paper 002 / 000 Thm 10.
 * <b>Hessian, off-diagonal part</b> h2 = ∂²κ/∂w∂v, entry (p, q) = ∂²κ/∂w_p∂v_q:
 * <pre>
 *   h2 = η0 (I − bbᵀ) + η2 abᵀ + η3 amᵀ + η4 nbᵀ + η5 nmᵀ
 *   η0 = K_c/(rρ),  η2 = K_rρ,  η3 = s(∂_r K_c − K_c/r)/ρ,  η4 = s ∂_ρ K_c / r,  η5 = s² K_cc/(rρ)
 * </pre>
 * (for ReLU: ((π − θ)/(2π)) I + (sin θ/(2π))(abᵀ + nmᵀ), which equals paper 002's
 * (1/(2π))((π − θ)I + n̄_{w,v} v̄ᵀ + n̄_{v,w} w̄ᵀ)).
 * <b>Self term</b> κ(w, w) = D(r) := K(r, r, 0), with ∇ = D′ a and ∇² = D″ aaᵀ + (D′/r)(I − aaᵀ).
 *
 * <h2>Degenerate geometry</h2>
 * The coefficients γ, δ, η3, η4, η5 multiply n or m, which are undefined when s = 0 (parallel or antiparallel
 * neurons). Each coefficient is therefore also evaluated at θ = 0 and θ = π (by substitution, or by Symja's
 * {@code Limit} where substitution is indeterminate); the generated code uses those values when s = 0. For ReLU they
 * give h1 → 0 and h2 → ½I (θ → 0) or 0 (θ → π): paper 000 Lemma 2 and App. A.
 */
public final class KernelDerivation {

    /** Names of the first-order outputs, in the order the generated {@code first} method writes them. */
    public static final List<String> FIRST = List.of("K", "gA", "gAv", "gB");
    /** Names of the second-order outputs, in the order the generated {@code second} method writes them. */
    public static final List<String> SECOND = List.of("a1", "b1", "g1", "d1", "a1v", "b1v", "g1v", "d1v",
            "e0", "e2", "e3", "e4", "e5");
    /** Names of the self-kernel outputs D(r), D′(r), D″(r). */
    public static final List<String> SELF = List.of("D", "D1", "D2");

    /** Derived expressions in r, rho, theta, as Symja prints them (parseable again). */
    public static final class Derived {
        public final Kernel kernel;
        public final String kernelExpr;
        /** name → expression in r, rho, theta (FIRST and SECOND), or r (SELF). */
        public final Map<String, IExpr> regular = new LinkedHashMap<>();
        /** name → value at θ = 0 (in r, rho). */
        public final Map<String, IExpr> atZero = new LinkedHashMap<>();
        /** name → value at θ = π (in r, rho). */
        public final Map<String, IExpr> atPi = new LinkedHashMap<>();

        Derived(Kernel kernel, String kernelExpr) {
            this.kernel = kernel;
            this.kernelExpr = kernelExpr;
        }
    }

    private KernelDerivation() {
    }

    /** Runs the whole derivation on the Symja thread. */
    public static Derived derive(Kernel kernel) {
        return SymjaSession.get().call(ev -> deriveOn(ev, kernel));
    }

    private static Derived deriveOn(ExprEvaluator ev, Kernel kernel) {
        String who = "kernel '" + kernel.name() + "'";
        String quoted = who + " (formula '" + kernel.formula() + "')";
        ev.clearVariables();
        IExpr parsed;
        try {
            parsed = ev.parse(kernel.formula());
        } catch (RuntimeException e) {
            throw new InvalidFormulaException(kernel.formula(), quoted + " does not parse: " + syntaxError(e)
                    + caret(e));
        }
        checkNames(kernel, quoted, parsed);
        String k;
        try {
            k = SymjaSession.eval(ev, who, "ReplaceAll(" + parsed + ", {ww->r^2, vv->rho^2, wv->r*rho*Cos(theta)})")
                    .toString();
        } catch (SymbolicException e) {
            throw new InvalidFormulaException(kernel.formula(), quoted + ": Symja cannot evaluate the formula "
                    + "(its output is in the cause)", e);
        }
        for (double[] p : REALITY_PROBES) {
            double value;
            try {
                value = numeric(ev, who, k, p);
            } catch (SymbolicException e) {
                value = Double.NaN;
            }
            if (!Double.isFinite(value)) {
                throw new InvalidFormulaException(kernel.formula(), quoted + " is not a real number at r = ‖w‖ = "
                        + p[0] + ", rho = ‖v‖ = " + p[1] + ", theta = " + p[2] + " (w·v = "
                        + (float) (p[0] * p[1] * Math.cos(p[2])) + "): a kernel E σ(w·x)σ(v·x) is real and finite "
                        + "for all w, v");
            }
        }
        IExpr asym = SymjaSession.eval(ev, who, "Simplify((" + k + ") - ReplaceAll(" + k + ", {r->rho, rho->r}))");
        if (!asym.isZero()) {
            // not provably symmetric: test numerically
            for (double[] p : new double[][] {{0.7, 1.9, 0.4}, {1.3, 0.35, 2.2}, {2.5, 0.9, 1.1}}) {
                double d = numeric(ev, who, asym.toString(), p);
                if (Math.abs(d) > 1e-12) {
                    throw new InvalidFormulaException(kernel.formula(), quoted + " is not symmetric in w and v: "
                            + "K(r, rho, theta) − K(rho, r, theta) = " + d + " at r = " + p[0] + ", rho = " + p[1]
                            + ", theta = " + p[2] + " (every kernel E σ(w·x)σ(v·x) is symmetric)");
                }
            }
        }
        String[] step = {"the derivatives of K in r, rho and theta"};
        try {
            return deriveCoefficients(ev, kernel, k, who, step);
        } catch (SymbolicException e) {
            throw new InvalidFormulaException(kernel.formula(), quoted + ": Symja could not derive " + step[0]
                    + " in a form that evaluates to real numbers (Symja's output is in the cause); an equivalent form "
                    + "of the formula, for example in r, rho, theta instead of ww, vv, wv, may work", e);
        }
    }

    /** The coefficient names in words, for messages. */
    private static String describe(String name) {
        switch (name) {
            case "K": return "the kernel K(r, rho, theta) itself";
            case "gA": case "gAv": case "gB": return "the gradient coefficient " + name + " (of ∂κ/∂w, ∂κ/∂v)";
            case "e0": case "e2": case "e3": case "e4": case "e5":
                return "the coefficient " + name + " of the mixed Hessian block ∂²κ/∂w∂v";
            default: return "the coefficient " + name + " of the Hessian block ∂²κ/∂w² (or ∂²κ/∂v²)";
        }
    }

    private static Derived deriveCoefficients(ExprEvaluator ev, Kernel kernel, String k, String who, String[] step) {
        Derived out = new Derived(kernel, k);
        String kc = simplify(ev, who, "-D(" + k + ", theta)/Sin(theta)");
        String kcc = simplify(ev, who, "-D(" + kc + ", theta)/Sin(theta)");
        String kr = simplify(ev, who, "D(" + k + ", r)");
        String krho = simplify(ev, who, "D(" + k + ", rho)");
        String c = "Cos(theta)";
        String s = "Sin(theta)";
        Map<String, String> f = new LinkedHashMap<>();
        f.put("K", k);
        f.put("gA", kr + " - " + c + "*(" + kc + ")/r");
        f.put("gAv", krho + " - " + c + "*(" + kc + ")/rho");
        f.put("gB", "(" + kc + ")/(r*rho)");
        f.put("a1", "(" + kr + ")/r - " + c + "*(" + kc + ")/r^2");
        f.put("b1", "D(" + kr + ", r)");
        f.put("g1", s + "*(D(" + kc + ", r) - (" + kc + ")/r)/r");
        f.put("d1", s + "^2*(" + kcc + ")/r^2");
        f.put("a1v", "(" + krho + ")/rho - " + c + "*(" + kc + ")/rho^2");
        f.put("b1v", "D(" + krho + ", rho)");
        f.put("g1v", s + "*(D(" + kc + ", rho) - (" + kc + ")/rho)/rho");
        f.put("d1v", s + "^2*(" + kcc + ")/rho^2");
        f.put("e0", "(" + kc + ")/(r*rho)");
        f.put("e2", "D(" + kr + ", rho)");
        f.put("e3", s + "*(D(" + kc + ", r) - (" + kc + ")/r)/rho");
        f.put("e4", s + "*D(" + kc + ", rho)/r");
        f.put("e5", s + "^2*(" + kcc + ")/(r*rho)");
        for (Map.Entry<String, String> e : f.entrySet()) {
            String name = e.getKey();
            step[0] = describe(name);
            String expr = simplify(ev, who + ", coefficient " + name, e.getValue());
            out.regular.put(name, ev.parse(expr));
            step[0] = describe(name) + " at theta = 0 (parallel neurons)";
            out.atZero.put(name, ev.parse(endpoint(ev, who + ", coefficient " + name, expr, "0")));
            step[0] = describe(name) + " at theta = π (antiparallel neurons)";
            out.atPi.put(name, ev.parse(endpoint(ev, who + ", coefficient " + name, expr, "Pi")));
        }
        step[0] = "the self term κ(w, w) = K(r, r, 0) and its derivatives in r";
        String self = endpoint(ev, who + ", self term", "ReplaceAll(" + k + ", rho->r)", "0");
        out.regular.put("D", ev.parse(self));
        String d1 = simplify(ev, who + ", self term", "D(" + self + ", r)");
        out.regular.put("D1", ev.parse(d1));
        out.regular.put("D2", ev.parse(simplify(ev, who + ", self term", "D(" + d1 + ", r)")));
        return out;
    }

    /** Points (r, rho, theta) at which the kernel itself must be a finite real number. */
    private static final double[][] REALITY_PROBES = {{0.7, 1.3, 0.4}, {1.9, 0.45, 1.7}, {1.1, 2.3, 2.6},
        {0.35, 0.8, 1.1}, {3.0, 2.5, 0.05}, {0.2, 0.15, 3.1}, {1.0, 1.0, 1.5707963267948966}};

    /** Variables a kernel formula may use. */
    private static final java.util.Set<String> KERNEL_VARIABLES = java.util.Set.of("r", "rho", "theta", "ww", "vv",
            "wv");

    /** Refuses unknown variables and unknown functions, naming them as the user spelled them. */
    private static void checkNames(Kernel kernel, String quoted, IExpr parsed) {
        java.util.Set<String> free = new java.util.TreeSet<>();
        freeSymbols(parsed, free);
        for (String v : free) {
            if (!KERNEL_VARIABLES.contains(v)) {
                throw new InvalidFormulaException(kernel.formula(), quoted + " uses unknown variable '"
                        + spelling(kernel.formula(), v) + "' (allowed: r, rho, theta, ww, vv, wv)");
            }
        }
        String head = unknownFunction(parsed, java.util.Set.of());
        if (head != null) {
            throw new InvalidFormulaException(kernel.formula(), quoted + " uses unknown function '"
                    + spelling(kernel.formula(), head) + "' (Symja function names are capitalised: Sin, Cos, "
                    + "ArcSin, ArcCos, Exp, Log, Sqrt, Erf, ...)");
        }
    }

    /** The first function head in {@code e} that is neither built into Symja nor in {@code known}, or null. */
    static String unknownFunction(IExpr e, java.util.Set<String> known) {
        if (!e.isAST()) {
            return null;
        }
        IExpr head = e.head();
        if (head.isSymbol() && !head.isBuiltInSymbol() && !known.contains(head.toString())) {
            return head.toString();
        }
        String inHead = unknownFunction(head, known);
        if (inHead != null) {
            return inHead;
        }
        org.matheclipse.core.interfaces.IAST ast = (org.matheclipse.core.interfaces.IAST) e;
        for (int i = 1; i <= ast.argSize(); i++) {
            String found = unknownFunction(ast.get(i), known);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * How the user wrote a name Symja reports: Symja's relaxed parser changes the case of some names (e.g. 'zeta'
     * becomes 'Zeta', 'Foo' becomes 'foo'), so the formula text is searched for it case-insensitively.
     */
    static String spelling(String formula, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![A-Za-z0-9$])"
                + java.util.regex.Pattern.quote(name) + "(?![A-Za-z0-9$])", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(formula);
        return m.find() ? m.group() : name;
    }

    /** " (at character N)" from the caret line of a Symja syntax error, or "". */
    private static String caret(RuntimeException e) {
        String[] lines = (e.getMessage() == null ? "" : e.getMessage()).split("\\R");
        for (int i = lines.length - 1; i > 0; i--) {
            if (lines[i].trim().equals("^")) {
                return " (at character " + (lines[i].indexOf('^') + 1) + ")";
            }
        }
        return "";
    }

    /** The reason of a Symja syntax error in one line, without Symja's echo of the input. */
    static String syntaxError(RuntimeException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        String first = m.split("\\R", 2)[0].trim();
        first = first.replaceFirst("^Syntax error in line: \\d+ - ", "");
        if (first.startsWith("Error in factor")) {
            return "an operand is missing or malformed";
        }
        return first.isEmpty() ? "syntax error" : first;
    }

    private static final java.util.Set<String> CONSTANTS = java.util.Set.of("Pi", "E", "EulerGamma", "Catalan",
            "GoldenRatio", "Degree");

    /** Symbols of an expression other than function heads and numeric constants. */
    static void freeSymbols(IExpr e, java.util.Set<String> out) {
        if (e.isSymbol()) {
            // built-in names used as atoms (relaxed parsing maps 'zeta' to Zeta) are not constants either
            if (!e.isBuiltInSymbol() || !CONSTANTS.contains(e.toString())) {
                out.add(e.toString());
            }
        } else if (e.isAST()) {
            org.matheclipse.core.interfaces.IAST ast = (org.matheclipse.core.interfaces.IAST) e;
            for (int i = 1; i <= ast.argSize(); i++) {
                freeSymbols(ast.get(i), out);
            }
        }
    }

    /** Sample points (r, rho, theta) at which every simplification is checked against its input. */
    private static final double[][] PROBES = {{0.7, 1.3, 0.4}, {1.9, 0.45, 1.7}, {1.1, 2.3, 2.6}, {0.35, 0.8, 1.1}};

    /**
     * Evaluates {@code expr}, simplifies it, and keeps the simplified form only if it agrees numerically with the
     * unsimplified one at {@link #PROBES} (relative 1e-9). Symja's {@code Simplify} and {@code Together} have been seen
     * to return wrong results silently (e.g. for the second derivative of the erf self-kernel), so nothing is trusted
     * unchecked.
     */
    static String simplify(ExprEvaluator ev, String who, String expr) {
        String raw = SymjaSession.eval(ev, who, expr).toString();
        for (String how : new String[] {"Simplify", "Together"}) {
            String candidate;
            try {
                candidate = SymjaSession.eval(ev, who, how + "(" + raw + ")").toString();
            } catch (SymbolicException e) {
                continue;
            }
            if (agree(ev, who, raw, candidate, PROBES)) {
                return candidate;
            }
        }
        return raw;
    }

    /** Whether two expressions in r, rho, theta agree numerically at the given points. */
    static boolean agree(ExprEvaluator ev, String who, String a, String b, double[][] points) {
        if (a.equals(b)) {
            // Simplify often returns its input unchanged: evaluate it once (it must still be real at every point)
            for (double[] p : points) {
                numeric(ev, who, a, p);
            }
            return true;
        }
        for (double[] p : points) {
            double x = numeric(ev, who, a, p);
            double y = numeric(ev, who, b, p);
            if (!(Math.abs(x - y) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y))))) {
                return false;
            }
        }
        return true;
    }

    /** A decimal literal Symja reads back exactly (Java's "1.0E-7" would parse as 1.0·E − 7). */
    static String plain(double x) {
        return java.math.BigDecimal.valueOf(x).toPlainString();
    }

    /** N(expr) at r = p[0], rho = p[1], theta = p[2]. */
    static double numeric(ExprEvaluator ev, String who, String expr, double[] p) {
        IExpr v = SymjaSession.eval(ev, who, "N(ReplaceAll(" + expr + ", {r->" + plain(p[0]) + ", rho->" + plain(p[1])
                + ", theta->" + plain(p[2]) + "}))");
        if (!v.isReal()) {
            throw new SymbolicException(who + ": " + expr + " is not a real number at r=" + p[0] + ", rho=" + p[1]
                    + ", theta=" + p[2] + " (got " + v + ")");
        }
        return v.evalDouble();
    }

    /**
     * The expression at θ = value: by substitution, or by a one-sided limit where that is indeterminate. Either way the
     * result is checked against the expression itself at θ within 1e-7 of the endpoint.
     */
    private static String endpoint(ExprEvaluator ev, String who, String expr, String value) {
        String result;
        try {
            result = simplify(ev, who, "ReplaceAll(" + expr + ", theta->" + value + ")");
        } catch (SymbolicException indeterminate) {
            String dir = value.equals("0") ? "Direction->\"FromAbove\"" : "Direction->\"FromBelow\"";
            result = SymjaSession.eval(ev, who + " at theta=" + value,
                    "Limit(" + expr + ", theta->" + value + ", " + dir + ")").toString();
        }
        double near = value.equals("0") ? 1e-7 : Math.PI - 1e-7;
        for (double[] p : PROBES) {
            double[] q = {p[0], p[1], near};
            double x = numeric(ev, who, expr, q);
            double y = numeric(ev, who, result, q);
            if (!(Math.abs(x - y) <= 1e-5 * Math.max(1.0, Math.abs(x)))) {
                throw new SymbolicException(who + ": the value at theta=" + value + " (" + result
                        + ") does not match the expression next to it (" + x + " vs " + y + ")");
            }
        }
        return result;
    }

    /** All output names in generation order (FIRST then SECOND). */
    public static List<String> pairOutputs() {
        List<String> all = new ArrayList<>(FIRST);
        all.addAll(SECOND);
        return all;
    }
}
