package io.landscape.impl.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * How a cell's runs are cut into chunks: a grid of run ranges [c·size, (c+1)·size) of one cell, where size is a
 * multiple of {@value #WIDTH} (a multiple of every SIMD batch width for doubles: 2, 4 or 8 lanes) and at most
 * {@value #MAX_SIZE}, and small enough that a cell alone keeps every thread busy. A chunk holds the runs of its range
 * that are not finished yet (after a resume, a range may be partly done), so never one task per run and never a
 * run twice. The cut decides only scheduling: a run's result depends on its spec alone.
 */
public final class Chunks {
    /** Chunk sizes are multiples of this (8 doubles = one 512-bit vector; also a multiple of 4 and 2 lanes). */
    public static final int WIDTH = 8;
    /** The largest chunk: 128 runs (each chunk ≥ ~100 ms of work in the grids, ≪ the cell). */
    public static final int MAX_SIZE = 128;

    private Chunks() {
    }

    /**
     * The chunk size for a cell of {@code runs} runs on a runner of {@code parallelism} workers: runs/parallelism
     * rounded up to a multiple of {@value #WIDTH}, between {@value #WIDTH} and {@value #MAX_SIZE}.
     */
    public static int size(int runs, int parallelism) {
        if (runs < 1 || parallelism < 1) {
            throw new IllegalArgumentException("runs and parallelism must be at least 1, got " + runs + ", "
                    + parallelism);
        }
        long per = (runs + (long) parallelism - 1) / parallelism;
        long rounded = (per + WIDTH - 1) / WIDTH * WIDTH;
        return (int) Math.max(WIDTH, Math.min(MAX_SIZE, rounded));
    }

    /**
     * The unfinished run indices of [0, runs), grouped by the grid of {@code size}: one sorted array per range that
     * has any (empty ranges are left out), in run order.
     */
    public static List<int[]> plan(int runs, Set<Integer> finished, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, got " + size);
        }
        List<int[]> out = new ArrayList<>();
        for (int from = 0; from < runs; from += size) {
            int to = Math.min(runs, from + size);
            int[] todo = new int[to - from];
            int count = 0;
            for (int r = from; r < to; r++) {
                if (!finished.contains(r)) {
                    todo[count++] = r;
                }
            }
            if (count > 0) {
                out.add(Arrays.copyOf(todo, count));
            }
        }
        return out;
    }
}
