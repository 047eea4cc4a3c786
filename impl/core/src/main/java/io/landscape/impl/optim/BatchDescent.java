package io.landscape.impl.optim;

import java.util.function.IntFunction;
import java.util.function.IntSupplier;

import io.landscape.api.function.BatchFunction;

/**
 * The accelerated gradient descent of {@link GradientDescent} for many runs, advanced L at a time in the lanes of a
 * {@link BatchFunction} (e.g. the SIMD lanes of the objective room's batched identity-teacher evaluator, L = 8 with
 * 512-bit vectors; {@code io.landscape.impl.objective.Evaluators#batch} makes it). Each lane is one run; when a run
 * ends, the next run index takes its lane.
 *
 * <h2>Same rules, same results whatever the batch</h2>
 * Every lane follows the single-run loop exactly: x ← x − η∇F(x) with its own step η, the same
 * {@link DescentMonitor} decisions from the same {@link StopRule}s (tolerance, divergence, global early stop after a
 * monotone window, step cap), the same {@link RestartPolicy} (restart from the initial point with η halved), and the
 * Newton finish itself is {@link GradientDescent#newtonFrom} on the run's current iterate. Lanes never mix (a
 * {@link BatchFunction} contract), so a run's result is a function of (seed, run index) alone: the same whichever lane
 * or thread it runs in, whichever runs share its batch, and whatever the vector width. It is not bitwise the result of
 * the single-run evaluators, which round differently; {@code BatchDescentTest} checks that it classifies every run as
 * they do and ends at the same points.
 *
 * <h2>Timing</h2>
 * A run's {@code seconds} and {@code cpuSeconds} are its share of the batch: the time between two lane events (a run
 * starting, ending, or taking its Newton finish) is divided equally among the runs in the batch then, and a Newton
 * finish is charged to its run alone. The shares add up to the batch's whole time: when lanes stand empty at the end
 * of a cell, the runs still in the batch carry their cost.
 *
 * <p>Not thread-safe; one instance per worker thread.
 */
public final class BatchDescent {
    private final int block;
    private final int m;
    private final int lanes;
    private final BatchFunction f;
    private final GradientDescent scalar;
    private final double[] xb;
    private final double[] gb;
    private final double[] value;
    private final double[] maxSq;
    private final double[] totalSq;
    private final double[] eta;
    private final double[] px;
    private final double[] pg;
    private final Lane[] lane;
    /** The restart policy of the single-run loop (step halving on divergence). */
    private final RestartPolicy restart = RestartPolicy.HALVING;
    /** The stop rules of the current {@link #run}'s settings (one value shared by its lanes' monitors). */
    private StopRule rules;
    private long lastCpu;
    private long lastWall;

    /** One lane's run. */
    private static final class Lane {
        int run = -1;
        double[] x0;
        double step;
        int restarts;
        long total;
        DescentMonitor monitor;
        double cpu;
        double wall;
    }

    /**
     * A driver for the batched function {@code f}; {@code scalar} (a single-point descent on the same function) takes
     * the Newton finishes.
     */
    public BatchDescent(BatchFunction f, GradientDescent scalar) {
        this.block = f.blockSize();
        this.m = f.dimension();
        this.f = f;
        this.lanes = f.lanes();
        this.scalar = scalar;
        this.xb = new double[f.batchLength()];
        this.gb = new double[f.batchLength()];
        this.value = new double[lanes];
        this.maxSq = new double[lanes];
        this.totalSq = new double[lanes];
        this.eta = new double[lanes];
        this.px = new double[m];
        this.pg = new double[m];
        this.lane = new Lane[lanes];
        for (int l = 0; l < lanes; l++) {
            lane[l] = new Lane();
        }
    }

    /** Receives a finished run: its index and its result. */
    public interface Done {
        void accept(int run, GradientDescent.Result result);
    }

