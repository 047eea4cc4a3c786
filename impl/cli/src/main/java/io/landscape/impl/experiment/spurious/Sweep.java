package io.landscape.impl.experiment.spurious;
import io.landscape.impl.optim.Initialization;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.experiment.AtomicFiles;
import io.landscape.impl.experiment.JsonCodec;
import io.landscape.impl.optim.GradientDescent;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs a list of (k, n) cells with a resumable run log ({@link RunLog}) in an output directory: finished runs are
 * skipped, every new run is appended as soon as it ends, and each finished cell is written to
 * {@code cells/k<K>-n<N>.json} atomically. A progress bar with ETA goes to stderr.
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
            return h;
        }
    }

    private Sweep() {
    }

    /**
     * Runs the cells (each {k, n}) in order.
     *
     * @param progress whether to show a progress bar on {@code err}
     */
    public static List<CellResult> run(List<int[]> cells, Settings s, Path outDir, boolean progress, PrintStream err) {
        for (int[] c : cells) {
            if (c[0] < 1) {
                throw new IllegalArgumentException("k: must be at least 1, got " + c[0]);
            }
            if (c[1] < 1) {
                throw new IllegalArgumentException("n: must be at least 1, got " + c[1]);
            }
        }
        List<CellResult> out = new ArrayList<>();
        try (RunLog log = RunLog.open(outDir, s.header())) {
            long total = (long) cells.size() * s.runs();
            long already = 0;
            for (int[] c : cells) {
                already += Math.min(s.runs(), log.finished(c[0], c[1]).size());
            }
            if (already > 0 && err != null) {
                err.println("resuming: " + already + " of " + total + " runs already in " + log.file());
            }
            ProgressBar bar = null;
            if (progress && err != null) {
                bar = new ProgressBarBuilder().setTaskName("spurious").setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                        .setUpdateIntervalMillis(500).setUnit(" runs", 1).showSpeed().build();
                bar.stepTo(already);
            }
            final ProgressBar pb = bar;
            try {
                for (int[] c : cells) {
                    int k = c[0];
                    int n = c[1];
                    if (pb != null) {
                        pb.setExtraMessage("k=" + k + " n=" + n);
                    }
                    Map<Integer, RunRecord> done = log.finished(k, n);
                    SpuriousSearch.Config cfg = new SpuriousSearch.Config(k, n, s.runs(), s.seed(),
                            Initialization.parse(s.init(), k), s.descent(), s.threads(), s.familyTolerance());
                    CellResult cell = SpuriousSearch.cell(cfg, done, rec -> {
                        log.append(rec);
                        if (pb != null) {
                            pb.step();
                        }
                    });
                    AtomicFiles.write(outDir.resolve("cells").resolve("k" + k + "-n" + n + ".json"),
                            JsonCodec.pretty(Reports.cellJson(cell, RigorousFamilyCertifier.INSTANCE)));
                    out.add(cell);
                }
            } finally {
                if (pb != null) {
                    pb.close();
                }
            }
        }
        return out;
    }
}
