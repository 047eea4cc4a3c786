package io.landscape.impl.linalg;

import io.landscape.impl.linalg.FastAngle;

/**
 * Whether this JVM can run the SIMD kernels written with the JDK's Vector API (an incubator module in Java 17): the
 * module {@code jdk.incubator.vector} is resolved ({@code --add-modules jdk.incubator.vector}; the {@code ./landscape}
 * launcher, the tests and the benchmarks pass it), the JIT uses hardware fused multiply-add, and the system property
 * {@code landscape.vector} is not {@code false}. Classes that use the Vector API are loaded only after this said yes,
 * so research code on a JVM without the module never links them and gets the scalar code instead.
 */
public final class Simd {
    /** The answer, fixed at class initialisation. */
    public static final boolean AVAILABLE = detect();

    private Simd() {
    }

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("landscape.vector", "true"))) {
            return false;
        }
        return FastAngle.hardwareFma() && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
