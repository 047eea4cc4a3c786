package io.landscape.impl.formula;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.landscape.api.formula.FormulaFunction;
import io.landscape.api.formula.ObjectiveFormula;
import io.landscape.api.formula.ObjectiveFormula.VectorKind;
import io.landscape.api.function.HessianOperator;

/**
 * The assembler of a formula objective: generic loop code (written once, here) around the generated scalar routines.
 *
 * <h2>Derivation conventions</h2>
 * Let δ range over the <em>dot atoms</em>: the global dot products g = p·q of the formula and, for every family and
 * member l, the local dot products w_l·w_l and w_l·u (u a parameter). F = Φ(g, A) with aggregates
 * A_j = Σ_l f_j(a_l) or Π_l f_j(a_l), a_l the member's local atoms. By the chain rule through the atoms
 * <pre>
 *   ∇F = Σ_δ ψ_δ ∇δ,       ∇²F = Σ_{δ,ε} Ψ_{δε} ∇δ ∇εᵀ + Σ_δ ψ_δ ∇²δ,
 *   ∇(p·q) = q in p's block + p in q's block,   ∇²(p·q) = I between the blocks of p and q (2I if p = q),
 * </pre>
 * with ψ_g = Φ_g, ψ_{(a,l)} = Σ_j Φ_{A_j} ∂A_j/∂a_l and ∂A_j/∂a_l = P_j^{(l)} ∂f_j/∂a (l), where P_j^{(l)} = 1 for a
 * sum and Π_{m≠l} f_j(m) for a product (prefix and suffix products: no division, exact when a factor is 0);
 * Ψ = Jᵀ Φ'' J + Σ_j Φ_{A_j} ∂²A_j, J the Jacobian of (g, A) in the atoms, and for a product
 * ∂²A_j/∂a_l∂b_m = P_j^{(l)} f_{ab}(l) if l = m, Π_{n∉{l,m}} f_j(n) f_a(l) f_b(m) otherwise (the product rule per
 * factor). So the generated code is a handful of small scalar routines, whatever k and d; the loops over members and
 * over the d coordinates are here. Cost: value and gradient O(N d), N the number of atoms; the Hessian operator is
 * built in O(N² + N k) and each product costs O(N d + N²).
 *
 * <p>Value and gradient run the <em>generated assembly</em> ({@link AssemblyGenerator}: the same computation
 * specialised to the formula's structure, compiled with the routines) when the compiled class carries one, and the
 * generic loop code here otherwise (structures the generator does not take; {@code -Dlandscape.formula.assembly=generic});
 * {@link #toString()} names the assembly that runs. The Hessian is always the generic code's.
 *
 * <p>Shared between threads: the creating thread evaluates in its own scratch space, others in scratch from a
 * {@link ThreadLocal}. {@code value}, {@code valueAndGradient} and {@code gradient(x, out)} allocate nothing.
 */
final class CompiledFormulaObjective implements FormulaFunction {
    private static final int SELF = Integer.MIN_VALUE;

    private final ObjectiveFormula spec;
    private final FormulaRoutines code;
    private final int m;
    private final Map<String, Integer> offsets = new HashMap<>();
    private final Map<String, int[]> memberOffsets = new HashMap<>();
    // vectors: code ≥ 0 a free block (offset, dim), code < 0 parameter -(code+1)
    private final int[] blockOffset;
    private final int[] blockDim;
    private final double[][] params;
    // inputs shared by all routines: scalars and constants
    private final int nShared;
    private final double[] shared;
    // atoms: globals first, then per family f, member l, local kind a at localBase[f] + l*L[f] + a
    private final int nG;
    private final int nAtoms;
    private final int[] atomA;
    private final int[] atomB;
    private final int[] familySize;
    private final int[] familyLocals;
    private final int[] localBase;
    // aggregates
    private final int nA;
    private final boolean[] product;
    private final int[] aggFamily;
    private final int[] aggBody;
    private final int maxL;
    private final int maxK;
    // per family: its aggregates, and per aggregate the position of its body among the family's bodies
    private final int[][] familyAggs;
    private final int[] aggPos;
    private final int maxBodies;
    // fused dot products: distinct (p, q) pairs, grouped by an anchor vector read once for all its partners
    private final int nDots;
    private final int[] atomDot;
    private final int[] groupAnchor;
    private final int[] groupStart;
    private final int[] partnerCode;
    private final int[] partnerDot;
    // fused gradient: per free block, its distinct source vectors; per source, the atoms contributing to it
    private final int[] srcStart;
    private final int[] srcCode;
    private final int[] contribStart;
    private final int[] contribAtom;
    private final double[] contribMult;

