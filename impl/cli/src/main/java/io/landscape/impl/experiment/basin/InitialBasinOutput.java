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

    /**
     * The curve points of a {@code summary.json} written by {@link #write} (for redrawing its figures without the
     * simulation: {@code reproduce initial-basin --replot}). A null threshold, bound or exact value reads as NaN.
     *
     * @throws IllegalArgumentException naming the file and the curve when a field is missing or malformed
     */
    public static List<CurvePoint> read(Path summary) throws IOException {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = JsonCodec.MAPPER.readTree(summary.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(summary + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        com.fasterxml.jackson.databind.JsonNode curves = root == null ? null : root.get("curves");
        if (curves == null || !curves.isArray() || curves.isEmpty()) {
            throw new IllegalArgumentException(summary + ": no \"curves\" array (not a summary.json of reproduce "
                    + "initial-basin)");
        }
        List<CurvePoint> points = new ArrayList<>();
        int i = 0;
        for (com.fasterxml.jackson.databind.JsonNode c : curves) {
            try {
                int trials = (int) JsonCodec.getLong(c, "trials", 1, Integer.MAX_VALUE);
                points.add(new CurvePoint(JsonCodec.field(c, "statement").asText(),
                        JsonCodec.field(c, "variant").asText(),
                        (int) JsonCodec.getLong(c, "n", 0, Integer.MAX_VALUE),
                        (int) JsonCodec.getLong(c, "d", 0, Integer.MAX_VALUE),
                        (int) JsonCodec.getLong(c, "m", 0, Integer.MAX_VALUE), trials,
                        (int) JsonCodec.getLong(c, "successes", 0, trials),
                        orNaN(c, "threshold"), orNaN(c, "bound"), "upper".equals(JsonCodec.field(c, "boundKind").asText()),
                        orNaN(c, "exact"), orNaN(c, "seconds")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(summary + ": curves[" + i + "]: " + e.getMessage());
            }
            i++;
        }
        return points;
    }

    private static double orNaN(com.fasterxml.jackson.databind.JsonNode c, String key) {
        com.fasterxml.jackson.databind.JsonNode n = c.get(key);
        return n == null || n.isNull() ? Double.NaN : JsonCodec.readDouble(n, "\"" + key + "\"");
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v) : "";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
