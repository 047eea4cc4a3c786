package io.landscape.impl.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * Executes a list of {@link Task chunks} and streams each finished chunk's results to a {@link Sink} as soon as it
 * finishes. Implementations: {@link LocalRunner} (a fixed pool of the {@link Parallelism budget}'s threads); a
 * cluster runner (issue 20: Spark's {@code runJob} with a result handler) implements the same contract.
 *
 * <p>Contract: every task is computed exactly once unless the run fails; {@link Sink#finished} is called once per
 * finished task, never concurrently (calls are serialised, in completion order, on a thread of the runner's choosing
 * — the caller's thread for {@link LocalRunner}); {@link #run} returns once every task has finished and its sink
 * call returned. The first failure — a task throwing, or the sink throwing (e.g. to stop after N chunks) — cancels the
 * tasks not yet finished (their results are dropped, never passed to the sink) and is rethrown by {@link #run}
 * (a {@link RuntimeException} or {@link Error} as is, anything else wrapped in an {@link IllegalStateException}).
 * Results never depend on the runner: a task's results are a function of its spec.
 */
public interface Runner extends AutoCloseable {

    /** Receives one finished chunk: the task and its results in run order. */
    @FunctionalInterface
    interface Sink<T, R> {
        void finished(T task, List<R> results);
    }

    /** Runs {@code tasks} (in any order, up to {@link #parallelism()} at a time), streaming each result to {@code sink}. */
    <R extends Serializable, T extends Task<R>> void run(List<T> tasks, Sink<T, R> sink);

    /** How many tasks may run at once (the budget: thread count, or executor cores of a cluster). */
    int parallelism();

    /** Releases what the runner holds (threads, a cluster context); the default holds nothing. */
    @Override
    default void close() {
    }
}
