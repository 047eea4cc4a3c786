/**
 * JMH benchmarks of the hot loops (objective evaluation, gradient-descent steps, batched steps, Cholesky, certificates,
 * symbolic objectives, the basin solver), run with {@code java -jar jmh/target/benchmarks.jar}; a failing fork makes the
 * run exit non-zero ({@link io.landscape.jmh.BenchmarksMain}). Benchmarks use the library only, never experiment code.
 */
package io.landscape.jmh;
