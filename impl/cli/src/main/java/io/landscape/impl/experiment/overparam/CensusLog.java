package io.landscape.impl.experiment.overparam;

import static io.landscape.impl.experiment.JsonCodec.getDouble;
import static io.landscape.impl.experiment.JsonCodec.getLong;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.experiment.JsonCodec;
import io.landscape.impl.experiment.AppendLog;
import io.landscape.impl.optim.GradientDescent;

/**
 * The census's append-only run log {@code DIR/runs.jsonl}: line 1 is a header holding every setting that decides a
 * run's outcome or its family (seed, runs, norm-sum runs, mode, step rule, tolerance, step cap, start constructions,
 * family tolerance, global threshold, Newton limits, the large-k finish, the evaluator fingerprint); each further line
 * is one finished run, keyed by (k, start, run). Each line is one write, flushed at once ({@link AppendLog}): killing
 * the process loses at most the runs in flight, and a restart with the same settings continues where it stopped. A
 * header that differs from the requested settings is refused with a message naming the first differing key (use another
 * {@code --out}); a line that is not a complete run record is reported as {@code runs.jsonl:LINE} and its run is
 * recomputed. The thread count is not in the header, nor the engine: they change no outcome (families are assigned on
 * the driver in run order, so the founding run — whose end point is the family's representative — is the same for any
 * thread count or runner).
 */
final class CensusLog implements AutoCloseable {

    private final AppendLog log;
    private final Map<String, CensusRun> done = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();

    private CensusLog(AppendLog log) {
        this.log = log;
    }

    static CensusLog open(Path dir, ObjectNode header, PrintStream warnings) {
        AppendLog a = AppendLog.open(dir.resolve("runs.jsonl"));
        CensusLog c = new CensusLog(a);
        try {
            c.load(header);
        } catch (IOException | RuntimeException e) {
            a.close();
            if (e instanceof IOException io) {
                throw new java.io.UncheckedIOException("cannot read run log " + a.file() + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
        if (warnings != null) {
            c.skipped.forEach(warnings::println);
        }
        return c;
    }

    private void load(ObjectNode header) throws IOException {
        List<AppendLog.Line> lines = log.existing();
        if (lines.isEmpty()) {
            log.append(JsonCodec.MAPPER.writeValueAsString(header));
            log.sync();
            return;
        }
        AppendLog.Line first = lines.get(0);
        JsonNode h;
        try {
            h = JsonCodec.MAPPER.readTree(first.text());
        } catch (IOException e) {
            h = null;
        }
        if (h == null || !h.isObject() || !"header".equals(h.path("type").asText())) {
            throw new IllegalArgumentException(log.file() + ":" + first.number() + ": not the header of a census run "
                    + "log: use another --out directory (or delete this one) to start over");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode have = h.get(e.getKey());
            if (have == null || !have.asText().equals(e.getValue().asText())) {
                throw new IllegalArgumentException(log.file() + " was written with " + e.getKey() + " = "
                        + (have == null ? "(none)" : have.toString()) + ", not " + e.getValue()
                        + ": use another --out directory (or delete it) to start a different census");
            }
        }
        for (int i = 1; i < lines.size(); i++) {
            AppendLog.Line line = lines.get(i);
            try {
                CensusRun r = parse(JsonCodec.MAPPER.readTree(line.text()));
                // a run recomputed after its line was found unusable appears again later: the later line wins
                done.remove(key(r.k(), r.start(), r.run()));
                done.put(key(r.k(), r.start(), r.run()), r);
            } catch (IOException | RuntimeException e) {
                skipped.add(log.file() + ":" + line.number() + ": not a run record (" + e.getMessage()
                        + "): skipped, its run will be recomputed");
            }
        }
    }

    static String key(int k, CensusRun.Start s, int run) {
        return k + "," + s.key() + "," + run;
    }

    /** The finished runs of cell k, in log order (founders before their families' later members). */
    List<CensusRun> finished(int k) {
        List<CensusRun> out = new ArrayList<>();
        for (CensusRun r : done.values()) {
            if (r.k() == k) {
                out.add(r);
            }
        }
        return out;
    }

    Path file() {
        return log.file();
    }

    synchronized void append(CensusRun r) {
        try {
            log.append(JsonCodec.MAPPER.writeValueAsString(toJson(r)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        done.put(key(r.k(), r.start(), r.run()), r);
    }

    @Override
    public void close() {
        log.close();
    }

    static ObjectNode toJson(CensusRun r) {
        ObjectNode o = JsonCodec.MAPPER.createObjectNode();
        o.put("k", r.k());
        o.put("start", r.start().key());
        o.put("run", r.run());
        o.put("seed", r.seed());
        o.put("iterations", r.iterations());
        o.put("newtonSteps", r.newtonSteps());
        o.put("restarts", r.restarts());
        o.put("stop", r.stop().name());
        JsonCodec.putDouble(o, "value", r.value());
        JsonCodec.putDouble(o, "gradientNorm", r.gradientNorm());
        JsonCodec.putDouble(o, "normSum", r.normSum());
        o.put("seconds", r.seconds());
        o.put("cpuSeconds", r.cpuSeconds());
        o.put("family", r.family());
        if (r.point() != null) {
            ArrayNode p = o.putArray("point");
            for (double v : r.point()) {
                p.add(v);
            }
        }
        return o;
    }

    static CensusRun parse(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        int k = (int) getLong(o, "k", 1, 46340);
        CensusRun.Start start = CensusRun.Start.of(o.path("start").asText());
        int family = (int) getLong(o, "family", CensusRun.NOT_A_MINIMUM, Integer.MAX_VALUE);
        double[] point = null;
        if (o.has("point")) {
            JsonNode p = o.get("point");
            if (!p.isArray() || p.size() != k * k) {
                throw new IllegalArgumentException("\"point\" is not an array of k·k = " + (k * k) + " numbers");
            }
            point = new double[p.size()];
            for (int i = 0; i < point.length; i++) {
                if (!p.get(i).isNumber()) {
                    throw new IllegalArgumentException("\"point\" entry " + (i + 1) + " is not a number");
                }
                point[i] = p.get(i).asDouble();
            }
        }
        GradientDescent.Stop stop;
        try {
            stop = GradientDescent.Stop.valueOf(o.path("stop").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"stop\" is not a stop reason");
        }
        return new CensusRun(k, start, (int) getLong(o, "run", 0, Integer.MAX_VALUE),
                getLong(o, "seed", Long.MIN_VALUE, Long.MAX_VALUE), getLong(o, "iterations", 0, Long.MAX_VALUE),
                (int) getLong(o, "newtonSteps", 0, Integer.MAX_VALUE), (int) getLong(o, "restarts", 0,
                Integer.MAX_VALUE), stop, getDouble(o, "value"), getDouble(o, "gradientNorm"), getDouble(o, "normSum"),
                getDouble(o, "seconds"), getDouble(o, "cpuSeconds"), family, point);
    }
}
