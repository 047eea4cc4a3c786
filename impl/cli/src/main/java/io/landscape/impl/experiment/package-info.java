/**
 * What the experiments share: atomic result files that respect the umask ({@link io.landscape.impl.experiment.AtomicFiles}),
 * the locked append-only log that makes long runs resumable ({@link io.landscape.impl.experiment.AppendLog}), and the one
 * JSON codec for result records ({@link io.landscape.impl.experiment.JsonCodec}). Each sub-package reproduces one paper;
 * experiments describe what to compute and never choose evaluators (the selector in {@code objective} does).
 */
package io.landscape.impl.experiment;
