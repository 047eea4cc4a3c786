package io.landscape.impl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.api.Normalization;
import io.landscape.api.Points;
import io.landscape.api.Problem;
import io.landscape.impl.certify.Certificate;
import io.landscape.impl.certify.Certifier;
import io.landscape.impl.certify.InputDigest;
import io.landscape.impl.certify.Options;
import io.landscape.impl.certify.SplitSaddleCertifier;
import io.landscape.impl.certify.SymmetricCertifier;
import io.landscape.impl.linalg.Workers;
import io.landscape.impl.sweep.Parallelism;
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
 * {@code landscape certify --teacher SPEC --points FILE [--polish] [--out FILE]}: a rigorous certificate (paper 002
 * Lemmas 1–3) for every point, one JSON line each:
 * <pre>
 * {"id", "verdict": "spurious-local-minimum" | "not-certified", "reason", "radius", "lambdaMinLowerBound",
 *  "gradientNormUpperBound", "thirdOrderBound", "objective", "objectiveLowerBound", "millis",
 *  "paddingLambdaMinLowerBound", "paddingSpectrum", "anyDimension", "polishSteps",
 *  "distanceMoved", "radiusFromInput", "pointDigest", ["point"], "method", "symmetry", "inputDigest", "checksum"}
 * </pre>
 * Numbers not reached are null (never a number that was not computed: {@code objective} is null when F's enclosure
 * has an infinite end). {@code reason} is a code ({@code ok} or the failed check, see {@link Certifier}).
 * {@code paddingSpectrum}: the floating-point eigenvalues of Lemma 3's n×n matrix M, the spectrum added by every
 * zero-padded coordinate.
 *
 * <h2>How λ_min was bounded ({@code method})</h2>
 * Under the identity teacher ({@code identity:k}, d = k) a point with a symmetry — a group of simultaneous
 * permutations of neurons and coordinates fixing it, as at the minima of the census — is certified by
 * {@link SymmetricCertifier}: {@code "method": "symmetry-blocks"}, {@code "symmetry": "S9×S11"} (the orders of the
 * group's symmetric factors); the point is first symmetrized (each orbit of entries set to its mean; the certified
 * point, exactly invariant, is then printed and {@code distanceMoved} bounds the move). Otherwise
 * {@code "method": "dense"} ({@link Certifier}; {@code "symmetry": ""}), whose factorizations use {@code --threads}
 * threads (the certificate does not depend on it).
 *
 * <h2>Which point was certified</h2>
 * {@code radius} is measured from the certified point, which is the input point, or with {@code --polish} the point
 * after Newton's steps ({@code polishSteps} of them; see {@link Certifier#POLISH_MIN_REDUCTION} for when polishing
 * stops). Every line says which: {@code pointDigest} is the SHA-256 of the certified point's exact bits
 * ({@link InputDigest#ofPoint}), {@code distanceMoved} a rigorous upper bound of its distance from the input point
 * (0 without {@code --polish}), {@code radiusFromInput} = radius + distanceMoved (rounded up), a radius around the
 * point the user gave; with {@code --polish} the certified point itself is printed too ({@code point}, one neuron per
 * row, in the input's dimension).
 *
 * <h2>Resuming with --out</h2>
 * {@code --out FILE} appends each line to FILE as soon as it is computed, and a rerun with the same FILE prints the
 * stored line instead of recomputing it when, and only when, all of these hold:
 * <ul>
 *   <li>its {@code id} is the point's, and its {@code inputDigest} equals the digest of everything that decides the
 *       certificate ({@link InputDigest#of}: the point's exact bits, the teacher, output weights, kernel,
 *       normalisation, every option including {@code --polish}, the program version and the prover's bytecode);</li>
 *   <li>its {@code checksum} (SHA-256 of the line without it) matches, so it was not edited;</li>
 *   <li>its numbers are consistent ({@link Certifier#inconsistency}: e.g. the radius is at least Lemma 1's radius for
 *       the stored λ, ε, B).</li>
 * </ul>
 * Otherwise the point is recomputed (with a note on stderr naming FILE:LINE when a stored line for that id was
 * passed over) and the new line appended. Ids must be unique within a points file (a repeated id is refused before
 * anything is computed). A line in the middle of FILE that is not a certificate is reported with its line number and
 * skipped; a first line that is not one means FILE is not a certificate log, and is refused. FILE is locked for the
 * run ({@link AppendLog}: a second {@code certify} on the same FILE is refused) and is not created at all when no
 * point of the input is usable.
 *
 * <h2>Split saddles (--saddle)</h2>
 * {@code --saddle [--split-neuron LIST] [--alpha LIST]} certifies, for the local minimum near each point, that
 * splitting neuron i into αw_i, (1−α)w_i gives a strict saddle (paper 000 Thms 8–9; see
 * {@link SplitSaddleCertifier}), one JSON line per (point, neuron, α):
 * <pre>
 * {"id", "verdict": "strict-saddle" | "not-certified", "reason", "neuron" (1-based), "alpha", "radius",
 *  "direction", "curvatureAtPoint": [lo, hi], "lipschitz", "curvature": [lo, hi], "splitCurvature": [lo, hi],
 *  "floatSplitCurvature", "minimumVerdict", "minimumReason", "pointDigest", "inputDigest", "millis", "checksum"}
 * </pre>
 * Without {@code --split-neuron} every neuron whose H'_ii has a negative (floating-point) eigenvalue is split; a point
 * with none gets one line with reason {@code no-negative-block}. {@code --alpha} defaults to 0.3,0.5.
 * {@code inputDigest} covers everything {@link InputDigest#of} does plus the neuron and the exact bits of α.
 */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = "Prove (or fail to prove) that each point is within a small radius of a spurious local minimum "
                + "(Safran & Shamir 2018, Lemmas 1-3), in verified floating-point arithmetic. ReLU only.")
public final class CertifyCommand implements Callable<Integer> {
    /** The checksum field closes every line: {@code ,"checksum":"<64 hex>"}}. */
    private static final String CHECKSUM = ",\"checksum\":\"";
    private static final int CHECKSUM_TAIL = CHECKSUM.length() + 64 + 2;


    @Spec
    CommandSpec spec;

    @Mixin
    PointsInput input;

    @Option(names = "--polish", description = "Refine each point by Newton steps before certifying it (the line then "
            + "gives the certified point, its distance from the input and radiusFromInput).")
    boolean polish;

    @Option(names = "--out", paramLabel = "FILE", description = "Also append each result line to FILE as soon as it is "
            + "computed; run again with the same FILE after an interruption and the points it already holds, for the "
            + "same point, teacher and options, are not recomputed (their lines are printed again, so stdout stays "
            + "complete). FILE is locked while in use.")
    Path outFile;

    @Option(names = "--threads", paramLabel = "T", description = "Threads for the dense certifier's factorizations "
            + "(default: all processors); the certificates do not depend on it.")
    Integer threads;

    @Option(names = "--no-progress", description = "No progress bar on stderr (shown for long batches: several "
            + "points with n·d ≥ 1000, or ≥ 100 points).")
    boolean noProgress;

    @Option(names = "--saddle", description = "Certify neuron splits of each point's minimum as strict saddles "
            + "(paper 000 Thms 8-9) instead of the minimum itself: one line per (point, neuron, alpha).")
    boolean saddle;

    @Option(names = "--split-neuron", split = ",", paramLabel = "LIST", description = "With --saddle: the neurons to "
            + "split (1-based; default: every neuron whose H'_ii has a negative eigenvalue).")
    List<Integer> splitNeurons;

    @Option(names = "--alpha", split = ",", paramLabel = "LIST", description = "With --saddle: split fractions in "
            + "(0, 1) (default 0.3,0.5).")
    List<Double> alphas;

    /** A line of an earlier run's --out file. */
    private record Stored(int line, String text, JsonNode node) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads != null && threads < 1) {
            throw new InputException("--threads " + threads + ": must be at least 1");
        }
        if (!saddle && (splitNeurons != null || alphas != null)) {
            throw new InputException((splitNeurons != null ? "--split-neuron" : "--alpha") + " needs --saddle");
        }
        if (saddle) {
            if (outFile != null) {
                throw new InputException("--out is not supported with --saddle (the split lines are printed to "
                        + "stdout)");
            }
            if (splitNeurons != null) {
                for (int i : splitNeurons) {
                    if (i < 1) {
                        throw new InputException("--split-neuron " + i + ": neurons are numbered from 1");
                    }
                }
            }
            if (alphas != null) {
                for (double a : alphas) {
                    if (!(a > 0 && a < 1)) {
                        throw new InputException("--alpha " + a + ": a split fraction must be in (0, 1)");
                    }
                }
            }
        }
        TeacherSpec.Matrix teacher = input.teacherMatrix();
        double[][] v = teacher.rows();
        Normalization norm = input.normalization();
        try {
            Problem.builder().teacher(v).students(1).normalization(norm).build();
        } catch (IllegalArgumentException e) {
            throw new InputException("--teacher " + input.teacher + ": " + e.getMessage());
        }
        int zero = Certifier.zeroTeacherNeuron(v);
        if (zero >= 0) {
            throw new InputException(teacher.where(zero) + ": teacher neuron " + (zero + 1) + " is zero (or so small "
                    + "that its squared norm underflows): the certifier needs nonzero teacher neurons");
        }
        int d = v[0].length;
        List<PointsReader.Entry> entries = input.entries();
        String duplicate = PointsReader.duplicateId(entries);
        if (duplicate != null) {
            throw new InputException(duplicate);
        }
        Options options = Options.defaults().withPolish(polish);
        String version = programVersion();
        boolean anyUsable = false;
        for (PointsReader.Entry e : entries) {
            anyUsable |= PointsReader.problem(e, d, input.teacher) == null;
        }
        int failures = 0;
        AppendLog log = null;
        Map<String, List<Stored>> stored = new HashMap<>();
        if (outFile != null && anyUsable) {
            log = AppendLog.open(outFile);
            try {
                index(log, stored, err);
            } catch (RuntimeException e) {
                log.close();
                throw e;
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
        Parallelism budget = Parallelism.of(threads != null ? threads : Parallelism.available(), "certify");
        try {
            Workers workers = budget.workers();
            for (PointsReader.Entry e : entries) {
                if (bar != null) {
                    bar.stepTo(index);
                }
                index++;
                String bad = PointsReader.problem(e, d, input.teacher);
                if (bad != null) {
                    err.println("landscape certify: " + bad);
                    failures++;
                    continue;
                }
                double[][] w = e.neurons;
                double[] x = Points.flatten(w);
                Problem problem;
                try {
                    problem = Problem.builder().teacher(v).students(w.length).normalization(norm).build();
                } catch (IllegalArgumentException ex) {
                    err.println("landscape certify: " + e.where + ": point '" + e.id + "': " + ex.getMessage());
                    failures++;
                    continue;
                }
                String digest = InputDigest.of(version, problem, x, options);
                if (saddle) {
                    failures += saddles(e, problem, x, options, digest, out, err);
                    continue;
                }
                String reused = reuse(stored.get(e.id), e.id, digest, err);
                if (reused != null) {
                    out.println(reused);
                    out.flush();
                    continue;
                }
                Certificate c;
                try {
                    c = SymmetricCertifier.certify(problem, x, options, workers);
                } catch (IllegalArgumentException ex) {
                    err.println("landscape certify: " + e.where + ": point '" + e.id + "': " + ex.getMessage());
                    failures++;
                    continue;
                }
                String line = line(toJson(e.id, c, polish || c.distanceMoved() != 0.0 ? d : 0, digest));
                if (log != null) {
                    log.append(line);
                }
                out.println(line);
                out.flush();
            }
        } finally {
            budget.close();
            if (bar != null) {
                bar.stepTo(index);
                bar.close();
            }
            if (log != null) {
                log.close();
            }
        }
        err.flush();
        return failures == 0 ? 0 : Main.EXIT_INPUT;
    }

    /** The --saddle lines of one point; returns 1 if the point could not be processed (reported on err). */
    private int saddles(PointsReader.Entry e, Problem problem, double[] x, Options options, String digest,
                        PrintWriter out, PrintWriter err) {
        int n = problem.studentCount();
        int[] which = null;
        if (splitNeurons != null) {
            which = new int[splitNeurons.size()];
            for (int t = 0; t < which.length; t++) {
                int i = splitNeurons.get(t);
                if (i > n) {
                    err.println("landscape certify: " + e.where + ": point '" + e.id + "': --split-neuron " + i
                            + " is not in 1.." + n);
                    return 1;
                }
                which[t] = i - 1;
            }
        }
        double[] as = alphas == null ? SplitSaddleCertifier.DEFAULT_ALPHAS
                : alphas.stream().mapToDouble(Double::doubleValue).toArray();
        List<SplitSaddleCertifier.Result> results;
        try {
            results = SplitSaddleCertifier.certify(problem, x, options, which, as);
        } catch (IllegalArgumentException ex) {
            err.println("landscape certify: " + e.where + ": point '" + e.id + "': " + ex.getMessage());
            return 1;
        }
        if (results.isEmpty()) {
            ObjectNode line = Json.object();
            line.put("id", e.id);
            line.put("verdict", SplitSaddleCertifier.NOT_CERTIFIED);
            line.put("reason", "no-negative-block");
            line.put("pointDigest", InputDigest.ofPoint(x));
            line.put("inputDigest", digest);
            out.println(line(line));
        }
        for (SplitSaddleCertifier.Result r : results) {
            out.println(line(saddleJson(e.id, r, InputDigest.ofText(digest + " split " + r.neuron() + " "
                    + Long.toHexString(Double.doubleToRawLongBits(r.alpha()))))));
        }
        out.flush();
        return 0;
    }

    /** The output fields of a split-saddle result. */
    static ObjectNode saddleJson(String id, SplitSaddleCertifier.Result r, String inputDigest) {
        ObjectNode line = Json.object();
        line.put("id", id);
        line.put("verdict", r.verdict());
        line.put("reason", r.reason());
        line.put("neuron", r.neuron() + 1);
        line.put("alpha", r.alpha());
        Json.number(line, "radius", r.radius());
        ArrayNode dir = line.putArray("direction");
        for (double u : r.direction()) {
            dir.add(u);
        }
        pair(line, "curvatureAtPoint", r.curvatureAtPoint());
        Json.number(line, "lipschitz", r.lipschitz());
        pair(line, "curvature", r.curvature());
        pair(line, "splitCurvature", r.splitCurvature());
        Json.number(line, "floatSplitCurvature", r.floatSplitCurvature());
        line.put("minimumVerdict", r.minimum().verdict());
        line.put("minimumReason", r.minimum().reason());
        line.put("pointDigest", InputDigest.ofPoint(r.point()));
        line.put("millis", Math.round((r.millis() + r.minimum().millis()) * 1000.0) / 1000.0);
        line.put("inputDigest", inputDigest);
        return line;
    }

    private static void pair(ObjectNode line, String name, double[] lohi) {
        if (Double.isFinite(lohi[0]) && Double.isFinite(lohi[1])) {
            ArrayNode a = line.putArray(name);
            a.add(lohi[0]);
            a.add(lohi[1]);
        } else {
            line.putNull(name);
        }
    }

    /** The version string of the command line (part of every input digest). */
    static String programVersion() {
        Command c = Main.class.getAnnotation(Command.class);
        return c == null || c.version().length == 0 ? "landscape" : String.join(" ", c.version());
    }

    /** Reads the lines of an earlier run by id; the first line must be a certificate, later bad ones are reported. */
    private void index(AppendLog log, Map<String, List<Stored>> stored, PrintWriter err) {
        boolean first = true;
        int oldFormat = 0;
        for (AppendLog.Line l : log.existing()) {
            JsonNode node = null;
            String problem = null;
            try {
                node = TeacherSpec.readOne(l.text());
                if (node == null || !node.isObject() || !node.path("id").isTextual()
                        || !node.path("verdict").isTextual()) {
                    problem = "not a certificate line";
                }
            } catch (java.io.IOException ex) {
                problem = "not JSON (" + (ex instanceof JsonProcessingException j ? TeacherSpec.jsonMessage(j)
                        : ex.getMessage()) + ")";
            }
            if (problem != null) {
                if (first) {
                    throw new InputException(outFile + ":" + l.number() + ": " + problem + ", so " + outFile
                            + " is not a certificate log from an earlier 'certify --out': refusing to append to it "
                            + "(choose another --out)");
                }
                err.println("landscape certify: " + outFile + ":" + l.number() + ": " + problem
                        + ": skipped (the point it held, if any, is recomputed)");
                continue;
            }
            first = false;
            if (!node.path("inputDigest").isTextual()) {
                oldFormat++;
                continue;
            }
            stored.computeIfAbsent(node.get("id").asText(), k -> new ArrayList<>()).add(new Stored(l.number(),
                    l.text(), node));
        }
        if (oldFormat > 0) {
            err.println("landscape certify: " + outFile + ": " + oldFormat + " line(s) from an earlier version (no "
                    + "inputDigest) are not reused: their points are recomputed");
        }
    }

    /**
     * The stored line to print again for point {@code id} with input digest {@code digest}, or null (recompute). The
     * newest matching line that passes its checks wins.
     */
    private String reuse(List<Stored> candidates, String id, String digest, PrintWriter err) {
        if (candidates == null) {
            return null;
        }
        List<Integer> other = new ArrayList<>();
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Stored s = candidates.get(i);
            if (!digest.equals(s.node().path("inputDigest").asText())) {
                other.add(s.line());
                continue;
            }
            String why = validate(s.text(), s.node());
            if (why == null) {
                return s.text();
            }
            err.println("landscape certify: " + outFile + ":" + s.line() + ": the stored certificate of '" + id
                    + "' fails its check (" + why + "): recomputed");
        }
        if (!other.isEmpty()) {
            java.util.Collections.reverse(other);
            err.println("landscape certify: " + outFile + ":" + join(other) + ": the stored result"
                    + (other.size() > 1 ? "s" : "") + " for '" + id + "' answered another question (another point, "
                    + "teacher, normalisation, options or program version): recomputed");
        }
        return null;
    }

    private static String join(List<Integer> lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(lines.size(), 5); i++) {
            b.append(i > 0 ? "," : "").append(lines.get(i));
        }
        return lines.size() > 5 ? b + ",…" : b.toString();
    }

    /** Why a stored line cannot be printed as a certificate, or null. */
    static String validate(String text, JsonNode node) {
        if (!checksumMatches(text)) {
            return "its checksum does not match its content: the line was edited or damaged";
        }
        return Certifier.inconsistency(node.path("verdict").asText(), node.path("reason").asText(),
                number(node, "radius"), number(node, "lambdaMinLowerBound"), number(node, "gradientNormUpperBound"),
                number(node, "thirdOrderBound"), number(node, "objective"), number(node, "objectiveLowerBound"));
    }

    private static double number(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n != null && n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /** Whether {@code line} ends with the checksum of the rest. */
    static boolean checksumMatches(String line) {
        int n = line.length();
        if (n <= CHECKSUM_TAIL || !line.endsWith("\"}")) {
            return false;
        }
        int at = n - CHECKSUM_TAIL;
        if (!line.startsWith(CHECKSUM, at)) {
            return false;
        }
        String hex = line.substring(at + CHECKSUM.length(), n - 2);
        return hex.equals(InputDigest.ofText(line.substring(0, at) + "}"));
    }

    /** The JSON text of {@code node} with its checksum appended as the last field. */
    static String line(ObjectNode node) {
        String body = Json.line(node);
        return body.substring(0, body.length() - 1) + CHECKSUM + InputDigest.ofText(body) + "\"}";
    }

    /**
     * The output fields of a certificate ({@code d} &gt; 0: also the certified point, as rows of d).
     */
    static ObjectNode toJson(String id, Certificate c, int d, String inputDigest) {
        ObjectNode line = Json.object();
        line.put("id", id);
        line.put("verdict", c.verdict());
        line.put("reason", c.reason());
        Json.number(line, "radius", c.radius());
        Json.number(line, "lambdaMinLowerBound", c.lambdaMinLowerBound());
        Json.number(line, "gradientNormUpperBound", c.gradientNormUpperBound());
        Json.number(line, "thirdOrderBound", c.thirdOrderBound());
        Json.number(line, "objective", c.objective());
        Json.number(line, "objectiveLowerBound", c.objectiveLowerBound());
        line.put("millis", Math.round(c.millis() * 1000.0) / 1000.0);
        Json.number(line, "paddingLambdaMinLowerBound", c.paddingLambdaMinLowerBound());
        ArrayNode spectrum = line.putArray("paddingSpectrum");
        for (double ev : c.paddingSpectrum()) {
            io.landscape.impl.experiment.JsonCodec.finite(spectrum, ev);
        }
        line.put("anyDimension", c.anyDimension());
        line.put("polishSteps", c.polishSteps());
        Json.number(line, "distanceMoved", c.distanceMoved());
        Json.number(line, "radiusFromInput", c.radiusFromInput());
        line.put("pointDigest", InputDigest.ofPoint(c.point()));
        if (d > 0) {
            line.set("point", Json.rows(c.point(), d));
        }
        line.put("method", c.method());
        line.put("symmetry", c.symmetry());
        line.put("inputDigest", inputDigest);
        return line;
    }

}