    private final Thread owner = Thread.currentThread();
    private final Scratch mine;
    private final ThreadLocal<Scratch> others;
    // the generated assembly (null: the generic one serves), one instance per thread, and why not when not
    private final FormulaRoutines assembledMine;
    private final ThreadLocal<FormulaRoutines> assembledOthers;
    private final String assemblyName;

    CompiledFormulaObjective(ObjectiveFormula spec, Reduced r, FormulaRoutines code) {
        this.spec = spec;
        this.code = code;
        Map<String, Integer> blockOf = new HashMap<>();
        Map<String, Integer> firstBlock = new HashMap<>();
        Map<String, Integer> paramOf = new HashMap<>();
        int blocks = 0;
        int paramsCount = 0;
        for (ObjectiveFormula.Vector v : spec.vectors()) {
            if (v.kind() == VectorKind.FAMILY) {
                blocks += v.count();
            } else if (v.kind() == VectorKind.PARAMETER) {
                paramsCount++;
            } else {
                blocks++;
            }
        }
        blockOffset = new int[blocks];
        blockDim = new int[blocks];
        params = new double[paramsCount][];
        int b = 0;
        int p = 0;
        int off = 0;
        for (ObjectiveFormula.Vector v : spec.vectors()) {
            switch (v.kind()) {
                case PARAMETER:
                    paramOf.put(v.name(), p);
                    params[p++] = v.values();
                    break;
                case FAMILY: {
                    firstBlock.put(v.name(), b);
                    int[] offs = new int[v.count()];
                    for (int l = 0; l < v.count(); l++) {
                        blockOffset[b] = off;
                        blockDim[b++] = v.dimension();
                        offs[l] = off;
                        off += v.dimension();
                    }
                    memberOffsets.put(v.name(), offs);
                    break;
                }
                default: {
                    blockOf.put(v.name(), b);
                    blockOffset[b] = off;
                    blockDim[b++] = v.dimension();
                    offsets.put(v.name(), off);
                    if (v.kind() == VectorKind.SHARED_FAMILY) {
                        int[] offs = new int[v.count()];
                        java.util.Arrays.fill(offs, off);
                        memberOffsets.put(v.name(), offs);
                    }
                    off += v.dimension();
                }
            }
        }
        m = off;
        java.util.function.BiFunction<Reduced.Ref, Integer, Integer> codeOf = (ref, member) -> {
            switch (ref.kind()) {
                case PARAMETER: return -(paramOf.get(ref.vector()) + 1);
                case FREE: return blockOf.get(ref.vector());
                default: {
                    int mm = ref.kind() == Reduced.Ref.Kind.MEMBER ? ref.member() : member;
                    Integer fb = firstBlock.get(ref.vector());
                    return fb != null ? fb + mm - 1 : blockOf.get(ref.vector());
                }
            }
        };
        // shared inputs: scalars, constant dot products, then the constants hoisted out of the routines
        int nK = code.hoisted();
        nShared = r.scalars.size() + r.constants.size() + nK;
        shared = new double[nShared];
        int s = 0;
        for (String name : r.scalars) {
            shared[s++] = spec.scalars().get(name);
        }
        for (Reduced.Atom a : r.constants) {
            int ca = codeOf.apply(a.a(), 1);
            int cb = codeOf.apply(a.b(), 1);
            shared[s++] = dot(vec(ca, null), 0, vec(cb, null), 0, params[-(ca + 1)].length);
        }
        if (nK > 0) {
            double[] k = new double[nK];
            code.constants(java.util.Arrays.copyOf(shared, s), k);
            System.arraycopy(k, 0, shared, s, nK);
        }
        // atoms
        nG = r.globals.size();
        int nf = r.families.size();
        familySize = new int[nf];
        familyLocals = new int[nf];
        localBase = new int[nf];
        int n = nG;
        int mk = 1;
        int ml = 0;
        for (int f = 0; f < nf; f++) {
            ObjectiveFormula.Vector v = find(spec, r.families.get(f));
            familySize[f] = v.count();
            familyLocals[f] = r.locals.get(f).size();
            localBase[f] = n;
            n += familySize[f] * familyLocals[f];
            mk = Math.max(mk, familySize[f]);
            ml = Math.max(ml, familyLocals[f]);
        }
        maxK = mk;
        maxL = ml;
        nAtoms = n;
        atomA = new int[n];
        atomB = new int[n];
        for (int g = 0; g < nG; g++) {
            atomA[g] = codeOf.apply(r.globals.get(g).a(), 1);
            atomB[g] = codeOf.apply(r.globals.get(g).b(), 1);
        }
        for (int f = 0; f < nf; f++) {
            String family = r.families.get(f);
            for (int l = 0; l < familySize[f]; l++) {
                for (int a = 0; a < familyLocals[f]; a++) {
                    int i = localBase[f] + l * familyLocals[f] + a;
                    Reduced.Ref partner = r.locals.get(f).get(a);
                    atomA[i] = codeOf.apply(new Reduced.Ref(Reduced.Ref.Kind.LOOP, family, 0), l + 1);
                    atomB[i] = partner.kind() == Reduced.Ref.Kind.LOOP ? atomA[i] : codeOf.apply(partner, l + 1);
                }
            }
        }
        nA = r.aggregates.size();
        product = new boolean[nA];
        aggFamily = new int[nA];
        aggBody = new int[nA];
        for (int j = 0; j < nA; j++) {
            Reduced.Aggregate ag = r.aggregates.get(j);
            product[j] = ag.product();
            aggFamily[j] = r.families.indexOf(ag.family());
            aggBody[j] = ag.body();
        }
        // distinct dot products (a shared family's members are one block: w·w is computed once, not k times)
        Map<Long, Integer> dotOf = new HashMap<>();
        Map<Integer, List<int[]>> groups = new java.util.LinkedHashMap<>();
        atomDot = new int[n];
        for (int i = 0; i < n; i++) {
            int a = atomA[i];
            int bb = atomB[i];
            long key = ((long) Math.min(a, bb) << 32) ^ (Math.max(a, bb) & 0xffffffffL);
            Integer di = dotOf.get(key);
            if (di == null) {
                di = dotOf.size();
                dotOf.put(key, di);
                int anchor = a >= 0 ? a : bb;
                int partner = anchor == a ? bb : a;
                groups.computeIfAbsent(anchor, z -> new java.util.ArrayList<>()).add(new int[] {partner, di});
            }
            atomDot[i] = di;
        }
        nDots = dotOf.size();
        groupAnchor = new int[groups.size()];
        groupStart = new int[groups.size() + 1];
        partnerCode = new int[nDots];
        partnerDot = new int[nDots];
        int gi = 0;
        int pi = 0;
        for (Map.Entry<Integer, List<int[]>> e : groups.entrySet()) {
            groupAnchor[gi] = e.getKey();
            groupStart[gi++] = pi;
            for (int[] pd : e.getValue()) {
                partnerCode[pi] = pd[0];
                partnerDot[pi++] = pd[1];
            }
        }
        groupStart[gi] = pi;
        // gradient: ∇(p·q) = q in p's block + p in q's block (2p if p = q), gathered per (block, source vector)
        List<Map<Integer, List<double[]>>> perBlock = new java.util.ArrayList<>();
        for (int bl = 0; bl < blocks; bl++) {
            perBlock.add(new java.util.LinkedHashMap<>());
        }
        for (int i = 0; i < n; i++) {
            int a = atomA[i];
            int bb = atomB[i];
            if (a == bb && a >= 0) {
                perBlock.get(a).computeIfAbsent(a, z -> new java.util.ArrayList<>()).add(new double[] {i, 2});
                continue;
            }
            if (a >= 0) {
                perBlock.get(a).computeIfAbsent(bb, z -> new java.util.ArrayList<>()).add(new double[] {i, 1});
            }
            if (bb >= 0) {
                perBlock.get(bb).computeIfAbsent(a, z -> new java.util.ArrayList<>()).add(new double[] {i, 1});
            }
        }
        int ns = 0;
        int nc = 0;
        for (Map<Integer, List<double[]>> mm : perBlock) {
            ns += mm.size();
            for (List<double[]> c : mm.values()) {
                nc += c.size();
            }
        }
        srcStart = new int[blocks + 1];
        srcCode = new int[ns];
        contribStart = new int[ns + 1];
        contribAtom = new int[nc];
        contribMult = new double[nc];
        int si = 0;
        int ci = 0;
        for (int bl = 0; bl < blocks; bl++) {
            srcStart[bl] = si;
            for (Map.Entry<Integer, List<double[]>> e : perBlock.get(bl).entrySet()) {
                srcCode[si] = e.getKey();
                contribStart[si++] = ci;
                for (double[] c : e.getValue()) {
                    contribAtom[ci] = (int) c[0];
                    contribMult[ci++] = c[1];
                }
            }
        }
        srcStart[blocks] = si;
        contribStart[si] = ci;
        familyAggs = new int[nf][];
        aggPos = new int[nA];
        int mb = 1;
        for (int f = 0; f < nf; f++) {
            List<Integer> bodies = FormulaCompiler.familyBodies(r, f);
            mb = Math.max(mb, bodies.size());
            List<Integer> js = new java.util.ArrayList<>();
            for (int j = 0; j < nA; j++) {
                if (aggFamily[j] == f) {
                    js.add(j);
                    aggPos[j] = bodies.indexOf(aggBody[j]);
                }
            }
            familyAggs[f] = js.stream().mapToInt(Integer::intValue).toArray();
        }
        maxBodies = mb;
        mine = new Scratch(this);
        others = ThreadLocal.withInitial(() -> new Scratch(this));
        if (code.assembly() != null) {
            List<ObjectiveFormula.Vector> vs = spec.vectors();
            int[] lo = new int[vs.size()];
            int[] ld = new int[vs.size()];
            int[] lc = new int[vs.size()];
            double[][] lp = new double[vs.size()][];
            for (int i = 0; i < vs.size(); i++) {
                ObjectiveFormula.Vector v = vs.get(i);
                switch (v.kind()) {
                    case PARAMETER:
                        lp[i] = params[paramOf.get(v.name())];
                        ld[i] = lp[i].length;
                        lc[i] = 1;
                        break;
                    case FAMILY:
                        lo[i] = memberOffsets.get(v.name())[0];
                        ld[i] = v.dimension();
                        lc[i] = v.count();
                        break;
                    default:
                        lo[i] = offsets.get(v.name());
                        ld[i] = v.dimension();
                        lc[i] = Math.max(1, v.count());
                }
            }
            double[] sh = shared.clone();
            java.util.function.Supplier<FormulaRoutines> make = () -> {
                FormulaRoutines a = code.fresh();
                a.layout(lo, ld, lc, lp, sh);
                return a;
            };
            assembledMine = make.get();
            assembledOthers = ThreadLocal.withInitial(make);
            assemblyName = "generated assembly, " + code.assembly();
        } else {
            assembledMine = null;
            assembledOthers = null;
            String why = AssemblyGenerator.unsupported(r);
            assemblyName = "generic assembly" + (why == null ? "" : " (" + why + ")");
        }
    }

