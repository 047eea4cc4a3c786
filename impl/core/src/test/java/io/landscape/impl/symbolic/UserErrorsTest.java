package io.landscape.impl.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.landscape.api.FormulaCheck;
import io.landscape.api.FormulaChecker;
import io.landscape.api.FormulaChecker.Vector;
import io.landscape.api.InvalidFormulaException;
import io.landscape.api.InvalidPointException;
import io.landscape.api.Kernel;
import io.landscape.api.Landscape;
import io.landscape.api.LandscapeException;
import io.landscape.api.Objective;
import io.landscape.api.Problem;

/**
 * Errors a user can cause reach them as api exceptions, with their own formula text, the reason in words and the
 * stack trace of their own thread — not Symja's internal forms or its worker thread.
 */
class UserErrorsTest {
    private static final FormulaChecker CHECK = Landscape.formulaChecker();
    private static final Vector W = new Vector("w", 3);
    private static final Vector U = new Vector("u", 3);

    /** Thrown on the caller's thread: this test's frames are in the trace, the Symja worker's are not. */
    private static <T extends Throwable> T thrownHere(Class<T> type, Executable call) {
        T e = assertThrows(type, call);
        boolean mine = false;
        for (StackTraceElement f : e.getStackTrace()) {
            assertFalse(f.getClassName().startsWith("java.util.concurrent.ThreadPoolExecutor"),
                    "the Symja worker's stack leaked: " + f);
            mine |= f.getClassName().equals(UserErrorsTest.class.getName());
        }
        assertTrue(mine, "the stack trace is not the caller's");
        return e;
    }

    private static void noSymjaInternals(String message) {
        for (String internal : new String[] {"lsnorm", "lsNorm", "{w1,", "w1,w2,w3", "$Failed", "Derivative("}) {
            assertFalse(message.contains(internal), "internal '" + internal + "' in: " + message);
        }
    }

    @Test
    void aCheckAtNoPointIsRefused() {
        // it used to say holds=true, points=0 for a wrong gradient
        for (int samples : new int[] {0, -3}) {
            LandscapeException e = thrownHere(LandscapeException.class,
                    () -> CHECK.gradient("Norm(w)^3", W, "3*w", List.of(W), samples, 1L));
            assertTrue(e.getMessage().startsWith("samples must be at least 1, got " + samples), e.getMessage());
        }
        // one point is enough to refute the wrong gradient, and to confirm the right one
        FormulaCheck wrong = CHECK.gradient("Norm(w)^3", W, "3*w", List.of(W), 1, 1L);
        assertFalse(wrong.holds(), wrong.detail());
        assertEquals(1, wrong.points());
        FormulaCheck right = CHECK.gradient("Norm(w)^3", W, "3*Norm(w)*w", List.of(W), 1, 1L);
        assertTrue(right.holds(), right.detail());
    }

    @Test
    void anUndeclaredVectorIsNamed() {
        InvalidFormulaException e = thrownHere(InvalidFormulaException.class,
                () -> CHECK.identity("4.68*Norm(u)", "u.u", List.of(W), 3, 1L));
        assertTrue(e.getMessage().startsWith("the left side '4.68*Norm(u)' uses 'u', which is not a declared vector"),
                e.getMessage());
        assertEquals("4.68*Norm(u)", e.formula());
        noSymjaInternals(e.getMessage());
        // it used to pass: d/dw of Norm(x) is 0
        InvalidFormulaException x = thrownHere(InvalidFormulaException.class,
                () -> CHECK.gradient("Norm(w)^2 + Norm(x)", W, "2*w", List.of(W), 3, 1L));
        assertTrue(x.getMessage().contains("uses 'x', which is not a declared vector (declared: w of dimension 3"),
                x.getMessage());
    }

    @Test
    void parseErrorsAndUnknownFunctionsQuoteTheUsersFormula() {
        InvalidFormulaException p = thrownHere(InvalidFormulaException.class,
                () -> CHECK.identity("Sin(w.w", "1", List.of(W), 3, 1L));
        assertTrue(p.getMessage().startsWith("the left side 'Sin(w.w' does not parse: "), p.getMessage());
        noSymjaInternals(p.getMessage());
        InvalidFormulaException f = thrownHere(InvalidFormulaException.class,
                () -> CHECK.identity("Norm(u)", "Foo(u)", List.of(U), 3, 1L));
        assertTrue(f.getMessage().startsWith("the right side 'Foo(u)' uses unknown function 'Foo'"), f.getMessage());
        noSymjaInternals(f.getMessage());
    }

