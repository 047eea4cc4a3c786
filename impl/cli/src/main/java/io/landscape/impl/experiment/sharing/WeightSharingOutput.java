package io.landscape.impl.experiment.sharing;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.experiment.AtomicFiles;
import io.landscape.impl.experiment.JsonCodec;
import io.landscape.impl.experiment.plot.Axis;
import io.landscape.impl.experiment.plot.Figure;
import io.landscape.impl.experiment.plot.Marker;
import io.landscape.impl.experiment.plot.Palette;
import io.landscape.impl.experiment.plot.Panel;
import io.landscape.impl.experiment.plot.Series;
import io.landscape.impl.sharing.SharingTheorems;

/**
 * Writes {@code summary.json} (the contract: {@code cosine: [{k, u0Norm, ws: {steps, finalDistance}, fc: {steps,
 * finalLoss}}]}, {@code erf: [{d, seed, ws: {finalDistance}, fc: {escapeStep}}]} with escapeStep null when there was
 * no escape within the horizon, {@code sgd: [{data, target, g, architecture, seed, finalLoss, initialLoss}]}, plus
 * more fields and {@code theorems}), the CSV of every curve and the figures (PNG, SVG, PDF). Non-finite numbers are
 * written as null.
 */
public final class WeightSharingOutput {
    public static final String SUMMARY = "summary.json";
    static final Color WS = Palette.VERMILLION;
    static final Color FC = Palette.BLUE;

    private WeightSharingOutput() {
    }

    private static void write(Path file, String text, List<Path> files) throws IOException {
        AtomicFiles.write(file, os -> os.write(text.getBytes(StandardCharsets.UTF_8)));
        files.add(file);
    }

