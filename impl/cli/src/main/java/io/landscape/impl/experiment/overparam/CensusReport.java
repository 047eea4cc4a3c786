package io.landscape.impl.experiment.overparam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.experiment.JsonCodec;
import io.landscape.impl.certify.Certificate;
import io.landscape.impl.experiment.AtomicFiles;
import io.landscape.impl.experiment.plot.Axis;
import io.landscape.impl.experiment.plot.Figure;
import io.landscape.impl.experiment.plot.Palette;
import io.landscape.impl.experiment.plot.Panel;
import io.landscape.impl.experiment.plot.Series;

/**
 * The census's outputs: one analysed cell per k ({@link CellReport}), {@code summary.json} (the contract:
 * {@code cells: [{k, n, runs, globalRuns, families: [{point, multiplicity, objective, lambdaMin, normSum,
 * blockLambdaMin, certified, …}]}]}, the norm-sum starts apart in {@code normSumStartRuns}), {@code families.csv},
 * {@code runs.csv}, {@code table.txt} and Figure 1 ({@code figure1.png/.svg/.pdf}).
 */
public final class CensusReport {

    /** One cell with its families analysed. */
    public record CellReport(int k, Census.Cell cell, List<FamilyAnalysis> families, double analysisSeconds) {
        public long runs(CensusRun.Start s) {
            return cell.runs().stream().filter(r -> r.start() == s).count();
        }

        public long global(CensusRun.Start s) {
            return cell.runs().stream().filter(r -> r.start() == s && r.global()).count();
        }

        public long notMinimum(CensusRun.Start s) {
            return cell.runs().stream().filter(r -> r.start() == s && r.family() == CensusRun.NOT_A_MINIMUM).count();
        }

        /** Certificate times (ms) of the certified-or-not families. */
        public double[] certificateMillis() {
            return families.stream().filter(f -> f.certificate() != null).mapToDouble(f -> f.certificate().millis())
                    .sorted().toArray();
        }
    }

    private CensusReport() {
    }

    /** Analyses the families of a cell (each once; multiplicities counted per start). */
    public static CellReport analyse(Census.Cell cell, boolean certify) {
        long t0 = System.nanoTime();
        Map<Integer, int[]> counts = new HashMap<>();
        for (CensusRun r : cell.runs()) {
            if (r.family() > 0) {
                counts.computeIfAbsent(r.family(), x -> new int[2])[r.start().ordinal()]++;
            }
        }
        List<FamilyBook.Entry> entries = new ArrayList<>(cell.families());
        entries.removeIf(e -> !counts.containsKey(e.id()));
        // families by increasing F, then id: a stable order for the reports
        entries.sort((a, b) -> a.value() != b.value() ? Double.compare(a.value(), b.value())
                : Integer.compare(a.id(), b.id()));
        FamilyAnalysis[] out = new FamilyAnalysis[entries.size()];
        java.util.stream.IntStream.range(0, entries.size()).parallel().forEach(i -> {
            FamilyBook.Entry e = entries.get(i);
            int[] c = counts.get(e.id());
            out[i] = FamilyAnalysis.of(cell.k(), e, c[0], c[1], certify);
        });
        return new CellReport(cell.k(), cell, List.of(out), (System.nanoTime() - t0) * 1e-9);
    }

