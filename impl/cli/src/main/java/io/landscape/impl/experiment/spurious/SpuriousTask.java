package io.landscape.impl.experiment.spurious;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import io.landscape.api.Objective;
import io.landscape.impl.objective.EvaluatorParameters;
import io.landscape.impl.objective.Evaluators;
import io.landscape.impl.optim.BatchDescent;
import io.landscape.impl.optim.GradientDescent;
import io.landscape.impl.optim.Initialization;
import io.landscape.impl.sweep.Task;
import io.landscape.impl.sweep.TaskContext;

/**
 * What the spurious-minima search computes, as a pure function: one chunk of cell (k, n) — the sorted run indices
 * {@code runs} — to one {@link RunRecord} per run, in the order of {@code runs}. Run r starts from
 * {@link Initialization#sample(long, int, int)} with seed {@link Initialization#runSeed(long, long) runSeed(seed, r)}
 * and descends with {@code descent}, batched in SIMD lanes ({@link BatchDescent}) where {@code evaluator} says so, else
 * one run at a time; a run's result depends on (seed, r, init, descent, evaluator) alone — not on the chunk, the
 * thread, the JVM or the other runs in its batch. The verified minima a cell's runs remember ({@link SymmetricMinima})
 * are a per-runner cache ({@link TaskContext#shared}) that changes no decision.
 *
 * @param evaluator the {@link #fingerprint evaluator fingerprint} of the JVM that planned the chunk; a JVM that would
 *                  pick another evaluator refuses to compute it (its runs would round differently)
 */
public record SpuriousTask(int k, int n, long seed, String initName, double initSigma, Descent descent, int[] runs,
                           String evaluator) implements Task<RunRecord> {
    private static final long serialVersionUID = 1L;

    /**
     * The descent settings as plain values ({@link GradientDescent.Settings}, which is not serialisable, is rebuilt
     * from them on the worker).
     */
    public record Descent(double step, double tol, long maxSteps, boolean accelerate, double globalThreshold,
                          double newtonSwitch, double newtonRadius, int newtonMaxDimension, boolean earlyStop)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        public static Descent of(GradientDescent.Settings s) {
            return new Descent(s.step(), s.tol(), s.maxSteps(), s.accelerate(), s.globalThreshold(), s.newtonSwitch(),
                    s.newtonRadius(), s.newtonMaxDimension(), s.earlyStop());
        }

        public GradientDescent.Settings settings() {
            return new GradientDescent.Settings(step, tol, maxSteps, accelerate, globalThreshold, newtonSwitch,
                    newtonRadius, newtonMaxDimension, earlyStop);
        }
    }

    public SpuriousTask {
        if (k < 1 || n < 1) {
            throw new IllegalArgumentException("k and n must be at least 1, got k = " + k + ", n = " + n);
        }
        runs = runs.clone();
        for (int i = 0; i < runs.length; i++) {
            if (runs[i] < 0 || (i > 0 && runs[i] <= runs[i - 1])) {
                throw new IllegalArgumentException("run indices must be ascending and ≥ 0: " + Arrays.toString(runs));
            }
        }
        descent.settings(); // validates
        new Initialization(initName, initSigma);
    }

    /** A chunk of cell (k, n) for these settings, planned on this JVM (its evaluator fingerprint). */
    public static SpuriousTask of(int k, int n, long seed, Initialization init, GradientDescent.Settings s,
                                  int[] runs) {
        return new SpuriousTask(k, n, seed, init.name(), init.sigma(), Descent.of(s), runs,
                fingerprint(n, s.accelerate()));
    }

    /**
     * Which evaluator this JVM uses for cell runs with n students: {@code batch} (SIMD lanes, one run each: accelerated
     * mode where the search's {@link EvaluatorParameters} batch), else {@code vector} or {@code scalar} (the single-run
     * evaluator {@link Evaluators#select} picks). Runs computed by different evaluators round differently.
     */
    public static String fingerprint(int n, boolean accelerate) {
        EvaluatorParameters p = SpuriousSearch.EVALUATORS;
        if (accelerate && simd() && p.batch()) {
            return "identity-teacher/batch";
        }
        return simd() && n >= p.simdMinStudents() ? "identity-teacher/vector" : "identity-teacher/scalar";
    }

    /**
     * The evaluators a whole sweep uses on this JVM (its cells' {@link #fingerprint}s differ only by n):
     * {@code identity-teacher/batch}, {@code identity-teacher/vector-from-n12} or {@code identity-teacher/scalar}.
     * Recorded in the run log's header, so that a log is never resumed with runs that round differently.
     */
    public static String sweepFingerprint(boolean accelerate) {
        EvaluatorParameters p = SpuriousSearch.EVALUATORS;
        if (accelerate && simd() && p.batch()) {
            return "identity-teacher/batch";
        }
        return simd() ? "identity-teacher/vector-from-n" + p.simdMinStudents() : "identity-teacher/scalar";
    }

    /** Whether the search's evaluators use SIMD on this JVM (its parameters and the hardware allow it). */
    private static boolean simd() {
        return SpuriousSearch.EVALUATORS.simd() && Evaluators.simdAvailable();
    }

    @Override
    public int[] runs() {
        return runs.clone();
    }

    /** The lowest run index of the chunk (for messages). */
    public int firstRun() {
        return runs.length == 0 ? -1 : runs[0];
    }

    @Override
    public List<RunRecord> compute(TaskContext context) {
        GradientDescent.Settings s = descent.settings();
        String here = fingerprint(n, s.accelerate());
        if (!here.equals(evaluator)) {
            throw new io.landscape.impl.sweep.EnvironmentMismatchException("cell (k, n) = (" + k + ", " + n + "): planned for the evaluator "
                    + evaluator + " but this JVM would use " + here + ", whose runs round differently: run every "
                    + "worker with the same Vector API and landscape.vector/landscape.batch settings");
        }
        Initialization init = new Initialization(initName, initSigma);
        SymmetricMinima minima = context.shared(new MinimaKey(k, n), () -> new SymmetricMinima(k));
        GradientDescent gd = new GradientDescent(objective(), k).remembering(minima);
        RunRecord[] out = new RunRecord[runs.length];
        if (here.equals("identity-teacher/batch")) {
            AtomicInteger cursor = new AtomicInteger();
            IntSupplier next = () -> {
                int i = cursor.getAndIncrement();
                return i < runs.length ? runs[i] : -1;
            };
            new BatchDescent(SpuriousSearch.batchFunction(k, n), gd).run(next, r -> init.sample(Initialization.runSeed(seed, r), n, k), s,
                    (r, result) -> out[Arrays.binarySearch(runs, r)] = RunRecord.of(k, n, r,
                            Initialization.runSeed(seed, r), result));
        } else {
            for (int i = 0; i < runs.length; i++) {
                out[i] = SpuriousSearch.runOne(gd, k, n, runs[i], seed, init, s);
            }
        }
        return List.of(out);
    }

    private Objective objective() {
        return SpuriousSearch.objective(k, n);
    }

    /** The per-runner cache of a cell's verified minima. */
    private record MinimaKey(int k, int n) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