    /** Which assembly computes value and gradient: "generated assembly, generated (version N)" or "generic …". */
    String assembly() {
        return assemblyName;
    }

    /** The generated assembly's Java source, or null when the generic assembly serves. */
    String assemblySource() {
        return assembledMine == null ? null : code.assemblySource();
    }

    @Override
    public String toString() {
        return "formula objective '" + spec.name() + "' (dimension " + m + "; " + assemblyName + ")";
    }

    private FormulaRoutines assembled() {
        return Thread.currentThread() == owner ? assembledMine : assembledOthers.get();
    }

    private static ObjectiveFormula.Vector find(ObjectiveFormula spec, String name) {
        for (ObjectiveFormula.Vector v : spec.vectors()) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        throw new IllegalStateException(name);
    }

    /** Per-thread work space. */
    private static final class Scratch {
        final double[] atoms;
        final double[] inOuter;
        final double[] outOuter;
        final double[] inBody;
        final double[] outBody;
        final double[][] fv;
        final double[][] fa;
        final double[][] fab;
        final double[][] pexc;
        final double[] psi;
        final double[] dots;
        final double[] srcCoef;

        Scratch(CompiledFormulaObjective o) {
            int n = o.nG + o.nA;
            atoms = new double[o.nAtoms];
            dots = new double[o.nDots];
            srcCoef = new double[o.srcCode.length];
            inOuter = new double[o.nShared + n];
            System.arraycopy(o.shared, 0, inOuter, 0, o.nShared);
            outOuter = new double[1 + n + n * (n + 1) / 2];
            inBody = new double[o.nShared + o.maxL];
            System.arraycopy(o.shared, 0, inBody, 0, o.nShared);
            outBody = new double[o.maxBodies * (1 + o.maxL + o.maxL * (o.maxL + 1) / 2)];
            fv = new double[o.nA][o.maxK];
            fa = new double[o.nA][o.maxK * o.maxL];
            fab = new double[o.nA][o.maxK * o.maxL * (o.maxL + 1) / 2];
            pexc = new double[o.nA][o.maxK];
            psi = new double[o.nAtoms];
        }
    }

