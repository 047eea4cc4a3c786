package io.landscape.impl.formula;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.landscape.api.formula.ObjectiveFormula;
import io.landscape.api.formula.ObjectiveFormula.VectorKind;

/**
 * The assembly generator (a code-generation stage of its own, after the routines): Java source for value and
 * value-and-gradient specialised to one reduced formula's <em>structure</em> — which global dot products exist and
 * between which vectors, which families are looped over (fully connected or shared), their local dot products and
 * aggregates — appended to the routines' class body and compiled with it by Janino, so the routines are direct calls
 * the JIT can inline. Dimensions and family sizes stay runtime values ({@code layout}), so one generated class
 * serves every k and d, as the routines do.
 *
 * <p>What the generated code does, per call (no allocation: the scratch arrays are fields, sized by
 * {@code layout}, and each thread has its own instance):
 * <ul>
 *   <li>each global dot product in one fma loop (the same fma sequence as the generic assembly: the same bits);</li>
 *   <li>per looped family, one pass over each member's block computing all its local dot products at once (the
 *       members' passes back to back: independent fma chains the CPU overlaps — fusing them with the body calls was
 *       5–10 % slower at d = 75), then per member the family's body routine, its outputs kept, and the prefix
 *       products (running sums) accumulated in the same loop; a shared family's members are one block with the same
 *       locals, so its body is evaluated once and the products are powers by repeated multiplication (as the generic
 *       code does);</li>
 *   <li>the outer routine;</li>
 *   <li>the gradient backwards over the members: the suffix products, the member's coefficients
 *       ψ_a = Σ_j Φ_{A_j} P_j^{(l)} ∂f_j/∂a (the same expressions as the generic assembly) and the member's gradient
 *       block written in one fused pass Σ_source c·source; free vectors and shared blocks likewise in one pass over
 *       all their sources; the global dot products' contributions to numbered members of a fully connected family
 *       are added in one pass per member.</li>
 * </ul>
 * Values are bitwise those of the generic assembly ({@link CompiledFormulaObjective}); gradients agree to rounding
 * (the sources' coefficients are summed in another order). The Hessian stays generic.
 *
 * <p>Structures over {@link #MAX_GLOBALS} global dot products, {@link #MAX_AGGREGATES} aggregates or
 * {@link #MAX_LOCALS} locals per family are left to the generic assembly (the generated methods must stay far below
 * HotSpot's 8000-byte JIT limit); so is everything when the system property {@code landscape.formula.assembly} is
 * {@code generic} (for comparisons and as a switch of last resort).
 */
final class AssemblyGenerator {
    /** Bump whenever the generated assembly changes; part of the compiled-class cache key. */
    static final int VERSION = 2;
    static final int MAX_GLOBALS = 16;
    static final int MAX_AGGREGATES = 12;
    static final int MAX_LOCALS = 8;

    private final ObjectiveFormula spec;
    private final Reduced r;
    private final List<ObjectiveFormula.Vector> vectors;
    private final StringBuilder sb = new StringBuilder();

    private AssemblyGenerator(ObjectiveFormula spec, Reduced r) {
        this.spec = spec;
        this.r = r;
        this.vectors = spec.vectors();
    }

    /** Whether the generic assembly is forced ({@code -Dlandscape.formula.assembly=generic}). */
    static boolean forcedGeneric() {
        return "generic".equalsIgnoreCase(System.getProperty("landscape.formula.assembly", "generated"));
    }

    /** Why the generated assembly does not serve this structure, or null when it does. */
    static String unsupported(Reduced r) {
        if (forcedGeneric()) {
            return "-Dlandscape.formula.assembly=generic";
        }
        if (r.globals.size() > MAX_GLOBALS) {
            return r.globals.size() + " global dot products (the generated assembly takes up to " + MAX_GLOBALS + ")";
        }
        if (r.aggregates.size() > MAX_AGGREGATES) {
            return r.aggregates.size() + " aggregates (the generated assembly takes up to " + MAX_AGGREGATES + ")";
        }
        for (int f = 0; f < r.families.size(); f++) {
            if (r.locals.get(f).size() > MAX_LOCALS) {
                return r.locals.get(f).size() + " local dot products over " + r.families.get(f)
                        + " (the generated assembly takes up to " + MAX_LOCALS + ")";
            }
        }
        return null;
    }

