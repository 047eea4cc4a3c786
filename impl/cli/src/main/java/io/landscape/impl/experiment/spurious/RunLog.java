package io.landscape.impl.experiment.spurious;

import static io.landscape.impl.experiment.JsonCodec.field;
import static io.landscape.impl.experiment.JsonCodec.getDouble;
import static io.landscape.impl.experiment.JsonCodec.getLong;
import static io.landscape.impl.experiment.JsonCodec.readDouble;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.experiment.AppendLog;
import io.landscape.impl.experiment.JsonCodec;
import io.landscape.impl.optim.GradientDescent;
import io.landscape.impl.sweep.ResultStore;

/**
 * The append-only run log {@code runs.jsonl} that makes sweeps resumable (the spurious sweep's
 * {@link ResultStore}): line 1 is a header with the settings that determine the results (seed, runs, init, mode, step,
 * tol, max-steps, and the evaluator: {@link SpuriousTask#sweepFingerprint}; a log written before the evaluator was
 * recorded is accepted without that check); every further line is one finished run
 * ({@code k, n, run, seed, iterations, …, value, point} — the point only for candidates). Each line is written with a
 * single write and flushed to the OS at once, so killing the process loses at most the runs in flight; the file is
 * fsync'ed at most once a second and on close. On open, the log is locked against a second writer ({@link AppendLog}:
 * a second sweep on the same output directory is refused with a message), a torn last line (no newline) is cut off,
 * the header is compared with the requested settings (a mismatch is an error: use another output directory), and the
 * finished runs are returned so the sweep skips them.
 *
 * <p>A line in the middle that is not a complete run record (a hand edit, a disk error, or a log written by two
 * processes at once before logs were locked) is reported as {@code runs.jsonl:LINE} on the warning stream and
 * skipped: its run is recomputed and appended, and the bad line stays in the file, reported again on every resume,
 * until it is deleted by hand. An unreadable header cannot be skipped (it says which sweep the log belongs to): that is
 * refused with a message naming line 1.
 */
public final class RunLog implements ResultStore<Cell, RunRecord> {
    private final AppendLog log;
    private final Map<String, RunRecord> done = new HashMap<>();
    private final List<String> skipped = new ArrayList<>();

    private RunLog(AppendLog log) {
        this.log = log;
    }

    /** Opens (or creates) the log in {@code dir}; bad lines are reported on {@code System.err}. */
    public static RunLog open(Path dir, ObjectNode header) {
        return open(dir, header, System.err);
    }

    /**
     * Opens (or creates) the log in {@code dir}; {@code header} holds the result-determining settings; every skipped
     * line is reported on {@code warnings} ({@code FILE:LINE: …}; null: not printed, still in {@link #skipped()}).
     *
     * @throws AppendLog.InUseException if another process (or another log of this JVM) is writing to the directory
     * @throws IllegalArgumentException if the log belongs to a sweep with other settings, or its header is unreadable
     */
    public static RunLog open(Path dir, ObjectNode header, PrintStream warnings) {
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
        if (warnings != null) {
            for (String s : log.skipped) {
                warnings.println(s);
            }
            warnings.flush();
        }
        return log;
    }

