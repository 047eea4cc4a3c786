package io.landscape.impl.formula;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IExpr;

import io.landscape.api.InvalidFormulaException;
import io.landscape.api.formula.FormulaFunction;
import io.landscape.api.formula.ObjectiveFormula;
import io.landscape.impl.compile.CodeCache;
import io.landscape.impl.compile.JaninoCompiler;
import io.landscape.impl.compile.JavaPrinter;
import io.landscape.impl.compile.Routine;
import io.landscape.impl.compile.StraightLineProgram;
import io.landscape.impl.symbolic.SymjaSession;

/**
 * The formula-objective pipeline: reduce ({@link FormulaReduction}) → derive ({@link FormulaDerivation}) → CSE →
 * print → routines ({@link #routines}) → compile (Janino, a {@link FormulaRoutines}) → cache (memory and disk, keyed
 * by {@link #key}) → generate the assembly ({@link AssemblyGenerator}, compiled in the same class; in memory under the
 * routine key plus the structure) → assemble ({@link CompiledFormulaObjective}).
 */
public final class FormulaCompiler {
    /** Bump whenever the reduction or derivation changes what is generated. */
    public static final int GENERATOR_VERSION = 2;
    /**
     * A routine whose CSE'd body has more temporaries than this is split into methods by output (HotSpot does not JIT
     * methods over 8000 bytes): 300, or the system property {@code landscape.formula.splitAbove} (tests force splits
     * with it; it is part of the cache key).
     */
    static int maxTemporaries() {
        return Integer.getInteger("landscape.formula.splitAbove", 300);
    }

    private static final System.Logger LOG = System.getLogger(FormulaCompiler.class.getName());
    /** Compiled classes (routines + assembly) by routine key and structure ({@link AssemblyGenerator#structure}). */
    private static final Map<String, FormulaRoutines> MEMORY = new ConcurrentHashMap<>();
    /** Routine sources by routine key: another structure of the same formula (FC and WS) derives nothing. */
    private static final Map<String, String> SOURCES = new ConcurrentHashMap<>();
    private static final CodeCache DISK = new CodeCache("formulas");
    private static final AtomicInteger DERIVATIONS = new AtomicInteger();

    private FormulaCompiler() {
    }

    /** How many derivations this process ran (a cache hit runs none): for tests and logs. */
    public static int derivations() {
        return DERIVATIONS.get();
    }

    /** Forgets the in-memory cache (tests of the disk cache). */
    static void clearMemory() {
        MEMORY.clear();
        SOURCES.clear();
    }

    /**
     * Compiles {@code spec}: from memory, the disk cache, or a derivation with Symja.
     *
     * @throws InvalidFormulaException if the formula cannot be used, saying why
     */
    public static FormulaFunction compile(ObjectiveFormula spec) {
        Reduced r = SymjaSession.get().call(ev -> FormulaReduction.reduce(ev, spec));
        String key = key(spec, r);
        // the compiled class: the routines (keyed by key) and the assembly generated for this structure
        String classKey = key + "\n" + AssemblyGenerator.structure(spec, r);
        FormulaRoutines code = MEMORY.get(classKey);
        if (code == null) {
            synchronized (MEMORY) {
                code = MEMORY.computeIfAbsent(classKey, k -> load(spec, r, key));
            }
        }
        return new CompiledFormulaObjective(spec, r, code);
    }

    /** The disk-cache file of {@code spec} (null when the cache is off). */
    static java.nio.file.Path cacheFile(ObjectiveFormula spec) {
        Reduced r = SymjaSession.get().call(ev -> FormulaReduction.reduce(ev, spec));
        return DISK.file(key(spec, r));
    }

