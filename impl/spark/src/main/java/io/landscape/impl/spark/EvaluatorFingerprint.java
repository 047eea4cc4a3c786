package io.landscape.impl.spark;


import io.landscape.impl.objective.Evaluators;

/**
 * What decides which evaluator a JVM picks and how it rounds, as one string: whether the SIMD evaluators are used
 * ({@link io.landscape.impl.objective.EvaluatorParameters#simd()} and {@link Evaluators#simdAvailable()}: Vector API module, hardware FMA, ≥ 256-bit
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

    /** This JVM's fingerprint: {@link Evaluators#fingerprint()}. */
    public static String here() {
        return Evaluators.fingerprint();
    }
}
