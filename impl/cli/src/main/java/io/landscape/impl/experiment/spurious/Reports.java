package io.landscape.impl.experiment.spurious;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.api.Points;
import io.landscape.api.Problem;
import io.landscape.impl.experiment.JsonCodec;

/** JSON, CSV and text renderings of cell results (shared by the {@code spurious} and {@code reproduce} commands). */
public final class Reports {
    private Reports() {
    }

    /** One cell as JSON: the {@code summary.json} of {@code landscape spurious}. */
    public static ObjectNode cellJson(CellResult c, FamilyCertifier certifier) {
        ObjectNode o = JsonCodec.object();
        o.put("k", c.k());
        o.put("n", c.n());
        o.put("runs", c.runs().size());
        o.put("spuriousRuns", c.spuriousRuns());
        o.put("percent", c.percent());
        double[] ci = c.wilson95();
        ArrayNode ciNode = o.putArray("percentCi95");
        ciNode.add(ci[0]);
        ciNode.add(ci[1]);
        JsonCodec.number(o, "averageLambdaMin", c.averageLambdaMin());
        JsonCodec.number(o, "averageObjective", c.averageObjective());
        o.put("globalRuns", c.globalRuns());
        o.put("unconvergedCandidates", c.unconvergedCandidates());
        o.put("divergedRuns", c.divergedRuns());
        o.put("saddleRuns", c.saddleRuns());
        PaperTables.Row paper = PaperTables.row(c.k(), c.n());
        if (paper != null) {
            ObjectNode p = o.putObject("paper");
            p.put("percent", paper.percent());
            JsonCodec.number(p, "averageLambdaMin", paper.lambdaMin());
            JsonCodec.number(p, "averageObjective", paper.objective());
            p.put("withinCi95", c.paperWithinCi95());
        }
        Problem problem = certifier == FamilyCertifier.NONE ? null : Problem.identityTeacher(c.k(), c.k(), c.n());
        ArrayNode fams = o.putArray("families");
        for (Family f : c.families()) {
            fams.add(familyJson(f, certifier, problem));
        }
        ArrayNode others = o.putArray("otherCandidates");
        for (Family f : c.otherCandidates()) {
            others.add(familyJson(f, certifier, problem));
        }
        o.put("seconds", c.seconds());
        o.put("runSeconds", c.runSeconds());
        o.put("cpuSeconds", c.cpuSeconds());
        o.put("totalIterations", c.totalIterations());
        return o;
    }

    static ObjectNode familyJson(Family f, FamilyCertifier certifier, Problem problem) {
        ObjectNode o = JsonCodec.object();
        o.put("id", f.id());
        o.set("point", JsonCodec.rows(f.point()));
        o.put("multiplicity", f.multiplicity());
        o.put("objective", f.objective());
        o.put("lambdaMin", f.lambdaMin());
        o.put("gradientNorm", f.gradientNorm());
        o.put("maxNeuronGradient", f.maxNeuronGradient());
        o.put("minNeuronNorm", f.minNeuronNorm());
        o.put("maxDistance", f.maxDistance());
        o.put("minimum", f.minimum());
        FamilyCertifier.Certificate cert = problem == null ? null
                : certifier.certify(problem, Points.flatten(f.point()));
        if (cert == null) {
            o.putNull("certified");
        } else {
            o.put("certified", cert.certified());
            ObjectNode c = o.putObject("certificate");
            if (cert.certified()) {
                JsonCodec.number(c, "radius", cert.radius());
                JsonCodec.number(c, "lambdaMinLowerBound", cert.lambdaMinLowerBound());
                JsonCodec.number(c, "objectiveLowerBound", cert.objectiveLowerBound());
            } else {
                c.put("reason", cert.reason());
            }
            JsonCodec.number(o, "certificateMillis", cert.millis());
        }
        ArrayNode runs = o.putArray("runs");
        f.runs().forEach(runs::add);
        return o;
    }

    /** Header of the per-run CSV. */
    public static final String RUNS_CSV_HEADER =
            "k,n,run,seed,iterations,totalIterations,newtonSteps,restarts,step,stop,value,maxGradient,seconds,cpuSeconds,"
            + "family";

    /** Appends one CSV line per run of the cell (family id, or 0 for runs in no family). */
    public static void runsCsv(CellResult c, StringBuilder out) {
        for (RunRecord r : c.runs()) {
            out.append(r.k()).append(',').append(r.n()).append(',').append(r.run()).append(',').append(r.seed())
                    .append(',').append(r.iterations()).append(',').append(r.totalIterations()).append(',')
                    .append(r.newtonSteps()).append(',').append(r.restarts()).append(',').append(r.step()).append(',')
                    .append(r.stop()).append(',').append(r.value()).append(',').append(r.maxNeuronGradient())
                    .append(',').append(r.seconds()).append(',').append(r.cpuSeconds()).append(',')
                    .append(c.familyOf(r.run())).append('\n');
        }
    }

