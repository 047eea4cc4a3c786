package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

import io.landscape.api.FormulaCheck;
import io.landscape.api.FormulaChecker;
import io.landscape.api.FormulaChecker.Vector;
import io.landscape.api.Landscape;
import io.landscape.impl.symbolic.SymjaSession;

/**
 * The formulas behind {@link SingleTeacherLoss}, checked with the symbolic layer (Symja): paper 003 Eq. (23) equals
 * the kernel form ½Σf(w_i,w_j) − Σf(w_i,v) + ½f(v,v); Eq. (4) and our rearranged gradient are its derivative; the
 * series coefficients of ψ and θ − sin θ are Symja's.
 */
class SingleTeacherSymbolicTest {
    private static final String KERNEL_FORM = "(a.a)/4 + (b.b)/4 + f(a,b) - f(a,v) - f(b,v) + (v.v)/4";
    private static final String EQ23 = "(a+b-v).(a+b-v)/4 + (psi(t(a,b)) Norm(a) Norm(b) - psi(t(a,v)) Norm(a) Norm(v) "
            + "- psi(t(b,v)) Norm(b) Norm(v))/(2 Pi)";
    private static final List<Vector> VARS = List.of(new Vector("a", 3), new Vector("b", 3), new Vector("v", 3));
    /** Derivatives are checked in d = 2 (the formulas are dimension-free; Symja's Simplify is much faster there). */
    private static final List<Vector> VARS2 = List.of(new Vector("a", 2), new Vector("b", 2), new Vector("v", 2));

    /** Inlines the helper functions f, t, psi (FormulaChecker takes one expression). */
    private static String expand(String s) {
        String out = s;
        // f(x,y) = |x||y|(sin t + (π − t) cos t)/(2π)
        out = out.replace("f(a,b)", kernel("a", "b")).replace("f(a,v)", kernel("a", "v"))
                .replace("f(b,v)", kernel("b", "v"));
        out = out.replace("psi(t(a,b))", psi(angle("a", "b"))).replace("psi(t(a,v))", psi(angle("a", "v")))
                .replace("psi(t(b,v))", psi(angle("b", "v")));
        out = out.replace("t(a,b)", angle("a", "b")).replace("t(a,v)", angle("a", "v"));
        return out;
    }

    private static String angle(String x, String y) {
        return "ArcCos((" + x + "." + y + ")/(Norm(" + x + ") Norm(" + y + ")))";
    }

    private static String psi(String t) {
        return "(Sin(" + t + ") - " + t + " Cos(" + t + "))";
    }

    private static String kernel(String x, String y) {
        String t = angle(x, y);
        return "(Norm(" + x + ") Norm(" + y + ") (Sin(" + t + ") + (Pi - " + t + ") Cos(" + t + "))/(2 Pi))";
    }

    @Test
    void eq23EqualsTheKernelForm() {
        FormulaChecker checker = Landscape.formulaChecker();
        FormulaCheck c = checker.identity(expand(EQ23), expand(KERNEL_FORM), VARS, 6, 23);
        assertTrue(c.holds(), c.detail());
    }

    @Test
    void eq4AndTheRearrangedGradientAreTheDerivativeOfEq23() {
        FormulaChecker checker = Landscape.formulaChecker();
        // paper 003 Eq. (4) for neuron a (n = 2)
        String tab = angle("a", "b");
        String tav = angle("a", "v");
        String eq4 = "(a+b-v)/2 + ((Norm(b) Sin(" + tab + ") - Norm(v) Sin(" + tav + ")) a/Norm(a) - " + tab + " b + "
                + tav + " v)/(2 Pi)";
        FormulaCheck c = checker.gradient(expand(EQ23), new Vector("a", 2), eq4, VARS2, 3, 4);
        assertTrue(c.holds(), c.detail());
        // the cancellation-free rearrangement used by SingleTeacherLoss (τ = θ − sin θ, u = a/|a|, û_b, v̂)
        String ua = "a/Norm(a)";
        String ub = "b/Norm(b)";
        String uv = "v/Norm(v)";
        String ours = "(a+b-v)/2 + (Norm(b) (" + tab + " (" + ua + " - " + ub + ") - (" + tab + " - Sin(" + tab + ")) "
                + ua + ") - Norm(v) (" + tav + " (" + ua + " - " + uv + ") - (" + tav + " - Sin(" + tav + ")) " + ua
                + "))/(2 Pi)";
        FormulaCheck c2 = checker.identity(ours, eq4, VARS2, 3, 5);
        assertTrue(c2.holds(), c2.detail());
    }

