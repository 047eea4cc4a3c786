package io.landscape.impl.experiment.spurious;
import io.landscape.impl.optim.Initialization;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.experiment.AtomicFiles;
import io.landscape.impl.experiment.JsonCodec;
import io.landscape.impl.optim.GradientDescent;
import io.landscape.impl.linalg.Workers;
import io.landscape.impl.sweep.LocalRunner;
import io.landscape.impl.sweep.Parallelism;
import io.landscape.impl.sweep.ResultStore;
import io.landscape.impl.sweep.Runner;

/**
 * Runs a list of (k, n) cells with a resumable run log ({@link RunLog}, the sweep's {@link ResultStore}) in an output
 * directory: finished runs are skipped, the rest are cut into {@link SpuriousTask chunks} run by a {@link Runner}, every
 * finished chunk is appended to the log as soon as it ends, and each finished cell is classified on the driver (in run
 * order) and written to {@code cells/k<K>-n<N>.json} atomically. Progress goes to a {@link Listener} (the commands' progress
 * bar with ETA on stderr, {@link ConsoleProgress}).
 */
public final class Sweep {

    /** Result-determining settings (stored in the log header) plus the thread count (which never changes results). */
    public record Settings(long seed, int runs, String init, GradientDescent.Settings descent, int threads,
                           double familyTolerance) {
        public Settings {
            if (runs < 1) {
                throw new IllegalArgumentException("runs: must be at least 1, got " + runs);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads: must be at least 1, got " + threads);
            }
            Initialization.parse(init, 1); // fail early on a bad spec
        }

        ObjectNode header() {
            ObjectNode h = JsonCodec.object();
            h.put("experiment", "spurious-minima");
            h.put("seed", seed);
            h.put("runs", runs);
            h.put("init", init);
            h.put("mode", descent.accelerate() ? "accelerated" : "plain");
            h.put("step", descent.step());
            h.put("tol", descent.tol());
            h.put("maxSteps", descent.maxSteps());
            h.put("evaluator", SpuriousTask.sweepFingerprint(descent.accelerate()));
            return h;
        }
    }

    /** What a sweep reports while it runs (the CLI's progress bar); every call comes from the driver thread. */
    public interface Listener {
        /** Before any work: runs in the sweep, runs already in the log, the log file. */
        default void started(long total, long already, Path log) {
        }

        /** A chunk of {@code runs} runs of cell (k, n) finished and was appended to the log. */
        default void chunk(int k, int n, int runs) {
        }

        /** No progress reports. */
        Listener NONE = new Listener() {
        };
    }

    private Sweep() {
    }

    /**
     * Runs the cells (each {k, n}) in order.
     *
     * @param progress whether to show a progress bar on {@code err} (a resume is reported on {@code err} either way)
     */
    public static List<CellResult> run(List<int[]> cells, Settings s, Path outDir, boolean progress, PrintStream err) {
        try (ConsoleProgress bar = new ConsoleProgress(progress, err)) {
            return run(cells, s, outDir, bar);
        }
    }

    /**
     * Runs the cells on {@code runner} (null: a {@link LocalRunner} of {@code s.threads()} threads), with the progress
     * bar of {@link #run(List, Settings, Path, boolean, PrintStream)}; the driver's numerics (the families' λ_min) use
     * {@code s.threads()} threads of this JVM.
     */
    public static List<CellResult> run(List<int[]> cells, Settings s, Path outDir, Runner runner, boolean progress,
                                       PrintStream err) {
        if (runner == null) {
            return run(cells, s, outDir, progress, err);
        }
        try (ConsoleProgress bar = new ConsoleProgress(progress, err);
             Parallelism budget = Parallelism.of(s.threads(), "spurious-driver")) {
            return run(cells, s, outDir, runner, budget.workers(), RigorousFamilyCertifier.INSTANCE, bar);
        }
    }

    /**
     * Runs the cells on a {@link LocalRunner} of {@code s.threads()} threads (the sweep's one parallelism budget: the
     * runs, the families' λ_min and nothing else), certifying with {@link RigorousFamilyCertifier#INSTANCE}.
     */
    public static List<CellResult> run(List<int[]> cells, Settings s, Path outDir, Listener listener) {
        try (Parallelism budget = Parallelism.of(s.threads(), "spurious-worker")) {
            return run(cells, s, outDir, new LocalRunner(budget), budget.workers(), RigorousFamilyCertifier.INSTANCE,
                    listener);
        }
    }

