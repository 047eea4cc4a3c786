package io.landscape.impl.sweep;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.landscape.impl.linalg.Workers;

/**
 * The one parallelism budget of a sweep: a thread count, decided once (by {@code --threads}) and passed down, and the
 * fixed pool of that many daemon threads that everything parallel in the sweep runs on — the {@link LocalRunner}'s
 * tasks and the driver's parallel numerics ({@link #workers()}: family representatives, Cholesky, Lanczos). No code
 * under it creates threads or uses the common pool on its own. With one thread nothing is parallel and no pool is
 * created. Results never depend on the count.
 */
public final class Parallelism implements AutoCloseable {
    private final int threads;
    private final String name;
    private ExecutorService pool;

    private Parallelism(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.name = name;
    }

    /** A budget of {@code threads} ≥ 1 threads, named {@code name-1, name-2, …}; the pool starts on first use. */
    public static Parallelism of(int threads, String name) {
        return new Parallelism(threads, name);
    }

    /** A budget of {@code threads} ≥ 1 threads named {@code sweep-N}. */
    public static Parallelism of(int threads) {
        return of(threads, "sweep");
    }

    /** The number of processors the JVM sees (the commands' default for {@code --threads}). */
    public static int available() {
        return Runtime.getRuntime().availableProcessors();
    }

    public int threads() {
        return threads;
    }

    /** The budget's pool (created on first call; null for one thread: then everything runs on the caller's thread). */
    public synchronized ExecutorService executor() {
        if (threads == 1) {
            return null;
        }
        if (pool == null) {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory daemons = r -> {
                Thread t = new Thread(r, name + "-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            pool = Executors.newFixedThreadPool(threads, daemons);
        }
        return pool;
    }

    /** The budget as {@link Workers} for a numerical routine called on a driver thread: the caller plus threads − 1. */
    public Workers workers() {
        return threads == 1 ? Workers.NONE : new Workers(executor(), threads - 1);
    }

    /** Stops the pool (running tasks are interrupted). */
    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }
}
