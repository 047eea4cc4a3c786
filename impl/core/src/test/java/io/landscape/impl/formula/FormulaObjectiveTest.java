package io.landscape.impl.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.landscape.api.InvalidFormulaException;
import io.landscape.api.Landscape;
import io.landscape.api.formula.FormulaFunction;
import io.landscape.api.formula.ObjectiveFormula;
import io.landscape.api.function.HessianOperator;
import io.landscape.impl.symbolic.SymjaSession;

/**
 * Formula objectives against independent references: a hand-written evaluation of paper 004's F^(k), finite
 * differences, and Symja's own D[] of the formula written out in coordinates.
 */
class FormulaObjectiveTest {
    static final String V = "2/Pi*ArcSin(2*a.b/Sqrt((1+2*a.a)*(1+2*b.b)))";
    static final String FK = "(Product(V(w[l], w[l]), {l, 1, k}) - 2*Product(V(w[l], u0), {l, 1, k}) "
            + "+ V(u0, u0)^k)/2";

    static ObjectiveFormula fk(int k, int d, double[] u0, boolean shared) {
        ObjectiveFormula.Builder b = ObjectiveFormula.builder("Fk").parameter("u0", u0).define("V(a, b)", V)
                .scalar("k", k).formula(FK);
        return (shared ? b.sharedVectors("w", k, d) : b.vectors("w", k, d)).build();
    }

