package io.landscape.impl.symbolic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.landscape.api.Kernel;

/**
 * Derivations from scratch — {@link KernelDerivation#derive} itself, never the shipped classes or the disk cache —
 * made once per test JVM and shared by the tests that check the derivation (a cold erf derivation costs tens of
 * seconds).
 */
public final class FreshDerivations {
    private static final Map<Kernel, KernelDerivation.Derived> DONE = new ConcurrentHashMap<>();

    private FreshDerivations() {
    }

    public static KernelDerivation.Derived of(Kernel kernel) {
        KernelDerivation.Derived d = DONE.get(kernel);
        if (d == null) {
            synchronized (DONE) {
                d = DONE.computeIfAbsent(kernel, KernelDerivation::derive);
            }
        }
        return d;
    }
}
