package io.landscape.impl.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.landscape.api.Landscape;
import io.landscape.api.formula.FormulaFunction;
import io.landscape.api.formula.ObjectiveFormula;
import io.landscape.impl.compile.JaninoCompiler;

/**
 * The generated assembly ({@link AssemblyGenerator}) against the generic one (the oracle: same routines, generic
 * loops), hand-written closed forms and finite differences, for paper 004's FC and WS objectives (erf and cosine),
 * k ∈ {1, 2, 5, 10}, d ∈ {10, 75}; and the fallback to the generic assembly where expected.
 */
class GeneratedAssemblyTest {
    static final String COSINE = "ck^2/2*Norm(w[1] - u0)^2 + (1 + Exp(-2*Sum(w[l].w[l], {l, 1, k}))/2 "
            + "+ Exp(-2*k*u0.u0)/2 - Exp(-Sum((w[l] - u0).(w[l] - u0), {l, 1, k})/2) "
            + "- Exp(-Sum((w[l] + u0).(w[l] + u0), {l, 1, k})/2))/2";

    /** Compiles {@code spec} with the generic assembly forced. */
    static FormulaFunction generic(ObjectiveFormula spec) {
        String before = System.getProperty("landscape.formula.assembly");
        System.setProperty("landscape.formula.assembly", "generic");
        try {
            return Landscape.symbolicObjective(spec);
        } finally {
            if (before == null) {
                System.clearProperty("landscape.formula.assembly");
            } else {
                System.setProperty("landscape.formula.assembly", before);
            }
        }
    }

    static ObjectiveFormula cosine(int k, int d, double[] u0, boolean shared) {
        ObjectiveFormula.Builder b = ObjectiveFormula.builder("cosine").parameter("u0", u0)
                .scalar("ck", 3 * Math.sqrt(k)).scalar("k", k).formula(COSINE);
        return (shared ? b.sharedVectors("w", k, d) : b.vectors("w", k, d)).build();
    }

    /** Hand-written ∇F^(k) (FC): with s = w·w, t = w·u, c = u·u, V = (2/π) asin z. */
    static double[] handFkGradient(double[] w, double[] u, int k, int d) {
        double c = 0;
        for (double x : u) {
            c += x * x;
        }
        double[] v1 = new double[k];
        double[] v2 = new double[k];
        double[] cw1 = new double[k];
        double[] cw2 = new double[k];
        double[] cu2 = new double[k];
        for (int l = 0; l < k; l++) {
            double s = 0;
            double t = 0;
            for (int i = 0; i < d; i++) {
                s += w[l * d + i] * w[l * d + i];
                t += w[l * d + i] * u[i];
            }
            double a = 1 + 2 * s;
            double z1 = 2 * s / a;
            double q = Math.sqrt(a * (1 + 2 * c));
            double z2 = 2 * t / q;
            v1[l] = 2 / Math.PI * Math.asin(z1);
            v2[l] = 2 / Math.PI * Math.asin(z2);
            // dz1/dw = 2/a² · 2w; dz2/dw = 2u/q − z2/a · 2w
            cw1[l] = 2 / Math.PI / Math.sqrt(1 - z1 * z1) * 4 / (a * a);
            double g2 = 2 / Math.PI / Math.sqrt(1 - z2 * z2);
            cu2[l] = g2 * 2 / q;
            cw2[l] = -g2 * 2 * z2 / a;
        }
        double[] g = new double[k * d];
        for (int l = 0; l < k; l++) {
            double o1 = 1;
            double o2 = 1;
            for (int m = 0; m < k; m++) {
                if (m != l) {
                    o1 *= v1[m];
                    o2 *= v2[m];
                }
            }
            for (int i = 0; i < d; i++) {
                g[l * d + i] = 0.5 * o1 * cw1[l] * w[l * d + i] - o2 * (cw2[l] * w[l * d + i] + cu2[l] * u[i]);
            }
        }
        return g;
    }

    static double[] repeat(double[] w0, int k) {
        double[] rep = new double[k * w0.length];
        for (int l = 0; l < k; l++) {
            System.arraycopy(w0, 0, rep, l * w0.length, w0.length);
        }
        return rep;
    }

