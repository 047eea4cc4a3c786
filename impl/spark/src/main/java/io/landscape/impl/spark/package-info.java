/**
 * Sweeps on Apache Spark: {@link io.landscape.impl.spark.SparkRunner}, the sweep
 * {@link io.landscape.impl.sweep.Runner} over {@code SparkContext.submitJob} (the asynchronous {@code runJob} with a
 * result handler), registered as the {@code spark} engine ({@link io.landscape.impl.spark.SparkRunnerFactory}, a
 * {@link io.landscape.impl.sweep.RunnerFactory} found with {@link java.util.ServiceLoader}).
 *
 * <h2>How the command line gets Spark</h2>
 * This module is not a dependency of the library ({@code landscape-impl}) nor of the command line
 * ({@code landscape-cli}): research code never pulls Spark, and the command-line jar stays small. The command line looks
 * the engine up through the service loader when {@code --engine spark} is asked for. The {@code ./landscape} launcher
 * then runs the command line not from its shaded jar but from this module's jar and the class path of
 * {@code impl/spark/target/launcher-classpath.txt} (written by the build: Spark, the command line's module jars,
 * Jackson 2.21, and slf4j-simple as the logging binding, configured by the command line's
 * {@code simplelogger.properties} to warnings). On a cluster, {@code spark-submit} runs the shaded command-line jar
 * with this module's jar in {@code --jars} (see docs/spark.md); Spark's own jars, Jackson and logging are the
 * cluster's.
 *
 * <h2>Pitfalls handled here</h2>
 * <ul>
 *   <li>Spark 4.2's Scala module needs Jackson ≥ 2.21: this module imports the Jackson BOM (the rest of the project
 *       stays on its Jackson).</li>
 *   <li>Symja brings Kryo 5 in the packages of Spark's kryo-shaded 4: excluded here (tasks and results use Java
 *       serialisation, Spark's default).</li>
 *   <li>No logging binding in this jar (Spark's log4j binding is excluded): a binding and its configuration belong
 *       to the application (the launcher's class path, the tests' resources).</li>
 *   <li>System properties do not reach executors: everything that decides a result travels inside the task, the
 *       driver's {@code landscape.*} properties are passed to the executors' JVM options, and each executor checks
 *       its {@link io.landscape.impl.spark.EvaluatorFingerprint} against the driver's before every task.</li>
 *   <li>Local masters bind to 127.0.0.1 (a host name may resolve to an address of another machine).</li>
 * </ul>
 */
package io.landscape.impl.spark;
