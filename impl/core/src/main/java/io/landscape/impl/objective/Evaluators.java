package io.landscape.impl.objective;

import java.util.Optional;

import io.landscape.api.Kernel;
import io.landscape.api.Normalization;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.api.function.BatchFunction;
import io.landscape.impl.compile.KernelCompiler;
import io.landscape.impl.linalg.Workers;

/**
 * The evaluator selector: the one place that decides which evaluator computes F and ∇F for a {@link Problem} —
 * scalar, SIMD or batched, general or identity teacher — from the problem itself and {@link EvaluatorParameters}.
 * {@code Landscape.objective(problem)} is {@code select(problem, EvaluatorParameters.defaults())}; experiments and
 * commands call this class (never an evaluator's constructor), so every path gets the same, fastest correct choice.
 *
 * <table>
 * <caption>What is selected</caption>
 * <tr><th>problem</th><th>single point ({@link #select})</th><th>batch ({@link #batch})</th></tr>
 * <tr><td>identity teacher ({@link #isIdentityTeacher}), n ≥ {@link EvaluatorParameters#simdMinStudents()}, SIMD
 * on and available</td><td>{@link VectorIdentityObjective}</td><td rowspan="2">{@link BatchIdentityObjective} when
 * SIMD and batching are on and available</td></tr>
 * <tr><td>identity teacher, otherwise</td><td>{@link IdentityTeacherObjective}</td></tr>
 * <tr><td>any other problem, SIMD on and available</td><td>{@link VectorPairwiseObjective} with the compiled kernel
 * (two threads from {@link EvaluatorParameters#parallelMinStudents()} students on when
 * {@link EvaluatorParameters#workers()} holds a helper)</td><td rowspan="2">none</td></tr>
 * <tr><td>any other problem, otherwise</td><td>{@link PairwiseObjective} with the compiled kernel</td></tr>
 * </table>
 * All compute the same F and ∇F to rounding (tested against each other and against the general
 * {@link PairwiseObjective} to ~10⁻¹³); they round differently, so an iterate sequence is reproducible bitwise only with
 * the same evaluator — which is why the choice depends on nothing but the problem and the parameters.
 */
public final class Evaluators {
    private Evaluators() {
    }

    /**
     * Whether {@code p} is the identity-teacher special case the specialised evaluators compute: ReLU kernel, ½
     * normalisation, teacher rows v_j = e_j with d = k, all output weights 1 (any number of students).
     */
    public static boolean isIdentityTeacher(Problem p) {
        int k = p.teacherCount();
        if (p.inputDimension() != k || !p.kernel().equals(Kernel.relu()) || p.normalization() != Normalization.HALF) {
            return false;
        }
        for (int j = 0; j < k; j++) {
            double[] v = p.teacherNeuron(j);
            for (int q = 0; q < k; q++) {
                if (v[q] != (j == q ? 1.0 : 0.0)) {
                    return false;
                }
            }
        }
        return allOnes(p.studentWeights()) && allOnes(p.teacherWeights());
    }

    private static boolean allOnes(double[] a) {
        for (double e : a) {
            if (e != 1.0) {
                return false;
            }
        }
        return true;
    }

    /** Whether SIMD evaluators can run on this JVM and CPU (a hardware question; see {@link VectorSupport}). */
    public static boolean simdAvailable() {
        return SimdHolder.AVAILABLE;
    }

    /**
     * What decides which evaluator this JVM picks under the default parameters and how it rounds, as one string, e.g.
     * {@code simd=on batch=on simdMinStudents=12 vectorBits=512 fma=on java=17 arch=amd64}: whether the SIMD
     * evaluators are used ({@link EvaluatorParameters#simd()} and {@link #simdAvailable()}), whether batching is on,
     * the SIMD threshold in students, the SIMD width ({@code landscape.vectorBits}, else the JVM's preferred double
     * species), hardware FMA, the Java feature release and the architecture. Run logs record it so that a resume never
     * mixes runs of two evaluators; the Spark runner compares it between driver and executors.
     */
    public static String fingerprint() {
        EvaluatorParameters p = EvaluatorParameters.defaults();
        boolean simd = p.simd() && simdAvailable();
        return "simd=" + onOff(simd) + " batch=" + onOff(simd && p.batch()) + " simdMinStudents="
                + p.simdMinStudents() + " vectorBits=" + (simd ? vectorBits() : "-") + " fma="
                + onOff(io.landscape.impl.linalg.FastAngle.hardwareFma()) + " java=" + Runtime.version().feature()
                + " arch=" + System.getProperty("os.arch", "?").toLowerCase(java.util.Locale.ROOT);
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
            Object species = dv.getField("SPECIES_PREFERRED").get(null);
            return String.valueOf(Class.forName("jdk.incubator.vector.VectorSpecies").getMethod("vectorBitSize")
                    .invoke(species));
        } catch (ReflectiveOperationException | LinkageError e) {
            return "?";
        }
    }

    /**
     * The general evaluator of {@code p}: pairwise assembly over the compiled kernel of {@code p.kernel()}, for any
     * problem (the reference the specialised evaluators are tested against).
     */
    public static Objective general(Problem p) {
        return new PairwiseObjective(p, KernelCompiler.compiled(p.kernel()));
    }

    /**
     * The fastest correct single-point evaluator of {@code p} under {@code params} (see the class documentation).
     * Safe to share between threads; one per thread is fastest.
     */
    public static Objective select(Problem p, EvaluatorParameters params) {
        if (!isIdentityTeacher(p)) {
            // the SIMD general evaluator (Vector API dense products and angle pass; off-path points fall back to the
            // scalar evaluator inside it): same compensated F, results within rounding of general(p)
            if (simd(params) && VectorPairwiseObjective.isAvailable()) {
                // two threads for one evaluation only where it pays (parallelMinStudents); bitwise the same results
                return VectorPairwiseObjective.create(p, KernelCompiler.compiled(p.kernel()),
                        p.studentCount() >= params.parallelMinStudents() ? params.workers() : Workers.NONE);
            }
            return general(p);
        }
        int k = p.teacherCount();
        int n = p.studentCount();
        Objective general = general(p);
        if (simd(params) && n >= params.simdMinStudents()) {
            return VectorSupport.create(general, k, n, params.plainValue());
        }
        return new IdentityTeacherObjective(general, k, n, params.plainValue());
    }

    /**
     * Whether {@link #batch} has a batched evaluator for {@code p} under {@code params}: an identity-teacher problem,
     * SIMD and batching on and available.
     */
    public static boolean batches(Problem p, EvaluatorParameters params) {
        return simd(params) && params.batch() && isIdentityTeacher(p);
    }

    /**
     * A batched evaluator of {@code p} (one point per SIMD lane; its F is its own plain sum, as the search's), or
     * empty where {@link #batches} says no. Not thread-safe: one per thread.
     */
    public static Optional<BatchFunction> batch(Problem p, EvaluatorParameters params) {
        if (!batches(p, params)) {
            return Optional.empty();
        }
        return Optional.of(VectorSupport.batch(p.teacherCount(), p.studentCount()));
    }

    private static boolean simd(EvaluatorParameters params) {
        return params.simd() && simdAvailable();
    }

    /** Asks {@link VectorSupport} once, on first use. */
    private static final class SimdHolder {
        static final boolean AVAILABLE = VectorSupport.available();
    }
}
