package io.landscape.impl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import io.landscape.impl.experiment.AppendLog;
import io.landscape.impl.experiment.overparam.Census;
import io.landscape.impl.experiment.overparam.CensusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code landscape reproduce mild-overparameterization}: paper 000 (Safran, Yehudai &amp; Shamir, mild
 * over-parameterization). {@code --part census} (default) is the §4.2 minima census for n = d = k; {@code --part
 * perturbed-gd} compares plain and perturbed GD (Algorithm 1, Thm 7) near w̃_ij = v_i/m; {@code --part conjecture1}
 * is the probe of Conjecture 1 (App. D.1, Table 1). The package {@code io.landscape.impl.experiment.overparam}
 * documents each.
 */
@Command(name = "mild-overparameterization", mixinStandardHelpOptions = true,
        description = {"Paper 000 (mild over-parameterization): the Sec. 4.2 minima census for n = d = k (families, "
                + "norm sums, H'_ii spectra, rigorous certificates, Figure 1), perturbed GD (Alg. 1) and the "
                + "Conjecture 1 probe (Table 1).",
            "Bad arguments are refused before any work (exit 2)."})
public final class MildOverparameterizationCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--part", defaultValue = "census", paramLabel = "PART",
            description = "census (default), perturbed-gd or conjecture1.")
    String part;

    @Option(names = "--k", split = ",", paramLabel = "LIST",
            description = "Census: the values of k (n = d = k), e.g. 6,10,20 or 6-20 (ranges allowed).")
    List<String> kList;

    @Option(names = "--k-min", paramLabel = "A", description = "Census: smallest k (default 6).")
    Integer kMin;

    @Option(names = "--k-max", paramLabel = "B", description = "Census: largest k (default 100).")
    Integer kMax;

    @Option(names = "--runs", defaultValue = "500", paramLabel = "R",
            description = "Census: Xavier runs per k (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--norm-sum-runs", defaultValue = "100", paramLabel = "R",
            description = "Census: runs per k from a start with norm sum 2k^2 (default ${DEFAULT-VALUE}).")
    int normSumRuns;

    @Option(names = "--seed", defaultValue = "2017", paramLabel = "S", description = "Master seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all processors); results "
            + "do not depend on it.")
    Integer threads;

    @Option(names = "--plain", description = "Census: the paper's loop exactly (gradient steps only, no Newton finish).")
    boolean plain;

    @Option(names = "--max-steps", defaultValue = "20000000", paramLabel = "T",
            description = "Census: step cap per run (default ${DEFAULT-VALUE}).")
    long maxSteps;

    @Option(names = "--family-tol", defaultValue = "1e-6", paramLabel = "TOL",
            description = "Census: family merge distance after optimal permutation (default ${DEFAULT-VALUE}).")
    double familyTol;

    @Option(names = "--no-certify", description = "Census: skip the rigorous certificates.")
    boolean noCertify;

    @Option(names = "--no-plots", description = "Skip the figures.")
    boolean noPlots;

    @Option(names = "--no-progress", description = "No progress bar on stderr.")
    boolean noProgress;

    @picocli.CommandLine.Mixin
    EngineOptions engine;

    @Option(names = "--out", defaultValue = "reproduce-mild-overparameterization", paramLabel = "DIR",
            description = "Output directory (default ${DEFAULT-VALUE}); a killed census resumes from DIR/runs.jsonl.")
    Path out;

    @Override
    public Integer call() throws IOException {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new InputException("--threads " + t + ": must be at least 1");
        }
        switch (part) {
            case "census":
                return census(t);
            case "perturbed-gd":
                checkCensusOptionsUnused();
                SpuriousCommand.checkOutput(out, true);
                return io.landscape.impl.experiment.overparam.PerturbedGdExperiment.command(out, seed, !noPlots,
                        spec.commandLine().getOut());
            case "conjecture1":
                checkCensusOptionsUnused();
                SpuriousCommand.checkOutput(out, true);
                return io.landscape.impl.experiment.overparam.ConjectureProbe.command(out, seed,
                        spec.commandLine().getOut());
            default:
                throw new InputException("--part " + part + ": unknown; expected census, perturbed-gd or conjecture1");
        }
    }

    /** The census's options mean nothing to the other parts: refuse them rather than ignore them. */
    private void checkCensusOptionsUnused() {
        var pr = spec.commandLine().getParseResult();
        for (String o : List.of("--k", "--k-min", "--k-max", "--runs", "--norm-sum-runs", "--plain", "--max-steps",
                "--family-tol", "--no-certify", "--threads", "--engine", "--master")) {
            if (pr.hasMatchedOption(o)) {
                throw new InputException(o + ": only for --part census");
            }
        }
    }

    /** The values of k from --k or --k-min/--k-max (validated). */
    List<Integer> ks() {
        if (kList != null && (kMin != null || kMax != null)) {
            throw new InputException("--k cannot be combined with --k-min/--k-max");
        }
        TreeSet<Integer> set = new TreeSet<>();
        if (kList != null) {
            for (String item : kList) {
                String s = item.trim();
                try {
                    int dash = s.indexOf('-', 1);
                    if (dash > 0) {
                        int a = Integer.parseInt(s.substring(0, dash).trim());
                        int b = Integer.parseInt(s.substring(dash + 1).trim());
                        if (b < a) {
                            throw new InputException("--k " + s + ": the range is empty");
                        }
                        for (int k = a; k <= b; k++) {
                            set.add(check(k, "--k"));
                        }
                    } else {
                        set.add(check(Integer.parseInt(s), "--k"));
                    }
                } catch (NumberFormatException e) {
                    throw new InputException("--k " + s + ": not an integer or a range A-B");
                }
            }
        } else {
            int a = kMin == null ? 6 : kMin;
            int b = kMax == null ? 100 : kMax;
            check(a, "--k-min");
            check(b, "--k-max");
            if (b < a) {
                throw new InputException("--k-max " + b + ": must be at least --k-min " + a);
            }
            for (int k = a; k <= b; k++) {
                set.add(k);
            }
        }
        return new ArrayList<>(set);
    }

    private static int check(int k, String option) {
        if (k < 2 || k > MAX_K) {
            throw new InputException(option + " " + k + ": k must be in [2, " + MAX_K + "]");
        }
        return k;
    }

    /** Largest k: the dense Hessian (k²)² must fit in a Java array. */
    static final int MAX_K = 215;

    private int census(int t) throws IOException {
        List<Integer> ks = ks();
        Census.Settings s;
        try {
            s = new Census.Settings(seed, runs, normSumRuns, plain, maxSteps, familyTol, t);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        int kTop = ks.get(ks.size() - 1);
        double m = (double) kTop * kTop;
        double need = 8.0 * 4 * m * m;
        long max = Runtime.getRuntime().maxMemory();
        if (need > max) {
            throw new InputException(String.format(Locale.ROOT, "k = %d needs about %.1f GiB for the Hessian and the "
                    + "certifier's matrices at a family, but the JVM may use %.1f GiB: reduce --k/--k-max or raise the "
                    + "limit (e.g. LANDSCAPE_JAVA_OPTS='-Xmx%dg')", kTop, need / (1L << 30),
                    max / (double) (1L << 30), (long) Math.ceil(need * 1.25 / (1L << 30))));
        }
        engine.check();
        SpuriousCommand.checkOutput(out, true);
        PrintWriter pw = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        List<Census.Cell> cells;
        try {
            try (io.landscape.impl.sweep.Runner runner = engine.open("reproduce mild-overparameterization")) {
                cells = Census.run(ks, s, out, runner, !noProgress, System.err);
            }
        } catch (AppendLog.InUseException e) {
            throw new InputException(e.getMessage());
        }
        List<CensusReport.CellReport> reports = new ArrayList<>();
        for (Census.Cell c : cells) {
            reports.add(CensusReport.analyse(c, !noCertify));
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        String table = CensusReport.write(reports, s, seconds, out, !noPlots);
        pw.print(table);
        pw.println(String.format(Locale.ROOT, "%s mode, %d Xavier + %d norm-sum runs per k, seed %d, %d threads; "
                + "wall %.1f s; wrote %s (families.csv, runs.csv, table.txt%s)", plain ? "plain" : "accelerated", runs,
                normSumRuns, seed, t, seconds, out.resolve("summary.json"), noPlots ? "" : ", figure1.png/svg/pdf"));
        pw.flush();
        return 0;
    }
}
