package io.landscape.impl.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * One chunk of a sweep: a serialisable spec whose {@link #compute} is a pure function of the spec. Everything that
 * decides the results travels inside the spec (seed, cell, run range, initialisation, step, tolerances, mode and the
 * evaluator fingerprint of the JVM that planned it), so the chunk gives the same results on any thread, in any JVM and
 * at any time; nothing is read from system properties, static state or the clock except timing fields.
 *
 * @param <R> one result (one run); serialisable so that a remote runner can ship it back
 */
public interface Task<R extends Serializable> extends Serializable {

    /**
     * Computes the chunk's results in run order. Runs on one thread of the runner; {@code context} offers per-runner
     * caches whose content can change no result ({@link TaskContext#shared}).
     *
     * @throws IllegalStateException if this JVM cannot compute the spec as planned (e.g. another evaluator fingerprint)
     */
    List<R> compute(TaskContext context);
}
