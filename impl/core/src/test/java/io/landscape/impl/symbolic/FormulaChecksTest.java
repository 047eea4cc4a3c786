package io.landscape.impl.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.landscape.api.FormulaCheck;
import io.landscape.api.FormulaChecker;
import io.landscape.api.FormulaChecker.Vector;
import io.landscape.api.Landscape;

/**
 * The hand-derived closed forms of the papers, confirmed against Symja's own derivatives through the public
 * {@link FormulaChecker}: g (002 Eq. 8), h1 and h2 (002 Eq. 10 / 000 Thm 10), the single-teacher gradient (003 Eq. 4)
 * and the rearranged loss (003 Eq. 23).
 */
class FormulaChecksTest {
    private static final FormulaChecker CHECK = Landscape.formulaChecker();
    private static final Vector W = new Vector("w", 3);
    private static final Vector V = new Vector("v", 3);
    private static final List<Vector> WV = List.of(W, V);

    private static final String THETA = "ArcCos(w.v/(Norm(w)*Norm(v)))";
    private static final String F = "Norm(w)*Norm(v)/(2*Pi)*(Sin(" + THETA + ")+(Pi-" + THETA + ")*Cos(" + THETA + "))";
    private static final String WBAR = "(w/Norm(w))";
    private static final String VBAR = "(v/Norm(v))";
    /** n̄_{v,w}: unit part of v̄ orthogonal to w̄; n̄_{w,v} likewise. */
    private static final String NVW = "((" + VBAR + "-Cos(" + THETA + ")*" + WBAR + ")/Sin(" + THETA + "))";
    private static final String NWV = "((" + WBAR + "-Cos(" + THETA + ")*" + VBAR + ")/Sin(" + THETA + "))";

    private static void confirmed(FormulaCheck c) {
        assertTrue(c.holds(), c.detail());
        if (c.method() == FormulaCheck.Method.NUMERIC) {
            assertTrue(c.points() >= 6, c.detail());
        }
    }

    @Test
    void gradientOfTheArcCosineKernelIsEq8() {
        String g = "1/(2*Pi)*(Norm(v)*Sin(" + THETA + ")*" + WBAR + "+(Pi-" + THETA + ")*v)";
        confirmed(CHECK.gradient(F, W, g, WV, 20, 1));
    }

    @Test
    void aWrongGradientIsRejected() {
        String wrong = "1/(2*Pi)*(Norm(v)*Sin(" + THETA + ")*" + WBAR + "+(Pi+" + THETA + ")*v)";
        FormulaCheck c = CHECK.gradient(F, W, wrong, WV, 25, 1);
        assertFalse(c.holds(), c.detail());
        assertEquals(FormulaCheck.Method.NUMERIC, c.method());
    }

    @Test
    void h1IsTheSecondDerivativeInW() {
        String h1 = "Sin(" + THETA + ")*Norm(v)/(2*Pi*Norm(w))*(IdentityMatrix(3)-Outer(Times," + WBAR + "," + WBAR
                + ")+Outer(Times," + NVW + "," + NVW + "))";
        // Symja evaluates the 9 entries of the symbolic second derivative (≈25 000 leaves) at ~3 s a point: 6 points
        confirmed(CHECK.secondDerivative(F, W, W, h1, WV, 6, 2));
    }

    @Test
    void h2IsTheMixedSecondDerivative() {
        String h2 = "1/(2*Pi)*((Pi-" + THETA + ")*IdentityMatrix(3)+Outer(Times," + NWV + "," + VBAR
                + ")+Outer(Times," + NVW + "," + WBAR + "))";
        confirmed(CHECK.secondDerivative(F, W, V, h2, WV, 6, 3));
    }

    /** Two students a, b and one teacher v: 003 Eq. (4) for neuron a, and Eq. (23) for the loss. */
    private static final Vector A = new Vector("a", 3);
    private static final Vector B = new Vector("b", 3);
    private static final List<Vector> ABV = List.of(A, B, V);

    private static String kappa(String x, String y) {
        String t = "ArcCos(" + x + "." + y + "/(Norm(" + x + ")*Norm(" + y + ")))";
        return "(Norm(" + x + ")*Norm(" + y + ")/(2*Pi)*(Sin(" + t + ")+(Pi-" + t + ")*Cos(" + t + ")))";
    }

    private static String angle(String x, String y) {
        return "ArcCos(" + x + "." + y + "/(Norm(" + x + ")*Norm(" + y + ")))";
    }

    /** Kernel form: ½Σ_ij κ(w_i, w_j) − Σ_i κ(w_i, v) + ½κ(v, v), with κ(w, w) = ½‖w‖². */
    private static final String LOSS = "1/4*a.a+1/4*b.b+" + kappa("a", "b") + "-" + kappa("a", "v") + "-"
            + kappa("b", "v") + "+1/4*v.v";

    @Test
    void singleTeacherGradientIsEq4() {
        String eq4 = "1/2*(a+b-v)+1/(2*Pi)*((Norm(b)*Sin(" + angle("a", "b") + ")-Norm(v)*Sin(" + angle("a", "v")
                + "))*a/Norm(a)-" + angle("a", "b") + "*b+" + angle("a", "v") + "*v)";
        confirmed(CHECK.gradient(LOSS, A, eq4, ABV, 20, 4));
    }

    @Test
    void rearrangedLossIsEq23() {
        String psiAB = "(Sin(" + angle("a", "b") + ")-" + angle("a", "b") + "*Cos(" + angle("a", "b") + "))";
        String psiA = "(Sin(" + angle("a", "v") + ")-" + angle("a", "v") + "*Cos(" + angle("a", "v") + "))";
        String psiB = "(Sin(" + angle("b", "v") + ")-" + angle("b", "v") + "*Cos(" + angle("b", "v") + "))";
        String eq23 = "1/4*(a+b-v).(a+b-v)+1/(2*Pi)*(" + psiAB + "*Norm(a)*Norm(b)-" + psiA + "*Norm(a)*Norm(v)-"
                + psiB + "*Norm(b)*Norm(v))";
        confirmed(CHECK.identity(LOSS, eq23, ABV, 20, 5));
    }

    @Test
    void polynomialIdentityIsProvedSymbolically() {
        // Lagrange's identity in R³
        FormulaCheck c = CHECK.identity("(w.w)*(v.v)-(w.v)^2", "Cross(w,v).Cross(w,v)", WV, 5, 6);
        assertTrue(c.holds(), c.detail());
        assertEquals(FormulaCheck.Method.SYMBOLIC, c.method(), c.detail());
    }
}