    /**
     * The 100-digit reference of the accuracy test, cross-checked with Symja's N(…, 50) on the kernel form at a point
     * where L ≈ 1e-16 (inputs passed as exact rationals m/2^k), and our double value against both.
     */
    @Test
    void highPrecisionReferenceAgreesWithSymja() {
        double s = 1e-5;
        double[] x = {0.4, s, 0.5 * s, 0.6 + 1e-11, -s, -0.5 * s};
        double[] v = {1, 0, 0};
        double reference = new HighPrecisionSingleTeacher(v, 2).value(x).toDouble();
        String a = "{" + exact(x[0]) + "," + exact(x[1]) + "," + exact(x[2]) + "}";
        String b = "{" + exact(x[3]) + "," + exact(x[4]) + "," + exact(x[5]) + "}";
        String form = expand(KERNEL_FORM).replace("Norm(a)", "Sqrt(a.a)").replace("Norm(b)", "Sqrt(b.b)")
                .replace("Norm(v)", "Sqrt(v.v)");
        double symja = SymjaSession.get().call(ev -> {
            ev.clearVariables();
            IExpr value = SymjaSession.eval(ev, "50-digit loss", "N(ReplaceAll(" + form + ", {a->" + a + ", b->" + b
                    + ", v->{1,0,0}}), 50)");
            return value.evalDouble();
        });
        assertTrue(reference > 1e-17 && reference < 1e-14, "L = " + reference);
        assertEquals(reference, symja, 1e-12 * reference, "Dfp vs Symja");
        double ours = new SingleTeacherLoss(v, 2).value(x);
        assertEquals(reference, ours, 1e-13 * reference, "SingleTeacherLoss vs 50 digits");
    }

    /** A double as an exact rational m/2^k in Symja syntax. */
    private static String exact(double x) {
        java.math.BigDecimal d = new java.math.BigDecimal(x);
        java.math.BigInteger num = d.unscaledValue();
        java.math.BigInteger den = java.math.BigInteger.TEN.pow(Math.max(0, d.scale()));
        if (d.scale() < 0) {
            num = num.multiply(java.math.BigInteger.TEN.pow(-d.scale()));
        }
        return "(" + num + "/" + den + ")";
    }

    @Test
    void seriesCoefficientsAreSymjas() {
        double[][] got = SymjaSession.get().call(ev -> new double[][] {
            coefficients(SymjaSession.eval(ev, "ψ series",
                    "CoefficientList(Normal(Series(Sin(t) - t Cos(t), {t, 0, 21})), t)")),
            coefficients(SymjaSession.eval(ev, "τ series",
                    "CoefficientList(Normal(Series(t - Sin(t), {t, 0, 21})), t)"))});
        for (int k = 0; k < SingleTeacherLoss.PSI_SERIES.length; k++) {
            int power = 2 * k + 3;
            assertEquals(got[0][power], SingleTeacherLoss.PSI_SERIES[k], 1e-16 * Math.abs(got[0][power]),
                    "ψ coefficient of t^" + power);
            assertEquals(got[1][power], SingleTeacherLoss.TAU_SERIES[k], 1e-16 * Math.abs(got[1][power]),
                    "τ coefficient of t^" + power);
        }
    }

    private static double[] coefficients(IExpr list) {
        assertTrue(list.isList(), "not a list: " + list);
        IAST ast = (IAST) list;
        double[] c = new double[ast.argSize()];
        for (int i = 1; i <= ast.argSize(); i++) {
            c[i - 1] = ast.get(i).evalDouble();
        }
        return c;
    }
}
