package io.landscape.impl.objective;

import io.landscape.api.Objective;
import io.landscape.impl.linalg.Simd;

/**
 * Isolates every reference to {@code jdk.incubator.vector}: {@link Evaluators} calls {@link #create} and
 * {@link #batch} only after {@link #available()} said yes, so a JVM without the module never links
 * {@link VectorIdentityObjective} or {@link BatchIdentityObjective}. {@link #available()} is the hardware question
 * (module resolved, hardware FMA, SIMD registers of at least 256 bits: with fewer lanes the padding costs more than
 * the lanes save); whether SIMD may be used is {@link EvaluatorParameters#simd()}.
 */
final class VectorSupport {
    private VectorSupport() {
    }

    static boolean available() {
        if (!Simd.AVAILABLE) {
            return false;
        }
        try {
            return Lanes.bits() >= 256;
        } catch (LinkageError e) {
            return false;
        }
    }

    static Objective create(Objective general, int k, int n, boolean plainValue) {
        return new VectorIdentityObjective(general, k, n, plainValue);
    }

    static BatchIdentityObjective batch(int k, int n) {
        return new BatchIdentityObjective(k, n);
    }

    /** Separate so that {@link #available()} links the module's classes only inside its try block. */
    private static final class Lanes {
        static int bits() {
            return VectorIdentityObjective.SP.vectorBitSize();
        }
    }
}