    /**
     * Runs every index {@code next} hands out (it returns −1 when there are none left), run r starting from
     * {@code initial.apply(r)} (n·k entries, not modified), and passes each finished run to {@code done} (on this
     * thread).
     */
    public void run(IntSupplier next, IntFunction<double[]> initial, GradientDescent.Settings s, Done done) {
        if (!s.accelerate()) {
            throw new IllegalArgumentException("the batched search runs the accelerated loop; --plain runs one at a time");
        }
        rules = s.stopRule();
        lastCpu = GradientDescent.cpuNanos();
        lastWall = System.nanoTime();
        int active = 0;
        for (int l = 0; l < lanes; l++) {
            if (start(l, next, initial, s)) {
                active++;
            }
            eta[l] = 0.0; // the first evaluation is at the initial points
        }
        while (active > 0) {
            f.valueAndGradient(xb, gb, value);
            f.gradientNorms(gb, maxSq, totalSq);
            for (int l = 0; l < lanes; l++) {
                Lane a = lane[l];
                if (a.run < 0) {
                    continue;
                }
                if (eta[l] != 0.0) {
                    a.monitor.stepped(); // the step taken at the end of the previous pass
                }
                eta[l] = 0.0;
                double gmax = Math.sqrt(maxSq[l]);
                DescentMonitor.Action action = a.monitor.observe(value[l], gmax, Math.sqrt(totalSq[l]));
                GradientDescent.Stop stop = null;
                double end = value[l];
                if (action == DescentMonitor.Action.TRY_NEWTON) {
                    charge(active);
                    f.get(xb, l, px);
                    f.get(gb, l, pg);
                    double polished = scalar.newtonFrom(px, pg, value[l], s);
                    chargeTo(a);
                    if (!Double.isNaN(polished)) {
                        stop = GradientDescent.Stop.NEWTON;
                        end = polished;
                    } else {
                        action = a.monitor.rejected(gmax);
                    }
                }
                if (stop == null) {
                    switch (action) {
                        case STEP:
                            eta[l] = a.step;
                            continue;
                        case DIVERGED:
                            a.total += a.monitor.steps();
                            a.restarts++;
                            a.step = restart.nextStep(a.step);
                            if (restart.exhausted(a.restarts, a.total, s.maxSteps())) {
                                charge(active);
                                GradientDescent.Result r = scalar.diverged(a.x0, a.total, a.restarts, a.step, 0, 0);
                                chargeTo(a);
                                done.accept(a.run, withTime(r, a));
                                active -= start(l, next, initial, s) ? 0 : 1;
                            } else {
                                f.put(a.x0, xb, l);
                                a.monitor = new DescentMonitor(rules, s.newton(), s.maxSteps() - a.total, m);
                            }
                            continue;
                        case CONVERGED:
                            stop = GradientDescent.Stop.CONVERGED;
                            break;
                        case BELOW_THRESHOLD:
                            stop = GradientDescent.Stop.BELOW_THRESHOLD;
                            break;
                        case MAX_STEPS:
                            stop = GradientDescent.Stop.MAX_STEPS;
                            break;
                        default:
                            throw new IllegalStateException("unexpected " + action);
                    }
                    f.get(xb, l, px);
                    f.get(gb, l, pg);
                }
                charge(active);
                long iterations = a.monitor.steps();
                a.total += iterations;
                done.accept(a.run, new GradientDescent.Result(px.clone(), end, GradientDescent.maxNeuronNorm(pg, block),
                        GradientDescent.norm(pg), iterations, a.total,
                        stop == GradientDescent.Stop.NEWTON ? scalar.lastNewtonSteps() : 0, a.restarts, a.step, stop,
                        a.wall * 1e-9, a.cpu * 1e-9));
                active -= start(l, next, initial, s) ? 0 : 1;
            }
            f.step(xb, gb, eta);
        }
    }

    /**
     * One run from {@code x0} through the batched loop (alone in its batch): the same result as the run gets inside a
     * cell, so {@code descend} replays a {@code spurious} run from its per-run seed.
     */
    public GradientDescent.Result single(double[] x0, GradientDescent.Settings s) {
        GradientDescent.Result[] out = new GradientDescent.Result[1];
        boolean[] given = {false};
        run(() -> {
            if (given[0]) {
                return -1;
            }
            given[0] = true;
            return 0;
        }, r -> x0, s, (r, result) -> out[0] = result);
        return out[0];
    }

    /** Puts the next run into lane l; false (lane left empty, η = 0) if there is none. */
    private boolean start(int l, IntSupplier next, IntFunction<double[]> initial, GradientDescent.Settings s) {
        Lane a = lane[l];
        int run = next.getAsInt();
        eta[l] = 0.0;
        if (run < 0) {
            a.run = -1;
            return false;
        }
        a.run = run;
        a.x0 = initial.apply(run);
        if (a.x0.length != m) {
            throw new IllegalArgumentException("initial point of run " + run + " has " + a.x0.length
                    + " entries, expected " + m);
        }
        a.step = s.step();
        a.restarts = 0;
        a.total = 0;
        a.cpu = 0;
        a.wall = 0;
        a.monitor = new DescentMonitor(rules, s.newton(), s.maxSteps(), m);
        f.put(a.x0, xb, l);
        return true;
    }

    /** {@code r} with the run's share of the batch's time. */
    private static GradientDescent.Result withTime(GradientDescent.Result r, Lane a) {
        return new GradientDescent.Result(r.point(), r.value(), r.maxNeuronGradient(), r.gradientNorm(), r.iterations(),
                r.totalIterations(), r.newtonSteps(), r.restarts(), r.step(), r.stop(), a.wall * 1e-9, a.cpu * 1e-9);
    }

    /** Shares the time since the last event equally among the {@code active} runs in the batch. */
    private void charge(int active) {
        long cpu = GradientDescent.cpuNanos();
        long wall = System.nanoTime();
        double dc = (double) (cpu - lastCpu) / active;
        double dw = (double) (wall - lastWall) / active;
        for (Lane a : lane) {
            if (a.run >= 0) {
                a.cpu += dc;
                a.wall += dw;
            }
        }
        lastCpu = cpu;
        lastWall = wall;
    }

    /** Charges the time since the last event to one run (its Newton finish). */
    private void chargeTo(Lane a) {
        long cpu = GradientDescent.cpuNanos();
        long wall = System.nanoTime();
        a.cpu += cpu - lastCpu;
        a.wall += wall - lastWall;
        lastCpu = cpu;
        lastWall = wall;
    }
}
