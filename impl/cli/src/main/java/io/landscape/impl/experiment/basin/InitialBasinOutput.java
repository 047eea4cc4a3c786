package io.landscape.impl.experiment.basin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.experiment.AtomicFiles;
import io.landscape.impl.experiment.JsonCodec;

/**
 * Writes {@code summary.json} ({@code curves: [{statement, variant, n, d, m, trials, successes, empirical, stderr,
 * wilsonLow, wilsonHigh, bound, boundKind, holds, threshold, exact, seconds}]}), {@code curves.csv} (the same columns)
 * and the figures. Non-finite numbers are written as null.
 */
public final class InitialBasinOutput {
    public static final String SUMMARY = "summary.json";
    public static final String CSV = "curves.csv";

    private InitialBasinOutput() {
    }

    public static List<Path> write(InitialBasinExperiment.Result result, Path dir, boolean plots) throws IOException {
        List<Path> files = new ArrayList<>();
        ObjectNode root = JsonCodec.object();
        root.put("paper", "001: Safran & Shamir, On the Quality of the Initial Basin in Overspecified Neural Networks");
        root.put("seed", result.config().seed());
        root.put("trials", result.config().trials());
        root.put("quick", result.config().quick());
        root.put("wallSeconds", result.wallSeconds());
        boolean all = true;
        ArrayNode curves = root.putArray("curves");
        StringBuilder csv = new StringBuilder("statement,variant,n,d,m,trials,successes,empirical,stderr,wilsonLow,"
                + "wilsonHigh,bound,boundKind,holds,threshold,exact,seconds\n");
        for (CurvePoint p : result.points()) {
            ObjectNode c = curves.addObject();
            double[] w = p.wilson();
            c.put("statement", p.statement());
            c.put("variant", p.variant());
            c.put("n", p.n());
            c.put("d", p.d());
            c.put("m", p.m());
            c.put("trials", p.trials());
            c.put("successes", p.successes());
            JsonCodec.number(c, "empirical", p.empirical());
            JsonCodec.number(c, "stderr", p.stderr());
            JsonCodec.number(c, "wilsonLow", w[0]);
            JsonCodec.number(c, "wilsonHigh", w[1]);
            JsonCodec.number(c, "bound", p.bound());
            c.put("boundKind", p.upperBound() ? "upper" : "lower");
            c.put("holds", p.holds());
            JsonCodec.number(c, "threshold", p.threshold());
            JsonCodec.number(c, "exact", p.exact());
            JsonCodec.number(c, "seconds", p.seconds());
            all &= p.holds();
            csv.append(String.join(",", p.statement(), quote(p.variant()), Integer.toString(p.n()),
                    Integer.toString(p.d()), Integer.toString(p.m()), Integer.toString(p.trials()),
                    Integer.toString(p.successes()), num(p.empirical()), num(p.stderr()), num(w[0]), num(w[1]),
                    num(p.bound()), p.upperBound() ? "upper" : "lower", Boolean.toString(p.holds()),
                    num(p.threshold()), num(p.exact()), num(p.seconds()))).append('\n');
        }
        root.put("allBoundsHold", all);
        if (plots) {
            files.addAll(BasinFigures.write(result, dir));
        }
        ArrayNode figs = root.putArray("figures");
        for (Path f : files) {
            figs.add(f.getFileName().toString());
        }
        Path csvPath = dir.resolve(CSV);
        AtomicFiles.write(csvPath, csv.toString());
        files.add(csvPath);
        Path summary = dir.resolve(SUMMARY);
        AtomicFiles.write(summary, JsonCodec.pretty(root) + "\n");
        files.add(summary);
        return files;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v) : "";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
