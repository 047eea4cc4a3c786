/**
 * Compile stage: derived expressions become a Java class implementing {@link io.landscape.impl.kernel.PairKernel}.
 *
 * <h2>Printing and compiling</h2>
 * {@link io.landscape.impl.compile.JavaPrinter} (our own) prints Symja expressions as straight-line Java over
 * {@code double}s with common-subexpression elimination across all outputs of a method (each distinct subexpression
 * becomes one {@code final double tN}), small integer powers as products, half-integer powers with
 * {@code Math.sqrt}, and sin θ, cos θ, θ as the caller's precomputed {@code s}, {@code c}, {@code th}. Anything it
 * cannot translate exactly is refused, naming the function (an {@link io.landscape.api.InvalidFormulaException} for the
 * user); there is no fallback to Symja at run time. {@link io.landscape.impl.compile.KernelCompiler} generates one
 * class body with methods {@code value}, {@code first} (K, gA, gAv, gB), {@code second} (the 13 Hessian coefficients)
 * and {@code self} (D, D′, D″), each with a branch for s = 0 that uses the θ = 0 or θ = π values; the source is
 * stamped "GENERATED … DO NOT MODIFY", kept ({@link io.landscape.impl.kernel.PairKernel#source()}) and quoted in
 * compile errors, and compiled with Janino's {@code ClassBodyEvaluator}. Every compiled kernel then passes
 * {@link io.landscape.impl.kernel.KernelCheck} (κ(w, w) ≥ 0 and positive semi-definite Gram matrices).
 *
 * <h2>Where a kernel comes from</h2>
 * <ol>
 *   <li>Memory: one evaluator per {@link io.landscape.api.Kernel} per process.</li>
 *   <li>The jar: relu, erf and linear are derived and compiled when landscape is built (the build step
 *       {@link io.landscape.impl.compile.ShippedKernels}, run by Maven at {@code process-classes}) and shipped as
 *       classes with their source: loading one takes milliseconds and never starts Symja or Janino.</li>
 *   <li>The disk cache: generated source under {@code $LANDSCAPE_CACHE_DIR}, else the system property
 *       {@code landscape.cache.dir}, else {@code ~/.cache/landscape} ({@code -Dlandscape.cache.dir=off} disables
 *       it), compiled again with Janino.</li>
 *   <li>A derivation with Symja: seconds for simple formulas, tens of seconds for erf-like ones. It is announced at
 *       INFO through {@link java.lang.System.Logger} (logger {@code io.landscape.impl.compile.KernelCompiler}:
 *       "deriving the NAME kernel with Symja (first use; cached in DIR)..."); the command line prints it as one line
 *       on stderr.</li>
 * </ol>
 * The jar and the disk cache use the same key ({@link io.landscape.impl.compile.KernelCompiler#key}): the kernel's
 * name and a hash of its name, formula and {@link io.landscape.impl.compile.KernelCompiler#GENERATOR_VERSION}, which
 * is bumped whenever the derivation or the printer changes what is generated — so a kernel made by another version is
 * never used. The test {@code ShippedKernelsTest} derives the built-in kernels from scratch and requires the shipped
 * sources to be identical, which also catches a forgotten bump.
 */
package io.landscape.impl.compile;