    /** Header of the per-cell CSV (reproduce's {@code cells.csv}). */
    public static final String CELLS_CSV_HEADER = "k,n,runs,spuriousRuns,percent,ciLow,ciHigh,averageLambdaMin,"
            + "averageObjective,families,saddleRuns,unconvergedCandidates,divergedRuns,paperPercent,paperLambdaMin,"
            + "paperObjective,paperWithinCi95,seconds,runSeconds,cpuSeconds";

    public static void cellCsv(CellResult c, StringBuilder out) {
        double[] ci = c.wilson95();
        PaperTables.Row p = PaperTables.row(c.k(), c.n());
        out.append(c.k()).append(',').append(c.n()).append(',').append(c.runs().size()).append(',')
                .append(c.spuriousRuns()).append(',').append(fmt(c.percent())).append(',').append(fmt(ci[0])).append(',')
                .append(fmt(ci[1])).append(',').append(num(c.averageLambdaMin())).append(',')
                .append(num(c.averageObjective())).append(',').append(c.families().size()).append(',')
                .append(c.saddleRuns()).append(',')
                .append(c.unconvergedCandidates()).append(',').append(c.divergedRuns()).append(',')
                .append(p == null ? "" : fmt(p.percent())).append(',').append(p == null ? "" : num(p.lambdaMin()))
                .append(',').append(p == null ? "" : num(p.objective())).append(',')
                .append(p == null ? "" : Boolean.toString(c.paperWithinCi95()))
                .append(',').append(fmt(c.seconds())).append(',').append(fmt(c.runSeconds())).append(',')
                .append(fmt(c.cpuSeconds())).append('\n');
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }

    /**
     * Tables 1 and 2 side by side with the paper: one line per cell with n = k (Table 1) or n = k + 1 (Table 2),
     * ours (percentage, Wilson 95 % interval, average λ_min and F) next to the published numbers; "ok" marks a
     * published percentage inside our interval.
     */
    public static String tables(List<CellResult> cells) {
        return tables(cells, RigorousFamilyCertifier.INSTANCE);
    }

    /** As {@link #tables(List)}, with the "certified" column (certified families / families) from {@code certifier}. */
    public static String tables(List<CellResult> cells, FamilyCertifier certifier) {
        StringBuilder sb = new StringBuilder();
        for (int offset = 0; offset <= 1; offset++) {
            sb.append(offset == 0 ? "Table 1 (n = k)" : "Table 2 (n = k + 1)")
                    .append(" — % of runs at a spurious local minimum; ours vs Safran & Shamir 2018\n");
            sb.append(String.format(Locale.ROOT, "%3s %3s %6s | %7s %17s %9s %8s %9s | %7s %9s %8s | %s%n", "k",
                    "n", "runs", "ours %", "95% CI", "λ_min", "F", "certified", "paper %", "λ_min", "F", "paper in CI"));
            for (CellResult c : cells) {
                if (c.n() != c.k() + offset) {
                    continue;
                }
                sb.append(row(c, certifier));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The other cells (n ≥ k + 2) in the same format. */
    public static String otherCells(List<CellResult> cells) {
        StringBuilder sb = new StringBuilder();
        for (CellResult c : cells) {
            if (c.n() >= c.k() + 2) {
                if (sb.length() == 0) {
                    sb.append("Other cells (n ≥ k + 2; the paper found none)\n");
                }
                sb.append(row(c, RigorousFamilyCertifier.INSTANCE));
            }
        }
        return sb.toString();
    }

    /** "certified families / families" of a cell, e.g. "3/3"; "—" without families. */
    static String certifiedColumn(CellResult c, FamilyCertifier certifier) {
        if (c.families().isEmpty()) {
            return "—";
        }
        Problem problem = Problem.identityTeacher(c.k(), c.k(), c.n());
        int ok = 0;
        for (Family f : c.families()) {
            FamilyCertifier.Certificate cert = certifier.certify(problem, Points.flatten(f.point()));
            if (cert != null && cert.certified()) {
                ok++;
            }
        }
        return ok + "/" + c.families().size();
    }

    private static String row(CellResult c, FamilyCertifier certifier) {
        double[] ci = c.wilson95();
        PaperTables.Row p = PaperTables.row(c.k(), c.n());
        String paperPct = p == null ? "—" : String.format(Locale.ROOT, "%.1f", p.percent());
        String verdict = p == null ? "(beyond paper)" : (c.paperWithinCi95() ? "ok" : "OUTSIDE");
        return String.format(Locale.ROOT, "%3d %3d %6d | %7.1f   [%5.1f, %5.1f] %9s %8s %9s | %7s %9s %8s | %s%n",
                c.k(), c.n(), c.runs().size(), c.percent(), ci[0], ci[1], short4(c.averageLambdaMin()),
                short4(c.averageObjective()), certifiedColumn(c, certifier), paperPct, p == null ? "—" : short4(p.lambdaMin()),
                p == null ? "—" : short4(p.objective()), verdict);
    }

    private static String short4(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "—";
    }
}
