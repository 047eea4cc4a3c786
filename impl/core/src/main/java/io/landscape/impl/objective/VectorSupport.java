package io.landscape.impl.objective;

import io.landscape.api.Objective;
import io.landscape.impl.linalg.Simd;

/**
 * Isolates every reference to {@code jdk.incubator.vector}: this class is loaded only after {@link #available()} said
 * yes, so a JVM without the module never links {@link VectorIdentityObjective}.
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

    static Objective create(Objective general, int k, int n) {
        return new VectorIdentityObjective(general, k, n);
    }

    /** Separate so that {@link #available()} links the module's classes only inside its try block. */
    private static final class Lanes {
        static int bits() {
            return VectorIdentityObjective.SP.vectorBitSize();
        }
    }
}
