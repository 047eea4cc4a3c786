package io.landscape.impl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.experiment.AtomicFiles;
import io.landscape.impl.experiment.JsonCodec;
import io.landscape.impl.experiment.spurious.CellResult;
import io.landscape.impl.experiment.spurious.RigorousFamilyCertifier;
import io.landscape.impl.experiment.spurious.Figure1;
import io.landscape.impl.experiment.spurious.Reports;
import io.landscape.impl.experiment.spurious.Sweep;
import io.landscape.impl.sweep.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code landscape reproduce spurious-minima [--runs R] [--k-max K]}: the grid k ∈ [k-min, K], n ∈ [k, K] (or
 * n = k + offset for {@code --offsets}) of paper 002 §3. Prints Tables 1–2 next to the published numbers with Wilson
 * 95 % intervals, and writes to DIR: {@code runs.jsonl} (resumable log), {@code cells/k*-n*.json},
 * {@code summary.json}, {@code cells.csv}, {@code runs.csv}, {@code tables.txt}, {@code figure1.png},
 * {@code figure1.svg}, {@code figure1.pdf}.
 */
@Command(name = "spurious-minima", mixinStandardHelpOptions = true,
        description = {"Safran & Shamir 2018 §3: Tables 1-2 and Figure 1 (spurious local minima of two-layer ReLU nets).",
            "Refused before any work: a selection with no cell (e.g. --tables-only with --k-max < 6), a cell too large "
                    + "for the JVM's memory, an --out that cannot be created or written."})