    /** V_erf(u, w), hand-written. */
    static double v(double[] a, int ao, double[] b, int bo, int d) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < d; i++) {
            ab += a[ao + i] * b[bo + i];
            aa += a[ao + i] * a[ao + i];
            bb += b[bo + i] * b[bo + i];
        }
        return 2 / Math.PI * Math.asin(2 * ab / Math.sqrt((1 + 2 * aa) * (1 + 2 * bb)));
    }

    /** F^(k)(w) = ½[Π V(w_l, w_l) − 2 Π V(w_l, u0) + V(u0, u0)^k], hand-written. */
    static double handFk(double[] w, double[] u0, int k, int d) {
        double p1 = 1;
        double p2 = 1;
        for (int l = 0; l < k; l++) {
            p1 *= v(w, l * d, w, l * d, d);
            p2 *= v(w, l * d, u0, 0, d);
        }
        return 0.5 * (p1 - 2 * p2 + Math.pow(v(u0, 0, u0, 0, d), k));
    }

    static double[] random(Random rnd, int n, double scale) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * rnd.nextGaussian();
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5})
    void fkAgreesWithHandWrittenValueAndFiniteDifferences(int k) {
        int d = 4;
        Random rnd = new Random(k);
        double[] u0 = random(rnd, d, 0.8);
        FormulaFunction f = Landscape.symbolicObjective(fk(k, d, u0, false));
        assertEquals(k * d, f.dimension());
        assertEquals(d, f.offset("w", 2));
        for (int t = 0; t < 5; t++) {
            double[] w = random(rnd, k * d, 0.7);
            double hand = handFk(w, u0, k, d);
            assertEquals(hand, f.value(w), 1e-14 * Math.max(1, Math.abs(hand)));
            double[] g = new double[k * d];
            assertEquals(hand, f.valueAndGradient(w, g), 1e-14 * Math.max(1, Math.abs(hand)));
            checkGradientAndHessian(f, w, g, (x) -> handFk(x, u0, k, d));
        }
    }

    @Test
    void sharedFamilyIsTheWeightSharedObjective() {
        int k = 3;
        int d = 3;
        Random rnd = new Random(11);
        double[] u0 = random(rnd, d, 0.8);
        FormulaFunction ws = Landscape.symbolicObjective(fk(k, d, u0, true));
        FormulaFunction closed = Landscape.symbolicObjective(ObjectiveFormula.builder("Fws").vector("w0", d)
                .parameter("u0", u0).define("V(a, b)", V).scalar("k", k)
                .formula("(V(w0, w0)^k - 2*V(w0, u0)^k + V(u0, u0)^k)/2").build());
        assertEquals(d, ws.dimension());
        double[] w0 = random(rnd, d, 0.6);
        double[] rep = new double[k * d];
        for (int l = 0; l < k; l++) {
            System.arraycopy(w0, 0, rep, l * d, d);
        }
        assertEquals(handFk(rep, u0, k, d), ws.value(w0), 1e-14);
        assertEquals(closed.value(w0), ws.value(w0), 1e-14);
        double[] g1 = ws.gradient(w0);
        double[] g2 = closed.gradient(w0);
        double[] h1 = ws.hessianAt(w0).toDense();
        double[] h2 = closed.hessianAt(w0).toDense();
        for (int i = 0; i < d; i++) {
            assertEquals(g2[i], g1[i], 1e-13);
        }
        for (int i = 0; i < d * d; i++) {
            assertEquals(h2[i], h1[i], 1e-12);
        }
        checkGradientAndHessian(ws, w0, g1, ws::value);
    }

    /** The cosine-wave objective of paper 004 Eq. (2), FC, closed form [OURS] (CATALOGUE §1.5.b). */
    @Test
    void cosineWaveObjectiveAgreesWithItsClosedForm() {
        int k = 3;
        int d = 2;
        double ck = 3 * Math.sqrt(k);
        Random rnd = new Random(5);
        double[] u0 = random(rnd, d, 0.5);
        FormulaFunction f = Landscape.symbolicObjective(ObjectiveFormula.builder("cosineFC").vectors("w", k, d)
                .parameter("u0", u0).scalar("ck", ck).scalar("k", k)
                .formula("ck^2/2*Norm(w[1] - u0)^2 + (1 + Exp(-2*Sum(w[l].w[l], {l, 1, k}))/2 "
                        + "+ Exp(-2*k*u0.u0)/2 - Exp(-Sum((w[l] - u0).(w[l] - u0), {l, 1, k})/2) "
                        + "- Exp(-Sum((w[l] + u0).(w[l] + u0), {l, 1, k})/2))/2").build());
        double[] w = random(rnd, k * d, 0.5);
        double ww = 0;
        double wm = 0;
        double wp = 0;
        double w1 = 0;
        double uu = 0;
        for (int l = 0; l < k; l++) {
            for (int i = 0; i < d; i++) {
                double x = w[l * d + i];
                ww += x * x;
                wm += (x - u0[i]) * (x - u0[i]);
                wp += (x + u0[i]) * (x + u0[i]);
                if (l == 0) {
                    w1 += (x - u0[i]) * (x - u0[i]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            uu += u0[i] * u0[i];
        }
        double hand = ck * ck / 2 * w1 + 0.5 * (1 + 0.5 * Math.exp(-2 * ww) + 0.5 * Math.exp(-2 * k * uu)
                - Math.exp(-wm / 2) - Math.exp(-wp / 2));
        assertEquals(hand, f.value(w), 1e-13 * Math.abs(hand));
        checkGradientAndHessian(f, w, f.gradient(w), f::value);
    }

    /** The gradient and Hessian against Symja's D[] of the objective written out in coordinates (k = 2, d = 2). */
    @Test
    void gradientAndHessianAgreeWithSymjasOwnDerivative() {
        int k = 2;
        int d = 2;
        double[] u0 = {0.6, -0.3};
        FormulaFunction f = Landscape.symbolicObjective(fk(k, d, u0, false));
        double[] w = {0.3, 0.5, -0.4, 0.2};
        double[] g = f.gradient(w);
        double[] h = f.hessianAt(w).toDense();
        String[] x = {"x1", "x2", "x3", "x4"};
        String vdef = "vv(a1_, a2_, b1_, b2_) := 2/Pi*ArcSin(2*(a1*b1 + a2*b2)/Sqrt((1 + 2*(a1^2 + a2^2))*(1 + 2*(b1^2"
                + " + b2^2))))";
        String fx = "(vv(x1, x2, x1, x2)*vv(x3, x4, x3, x4) - 2*vv(x1, x2, 0.6, -0.3)*vv(x3, x4, 0.6, -0.3) "
                + "+ vv(0.6, -0.3, 0.6, -0.3)^2)/2";
        String at = "{x1->0.3, x2->0.5, x3->-0.4, x4->0.2}";
        double[][] sym = SymjaSession.get().call(ev -> {
            ev.eval(vdef);
            double[][] out = new double[5][4];
            for (int i = 0; i < 4; i++) {
                out[0][i] = ev.eval("N(ReplaceAll(D(" + fx + ", " + x[i] + "), " + at + "))").evalDouble();
                for (int j = 0; j < 4; j++) {
                    out[1 + i][j] = ev.eval("N(ReplaceAll(D(" + fx + ", " + x[i] + ", " + x[j] + "), " + at + "))")
                            .evalDouble();
                }
            }
            ev.eval("ClearAll(vv)");
            return out;
        });
        for (int i = 0; i < 4; i++) {
            assertEquals(sym[0][i], g[i], 1e-12, "gradient " + i);
            for (int j = 0; j < 4; j++) {
                assertEquals(sym[1 + i][j], h[i * 4 + j], 1e-11, "Hessian " + i + "," + j);
            }
        }
    }

    static void checkGradientAndHessian(FormulaFunction f, double[] w, double[] g,
                                        java.util.function.ToDoubleFunction<double[]> value) {
        int m = w.length;
        double e = 1e-6;
        HessianOperator hop = f.hessianAt(w);
        double[] hd = hop.toDense();
        for (int i = 0; i < m; i++) {
            double[] p = w.clone();
            double[] q = w.clone();
            p[i] += e;
            q[i] -= e;
            double fd = (value.applyAsDouble(p) - value.applyAsDouble(q)) / (2 * e);
            assertEquals(fd, g[i], 1e-7 * Math.max(1, Math.abs(fd)), "gradient " + i);
            double[] gp = f.gradient(p);
            double[] gq = f.gradient(q);
            for (int j = 0; j < m; j++) {
                double fh = (gp[j] - gq[j]) / (2 * e);
                assertEquals(fh, hd[j * m + i], 1e-6 * Math.max(1, Math.abs(fh)), "Hessian " + j + "," + i);
                assertEquals(hd[i * m + j], hd[j * m + i], 1e-12, "symmetry");
            }
        }
    }

    @Test
    void badFormulasGetOneClearMessage() {
        ObjectiveFormula.Builder base = ObjectiveFormula.builder("bad").vector("w", 3).parameter("u", 1, 2, 3);
        InvalidFormulaException unknown = assertThrows(InvalidFormulaException.class,
                () -> Landscape.symbolicObjective(base.formula("w.w + zeta").build()));
        assertTrue(unknown.getMessage().contains("unknown variable 'zeta'"), unknown.getMessage());
        InvalidFormulaException asNumber = assertThrows(InvalidFormulaException.class,
                () -> Landscape.symbolicObjective(base.formula("Sin(w)").build()));
        assertTrue(asNumber.getMessage().contains("the vector 'w' is used as a number"), asNumber.getMessage());
        InvalidFormulaException parse = assertThrows(InvalidFormulaException.class,
                () -> Landscape.symbolicObjective(base.formula("w.w + ").build()));
        assertTrue(parse.getMessage().contains("does not parse"), parse.getMessage());
        InvalidFormulaException fn = assertThrows(InvalidFormulaException.class,
                () -> Landscape.symbolicObjective(base.formula("Foo(w.u)").build()));
        assertTrue(fn.getMessage().contains("unknown function 'Foo'"), fn.getMessage());
        InvalidFormulaException dims = assertThrows(InvalidFormulaException.class, () -> Landscape.symbolicObjective(
                ObjectiveFormula.builder("dims").vector("w", 2).parameter("u", 1, 2, 3).formula("w.u").build()));
        assertTrue(dims.getMessage().contains("dimensions 2 and 3"), dims.getMessage());
        InvalidFormulaException bound = assertThrows(InvalidFormulaException.class, () -> Landscape.symbolicObjective(
                ObjectiveFormula.builder("bound").vectors("w", 3, 2).formula("Sum(w[l].w[l], {l, 1, 4})").build()));
        assertTrue(bound.getMessage().contains("has 3 members"), bound.getMessage());
        InvalidFormulaException domain = assertThrows(InvalidFormulaException.class,
                () -> Landscape.symbolicObjective(base.formula("Log(-1 - w.w)").build()));
        assertTrue(domain.getMessage().contains("not a finite real number"), domain.getMessage());
        assertTrue(domain.getMessage().contains("w.w = "), domain.getMessage());
    }

    @Test
    void secondUseIsACacheHitFromMemoryAndFromDisk() throws Exception {
        // a formula no earlier run used (a new coefficient every run), so the first compile derives
        double c = 1 + (System.nanoTime() & 1023) / 1024.0;
        ObjectiveFormula spec = ObjectiveFormula.builder("cached").vector("w", 3).parameter("u", 0.5, -1, 2)
                .formula("Exp(-w.w/7) + " + c + "*(w - u).(w - u)").build();
        int n0 = FormulaCompiler.derivations();
        FormulaFunction a = Landscape.symbolicObjective(spec);
        assertEquals(n0 + 1, FormulaCompiler.derivations());
        FormulaFunction b = Landscape.symbolicObjective(spec);
        assertEquals(n0 + 1, FormulaCompiler.derivations(), "a memory hit derives nothing");
        Path file = FormulaCompiler.cacheFile(spec);
        org.junit.jupiter.api.Assumptions.assumeTrue(file != null, "the disk cache is off");
        assertTrue(Files.isRegularFile(file), file.toString());
        assertEquals(a.source(), Files.readString(file));
        FormulaCompiler.clearMemory();
        FormulaFunction d = Landscape.symbolicObjective(spec);
        assertEquals(n0 + 1, FormulaCompiler.derivations(), "a disk hit derives nothing");
        double[] w = {0.1, 0.2, -0.3};
        assertEquals(a.value(w), b.value(w), 0.0);
        assertEquals(a.value(w), d.value(w), 0.0);
        assertEquals(a.source(), d.source());
        assertTrue(a.source().startsWith("// GENERATED"));
        // another value of a parameter is the same code: no derivation
        Landscape.symbolicObjective(ObjectiveFormula.builder("cached").vector("w", 3).parameter("u", 7, 8, 9)
                .formula(spec.formula()).build());
        assertEquals(n0 + 1, FormulaCompiler.derivations(), "parameter values are inputs, not code");
    }
}