    /** Everything that decides the generated code: the reduced formula, the routines and every stage's version. */
    static String key(ObjectiveFormula spec, Reduced r) {
        List<String> parts = new ArrayList<>(List.of("formula objective", r.canonical(),
                "generator " + GENERATOR_VERSION + " (hoisting constants, one routine per family)", "printer " + JavaPrinter.VERSION,
                "simplify leaves " + FormulaDerivation.SIMPLIFY_LEAVES, "split above " + maxTemporaries()));
        for (Routine routine : routines(r)) {
            parts.add(routine.describe());
        }
        return CodeCache.key(spec.name(), parts);
    }

    private static FormulaRoutines load(ObjectiveFormula spec, Reduced r, String key) {
        String assembly = AssemblyGenerator.generate(spec, r);
        String cached = SOURCES.get(key);
        if (cached == null) {
            cached = DISK.read(key);
        }
        if (cached != null) {
            try {
                FormulaRoutines code = instantiate(spec, cached, assembly);
                SOURCES.put(key, cached);
                return code;
            } catch (RuntimeException stale) {
                // derive again
            }
        }
        java.nio.file.Path file = DISK.file(key);
        LOG.log(System.Logger.Level.INFO, () -> "deriving the objective " + spec.name() + " with Symja (first use; "
                + (file == null ? "the disk cache is off" : "cached in " + file.getParent()) + ")...");
        DERIVATIONS.incrementAndGet();
        String src = SymjaSession.get().call(ev -> generate(ev, spec, r));
        FormulaRoutines code = instantiate(spec, src, assembly);
        DISK.write(key, src);
        SOURCES.put(key, src);
        return code;
    }

    /** The routines' source compiled with the generated assembly's (null: none) appended, in one class. */
    private static FormulaRoutines instantiate(ObjectiveFormula spec, String src, String assembly) {
        FormulaRoutines code = JaninoCompiler.instantiate(FormulaRoutines.class, "io.landscape.generated.Formula_"
                + spec.name().replaceAll("[^A-Za-z0-9_]", "_"), assembly == null ? src : src + assembly,
                "objective '" + spec.name() + "'");
        code.describe(src);
        code.describeAssembly(assembly);
        return code;
    }

    /** The routines of the generated class (their signatures are part of the key). */
    static List<Routine> routines(Reduced r) {
        List<Routine> list = new ArrayList<>();
        int nIn = r.outerInputs().size();
        List<Routine.Parameter> in = List.of(Routine.Parameter.array("in", nIn));
        List<String> vars = r.outerVariables();
        list.add(Routine.returning("outerValue", in, "F"));
        list.add(Routine.toArray("outerFirst", in, firstNames(vars)));
        list.add(Routine.toArray("outerSecond", in, secondNames(vars)));
        for (int f = 0; f < r.families.size(); f++) {
            List<Integer> bs = familyBodies(r, f);
            if (bs.isEmpty()) {
                continue;
            }
            List<Routine.Parameter> bin = List.of(Routine.Parameter.array("in", r.bodyInputs(bs.get(0)).size()));
            List<String> bv = r.bodyVariables(bs.get(0));
            List<String> values = new ArrayList<>();
            List<String> firsts = new ArrayList<>();
            List<String> seconds = new ArrayList<>();
            for (int b : bs) {
                values.add("f" + b);
                for (String n : firstNames(bv)) {
                    firsts.add(n + " of body " + b);
                }
                for (String n : secondNames(bv)) {
                    seconds.add(n + " of body " + b);
                }
            }
            list.add(Routine.toArray("family" + f + "Value", bin, values));
            list.add(Routine.toArray("family" + f + "First", bin, firsts));
            list.add(Routine.toArray("family" + f + "Second", bin, seconds));
        }
        return list;
    }

    /** The bodies over family number {@code f}, in body order. */
    static List<Integer> familyBodies(Reduced r, int f) {
        List<Integer> bs = new ArrayList<>();
        for (int b = 0; b < r.bodies.size(); b++) {
            if (r.bodies.get(b).family().equals(r.families.get(f))) {
                bs.add(b);
            }
        }
        return bs;
    }

