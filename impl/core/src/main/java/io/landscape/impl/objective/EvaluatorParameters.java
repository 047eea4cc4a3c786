package io.landscape.impl.objective;

import java.util.Objects;

import io.landscape.impl.linalg.Workers;

/**
 * The switches and thresholds of the evaluator selector {@link Evaluators} — the one place where they are documented
 * and the one place where they are read from system properties (after EJML's {@code EjmlParameters}). A value:
 * {@link #defaults()} reads the properties once, at class initialisation; callers override single fields with the
 * {@code with…} methods and pass the result to {@link Evaluators#select} / {@link Evaluators#batch}.
 *
 * <table>
 * <caption>Parameters</caption>
 * <tr><th>field</th><th>default</th><th>system property</th><th>effect</th></tr>
 * <tr><td>{@link #simd()}</td><td>true</td><td>{@value #SIMD_PROPERTY}</td><td>SIMD evaluators (JDK Vector API) where
 * the JVM and CPU support them ({@link Evaluators#simdAvailable()}); {@code false}: scalar code only.</td></tr>
 * <tr><td>{@link #batch()}</td><td>true</td><td>{@value #BATCH_PROPERTY}</td><td>batched evaluation, one point per
 * SIMD lane ({@link Evaluators#batch}); needs {@link #simd()}.</td></tr>
 * <tr><td>{@link #simdMinStudents()}</td><td>{@value #DEFAULT_SIMD_MIN_STUDENTS}</td><td>—</td><td>fewest students
 * for which the single-point identity-teacher evaluator is the SIMD one: with fewer the lanes are mostly padding
 * (JMH {@code GradientDescentBenchmark.gdStep} vs {@code gdStepScalar}: 1.24 vs 1.23 µs at k = n = 10, 1.96 vs 2.40 at
 * 13, 3.9 vs 5.4 at 20, 14.5 vs 29.0 at 40, with 512-bit vectors).</td></tr>
 * <tr><td>{@link #plainValue()}</td><td>false</td><td>—</td><td>the identity-teacher evaluators'
 * {@code valueAndGradient}: {@code false} returns the general evaluator's F (compensated: relative error about an
 * ulp, see the package documentation) next to their fast gradient, at the cost of the general F's pass;
 * {@code true} their own F, a plain sum in a fixed order computed with the gradient (relative error up to ~10⁻¹⁴ at
 * k = n = 100) — what the spurious-minima search has always used, kept so that its outputs (Tables 1–2) stay bitwise
 * reproducible.</td></tr>
 * <tr><td>{@link #workers()}</td><td>{@link Workers#NONE}</td><td>—</td><td>the share of the parallelism budget one
 * evaluation may use (e.g. {@code sweep.Parallelism#workers()}): the SIMD general evaluator computes one value and
 * gradient on the caller's thread and one helper when the problem has at least {@link #parallelMinStudents()} students
 * — bitwise the one-thread results. Public route: {@code Landscape.objective(problem, 2)}; the default stays
 * {@link Workers#NONE}, because a library called from its users' own parallel sweeps must not start threads
 * unasked.</td></tr>
 * <tr><td>{@link #parallelMinStudents()}</td><td>{@value #DEFAULT_PARALLEL_MIN_STUDENTS}</td><td>{@value
 * #PARALLEL_MIN_STUDENTS_PROPERTY}</td><td>fewest students for the two-thread general evaluation: below, the cross-core
 * traffic of the shared working set costs about what the second core saves. Where that is depends on the machine
 * (docs/performance.md, general evaluator): on a Zen 5 core (two 512-bit FMAs per cycle), k = n = d = 100 took 126
 * against 123 µs (no gain), 150 318 against 368, 200 630 against 830; on a Zen 4 core (one), whose products take twice
 * as long against the same traffic, two threads pay from about 56 (35 against 41 µs; 100: 137 against 192). The
 * default is the Zen 5 crossover; {@code -Dlandscape.parallelMinStudents=56} moves it.</td></tr>
 * <tr><td>{@link #VECTOR_BITS}</td><td>the JVM's preferred width</td><td>{@value #VECTOR_BITS_PROPERTY}</td><td>the
 * SIMD width, 128, 256 or 512 bits (results are bitwise the same for every width; the width tests run one JVM per
 * width). A constant, not a field: the Vector API compiles to SIMD instructions only where C2 sees the vector shape
 * as a constant.</td></tr>
 * </table>
 * A property is off only when set to {@code false} (ignoring case).
 */
public final class EvaluatorParameters {
    /** System property switching the SIMD evaluators off ({@code -Dlandscape.vector=false}). */
    public static final String SIMD_PROPERTY = "landscape.vector";
    /** System property switching batched evaluation off ({@code -Dlandscape.batch=false}). */
    public static final String BATCH_PROPERTY = "landscape.batch";
    /** System property fixing the SIMD width: 128, 256 or 512. */
    public static final String VECTOR_BITS_PROPERTY = "landscape.vectorBits";
    /** Default of {@link #simdMinStudents()}. */
    public static final int DEFAULT_SIMD_MIN_STUDENTS = 12;
    /** Default of {@link #parallelMinStudents()} where {@value #PARALLEL_MIN_STUDENTS_PROPERTY} is not set. */
    public static final int DEFAULT_PARALLEL_MIN_STUDENTS = 128;
    /** System property setting the default of {@link #parallelMinStudents()} (an integer ≥ 1). */
    public static final String PARALLEL_MIN_STUDENTS_PROPERTY = "landscape.parallelMinStudents";
    /** The SIMD width asked for by {@value #VECTOR_BITS_PROPERTY}, or null for the JVM's preferred one. */
    public static final String VECTOR_BITS = System.getProperty(VECTOR_BITS_PROPERTY);

