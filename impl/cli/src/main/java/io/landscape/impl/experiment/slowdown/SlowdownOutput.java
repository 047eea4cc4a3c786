package io.landscape.impl.experiment.slowdown;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.experiment.AtomicFiles;
import io.landscape.impl.experiment.JsonCodec;

/**
 * Writes an experiment's results into a directory: {@code summary.json}, {@code curves.csv} and the two panels of
 * paper 003's Figure 1 ({@code figure1-loss.{png,svg,pdf}}, {@code figure1-exponent.{png,svg,pdf}}, and both side by
 * side in {@code figure1.{png,svg,pdf}}; see {@link SlowdownPlots}). Every file is written to a temporary sibling and
 * renamed into place. A run whose loss became non-finite is marked {@code "diverged": true} with
 * {@code "divergedAtStep"} (the first recorded step where it was), and every undefined number is a JSON {@code null}
 * (an empty cell in {@code curves.csv}), never NaN.
 */
public final class SlowdownOutput {
    public static final String SUMMARY = "summary.json";
    public static final String CURVES = "curves.csv";

    private SlowdownOutput() {
    }

    /** Writes all files; returns the paths written, summary first. */
    public static List<Path> write(SlowdownExperiment.Result result, Path dir, boolean plots) throws IOException {
        List<Path> written = new ArrayList<>();
        Path summary = dir.resolve(SUMMARY);
        Path curves = dir.resolve(CURVES);
        // curves and plots first, the summary last: a complete summary.json means a complete directory
        AtomicFiles.write(curves, out -> writeCsv(result, out));
        written.add(curves);
        if (plots) {
            written.addAll(SlowdownPlots.write(result, dir));
        }
        List<String> names = new ArrayList<>();
        for (Path p : written) {
            names.add(p.getFileName().toString());
        }
        ObjectNode json = summary(result, names);
        AtomicFiles.write(summary, out -> JsonCodec.writePretty(out, json));
        written.add(0, summary);
        return written;
    }

    static ObjectNode summary(SlowdownExperiment.Result result, List<String> files) {
        SlowdownConfig c = result.config();
        ObjectNode root = JsonCodec.object();
        root.put("experiment", "slowdown");
        root.put("reference", "Xu & Du, Over-parameterization exponentially slows down gradient descent for learning "
                + "a single neuron (paper 003), Figure 1");
        ObjectNode cfg = root.putObject("config");
        ArrayNode ns = cfg.putArray("n");
        c.ns().forEach(ns::add);
        cfg.put("d", c.d());
        cfg.put("sigma", c.sigma());
        cfg.put("eta", c.eta());
        cfg.put("steps", c.steps());
        cfg.put("seed", c.seed());
        cfg.put("preset", c.preset().label());
        cfg.put("dynamics", c.dynamics().name().toLowerCase(Locale.ROOT));
        cfg.put("pointsPerDecade", c.pointsPerDecade());
        ArrayNode teacher = cfg.putArray("teacher");
        for (double x : result.teacher()) {
            teacher.add(x);
        }
        cfg.put("fitWindow", "least-squares slope of log L against log(eta*T) over T/10 <= step <= T, only points with "
                + "L > " + SlowdownRun.ROUNDING_FLOOR + " (below: rounding noise); null if fewer than two");
        root.set("runs", runs(result.descentRuns()));
        root.set("flowRuns", runs(result.flowRuns()));
        root.put("wallSeconds", result.wallSeconds());
        ArrayNode f = root.putArray("files");
        files.forEach(f::add);
        return root;
    }

    private static ArrayNode runs(List<SlowdownRun> runs) {
        ArrayNode arr = JsonCodec.array();
        for (SlowdownRun r : runs) {
            ObjectNode o = arr.addObject();
            o.put("n", r.n());
            o.put("dynamics", r.dynamics());
            long divergedAt = divergedAt(r);
            o.put("diverged", divergedAt >= 0);
            if (divergedAt >= 0) {
                o.put("divergedAtStep", divergedAt);
            }
            JsonCodec.number(o, "finalLoss", r.finalLoss());
            JsonCodec.number(o, "fittedExponent", r.fittedExponent());
            ObjectNode at = o.putObject("lossAt");
            for (Map.Entry<String, Double> e : r.lossAt().entrySet()) {
                JsonCodec.number(at, e.getKey(), e.getValue());
            }
            JsonCodec.number(o, "finalLogEtaTLoss", r.logEtaTLoss(r.loss().length - 1));
            JsonCodec.number(o, "finalPotential", r.finalPotential());
            o.put("gradientEvaluations", r.gradientEvaluations());
            o.put("wallSeconds", r.wallSeconds());
        }
        return arr;
    }

    /**
     * The first recorded step (T for GD, the step whose time ηT was reached for gradient flow) at which the loss or the
     * potential is not finite — the run diverged there — or −1 if every recorded value is finite.
     */
    public static long divergedAt(SlowdownRun r) {
        for (int i = 0; i < r.loss().length; i++) {
            if (!Double.isFinite(r.loss()[i]) || !Double.isFinite(r.potential()[i])) {
                return r.steps()[i];
            }
        }
        return -1;
    }

    /** One row per (dynamics, n, T): dynamics,n,T,t,loss,log_etaT_loss,Z (t = ηT; empty cell where undefined). */
    static void writeCsv(SlowdownExperiment.Result result, java.io.OutputStream os) {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
        w.print("dynamics,n,T,t,loss,log_etaT_loss,Z\n");
        List<SlowdownRun> all = new ArrayList<>(result.descentRuns());
        all.addAll(result.flowRuns());
        for (SlowdownRun r : all) {
            for (int i = 0; i < r.steps().length; i++) {
                w.print(r.dynamics());
                w.print(',');
                w.print(r.n());
                w.print(',');
                w.print(r.steps()[i]);
                w.print(',');
                w.print(num(r.times()[i]));
                w.print(',');
                w.print(num(r.loss()[i]));
                w.print(',');
                w.print(num(r.logEtaTLoss(i)));
                w.print(',');
                w.print(num(r.potential()[i]));
                w.print('\n');
            }
        }
        w.flush();
    }

    private static String num(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "";
    }
}