    static ObjectNode familyJson(FamilyAnalysis f, int multiplicity) {
        ObjectNode o = JsonCodec.MAPPER.createObjectNode();
        o.put("id", f.id());
        ArrayNode p = o.putArray("point");
        for (double[] row : f.point()) {
            ArrayNode r = p.addArray();
            for (double v : row) {
                r.add(v);
            }
        }
        o.put("multiplicity", multiplicity);
        o.put("objective", f.objective());
        o.put("lambdaMin", f.lambdaMin());
        o.put("normSum", f.normSum());
        ArrayNode b = o.putArray("blockLambdaMin");
        for (double v : f.blockLambdaMin()) {
            b.add(v);
        }
        ArrayNode e = o.putArray("eq68Lambda");
        for (double v : f.eq68()) {
            e.add(v);
        }
        o.put("gradientNorm", f.gradientNorm());
        o.put("someBlockIndefinite", f.someBlockIndefinite());
        o.put("certified", f.certified());
        Certificate c = f.certificate();
        if (c != null) {
            ObjectNode cj = o.putObject("certificate");
            cj.put("verdict", c.verdict());
            cj.put("reason", c.reason());
            put(cj, "radius", c.radiusFromInput()); // from the family's point (the certified one may be symmetrized)
            put(cj, "lambdaMinLowerBound", c.lambdaMinLowerBound());
            put(cj, "gradientNormUpperBound", c.gradientNormUpperBound());
            put(cj, "objectiveLowerBound", c.objectiveLowerBound());
            cj.put("millis", c.millis());
            cj.put("method", c.method());
        }
        return o;
    }

    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.put(key, Double.toString(v));
        }
    }

    /** The summary of all cells. */
    public static ObjectNode summary(List<CellReport> cells, Census.Settings s, double seconds) {
        ObjectNode root = JsonCodec.MAPPER.createObjectNode();
        root.put("experiment", "mild-overparameterization");
        root.put("paper", "000 §4.2");
        root.set("settings", s.header().without("type"));
        root.put("threads", s.threads());
        root.put("seconds", seconds);
        ArrayNode arr = root.putArray("cells");
        for (CellReport c : cells) {
            ObjectNode o = arr.addObject();
            o.put("k", c.k());
            o.put("n", c.k());
            o.put("d", c.k());
            o.put("runs", c.runs(CensusRun.Start.XAVIER));
            o.put("globalRuns", c.global(CensusRun.Start.XAVIER));
            o.put("notMinimumRuns", c.notMinimum(CensusRun.Start.XAVIER));
            ArrayNode fam = o.putArray("families");
            boolean normSumOk = true;
            boolean blockOk = true;
            int certified = 0;
            for (FamilyAnalysis f : c.families()) {
                if (f.multiplicity() > 0) {
                    fam.add(familyJson(f, f.multiplicity()));
                }
                normSumOk &= f.normSum() <= c.k();
                blockOk &= f.someBlockIndefinite();
                certified += f.certified() ? 1 : 0;
            }
            o.put("distinctSpuriousFamilies", c.families().size());
            o.put("everyNormSumAtMostK", normSumOk);
            o.put("everyFamilyHasIndefiniteBlock", blockOk);
            o.put("familiesCertified", certified);
            ObjectNode ns = o.putObject("normSumStartRuns");
            ns.put("runs", c.runs(CensusRun.Start.NORM_SUM));
            ns.put("globalRuns", c.global(CensusRun.Start.NORM_SUM));
            ns.put("notMinimumRuns", c.notMinimum(CensusRun.Start.NORM_SUM));
            ArrayNode nf = ns.putArray("families");
            for (FamilyAnalysis f : c.families()) {
                if (f.normSumMultiplicity() > 0) {
                    nf.add(familyJson(f, f.normSumMultiplicity()));
                }
            }
            double[] ms = c.certificateMillis();
            if (ms.length > 0) {
                o.put("certificateMillisMedian", ms[ms.length / 2]);
                o.put("certificateMillisWorst", ms[ms.length - 1]);
            }
            double cpu = c.cell().runs().stream().mapToDouble(CensusRun::cpuSeconds).sum();
            o.put("runCpuSeconds", cpu);
            o.put("runCpuSecondsPerRun", cpu / Math.max(1, c.cell().runs().size()));
            o.put("wallSeconds", c.cell().seconds());
            o.put("analysisSeconds", c.analysisSeconds());
        }
        return root;
    }

    public static final String FAMILIES_CSV = "k,start,family,multiplicity,objective,lambdaMin,normSum,"
            + "minBlockLambdaMin,negativeBlocks,minEq68,gradientNorm,certified,radius,certMillis";

    public static String familiesCsv(List<CellReport> cells) {
        StringBuilder b = new StringBuilder(FAMILIES_CSV).append('\n');
        for (CellReport c : cells) {
            for (FamilyAnalysis f : c.families()) {
                for (CensusRun.Start s : CensusRun.Start.values()) {
                    int mult = s == CensusRun.Start.XAVIER ? f.multiplicity() : f.normSumMultiplicity();
                    if (mult == 0) {
                        continue;
                    }
                    Certificate cert = f.certificate();
                    b.append(String.format(Locale.ROOT, "%d,%s,%d,%d,%.17g,%.10g,%.12g,%.10g,%d,%.10g,%.3g,%s,%s,%s%n",
                            c.k(), s.key(), f.id(), mult, f.objective(), f.lambdaMin(), f.normSum(),
                            Arrays.stream(f.blockLambdaMin()).min().orElse(Double.NaN),
                            Arrays.stream(f.blockLambdaMin()).filter(v -> v < 0).count(),
                            Arrays.stream(f.eq68()).min().orElse(Double.NaN), f.gradientNorm(), f.certified(),
                            cert == null ? "" : String.format(Locale.ROOT, "%.3g", cert.radius()),
                            cert == null ? "" : String.format(Locale.ROOT, "%.1f", cert.millis())));
                }
            }
        }
        return b.toString();
    }

    public static final String RUNS_CSV = "k,start,run,seed,family,stop,iterations,newtonSteps,value,gradientNorm,"
            + "normSum,cpuSeconds";

    public static String runsCsv(List<CellReport> cells) {
        StringBuilder b = new StringBuilder(RUNS_CSV).append('\n');
        for (CellReport c : cells) {
            for (CensusRun r : c.cell().runs()) {
                b.append(String.format(Locale.ROOT, "%d,%s,%d,%d,%d,%s,%d,%d,%.17g,%.3g,%.15g,%.4f%n", r.k(),
                        r.start().key(), r.run(), r.seed(), r.family(), r.stop(), r.iterations(), r.newtonSteps(),
                        r.value(), r.gradientNorm(), r.normSum(), r.cpuSeconds()));
            }
        }
        return b.toString();
    }

    /** The per-k table: runs, global fraction with its binomial standard error, families, checks. */
    public static String table(List<CellReport> cells) {
        StringBuilder b = new StringBuilder();
        b.append("   k  runs  global  frac±se          fam  F_min      F_max      lamMin_min  normSum_max  "
                + "allNS<=k  allBlk<0  cert    nsRuns nsGlob nsFam  cpu/run\n");
        for (CellReport c : cells) {
            long runs = c.runs(CensusRun.Start.XAVIER);
            long glob = c.global(CensusRun.Start.XAVIER);
            double p = runs == 0 ? Double.NaN : (double) glob / runs;
            double se = runs == 0 ? Double.NaN : Math.sqrt(p * (1 - p) / runs);
            double fmin = c.families().stream().mapToDouble(FamilyAnalysis::objective).min().orElse(Double.NaN);
            double fmax = c.families().stream().mapToDouble(FamilyAnalysis::objective).max().orElse(Double.NaN);
            double lmin = c.families().stream().mapToDouble(FamilyAnalysis::lambdaMin).min().orElse(Double.NaN);
            double nsmax = c.families().stream().mapToDouble(FamilyAnalysis::normSum).max().orElse(Double.NaN);
            boolean ns = c.families().stream().allMatch(f -> f.normSum() <= c.k());
            boolean blk = c.families().stream().allMatch(FamilyAnalysis::someBlockIndefinite);
            long cert = c.families().stream().filter(FamilyAnalysis::certified).count();
            long nsFam = c.families().stream().filter(f -> f.normSumMultiplicity() > 0).count();
            double cpu = c.cell().runs().stream().mapToDouble(CensusRun::cpuSeconds).sum()
                    / Math.max(1, c.cell().runs().size());
            b.append(String.format(Locale.ROOT, "%4d %5d %7d  %.3f±%.3f  %6d  %-9.6f  %-9.6f  %-10.3e  %-11.5f  %-8s  "
                            + "%-8s  %3d/%-3d %6d %6d %5d  %.3fs%n", c.k(), runs, glob, p, se,
                    c.families().stream().filter(f -> f.multiplicity() > 0).count(), fmin, fmax, lmin, nsmax,
                    ns ? "yes" : "NO", blk ? "yes" : "NO", cert, c.families().size(), c.runs(CensusRun.Start.NORM_SUM),
                    c.global(CensusRun.Start.NORM_SUM), nsFam, cpu));
        }
        return b.toString();
    }

    /** The ks drawn in Figure 1: those of 20, 50, 100 present, else the (up to three) largest. */
    static List<CellReport> figureCells(List<CellReport> cells) {
        List<CellReport> out = new ArrayList<>();
        for (CellReport c : cells) {
            if (c.k() == 20 || c.k() == 50 || c.k() == 100) {
                out.add(c);
            }
        }
        if (out.isEmpty()) {
            List<CellReport> sorted = new ArrayList<>(cells);
            sorted.sort((a, b) -> Integer.compare(b.k(), a.k()));
            out.addAll(sorted.subList(0, Math.min(3, sorted.size())));
            out.sort((a, b) -> Integer.compare(a.k(), b.k()));
        }
        return out;
    }

    /**
     * Figure 1: per k, the histogram of Σ_i‖w_i‖ over the Xavier runs that ended at a spurious minimum (25 bins
     * between the smallest norm sum and k), and the runs at a global minimum (norm sum exactly k) as one bar at k of
     * the same width.
     */
    public static List<Path> figure(List<CellReport> cells, Path dir) throws IOException {
        List<CellReport> pick = figureCells(cells);
        Figure fig = new Figure(190, 170);
        for (CellReport c : pick) {
            double k = c.k();
            double[] ns = c.cell().runs().stream().filter(r -> r.start() == CensusRun.Start.XAVIER
                    && r.family() > 0).mapToDouble(CensusRun::normSum).toArray();
            long global = c.global(CensusRun.Start.XAVIER);
            double lo = Arrays.stream(ns).min().orElse(k - 1e-3);
            int bins = 25;
            double width = Math.max((k - lo) / bins, 1e-12 * k);
            double start = k - bins * width;
            int[] count = new int[bins];
            for (double v : ns) {
                int bin = (int) Math.floor((v - start) / width);
                count[Math.max(0, Math.min(bins - 1, bin))]++;
            }
            // plotted as the deficit (Σ‖w_i‖ − k)·10³: the spurious norm sums lie within ~10⁻³ of k
            double u = 1e3;
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            xs.add((start - k) * u);
            ys.add(0.0);
            for (int i = 0; i < bins; i++) {
                xs.add((start + i * width - k) * u);
                ys.add((double) count[i]);
                xs.add((start + (i + 1) * width - k) * u);
                ys.add((double) count[i]);
            }
            xs.add(0.0);
            ys.add(0.0);
            int top = Math.max((int) global, Arrays.stream(count).max().orElse(1));
            double ymax = Math.max(1, Math.ceil(top * 1.45));
            double span = (k - start + 3 * width) * u;
            double step = Math.pow(10, Math.floor(Math.log10(span))) / 2;
            double xlo = -Math.ceil((k - start + width) * u / step) * step;
            double xhi = Math.ceil(2 * width * u / step) * step;
            Panel p = new Panel(Axis.linear(xlo, xhi), Axis.linear(0, ymax))
                    .title("k = n = " + c.k()).xLabel("(\u03A3\u1D62\u2016w\u1D62\u2016 \u2212 k) \u00D7 10\u00B3")
                    .yLabel("runs").grid(true).legend(Panel.LegendPlace.AUTO);
            p.add(Series.of("spurious (" + ns.length + ")", xs, ys).color(Palette.BLUE).width(1.2f));
            p.add(Series.of("global (" + global + ")", new double[] {0, 0, width * u, width * u},
                    new double[] {0, global, global, 0}).color(Palette.VERMILLION).width(1.2f));
            fig.add(p);
        }
        fig.caption("Norm sums \u03A3\u1D62\u2016w\u1D62\u2016 at the end points of gradient descent (n = d = k, step "
                + "5/k, \u2016\u2207F\u2016 \u2264 1e-12) from Xavier starts: spurious minima lie just below k "
                + "(25 bins from the smallest to k); global minima have exactly k.");
        return fig.write(dir, "figure1");
    }

    /** Writes summary.json, families.csv, runs.csv, table.txt and the figure; returns the table. */
    public static String write(List<CellReport> cells, Census.Settings s, double seconds, Path dir, boolean plots)
            throws IOException {
        AtomicFiles.write(dir.resolve("summary.json"), JsonCodec.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(summary(cells, s, seconds)));
        AtomicFiles.write(dir.resolve("families.csv"), familiesCsv(cells));
        AtomicFiles.write(dir.resolve("runs.csv"), runsCsv(cells));
        String table = table(cells);
        AtomicFiles.write(dir.resolve("table.txt"), table);
        if (plots && !cells.isEmpty()) {
            figure(cells, dir);
        }
        return table;
    }
}