    private Scratch scratch() {
        return Thread.currentThread() == owner ? mine : others.get();
    }

    @Override
    public ObjectiveFormula formula() {
        return spec;
    }

    @Override
    public int offset(String name) {
        Integer o = offsets.get(name);
        if (o == null) {
            throw new IllegalArgumentException("objective '" + spec.name() + "' has no free vector '" + name + "'"
                    + (memberOffsets.containsKey(name) ? " (it is a family: use offset(name, member))" : ""));
        }
        return o;
    }

    @Override
    public int offset(String family, int member) {
        int[] o = memberOffsets.get(family);
        if (o == null || member < 1 || member > o.length) {
            throw new IllegalArgumentException("objective '" + spec.name() + "' has no member " + family + "["
                    + member + "]" + (o == null ? "" : " (members 1.." + o.length + ")"));
        }
        return o[member - 1];
    }

    @Override
    public String source() {
        return code.source();
    }

    @Override
    public int dimension() {
        return m;
    }

    private void check(double[] x) {
        if (x.length != m) {
            throw new IllegalArgumentException("objective '" + spec.name() + "': point has " + x.length
                    + " entries, expected " + m);
        }
    }

    private double[] vec(int c, double[] x) {
        return c >= 0 ? x : params[-(c + 1)];
    }

