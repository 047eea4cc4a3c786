package io.landscape.impl.spark;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Locale;

import io.landscape.impl.linalg.FastAngle;
import io.landscape.impl.objective.EvaluatorParameters;
import io.landscape.impl.objective.Evaluators;

/**
 * What decides which evaluator a JVM picks and how it rounds, as one string: whether the SIMD evaluators are used
 * ({@link EvaluatorParameters#simd()} and {@link Evaluators#simdAvailable()}: Vector API module, hardware FMA, ≥ 256-bit
 * registers), whether batching is on, the SIMD threshold in students, the SIMD width (the {@code landscape.vectorBits}
 * choice, else the JVM's preferred double species), hardware FMA, the Java feature release and the architecture.
 * System properties do not travel to Spark executors, so each executor computes its own fingerprint before every
 * task and refuses to run when it differs from the driver's ({@link SparkRunner}): a mixed cluster (one node without
 * AVX-512 or without {@code --add-modules jdk.incubator.vector}, or a {@code landscape.batch=false} on one side)
 * fails with one message instead of silently computing other bits in accelerated mode.
 */
public final class EvaluatorFingerprint {
    private EvaluatorFingerprint() {
    }

    /** This JVM's fingerprint, e.g. {@code simd=on batch=on simdMinStudents=12 vectorBits=512 fma=on java=17 arch=amd64}. */
    public static String here() {
        EvaluatorParameters p = EvaluatorParameters.defaults();
        boolean simd = p.simd() && Evaluators.simdAvailable();
        return "simd=" + onOff(simd) + " batch=" + onOff(simd && p.batch()) + " simdMinStudents="
                + p.simdMinStudents() + " vectorBits=" + (simd ? vectorBits() : "-") + " fma="
                + onOff(FastAngle.hardwareFma()) + " java=" + Runtime.version().feature() + " arch="
                + System.getProperty("os.arch", "?").toLowerCase(Locale.ROOT);
    }

    private static String onOff(boolean b) {
        return b ? "on" : "off";
    }

    /** The SIMD width the evaluators use: {@code landscape.vectorBits}, else the preferred double species' width. */
    private static String vectorBits() {
        if (EvaluatorParameters.VECTOR_BITS != null) {
            return EvaluatorParameters.VECTOR_BITS;
        }
        try {
            Class<?> dv = Class.forName("jdk.incubator.vector.DoubleVector");
            Field f = dv.getField("SPECIES_PREFERRED");
            Object species = f.get(null);
            Method bits = Class.forName("jdk.incubator.vector.VectorSpecies").getMethod("vectorBitSize");
            return String.valueOf(bits.invoke(species));
        } catch (ReflectiveOperationException | LinkageError e) {
            return "?";
        }
    }
}