    private static List<String> firstNames(List<String> vars) {
        List<String> names = new ArrayList<>(List.of("F"));
        for (String v : vars) {
            names.add("d/d" + v);
        }
        return names;
    }

    private static List<String> secondNames(List<String> vars) {
        List<String> names = firstNames(vars);
        for (int i = 0; i < vars.size(); i++) {
            for (int j = i; j < vars.size(); j++) {
                names.add("d2/d" + vars.get(i) + "d" + vars.get(j));
            }
        }
        return names;
    }

    // ---- generation (on the Symja thread) --------------------------------------------------------------------------

    private static String generate(ExprEvaluator ev, ObjectiveFormula spec, Reduced r) {
        String who = "objective '" + spec.name() + "' (formula '" + spec.formula() + "')";
        List<Probe> probes = probes(ev, spec, r);
        Map<String, String> names = humanNames(r);
        List<Map<String, Double>> outerProbes = new ArrayList<>();
        for (Probe p : probes) {
            outerProbes.add(p.outer);
        }
        FormulaDerivation.Derived outer = FormulaDerivation.derive(ev, who, spec.formula(), r.outer,
                r.outerVariables(), outerProbes, names);
        List<FormulaDerivation.Derived> bodies = new ArrayList<>();
        for (int b = 0; b < r.bodies.size(); b++) {
            List<Map<String, Double>> bp = new ArrayList<>();
            for (Probe p : probes) {
                bp.add(p.bodies.get(b));
            }
            bodies.add(FormulaDerivation.derive(ev, who + ", the body of loop " + (b + 1), spec.formula(),
                    r.bodies.get(b).expression(), r.bodyVariables(b), bp, names));
        }
        // hoist: maximal subexpressions of scalars and constants only are computed once per objective
        Map<IExpr, String> hoisted = new LinkedHashMap<>();
        outer = hoist(ev, outer, hoisted);
        for (int b = 0; b < bodies.size(); b++) {
            bodies.set(b, hoist(ev, bodies.get(b), hoisted));
        }
        List<String> shared = new ArrayList<>(r.outerInputs().subList(0, r.scalars.size() + r.constants.size()));
        List<String> hoistedNames = new ArrayList<>(hoisted.values());
        List<Routine> routines = routines(r);
        StringBuilder sb = new StringBuilder();
        sb.append("// GENERATED by io.landscape.impl.formula.FormulaCompiler (generator version ")
                .append(GENERATOR_VERSION).append(", printer version ").append(JavaPrinter.VERSION)
                .append("). DO NOT MODIFY.\n");
        sb.append("// objective ").append(spec.name()).append(": ").append(spec.formula().replace('\n', ' '))
                .append('\n');
        for (Map.Entry<String, String> e : names.entrySet()) {
            sb.append("// ").append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
        }
        sb.append("// ").append(r.canonical().replace("\n", "\n// ")).append('\n');
        sb.append("// inputs: scalars xs, constants xc, then the hoisted constants xk, then the routine's own\n\n");
        sb.append("public int hoisted() {\n    return ").append(hoisted.size()).append(";\n}\n\n");
        Routine constants = Routine.toArray("constants", List.of(Routine.Parameter.array("in", shared.size())),
                hoistedNames);
        emit(spec, sb, constants, new ArrayList<>(hoisted.keySet()), symbols(shared));
        List<String> outerIn = new ArrayList<>(shared);
        outerIn.addAll(hoistedNames);
        outerIn.addAll(r.outerVariables());
        Map<String, String> outerSymbols = symbols(outerIn);
        emit(spec, sb, routines.get(0), outer.value(), outerSymbols);
        emit(spec, sb, routines.get(1), outer.uptoFirst(), outerSymbols);
        emit(spec, sb, routines.get(2), outer.uptoSecond(), outerSymbols);
        // one routine per family: all its bodies CSE'd together (they share the family's locals)
        int ri = 3;
        List<Integer> withBodies = new ArrayList<>();
        for (int f = 0; f < r.families.size(); f++) {
            List<Integer> bs = familyBodies(r, f);
            if (bs.isEmpty()) {
                continue;
            }
            withBodies.add(f);
            List<String> bodyIn = new ArrayList<>(shared);
            bodyIn.addAll(hoistedNames);
            bodyIn.addAll(r.bodyVariables(bs.get(0)));
            Map<String, String> syms = symbols(bodyIn);
            List<IExpr> values = new ArrayList<>();
            List<IExpr> firsts = new ArrayList<>();
            List<IExpr> seconds = new ArrayList<>();
            for (int b : bs) {
                values.addAll(bodies.get(b).value());
                firsts.addAll(bodies.get(b).uptoFirst());
                seconds.addAll(bodies.get(b).uptoSecond());
            }
            emit(spec, sb, routines.get(ri++), values, syms);
            emit(spec, sb, routines.get(ri++), firsts, syms);
            emit(spec, sb, routines.get(ri++), seconds, syms);
        }
        dispatch(sb, "public void familyValue(int family, double[] in, double[] out)",
                "family%dValue(in, out); return;", withBodies);
        dispatch(sb, "public void familyFirst(int family, double[] in, double[] out)",
                "family%dFirst(in, out); return;", withBodies);
        dispatch(sb, "public void familySecond(int family, double[] in, double[] out)",
                "family%dSecond(in, out); return;", withBodies);
        return sb.toString();
    }

