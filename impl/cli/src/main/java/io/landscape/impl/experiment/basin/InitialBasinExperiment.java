package io.landscape.impl.experiment.basin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import io.landscape.impl.sweep.LocalRunner;
import io.landscape.impl.sweep.Parallelism;
import io.landscape.impl.sweep.Runner;
import io.landscape.impl.sweep.Task;
import io.landscape.impl.sweep.TaskContext;

/**
 * {@code landscape reproduce initial-basin}: Monte Carlo estimates of the probabilities in paper 001's statements
 * (Prop. 1, Eq. (9), Thms. 2–6) against the paper's bounds. Trial t of curve c at width n draws its initialisation from
 * {@code SplittableRandom(mix(seed, c, n, t))}, so the counts are identical for any number of threads.
 */
public final class InitialBasinExperiment {
    /** Settings. */
    public record Config(long seed, int trials, boolean quick, int threads) {
        public Config {
            if (trials < 1) {
                throw new IllegalArgumentException("--trials: need at least 1, got " + trials);
            }
            if (threads < 0) {
                throw new IllegalArgumentException("--threads: need K ≥ 0, got " + threads);
            }
        }
    }

    /** All curve points, in curve order, and the wall time. */
    public record Result(Config config, List<CurvePoint> points, double wallSeconds) {
    }

    private InitialBasinExperiment() {
    }

    /**
     * Runs every curve point: the trials are cut into {@link BasinTask chunks} (one curve, one width, a range of
     * trials) run on a {@link LocalRunner} of {@code threads} threads; each point's successes are summed on this thread
     * (an integer count: the same in any order), and {@code progress} gets the points in curve order as they complete.
     */
    public static Result run(Config config, Consumer<CurvePoint> progress) {
        int workers = config.threads() > 0 ? config.threads() : Parallelism.available();
        try (Parallelism budget = Parallelism.of(workers, "basin-worker")) {
            return run(config, progress, new LocalRunner(budget));
        }
    }

    /** {@link #run(Config, Consumer)} on {@code runner}. */
    public static Result run(Config config, Consumer<CurvePoint> progress, Runner runner) {
        long start = System.nanoTime();
        List<Curve> curves = Statements.all(config.seed(), config.quick());
        List<int[]> points = new ArrayList<>(); // {curve, width}
        List<BasinTask> tasks = new ArrayList<>();
        int size = chunkSize(config.trials(), runner.parallelism());
        for (int c = 0; c < curves.size(); c++) {
            for (int n : curves.get(c).widths()) {
                for (int from = 0; from < config.trials(); from += size) {
                    tasks.add(new BasinTask(config.seed(), config.quick(), points.size(), c, n, from,
                            Math.min(config.trials(), from + size)));
                }
                points.add(new int[] {c, n});
            }
        }
        int[] successes = new int[points.size()];
        int[] missing = new int[points.size()];
        Arrays.fill(missing, config.trials());
        List<CurvePoint> out = new ArrayList<>();
        long[] last = {System.nanoTime()};
        runner.run(tasks, (task, results) -> {
            for (Boolean hit : results) {
                if (hit) {
                    successes[task.point()]++;
                }
            }
            missing[task.point()] -= results.size();
            // report the points in curve order as soon as they and all before them are complete
            while (out.size() < points.size() && missing[out.size()] == 0) {
                int p = out.size();
                Curve curve = curves.get(points.get(p)[0]);
                int n = points.get(p)[1];
                long now = System.nanoTime();
                CurvePoint point = point(curve, n, config.trials(), successes[p], (now - last[0]) / 1e9);
                last[0] = now;
                out.add(point);
                if (progress != null) {
                    progress.accept(point);
                }
            }
        });
        return new Result(config, out, (System.nanoTime() - start) / 1e9);
    }

    private static CurvePoint point(Curve curve, int n, int trials, int successes, double seconds) {
        boolean thm6 = "thm6".equals(curve.statement());
        return new CurvePoint(curve.statement(), curve.variant(), thm6 ? 1 : n, thm6 ? n : curve.dimension(),
                thm6 ? 2 * n : curve.examples(), trials, successes, curve.threshold(n), curve.bound(n),
                curve.upperBound(), curve.exact(n), seconds);
    }

    /** Trials per chunk: half a point per worker, between 50 and 2000 (scheduling only: counts do not depend on it). */
    static int chunkSize(int trials, int parallelism) {
        long per = (trials + 2L * parallelism - 1) / (2L * parallelism);
        return (int) Math.max(50, Math.min(2000, per));
    }

    /**
     * Trials [from, to) of curve {@code curve} at width {@code n}: trial t draws from
     * {@code SplittableRandom(mix(seed, curve, n, t))}; one result per trial (whether the event held), in trial order.
     * The curves are rebuilt from (seed, quick) on the worker ({@link Statements#all}, deterministic) and cached there.
     *
     * @param point the index of the curve point in the driver's list (for collecting; decides nothing)
     */
    record BasinTask(long seed, boolean quick, int point, int curve, int n, int from, int to)
            implements Task<Boolean> {
        private static final long serialVersionUID = 1L;

        @Override
        public List<Boolean> compute(TaskContext context) {
            List<Curve> curves = context.shared(new CurvesKey(seed, quick), () -> Statements.all(seed, quick));
            Curve c = curves.get(curve);
            List<Boolean> out = new ArrayList<>(to - from);
            for (int t = from; t < to; t++) {
                out.add(c.trial(n, new SplittableRandom(mix(seed, curve, n, t))));
            }
            return out;
        }
    }

    /** The cache key of the curves of (seed, quick). */
    private record CurvesKey(long seed, boolean quick) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A 64-bit seed from (seed, curve, width, trial) (SplitMix64 finaliser over a running hash). */
    static long mix(long seed, int curve, int n, int trial) {
        long h = seed;
        h = splitmix(h ^ (0x9E3779B97F4A7C15L * (curve + 1)));
        h = splitmix(h ^ (0xC2B2AE3D27D4EB4FL * (n + 1)));
        h = splitmix(h ^ (0x165667B19E3779F9L * (trial + 1L)));
        return h;
    }

    private static long splitmix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
