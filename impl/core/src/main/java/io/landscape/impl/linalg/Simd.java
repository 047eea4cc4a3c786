package io.landscape.impl.linalg;

/**
 * Whether this JVM can run the SIMD kernels written with the JDK's Vector API (an incubator module in Java 17): the
 * module {@code jdk.incubator.vector} is resolved ({@code --add-modules jdk.incubator.vector}; the {@code ./landscape}
 * launcher, the tests and the benchmarks pass it) and the JIT uses hardware fused multiply-add. Classes that use the
 * Vector API are loaded only after this said yes, so research code on a JVM without the module never links them and
 * gets the scalar code instead. A hardware question only: whether the evaluators may use SIMD is decided by the
 * objective room's parameters ({@code io.landscape.impl.objective.EvaluatorParameters}, system property
 * {@code landscape.vector}); {@link Cholesky} uses it whenever available (its factor is bitwise the same either way).
 */
public final class Simd {
    /** The answer, fixed at class initialisation. */
    public static final boolean AVAILABLE = detect();

    private Simd() {
    }

    private static boolean detect() {
        return FastAngle.hardwareFma() && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
