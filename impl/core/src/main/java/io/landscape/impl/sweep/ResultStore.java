package io.landscape.impl.sweep;

import java.util.List;
import java.util.Map;

/**
 * Where a sweep's results persist: opened for one set of result-deciding settings (an implementation refuses a store
 * written with other settings), it returns what is already finished so that the driver computes the to-do list on
 * resume, and appends each finished chunk as it arrives. Today's implementation is the append-only run log
 * ({@code experiment.spurious.RunLog} over {@code experiment.AppendLog}); a store is written only by the driver.
 *
 * @param <C> a cell (the part of a result's key besides the run index, e.g. (k, n))
 * @param <R> one result
 */
public interface ResultStore<C, R> extends AutoCloseable {

    /** The results already stored for {@code cell}, by run index (a new map). */
    Map<Integer, R> finished(C cell);

    /** Persists one finished chunk's results (all of one cell); each is on disk, or at least with the OS, on return. */
    void append(List<R> results);

    @Override
    void close();
}
