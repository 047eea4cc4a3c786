package io.landscape.impl.experiment.spurious;
import io.landscape.impl.optim.Initialization;
import io.landscape.impl.objective.EvaluatorParameters;
import io.landscape.impl.objective.Evaluators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.api.function.BatchFunction;
import io.landscape.impl.optim.BatchDescent;
import io.landscape.impl.optim.GradientDescent;

/**
 * The gradient-descent search of paper 002 §3 for one (k, n) cell: teacher v_j = e_j in R^k (d = k), n students,
 * {@code runs} initialisations. Run r starts from {@link Initialization#sample(long, int, int)} with per-run seed
 * {@link Initialization#runSeed(long, long) runSeed(seed, r)}, so it depends on (seed, r) only. Runs are spread over a
 * fixed pool of {@code threads} workers, each with its own objective; results are collected by run index and families
 * are built in run order, so every output is identical for any thread count.
 */
public final class SpuriousSearch {

    /** One cell's parameters. */
    public record Config(int k, int n, int runs, long seed, Initialization init, GradientDescent.Settings settings,
                         int threads, double familyTolerance) {
        public Config {
            if (k < 1) {
                throw new IllegalArgumentException("k: must be at least 1, got " + k);
            }
            if (n < 1) {
                throw new IllegalArgumentException("n: must be at least 1, got " + n);
            }
            if (runs < 1) {
                throw new IllegalArgumentException("runs: must be at least 1, got " + runs);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads: must be at least 1, got " + threads);
            }
            if (!(familyTolerance > 0)) {
                throw new IllegalArgumentException("family tolerance: must be positive, got " + familyTolerance);
            }
        }
    }

    private SpuriousSearch() {
    }

    /**
     * The evaluator parameters of the search: the selector's defaults, with the evaluators' own plainly summed F (the
     * search's outputs stay bitwise reproducible; see {@link EvaluatorParameters#plainValue()}).
     */
    static final EvaluatorParameters EVALUATORS = EvaluatorParameters.defaults().withPlainValue(true);

    /**
     * The one-run objective of a cell (identity teacher, d = k), as {@link Evaluators#select} chooses it — for plain
     * runs, runs when batching is off, and the Newton finishes of batched runs. One per thread.
     */
    public static Objective objective(int k, int n) {
        return Evaluators.select(Problem.identityTeacher(k, k, n), EVALUATORS);
    }

    /** The batched evaluator of a cell, as {@link Evaluators#batch} chooses it (only where {@link #batches} holds). */
    private static BatchFunction batchFunction(int k, int n) {
        return Evaluators.batch(Problem.identityTeacher(k, k, n), EVALUATORS).orElseThrow();
    }

    /** One run, given a worker's objective and descent driver. */
    public static RunRecord runOne(GradientDescent gd, int k, int n, int run, long seed, Initialization init,
                                   GradientDescent.Settings settings) {
        long runSeed = Initialization.runSeed(seed, run);
        double[] x0 = init.sample(runSeed, n, k);
        GradientDescent.Result r = gd.run(x0, settings);
        return RunRecord.of(k, n, run, runSeed, r);
    }

    /**
     * One descent for the identity teacher in R^k with n students from {@code x0}, computed as the search computes its
     * runs (batched in accelerated mode where {@link Evaluators#batches} says so, else one run at a time), so that
     * {@code descend} replays a run of {@code spurious} from its per-run seed.
     */
    public static GradientDescent.Result descend(int k, int n, double[] x0, GradientDescent.Settings s) {
        if (batches(k, n, s)) {
            return new BatchDescent(batchFunction(k, n), new GradientDescent(objective(k, n), k)).single(x0, s);
        }
        return GradientDescent.run(objective(k, n), k, x0, s);
    }

