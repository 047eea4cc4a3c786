package io.landscape.impl.compile;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;

/**
 * Prints Symja expressions as straight-line Java over {@code double}s, with common-subexpression elimination across
 * all the expressions printed through one instance: every distinct compound subexpression becomes one
 * {@code final double tN} temporary, computed once (the outputs of one generated method share their temporaries).
 *
 * <p>Small integer powers become multiplications, half-integer powers {@code Math.sqrt}; the angle functions of
 * {@code theta} map to the precomputed locals {@code s = sin θ}, {@code c = cos θ}, {@code th = θ}. Anything it cannot
 * translate exactly is refused with a {@link UnsupportedOperationException} naming the construct — there is no silent
 * fallback to Symja at run time. Translated: numbers, {@code Pi}, {@code E}, {@code Plus}, {@code Times}, {@code Power}
 * (integer powers up to 8 as products, half-integer powers with {@link Math#sqrt}, 1/3 with {@link Math#cbrt}, others
 * with {@link Math#pow}), {@value #FUNCTIONS}.
 */
public final class JavaPrinter {
    /** The functions {@link #unary} and {@code ArcTan(x, y)} translate, for documentation and messages. */
    public static final String FUNCTIONS = "Sin, Cos, Tan, Csc, Sec, Cot, ArcSin, ArcCos, ArcTan (one or two "
            + "arguments), Sinh, Cosh, Tanh, Exp, Log, Abs, Sqrt, Erf, Erfc";

    private final Map<String, String> symbols;
    private final Map<IExpr, String> temps = new HashMap<>();
    private final StringBuilder body = new StringBuilder();
    private final String indent;
    private final String prefix;
    private int next;

    /**
     * @param symbols Symja symbol name → Java expression (for example {@code r → "r"}, {@code theta → "th"})
     * @param indent  indentation of the emitted statements
     * @param prefix  name prefix of the temporaries (distinct per branch of one method)
     */
    public JavaPrinter(Map<String, String> symbols, String indent, String prefix) {
        this.symbols = symbols;
        this.indent = indent;
        this.prefix = prefix;
    }

    /** The statements emitted so far (temporaries). */
    public String statements() {
        return body.toString();
    }

    /** Returns a Java expression (a temporary or a literal) for {@code e}, emitting temporaries as needed. */
    public String print(IExpr e) {
        if (e.isAST()) {
            String t = temps.get(e);
            if (t != null) {
                return t;
            }
            String code = compound((IAST) e);
            t = prefix + next++;
            body.append(indent).append("final double ").append(t).append(" = ").append(code).append(";\n");
            temps.put(e, t);
            return t;
        }
        return atom(e);
    }

    private String atom(IExpr e) {
        if (e.isInteger()) {
            return literal(((IInteger) e).toBigNumerator());
        }
        if (e.isFraction()) {
            IFraction f = (IFraction) e;
            return "(" + literal(f.toBigNumerator()) + " / " + literal(f.toBigDenominator()) + ")";
        }
        if (e.isReal()) {
            double v = e.evalDouble();
            if (!Double.isFinite(v)) {
                throw new UnsupportedOperationException("a non-finite number");
            }
            return "(" + Double.toString(v) + ")";
        }
        if (e.isSymbol()) {
            String name = e.toString();
            String mapped = symbols.get(name);
            if (mapped != null) {
                return mapped;
            }
            if (name.equals("Pi")) {
                return "Math.PI";
            }
            if (name.equals("E")) {
                return "Math.E";
            }
            throw new UnsupportedOperationException("the symbol '" + name + "'");
        }
        throw new UnsupportedOperationException("a " + e.getClass().getSimpleName() + " value");
    }

    private static String literal(BigInteger i) {
        if (i.bitLength() > 53) {
            return "(" + new java.math.BigDecimal(i).doubleValue() + ")";
        }
        return i.toString() + ".0";
    }

