package io.landscape.impl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.landscape.impl.cli.Main;

/**
 * What a cluster user runs, on a loopback standalone cluster: a Spark master and a worker as child JVMs on
 * 127.0.0.1, the command line as a third (the driver), and the worker's executor as a fourth — so every chunk and
 * result crosses a JVM boundary. The small spurious grid through {@code --engine spark --master spark://…} gives a
 * summary and a run log identical, in every non-timing field, to the same command with local threads; an executor
 * started with another evaluator choice ({@code -Dlandscape.vector=false}) fails the job with one message (exit 2).
 */
class StandaloneClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TIMING = List.of("seconds", "runSeconds", "cpuSeconds", "wallSeconds", "certificateMillis",
            "threads");

    private static String classPath() throws IOException {
        String file = System.getProperty("landscape.spark.testClassPath");
        assertTrue(file != null && Files.exists(Path.of(file)), "the module's class path file " + file
                + " (written by the build before the tests)");
        Path target = Path.of(file).getParent();
        return target.resolve("classes") + File.pathSeparator + target.resolve("test-classes") + File.pathSeparator
                + Files.readString(Path.of(file)).trim();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Process java(Path dir, String name, String cp, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Xss8m", "--add-modules", "jdk.incubator.vector", "-cp", cp));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_HOME", dir.resolve("spark-home").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.remove("SPARK_CONF_DIR");
        return pb.start();
    }

    private static void awaitPort(int port, Process p, Path log) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            assertTrue(p.isAlive(), () -> "the master died: " + read(log));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the master did not listen on " + port + ": " + read(log));
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "(no " + f + ")";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static JsonNode untimed(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = ((ObjectNode) n).deepCopy();
            o.remove(TIMING);
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(untimed(e.getValue()));
            }
            return o;
        }
        if (n.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode a = JSON.createArrayNode();
            n.forEach(x -> a.add(untimed(x)));
            return a;
        }
        return n;
    }

    /** The run log's records by (k, n, run), without timing fields. */
    private static Map<String, JsonNode> runs(Path dir) throws IOException {
        Map<String, JsonNode> out = new TreeMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("runs.jsonl"));
        for (String line : lines.subList(1, lines.size())) {
            JsonNode r = JSON.readTree(line);
            out.put(r.get("k") + "," + r.get("n") + "," + r.get("run"), untimed(r));
        }
        return out;
    }

    @Test
    void theGridOnALoopbackStandaloneClusterEqualsLocalThreads(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("spark-home").resolve("jars"));
        String cp = classPath();
        int port = freePort();
        List<String> grid = List.of("reproduce", "spurious-minima", "--k-min", "5", "--k-max", "7", "--runs", "24",
                "--no-progress", "--threads", "1");
        Process master = java(dir, "master", cp, List.of("org.apache.spark.deploy.master.Master", "--host",
                "127.0.0.1", "--port", String.valueOf(port), "--webui-port", "0"));
        Process worker = null;
        try {
            awaitPort(port, master, dir.resolve("master.log"));
            worker = java(dir, "worker", cp, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--webui-port", "0", "--cores", "2", "--memory", "2g", "--work-dir",
                    dir.resolve("work").toString(), "spark://127.0.0.1:" + port));

            // the same command with local threads, in this JVM
            Path local = dir.resolve("local");
            List<String> localArgs = new ArrayList<>(grid);
            localArgs.addAll(List.of("--out", local.toString()));
            assertEquals(0, Main.commandLine().execute(localArgs.toArray(String[]::new)));

            // the driver: the command line in its own JVM, executors on the worker
            Path remote = dir.resolve("remote");
            List<String> args = new ArrayList<>(List.of(Main.class.getName()));
            args.addAll(grid);
            args.addAll(List.of("--out", remote.toString(), "--engine", "spark", "--master",
                    "spark://127.0.0.1:" + port));
            Process driver = java(dir, "driver", cp, args);
            assertTrue(driver.waitFor(240, TimeUnit.SECONDS), () -> "the driver did not finish: "
                    + read(dir.resolve("driver.log")));
            assertEquals(0, driver.exitValue(), () -> read(dir.resolve("driver.log")) + "\nworker:\n"
                    + read(dir.resolve("worker.log")));
            String log = read(dir.resolve("driver.log"));
            assertTrue(!log.contains(" INFO ") && !log.contains("[INFO]"), "quiet by default: " + log);

            assertEquals(untimed(JSON.readTree(local.resolve("summary.json").toFile())),
                    untimed(JSON.readTree(remote.resolve("summary.json").toFile())));
            Map<String, JsonNode> a = runs(local);
            Map<String, JsonNode> b = runs(remote);
            assertEquals(3 * 24 + 2 * 24 + 24, a.size());
            assertEquals(a, b);
            // the executor really was another JVM: the worker launched it in its work directory
            assertTrue(Files.list(dir.resolve("work")).findAny().isPresent(), "no application ran on the worker");

            // an executor that would pick other evaluators (SIMD off) fails the job with one message, exit 2
            org.junit.jupiter.api.Assumptions.assumeTrue(io.landscape.impl.objective.Evaluators.simdAvailable(),
                    "the driver uses SIMD evaluators (else an executor without them would not differ)");
            Path mixed = dir.resolve("mixed");
            List<String> mixedArgs = new ArrayList<>(List.of("-Dspark.executor.extraJavaOptions=--add-modules "
                    + "jdk.incubator.vector -Dlandscape.vector=false", Main.class.getName()));
            mixedArgs.addAll(grid);
            mixedArgs.addAll(List.of("--out", mixed.toString(), "--engine", "spark", "--master",
                    "spark://127.0.0.1:" + port));
            Process bad = java(dir, "mixed", cp, mixedArgs);
            assertTrue(bad.waitFor(240, TimeUnit.SECONDS), () -> read(dir.resolve("mixed.log")));
            String out = read(dir.resolve("mixed.log"));
            assertEquals(2, bad.exitValue(), out);
            assertTrue(out.contains("would compute other bits than the driver") && out.contains("simd=off"), out);
            assertTrue(!out.contains("\tat "), "one message, no stack trace: " + out);
        } finally {
            if (worker != null) {
                worker.destroy();
                worker.waitFor(20, TimeUnit.SECONDS);
            }
            master.destroy();
            master.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