    /**
     * Run {@code run} of cell {@code c} exactly as {@link #runs} computes it inside the cell (batched or one at a time,
     * whichever the cell uses): a run depends on (seed, run index) only.
     */
    public static RunRecord run(Config c, int run) {
        if (run < 0 || run >= c.runs()) {
            throw new IllegalArgumentException("run index " + run + " outside [0, " + c.runs() + ")");
        }
        RunRecord[] out = new RunRecord[c.runs()];
        execute(c, List.of(run), out, null);
        return out[run];
    }

    /**
     * Runs every run index not in {@code done} and returns all records (those of {@code done} included) in run order.
     *
     * @param done     records already computed (e.g. loaded from a resume log), by run index; not modified
     * @param listener called once per newly finished run, from worker threads (must be thread-safe); may be null
     */
    public static List<RunRecord> runs(Config c, Map<Integer, RunRecord> done, Consumer<RunRecord> listener) {
        RunRecord[] out = new RunRecord[c.runs()];
        List<Integer> todo = new ArrayList<>();
        for (int r = 0; r < c.runs(); r++) {
            RunRecord prior = done == null ? null : done.get(r);
            if (prior != null) {
                out[r] = prior;
            } else {
                todo.add(r);
            }
        }
        if (!todo.isEmpty()) {
            execute(c, todo, out, listener);
        }
        return Arrays.asList(out);
    }

    /** Whether runs with these settings are batched: accelerated mode and {@link Evaluators#batches}. */
    private static boolean batches(int k, int n, GradientDescent.Settings s) {
        return s.accelerate() && Evaluators.batches(Problem.identityTeacher(k, k, n), EVALUATORS);
    }

    /** Computes the runs {@code todo} into {@code out} (by run index), batched or one at a time. */
    private static void execute(Config c, List<Integer> todo, RunRecord[] out, Consumer<RunRecord> listener) {
        // the minima verified so far, shared by the cell's workers (it changes no decision: see VerifiedMinima)
        SymmetricMinima minima = new SymmetricMinima(c.k());
        if (batches(c.k(), c.n(), c.settings())) {
            batched(c, todo, out, listener, minima);
        } else {
            oneByOne(c, todo, out, listener, minima);
        }
    }

