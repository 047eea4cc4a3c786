package io.landscape.impl.experiment.overparam;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

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
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The minima census of paper 000 §4.2: for each k, n = d = k, teacher v_j = e_j, {@code runs} Xavier starts (entries
 * i.i.d. N(0, 1/k)) and {@code normSumRuns} starts with Σ‖w_i‖ = 2k² ({@link #start}), gradient descent with the fixed
 * step 5/k until the norm of the <em>whole</em> gradient is ≤ 10⁻¹². Runs are logged as they finish
 * ({@link CensusLog}), grouped online into symmetry classes ({@link FamilyBook}); the cell's families are then
 * analysed and certified ({@link FamilyAnalysis}).
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
                           int threads) {
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
            ObjectNode h = CensusLog.JSON.createObjectNode();
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

    /** One run (no family assigned yet: {@link CensusRun#NOT_A_MINIMUM} or {@link CensusRun#GLOBAL} decided here). */
    static CensusRun runOne(GradientDescent gd, int k, CensusRun.Start start, int run, Settings s, FamilyBook book) {
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
            int id = book.assign(r.point(), r.value());
            family = Math.abs(id);
            if (id < 0) {
                point = r.point();
            }
        }
        return new CensusRun(k, start, run, seed, r.totalIterations(), r.newtonSteps(), r.restarts(), r.stop(),
                r.value(), r.gradientNorm(), normSum(r.point(), k), r.seconds(), r.cpuSeconds(), family, point);
    }

    /**
     * Runs every cell of {@code ks} (skipping runs already in {@code DIR/runs.jsonl}) and returns the cells.
     *
     * @param err progress bar and resume messages (null: quiet)
     */
    public static List<Cell> run(List<Integer> ks, Settings s, Path dir, boolean progress, PrintStream err) {
        List<Cell> out = new ArrayList<>();
        try (CensusLog log = CensusLog.open(dir, s.header(), err)) {
            long total = (long) ks.size() * (s.runs() + s.normSumRuns());
            Map<Integer, List<CensusRun>> have = new HashMap<>();
            Map<Integer, FamilyBook> books = new HashMap<>();
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
                have.put(k, kept);
                books.put(k, book);
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
            try {
                for (int k : ks) {
                    if (bar != null) {
                        bar.setExtraMessage("k=" + k);
                    }
                    out.add(cell(k, s, have.get(k), books.get(k), log, bar));
                }
            } finally {
                if (bar != null) {
                    bar.close();
                }
            }
        }
        return out;
    }

    private static Cell cell(int k, Settings s, List<CensusRun> done, FamilyBook book, CensusLog log,
                             ProgressBar bar) {
        long t0 = System.nanoTime();
        java.util.Set<String> finished = new java.util.HashSet<>();
        List<CensusRun> runs = java.util.Collections.synchronizedList(new ArrayList<>(done));
        for (CensusRun r : done) {
            finished.add(CensusLog.key(k, r.start(), r.run()));
        }
        List<Callable<Void>> tasks = new ArrayList<>();
        ThreadLocal<GradientDescent> worker = ThreadLocal.withInitial(() -> driver(k));
        for (CensusRun.Start st : CensusRun.Start.values()) {
            int count = st == CensusRun.Start.XAVIER ? s.runs() : s.normSumRuns();
            for (int r = 0; r < count; r++) {
                if (finished.contains(CensusLog.key(k, st, r))) {
                    continue;
                }
                final int run = r;
                tasks.add(() -> {
                    CensusRun rec = runOne(worker.get(), k, st, run, s, book);
                    log.append(rec);
                    runs.add(rec);
                    if (bar != null) {
                        bar.step();
                    }
                    return null;
                });
            }
        }
        if (!tasks.isEmpty()) {
            invokeAll(Math.min(s.threads(), tasks.size()), tasks);
        }
        List<CensusRun> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparing((CensusRun r) -> r.start().ordinal()).thenComparingInt(CensusRun::run));
        return new Cell(k, List.copyOf(sorted), book.entries(), (System.nanoTime() - t0) * 1e-9);
    }

    private static void invokeAll(int threads, List<Callable<Void>> tasks) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "census-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
