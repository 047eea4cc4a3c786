package io.landscape.impl.kernel;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.landscape.api.InvalidFormulaException;
import io.landscape.api.Kernel;
import io.landscape.api.Landscape;
import io.landscape.api.Problem;
import io.landscape.impl.compile.KernelCompiler;

/** The positive semi-definiteness check: true kernels pass, formulas that are not covariances are refused. */
class KernelCheckTest {

    /** κ = rρ(2cos²θ − 1) = 2(w·v)²/(rρ) − rρ: κ(w, w) = r² ≥ 0, but not a covariance (negative Gram eigenvalues). */
    static class Cos2Theta extends PairKernel {
        @Override
        public double value(double r, double rho, double c, double s, double th) {
            return r * rho * (2 * c * c - 1);
        }

        @Override
        public void first(double r, double rho, double c, double s, double th, double[] out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void second(double r, double rho, double c, double s, double th, double[] out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void self(double r, double[] out) {
            out[0] = r * r;
        }
    }

    @Test
    void trueKernelsPass() {
        assertNull(KernelCheck.violation(new ReluClosedForm()));
        for (Kernel k : new Kernel[] {Kernel.relu(), Kernel.erf(), Kernel.linear()}) {
            assertNull(KernelCheck.violation(KernelCompiler.compiled(k)), k.name());
        }
        // σ(z) = z²: E (w·x)²(v·x)² = ‖w‖²‖v‖² + 2(w·v)²
        assertNull(KernelCheck.violation(KernelCompiler.compileFresh(Kernel.formula("square", "ww*vv+2*wv^2"))));
    }

    @Test
    void aNegativeSelfTermIsRefused() {
        Problem p = Problem.builder().teacher(Problem.identity(2, 2)).students(2)
                .kernel(Kernel.formula("bad", "-(ww+vv)")).build();
        InvalidFormulaException e = assertThrows(InvalidFormulaException.class, () -> Landscape.objective(p));
        assertTrue(e.getMessage().startsWith("kernel 'bad' (formula '-(ww+vv)') is not positive semi-definite: "
                + "κ(w, w) = "), e.getMessage());
        assertTrue(e.getMessage().contains("< 0"), e.getMessage());
    }

    @Test
    void aNonNegativeSelfTermWithAnIndefiniteGramMatrixIsRefused() {
        String why = KernelCheck.violation(new Cos2Theta());
        assertTrue(why != null && why.contains("Gram matrix") && why.contains("eigenvalue -"), String.valueOf(why));
        // the same through the whole pipeline, as a formula
        InvalidFormulaException e = assertThrows(InvalidFormulaException.class,
                () -> KernelCompiler.compileFresh(Kernel.formula("cos2", "r*rho*Cos(2*theta)")));
        assertTrue(e.getMessage().contains("is not positive semi-definite: the Gram matrix"), e.getMessage());
    }

    @Test
    void aNonFiniteKernelIsRefused() {
        PairKernel inf = new Cos2Theta() {
            @Override
            public void self(double r, double[] out) {
                out[0] = r < 1 ? Double.POSITIVE_INFINITY : r * r;
            }
        };
        String why = KernelCheck.violation(inf);
        assertTrue(why != null && why.startsWith("is not finite"), String.valueOf(why));
    }
}
