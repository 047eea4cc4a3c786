package io.landscape.impl.experiment.spurious;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.experiment.AppendLog;
import io.landscape.impl.optim.GradientDescent;

/**
 * The append-only run log {@code runs.jsonl} that makes sweeps resumable: line 1 is a header with the settings that
 * determine the results (seed, runs, init, mode, step, tol, max-steps); every further line is one finished run
 * ({@code k, n, run, seed, iterations, …, value, point} — the point only for candidates). Each line is written with a
 * single write and flushed to the OS at once, so killing the process loses at most the runs in flight; the file is
 * fsync'ed at most once a second and on close. On open, a torn last line (no newline) is cut off, the header is
 * compared with the requested settings (a mismatch is an error: use another output directory), and the finished
 * runs are returned so the sweep skips them.
 */
public final class RunLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AppendLog log;
    private final Map<String, RunRecord> done = new HashMap<>();

    private RunLog(AppendLog log) {
        this.log = log;
    }

    /** Opens (or creates) the log in {@code dir}; {@code header} holds the result-determining settings. */
    public static RunLog open(Path dir, ObjectNode header) {
        Path file = dir.resolve("runs.jsonl");
        AppendLog appendLog = AppendLog.open(file);
        RunLog log = new RunLog(appendLog);
        try {
            log.load(header);
        } catch (IOException | RuntimeException e) {
            appendLog.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot read run log " + file + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
        return log;
    }

    private void load(ObjectNode header) throws IOException {
        List<String> lines = log.existingLines();
        if (lines.isEmpty()) {
            log.append(JSON.writeValueAsString(header.put("type", "header")));
            log.sync();
            return;
        }
        JsonNode first = JSON.readTree(lines.get(0));
        for (String key : List.of("seed", "runs", "init", "mode", "step", "tol", "maxSteps")) {
            JsonNode want = header.get(key);
            JsonNode have = first.get(key);
            if (want != null && (have == null || !have.asText().equals(want.asText()))) {
                throw new IllegalArgumentException(log.file() + " was written with " + key + " = "
                        + (have == null ? "(none)" : have.asText()) + ", not " + want.asText()
                        + ": use another --out directory (or delete it) to start a different sweep");
            }
        }
        for (int i = 1; i < lines.size(); i++) {
            RunRecord r = parse(JSON.readTree(lines.get(i)));
            done.put(key(r.k(), r.n(), r.run()), r);
        }
    }

    private static String key(int k, int n, int run) {
        return k + "," + n + "," + run;
    }

    /** The finished runs of cell (k, n) by run index (a new map). */
    public Map<Integer, RunRecord> finished(int k, int n) {
        Map<Integer, RunRecord> m = new HashMap<>();
        for (RunRecord r : done.values()) {
            if (r.k() == k && r.n() == n) {
                m.put(r.run(), r);
            }
        }
        return m;
    }

    /** Number of finished runs in the log. */
    public int size() {
        return done.size();
    }

    public Path file() {
        return log.file();
    }

    /** Appends one finished run (thread-safe). */
    public synchronized void append(RunRecord r) {
        try {
            log.append(JSON.writeValueAsString(toJson(r)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        done.put(key(r.k(), r.n(), r.run()), r);
    }

    @Override
    public synchronized void close() {
        log.close();
    }

    static ObjectNode toJson(RunRecord r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("k", r.k());
        o.put("n", r.n());
        o.put("run", r.run());
        o.put("seed", r.seed());
        o.put("iterations", r.iterations());
        o.put("totalIterations", r.totalIterations());
        o.put("newtonSteps", r.newtonSteps());
        o.put("restarts", r.restarts());
        o.put("step", r.step());
        o.put("stop", r.stop().name());
        putDouble(o, "value", r.value());
        putDouble(o, "maxGradient", r.maxNeuronGradient());
        o.put("seconds", r.seconds());
        o.put("cpuSeconds", r.cpuSeconds());
        if (r.point() != null) {
            ArrayNode p = o.putArray("point");
            for (double v : r.point()) {
                p.add(v);
            }
        }
        return o;
    }

    private static void putDouble(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.put(key, Double.toString(v));
        }
    }

    private static double getDouble(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asText());
    }

    static RunRecord parse(JsonNode o) {
        double[] point = null;
        if (o.has("point")) {
            JsonNode p = o.get("point");
            point = new double[p.size()];
            for (int i = 0; i < point.length; i++) {
                point[i] = p.get(i).asDouble();
            }
        }
        return new RunRecord(o.get("k").asInt(), o.get("n").asInt(), o.get("run").asInt(), o.get("seed").asLong(),
                o.get("iterations").asLong(), o.get("totalIterations").asLong(), o.get("newtonSteps").asInt(),
                o.get("restarts").asInt(), o.get("step").asDouble(), GradientDescent.Stop.valueOf(o.get("stop").asText()),
                getDouble(o.get("value")), getDouble(o.get("maxGradient")), o.get("seconds").asDouble(),
                o.path("cpuSeconds").asDouble(o.get("seconds").asDouble()), point);
    }
}
