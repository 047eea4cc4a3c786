package io.landscape.impl.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;

/**
 * The {@link Runner} of one machine: tasks run on the {@link Parallelism budget}'s fixed pool (or on the caller's
 * thread for a budget of one), and each finished task's results go to the sink on the caller's thread, in completion
 * order, as they arrive. On the first failure the tasks not yet finished are cancelled (running ones interrupted, and
 * their results dropped) and the failure is rethrown.
 */
public final class LocalRunner implements Runner {
    private final Parallelism budget;

    /** A runner on {@code budget}'s threads; the budget stays the caller's to close. */
    public LocalRunner(Parallelism budget) {
        this.budget = budget;
    }

    @Override
    public int parallelism() {
        return budget.threads();
    }

    @Override
    public <R extends Serializable, T extends Task<R>> void run(List<T> tasks, Sink<T, R> sink) {
        TaskContext context = new TaskContext();
        if (budget.executor() == null || tasks.size() <= 1) {
            for (T t : tasks) {
                List<R> results = t.compute(context);
                sink.finished(t, results);
            }
            return;
        }
        ExecutorCompletionService<List<R>> done = new ExecutorCompletionService<>(budget.executor());
        List<Future<List<R>>> futures = new ArrayList<>(tasks.size());
        java.util.Map<Future<List<R>>, T> taskOf = new java.util.HashMap<>();
        try {
            for (T t : tasks) {
                Future<List<R>> f = done.submit(() -> t.compute(context));
                futures.add(f);
                taskOf.put(f, t);
            }
            for (int i = 0; i < tasks.size(); i++) {
                Future<List<R>> f = done.take();
                List<R> results;
                try {
                    results = f.get();
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
                sink.finished(taskOf.get(f), results);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (CancellationException e) {
            throw new IllegalStateException("a task was cancelled", e);
        } finally {
            for (Future<List<R>> f : futures) {
                f.cancel(true); // no-op for the finished ones
            }
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }
}
