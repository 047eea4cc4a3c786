package io.landscape.impl.cli;

import io.landscape.impl.sweep.Runner;
import io.landscape.impl.sweep.RunnerFactory;
import picocli.CommandLine.Option;

/**
 * Where a sweep's runs execute, shared by every sweep ({@code reproduce spurious-minima}, {@code reproduce
 * mild-overparameterization}, {@code reproduce initial-basin}, {@code slowdown}): {@code --engine local} (the
 * default: the command's own threads) or {@code --engine spark} with {@code --master URL} (default {@code local[*]},
 * or the master {@code spark-submit} was given). Results are identical either way.
 *
 * <p>The Spark engine is not part of the command-line jar: it is the {@code landscape-spark} module, found at run time
 * through {@link RunnerFactory} ({@link java.util.ServiceLoader}). The {@code ./landscape} launcher puts it and Spark
 * on the class path only when {@code --engine spark} is on the command line; {@code spark-submit} users pass its jar
 * with {@code --jars} (docs/spark.md).
 */
public final class EngineOptions {
    @Option(names = "--engine", defaultValue = "local", paramLabel = "local|spark",
            description = "Where the runs execute: local threads (default) or Apache Spark (docs/spark.md). Results "
                    + "do not depend on it.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the Spark master, e.g. local[2], spark://host:7077, yarn, "
                    + "k8s://https://host:6443 (default: local[*], or the one spark-submit was given).")
    String master;

    /** Checks the options (before any work): one message naming the option. */
    void check() {
        if (!"local".equals(engine) && !"spark".equals(engine)) {
            throw new InputException("--engine " + engine + ": unknown; expected local or spark");
        }
        if (master != null && !"spark".equals(engine)) {
            throw new InputException("--master " + master + ": only with --engine spark");
        }
        if (master != null && master.isBlank()) {
            throw new InputException("--master: empty");
        }
        if (spark() && factory() == null) {
            throw new InputException("--engine spark: the Spark engine is not on the class path; run through "
                    + "./landscape (which adds it for --engine spark) or add the landscape-spark jar and Spark "
                    + "(spark-submit --jars impl/spark/target/landscape-spark-*.jar; see docs/spark.md)");
        }
    }

    private static RunnerFactory factory() {
        return RunnerFactory.find("spark", EngineOptions.class.getClassLoader());
    }

    /** Whether the runs go to Spark. */
    boolean spark() {
        return "spark".equals(engine);
    }

    /**
     * The runner of {@code --engine spark} (the caller closes it), or null for local threads (the command then uses
     * its own thread budget).
     *
     * @param application the sweep's name (shown by a cluster's user interface)
     */
    Runner open(String application) {
        check();
        if (!spark()) {
            return null;
        }
        RunnerFactory f = factory();
        try {
            return f.create(master, application);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }
}
