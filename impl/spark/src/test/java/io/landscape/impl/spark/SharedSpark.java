package io.landscape.impl.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/**
 * The one {@code local[2]} Spark context all tests of this module share (a JVM holds one active context), bound to
 * 127.0.0.1 (this host's name may resolve to another address); stopped when the test JVM exits.
 */
public final class SharedSpark {
    private static SparkContext context;

    private SharedSpark() {
    }

    /** The shared context (started on first use, ~2 s). */
    public static synchronized SparkContext context() {
        if (context == null) {
            SparkConf conf = SparkRunner.configuration("local[2]", "tests")
                    .set("spark.driver.bindAddress", "127.0.0.1").set("spark.driver.host", "127.0.0.1");
            context = SparkContext.getOrCreate(conf);
            SparkContext sc = context;
            Runtime.getRuntime().addShutdownHook(new Thread(sc::stop));
        }
        return context;
    }

    /** A runner on the shared context. */
    public static SparkRunner runner() {
        return SparkRunner.on(context());
    }
}