    /**
     * The driver: opens the run log in {@code outDir} (the {@link ResultStore}, keyed by the settings' header),
     * computes the to-do list from it, cuts it into {@link SpuriousTask chunks} and hands them all to {@code runner};
     * each finished chunk is appended to the log at once, and when a cell has all its runs it is classified (in run
     * order, on this thread, with {@code workers}) and written to {@code cells/k<K>-n<N>.json} atomically.
     *
     * @return the cells' results in the order of {@code cells}; a cell's {@code seconds} is the wall time between the
     *         previous cell's completion (or the start) and its own (0 when it was complete in the log)
     */
    public static List<CellResult> run(List<int[]> cells, Settings s, Path outDir, Runner runner, Workers workers,
                                       FamilyCertifier certifier, Listener listener) {
        for (int[] c : cells) {
            if (c[0] < 1) {
                throw new IllegalArgumentException("k: must be at least 1, got " + c[0]);
            }
            if (c[1] < 1) {
                throw new IllegalArgumentException("n: must be at least 1, got " + c[1]);
            }
        }
        Listener report = listener == null ? Listener.NONE : listener;
        try (RunLog log = RunLog.open(outDir, s.header())) {
            Map<Cell, Pending> pending = new LinkedHashMap<>();
            List<SpuriousTask> tasks = new ArrayList<>();
            long total = 0;
            long already = 0;
            for (int[] c : cells) {
                Cell cell = new Cell(c[0], c[1]);
                if (pending.containsKey(cell)) {
                    continue; // listed twice: computed once
                }
                SpuriousSearch.Config cfg = new SpuriousSearch.Config(cell.k(), cell.n(), s.runs(), s.seed(),
                        Initialization.parse(s.init(), cell.k()), s.descent(), s.threads(), s.familyTolerance());
                Pending p = new Pending(cfg);
                for (Map.Entry<Integer, RunRecord> e : log.finished(cell).entrySet()) {
                    if (e.getKey() < s.runs()) {
                        p.out[e.getKey()] = e.getValue();
                        p.missing--;
                    }
                }
                total += s.runs();
                already += s.runs() - p.missing;
                pending.put(cell, p);
                Set<Integer> finished = new HashSet<>();
                for (int r = 0; r < s.runs(); r++) {
                    if (p.out[r] != null) {
                        finished.add(r);
                    }
                }
                tasks.addAll(SpuriousSearch.tasks(cfg, finished, runner.parallelism()));
            }
            report.started(total, already, log.file());
            Driver driver = new Driver(outDir, workers, certifier);
            for (Pending p : pending.values()) {
                if (p.missing == 0) {
                    driver.finish(p, 0.0);
                }
            }
            driver.mark();
            runner.run(tasks, (task, records) -> {
                Pending p = pending.get(new Cell(task.k(), task.n()));
                log.append(records);
                for (RunRecord r : records) {
                    if (p.out[r.run()] == null) {
                        p.missing--;
                    }
                    p.out[r.run()] = r;
                }
                report.chunk(task.k(), task.n(), records.size());
                if (p.missing == 0) {
                    driver.finish(p, driver.lap());
                }
            });
            List<CellResult> out = new ArrayList<>();
            for (int[] c : cells) {
                out.add(pending.get(new Cell(c[0], c[1])).result);
            }
            return out;
        }
    }

    /** A cell being collected: its runs by index and how many are still missing. */
    private static final class Pending {
        final SpuriousSearch.Config config;
        final RunRecord[] out;
        int missing;
        CellResult result;

        Pending(SpuriousSearch.Config config) {
            this.config = config;
            this.out = new RunRecord[config.runs()];
            this.missing = config.runs();
        }
    }

    /** Classifies and writes completed cells (on the driver thread). */
    private static final class Driver {
        final Path outDir;
        final Workers workers;
        final FamilyCertifier certifier;
        long last = System.nanoTime();

        Driver(Path outDir, Workers workers, FamilyCertifier certifier) {
            this.outDir = outDir;
            this.workers = workers;
            this.certifier = certifier;
        }

        void mark() {
            last = System.nanoTime();
        }

        double lap() {
            long now = System.nanoTime();
            double seconds = (now - last) * 1e-9;
            last = now;
            return seconds;
        }

        void finish(Pending p, double seconds) {
            SpuriousSearch.Config c = p.config;
            CellResult cell = Families.classify(c.k(), c.n(), c.runs(), Arrays.asList(p.out),
                    SpuriousSearch.objective(c.k(), c.n()), c.familyTolerance(), seconds, workers);
            AtomicFiles.write(outDir.resolve("cells").resolve("k" + c.k() + "-n" + c.n() + ".json"),
                    JsonCodec.pretty(Reports.cellJson(cell, certifier)));
            p.result = cell;
        }
    }
}