    private String compound(IAST ast) {
        String head = ast.head().toString();
        int n = ast.argSize();
        switch (head) {
            case "Plus": {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        sb.append(" + ");
                    }
                    sb.append(print(ast.get(i)));
                }
                return sb.toString();
            }
            case "Times": {
                StringBuilder sb = new StringBuilder();
                int start = 1;
                if (ast.get(1).isMinusOne()) {
                    sb.append("-");
                    start = 2;
                }
                for (int i = start; i <= n; i++) {
                    if (i > start) {
                        sb.append(" * ");
                    }
                    sb.append(print(ast.get(i)));
                }
                return sb.toString();
            }
            case "Power":
                return power(ast.get(1), ast.get(2));
            default:
                break;
        }
        if (n == 1) {
            IExpr arg = ast.get(1);
            if (arg.isSymbol() && arg.toString().equals("theta") && symbols.containsKey("theta")) {
                switch (head) {
                    case "Sin": return "s";
                    case "Cos": return "c";
                    case "Tan": return "(s / c)";
                    case "Cot": return "(c / s)";
                    case "Csc": return "(1.0 / s)";
                    case "Sec": return "(1.0 / c)";
                    default: break;
                }
            }
            String f = unary(head);
            if (f != null) {
                return f + "(" + print(arg) + ")";
            }
        }
        if (n == 2 && head.equals("ArcTan")) {
            return "Math.atan2(" + print(ast.get(2)) + ", " + print(ast.get(1)) + ")";
        }
        throw new UnsupportedOperationException("the function " + head + " with " + n + " argument(s)");
    }

    private static String unary(String head) {
        switch (head) {
            case "Sin": return "Math.sin";
            case "Cos": return "Math.cos";
            case "Tan": return "Math.tan";
            case "Csc": return "1.0 / Math.sin";
            case "Sec": return "1.0 / Math.cos";
            case "Cot": return "1.0 / Math.tan";
            case "ArcSin": return "Math.asin";
            case "ArcCos": return "Math.acos";
            case "ArcTan": return "Math.atan";
            case "Sinh": return "Math.sinh";
            case "Cosh": return "Math.cosh";
            case "Tanh": return "Math.tanh";
            case "Exp": return "Math.exp";
            case "Log": return "Math.log";
            case "Abs": return "Math.abs";
            case "Sqrt": return "Math.sqrt";
            case "Erf": return "org.hipparchus.special.Erf.erf";
            case "Erfc": return "org.hipparchus.special.Erf.erfc";
            default: return null;
        }
    }

    private String power(IExpr base, IExpr exponent) {
        if (base.toString().equals("E")) {
            return "Math.exp(" + print(exponent) + ")";
        }
        String b = print(base);
        if (exponent.isInteger()) {
            BigInteger k = ((IInteger) exponent).toBigNumerator();
            if (k.abs().compareTo(BigInteger.valueOf(8)) <= 0) {
                int m = k.intValue();
                String prod = repeat(b, Math.abs(m));
                return m >= 0 ? prod : "1.0 / (" + prod + ")";
            }
            return "Math.pow(" + b + ", " + literal(k) + ")";
        }
        if (exponent.isFraction()) {
            IFraction f = (IFraction) exponent;
            BigInteger num = f.toBigNumerator();
            BigInteger den = f.toBigDenominator();
            if (den.equals(BigInteger.TWO) && num.abs().compareTo(BigInteger.valueOf(9)) <= 0) {
                int p = num.intValue(); // odd
                int whole = (Math.abs(p) - 1) / 2;
                String root = "Math.sqrt(" + b + ")";
                String prod = whole == 0 ? root : repeat(b, whole) + " * " + root;
                return p > 0 ? prod : "1.0 / (" + prod + ")";
            }
            if (den.equals(BigInteger.valueOf(3)) && num.equals(BigInteger.ONE)) {
                return "Math.cbrt(" + b + ")";
            }
        }
        return "Math.pow(" + b + ", " + print(exponent) + ")";
    }

    private static String repeat(String b, int times) {
        if (times == 0) {
            return "1.0";
        }
        StringBuilder sb = new StringBuilder(b);
        for (int i = 1; i < times; i++) {
            sb.append(" * ").append(b);
        }
        return sb.toString();
    }
}
