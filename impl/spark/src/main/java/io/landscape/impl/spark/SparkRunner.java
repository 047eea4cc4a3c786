package io.landscape.impl.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.rdd.RDD;

import io.landscape.impl.sweep.EnvironmentMismatchException;
import io.landscape.impl.sweep.Runner;
import io.landscape.impl.sweep.Task;
import io.landscape.impl.sweep.TaskContext;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The sweep {@link Runner} on Apache Spark: one Spark job per {@link #run} call, one partition per sweep task (a chunk
 * of one cell, 8–128 runs: Spark costs ~0.5–1 ms per task, so never one task per run), submitted with
 * {@code SparkContext.submitJob} — the asynchronous {@code runJob} with a result handler. The handler (on Spark's
 * scheduler thread) only queues each finished partition's results; the thread that called {@link #run} takes them
 * from the queue and calls the sink at once, one at a time, in completion order — so each finished chunk is in the
 * driver's run log as soon as it arrives, and slow driver work (a cell's classification) never stalls Spark's
 * scheduling. No {@code collect}, no {@code reduceByKey}: aggregation stays on the driver, in run order.
 *
 * <p>Everything that decides a result travels inside the task (Java serialisation: tasks and results are records);
 * the executor-side function carries the driver's {@link EvaluatorFingerprint} and compares it with the executor's
 * own before every task: a mismatch fails the job with one {@link EnvironmentMismatchException} naming both. The
 * first failure — a task throwing, or the sink throwing — cancels the job, drops the results still in flight (the
 * sink sees none after it) and is rethrown, unwrapped from Spark's exceptions.
 *
 * <p>Caches of {@link TaskContext#shared} live per executor JVM and per {@code run} call.
 */
public final class SparkRunner implements Runner {
    /** The master URLs Spark 4 knows (Mesos is gone). */
    private static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
            "local|local\\[(\\d+|\\*)(,\\d+)?\\]|local-cluster\\[\\d+,\\d+,\\d+\\]|spark://\\S+|yarn|k8s://\\S+");
    private final SparkContext sc;
    private final boolean owned;
    private final String fingerprint;

    private SparkRunner(SparkContext sc, boolean owned, String fingerprint) {
        this.sc = sc;
        this.owned = owned;
        this.fingerprint = fingerprint;
    }

    /** A runner on an existing context (not stopped by {@link #close}). */
    public static SparkRunner on(SparkContext sc) {
        return new SparkRunner(sc, false, EvaluatorFingerprint.here());
    }

    /** For tests: a runner whose tasks expect {@code fingerprint} from the driver. */
    static SparkRunner on(SparkContext sc, String fingerprint) {
        return new SparkRunner(sc, false, fingerprint);
    }

    /**
     * Starts a Spark context on {@code master} ({@code null}: the {@code spark.master} that {@code spark-submit} set,
     * else {@code local[*]}) and returns a runner that stops it on {@link #close}. Settings are those of
     * {@link #configuration}.
     *
     * @throws IllegalArgumentException for a master URL Spark cannot parse or reach (one message naming it)
     */
    public static SparkRunner start(String master, String application) {
        SparkConf conf = configuration(master, application);
        SparkContext sc;
        try {
            sc = new SparkContext(conf);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--master " + conf.get("spark.master") + ": Spark could not start: "
                    + firstLine(rootMessage(e)), e);
        }
        return new SparkRunner(sc, true, EvaluatorFingerprint.here());
    }

    /**
     * The configuration of {@link #start}: the {@code spark.*} system properties (what {@code spark-submit} and
     * {@code -Dspark.…} set) win; missing ones default to a quiet context (no web UI, no console progress bar — the
     * sweep draws its own), executors launched with the Vector API module if the driver has it, the driver's {@code landscape.*}
     * properties (so they pick the same evaluators), local masters bound to 127.0.0.1, and, for a cluster master
     * outside {@code spark-submit} without {@code spark.jars}, the executors given the driver's class path (valid where
     * every node sees the same paths, e.g. a shared file system or one machine).
     */
    public static SparkConf configuration(String master, String application) {
        SparkConf conf = new SparkConf(true);
        String m = master != null ? master : conf.get("spark.master", "local[*]");
        if (!MASTER.matcher(m).matches()) {
            throw new IllegalArgumentException("--master " + m + ": not a Spark master URL (local, local[N], local[*], "
                    + "local-cluster[N,C,M], spark://HOST:PORT, yarn or k8s://URL)");
        }
        conf.setMaster(m);
        conf.setIfMissing("spark.app.name", "landscape " + application);
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // the executors resolve the Vector API module exactly when the driver does (else their evaluators differ)
        StringBuilder opts = new StringBuilder(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                ? "--add-modules jdk.incubator.vector -Xss8m" : "-Xss8m");
        for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.startsWith("landscape.") || key.equals("jdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK")) {
                opts.append(" -D").append(key).append('=').append(e.getValue());
            }
        }
        conf.setIfMissing("spark.executor.extraJavaOptions", opts.toString());
        if (m.startsWith("local")) {
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
        } else if (!conf.contains("spark.jars") && !conf.contains("spark.executor.extraClassPath")
                && System.getProperty("spark.submit.deployMode") == null) {
            conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
        return conf;
    }

    /** The context's default parallelism (executor cores; {@code N} for {@code local[N]}). */
    @Override
    public int parallelism() {
        return Math.max(1, sc.defaultParallelism());
    }

    /** The driver fingerprint the tasks are checked against. */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public <R extends Serializable, T extends Task<R>> void run(List<T> tasks, Sink<T, R> sink) {
        if (tasks.isEmpty()) {
            return;
        }
        preflight();
        List<T> plan = List.copyOf(tasks);
        int n = plan.size();
        ClassTag<T> taskTag = tag(Task.class);
        RDD<T> rdd = sc.parallelize(CollectionConverters.asScala(plan).toSeq(), n, taskTag);
        List<Object> partitions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            partitions.add(i);
        }
        LinkedBlockingQueue<Finished<R>> queue = new LinkedBlockingQueue<>();
        AtomicBoolean stopped = new AtomicBoolean();
        String group = "landscape-" + UUID.randomUUID();
        sc.setJobGroup(group, "landscape sweep: " + n + " chunks", true);
        SimpleFutureAction<BoxedUnit> job;
        try {
            job = sc.submitJob(rdd, new Compute<T, R>(fingerprint, group),
                    CollectionConverters.asScala(partitions).toSeq(), new Handler<>(queue, stopped), new Done());
        } finally {
            sc.clearJobGroup();
        }
        boolean complete = false;
        try {
            int received = 0;
            while (received < n) {
                Finished<R> f = queue.poll(200, TimeUnit.MILLISECONDS);
                if (f == null) {
                    if (job.isCompleted()) {
                        job.get(); // throws the job's failure; on success every result is already queued
                        f = queue.poll();
                        if (f == null) {
                            throw new IllegalStateException("the Spark job finished with " + received + " of " + n
                                    + " chunk results");
                        }
                    } else {
                        continue;
                    }
                }
                received++;
                sink.finished(plan.get(f.index()), f.results());
            }
            job.get();
            complete = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw unwrap(e);
        } finally {
            stopped.set(true);
            if (!complete) {
                job.cancel();
                sc.cancelJobGroup(group);
            }
        }
    }

    /**
     * Asks the executors for their fingerprints with one small job (a task per core, each returning instead of
     * throwing) and fails with one {@link EnvironmentMismatchException} if any differs from the driver's — before any
     * sweep task runs, so that the message is not preceded by Spark's reports of failed tasks. Executors that join
     * later are still checked by every task.
     */
    private void preflight() {
        int slices = parallelism();
        List<Integer> probes = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            probes.add(i);
        }
        RDD<Integer> rdd = sc.parallelize(CollectionConverters.asScala(probes).toSeq(), slices, tag(Integer.class));
        String[] answers = (String[]) sc.runJob(rdd, new Probe(), tag(String.class));
        for (String a : answers) {
            int cut = a.indexOf('\n');
            String who = a.substring(0, cut);
            String here = a.substring(cut + 1);
            if (!here.equals(fingerprint)) {
                throw new EnvironmentMismatchException(mismatch(who, here, fingerprint));
            }
        }
    }

    static String mismatch(String who, String here, String driver) {
        return who + " would compute other bits than the driver: its evaluator fingerprint is [" + here
                + "], the driver's [" + driver + "]; run every executor with the same Java, CPU features, "
                + "--add-modules jdk.incubator.vector and landscape.* properties as the driver "
                + "(spark.executor.extraJavaOptions), or pin a portable mode on both (-Dlandscape.vector=false)";
    }

    static String executor() {
        SparkEnv env = SparkEnv.get();
        return env == null ? "an executor" : "executor " + env.executorId() + " ("
                + env.blockManager().blockManagerId().host() + ")";
    }

    /** The executor side of {@link #preflight}: "who\nfingerprint". */
    static final class Probe extends AbstractFunction1<Iterator<Integer>, String> implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public String apply(Iterator<Integer> it) {
            return executor() + "\n" + EvaluatorFingerprint.here();
        }
    }

    /** Stops the context if this runner started it. */
    @Override
    public void close() {
        if (owned) {
            sc.stop();
        }
    }

    /**
     * The task failure, the sink's exception or the mismatch, out of Spark's wrappers ({@code awaitResult}'s
     * SparkException around the job's SparkException around the task's exception, deserialised on the driver).
     */
    static RuntimeException unwrap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EnvironmentMismatchException m) {
                return m;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Error err) {
                throw err;
            }
            if (t instanceof RuntimeException re && !(t instanceof org.apache.spark.SparkException)) {
                return re;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new IllegalStateException("the Spark job failed: " + firstLine(rootMessage(e)), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @SuppressWarnings("unchecked")
    private static <X> ClassTag<X> tag(Class<?> c) {
        return (ClassTag<X>) ClassTag$.MODULE$.apply(c);
    }

    /** One finished partition: its index (= the task's position) and results. */
    private record Finished<R>(int index, List<R> results) {
    }

    /** The executor side: checks the fingerprint, then computes the partition's one task. */
    static final class Compute<T extends Task<R>, R extends Serializable>
            extends AbstractFunction1<Iterator<T>, ArrayList<R>> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String driver;
        private final String run;

        Compute(String driver, String run) {
            this.driver = driver;
            this.run = run;
        }

        @Override
        public ArrayList<R> apply(Iterator<T> it) {
            String here = EvaluatorFingerprint.here();
            if (!here.equals(driver)) {
                throw new EnvironmentMismatchException(mismatch(executor(), here, driver));
            }
            TaskContext context = Contexts.of(run);
            ArrayList<R> out = new ArrayList<>();
            while (it.hasNext()) {
                out.addAll(it.next().compute(context));
            }
            return out;
        }
    }

    /** The driver side of a finished partition: queue it (unless the run already stopped). */
    private static final class Handler<R> extends AbstractFunction2<Object, ArrayList<R>, BoxedUnit> {
        private final LinkedBlockingQueue<Finished<R>> queue;
        private final AtomicBoolean stopped;

        Handler(LinkedBlockingQueue<Finished<R>> queue, AtomicBoolean stopped) {
            this.queue = queue;
            this.stopped = stopped;
        }

        @Override
        public BoxedUnit apply(Object index, ArrayList<R> results) {
            if (!stopped.get()) {
                queue.add(new Finished<>((Integer) index, results));
            }
            return BoxedUnit.UNIT;
        }
    }

    /** The job's overall result (nothing: the results went through the handler). */
    private static final class Done extends AbstractFunction0<BoxedUnit> {
        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }

    /** One {@link TaskContext} per executor JVM and run (the latest run's; older ones are dropped). */
    static final class Contexts {
        private static String current;
        private static TaskContext context;

        private Contexts() {
        }

        static synchronized TaskContext of(String run) {
            if (!run.equals(current)) {
                current = run;
                context = new TaskContext();
            }
            return context;
        }
    }
}
