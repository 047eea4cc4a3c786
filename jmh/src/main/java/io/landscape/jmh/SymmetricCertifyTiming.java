package io.landscape.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.landscape.api.Problem;
import io.landscape.impl.certify.Certificate;
import io.landscape.impl.certify.Certifier;
import io.landscape.impl.certify.Options;
import io.landscape.impl.certify.SymmetricCertifier;
import io.landscape.impl.linalg.Workers;

/**
 * One-shot timing of the identity-teacher certificates on real minima (a development tool next to
 * {@link CertifyTiming}):
 * {@code java -cp jmh/target/benchmarks.jar io.landscape.jmh.SymmetricCertifyTiming FILE [symmetric|dense|both]
 * [THREADS] [MAXK]}. FILE holds one family per line, {"id": …, "k": K, "neurons": [[…], …]} (as
 * docs/mild-overparameterization/families-n-eq-k.jsonl); n = d = k. Prints one line per family and certifier
 * (verdict, reason, method, group, λ bound, wall millis, CPU millis of the calling thread); the dense certifier gets
 * THREADS threads (default 1).
 */
public final class SymmetricCertifyTiming {
    private SymmetricCertifyTiming() {
    }

    public static void main(String[] args) throws IOException {
        String which = args.length > 1 ? args[1] : "both";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int maxK = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        Pattern id = Pattern.compile("\"id\": ?\"([^\"]+)\"");
        Pattern kp = Pattern.compile("\"k\": ?(\\d+)");
        Pattern num = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1) : null;
        Workers workers = threads > 1 ? new Workers(pool, threads - 1) : Workers.NONE;
        try {
            for (String line : Files.readAllLines(Path.of(args[0]))) {
                Matcher mi = id.matcher(line);
                Matcher mk = kp.matcher(line);
                if (!mi.find() || !mk.find()) {
                    continue;
                }
                int k = Integer.parseInt(mk.group(1));
                if (k > maxK) {
                    continue;
                }
                String neurons = line.substring(line.indexOf("\"neurons\""));
                neurons = neurons.substring(neurons.indexOf('[') + 1);
                Matcher mn = num.matcher(neurons);
                List<Double> vals = new ArrayList<>();
                while (mn.find()) {
                    vals.add(Double.parseDouble(mn.group()));
                }
                double[] x = vals.stream().mapToDouble(Double::doubleValue).toArray();
                Problem p = Problem.identityTeacher(k, k, k);
                if (!which.equals("dense")) {
                    long c0 = CPU.getCurrentThreadCpuTime();
                    Certificate c = SymmetricCertifier.certify(p, x, Options.defaults());
                    print(mi.group(1), k, c, (CPU.getCurrentThreadCpuTime() - c0) / 1e6);
                }
                if (!which.equals("symmetric")) {
                    long c0 = CPU.getCurrentThreadCpuTime();
                    Certificate c = Certifier.certify(p, x, Options.defaults(), workers);
                    print(mi.group(1), k, c, (CPU.getCurrentThreadCpuTime() - c0) / 1e6);
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory
            .getThreadMXBean();

    private static void print(String id, int k, Certificate c, double cpuMillis) {
        System.out.printf("%s k=%d method=%s group=%s verdict=%s reason=%s lambda=%.9g radius=%.3g moved=%.3g "
                        + "millis=%.2f cpu=%.2f%n", id, k, c.method(), c.symmetry().isEmpty() ? "-" : c.symmetry(),
                c.verdict(), c.reason(), c.lambdaMinLowerBound(), c.radius(), c.distanceMoved(), c.millis(),
                cpuMillis);
    }
}
