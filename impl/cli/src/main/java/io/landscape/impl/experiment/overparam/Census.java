package io.landscape.impl.experiment.overparam;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.experiment.JsonCodec;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.impl.objective.EvaluatorParameters;
import io.landscape.impl.objective.Evaluators;
import io.landscape.impl.optim.GradientDescent;
import io.landscape.impl.optim.Initialization;
import io.landscape.impl.optim.NewtonCgFinish;
import io.landscape.impl.optim.NewtonFinish;
import io.landscape.impl.optim.RestartPolicy;
import io.landscape.impl.optim.StopRule;
import io.landscape.impl.optim.UpdateStep;
import io.landscape.impl.overparam.ReluLandscape;
import io.landscape.impl.sweep.Chunks;
import io.landscape.impl.sweep.LocalRunner;
import io.landscape.impl.sweep.Parallelism;
import io.landscape.impl.sweep.Runner;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The minima census of paper 000 §4.2: for each k, n = d = k, teacher v_j = e_j, {@code runs} Xavier starts (entries
 * i.i.d. N(0, 1/k)) and {@code normSumRuns} starts with Σ‖w_i‖ = 2k² ({@link #start}), gradient descent with the fixed
 * step 5/k until the norm of the <em>whole</em> gradient is ≤ 10⁻¹². Runs are logged as they finish
 * ({@link CensusLog}) and grouped into symmetry classes ({@link FamilyBook}) on the driver, in run order; the cell's
 * families are then analysed and certified ({@link FamilyAnalysis}). The runs are pure sweep tasks ({@link CensusTask}:
 * a chunk of one cell and one start → its runs) executed by a {@link Runner} — local threads, or Spark with
 * {@code --engine spark} — so the outputs are identical for any thread count and any runner.
 *
 * <h2>Acceleration (default) and {@code --plain}</h2>
 * The accelerated mode adds the descent engine's Newton finish ({@link NewtonFinish}, for n·d ≤
 * {@link #NEWTON_MAX_DIMENSION}): once ‖∇F‖ ≤ 10⁻⁴ Newton steps are tried and accepted only if the Hessian is positive
 * definite at every iterate, every step decreases F and ‖∇F‖, the end point reaches the tolerance with a positive
 * definite Hessian and lies within 10⁻² of where GD handed over. The package documentation of
 * {@code io.landscape.impl.optim} proves that GD from the hand-over point converges to the same end point (GD with
 * step η &lt; 2/L is a contraction on the strongly convex ball), so the run's basin, family and end point (to the
 * tolerance) are unchanged. The step 5/k is far below 2/L there: at a minimum λ_max(∇²F) ≤ (k+1)/4 + 1/π. Unlike the
 * spurious-minima search there is no global early stop: every run is converged to the paper's tolerance, because the
 * norm sum of every end point goes into Figure 1. {@code --plain} runs the paper's loop: gradient steps only.
 *
 * <p>Above the dense limit (k² &gt; {@link #NEWTON_MAX_DIMENSION}) the accelerated mode uses the matrix-free
 * {@link NewtonCgFinish} instead, first tried at ‖∇F‖ ≤ {@link #CG_SWITCH}: Newton–CG on Hessian–vector products,
 * accepted only with its ball certificate (strong convexity on a ball around the Newton end point that contains the
 * hand-over iterate, with the third-derivative bound {@link ReluLandscape#hessianLipschitz}; the proof that the paper's
 * loop from the hand-over point converges to the same minimiser is in the {@code io.landscape.impl.optim} package
 * documentation). F is not evaluated per step there, so until the hand-over the iterates are bitwise the plain loop's.
 */
public final class Census {
    /** F below this at a converged end point: a global minimum (spurious minima of these cells have F ≳ 10⁻²). */
    public static final double GLOBAL_VALUE = 1e-6;
    /** The paper's tolerance on the norm of the whole gradient. */
    public static final double TOLERANCE = 1e-12;
    /** Largest n·d for which the accelerated mode uses the Newton finish (k ≤ 24). */
    public static final int NEWTON_MAX_DIMENSION = GradientDescent.DEFAULT_NEWTON_MAX_DIMENSION;
    /** Whole-gradient level at which the matrix-free Newton finish (k² &gt; {@link #NEWTON_MAX_DIMENSION}) is first tried. */
    public static final double CG_SWITCH = 1e-6;
    /** The finish above the dense Newton limit (part of the log header). */
    static final String LARGE_FINISH = "k*k > " + GradientDescent.DEFAULT_NEWTON_MAX_DIMENSION
            + ": newton-cg from |grad| <= 1e-6, ball certificate (v1)";
    /** Version of the start constructions (part of the log header: a change must not be mixed with old runs). */
    static final String STARTS = "xavier N(0,1/k); normsum: xavier ray scaled to sum_i |w_i| = 2k^2 (v1)";

    /** Result-determining settings plus the thread count (which decides nothing). */
    public record Settings(long seed, int runs, int normSumRuns, boolean plain, long maxSteps, double familyTolerance,
                           int threads) implements java.io.Serializable {
        public Settings {
            if (runs < 0 || normSumRuns < 0 || runs + normSumRuns < 1) {
                throw new IllegalArgumentException("--runs/--norm-sum-runs: need at least one run, got " + runs + "/"
                        + normSumRuns);
            }
            if (maxSteps < 1) {
                throw new IllegalArgumentException("--max-steps: must be at least 1, got " + maxSteps);
            }
            if (!(familyTolerance > 0) || !Double.isFinite(familyTolerance)) {
                throw new IllegalArgumentException("--family-tol: must be positive, got " + familyTolerance);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("--threads: must be at least 1, got " + threads);
            }
        }

        ObjectNode header() {
            ObjectNode h = JsonCodec.MAPPER.createObjectNode();
            h.put("type", "header");
            h.put("experiment", "mild-overparameterization");
            h.put("seed", seed);
            h.put("runs", runs);
            h.put("normSumRuns", normSumRuns);
            h.put("mode", plain ? "plain" : "accelerated");
            h.put("step", "5/k");
            h.put("tol", TOLERANCE);
            h.put("tolOn", "whole gradient");
            h.put("maxSteps", maxSteps);
            h.put("starts", STARTS);
            h.put("familyTol", familyTolerance);
            h.put("globalValue", GLOBAL_VALUE);
            h.put("newtonMaxDimension", plain ? 0 : NEWTON_MAX_DIMENSION);
            h.put("largeFinish", plain ? "none" : LARGE_FINISH);
            // the evaluator and its rounding (SIMD width, FMA, …): a resume on another JVM must not mix runs
            h.put("evaluator", Evaluators.fingerprint());
            return h;
        }
    }

    /** The finished runs of one cell and its families (representatives not yet analysed). */
    public record Cell(int k, List<CensusRun> runs, List<FamilyBook.Entry> families, double seconds) {
    }

    private Census() {
    }

    /**
     * The objective of cell k (identity teacher, d = n = k): the single place where the census chooses an
     * evaluator, so that the project's evaluator selector can replace it.
     */
    public static Objective objective(int k) {
        return objective(k, k);
    }

    /**
     * The identity-teacher objective with k teachers in R^k and n students — the single place where this package
     * chooses an evaluator (the census, perturbed GD and the Conjecture 1 probe all call it), so that the project's
     * evaluator selector can replace it.
     */
    public static Objective objective(int k, int n) {
        return Evaluators.select(Problem.identityTeacher(k, k, n),
                EvaluatorParameters.defaults().withPlainValue(true));
    }

    /** The per-run seed of run {@code run} with start {@code s}: depends on (seed, start, run) only. */
    public static long runSeed(long seed, CensusRun.Start s, int run) {
        return s == CensusRun.Start.XAVIER ? Initialization.runSeed(seed, run)
                : Initialization.runSeed(seed ^ 0x4E4F524D53554DL, run);
    }

    /**
     * The initial point (flat k·k). Xavier: entries i.i.d. N(0, 1/k). Norm-sum start (our construction; the paper
     * gives none): a Xavier draw w⁰ from the run's own seed, scaled along its ray, w = (2k² / Σ_i‖w⁰_i‖)·w⁰, so that
     * Σ_i‖w_i‖ = 2k² (up to rounding) with Xavier's directions. By Lemma 11 F is a convex quadratic along the ray, so
     * this is the Xavier start pushed far out along the direction in which F grows fastest; Prop. 1 says every local
     * minimum has Σ‖w_i‖ ≤ kn = k², so the start is outside that region by a factor 2.
     */
    public static double[] start(CensusRun.Start s, long runSeed, int k) {
        double[] x = Initialization.xavier(k).sample(runSeed, k, k);
        if (s == CensusRun.Start.NORM_SUM) {
            double scale = 2.0 * k * k / normSum(x, k);
            for (int i = 0; i < x.length; i++) {
                x[i] *= scale;
            }
        }
        return x;
    }

    /** Σ_i ‖w_i‖ of a flat point with neurons of d entries. */
    public static double normSum(double[] x, int d) {
        double s = 0;
        for (int o = 0; o < x.length; o += d) {
            double q = 0;
            for (int c = 0; c < d; c++) {
                q += x[o + c] * x[o + c];
            }
            s += Math.sqrt(q);
        }
        return s;
    }

    /** The descent of cell k: step 5/k, tolerance on the whole gradient, Newton finish unless plain. */
    public static GradientDescent.Config config(int k, Settings s) {
        StopRule stop = StopRule.anyOf(StopRule.divergence(GradientDescent.DIVERGENCE),
                StopRule.gradientTolerance(TOLERANCE));
        GradientDescent.Config c = new GradientDescent.Config(5.0 / k, TOLERANCE, s.maxSteps(), UpdateStep.FIXED, stop,
                RestartPolicy.HALVING, null, false);
        // beyond the Newton limit the finish is never tried: F need not be evaluated at every step
        if (s.plain()) {
            return c;
        }
        if (k * k <= NEWTON_MAX_DIMENSION) {
            return c.withNewton(new NewtonFinish.Options(1e-4, 1e-2, NEWTON_MAX_DIMENSION, Double.NEGATIVE_INFINITY));
        }
        // the matrix-free finish needs no F per step: the iterates are bitwise the plain loop's until the hand-over
        return new GradientDescent.Config(c.step(), c.tol(), c.maxSteps(), c.update(), c.stop(), c.restart(),
                NewtonFinish.Options.matrixFree(CG_SWITCH, 1e-2, hessianLipschitz(k)), false);
    }

    /** The third-derivative bound of cell k's F on a ball ({@link ReluLandscape#hessianLipschitz}). */
    static NewtonCgFinish.Lipschitz hessianLipschitz(int k) {
        ReluLandscape land = ReluLandscape.identityTeacher(k, k, k);
        return land::hessianLipschitz;
    }

    /** A descent driver for cell k: tolerance block = the whole gradient. */
    static GradientDescent driver(int k) {
        return new GradientDescent(objective(k), k * k);
    }

    /**
     * One run, a function of (k, start, run, settings) alone: the family is not assigned yet
     * ({@link CensusRun#NOT_A_MINIMUM} or {@link CensusRun#GLOBAL} are decided here; a converged non-global run comes
     * back as {@link CensusRun#UNCLASSIFIED} with its end point, for {@link #classify} on the driver).
     */
    static CensusRun runOne(GradientDescent gd, int k, CensusRun.Start start, int run, Settings s) {
        long seed = runSeed(s.seed(), start, run);
        GradientDescent.Result r = gd.run(start(start, seed, k), config(k, s));
        boolean converged = r.stop() == GradientDescent.Stop.CONVERGED || r.stop() == GradientDescent.Stop.NEWTON;
        int family;
        double[] point = null;
        if (!converged || !Double.isFinite(r.value())) {
            family = CensusRun.NOT_A_MINIMUM;
        } else if (r.value() < GLOBAL_VALUE) {
            family = CensusRun.GLOBAL;
        } else {
            family = CensusRun.UNCLASSIFIED;
            point = r.point();
        }
        return new CensusRun(k, start, run, seed, r.totalIterations(), r.newtonSteps(), r.restarts(), r.stop(),
                r.value(), r.gradientNorm(), normSum(r.point(), k), r.seconds(), r.cpuSeconds(), family, point);
    }

    /**
     * The run with its family assigned by {@code book} (on the driver, in run order): an existing class, or a new one
     * that this run founds (then its end point stays in the record, as the family's representative). Runs that are not
     * {@link CensusRun#UNCLASSIFIED} are returned as they are.
     */
    static CensusRun classify(CensusRun r, FamilyBook book) {
        if (r.family() != CensusRun.UNCLASSIFIED) {
            return r;
        }
        int id = book.assign(r.point(), r.value());
        return new CensusRun(r.k(), r.start(), r.run(), r.seed(), r.iterations(), r.newtonSteps(), r.restarts(),
                r.stop(), r.value(), r.gradientNorm(), r.normSum(), r.seconds(), r.cpuSeconds(), Math.abs(id),
                id < 0 ? r.point() : null);
    }

    /**
     * The evaluator fingerprint of cell k on this JVM: the class of the evaluator {@link #objective(int)} selects.
     * Travels inside every {@link CensusTask}; a worker that would select another one refuses the task.
     */
    static String evaluator(int k) {
        return objective(k).getClass().getName();
    }

    /**
     * Runs every cell of {@code ks} on local threads ({@code s.threads()}), skipping runs already in
     * {@code DIR/runs.jsonl}.
     *
     * @param err progress bar and resume messages (null: quiet)
     */
    public static List<Cell> run(List<Integer> ks, Settings s, Path dir, boolean progress, PrintStream err) {
        return run(ks, s, dir, null, progress, err);
    }

    /**
     * The driver: opens the run log, computes the to-do list from it, cuts each cell's missing runs into
     * {@link CensusTask chunks} ({@link Chunks}: one cell and one start each) and hands them all to {@code runner}
     * (null: a {@link LocalRunner} of {@code s.threads()} threads). Families are assigned here, on the driver, in run
     * order (Xavier runs 0, 1, …, then norm-sum runs 0, 1, …): a chunk that finishes before an earlier one of its cell
     * waits in memory until that one arrives, then its runs are classified and appended to the log. So the family ids,
     * the founders (the representatives) and the log are the same for any thread count, runner or completion order,
     * and a log always holds a prefix, in run order, of each cell's missing runs; a kill loses at most the chunks
     * held or in flight.
     *
     * @param err progress bar and resume messages (null: quiet)
     */
    public static List<Cell> run(List<Integer> ks, Settings s, Path dir, Runner runner, boolean progress,
                                 PrintStream err) {
        if (runner == null) {
            try (Parallelism budget = Parallelism.of(s.threads(), "census-worker")) {
                return run(ks, s, dir, new LocalRunner(budget), progress, err);
            }
        }
        try (CensusLog log = CensusLog.open(dir, s.header(), err)) {
            long total = (long) ks.size() * (s.runs() + s.normSumRuns());
            Map<Integer, Pending> pending = new LinkedHashMap<>();
            List<CensusTask> tasks = new ArrayList<>();
            long already = 0;
            for (int k : ks) {
                FamilyBook book = new FamilyBook(k, s.familyTolerance());
                List<CensusRun> kept = new ArrayList<>();
                List<CensusRun> all = log.finished(k);
                for (CensusRun r : all) {
                    if (r.point() != null && r.family() > 0 && !book.has(r.family())) {
                        book.addFounder(r.family(), r.point(), r.value());
                    }
                }
                for (CensusRun r : all) {
                    int limit = r.start() == CensusRun.Start.XAVIER ? s.runs() : s.normSumRuns();
                    if (r.run() < limit && (r.family() <= 0 || book.has(r.family()))) {
                        kept.add(r); // a member whose founder line was lost is recomputed
                    }
                }
                Pending p = new Pending(k, book, kept);
                String evaluator = null;
                for (CensusRun.Start st : CensusRun.Start.values()) {
                    int count = st == CensusRun.Start.XAVIER ? s.runs() : s.normSumRuns();
                    if (count == 0) {
                        continue;
                    }
                    Set<Integer> finished = new HashSet<>();
                    for (CensusRun r : kept) {
                        if (r.start() == st) {
                            finished.add(r.run());
                        }
                    }
                    for (int[] chunk : Chunks.plan(count, finished, chunkSize(k, count, runner.parallelism()))) {
                        if (evaluator == null) {
                            evaluator = evaluator(k);
                        }
                        tasks.add(new CensusTask(k, st, chunk, s, evaluator));
                        for (int r : chunk) {
                            p.order.add(CensusLog.key(k, st, r));
                        }
                    }
                }
                pending.put(k, p);
                already += kept.size();
            }
            if (already > 0 && err != null) {
                err.println("resuming: " + already + " of " + total + " runs already in " + log.file());
            }
            ProgressBar bar = null;
            if (progress && err != null) {
                bar = new ProgressBarBuilder().setTaskName("census").setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                        .setUpdateIntervalMillis(1000).setUnit(" runs", 1).showSpeed().build();
                bar.stepTo(already);
            }
            long[] last = {System.nanoTime()};
            try {
                for (Pending p : pending.values()) {
                    if (p.order.isEmpty()) {
                        p.seconds = 0;
                    }
                }
                ProgressBar b = bar;
                runner.run(tasks, (task, results) -> {
                    Pending p = pending.get(task.k());
                    for (CensusRun r : results) {
                        p.arrived.put(CensusLog.key(r.k(), r.start(), r.run()), r);
                    }
                    // classify and log in run order: the longest prefix of the cell's to-do list that has arrived
                    while (p.next < p.order.size() && p.arrived.containsKey(p.order.get(p.next))) {
                        CensusRun r = classify(p.arrived.remove(p.order.get(p.next)), p.book);
                        log.append(r);
                        p.runs.add(r);
                        p.next++;
                    }
                    if (b != null) {
                        b.setExtraMessage("k=" + task.k());
                        b.stepBy(results.size());
                    }
                    if (p.next == p.order.size()) {
                        long now = System.nanoTime();
                        p.seconds = (now - last[0]) * 1e-9;
                        last[0] = now;
                    }
                });
            } finally {
                if (bar != null) {
                    bar.close();
                }
            }
            List<Cell> out = new ArrayList<>();
            for (Pending p : pending.values()) {
                List<CensusRun> sorted = new ArrayList<>(p.runs);
                sorted.sort(Comparator.comparing((CensusRun r) -> r.start().ordinal()).thenComparingInt(CensusRun::run));
                out.add(new Cell(p.k, List.copyOf(sorted), p.book.entries(), p.seconds));
            }
            return out;
        }
    }

    /**
     * Runs per chunk: {@link Chunks#size} (8–128) for small cells, at most 8 runs for k ≤ 24 and one run beyond (a run
     * there takes from seconds to minutes, so Spark's ~1 ms per task is nothing, and a kill loses little: a chunk
     * reaches the log only as a whole). Scheduling only: results do not depend on it.
     */
    static int chunkSize(int k, int count, int parallelism) {
        int base = Chunks.size(count, parallelism);
        return k <= 12 ? base : k <= 24 ? Math.min(base, 8) : 1;
    }

    /** A cell being collected on the driver: its book, its runs, its to-do keys in run order and what arrived early. */
    private static final class Pending {
        final int k;
        final FamilyBook book;
        final List<CensusRun> runs;
        final List<String> order = new ArrayList<>();
        final Map<String, CensusRun> arrived = new HashMap<>();
        int next;
        double seconds;

        Pending(int k, FamilyBook book, List<CensusRun> done) {
            this.k = k;
            this.book = book;
            this.runs = new ArrayList<>(done);
        }
    }
}