    public static List<Path> write(WeightSharingExperiment.Result result, Path dir, boolean plots) throws IOException {
        List<Path> files = new ArrayList<>();
        WeightSharingExperiment.Config c = result.config();
        ObjectNode root = JsonCodec.object();
        root.put("paper", "004: Shalev-Shwartz, Shamir & Shammah, Weight Sharing is Crucial to Successful Optimization");
        root.put("part", c.part());
        root.put("seeds", c.seeds());
        root.put("quick", c.quick());
        if (!(c.data().equals("all") && c.target().equals("all") && c.g().equals("all"))) {
            ObjectNode only = root.putObject("sgdSelection");
            only.put("data", c.data());
            only.put("target", c.target());
            only.put("g", c.g());
        }
        ObjectNode settings = root.putObject("settings");
        settings.put("cosine", "c_k = 3 sqrt(k), d = " + c.cosineD() + ", u0 random direction; WS: GD, eta = 1/(9k + 2k"
                + " + sqrt k), w0 ~ N(0, I/d), until |w0 - u0| <= 1e-6; FC: GD, eta = 1/(9k + 2), w1 = the WS start, "
                + "(w2..wk) on Thm 1's ring at radius 0.4 sqrt(k-1)|u0|, horizon " + c.cosineHorizon()
                + " steps; escapeStep = first step with F < 1/4");
        settings.put("erf", "k = " + c.erfK() + ", |u0|^2 = 12k^2/pi^2, target erf(u0.x1) + prod_l erf(u0.x_l), loss "
                + "F^(1,k); WS: projected GD onto |w0| <= |u0|, eta = " + WeightSharingExperiment.ERF_WS_STEP
                + ", w0 ~ N(0, I/d) with w0.u0 > 0, until |w0 - u0| <= 1e-6 (horizon " + c.erfWsHorizon()
                + "); FC: GD, eta = " + WeightSharingExperiment.ERF_FC_STEP + ", coordinates uniform on {+-c}, c = "
                + "|u0|/sqrt d, horizon " + c.erfFcHorizon() + "; escapeStep = first step with F < plateau/2, "
                + "plateau = V(u0,u0)^k / 2");
        settings.put("sgd", "k = 5, eta = 0.5, batch 128, loss mean (yhat - y)^2 / 2, " + c.sgdIterations()
                + " iterations, fresh samples; u0 random with std(u0.x_l) = 2; init truncated normal std "
                + "1/sqrt(fan-in), biases 0; learnt g: FC 50 -> ReLU -> FC 1; gaussian: d = 75; mnist: 10x10 "
                + "patches (d = 100), each from its own random digit and position, pixels in [0, 1] minus the mean patch; "
                + "initialLoss = first batch, finalLoss = mean of the last 100 batches");
        ObjectNode timing = root.putObject("seconds");
        JsonCodec.number(timing, "cosine", result.cosineSeconds());
        JsonCodec.number(timing, "erf", result.erfSeconds());
        JsonCodec.number(timing, "sgd", result.sgdSeconds());
        JsonCodec.number(timing, "sgdCpu", result.sgdCpuSeconds());
        JsonCodec.number(timing, "total", result.wallSeconds());

        ArrayNode cos = root.putArray("cosine");
        StringBuilder cosCsv = new StringBuilder("k,u0Norm,step,fcLoss\n");
        for (CosineSweep.Result r : result.cosine()) {
            ObjectNode o = cos.addObject();
            o.put("k", r.k());
            o.put("u0Norm", r.u0Norm());
            o.put("d", r.d());
            ObjectNode ws = o.putObject("ws");
            ws.put("steps", r.wsSteps());
            JsonCodec.number(ws, "finalDistance", r.wsFinalDistance());
            JsonCodec.number(ws, "thm2Bound", r.wsBound());
            ws.put("withinBound", r.wsFinalDistance() <= CosineSweep.EPS && r.wsSteps() <= r.wsBound());
            ObjectNode fc = o.putObject("fc");
            fc.put("steps", r.fcSteps());
            JsonCodec.number(fc, "finalLoss", r.fcFinalLoss());
            JsonCodec.number(fc, "initialLoss", r.fcInitialLoss());
            if (r.fcEscapeStep() == null) {
                fc.putNull("escapeStep");
            } else {
                fc.put("escapeStep", r.fcEscapeStep());
            }
            double[] s = r.fcCurveSteps();
            double[] l = r.fcCurveLoss();
            for (int i = 0; i < s.length; i++) {
                cosCsv.append(String.format(Locale.ROOT, "%d,%s,%d,%.10g%n", r.k(), r.u0Norm(), (long) s[i], l[i]));
            }
        }
        ArrayNode erf = root.putArray("erf");
        StringBuilder erfFc = new StringBuilder("d,seed,step,fcLoss\n");
        StringBuilder erfWs = new StringBuilder("d,seed,step,wsDistance,wsAngle\n");
        for (ErfParity.Result r : result.erf()) {
            ObjectNode o = erf.addObject();
            o.put("d", r.d());
            o.put("seed", r.seed());
            JsonCodec.number(o, "plateau", r.plateau());
            ObjectNode ws = o.putObject("ws");
            JsonCodec.number(ws, "finalDistance", r.wsFinalDistance());
            ws.put("steps", r.wsSteps());
            JsonCodec.number(ws, "initialAngle", r.wsInitialAngle());
            ObjectNode fc = o.putObject("fc");
            if (r.fcEscapeStep() == null) {
                fc.putNull("escapeStep");
            } else {
                fc.put("escapeStep", r.fcEscapeStep());
            }
            fc.put("horizon", r.fcHorizon());
            JsonCodec.number(fc, "finalLoss", r.fcFinalLoss());
            for (int i = 0; i < r.fcCurveSteps().length; i++) {
                erfFc.append(String.format(Locale.ROOT, "%d,%d,%d,%.10g%n", r.d(), r.seed(),
                        (long) r.fcCurveSteps()[i], r.fcCurveLoss()[i]));
            }
            for (int i = 0; i < r.wsCurveSteps().length; i++) {
                erfWs.append(String.format(Locale.ROOT, "%d,%d,%d,%.10g,%.10g%n", r.d(), r.seed(),
                        (long) r.wsCurveSteps()[i], r.wsCurveDistance()[i], r.wsCurveAngle()[i]));
            }
        }
        ArrayNode sgd = root.putArray("sgd");
        StringBuilder sgdCsv = new StringBuilder("data,target,g,architecture,seed,iteration,loss\n");
        for (SgdExperiment.Result r : result.sgd()) {
            ObjectNode o = sgd.addObject();
            o.put("data", r.data());
            o.put("target", r.target());
            o.put("g", r.g());
            o.put("architecture", r.architecture());
            o.put("seed", r.seed());
            JsonCodec.number(o, "finalLoss", r.finalLoss());
            JsonCodec.number(o, "initialLoss", r.initialLoss());
            JsonCodec.number(o, "seconds", r.seconds());
            JsonCodec.number(o, "cpuSeconds", r.cpuSeconds());
            double[] cv = r.curve();
            for (int i = 0; i < cv.length; i++) {
                sgdCsv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%d,%.8g%n", r.data(), r.target(), r.g(),
                        r.architecture(), r.seed(), (i + 1) * SgdExperiment.WINDOW, cv[i]));
            }
        }
        theorems(root.putObject("theorems"), result.theorems());
        if (!result.cosine().isEmpty()) {
            write(dir.resolve("cosine-fc-curves.csv"), cosCsv.toString(), files);
        }
        if (!result.erf().isEmpty()) {
            write(dir.resolve("erf-fc-curves.csv"), erfFc.toString(), files);
            write(dir.resolve("erf-ws-curves.csv"), erfWs.toString(), files);
        }
        if (!result.sgd().isEmpty()) {
            write(dir.resolve("sgd-curves.csv"), sgdCsv.toString(), files);
        }
        if (plots) {
            WeightSharingFigures.write(result, dir, files);
        }
        Path summary = dir.resolve(SUMMARY);
        String json = JsonCodec.pretty(root) + "\n";
        write(summary, json, files);
        return files;
    }

    private static void theorems(ObjectNode t, WeightSharingExperiment.Theorems th) {
        ArrayNode thm2 = t.putArray("thm2WsEigenvalues");
        for (WeightSharingExperiment.Thm2 r : th.thm2()) {
            ObjectNode o = thm2.addObject();
            o.put("k", r.k());
            o.put("min", r.min());
            o.put("max", r.max());
            o.put("ratio", r.max() / r.min());
            o.put("printedLow", r.printedLow());
            o.put("printedHigh", r.printedHigh());
            o.put("printedRangeHolds", r.min() >= r.printedLow() && r.max() <= r.printedHigh());
            o.put("correctedLow", r.correctedLow());
            o.put("correctedHigh", r.correctedHigh());
            o.put("correctedRangeHolds", r.min() >= r.correctedLow() && r.max() <= r.correctedHigh());
        }
        ArrayNode thm1 = t.putArray("thm1FcRing");
        for (SharingTheorems.RingCheck r : th.thm1()) {
            ObjectNode o = thm1.addObject();
            o.put("k", r.k());
            o.put("u0Norm", r.u0Norm());
            o.put("maxGradient", r.maxGradient());
            o.put("gradientBound", r.gradientBound());
            o.put("minGap", r.minGap());
            o.put("gapBound", r.gapBound());
            o.put("holds", r.holds());
        }
        ArrayNode l2 = t.putArray("lemma2");
        for (double[] r : th.lemma2()) {
            ObjectNode o = l2.addObject();
            o.put("k", (int) r[0]);
            o.put("vk", r[1]);
            o.put("claimedLowerBound", r[2]);
            o.put("holds", r[1] > r[2] && r[1] > 0.25);
        }
        ArrayNode l6 = t.putArray("lemma6");
        for (SharingTheorems.Lemma6 r : th.lemma6()) {
            ObjectNode o = l6.addObject();
            o.put("k", r.k());
            o.put("d", r.d());
            o.put("trials", r.trials());
            o.put("empirical", r.empirical());
            o.put("bound", r.bound());
        }
        ArrayNode l8 = t.putArray("lemma8");
        for (double[] r : th.lemma8()) {
            ObjectNode o = l8.addObject();
            o.put("k", (int) r[0]);
            o.put("minLoss", r[1]);
            o.put("bound", 1.0 / 16);
            o.put("holds", r[1] > 1.0 / 16);
        }
        ObjectNode l5 = t.putObject("lemma5");
        l5.put("c1AtZero", th.lemma5C1AtZero());
        l5.put("c1BelowOneForNormAbove", th.lemma5Threshold());
        l5.put("claimC1BelowOneHolds", false);
    }
}