    /** Replaces maximal compound subexpressions in only xs, xc and constants by symbols xkN (shared by all). */
    private static FormulaDerivation.Derived hoist(ExprEvaluator ev, FormulaDerivation.Derived d,
                                                   Map<IExpr, String> hoisted) {
        return new FormulaDerivation.Derived(hoist(ev, d.value(), hoisted), hoist(ev, d.first(), hoisted),
                hoist(ev, d.second(), hoisted));
    }

    private static List<IExpr> hoist(ExprEvaluator ev, List<IExpr> exprs, Map<IExpr, String> hoisted) {
        List<IExpr> out = new ArrayList<>();
        for (IExpr e : exprs) {
            IExpr r = e.replaceAll(x -> {
                if (!x.isAST() || !constantOnly(x) || !mentionsShared(x)) {
                    return org.matheclipse.core.expression.F.NIL;
                }
                String name = hoisted.computeIfAbsent(x, k -> "xk" + hoisted.size());
                return ev.parse(name);
            });
            out.add(r.isPresent() ? r : e);
        }
        return out;
    }

    private static boolean constantOnly(IExpr e) {
        if (e.isSymbol()) {
            String n = e.toString();
            return e.isBuiltInSymbol() || n.startsWith("xs") || n.startsWith("xc");
        }
        if (e.isAST()) {
            for (int i = 1; i <= ((org.matheclipse.core.interfaces.IAST) e).argSize(); i++) {
                if (!constantOnly(((org.matheclipse.core.interfaces.IAST) e).get(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean mentionsShared(IExpr e) {
        if (e.isSymbol()) {
            String n = e.toString();
            return n.startsWith("xs") || n.startsWith("xc");
        }
        if (e.isAST()) {
            for (int i = 1; i <= ((org.matheclipse.core.interfaces.IAST) e).argSize(); i++) {
                if (mentionsShared(((org.matheclipse.core.interfaces.IAST) e).get(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void dispatch(StringBuilder sb, String signature, String call, List<Integer> families) {
        sb.append(signature).append(" {\n    switch (family) {\n");
        for (int f : families) {
            sb.append("        case ").append(f).append(": ").append(String.format(java.util.Locale.ROOT, call, f))
                    .append('\n');
        }
        sb.append("        default: throw new IllegalArgumentException(\"no loop over family \" + family);\n    }\n}\n\n");
    }

    private static Map<String, String> symbols(List<String> inputs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            m.put(inputs.get(i), "in[" + i + "]");
        }
        return m;
    }

    /**
     * One method for the routine, or — when its CSE'd body has more than {@link #maxTemporaries()} temporaries —
     * a method calling parts that each compute a group of outputs with their own temporaries.
     */
    private static void emit(ObjectiveFormula spec, StringBuilder sb, Routine routine, List<IExpr> exprs,
                             Map<String, String> symbols) {
        int max = maxTemporaries();
        try {
            int size = StraightLineProgram.of(exprs, "t").bindings().size();
            if (size <= max || exprs.size() == 1) {
                sb.append(routine.signature()).append(" {\n");
                routine.branch(sb, exprs, symbols, "    ", "t", false);
                sb.append("}\n\n");
                return;
            }
            List<List<Integer>> groups = new ArrayList<>();
            List<Integer> current = new ArrayList<>();
            for (int i = 0; i < exprs.size(); i++) {
                current.add(i);
                List<IExpr> sub = new ArrayList<>();
                for (int c : current) {
                    sub.add(exprs.get(c));
                }
                if (current.size() > 1 && StraightLineProgram.of(sub, "t").bindings().size() > max) {
                    current.remove(current.size() - 1);
                    groups.add(current);
                    current = new ArrayList<>(List.of(i));
                }
            }
            groups.add(current);
            sb.append(routine.signature()).append(" {\n");
            for (int g = 0; g < groups.size(); g++) {
                sb.append("    ").append(routine.name()).append("Part").append(g).append("(in, out);\n");
            }
            sb.append("}\n\n");
            for (int g = 0; g < groups.size(); g++) {
                List<Integer> idx = groups.get(g);
                List<IExpr> sub = new ArrayList<>();
                List<String> subNames = new ArrayList<>();
                for (int c : idx) {
                    sub.add(exprs.get(c));
                    subNames.add(routine.outputs().get(c));
                }
                Routine part = new Routine(routine.name() + "Part" + g, routine.inputs(), subNames,
                        Routine.Result.ARRAY, "out");
                sb.append(part.signature().replace("public ", "private ")).append(" {\n");
                part.branch(sb, sub, symbols, "    ", "t", false, idx.get(0));
                sb.append("}\n\n");
            }
        } catch (Routine.UntranslatableException e) {
            throw new InvalidFormulaException(spec.formula(), "objective '" + spec.name() + "' (formula '"
                    + spec.formula() + "'): its derivative needs " + e.getMessage() + ", which has no Java "
                    + "translation (translated: + − × /, powers, Pi, E, " + JavaPrinter.FUNCTIONS + ")");
        }
    }

    // ---- probe points ---------------------------------------------------------------------------------------------

    /** Values of every symbol at one seeded random point: outer inputs, and body inputs at member 1. */
    private record Probe(Map<String, Double> outer, List<Map<String, Double>> bodies) {
    }

    private static List<Probe> probes(ExprEvaluator ev, ObjectiveFormula spec, Reduced r) {
        List<Probe> out = new ArrayList<>();
        Random rnd = new Random(20261205L);
        for (int t = 0; t < 3; t++) {
            Map<String, double[]> vec = new HashMap<>();
            for (ObjectiveFormula.Vector v : spec.vectors()) {
                int copies = v.kind() == ObjectiveFormula.VectorKind.FAMILY ? v.count() : 1;
                for (int c = 1; c <= copies; c++) {
                    double[] x = v.kind() == ObjectiveFormula.VectorKind.PARAMETER ? v.values()
                            : new double[v.dimension()];
                    if (v.kind() != ObjectiveFormula.VectorKind.PARAMETER) {
                        for (int i = 0; i < x.length; i++) {
                            x[i] = rnd.nextGaussian() / Math.sqrt(x.length);
                        }
                    }
                    vec.put(v.name() + "#" + c, x);
                }
            }
            java.util.function.BiFunction<Reduced.Ref, Integer, double[]> get = (ref, member) -> {
                ObjectiveFormula.Vector v = find(spec, ref.vector());
                int c = v.kind() != ObjectiveFormula.VectorKind.FAMILY ? 1
                        : ref.kind() == Reduced.Ref.Kind.MEMBER ? ref.member() : member;
                return vec.get(v.name() + "#" + c);
            };
            Map<String, Double> shared = new LinkedHashMap<>();
            for (int i = 0; i < r.scalars.size(); i++) {
                shared.put("xs" + i, spec.scalars().get(r.scalars.get(i)));
            }
            for (int i = 0; i < r.constants.size(); i++) {
                Reduced.Atom a = r.constants.get(i);
                shared.put("xc" + i, dot(get.apply(a.a(), 1), get.apply(a.b(), 1)));
            }
            Map<String, Double> outer = new LinkedHashMap<>(shared);
            for (int i = 0; i < r.globals.size(); i++) {
                Reduced.Atom a = r.globals.get(i);
                outer.put("xg" + i, dot(get.apply(a.a(), 1), get.apply(a.b(), 1)));
            }
            List<Map<String, Double>> bodies = new ArrayList<>();
            for (int b = 0; b < r.bodies.size(); b++) {
                bodies.add(bodyProbe(r, b, shared, get, 1));
            }
            for (int j = 0; j < r.aggregates.size(); j++) {
                Reduced.Aggregate ag = r.aggregates.get(j);
                int k = find(spec, ag.family()).count();
                double acc = ag.product() ? 1 : 0;
                for (int l = 1; l <= k; l++) {
                    double f = FormulaDerivation.numeric(ev, r.bodies.get(ag.body()).expression(),
                            bodyProbe(r, ag.body(), shared, get, l));
                    acc = ag.product() ? acc * f : acc + f;
                }
                outer.put("xa" + j, acc);
            }
            out.add(new Probe(outer, bodies));
        }
        return out;
    }

    private static Map<String, Double> bodyProbe(Reduced r, int b, Map<String, Double> shared,
                                                 java.util.function.BiFunction<Reduced.Ref, Integer, double[]> get,
                                                 int member) {
        Map<String, Double> p = new LinkedHashMap<>(shared);
        String family = r.bodies.get(b).family();
        int f = r.families.indexOf(family);
        Reduced.Ref self = new Reduced.Ref(Reduced.Ref.Kind.LOOP, family, 0);
        List<Reduced.Ref> locals = r.locals.get(f);
        for (int a = 0; a < locals.size(); a++) {
            p.put("xm" + a, dot(get.apply(self, member), get.apply(locals.get(a), member)));
        }
        return p;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static ObjectiveFormula.Vector find(ObjectiveFormula spec, String name) {
        for (ObjectiveFormula.Vector v : spec.vectors()) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        throw new IllegalStateException(name);
    }

    /** Symbol → what it stands for, for the generated source's header and messages. */
    private static Map<String, String> humanNames(Reduced r) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < r.scalars.size(); i++) {
            m.put("xs" + i, r.scalars.get(i));
        }
        for (int i = 0; i < r.constants.size(); i++) {
            m.put("xc" + i, r.constants.get(i).toString());
        }
        for (int i = 0; i < r.globals.size(); i++) {
            m.put("xg" + i, r.globals.get(i).toString());
        }
        for (int i = 0; i < r.aggregates.size(); i++) {
            Reduced.Aggregate a = r.aggregates.get(i);
            m.put("xa" + i, (a.product() ? "Product" : "Sum") + " over " + a.family() + "[l] of body " + a.body());
        }
        for (int f = 0; f < r.families.size(); f++) {
            for (int a = 0; a < r.locals.get(f).size(); a++) {
                m.put("xm" + a + (r.families.size() > 1 ? " (family " + r.families.get(f) + ")" : ""),
                        r.families.get(f) + "[l]." + r.locals.get(f).get(a));
            }
        }
        return m;
    }
}
