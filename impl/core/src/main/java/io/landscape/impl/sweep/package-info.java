/**
 * Sweeps as pure tasks: what to compute, how to run it and where to store it, kept apart so that the same sweep runs
 * on local threads today and on a cluster (issue 20: Apache Spark) tomorrow, with bit-identical results.
 *
 * <h2>The three pieces</h2>
 * <ul>
 *   <li><b>{@link io.landscape.impl.sweep.Task}</b> — what to compute. A task is a serialisable spec (a
 *       {@code java.io.Serializable} record) with one method, {@code compute}, a pure function from the spec to a list
 *       of serialisable results in run order. Everything that decides a result travels inside the spec: the seed,
 *       the cell, the run indices, the initialisation, the step, the tolerances, the mode — and an <em>evaluator
 *       fingerprint</em>, the name of the evaluator the planning JVM would use (e.g. {@code identity-teacher/batch});
 *       a worker whose own choice differs (no Vector API, {@code landscape.batch=false}) refuses the task with a
 *       message instead of computing other bits. No system property, static memo or clock reaches a result.
 *       Implementations: {@code experiment.spurious.SpuriousTask} (a chunk of a (k, n) cell → {@code RunRecord}s),
 *       {@code experiment.overparam.CensusTask} (a chunk of one census cell and start → its runs, families assigned
       later on the driver in run order),
       {@code experiment.slowdown.SlowdownExperiment.SlowdownTask} (one (n, dynamics) run → its recorded curve),
 *       {@code experiment.basin.InitialBasinExperiment.BasinTask} (a range of Monte Carlo trials → one boolean each).</li>
 *   <li><b>{@link io.landscape.impl.sweep.Runner}</b> — how to run. {@code run(tasks, sink)} executes a list of
 *       tasks and streams each finished task's results to the sink as soon as it finishes; sink calls are never
 *       concurrent; the first failure (of a task or of the sink) cancels what is left, drops unfinished results and is
 *       rethrown. {@link io.landscape.impl.sweep.LocalRunner} runs the tasks on the fixed pool of a
 *       {@link io.landscape.impl.sweep.Parallelism} budget and calls the sink on the caller's thread. The Spark runner
 *       ({@code io.landscape.impl.spark.SparkRunner} in the separate {@code landscape-spark} module, found through
 *       {@link io.landscape.impl.sweep.RunnerFactory} and {@link java.util.ServiceLoader}: the {@code spark} engine
 *       of {@code --engine}) maps the same contract onto {@code SparkContext.submitJob(rdd, func, partitions,
 *       resultHandler, …)}: one partition per task, the task's {@code compute} as the function, the result handler
 *       queueing each partition's results for the caller's thread, which calls the sink as each partition finishes —
 *       no {@code collect} at the end, no {@code reduceByKey}. A worker that would compute other bits refuses with an
 *       {@link io.landscape.impl.sweep.EnvironmentMismatchException}.
 *       A runner also tells its {@link io.landscape.impl.sweep.Runner#parallelism()} (threads or executor cores), which
 *       the driver uses to cut chunks.</li>
 *   <li><b>{@link io.landscape.impl.sweep.ResultStore}</b> — where to store. Opened with the result-deciding settings
 *       (a store written with other settings is refused), it returns what is finished — the driver computes the to-do
 *       list from it on resume — and appends each finished chunk as the sink receives it. Today's store is the
 *       append-only run log ({@code experiment.spurious.RunLog} over {@code experiment.AppendLog}), whose header holds
 *       the seed, runs, init, mode, step, tolerance, step cap and evaluator fingerprint.</li>
 * </ul>
 * The driver (e.g. {@code experiment.spurious.Sweep}) owns the rest: it opens the store, plans the chunks, hands them
 * all to the runner, appends each finished chunk, aggregates each cell on its own thread once the cell is complete, and
 * reports progress through a callback (the command line's progress bar lives in the CLI, not here). This package
 * depends on nothing but the JDK and {@code linalg.Workers}: no CLI, no progress bar, no JSON.
 *
 * <h2>Chunks</h2>
 * A task is never one run: Spark costs ~0.5–1 ms per task and a local pool a little less, so
 * {@link io.landscape.impl.sweep.Chunks} cuts a cell's runs into a fixed grid of ranges of one cell each, whose size is
 * a multiple of {@value io.landscape.impl.sweep.Chunks#WIDTH} (every SIMD batch width for doubles divides it, so a
 * batched chunk fills its lanes) and at most {@value io.landscape.impl.sweep.Chunks#MAX_SIZE} runs, and small enough
 * (runs / parallelism) that one cell alone keeps every worker busy. A chunk holds the unfinished runs of its range,
 * so a resume after a kill recomputes exactly the runs that were not logged, never a run twice. The Monte Carlo of
 * paper 001 cuts trials the same way (50–2000 per chunk); a slowdown run (10⁴–10⁶ steps) is a chunk by itself.
 *
 * <h2>Why the results are identical for any thread count, runner, chunking or resume</h2>
 * <ol>
 *   <li>A run's result is a function of its spec alone: run r of a cell starts from the point drawn with the per-run
 *       seed {@code runSeed(seed, r)}; the batched evaluator keeps lanes apart (no lane reads another's data), so a
 *       run's bits do not depend on which runs share its batch, its chunk, its thread or its JVM; the evaluator is
 *       pinned by the fingerprint. Per-runner caches ({@link io.landscape.impl.sweep.TaskContext#shared}, e.g. the
 *       verified minima of a cell) may only save work, never change a decision.</li>
 *   <li>Results are collected by run index, whatever the completion order; a resumed run is read back bit for bit
 *       from the store (doubles are written in Java's shortest round-trip form).</li>
 *   <li>Aggregation happens on the driver, per cell, in run order, once the cell is complete (family classification,
 *       sums, λ_min) — never as a reduction across workers, whose order would change the rounding. Integer counts
 *       (the Monte Carlo's successes) are exact in any order.</li>
 *   <li>Numerical routines that share work ({@code linalg.Cholesky}, {@code certify.EigenvalueBound}, the family
 *       representatives) split it into items that each write their own outputs with the same arithmetic
 *       ({@link io.landscape.impl.linalg.Workers}), so they give the same bits with any number of helpers.</li>
 * </ol>
 * {@code SweepDeterminismTest} checks it: a small grid with 1 and 2 threads, and a sweep killed after 3 chunks and
 * resumed, give the same value in every non-timing field of every run and cell.
 *
 * <h2>One parallelism budget</h2>
 * A sweep gets one thread count ({@code --threads}), turned into one {@link io.landscape.impl.sweep.Parallelism}: its
 * fixed pool runs the tasks, and its {@link io.landscape.impl.sweep.Parallelism#workers() workers} are what the
 * driver's parallel numerics may use. No library code creates threads or uses the common pool on its own (no
 * {@code parallel()} streams): a routine that can share work takes a {@code Workers} and runs on the caller's thread
 * alone when given {@code Workers.NONE}.
 */
package io.landscape.impl.sweep;
