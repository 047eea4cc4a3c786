package io.landscape.impl.sweep;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a runner lends the tasks it executes: caches shared by the tasks of one {@link Runner#run} call in one JVM. The
 * contract is that a cached object may save work but can change no result (e.g. the verified minima a search
 * remembers: a run that meets one stops where it would have stopped anyway), so tasks that see different caches —
 * on other threads, in other JVMs, after a resume — still compute identical results. The caches die with the run.
 */
public final class TaskContext {
    private final Map<Serializable, Object> shared = new ConcurrentHashMap<>();

    /** A context with empty caches (a runner makes one per {@link Runner#run}; tests may make their own). */
    public TaskContext() {
    }

    /**
     * The object cached under {@code key}, made by {@code make} on first use (atomically: one instance per key). The
     * key must hold everything the object depends on (e.g. the cell and the descent settings).
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(Serializable key, Supplier<T> make) {
        return (T) shared.computeIfAbsent(key, x -> make.get());
    }
}
