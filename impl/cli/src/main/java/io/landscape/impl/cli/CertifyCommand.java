package io.landscape.impl.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.api.Normalization;
import io.landscape.api.Points;
import io.landscape.api.Problem;
import io.landscape.impl.certify.Certificate;
import io.landscape.impl.certify.Certifier;
import io.landscape.impl.certify.Options;
import io.landscape.impl.experiment.AppendLog;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code landscape certify --teacher SPEC --points FILE [--polish]}: a rigorous certificate (paper 002 Lemmas 1–3) for
 * every point, one JSON line each: {@code {"id", "verdict": "spurious-local-minimum" | "not-certified", "reason",
 * "radius", "lambdaMinLowerBound", "gradientNormUpperBound", "thirdOrderBound", "objective", "objectiveLowerBound",
 * "millis", "paddingLambdaMinLowerBound", "paddingSpectrum", "anyDimension", "polishSteps"}} (paddingSpectrum: the
 * floating-point eigenvalues of Lemma 3's n×n matrix M, the spectrum added by every zero-padded coordinate). Numbers not reached are null. See
 * {@link Certifier} for the checks and their order.
 */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = "Prove (or fail to prove) that each point is within a small radius of a spurious local minimum "
                + "(Safran & Shamir 2018, Lemmas 1-3), in verified floating-point arithmetic. ReLU only.")
public final class CertifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PointsInput input;


    @Option(names = "--polish", description = "Refine each point by Newton steps before certifying it.")
    boolean polish;

    @Option(names = "--out", paramLabel = "FILE", description = "Also append each result line to FILE as soon as it is "
            + "computed; run again with the same FILE after an interruption and the points whose id it already holds "
            + "are not recomputed (their lines are printed again, so stdout stays complete).")
    java.nio.file.Path outFile;

    @Option(names = "--no-progress", description = "No progress bar on stderr (shown for long batches: several "
            + "points with n·d ≥ 1000, or ≥ 100 points).")
    boolean noProgress;


    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        double[][] v = input.teacher();
        Normalization norm = input.normalization();
        List<PointsReader.Entry> entries = input.entries();
        Options options = Options.defaults().withPolish(polish);
        int failures = 0;
        java.util.Map<String, String> done = new java.util.HashMap<>();
        AppendLog log = null;
        if (outFile != null) {
            log = AppendLog.open(outFile);
            for (String line : log.existingLines()) {
                try {
                    done.put(Json.MAPPER.readTree(line).get("id").asText(), line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException | NullPointerException ex) {
                    log.close();
                    throw new InputException(outFile + ": a line that is not a certificate from an earlier run: "
                            + line.substring(0, Math.min(80, line.length())));
                }
            }
        }
        int largest = 0;
        for (PointsReader.Entry e : entries) {
            if (e.neurons != null && e.neurons.length > 0) {
                largest = Math.max(largest, e.neurons.length * e.neurons[0].length);
            }
        }
        ProgressBar bar = null;
        if (!noProgress && ((entries.size() > 1 && largest >= 1000) || entries.size() >= 100)) {
            bar = new ProgressBarBuilder().setTaskName("certify").setInitialMax(entries.size())
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(500).setUnit(" points", 1).build();
        }
        int index = 0;
        try {
            for (PointsReader.Entry e : entries) {
                if (bar != null) {
                    bar.stepTo(index);
                }
                index++;
                String cached = done.get(e.id);
                if (cached != null) {
                    out.println(cached);
                    out.flush();
                    continue;
                }
                String bad = PointsReader.problem(e, v[0].length, input.teacher);
                if (bad != null) {
                    err.println("landscape certify: " + bad);
                    failures++;
                    continue;
                }
                double[][] w = e.neurons;
                Problem problem;
                try {
                    problem = Problem.builder().teacher(v).students(w.length).normalization(norm).build();
                } catch (IllegalArgumentException ex) {
                    err.println("landscape certify: " + e.where + ": point '" + e.id + "': " + ex.getMessage());
                    failures++;
                    continue;
                }
                Certificate c;
                try {
                    c = Certifier.certify(problem, Points.flatten(w), options);
                } catch (IllegalArgumentException ex) {
                    err.println("landscape certify: " + e.where + ": point '" + e.id + "': " + ex.getMessage());
                    failures++;
                    continue;
                }
                String line = Json.line(toJson(e.id, c));
                if (log != null) {
                    log.append(line);
                }
                out.println(line);
                out.flush();
            }
        } finally {
            if (bar != null) {
                bar.stepTo(index);
                bar.close();
            }
            if (log != null) {
                log.close();
            }
        }
        return failures == 0 ? 0 : Main.EXIT_INPUT;
    }

    static ObjectNode toJson(String id, Certificate c) {
        ObjectNode line = Json.object();
        line.put("id", id);
        line.put("verdict", c.verdict());
        line.put("reason", c.reason());
        number(line, "radius", c.radius());
        number(line, "lambdaMinLowerBound", c.lambdaMinLowerBound());
        number(line, "gradientNormUpperBound", c.gradientNormUpperBound());
        number(line, "thirdOrderBound", c.thirdOrderBound());
        number(line, "objective", c.objective());
        number(line, "objectiveLowerBound", c.objectiveLowerBound());
        line.put("millis", Math.round(c.millis() * 1000.0) / 1000.0);
        number(line, "paddingLambdaMinLowerBound", c.paddingLambdaMinLowerBound());
        com.fasterxml.jackson.databind.node.ArrayNode spectrum = line.putArray("paddingSpectrum");
        for (double ev : c.paddingSpectrum()) {
            spectrum.add(ev);
        }
        line.put("anyDimension", c.anyDimension());
        line.put("polishSteps", c.polishSteps());
        return line;
    }

    private static void number(ObjectNode line, String name, double value) {
        if (Double.isFinite(value)) {
            line.put(name, value);
        } else {
            line.putNull(name);
        }
    }
}
