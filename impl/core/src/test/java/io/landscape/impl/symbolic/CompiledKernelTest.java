package io.landscape.impl.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.matheclipse.core.interfaces.IExpr;

import io.landscape.api.InvalidFormulaException;
import io.landscape.api.Kernel;
import io.landscape.impl.compile.KernelCompiler;
import io.landscape.impl.kernel.PairKernel;
import io.landscape.impl.kernel.ReluClosedForm;

/** Compiled evaluators against Symja's own numeric evaluation of the derived expressions, and against the hand-written ReLU form. */
class CompiledKernelTest {

    @ParameterizedTest
    @ValueSource(strings = {"relu", "erf", "linear"})
    void compiledAgreesWithSymjaNumericEvaluation(String name) {
        Kernel kernel = Kernel.named(name);
        KernelDerivation.Derived derived = FreshDerivations.of(kernel);
        PairKernel compiled = KernelCompiler.compile(kernel, KernelCompiler.generate(derived));
        Random rnd = new Random(name.hashCode());
        double[] first = new double[PairKernel.FIRST_SIZE];
        double[] second = new double[PairKernel.SECOND_SIZE];
        double[] self = new double[PairKernel.SELF_SIZE];
        for (int trial = 0; trial < 10; trial++) {
            double r = 0.2 + 2 * rnd.nextDouble();
            double rho = 0.2 + 2 * rnd.nextDouble();
            double th = 0.05 + (Math.PI - 0.1) * rnd.nextDouble();
            double c = Math.cos(th);
            double s = Math.sin(th);
            compiled.first(r, rho, c, s, th, first);
            compiled.second(r, rho, c, s, th, second);
            compiled.self(r, self);
            double[] point = {r, rho, th};
            List<String> names = KernelDerivation.FIRST;
            for (int i = 0; i < names.size(); i++) {
                check(derived.regular.get(names.get(i)), point, first[i], name + " " + names.get(i));
            }
            names = KernelDerivation.SECOND;
            for (int i = 0; i < names.size(); i++) {
                check(derived.regular.get(names.get(i)), point, second[i], name + " " + names.get(i));
            }
            names = KernelDerivation.SELF;
            for (int i = 0; i < names.size(); i++) {
                check(derived.regular.get(names.get(i)), point, self[i], name + " " + names.get(i));
            }
            assertEquals(first[0], compiled.value(r, rho, c, s, th), 1e-15);
        }
    }

    private static void check(IExpr expr, double[] point, double compiled, String what) {
        double symja = SymjaSession.get().call(ev -> KernelDerivation.numeric(ev, what, expr.toString(), point));
        assertEquals(symja, compiled, 1e-12 * Math.max(1, Math.abs(symja)), what + " at " + java.util.Arrays.toString(point));
    }

    @Test
    void compiledReluEqualsHandWrittenClosedForm() {
        // the kernel in use (shipped in the jar) and one derived and compiled from scratch now
        compiledReluEqualsHandWrittenClosedForm(KernelCompiler.compiled(Kernel.relu()));
        compiledReluEqualsHandWrittenClosedForm(KernelCompiler.compile(Kernel.relu(),
                KernelCompiler.generate(FreshDerivations.of(Kernel.relu()))));
    }

    private static void compiledReluEqualsHandWrittenClosedForm(PairKernel compiled) {
        PairKernel hand = new ReluClosedForm();
        Random rnd = new Random(42);
        double[] a = new double[PairKernel.SECOND_SIZE];
        double[] b = new double[PairKernel.SECOND_SIZE];
        for (int trial = 0; trial < 1000; trial++) {
            double r = 0.01 + 3 * rnd.nextDouble();
            double rho = 0.01 + 3 * rnd.nextDouble();
            double th = trial == 0 ? 0 : trial == 1 ? Math.PI : Math.PI * rnd.nextDouble();
            double c = trial == 1 ? -1 : Math.cos(th);
            double s = trial < 2 ? 0 : Math.sin(th);
            compiled.first(r, rho, c, s, th, a);
            hand.first(r, rho, c, s, th, b);
            for (int i = 0; i < PairKernel.FIRST_SIZE; i++) {
                assertEquals(b[i], a[i], 1e-14 * Math.max(1, Math.abs(b[i])), "first " + i);
            }
            compiled.second(r, rho, c, s, th, a);
            hand.second(r, rho, c, s, th, b);
            for (int i = 0; i < PairKernel.SECOND_SIZE; i++) {
                assertEquals(b[i], a[i], 1e-14 * Math.max(1, Math.abs(b[i])), "second " + i);
            }
        }
    }

    @Test
    void generatedSourceIsStampedAndKept() {
        PairKernel k = KernelCompiler.compiled(Kernel.relu());
        assertTrue(k.source().startsWith("// GENERATED"), k.source());
        assertTrue(k.source().contains("DO NOT MODIFY"));
    }

    @Test
    void customFormulaKernelGoesThroughThePipeline() {
        // σ(z) = z²: E[(w·x)²(v·x)²] = ‖w‖²‖v‖² + 2(w·v)²
        PairKernel k = KernelCompiler.compileFresh(Kernel.formula("square", "ww*vv+2*wv^2"));
        double r = 1.3;
        double rho = 0.7;
        double th = 0.9;
        double expected = r * r * rho * rho + 2 * Math.pow(r * rho * Math.cos(th), 2);
        assertEquals(expected, k.value(r, rho, Math.cos(th), Math.sin(th), th), 1e-13);
    }

    @Test
    void badFormulasAreRefusedWithTheReason() {
        InvalidFormulaException unknown = assertThrows(InvalidFormulaException.class,
                () -> KernelCompiler.compileFresh(Kernel.formula("bad", "r*rho*zeta")));
        assertTrue(unknown.getMessage().toLowerCase(java.util.Locale.ROOT).contains("unknown variable 'zeta'"),
                unknown.getMessage());
        InvalidFormulaException asym = assertThrows(InvalidFormulaException.class,
                () -> KernelCompiler.compileFresh(Kernel.formula("asym", "r^2*rho")));
        assertTrue(asym.getMessage().contains("not symmetric"), asym.getMessage());
    }
}
