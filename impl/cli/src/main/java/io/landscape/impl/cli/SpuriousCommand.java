package io.landscape.impl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.experiment.AtomicFiles;
import io.landscape.impl.experiment.JsonCodec;
import io.landscape.impl.experiment.spurious.CellResult;
import io.landscape.impl.experiment.spurious.RigorousFamilyCertifier;
import io.landscape.impl.experiment.spurious.Reports;
import io.landscape.impl.experiment.spurious.SpuriousSearch;
import io.landscape.impl.experiment.spurious.Sweep;
import io.landscape.impl.optim.GradientDescent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code landscape spurious --k K --n N --runs R [--seed S] [--threads T] [--out DIR]}: the paper-002 search for one
 * (k, n) cell. Writes {@code DIR/summary.json} (k, n, runs, spuriousRuns, families with point / multiplicity /
 * objective / lambdaMin / gradientNorm / certified / certificate {radius, lambdaMinLowerBound, objectiveLowerBound}
 * or {reason} / certificateMillis, seconds, …), {@code DIR/runs.csv} (one line per run: seed, iterations, final F,
 * family id) and the resumable log {@code DIR/runs.jsonl}; prints a one-line JSON digest.
 *
 * <p>Refused before any work: n &lt; k (no zero-loss point exists, so every run would end "spurious"); a cell whose
 * memory estimate ({@link SpuriousSearch#memoryBytes}) exceeds the JVM's limit; an output directory that cannot be
 * created or written (an existing file, a read-only place).
 */
@Command(name = "spurious", mixinStandardHelpOptions = true,
        description = {"Search one (k, n) cell for spurious local minima by gradient descent from random starts.",
            "Needs n ≥ k: with fewer students than teachers no point has zero loss, so every run would count as "
                    + "spurious. The cell's memory need is estimated first and a search that cannot fit is refused. "
                    + "In summary.json each family's certificate is an object {radius, lambdaMinLowerBound, "
                    + "objectiveLowerBound} (or {reason} when not certified), its time in certificateMillis."})
public final class SpuriousCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--k", required = true, paramLabel = "K", description = "Teacher neurons v_j = e_j in R^K (≥ 1).")
    int k;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Student neurons (≥ 1).")
    int n;

    @Option(names = "--runs", required = true, paramLabel = "R", description = "Number of runs (≥ 1).")
    int runs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Master seed (default ${DEFAULT-VALUE}); run r uses the per-run seed hash(S, r) (column seed "
                    + "of runs.csv; `landscape descend --search-shortcuts --seed <it>` replays the run).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default spurious-k<K>-n<N>). "
            + "An interrupted search resumes from DIR/runs.jsonl.")
    Path out;

    @Mixin
    InitOption init;

    @Mixin
    DescentOptions descent;

    @Mixin
    SearchOptions search;

    @Override
    public Integer call() throws JsonProcessingException {
        checkCommon(k, n, search);
        if (n < k) {
            throw new InputException("--n " + n + " < --k " + k + ": with fewer students than teachers no point has "
                    + "zero loss, so every run would end at a non-global point and count as spurious; the search "
                    + "needs n ≥ k");
        }
        String initSpec = init.normalized(k);
        int t = search.threadCount();
        Sweep.Settings s = new Sweep.Settings(seed, runs, initSpec, searchSettings(descent), t, search.familyTol);
        checkMemory(k, n, runs, t);
        Path dir = out != null ? out : Paths.get("spurious-k" + k + "-n" + n);
        checkOutput(dir, out != null);
        List<CellResult> cells = Sweep.run(List.of(new int[] {k, n}), s, dir, !search.noProgress, System.err);
        CellResult c = cells.get(0);
        ObjectNode summary = Reports.cellJson(c, RigorousFamilyCertifier.INSTANCE);
        summary.put("seed", seed);
        summary.put("init", initSpec);
        summary.put("mode", descent.plain ? "plain" : "accelerated");
        summary.put("threads", t);
        AtomicFiles.write(dir.resolve("summary.json"), JsonCodec.pretty(summary));
        StringBuilder csv = new StringBuilder(Reports.RUNS_CSV_HEADER).append('\n');
        Reports.runsCsv(c, csv);
        AtomicFiles.write(dir.resolve("runs.csv"), csv.toString());
        ObjectNode digest = Json.object();
        digest.put("k", k);
        digest.put("n", n);
        digest.put("runs", c.runs().size());
        digest.put("spuriousRuns", c.spuriousRuns());
        digest.put("percent", c.percent());
        double[] ci = c.wilson95();
        digest.putArray("percentCi95").add(ci[0]).add(ci[1]);
        digest.put("families", c.families().size());
        digest.put("seconds", c.seconds());
        digest.put("summary", dir.resolve("summary.json").toString());
        PrintWriter pw = spec.commandLine().getOut();
        pw.println(Json.line(digest));
        pw.flush();
        return 0;
    }

    /** The descent of a search's runs: the paper's loop ({@code --plain}) or the accelerated one, capped. */
    static GradientDescent.Settings searchSettings(DescentOptions descent) {
        return (descent.plain ? GradientDescent.Settings.plain() : GradientDescent.Settings.accelerated())
                .withMaxSteps(descent.maxSteps);
    }

    /**
     * Checks the arguments that no settings record of the command holds before any work (--runs, --threads and
     * --max-steps are checked by {@link Sweep.Settings} and {@code GradientDescent.Settings}).
     */
    static void checkCommon(int k, int n, SearchOptions search) {
        double familyTol = search.familyTol;
        if (k < 1) {
            throw new InputException("--k " + k + ": must be at least 1");
        }
        if (n < 1) {
            throw new InputException("--n " + n + ": must be at least 1");
        }
        if (!(familyTol > 0)) {
            throw new InputException("--family-tol " + familyTol + ": must be positive");
        }
    }

    /** Refuses a cell that cannot fit into the JVM's memory ({@link SpuriousSearch#memoryProblem}). */
    static void checkMemory(int k, int n, int runs, int threads) {
        String problem = SpuriousSearch.memoryProblem(k, n, runs, threads, Runtime.getRuntime().maxMemory());
        if (problem != null) {
            throw new InputException(problem);
        }
    }

    /** Checks (and creates) the output directory before any work; one message naming it otherwise. */
    static void checkOutput(Path dir, boolean given) {
        String problem = AtomicFiles.checkOutputDirectory(dir);
        if (problem != null) {
            throw new InputException((given ? "--out " : "output directory ") + problem);
        }
    }
}
