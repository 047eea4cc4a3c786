package io.landscape.impl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.landscape.api.Kernel;
import io.landscape.impl.kernel.PairKernel;
import io.landscape.impl.symbolic.FreshDerivations;

/**
 * The kernels shipped in the jar (derived at build time, {@link ShippedKernels}) are exactly what a derivation from
 * scratch in this JVM produces, and are what the library uses.
 */
class ShippedKernelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"relu", "erf", "linear"})
    void theShippedSourceIsAFreshDerivationsSource(String name) {
        Kernel kernel = Kernel.named(name);
        String shipped = ShippedKernels.source(kernel);
        assertNotNull(shipped, name + " is not shipped under key " + KernelCompiler.key(kernel)
                + " (the build step ShippedKernels runs at process-classes)");
        String fresh = KernelCompiler.generate(FreshDerivations.of(kernel));
        assertEquals(fresh, shipped, name + ": the shipped kernel differs from a fresh derivation; if the derivation "
                + "or the printer changed on purpose, bump KernelCompiler.GENERATOR_VERSION");
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "erf", "linear"})
    void theShippedClassIsCompiledFromTheShippedSourceAndIsTheOneInUse(String name) {
        Kernel kernel = Kernel.named(name);
        PairKernel shipped = ShippedKernels.load(kernel);
        assertNotNull(shipped, name);
        assertEquals(ShippedKernels.className(kernel), shipped.getClass().getName());
        assertEquals(ShippedKernels.source(kernel), shipped.source());
        assertSame(shipped.getClass(), KernelCompiler.compiled(kernel).getClass(), name + ": the library must use "
                + "the shipped class");
        // bit-for-bit the same numbers as the same source compiled now
        PairKernel now = KernelCompiler.compile(kernel, shipped.source());
        Random rnd = new Random(7);
        double[] a = new double[PairKernel.SECOND_SIZE];
        double[] b = new double[PairKernel.SECOND_SIZE];
        for (int t = 0; t < 200; t++) {
            double r = 0.05 + 3 * rnd.nextDouble();
            double rho = 0.05 + 3 * rnd.nextDouble();
            double th = t == 0 ? 0 : t == 1 ? Math.PI : Math.PI * rnd.nextDouble();
            double c = t == 1 ? -1 : Math.cos(th);
            double s = t < 2 ? 0 : Math.sin(th);
            assertEquals(now.value(r, rho, c, s, th), shipped.value(r, rho, c, s, th), 0.0);
            now.first(r, rho, c, s, th, a);
            shipped.first(r, rho, c, s, th, b);
            for (int i = 0; i < PairKernel.FIRST_SIZE; i++) {
                assertEquals(a[i], b[i], 0.0, "first " + i);
            }
            now.second(r, rho, c, s, th, a);
            shipped.second(r, rho, c, s, th, b);
            for (int i = 0; i < PairKernel.SECOND_SIZE; i++) {
                assertEquals(a[i], b[i], 0.0, "second " + i);
            }
            now.self(r, a);
            shipped.self(r, b);
            for (int i = 0; i < PairKernel.SELF_SIZE; i++) {
                assertEquals(a[i], b[i], 0.0, "self " + i);
            }
        }
    }

    @Test
    void anotherFormulaUnderABuiltInNameIsNotServedTheShippedKernel() {
        // the key is name + formula + generator version: a stale or different kernel can never be used
        assertNull(ShippedKernels.load(Kernel.formula("relu", "r*rho*Cos(theta)")));
        assertNull(ShippedKernels.source(Kernel.formula("erf", "wv")));
        assertNull(ShippedKernels.load(Kernel.formula("square", "ww*vv+2*wv^2")));
        assertTrue(KernelCompiler.key(Kernel.relu()).startsWith("relu-"));
        assertTrue(!KernelCompiler.key(Kernel.relu()).equals(KernelCompiler.key(Kernel.formula("relu", "wv"))));
    }
}