    /** The runs {@code todo}, one at a time per worker. */
    private static void oneByOne(Config c, List<Integer> todo, RunRecord[] out, Consumer<RunRecord> listener,
                                 SymmetricMinima minima) {
        ThreadLocal<GradientDescent> worker = ThreadLocal.withInitial(
                () -> new GradientDescent(objective(c.k(), c.n()), c.k()).remembering(minima));
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int r : todo) {
            tasks.add(() -> {
                RunRecord rec = runOne(worker.get(), c.k(), c.n(), r, c.seed(), c.init(), c.settings());
                out[r] = rec;
                if (listener != null) {
                    listener.accept(rec);
                }
                return null;
            });
        }
        invokeAll(Math.min(c.threads(), todo.size()), tasks);
    }

    /**
     * The runs {@code todo}, {@link BatchDescent batched} in SIMD lanes: each worker takes the next run index whenever
     * one of its lanes frees up. A run's result does not depend on its batch, so the outcome is the same for every
     * thread count.
     */
    private static void batched(Config c, List<Integer> todo, RunRecord[] out, Consumer<RunRecord> listener,
                                SymmetricMinima minima) {
        AtomicInteger cursor = new AtomicInteger();
        IntSupplier next = () -> {
            int i = cursor.getAndIncrement();
            return i < todo.size() ? todo.get(i) : -1;
        };
        int workers = Math.min(c.threads(), todo.size());
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            tasks.add(() -> {
                BatchDescent batch = new BatchDescent(batchFunction(c.k(), c.n()),
                        new GradientDescent(objective(c.k(), c.n()), c.k()).remembering(minima));
                batch.run(next, r -> c.init().sample(Initialization.runSeed(c.seed(), r), c.n(), c.k()), c.settings(),
                        (r, result) -> {
                            RunRecord rec = RunRecord.of(c.k(), c.n(), r, Initialization.runSeed(c.seed(), r), result);
                            out[r] = rec;
                            if (listener != null) {
                                listener.accept(rec);
                            }
                        });
                return null;
            });
        }
        invokeAll(workers, tasks);
    }

    /** Runs {@code tasks} on a pool of {@code threads} daemon threads; rethrows the first failure. */
    private static void invokeAll(int threads, List<Callable<Void>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), daemons());
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The largest number of entries a Java array can hold (a little below 2³¹ − 1 on common JVMs). */
    static final double MAX_ARRAY = Integer.MAX_VALUE - 8;

    /**
     * Bytes a cell (k, n) with {@code runs} runs on {@code threads} workers needs at least, estimated before any work
     * so that an impossible search is refused with a message instead of dying with an {@link OutOfMemoryError}. With
     * m = n·k and L ≤ 8 SIMD lanes, in doubles: per worker the evaluators' scratch ((4 + 2L)·n² + (6 + L)·n·k; the
     * batched evaluator keeps L copies) plus the descent driver (4m, and m² for the Newton finish where m ≤ 600); the
     * end points of candidate runs (up to runs·m); and for each family of minima the dense Hessian of F (m², for
     * λ_min) and the certifier's matrices (about 3·m²; computed one family at a time). Computed in floating point, so
     * it cannot overflow.
     */
    public static double memoryBytes(int k, int n, int runs, int threads) {
        double m = (double) n * k;
        double lanes = 8;
        double nn = (double) n * n;
        double worker = (4 + 2 * lanes) * nn + (6 + lanes) * m + 4 * m
                + (m <= GradientDescent.DEFAULT_NEWTON_MAX_DIMENSION ? m * m : 0);
        return 8 * (threads * worker + (double) runs * m + 3 * m * m);
    }

    /**
     * Why cell (k, n) cannot run in a JVM that may use {@code maxMemory} bytes, or null if it fits
     * ({@link #memoryBytes}): the message names the cell, the estimate and the limit.
     */
    public static String memoryProblem(int k, int n, int runs, int threads, long maxMemory) {
        double m = (double) n * k;
        if (m * m > MAX_ARRAY || (double) n * n * 8 > MAX_ARRAY) {
            return String.format(java.util.Locale.ROOT, "(k, n) = (%d, %d) is too large: the Hessian of F at a "
                    + "minimum has (n·k)² = %.3g entries, more than a Java array can hold (2³¹ − 1), so n·k must be "
                    + "at most 46340", k, n, m * m);
        }
        double need = memoryBytes(k, n, runs, threads);
        if (need > maxMemory) {
            return String.format(java.util.Locale.ROOT, "(k, n) = (%d, %d) with %d runs on %d threads needs about "
                    + "%.1f GiB of memory (the dense (n·k)² Hessian and the certifier's matrices at each minimum, the "
                    + "end points of the runs and %d workers' scratch), but the JVM may use %.1f GiB: reduce k, n, "
                    + "--runs or --threads, or raise the limit (e.g. LANDSCAPE_JAVA_OPTS='-Xss8m -Xmx%dg')", k, n, runs,
                    threads, need / (1L << 30), threads, maxMemory / (double) (1L << 30),
                    (long) Math.ceil(need * 1.25 / (1L << 30)));
        }
        return null;
    }

    /** Runs a whole cell and classifies it. */
    public static CellResult cell(Config c, Map<Integer, RunRecord> done, Consumer<RunRecord> listener) {
        long start = System.nanoTime();
        List<RunRecord> runs = runs(c, done, listener);
        double seconds = (System.nanoTime() - start) * 1e-9;
        return Families.classify(c.k(), c.n(), c.runs(), runs, objective(c.k(), c.n()), c.familyTolerance(), seconds);
    }

    private static ThreadFactory daemons() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "spurious-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
