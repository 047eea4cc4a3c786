package io.landscape.impl.compile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;

/**
 * The print stage: a {@link StraightLineProgram} (the output of the CSE stage) becomes Java statements over
 * {@code double}s — one {@code final double tN = …;} per temporary — and one Java expression per output. Strict:
 * anything it cannot translate exactly is refused with an {@link UnsupportedOperationException} naming the construct;
 * there is no silent fallback to Symja at run time.
 *
 * <p>Small integer powers become multiplications, half-integer powers {@code Math.sqrt}; the angle functions of
 * {@code theta} map to the precomputed locals {@code s = sin θ}, {@code c = cos θ}, {@code th = θ} when the symbol
 * map contains {@code theta}. Translated: numbers, {@code Pi}, {@code E}, {@code Plus}, {@code Times}, {@code Power}
 * (integer powers up to 8 as products, half-integer powers with {@link Math#sqrt}, 1/3 with {@link Math#cbrt}, others
 * with {@link Math#pow}), {@value #FUNCTIONS}.
 */
public final class JavaPrinter {
    /** The functions {@link #unary} and {@code ArcTan(x, y)} translate, for documentation and messages. */
    public static final String FUNCTIONS = "Sin, Cos, Tan, Csc, Sec, Cot, ArcSin, ArcCos, ArcTan (one or two "
            + "arguments), Sinh, Cosh, Tanh, Exp, Log, Abs, Sqrt, Erf, Erfc";

    /**
     * Version of what the CSE and print stages emit for a given expression; part of every cache key. Bump when the
     * order of temporaries or the text printed for any construct changes.
     */
    public static final int VERSION = 1;

    private final Map<String, String> symbols;
    private StraightLineProgram program;

    /** @param symbols Symja symbol name → Java expression (for example {@code r → "r"}, {@code theta → "th"}) */
    public JavaPrinter(Map<String, String> symbols) {
        this.symbols = symbols;
    }

    /** Java source of one straight-line program: its statements and one expression per output. */
    public record Printed(String statements, List<String> outputs) {
    }

    /**
     * Prints {@code program}: its temporaries as statements at {@code indent}, and its outputs as Java expressions
     * (a temporary's name or a literal).
     *
     * @throws UnsupportedOperationException naming the first construct without an exact Java translation
     */
    public Printed print(StraightLineProgram program, String indent) {
        this.program = program;
        try {
            StringBuilder body = new StringBuilder();
            for (StraightLineProgram.Binding b : program.bindings()) {
                body.append(indent).append("final double ").append(b.name()).append(" = ").append(compound(b.node()))
                        .append(";\n");
            }
            List<String> outs = new ArrayList<>();
            for (IExpr e : program.outputs()) {
                outs.add(print(e));
            }
            return new Printed(body.toString(), outs);
        } finally {
            this.program = null;
        }
    }

    /** A compound argument is always an earlier temporary; an atom is printed in place. */
    private String print(IExpr e) {
        if (e.isAST()) {
            String t = program.nameOf(e);
            if (t == null) {
                throw new IllegalStateException("not in the program: " + e);
            }
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