    static Iterable<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        for (String objective : new String[] {"erf", "cosine"}) {
            for (boolean shared : new boolean[] {false, true}) {
                for (int k : new int[] {1, 2, 5, 10}) {
                    for (int d : new int[] {10, 75}) {
                        list.add(Arguments.of(objective, shared, k, d));
                    }
                }
            }
        }
        return list;
    }

    @ParameterizedTest(name = "{0} shared={1} k={2} d={3}")
    @MethodSource("cases")
    void generatedAgreesWithGenericHandWrittenAndFiniteDifferences(String objective, boolean shared, int k, int d) {
        Random rnd = new Random(31L * k + d + (shared ? 7 : 0));
        double[] u0 = FormulaObjectiveTest.random(rnd, d, 1 / Math.sqrt(d));
        ObjectiveFormula spec = objective.equals("erf") ? FormulaObjectiveTest.fk(k, d, u0, shared)
                : cosine(k, d, u0, shared);
        FormulaFunction gen = Landscape.symbolicObjective(spec);
        FormulaFunction gnr = generic(spec);
        assertTrue(gen.toString().contains("generated assembly"), gen.toString());
        assertTrue(gnr.toString().contains("generic assembly"), gnr.toString());
        assertNotNull(((CompiledFormulaObjective) gen).assemblySource());
        assertNull(((CompiledFormulaObjective) gnr).assemblySource());
        int m = gen.dimension();
        assertEquals(gnr.dimension(), m);
        for (int t = 0; t < 3; t++) {
            double[] x = FormulaObjectiveTest.random(rnd, m, 0.8 / Math.sqrt(d));
            double v = gen.value(x);
            double vg = gnr.value(x);
            assertEquals(vg, v, 1e-13 * Math.abs(vg), "value against the generic assembly");
            double[] g = new double[m];
            double[] gg = new double[m];
            assertEquals(v, gen.valueAndGradient(x, g), 0.0, "valueAndGradient's value is value's");
            gnr.valueAndGradient(x, gg);
            double norm = 0;
            for (double z : gg) {
                norm = Math.max(norm, Math.abs(z));
            }
            assertTrue(norm > 0);
            for (int i = 0; i < m; i++) {
                assertEquals(gg[i], g[i], 1e-13 * norm, "gradient " + i + " against the generic assembly");
            }
            // independent references
            if (objective.equals("erf")) {
                double[] full = shared ? repeat(x, k) : x;
                double hand = FormulaObjectiveTest.handFk(full, u0, k, d);
                assertEquals(hand, v, 1e-13 * Math.max(1e-3, Math.abs(hand)), "value against the hand-written F^(k)");
                double[] hg = handFkGradient(full, u0, k, d);
                double[] expect = new double[m];
                for (int i = 0; i < hg.length; i++) {
                    expect[shared ? i % d : i] += hg[i];
                }
                for (int i = 0; i < m; i++) {
                    assertEquals(expect[i], g[i], 1e-12 * norm, "gradient " + i + " against the hand-written one");
                }
            } else {
                checkFiniteDifferences(gen::value, x, g, norm);
            }
        }
        // the Hessian operator is the generic code's in both: the same products
        double[] x = FormulaObjectiveTest.random(rnd, m, 0.8 / Math.sqrt(d));
        double[] dir = FormulaObjectiveTest.random(rnd, m, 1);
        double[] h1 = new double[m];
        double[] h2 = new double[m];
        gen.hessianAt(x).multiply(dir, h1);
        gnr.hessianAt(x).multiply(dir, h2);
        for (int i = 0; i < m; i++) {
            assertEquals(h2[i], h1[i], 1e-13 * Math.max(1e-300, Math.abs(h2[i])) + 1e-15, "Hv " + i);
        }
    }

    /** Central differences at up to 12 coordinates. */
    static void checkFiniteDifferences(ToDoubleFunction<double[]> f, double[] x, double[] g, double norm) {
        for (int i = 0; i < x.length; i += Math.max(1, x.length / 12)) {
            double h = 1e-6;
            double[] p = x.clone();
            double[] q = x.clone();
            p[i] += h;
            q[i] -= h;
            double fd = (f.applyAsDouble(p) - f.applyAsDouble(q)) / (2 * h);
            assertEquals(fd, g[i], 1e-6 * Math.max(1, norm), "gradient " + i + " against central differences");
        }
    }

    /**
     * A structure with every kind of block: a free vector in global dot products with a parameter, a numbered member
     * of a looped family and of a family never looped over, sums and products over the looped family.
     */
    @Test
    void everyKindOfBlockAgrees() {
        int d = 4;
        Random rnd = new Random(3);
        ObjectiveFormula spec = ObjectiveFormula.builder("mixed").vector("v", d).vectors("w", 3, d)
                .vectors("z", 2, d).parameter("u", FormulaObjectiveTest.random(rnd, d, 0.5))
                .formula("Exp(-v.v/3)*Sum(Sin(w[l].u + w[l].w[l]/2), {l, 1, 3}) + (w[2].v - z[1].u)^2 "
                        + "+ Product(1 + w[l].w[l]/4, {l, 1, 3})*Cos(z[1].z[2]) + v.u").build();
        FormulaFunction gen = Landscape.symbolicObjective(spec);
        FormulaFunction gnr = generic(spec);
        assertTrue(gen.toString().contains("generated assembly"), gen.toString());
        for (int t = 0; t < 3; t++) {
            double[] x = FormulaObjectiveTest.random(rnd, gen.dimension(), 0.6);
            double[] g = new double[x.length];
            double[] gg = new double[x.length];
            assertEquals(gnr.value(x), gen.value(x), 1e-13 * Math.abs(gnr.value(x)));
            assertEquals(gnr.valueAndGradient(x, gg), gen.valueAndGradient(x, g), 1e-13 * Math.abs(gnr.value(x)));
            double norm = 0;
            for (double z : gg) {
                norm = Math.max(norm, Math.abs(z));
            }
            for (int i = 0; i < x.length; i++) {
                assertEquals(gg[i], g[i], 1e-13 * norm, "gradient " + i);
            }
            checkFiniteDifferences(gen::value, x, g, norm);
        }
    }

    /** Free vectors a_1..a_n and every dot product between them (n(n+1)/2 globals). */
    static ObjectiveFormula allPairs(int n) {
        ObjectiveFormula.Builder b = ObjectiveFormula.builder("pairs" + n);
        StringBuilder f = new StringBuilder("Sin(a1.a1) + (0");
        for (int i = 1; i <= n; i++) {
            b.vector("a" + i, 3);
            for (int j = i; j <= n; j++) {
                f.append(" + ").append(i + j).append("/10*(a").append(i).append(".a").append(j).append(")^2");
            }
        }
        return b.formula(f.append(")").toString()).build();
    }

    @Test
    void manyGlobalsFallBackToTheGenericAssembly() {
        // 5 vectors: 15 globals (generated); 6 vectors: 21 globals (over the limit of 16: generic)
        FormulaFunction at = Landscape.symbolicObjective(allPairs(5));
        assertTrue(at.toString().contains("generated assembly"), at.toString());
        FormulaFunction over = Landscape.symbolicObjective(allPairs(6));
        assertTrue(over.toString().contains("generic assembly (21 global dot products"), over.toString());
        assertNull(((CompiledFormulaObjective) over).assemblySource());
        Random rnd = new Random(8);
        for (FormulaFunction f : new FormulaFunction[] {at, over}) {
            FormulaFunction oracle = generic(f.formula());
            double[] x = FormulaObjectiveTest.random(rnd, f.dimension(), 0.5);
            double[] g = new double[x.length];
            double[] gg = new double[x.length];
            assertEquals(oracle.valueAndGradient(x, gg), f.valueAndGradient(x, g), 1e-13);
            for (int i = 0; i < x.length; i++) {
                assertEquals(gg[i], g[i], 1e-13 * Math.max(1, Math.abs(gg[i])), "gradient " + i);
            }
            checkFiniteDifferences(f::value, x, g, 1);
        }
    }

    @Test
    void theSwitchForcesTheGenericAssemblyAndNamesIt() {
        double[] u0 = {0.3, -0.2, 0.5};
        FormulaFunction f = generic(FormulaObjectiveTest.fk(2, 3, u0, false));
        assertEquals("formula objective 'Fk' (dimension 6; generic assembly (-Dlandscape.formula.assembly=generic))",
                f.toString());
        FormulaFunction g = Landscape.symbolicObjective(FormulaObjectiveTest.fk(2, 3, u0, false));
        assertEquals("formula objective 'Fk' (dimension 6; generated assembly, generated (version "
                + AssemblyGenerator.VERSION + "))", g.toString());
        assertEquals(f.source(), g.source(), "the same routines");
    }

    @Test
    void anotherStructureOfTheSameFormulaDerivesNothing() {
        // a formula no earlier run used (a new coefficient every run): FC derives once, WS and generic reuse it
        double c = 1 + (System.nanoTime() & 1023) / 1024.0;
        String formula = "Product(Exp(-w[l].w[l]/" + c + ") + w[l].u, {l, 1, k})";
        int n0 = FormulaCompiler.derivations();
        FormulaFunction fc = Landscape.symbolicObjective(ObjectiveFormula.builder("fresh").vectors("w", 3, 2)
                .parameter("u", 0.5, -1).scalar("k", 3).formula(formula).build());
        FormulaFunction ws = Landscape.symbolicObjective(ObjectiveFormula.builder("fresh").sharedVectors("w", 4, 2)
                .parameter("u", 0.5, -1).scalar("k", 4).formula(formula).build());
        FormulaFunction oracle = generic(ws.formula());
        assertEquals(n0 + 1, FormulaCompiler.derivations(), "one derivation for FC, WS and the generic assembly");
        assertTrue(fc.toString().contains("generated assembly") && ws.toString().contains("generated assembly"));
        double[] w = {0.3, -0.4};
        double[] g = new double[2];
        double[] gg = new double[2];
        assertEquals(oracle.valueAndGradient(w, gg), ws.valueAndGradient(w, g), 0.0);
        assertEquals(gg[0], g[0], 1e-13 * Math.abs(gg[0]));
        assertEquals(gg[1], g[1], 1e-13 * Math.abs(gg[1]));
        checkFiniteDifferences(ws::value, w, g, 1);
    }

    @Test
    void generatedAssemblyAllocatesNothingAndIsThreadSafe() throws Exception {
        Random rnd = new Random(2);
        double[] u0 = FormulaObjectiveTest.random(rnd, 10, 0.3);
        FormulaFunction f = Landscape.symbolicObjective(FormulaObjectiveTest.fk(5, 10, u0, false));
        double[] x = FormulaObjectiveTest.random(rnd, 50, 0.3);
        double[] g = new double[50];
        double sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += f.value(x) + f.valueAndGradient(x, g);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long a0 = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < 20_000; i++) {
            sink += f.value(x) + f.valueAndGradient(x, g);
        }
        long bytes = mx.getThreadAllocatedBytes(id) - a0;
        assertTrue(bytes < 2_000, bytes + " bytes allocated in 40000 calls (sink " + sink + ")");
        // other threads evaluate in scratch of their own
        double expect = f.valueAndGradient(x, g);
        double[] expectG = g.clone();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                double[] mine = new double[50];
                for (int i = 0; i < 2000; i++) {
                    if (f.valueAndGradient(x, mine) != expect || !java.util.Arrays.equals(mine, expectG)) {
                        errors.add(new AssertionError("thread result differs"));
                        return;
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void generatedAssemblyMethodsAreSmallEnoughToJit() throws Exception {
        List<FormulaFunction> fs = List.of(
                Landscape.symbolicObjective(FormulaObjectiveTest.fk(10, 75, new double[75], false)),
                Landscape.symbolicObjective(cosine(10, 75, new double[75], true)),
                Landscape.symbolicObjective(allPairs(5)));
        for (FormulaFunction f : fs) {
            String asm = ((CompiledFormulaObjective) f).assemblySource();
            assertNotNull(asm);
            Map<String, Integer> sizes = GeneratedMethodSizeTest.codeSizes(JaninoCompiler.bytecode(
                    FormulaRoutines.class, "Asm", f.source() + asm, "test").get("Asm"));
            assertTrue(sizes.containsKey("assembledValueAndGradient"), sizes.toString());
            for (String method : new String[] {"assembledValue", "assembledValueAndGradient", "layout"}) {
                assertTrue(sizes.get(method) < 8000, f + ": " + method + " has " + sizes.get(method) + " bytes");
            }
        }
    }
}