    /** The messages for the lines skipped on open ({@code FILE:LINE: …}), in file order. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    private void load(ObjectNode header) throws IOException {
        List<AppendLog.Line> lines = log.existing();
        if (lines.isEmpty()) {
            log.append(JsonCodec.line(header.put("type", "header")));
            log.sync();
            return;
        }
        AppendLog.Line firstLine = lines.get(0);
        JsonNode first;
        try {
            first = JsonCodec.MAPPER.readTree(firstLine.text());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            first = null;
        }
        if (first == null || !first.isObject() || !"header".equals(first.path("type").asText())) {
            throw new IllegalArgumentException(log.file() + ":" + firstLine.number() + ": not the header of a run log "
                    + "(" + excerpt(firstLine.text()) + "): this file was not written by a sweep, or its first line "
                    + "is damaged; use another --out directory (or delete this one) to start over");
        }
        for (String key : List.of("seed", "runs", "init", "mode", "step", "tol", "maxSteps", "evaluator")) {
            JsonNode want = header.get(key);
            JsonNode have = first.get(key);
            if (have == null && key.equals("evaluator")) {
                continue; // a log from before evaluators were recorded: its runs cannot be checked, only trusted
            }
            if (want != null && (have == null || !have.asText().equals(want.asText()))) {
                throw new IllegalArgumentException(log.file() + " was written with " + key + " = "
                        + (have == null ? "(none)" : have.asText()) + ", not " + want.asText()
                        + ": use another --out directory (or delete it) to start a different sweep");
            }
        }
        int runs = header.path("runs").asInt(Integer.MAX_VALUE);
        for (int i = 1; i < lines.size(); i++) {
            AppendLog.Line line = lines.get(i);
            RunRecord r;
            try {
                r = parse(JsonCodec.readOne(line.text()));
                if (r.run() >= runs) {
                    throw new IllegalArgumentException("run " + r.run() + " is beyond the " + runs + " runs per cell");
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                skipped.add(log.file() + ":" + line.number() + ": not JSON (" + message(e) + " at column "
                        + e.getLocation().getColumnNr() + "): skipped, its run will be recomputed: "
                        + excerpt(line.text()));
                continue;
            } catch (RuntimeException e) {
                skipped.add(log.file() + ":" + line.number() + ": not a run record (" + e.getMessage()
                        + "): skipped, its run will be recomputed: " + excerpt(line.text()));
                continue;
            }
            done.put(key(r.k(), r.n(), r.run()), r);
        }
    }

    /** Jackson's message without any "[Source: …]" (the caller names the file and line). */
    private static String message(com.fasterxml.jackson.core.JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        m = m.replaceAll("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
                .replaceAll("\\[Source: [^\\]]*?line: (\\d+)\\]", "line $1").replaceAll("\\[Source: [^\\]]*\\]", "");
        int nl = m.indexOf('\n');
        return printable(nl >= 0 ? m.substring(0, nl) : m);
    }

    private static String excerpt(String line) {
        return printable(line.length() > 60 ? line.substring(0, 60) + "…" : line);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
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

    @Override
    public Map<Integer, RunRecord> finished(Cell cell) {
        return finished(cell.k(), cell.n());
    }

    /** Appends one finished chunk, a line per run (thread-safe). */
    @Override
    public synchronized void append(List<RunRecord> records) {
        for (RunRecord r : records) {
            append(r);
        }
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
        log.append(JsonCodec.line(toJson(r)));
        done.put(key(r.k(), r.n(), r.run()), r);
    }

    @Override
    public synchronized void close() {
        log.close();
    }

    static ObjectNode toJson(RunRecord r) {
        ObjectNode o = JsonCodec.object();
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
        JsonCodec.putDouble(o, "value", r.value());
        JsonCodec.putDouble(o, "maxGradient", r.maxNeuronGradient());
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

    /** A run record from its JSON line, checked field by field (a record missing anything is refused). */
    static RunRecord parse(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        int k = (int) getLong(o, "k", 1, Integer.MAX_VALUE);
        int n = (int) getLong(o, "n", 1, Integer.MAX_VALUE);
        double value = getDouble(o, "value");
        double[] point = null;
        if (o.has("point")) {
            JsonNode p = o.get("point");
            if (!p.isArray() || (long) p.size() != (long) n * k) {
                throw new IllegalArgumentException("\"point\" is not an array of n·k = " + ((long) n * k) + " numbers");
            }
            point = new double[p.size()];
            for (int i = 0; i < point.length; i++) {
                point[i] = readDouble(p.get(i), "\"point\" entry " + (i + 1));
            }
        } else if (value >= RunRecord.CANDIDATE_THRESHOLD || !Double.isFinite(value)) {
            throw new IllegalArgumentException("a candidate run without its \"point\"");
        }
        JsonNode stop = field(o, "stop");
        GradientDescent.Stop how;
        try {
            how = GradientDescent.Stop.valueOf(stop.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"stop\" is not a stop reason: " + stop);
        }
        double seconds = getDouble(o, "seconds");
        return new RunRecord(k, n, (int) getLong(o, "run", 0, Integer.MAX_VALUE), getLong(o, "seed", Long.MIN_VALUE,
                Long.MAX_VALUE), getLong(o, "iterations", 0, Long.MAX_VALUE), getLong(o, "totalIterations", 0,
                Long.MAX_VALUE), (int) getLong(o, "newtonSteps", 0, Integer.MAX_VALUE), (int) getLong(o, "restarts", 0,
                Integer.MAX_VALUE), getDouble(o, "step"), how, value, getDouble(o, "maxGradient"), seconds,
                o.has("cpuSeconds") ? getDouble(o, "cpuSeconds") : seconds, point);
    }
}
