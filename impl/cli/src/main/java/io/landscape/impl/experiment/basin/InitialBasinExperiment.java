package io.landscape.impl.experiment.basin;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.stream.IntStream;

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

    public static Result run(Config config, Consumer<CurvePoint> progress) {
        long start = System.nanoTime();
        List<Curve> curves = Statements.all(config.seed(), config.quick());
        int workers = config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
        List<CurvePoint> points = new ArrayList<>();
        ForkJoinPool pool = new ForkJoinPool(workers);
        try {
            for (int c = 0; c < curves.size(); c++) {
                Curve curve = curves.get(c);
                for (int n : curve.widths()) {
                    long t0 = System.nanoTime();
                    final int ci = c;
                    int successes;
                    try {
                        successes = pool.submit(() -> IntStream.range(0, config.trials()).parallel()
                                .map(t -> curve.trial(n, new SplittableRandom(mix(config.seed(), ci, n, t))) ? 1 : 0)
                                .sum()).get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof RuntimeException) {
                            throw (RuntimeException) cause;
                        }
                        throw new IllegalStateException(cause);
                    }
                    boolean thm6 = "thm6".equals(curve.statement());
                    CurvePoint p = new CurvePoint(curve.statement(), curve.variant(), thm6 ? 1 : n,
                            thm6 ? n : curve.dimension(), thm6 ? 2 * n : curve.examples(), config.trials(), successes,
                            curve.threshold(n), curve.bound(n), curve.upperBound(), curve.exact(n),
                            (System.nanoTime() - t0) / 1e9);
                    points.add(p);
                    if (progress != null) {
                        progress.accept(p);
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
        return new Result(config, points, (System.nanoTime() - start) / 1e9);
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
