package io.landscape.impl.experiment.slowdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.landscape.impl.sweep.LocalRunner;
import io.landscape.impl.sweep.Parallelism;
import io.landscape.impl.sweep.Runner;
import io.landscape.impl.sweep.Task;
import io.landscape.impl.sweep.TaskContext;

import io.landscape.impl.objective.SingleTeacherLoss;
import io.landscape.impl.optim.RecordedGradientDescent;
import io.landscape.impl.optim.GradientFlow;

/**
 * Paper 003 Figure 1 (and the App. A toy cases): n students learning one teacher by GD and/or gradient flow, loss
 * recorded on a log-spaced grid of T. Every run depends only on (config, n, dynamics): start points come from
 * {@link Preset#initialPoint} seeded by (seed, n), so runs may execute in parallel and in any order with identical
 * results.
 */
public final class SlowdownExperiment {

    /** All runs of one experiment: GD runs and gradient-flow runs, each in the order of {@code config.ns()}. */
    public record Result(SlowdownConfig config, double[] teacher, List<SlowdownRun> descentRuns,
                         List<SlowdownRun> flowRuns, double wallSeconds) {
    }

    private final GradientFlow flow;

    public SlowdownExperiment() {
        this(new GradientFlow());
    }

    public SlowdownExperiment(GradientFlow flow) {
        this.flow = flow;
    }

    /** Runs every (n, dynamics) pair on a {@link LocalRunner} of {@code threads} threads (≥ 1). */
    public Result run(SlowdownConfig config, int threads) {
        try (Parallelism budget = Parallelism.of(Math.max(1, threads), "slowdown-run")) {
            return run(config, new LocalRunner(budget));
        }
    }

    /**
     * Runs every (n, dynamics) pair as one {@link SlowdownTask} on {@code runner} (a run is 10⁴–10⁶ gradient steps or
     * an adaptive integration: one run is a chunk) and collects them in the order of {@code config.ns()}.
     */
    public Result run(SlowdownConfig config, Runner runner) {
        long start = System.nanoTime();
        List<SlowdownTask> tasks = new ArrayList<>();
        for (int n : config.ns()) {
            if (config.dynamics().includesFlow()) {
                tasks.add(new SlowdownTask(config, flow, n, true));
            }
            if (config.dynamics().includesDescent()) {
                tasks.add(new SlowdownTask(config, flow, n, false));
            }
        }
        Map<SlowdownTask, SlowdownRun> done = new java.util.IdentityHashMap<>();
        runner.run(tasks, (task, runs) -> done.put(task, runs.get(0)));
        List<SlowdownRun> descent = new ArrayList<>();
        List<SlowdownRun> flowRuns = new ArrayList<>();
        for (SlowdownTask t : tasks) {
            (t.flowDynamics() ? flowRuns : descent).add(done.get(t));
        }
        return new Result(config, Preset.teacher(config.d()), descent, flowRuns, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * One run of the experiment as a pure task: (config, integrator tolerances, n, dynamics) → its {@link SlowdownRun};
     * the start point comes from (seed, n), so the run is the same on any thread or JVM.
     */
    public record SlowdownTask(SlowdownConfig config, GradientFlow flow, int n, boolean flowDynamics)
            implements Task<SlowdownRun> {
        private static final long serialVersionUID = 1L;

        @Override
        public List<SlowdownRun> compute(TaskContext context) {
            return List.of(flowDynamics ? new SlowdownExperiment(flow).runFlow(config, n) : runDescent(config, n));
        }
    }

    /** Gradient descent for n students, recorded on {@link RecordGrid#steps}. */
    public static SlowdownRun runDescent(SlowdownConfig config, int n) {
        long t0 = System.nanoTime();
        Setup u = new Setup(config, n);
        double[] last = RecordedGradientDescent.run(u.loss, u.x0, config.eta(), u.grid, (index, step, value, x) -> {
            u.values[index] = value;
            u.z[index] = u.loss.potential(x);
        });
        return finish(config, n, "gd", u, last, config.steps() + 1, t0);
    }

    /** Gradient flow for n students up to time η·T, recorded at times η·T for T on {@link RecordGrid#steps}. */
    public SlowdownRun runFlow(SlowdownConfig config, int n) {
        long t0 = System.nanoTime();
        Setup u = new Setup(config, n);
        double[][] last = new double[1][];
        GradientFlow.Stats stats = flow.integrate(u.loss, u.x0, u.times, (index, time, value, x) -> {
            u.values[index] = value;
            u.z[index] = u.loss.potential(x);
            last[0] = x;
        });
        return finish(config, n, "flow", u, last[0], stats.gradientEvaluations(), t0);
    }

    /** What both dynamics start from: the loss, the initial point, the recording grid (steps T, times ηT), outputs. */
    private static final class Setup {
        final SingleTeacherLoss loss;
        final double[] x0;
        final long[] grid;
        final double[] times;
        final double[] values;
        final double[] z;

        Setup(SlowdownConfig config, int n) {
            int d = config.d();
            loss = new SingleTeacherLoss(Preset.teacher(d), n);
            x0 = config.preset().initialPoint(n, d, config.sigma(), config.seed());
            grid = RecordGrid.steps(config.steps(), config.pointsPerDecade());
            times = new double[grid.length];
            for (int r = 0; r < grid.length; r++) {
                times[r] = config.eta() * grid[r];
            }
            values = new double[grid.length];
            z = new double[grid.length];
        }
    }

    private static SlowdownRun finish(SlowdownConfig config, int n, String dynamics, Setup u, double[] last,
                                      long evaluations, long t0) {
        long[] grid = u.grid;
        double[] times = u.times;
        double[] values = u.values;
        double[] z = u.z;
        long steps = config.steps();
        double vNorm = 1.0; // teacher e1
        double exponent = SlowdownRun.fitExponent(grid, times, values, Math.max(1L, (steps + 9) / 10), steps,
                SlowdownRun.ROUNDING_FLOOR * vNorm * vNorm);
        Map<String, Double> lossAt = new LinkedHashMap<>();
        for (long m : RecordGrid.milestones(steps)) {
            for (int r = 0; r < grid.length; r++) {
                if (grid[r] == m) {
                    lossAt.put(Long.toString(m), values[r]);
                }
            }
        }
        return new SlowdownRun(n, dynamics, grid, times, values, z, last, exponent, lossAt, evaluations,
                (System.nanoTime() - t0) * 1e-9);
    }
}