    /** {@value #PARALLEL_MIN_STUDENTS_PROPERTY} parsed, or its error message (then {@link #defaults()} throws). */
    private static final String PARALLEL_MIN_ERROR;
    private static final EvaluatorParameters DEFAULTS;

    static {
        String v = System.getProperty(PARALLEL_MIN_STUDENTS_PROPERTY);
        int parallelMin = DEFAULT_PARALLEL_MIN_STUDENTS;
        String error = null;
        if (v != null) {
            try {
                parallelMin = Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                parallelMin = 0;
            }
            if (parallelMin < 1) {
                error = "system property " + PARALLEL_MIN_STUDENTS_PROPERTY + " must be a whole number of students "
                        + "≥ 1, got '" + v + "'";
                parallelMin = DEFAULT_PARALLEL_MIN_STUDENTS;
            }
        }
        PARALLEL_MIN_ERROR = error;
        DEFAULTS = new EvaluatorParameters(
                !"false".equalsIgnoreCase(System.getProperty(SIMD_PROPERTY)),
                !"false".equalsIgnoreCase(System.getProperty(BATCH_PROPERTY)),
                DEFAULT_SIMD_MIN_STUDENTS, false, Workers.NONE, parallelMin);
    }

    private final boolean simd;
    private final boolean batch;
    private final int simdMinStudents;
    private final boolean plainValue;
    private final Workers workers;
    private final int parallelMinStudents;

    private EvaluatorParameters(boolean simd, boolean batch, int simdMinStudents, boolean plainValue, Workers workers,
                                int parallelMinStudents) {
        if (simdMinStudents < 1) {
            throw new IllegalArgumentException("simdMinStudents must be at least 1, got " + simdMinStudents);
        }
        if (parallelMinStudents < 1) {
            throw new IllegalArgumentException("parallelMinStudents must be at least 1, got " + parallelMinStudents);
        }
        this.workers = Objects.requireNonNull(workers, "workers");
        this.parallelMinStudents = parallelMinStudents;
        this.simd = simd;
        this.batch = batch;
        this.simdMinStudents = simdMinStudents;
        this.plainValue = plainValue;
    }

    /**
     * The defaults, with {@link #simd()}, {@link #batch()} and {@link #parallelMinStudents()} from the system
     * properties (read once).
     *
     * @throws IllegalArgumentException if {@value #PARALLEL_MIN_STUDENTS_PROPERTY} is set to anything but a whole
     *         number ≥ 1 (the message names the property and the value)
     */
    public static EvaluatorParameters defaults() {
        if (PARALLEL_MIN_ERROR != null) {
            throw new IllegalArgumentException(PARALLEL_MIN_ERROR);
        }
        return DEFAULTS;
    }

    /** Whether SIMD evaluators may be used (where available). */
    public boolean simd() {
        return simd;
    }

    /** Whether batched evaluation may be used (where SIMD is used and available). */
    public boolean batch() {
        return batch;
    }

    /** Fewest students for the single-point SIMD identity-teacher evaluator. */
    public int simdMinStudents() {
        return simdMinStudents;
    }

    /** Whether the identity-teacher evaluators return their own plainly summed F (see the class documentation). */
    public boolean plainValue() {
        return plainValue;
    }

    /** These parameters with {@link #simd()} set. */
    public EvaluatorParameters withSimd(boolean on) {
        return new EvaluatorParameters(on, batch, simdMinStudents, plainValue, workers, parallelMinStudents);
    }

    /** These parameters with {@link #batch()} set. */
    public EvaluatorParameters withBatch(boolean on) {
        return new EvaluatorParameters(simd, on, simdMinStudents, plainValue, workers, parallelMinStudents);
    }

    /** These parameters with {@link #simdMinStudents()} set (≥ 1). */
    public EvaluatorParameters withSimdMinStudents(int n) {
        return new EvaluatorParameters(simd, batch, n, plainValue, workers, parallelMinStudents);
    }

    /** These parameters with {@link #plainValue()} set. */
    public EvaluatorParameters withPlainValue(boolean on) {
        return new EvaluatorParameters(simd, batch, simdMinStudents, on, workers, parallelMinStudents);
    }

    /** The threads one evaluation may use besides the caller's (see the class documentation). */
    public Workers workers() {
        return workers;
    }

    /** Fewest students for the two-thread general evaluation. */
    public int parallelMinStudents() {
        return parallelMinStudents;
    }

    /** These parameters with {@link #workers()} set. */
    public EvaluatorParameters withWorkers(Workers w) {
        return new EvaluatorParameters(simd, batch, simdMinStudents, plainValue, w, parallelMinStudents);
    }

    /** These parameters with {@link #parallelMinStudents()} set (≥ 1). */
    public EvaluatorParameters withParallelMinStudents(int n) {
        return new EvaluatorParameters(simd, batch, simdMinStudents, plainValue, workers, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvaluatorParameters p && p.simd == simd && p.batch == batch
                && p.simdMinStudents == simdMinStudents && p.plainValue == plainValue && p.workers.equals(workers)
                && p.parallelMinStudents == parallelMinStudents;
    }

    @Override
    public int hashCode() {
        return Objects.hash(simd, batch, simdMinStudents, plainValue, workers, parallelMinStudents);
    }

    @Override
    public String toString() {
        return "EvaluatorParameters[simd=" + simd + ", batch=" + batch + ", simdMinStudents=" + simdMinStudents
                + ", plainValue=" + plainValue + ", workers=" + workers.threads() + " thread(s), parallelMinStudents="
                + parallelMinStudents + "]";
    }
}