    private int off(int c) {
        return c >= 0 ? blockOffset[c] : 0;
    }

    private int dim(int c) {
        return c >= 0 ? blockDim[c] : params[-(c + 1)].length;
    }

    private static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s = Math.fma(a[ao + i], b[bo + i], s);
        }
        return s;
    }

    /**
     * The atoms: each distinct dot product once, an anchor vector's dot products with up to three partners in one
     * pass (the same fma sequence per dot as a separate pass, so the same bits).
     */
    private void atoms(double[] x, Scratch w) {
        double[] dots = w.dots;
        for (int g = 0; g < groupAnchor.length; g++) {
            int an = groupAnchor[g];
            double[] av = vec(an, x);
            int ao = off(an);
            int n = dim(an);
            int p = groupStart[g];
            int end = groupStart[g + 1];
            while (p < end) {
                int c0 = partnerCode[p];
                double[] v0 = vec(c0, x);
                int o0 = off(c0);
                if (end - p >= 3) {
                    int c1 = partnerCode[p + 1];
                    int c2 = partnerCode[p + 2];
                    double[] v1 = vec(c1, x);
                    double[] v2 = vec(c2, x);
                    int o1 = off(c1);
                    int o2 = off(c2);
                    double s0 = 0;
                    double s1 = 0;
                    double s2 = 0;
                    for (int i = 0; i < n; i++) {
                        double ai = av[ao + i];
                        s0 = Math.fma(ai, v0[o0 + i], s0);
                        s1 = Math.fma(ai, v1[o1 + i], s1);
                        s2 = Math.fma(ai, v2[o2 + i], s2);
                    }
                    dots[partnerDot[p]] = s0;
                    dots[partnerDot[p + 1]] = s1;
                    dots[partnerDot[p + 2]] = s2;
                    p += 3;
                } else if (end - p == 2) {
                    int c1 = partnerCode[p + 1];
                    double[] v1 = vec(c1, x);
                    int o1 = off(c1);
                    double s0 = 0;
                    double s1 = 0;
                    for (int i = 0; i < n; i++) {
                        double ai = av[ao + i];
                        s0 = Math.fma(ai, v0[o0 + i], s0);
                        s1 = Math.fma(ai, v1[o1 + i], s1);
                    }
                    dots[partnerDot[p]] = s0;
                    dots[partnerDot[p + 1]] = s1;
                    p += 2;
                } else {
                    dots[partnerDot[p]] = dot(av, ao, v0, o0, n);
                    p++;
                }
            }
        }
        for (int i = 0; i < nAtoms; i++) {
            w.atoms[i] = dots[atomDot[i]];
        }
        for (int g = 0; g < nG; g++) {
            w.inOuter[nShared + g] = w.atoms[g];
        }
    }

    /**
     * Bodies per member to {@code order} (one call per member and family: all the family's bodies at once), the
     * aggregates and P_j^{(l)}; writes the aggregates into the outer inputs.
     */
    private void aggregates(Scratch w, int order) {
        for (int f = 0; f < familyAggs.length; f++) {
            int[] js = familyAggs[f];
            if (js.length == 0) {
                continue;
            }
            int k = familySize[f];
            int nl = familyLocals[f];
            int h = nl * (nl + 1) / 2;
            int stride = order == 0 ? 1 : order == 1 ? 1 + nl : 1 + nl + h;
            double[] in = w.inBody;
            double[] out = w.outBody;
            for (int l = 0; l < k; l++) {
                int ab = localBase[f] + l * nl;
                for (int a = 0; a < nl; a++) { // loops, not System.arraycopy: these copies are a few doubles
                    in[nShared + a] = w.atoms[ab + a];
                }
                if (order == 0) {
                    code.familyValue(f, w.inBody, w.outBody);
                } else if (order == 1) {
                    code.familyFirst(f, w.inBody, w.outBody);
                } else {
                    code.familySecond(f, w.inBody, w.outBody);
                }
                for (int j : js) {
                    int base = aggPos[j] * stride;
                    w.fv[j][l] = out[base];
                    if (order >= 1) {
                        double[] fa = w.fa[j];
                        for (int a = 0; a < nl; a++) {
                            fa[l * nl + a] = out[base + 1 + a];
                        }
                    }
                    if (order == 2) {
                        System.arraycopy(out, base + 1 + nl, w.fab[j], l * h, h);
                    }
                }
            }
        }
        for (int j = 0; j < nA; j++) {
            int k = familySize[aggFamily[j]];
            double[] fv = w.fv[j];
            double agg;
            if (product[j]) {
                // P^{(l)} = prefix(l) · suffix(l), no division
                double pre = 1;
                for (int l = 0; l < k; l++) {
                    w.pexc[j][l] = pre;
                    pre *= fv[l];
                }
                agg = pre;
                double suf = 1;
                for (int l = k - 1; l >= 0; l--) {
                    w.pexc[j][l] *= suf;
                    suf *= fv[l];
                }
            } else {
                agg = 0;
                for (int l = 0; l < k; l++) {
                    agg += fv[l];
                    w.pexc[j][l] = 1;
                }
            }
            w.inOuter[nShared + nG + j] = agg;
        }
    }

    @Override
    public double value(double[] x) {
        check(x);
        if (assembledMine != null) {
            return assembled().assembledValue(x);
        }
        Scratch w = scratch();
        atoms(x, w);
        aggregates(w, 0);
        return code.outerValue(w.inOuter);
    }

    /** ψ_δ from the outer first derivatives (at outOuter[1..]) and the bodies' first derivatives. */
    private void firstCoefficients(Scratch w) {
        double[] o = w.outOuter;
        for (int g = 0; g < nG; g++) {
            w.psi[g] = o[1 + g];
        }
        java.util.Arrays.fill(w.psi, nG, nAtoms, 0.0);
        for (int j = 0; j < nA; j++) {
            int f = aggFamily[j];
            int nl = familyLocals[f];
            double phiA = o[1 + nG + j];
            for (int l = 0; l < familySize[f]; l++) {
                double c = phiA * w.pexc[j][l];
                int base = localBase[f] + l * nl;
                for (int a = 0; a < nl; a++) {
                    w.psi[base + a] += c * w.fa[j][l * nl + a];
                }
            }
        }
    }

    /** out += Σ_δ coef_δ ∇δ. */
    private void addGradients(double[] coef, double[] x, double[] out) {
        for (int i = 0; i < nAtoms; i++) {
            double c = coef[i];
            if (c == 0) {
                continue;
            }
            int a = atomA[i];
            int b = atomB[i];
            int n = dim(a);
            if (a == b && a >= 0) {
                axpy(2 * c, x, blockOffset[a], out, blockOffset[a], n); // ∇(w·w) = 2w: one pass
                continue;
            }
            if (a >= 0) {
                axpy(c, vec(b, x), off(b), out, blockOffset[a], n);
            }
            if (b >= 0) {
                axpy(c, vec(a, x), off(a), out, blockOffset[b], n);
            }
        }
    }

    /**
     * out = Σ_δ coef_δ ∇δ, overwriting every entry: per free block one pass over its distinct source vectors (up to
     * three at a time), their coefficients summed first (a shared family's k members add into one coefficient).
     */
    private void writeGradient(double[] coef, double[] x, double[] out, double[] srcCoef) {
        for (int s = 0; s < srcCode.length; s++) {
            double c = 0;
            for (int t = contribStart[s]; t < contribStart[s + 1]; t++) {
                c += contribMult[t] * coef[contribAtom[t]];
            }
            srcCoef[s] = c;
        }
        for (int bl = 0; bl < blockOffset.length; bl++) {
            int oo = blockOffset[bl];
            int n = blockDim[bl];
            int s = srcStart[bl];
            int end = srcStart[bl + 1];
            if (s == end) {
                java.util.Arrays.fill(out, oo, oo + n, 0.0);
                continue;
            }
            boolean first = true;
            while (s < end) {
                int k0 = srcCode[s];
                double[] v0 = vec(k0, x);
                int o0 = off(k0);
                double c0 = srcCoef[s];
                if (end - s >= 3) {
                    int k1 = srcCode[s + 1];
                    int k2 = srcCode[s + 2];
                    double[] v1 = vec(k1, x);
                    double[] v2 = vec(k2, x);
                    int o1 = off(k1);
                    int o2 = off(k2);
                    double c1 = srcCoef[s + 1];
                    double c2 = srcCoef[s + 2];
                    if (first) {
                        for (int i = 0; i < n; i++) {
                            out[oo + i] = c0 * v0[o0 + i] + c1 * v1[o1 + i] + c2 * v2[o2 + i];
                        }
                    } else {
                        for (int i = 0; i < n; i++) {
                            out[oo + i] += c0 * v0[o0 + i] + c1 * v1[o1 + i] + c2 * v2[o2 + i];
                        }
                    }
                    s += 3;
                } else if (end - s == 2) {
                    int k1 = srcCode[s + 1];
                    double[] v1 = vec(k1, x);
                    int o1 = off(k1);
                    double c1 = srcCoef[s + 1];
                    if (first) {
                        for (int i = 0; i < n; i++) {
                            out[oo + i] = c0 * v0[o0 + i] + c1 * v1[o1 + i];
                        }
                    } else {
                        for (int i = 0; i < n; i++) {
                            out[oo + i] += c0 * v0[o0 + i] + c1 * v1[o1 + i];
                        }
                    }
                    s += 2;
                } else {
                    if (first) {
                        for (int i = 0; i < n; i++) {
                            out[oo + i] = c0 * v0[o0 + i];
                        }
                    } else {
                        axpy(c0, v0, o0, out, oo, n);
                    }
                    s++;
                }
                first = false;
            }
        }
    }

    private static void axpy(double c, double[] v, int vo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = Math.fma(c, v[vo + i], out[oo + i]);
        }
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradientOut) {
        check(x);
        if (gradientOut.length != m || gradientOut == x) {
            throw new IllegalArgumentException("objective '" + spec.name() + "': gradient output must have " + m
                    + " entries and not be the point");
        }
        if (assembledMine != null) {
            return assembled().assembledValueAndGradient(x, gradientOut);
        }
        Scratch w = scratch();
        atoms(x, w);
        aggregates(w, 1);
        code.outerFirst(w.inOuter, w.outOuter);
        firstCoefficients(w);
        writeGradient(w.psi, x, gradientOut, w.srcCoef);
        return w.outOuter[0];
    }

    @Override
    public HessianOperator hessianAt(double[] x0) {
        check(x0);
        double[] x = x0.clone();
        Scratch w = new Scratch(this);
        atoms(x, w);
        aggregates(w, 2);
        code.outerSecond(w.inOuter, w.outOuter);
        firstCoefficients(w);
        int n = nG + nA;
        double[] o = w.outOuter;
        // Φ'' (n×n) from the packed upper triangle
        double[] phi2 = new double[n * n];
        int t = 1 + n;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                phi2[i * n + j] = o[t];
                phi2[j * n + i] = o[t++];
            }
        }
        // J: n × N Jacobian of (g, A) in the atoms
        double[] jac = new double[n * nAtoms];
        for (int g = 0; g < nG; g++) {
            jac[g * nAtoms + g] = 1;
        }
        for (int j = 0; j < nA; j++) {
            int f = aggFamily[j];
            int nl = familyLocals[f];
            for (int l = 0; l < familySize[f]; l++) {
                for (int a = 0; a < nl; a++) {
                    jac[(nG + j) * nAtoms + localBase[f] + l * nl + a] = w.pexc[j][l] * w.fa[j][l * nl + a];
                }
            }
        }
        // Ψ = Jᵀ Φ'' J + Σ_j Φ_{A_j} ∂²A_j
        double[] pj = new double[n * nAtoms];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double c = phi2[i * n + k];
                if (c != 0) {
                    axpy(c, jac, k * nAtoms, pj, i * nAtoms, nAtoms);
                }
            }
        }
        double[] psi2 = new double[nAtoms * nAtoms];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < nAtoms; d++) {
                double c = jac[i * nAtoms + d];
                if (c != 0) {
                    axpy(c, pj, i * nAtoms, psi2, d * nAtoms, nAtoms);
                }
            }
        }
        for (int j = 0; j < nA; j++) {
            int f = aggFamily[j];
            int k = familySize[f];
            int nl = familyLocals[f];
            int h = nl * (nl + 1) / 2;
            double phiA = o[1 + nG + j];
            if (phiA == 0) {
                continue;
            }
            double[] fv = w.fv[j];
            for (int l = 0; l < k; l++) {
                int bl = localBase[f] + l * nl;
                // l = m: P^{(l)} f_ab(l)
                int q = 0;
                for (int a = 0; a < nl; a++) {
                    for (int b = a; b < nl; b++) {
                        double c = phiA * w.pexc[j][l] * w.fab[j][l * h + q++];
                        psi2[(bl + a) * nAtoms + bl + b] += c;
                        if (b != a) {
                            psi2[(bl + b) * nAtoms + bl + a] += c;
                        }
                    }
                }
                if (!product[j]) {
                    continue;
                }
                for (int mm = 0; mm < k; mm++) {
                    if (mm == l) {
                        continue;
                    }
                    double pr = phiA;
                    for (int p = 0; p < k; p++) {
                        if (p != l && p != mm) {
                            pr *= fv[p];
                        }
                    }
                    int bm = localBase[f] + mm * nl;
                    for (int a = 0; a < nl; a++) {
                        for (int b = 0; b < nl; b++) {
                            psi2[(bl + a) * nAtoms + bm + b] += pr * w.fa[j][l * nl + a] * w.fa[j][mm * nl + b];
                        }
                    }
                }
            }
        }
        return new Operator(x, w.psi.clone(), psi2);
    }

    /** H v = Σ_{δ,ε} Ψ_{δε} ∇δ (∇ε·v) + Σ_δ ψ_δ ∇²δ v. */
    private final class Operator implements HessianOperator {
        private final double[] x;
        private final double[] psi;
        private final double[] psi2;

        Operator(double[] x, double[] psi, double[] psi2) {
            this.x = x;
            this.psi = psi;
            this.psi2 = psi2;
        }

        @Override
        public int dimension() {
            return m;
        }

        @Override
        public void multiply(double[] v, double[] out) {
            if (v.length != m || out.length != m || v == out) {
                throw new IllegalArgumentException("Hessian product: vectors must have " + m
                        + " entries and not alias");
            }
            double[] s = new double[nAtoms];
            for (int i = 0; i < nAtoms; i++) {
                int a = atomA[i];
                int b = atomB[i];
                int n = dim(a);
                double d = 0;
                if (a >= 0) {
                    d += dot(vec(b, x), off(b), v, blockOffset[a], n);
                }
                if (b >= 0) {
                    d += dot(vec(a, x), off(a), v, blockOffset[b], n);
                }
                s[i] = d;
            }
            double[] tt = new double[nAtoms];
            for (int i = 0; i < nAtoms; i++) {
                tt[i] = dot(psi2, i * nAtoms, s, 0, nAtoms);
            }
            java.util.Arrays.fill(out, 0.0);
            addGradients(tt, x, out);
            for (int i = 0; i < nAtoms; i++) {
                int a = atomA[i];
                int b = atomB[i];
                if (a >= 0 && b >= 0 && psi[i] != 0) {
                    int n = dim(a);
                    axpy(psi[i], v, blockOffset[b], out, blockOffset[a], n);
                    axpy(psi[i], v, blockOffset[a], out, blockOffset[b], n);
                }
            }
        }
    }

}
