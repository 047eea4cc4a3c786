package io.landscape.impl.experiment;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.landscape.impl.sweep.Runner;
import io.landscape.impl.sweep.Task;

/**
 * A runner that passes on the first {@code limit} finished chunks of {@code inner}, then throws {@link Killed} from
 * the sink, as a kill would: the resume tests of the local and the Spark sweeps share it.
 */
public record StopAfterRunner(Runner inner, int limit) implements Runner {

    /** What the sink throws after {@code limit} chunks. */
    public static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("killed");
        }
    }

    @Override
    public <R extends Serializable, T extends Task<R>> void run(List<T> tasks, Sink<T, R> sink) {
        AtomicInteger seen = new AtomicInteger();
        inner.run(tasks, (task, results) -> {
            if (seen.getAndIncrement() == limit) {
                throw new Killed();
            }
            sink.finished(task, results);
        });
    }

    @Override
    public int parallelism() {
        return inner.parallelism();
    }
}