    @Test
    void aVectorToDifferentiateByMustBeDeclared() {
        LandscapeException e = thrownHere(LandscapeException.class,
                () -> CHECK.gradient("Norm(w)^2", U, "2*w", List.of(W), 3, 1L));
        assertTrue(e.getMessage().contains("cannot differentiate by vector 'u'"), e.getMessage());
    }

    @Test
    void aComplexValueNamesTheSideAndThePoint() {
        // √w1·√w2 ≠ √(w1·w2) when both are negative, and is complex when one is: the first seeded point has w2 < 0
        InvalidFormulaException e = thrownHere(InvalidFormulaException.class,
                () -> CHECK.identity("Sqrt(w1)*Sqrt(w2)", "Sqrt(w1*w2)", List.of(W), 20, 1L));
        assertTrue(e.getMessage().matches("(?s)the left side 'Sqrt\\(w1\\)\\*Sqrt\\(w2\\)': component 1 is a complex "
                + "number at w = \\(-?[0-9.E-]+, .*"), e.getMessage());
    }

    private static Problem withKernel(String formula) {
        return Problem.builder().teacher(Problem.identity(2, 2)).students(2).kernel(Kernel.formula("k", formula))
                .build();
    }

    @Test
    void badKernelFormulasSayWhyInTheUsersTerms() {
        String[][] cases = {
            {"r*rho*(", "kernel 'k' (formula 'r*rho*(') does not parse: "},
            {"r*rho*zeta", "kernel 'k' (formula 'r*rho*zeta') uses unknown variable 'zeta' (allowed: r, rho, theta, "
                + "ww, vv, wv)"},
            {"foo(wv)", "kernel 'k' (formula 'foo(wv)') uses unknown function 'foo'"},
            {"Sqrt(wv-1)", "kernel 'k' (formula 'Sqrt(wv-1)') is not a real number at r = ‖w‖ = "},
            {"r^2*rho", "kernel 'k' (formula 'r^2*rho') is not symmetric in w and v"},
        };
        for (String[] c : cases) {
            InvalidFormulaException e = thrownHere(InvalidFormulaException.class,
                    () -> Landscape.objective(withKernel(c[0])));
            assertTrue(e.getMessage().startsWith(c[1]), e.getMessage());
            assertEquals(c[0], e.formula());
            noSymjaInternals(e.getMessage());
        }
    }

    @Test
    void aNonFinitePointNamesTheEntryNotTheKernel() {
        Objective f = Landscape.objective(Problem.identityTeacher(2, 3, 2));
        double[] x = {1, 0.2, 0, 0.1, 1, 0};
        double[] nan = x.clone();
        nan[4] = Double.NaN;
        InvalidPointException e = assertThrows(InvalidPointException.class, () -> f.value(nan));
        assertEquals(1, e.neuron());
        assertEquals(1, e.coordinate());
        assertTrue(e.getMessage().startsWith("the point's entry x[4] (student neuron 2, coordinate 2) is NaN"),
                e.getMessage());
        assertFalse(e.getMessage().contains("kernel"), e.getMessage());
        double[] inf = x.clone();
        inf[0] = Double.NEGATIVE_INFINITY;
        for (Executable call : new Executable[] {() -> f.value(inf), () -> f.gradient().evaluate(inf),
            () -> f.valueAndGradient(inf, new double[6]), () -> f.hessian().evaluate(inf)}) {
            InvalidPointException i = assertThrows(InvalidPointException.class, call);
            assertTrue(i.getMessage().startsWith("the point's entry x[0] (student neuron 1, coordinate 1) is "
                    + "-Infinity"), i.getMessage());
        }
        InvalidPointException len = assertThrows(InvalidPointException.class, () -> f.value(new double[5]));
        assertTrue(len.getMessage().startsWith("point has 5 entries, expected n·d"), len.getMessage());
    }
}