public final class SpuriousMinimaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--runs", defaultValue = "1000", paramLabel = "R", description = "Runs per cell (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--k-max", defaultValue = "20", paramLabel = "K", description = "Largest k (default ${DEFAULT-VALUE}).")
    int kMax;

    @Option(names = "--k-min", defaultValue = "1", paramLabel = "K", description = "Smallest k (default ${DEFAULT-VALUE}).")
    int kMin;

    @Option(names = "--k-step", defaultValue = "1", paramLabel = "S",
            description = "Take every S-th k from k-min (default ${DEFAULT-VALUE}).")
    int kStep;

    @Option(names = "--offsets", split = ",", paramLabel = "D",
            description = "Instead of n ∈ [k, k-max], use n = k + D for each listed D ≥ 0 (e.g. 0,1,2,3 for the "
                    + "extension beyond k = 20).")
    List<Integer> offsets;

    @Option(names = "--tables-only", description = "Only the 26 cells of Tables 1-2 (n = k, k ≥ 6; n = k + 1 listed rows).")
    boolean tablesOnly;

    @Option(names = "--seed", defaultValue = "2018", paramLabel = "S", description = "Master seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "reproduce-spurious-minima", paramLabel = "DIR",
            description = "Output directory (default ${DEFAULT-VALUE}); a killed sweep resumes from DIR/runs.jsonl.")
    Path out;

    @Mixin
    DescentOptions descent;

    @Mixin
    SearchOptions search;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws JsonProcessingException {
        if (kMin < 1) {
            throw new InputException("--k-min " + kMin + ": must be at least 1");
        }
        if (kMax < kMin) {
            throw new InputException("--k-max " + kMax + ": must be at least --k-min " + kMin + " (and ≥ 1)");
        }
        if (kStep < 1) {
            throw new InputException("--k-step " + kStep + ": must be at least 1");
        }
        SpuriousCommand.checkCommon(kMax, kMax, search);
        int t = search.threadCount();
        Sweep.Settings s = new Sweep.Settings(seed, runs, "xavier", SpuriousCommand.searchSettings(descent), t,
                search.familyTol);
        if (offsets != null) {
            for (int o : offsets) {
                if (o < 0) {
                    throw new InputException("--offsets: " + o + " is negative (n = k + D needs D ≥ 0)");
                }
            }
        }
        // the largest cell decides the memory need (it grows with k and n): refuse before listing the cells
        long nMax = kMax;
        if (offsets != null && !tablesOnly) {
            for (int o : offsets) {
                nMax = Math.max(nMax, (long) kMax + o);
            }
        }
        if (nMax > Integer.MAX_VALUE) {
            throw new InputException("--offsets " + offsets + ": n = k + D exceeds " + Integer.MAX_VALUE);
        }
        SpuriousCommand.checkMemory(kMax, (int) nMax, runs, t);
        List<int[]> cells = new ArrayList<>();
        for (int k = kMin; k <= kMax; k += kStep) {
            if (tablesOnly) {
                if (k >= 6) {
                    cells.add(new int[] {k, k});
                }
                if (io.landscape.impl.experiment.spurious.PaperTables.listed(k, k + 1)) {
                    cells.add(new int[] {k, k + 1});
                }
            } else if (offsets != null) {
                for (int o : offsets) {
                    cells.add(new int[] {k, k + o});
                }
            } else {
                for (int n = k; n <= kMax; n++) {
                    cells.add(new int[] {k, n});
                }
            }
        }
        if (cells.isEmpty()) {
            throw new InputException(String.format(Locale.ROOT, "no cell to run: %s with k from %d to %d%s selects "
                    + "none%s", tablesOnly ? "--tables-only" : offsets != null ? "--offsets " + offsets : "the grid",
                    kMin, kMax, kStep > 1 ? " in steps of " + kStep : "",
                    tablesOnly ? " (Tables 1-2 cover k = 6..20: use --k-max ≥ 6)" : ""));
        }
        for (int[] c : cells) {
            SpuriousCommand.checkMemory(c[0], c[1], runs, t);
        }
        engine.check();
        SpuriousCommand.checkOutput(out, true);
        long start = System.nanoTime();
        List<CellResult> results;
        try (Runner runner = engine.open("reproduce spurious-minima")) {
            results = Sweep.run(cells, s, out, runner, !search.noProgress, System.err);
        }
        double wall = (System.nanoTime() - start) * 1e-9;

        String tables = Reports.tables(results) + Reports.otherCells(results);
        double cpu = results.stream().mapToDouble(CellResult::cpuSeconds).sum();
        String footer = String.format(Locale.ROOT, "%d cells, %d runs per cell, seed %d, %s mode, %d threads; "
                        + "wall time of this invocation %.1f s (resumed runs excluded); CPU time of all runs %.1f s "
                        + "(= %.1f s on %d idle cores)%n", results.size(), runs, seed,
                descent.plain ? "plain" : "accelerated", t, wall, cpu, cpu / t, t);
        AtomicFiles.write(out.resolve("tables.txt"), tables + footer);
        StringBuilder cellsCsv = new StringBuilder(Reports.CELLS_CSV_HEADER).append('\n');
        StringBuilder runsCsv = new StringBuilder(Reports.RUNS_CSV_HEADER).append('\n');
        ObjectNode summary = JsonCodec.object();
        summary.put("experiment", "spurious-minima");
        summary.put("seed", seed);
        summary.put("runsPerCell", runs);
        summary.put("mode", descent.plain ? "plain" : "accelerated");
        summary.put("threads", t);
        summary.put("seconds", wall);
        summary.put("cpuSeconds", cpu);
        ArrayNode arr = summary.putArray("cells");
        for (CellResult c : results) {
            Reports.cellCsv(c, cellsCsv);
            Reports.runsCsv(c, runsCsv);
            arr.add(Reports.cellJson(c, RigorousFamilyCertifier.INSTANCE));
        }
        AtomicFiles.write(out.resolve("cells.csv"), cellsCsv.toString());
        AtomicFiles.write(out.resolve("runs.csv"), runsCsv.toString());
        AtomicFiles.write(out.resolve("summary.json"), JsonCodec.pretty(summary));
        List<CellResult> fig = Figure1.pick(results, kMax);
        if (fig.isEmpty()) {
            fig = results;
        }
        Figure1.write(fig, out, "figure1");
        PrintWriter pw = spec.commandLine().getOut();
        pw.print(tables);
        pw.print(footer);
        pw.println("wrote " + out.resolve("summary.json") + ", cells.csv, runs.csv, tables.txt, figure1.png, figure1.svg, figure1.pdf");
        pw.flush();
        return 0;
    }
}