    /** Everything about the structure the generated assembly depends on (beyond the routines' key), as text. */
    static String structure(ObjectiveFormula spec, Reduced r) {
        StringBuilder s = new StringBuilder("assembly generator ").append(VERSION).append("; vectors");
        for (ObjectiveFormula.Vector v : spec.vectors()) {
            s.append(' ').append(v.name()).append(':').append(v.kind());
        }
        s.append("; globals ").append(r.globals).append("; families ").append(r.families).append(" locals ")
                .append(r.locals).append("; aggregates ").append(r.aggregates);
        String why = unsupported(r);
        return s.append("; ").append(why == null ? "generated" : "generic: " + why).toString();
    }

    /** The assembly's source (class-body members), or null when {@link #unsupported} says why not. */
    static String generate(ObjectiveFormula spec, Reduced r) {
        if (unsupported(r) != null) {
            return null;
        }
        return new AssemblyGenerator(spec, r).emit();
    }

    // ---- structure helpers ------------------------------------------------------------------------------------------

    private int vectorIndex(String name) {
        for (int i = 0; i < vectors.size(); i++) {
            if (vectors.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException(name);
    }

    private VectorKind kind(String name) {
        return vectors.get(vectorIndex(name)).kind();
    }

    /** A vector as Java: the array and the offset of its block; and the gradient block it belongs to (null: none). */
    private record Src(String array, String offset, String block) {
    }

    /** A global's operand (FREE, MEMBER or PARAMETER). */
    private Src src(Reduced.Ref ref) {
        int v = vectorIndex(ref.vector());
        switch (ref.kind()) {
            case PARAMETER:
                return new Src("p" + v, "0", null);
            case MEMBER:
                if (kind(ref.vector()) == VectorKind.FAMILY) {
                    return new Src("x", "(o" + v + " + " + (ref.member() - 1) + " * n" + v + ")",
                            "M" + v + "_" + ref.member());
                }
                return new Src("x", "o" + v, "V" + v);
            default:
                return new Src("x", "o" + v, "V" + v);
        }
    }

    private static String n(int v) {
        return "n" + v;
    }

    private List<Integer> bodiesOf(int f) {
        return FormulaCompiler.familyBodies(r, f);
    }

    private List<Integer> aggregatesOf(int f) {
        List<Integer> js = new ArrayList<>();
        for (int j = 0; j < r.aggregates.size(); j++) {
            if (r.aggregates.get(j).family().equals(r.families.get(f))) {
                js.add(j);
            }
        }
        return js;
    }

    /** Offset of aggregate j's body value among its family routine's first-order outputs. */
    private int firstPos(int f, int j) {
        return bodiesOf(f).indexOf(r.aggregates.get(j).body()) * (1 + r.locals.get(f).size());
    }

    private int valuePos(int f, int j) {
        return bodiesOf(f).indexOf(r.aggregates.get(j).body());
    }

    private boolean shared(int f) {
        return kind(r.families.get(f)) == VectorKind.SHARED_FAMILY;
    }

    // ---- emission -----------------------------------------------------------------------------------------------

    private void line(int indent, String fmt, Object... args) {
        sb.append("    ".repeat(indent)).append(String.format(Locale.ROOT, fmt, args)).append('\n');
    }

    private String emit() {
        int nG = r.globals.size();
        int nA = r.aggregates.size();
        int nf = r.families.size();
        sb.append("\n// ---- generated assembly (AssemblyGenerator version ").append(VERSION)
                .append("): value and gradient specialised to this structure ----\n");
        sb.append("// ").append(structure(spec, r).replace("\n", " ")).append("\n\n");
        // fields
        for (int v = 0; v < vectors.size(); v++) {
            if (vectors.get(v).kind() == VectorKind.PARAMETER) {
                line(0, "private double[] p%d; private int n%d;", v, v);
            } else {
                line(0, "private int o%d, n%d, k%d;", v, v, v);
            }
        }
        line(0, "private int sh;");
        line(0, "private double[] inO, outO;");
        for (int f = 0; f < nf; f++) {
            line(0, "private double[] inB%d, outB%d, mem%d, loc%d;", f, f, f, f);
        }
        for (int j = 0; j < nA; j++) {
            line(0, "private double[] pre%d;", j);
        }
        sb.append('\n');
        line(0, "public String assembly() {");
        line(1, "return \"generated (version %d)\";", VERSION);
        line(0, "}");
        sb.append('\n');
        // layout
        line(0, "public void layout(int[] offset, int[] dim, int[] count, double[][] param, double[] shared) {");
        for (int v = 0; v < vectors.size(); v++) {
            if (vectors.get(v).kind() == VectorKind.PARAMETER) {
                line(1, "p%d = param[%d]; n%d = dim[%d];", v, v, v, v);
            } else {
                line(1, "o%d = offset[%d]; n%d = dim[%d]; k%d = count[%d];", v, v, v, v, v, v);
            }
        }
        line(1, "sh = shared.length;");
        int outOuter = 1 + nG + nA;
        line(1, "inO = new double[sh + %d]; outO = new double[%d];", nG + nA, outOuter);
        line(1, "System.arraycopy(shared, 0, inO, 0, sh);");
        for (int f = 0; f < nf; f++) {
            int nl = r.locals.get(f).size();
            int stride = bodiesOf(f).size() * (1 + nl);
            int fv = vectorIndex(r.families.get(f));
            line(1, "inB%d = new double[sh + %d]; outB%d = new double[%d];", f, nl, f, Math.max(1, stride));
            line(1, "System.arraycopy(shared, 0, inB%d, 0, sh);", f);
            line(1, "mem%d = new double[%s * %d];", f, shared(f) ? "1" : "k" + fv, Math.max(1, stride));
            line(1, "loc%d = new double[%s * %d];", f, shared(f) ? "1" : "k" + fv, Math.max(1, nl));
        }
        for (int j = 0; j < nA; j++) {
            int fv = vectorIndex(r.aggregates.get(j).family());
            line(1, "pre%d = new double[k%d];", j, fv);
        }
        line(0, "}");
        sb.append('\n');
        emitMethod(false);
        emitMethod(true);
        return sb.toString();
    }

    private void emitMethod(boolean gradient) {
        int nG = r.globals.size();
        int nf = r.families.size();
        if (gradient) {
            line(0, "public double assembledValueAndGradient(double[] x, double[] g) {");
        } else {
            line(0, "public double assembledValue(double[] x) {");
        }
        line(1, "final double[] inO = this.inO;");
        line(1, "final int sh = this.sh;");
        for (int v = 0; v < vectors.size(); v++) {
            if (vectors.get(v).kind() == VectorKind.PARAMETER) {
                line(1, "final double[] p%d = this.p%d;", v, v);
            }
        }
        // globals
        for (int gi = 0; gi < nG; gi++) {
            Reduced.Atom a = r.globals.get(gi);
            Src p = src(a.a());
            Src q = src(a.b());
            Src anchor = p.array().equals("x") ? p : q;
            Src partner = anchor == p ? q : p;
            int v = vectorIndex(a.a().vector());
            line(1, "{ // global %d: %s", gi, a);
            line(2, "final int n = this.n%d;", v);
            line(2, "final double[] a = %s; final int ao = %s; final double[] b = %s; final int bo = %s;",
                    anchor.array(), anchor.offset(), partner.array(), partner.offset());
            line(2, "double s = 0.0;");
            line(2, "for (int i = 0; i < n; i++) { s = Math.fma(a[ao + i], b[bo + i], s); }");
            line(2, "inO[sh + %d] = s;", gi);
            line(1, "}");
        }
        // families forward
        for (int f = 0; f < nf; f++) {
            List<Integer> js = aggregatesOf(f);
            if (js.isEmpty()) {
                continue;
            }
            emitForward(f, js, gradient);
        }
        if (!gradient) {
            line(1, "return outerValue(inO);");
            line(0, "}");
            sb.append('\n');
            return;
        }
        line(1, "final double[] outO = this.outO;");
        line(1, "outerFirst(inO, outO);");
        // gradient sources per block: block → (source key → coefficient terms), source key → Src
        Map<String, Map<String, List<String>>> terms = new LinkedHashMap<>();
        Map<String, Src> sources = new LinkedHashMap<>();
        for (int gi = 0; gi < nG; gi++) {
            Reduced.Atom a = r.globals.get(gi);
            Src p = src(a.a());
            Src q = src(a.b());
            String c = "outO[" + (1 + gi) + "]";
            if (p.block() != null && p.block().equals(q.block())) {
                add(terms, sources, p.block(), p, "2.0 * " + c);
                continue;
            }
            if (p.block() != null) {
                add(terms, sources, p.block(), q, c);
            }
            if (q.block() != null) {
                add(terms, sources, q.block(), p, c);
            }
        }
        // families backward: FC members written in the loop; shared families' summed coefficients
        List<String> written = new ArrayList<>();
        for (int f = 0; f < nf; f++) {
            List<Integer> js = aggregatesOf(f);
            if (js.isEmpty()) {
                continue;
            }
            int fv = vectorIndex(r.families.get(f));
            if (shared(f)) {
                emitBackwardShared(f, js, fv, terms, sources);
            } else {
                emitBackwardFamily(f, js, fv);
                written.add("F" + fv);
            }
        }
        // every other block: FC families not looped over are zeroed first; then one pass per block
        for (int v = 0; v < vectors.size(); v++) {
            ObjectiveFormula.Vector vec = vectors.get(v);
            if (vec.kind() == VectorKind.FAMILY && !written.contains("F" + v)) {
                line(1, "java.util.Arrays.fill(g, o%d, o%d + k%d * n%d, 0.0);", v, v, v, v);
            }
        }
        for (int v = 0; v < vectors.size(); v++) {
            ObjectiveFormula.Vector vec = vectors.get(v);
            if (vec.kind() == VectorKind.FREE || vec.kind() == VectorKind.SHARED_FAMILY) {
                String block = "V" + v;
                emitPass(block, "o" + v, n(v), terms.getOrDefault(block, Map.of()), sources, false);
            }
        }
        for (Map.Entry<String, Map<String, List<String>>> e : terms.entrySet()) {
            String block = e.getKey();
            if (block.startsWith("M")) {
                int v = Integer.parseInt(block.substring(1, block.indexOf('_')));
                int member = Integer.parseInt(block.substring(block.indexOf('_') + 1));
                emitPass(block, "(o" + v + " + " + (member - 1) + " * n" + v + ")", n(v), e.getValue(), sources,
                        true);
            }
        }
        line(1, "return outO[0];");
        line(0, "}");
        sb.append('\n');
    }

    private static void add(Map<String, Map<String, List<String>>> terms, Map<String, Src> sources, String block,
                            Src source, String coefficient) {
        String key = source.array() + "@" + source.offset();
        sources.put(key, source);
        terms.computeIfAbsent(block, b -> new LinkedHashMap<>()).computeIfAbsent(key, s -> new ArrayList<>())
                .add(coefficient);
    }

    /** g[block] (+)= Σ_source (Σ terms)·source in one pass; zero when there is no source. */
    private void emitPass(String block, String offset, String dim, Map<String, List<String>> bySource,
                          Map<String, Src> sources, boolean accumulate) {
        line(1, "{ // gradient block %s", block);
        line(2, "final int o = %s; final int n = this.%s;", offset, dim);
        if (bySource.isEmpty()) {
            if (!accumulate) {
                line(2, "java.util.Arrays.fill(g, o, o + n, 0.0);");
            }
            line(1, "}");
            return;
        }
        StringBuilder expr = new StringBuilder();
        int s = 0;
        for (Map.Entry<String, List<String>> e : bySource.entrySet()) {
            Src src = sources.get(e.getKey());
            line(2, "final double c%d = %s;", s, String.join(" + ", e.getValue()));
            line(2, "final double[] v%d = %s; final int w%d = %s;", s, src.array(), s, src.offset());
            if (s > 0) {
                expr.append(" + ");
            }
            expr.append("c").append(s).append(" * v").append(s).append("[w").append(s).append(" + i]");
            s++;
        }
        line(2, "for (int i = 0; i < n; i++) { g[o + i] %s %s; }", accumulate ? "+=" : "=", expr);
        line(1, "}");
    }

    /** Locals of a member at offset {@code o} in one pass: s0..s{L-1} (partner the member itself, or a parameter). */
    private void emitLocals(int f, int indent) {
        emitLocals(f, indent, "in[sh + %d]");
    }

    /** As above, the locals stored to {@code target} (a format with the local's number). */
    private void emitLocals(int f, int indent, String target) {
        List<Reduced.Ref> locals = r.locals.get(f);
        StringBuilder decl = new StringBuilder();
        StringBuilder body = new StringBuilder("final double xi = x[o + i];");
        for (int a = 0; a < locals.size(); a++) {
            decl.append(a == 0 ? "double " : ", ").append("s").append(a).append(" = 0.0");
            Reduced.Ref p = locals.get(a);
            String partner = p.kind() == Reduced.Ref.Kind.LOOP ? "xi" : "p" + vectorIndex(p.vector()) + "[i]";
            body.append(" s").append(a).append(" = Math.fma(xi, ").append(partner).append(", s").append(a)
                    .append(");");
        }
        if (locals.isEmpty()) {
            return;
        }
        line(indent, "%s;", decl);
        line(indent, "for (int i = 0; i < n; i++) { %s }", body);
        for (int a = 0; a < locals.size(); a++) {
            line(indent, "%s = s%d;", String.format(Locale.ROOT, target, a), a);
        }
    }

    private void emitForward(int f, List<Integer> js, boolean gradient) {
        int fv = vectorIndex(r.families.get(f));
        int nl = r.locals.get(f).size();
        int stride = bodiesOf(f).size() * (gradient ? 1 + nl : 1);
        String routine = "family" + f + (gradient ? "First" : "Value");
        line(1, "{ // family %s (%s): %d locals, aggregates %s", r.families.get(f),
                shared(f) ? "shared" : "one block per member", nl, js);
        line(2, "final int k = this.k%d; final int n = this.n%d;", fv, fv);
        line(2, "final double[] in = this.inB%d; final double[] out = this.outB%d; final double[] mem = this.mem%d;",
                f, f, f);
        for (int j : js) {
            line(2, "double A%d = %s;", j, r.aggregates.get(j).product() ? "1.0" : "0.0");
        }
        if (shared(f)) {
            line(2, "final int o = this.o%d;", fv);
            emitLocals(f, 2);
            line(2, "%s(in, out);", routine);
            if (gradient) {
                line(2, "for (int t = 0; t < %d; t++) { mem[t] = out[t]; }", stride);
            }
            line(2, "for (int l = 0; l < k; l++) {");
        } else {
            // the members' local dot products first (independent fma chains back to back), then the bodies
            line(2, "final double[] loc = this.loc%d;", f);
            line(2, "for (int l = 0; l < k; l++) {");
            line(3, "final int o = this.o%d + l * n;", fv);
            emitLocals(f, 3, "loc[l * " + nl + " + %d]");
            line(2, "}");
            line(2, "for (int l = 0; l < k; l++) {");
            for (int a = 0; a < nl; a++) {
                line(3, "in[sh + %d] = loc[l * %d + %d];", a, nl, a);
            }
            line(3, "%s(in, out);", routine);
            if (gradient) {
                line(3, "final int b = l * %d;", stride);
                line(3, "for (int t = 0; t < %d; t++) { mem[b + t] = out[t]; }", stride);
            }
        }
        for (int j : js) {
            int pos = gradient ? firstPos(f, j) : valuePos(f, j);
            if (r.aggregates.get(j).product()) {
                if (gradient) {
                    line(3, "pre%d[l] = A%d;", j, j);
                }
                line(3, "A%d *= out[%d];", j, pos);
            } else {
                line(3, "A%d += out[%d];", j, pos);
            }
        }
        line(2, "}");
        for (int j : js) {
            line(2, "inO[sh + %d] = A%d;", r.globals.size() + j, j);
        }
        line(1, "}");
    }

    /** Per local a: ψ_a = Σ_j c_j ∂f_j/∂a (the generic assembly's order); mem at offset b. */
    private void emitCoefficients(int f, List<Integer> js, int indent, String prefix) {
        int nl = r.locals.get(f).size();
        for (int a = 0; a < nl; a++) {
            StringBuilder e = new StringBuilder();
            for (int j : js) {
                if (e.length() > 0) {
                    e.append(" + ");
                }
                e.append("c").append(j).append(" * mem[b + ").append(firstPos(f, j) + 1 + a).append(']');
            }
            line(indent, "%s q%d_%d%s %s;", prefix, f, a, prefix.isEmpty() ? " +=" : " =", e);
        }
    }

    private void emitSuffix(List<Integer> js, int f, int indent) {
        int nG = r.globals.size();
        for (int j : js) {
            if (r.aggregates.get(j).product()) {
                line(indent, "final double c%d = outO[%d] * (pre%d[l] * suf%d);", j, 1 + nG + j, j, j);
                line(indent, "suf%d *= mem[b + %d];", j, firstPos(f, j));
            } else {
                line(indent, "final double c%d = outO[%d];", j, 1 + nG + j);
            }
        }
    }

    private void emitBackwardFamily(int f, List<Integer> js, int fv) {
        List<Reduced.Ref> locals = r.locals.get(f);
        int nl = locals.size();
        int stride = bodiesOf(f).size() * (1 + nl);
        line(1, "{ // gradient of family %s, member by member", r.families.get(f));
        line(2, "final int k = this.k%d; final int n = this.n%d;", fv, fv);
        line(2, "final double[] mem = this.mem%d;", f);
        for (int j : js) {
            if (r.aggregates.get(j).product()) {
                line(2, "double suf%d = 1.0;", j);
            }
        }
        line(2, "for (int l = k - 1; l >= 0; l--) {");
        line(3, "final int b = l * %d;", stride);
        line(3, "final int o = this.o%d + l * n;", fv);
        emitSuffix(js, f, 3);
        emitCoefficients(f, js, 3, "final double");
        StringBuilder expr = new StringBuilder();
        for (int a = 0; a < nl; a++) {
            Reduced.Ref p = locals.get(a);
            if (expr.length() > 0) {
                expr.append(" + ");
            }
            if (p.kind() == Reduced.Ref.Kind.LOOP) {
                line(3, "final double e%d = 2.0 * q%d_%d;", a, f, a);
                expr.append("e").append(a).append(" * x[o + i]");
            } else {
                line(3, "final double[] u%d = p%d;", a, vectorIndex(p.vector()));
                expr.append("q").append(f).append('_').append(a).append(" * u").append(a).append("[i]");
            }
        }
        if (nl == 0) {
            line(3, "java.util.Arrays.fill(g, o, o + n, 0.0);");
        } else {
            line(3, "for (int i = 0; i < n; i++) { g[o + i] = %s; }", expr);
        }
        line(2, "}");
        line(1, "}");
    }

    /** A shared family: the members' coefficients summed (the generic assembly's order of terms per member). */
    private void emitBackwardShared(int f, List<Integer> js, int fv, Map<String, Map<String, List<String>>> terms,
                                    Map<String, Src> sources) {
        List<Reduced.Ref> locals = r.locals.get(f);
        int nl = locals.size();
        line(1, "// gradient of the shared family %s: coefficients summed over its members", r.families.get(f));
        StringBuilder decl = new StringBuilder();
        for (int a = 0; a < nl; a++) {
            decl.append(a == 0 ? "double " : ", ").append("q").append(f).append('_').append(a).append(" = 0.0");
        }
        if (nl > 0) {
            line(1, "%s;", decl);
        }
        line(1, "{");
        line(2, "final int k = this.k%d;", fv);
        line(2, "final double[] mem = this.mem%d;", f);
        line(2, "final int b = 0;");
        for (int j : js) {
            if (r.aggregates.get(j).product()) {
                line(2, "double suf%d = 1.0;", j);
            }
        }
        line(2, "for (int l = k - 1; l >= 0; l--) {");
        emitSuffix(js, f, 3);
        emitCoefficients(f, js, 3, "");
        line(2, "}");
        line(1, "}");
        String block = "V" + fv;
        for (int a = 0; a < nl; a++) {
            Reduced.Ref p = locals.get(a);
            if (p.kind() == Reduced.Ref.Kind.LOOP) {
                add(terms, sources, block, new Src("x", "o" + fv, block), "2.0 * q" + f + "_" + a);
            } else {
                add(terms, sources, block, new Src("p" + vectorIndex(p.vector()), "0", null), "q" + f + "_" + a);
            }
        }
    }
}
