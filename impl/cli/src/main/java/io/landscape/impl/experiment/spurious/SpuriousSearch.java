package io.landscape.impl.experiment.spurious;
import io.landscape.impl.optim.Initialization;
import io.landscape.impl.objective.EvaluatorParameters;
import io.landscape.impl.objective.Evaluators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.api.function.BatchFunction;
import io.landscape.impl.optim.BatchDescent;
import io.landscape.impl.optim.GradientDescent;
import io.landscape.impl.sweep.Chunks;
import io.landscape.impl.sweep.LocalRunner;
import io.landscape.impl.sweep.Parallelism;
import io.landscape.impl.sweep.Runner;
import io.landscape.impl.sweep.TaskContext;

/**
 * The gradient-descent search of paper 002 §3 for one (k, n) cell: teacher v_j = e_j in R^k (d = k), n students,
 * {@code runs} initialisations. Run r starts from {@link Initialization#sample(long, int, int)} with per-run seed
 * {@link Initialization#runSeed(long, long) runSeed(seed, r)}, so it depends on (seed, r) only. What to compute is
 * {@link SpuriousTask} (a chunk of a cell's runs, a pure function); this class cuts a cell into chunks and runs them on
 * a {@link Runner} (a {@link LocalRunner} of {@code threads} threads by default); results are collected by run index
 * and families are built in run order, so every output is identical for any thread count and any runner.
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
    static BatchFunction batchFunction(int k, int n) {
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
        return task(c, new int[] {run}).compute(new TaskContext()).get(0);
    }

    /** The chunk of cell {@code c} holding the run indices {@code runs} (ascending): what to compute, as a value. */
    public static SpuriousTask task(Config c, int[] runs) {
        return SpuriousTask.of(c.k(), c.n(), c.seed(), c.init(), c.settings(), runs);
    }

    /**
     * The chunks computing the runs of cell {@code c} not in {@code finished}, cut for a runner of {@code parallelism}
     * workers ({@link Chunks}).
     */
    public static List<SpuriousTask> tasks(Config c, Set<Integer> finished, int parallelism) {
        List<SpuriousTask> out = new ArrayList<>();
        for (int[] runs : Chunks.plan(c.runs(), finished, Chunks.size(c.runs(), parallelism))) {
            out.add(task(c, runs));
        }
        return out;
    }

    /**
     * Runs every run index not in {@code done} and returns all records (those of {@code done} included) in run order,
     * on a {@link LocalRunner} of {@code c.threads()} threads.
     *
     * @param done     records already computed (e.g. loaded from a resume log), by run index; not modified
     * @param listener called once per newly finished run, on the calling thread, chunk by chunk; may be null
     */
    public static List<RunRecord> runs(Config c, Map<Integer, RunRecord> done, Consumer<RunRecord> listener) {
        try (Parallelism budget = Parallelism.of(c.threads(), "spurious-worker")) {
            return runs(c, done, listener, new LocalRunner(budget));
        }
    }

    /** {@link #runs(Config, Map, Consumer)} on {@code runner}. */
    public static List<RunRecord> runs(Config c, Map<Integer, RunRecord> done, Consumer<RunRecord> listener,
                                       Runner runner) {
        RunRecord[] out = new RunRecord[c.runs()];
        Map<Integer, RunRecord> prior = done == null ? Map.of() : done;
        for (Map.Entry<Integer, RunRecord> e : prior.entrySet()) {
            int r = e.getKey();
            if (r >= 0 && r < c.runs()) {
                out[r] = e.getValue();
            }
        }
        runner.run(tasks(c, prior.keySet(), runner.parallelism()), (task, records) -> {
            for (RunRecord rec : records) {
                out[rec.run()] = rec;
                if (listener != null) {
                    listener.accept(rec);
                }
            }
        });
        return Arrays.asList(out);
    }

    /** Whether runs with these settings are batched: accelerated mode and {@link Evaluators#batches}. */
    private static boolean batches(int k, int n, GradientDescent.Settings s) {
        return s.accelerate() && Evaluators.batches(Problem.identityTeacher(k, k, n), EVALUATORS);
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
        try (Parallelism budget = Parallelism.of(c.threads(), "spurious-worker")) {
            long start = System.nanoTime();
            List<RunRecord> runs = runs(c, done, listener, new LocalRunner(budget));
            double seconds = (System.nanoTime() - start) * 1e-9;
            return Families.classify(c.k(), c.n(), c.runs(), runs, objective(c.k(), c.n()), c.familyTolerance(),
                    seconds, budget.workers());
        }
    }
}
