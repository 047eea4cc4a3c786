/**
 * Code generation as stages: derived expressions become compiled Java, one small, separately tested stage at a time.
 *
 * <h2>The stages</h2>
 * <ol>
 *   <li><b>derive</b> — Symja, outside this package: {@link io.landscape.impl.symbolic.KernelDerivation} for pair
 *       kernels, {@code io.landscape.impl.formula.FormulaDerivation} for formula objectives. Output: Symja
 *       expressions, every simplification checked numerically against its input.</li>
 *   <li><b>CSE</b> — {@link io.landscape.impl.compile.StraightLineProgram}: common-subexpression elimination over all
 *       outputs of a routine together (value, gradient and Hessian share temporaries); a neutral representation that
 *       knows nothing of Java. Temporaries are numbered in post-order (children before parents).</li>
 *   <li><b>print</b> — {@link io.landscape.impl.compile.JavaPrinter}: one {@code final double tN = …;} per temporary,
 *       strict (refuses what it cannot translate exactly, naming the construct; never falls back to Symja at run
 *       time), small integer powers as products, half-integer powers with {@code Math.sqrt}, sin θ, cos θ, θ as the
 *       caller's {@code s}, {@code c}, {@code th}. Its {@link io.landscape.impl.compile.JavaPrinter#VERSION} is part
 *       of every cache key.</li>
 *   <li><b>routine</b> — {@link io.landscape.impl.compile.Routine}: the signature object (method name, inputs with
 *       their shapes, outputs, returned or written to {@code out[]}), which places a printed program in a method. A
 *       new kernel shape is a new list of routines, not a compiler edit: the pair kernel is
 *       {@link io.landscape.impl.compile.KernelCompiler#ROUTINES} ({@code value}, {@code first}, {@code second},
 *       {@code self}, each with a branch for s = 0 taking the θ = 0 or θ = π values); a formula objective is an outer
 *       routine and one routine per loop body ({@code io.landscape.impl.formula.FormulaCompiler#routines}).</li>
 *   <li><b>compile</b> — {@link io.landscape.impl.compile.JaninoCompiler}: Janino's {@code ClassBodyEvaluator} makes
 *       the class body a subclass of our base type, in memory or as class files (the shipped kernels); the source is
 *       stamped "GENERATED … DO NOT MODIFY", kept, and quoted whole in a compile error.</li>
 *   <li><b>cache</b> — {@link io.landscape.impl.compile.CodeCache}: generated sources on disk, keyed by everything that
 *       decided the code — formula, routine signatures, printer version, generator (derivation) version and
 *       derivation settings — written atomically. Memory caches sit in front, per pipeline.</li>
 * </ol>
 * HotSpot does not JIT methods over 8000 bytes of bytecode: routines are kept small by construction (a pair kernel's
 * coefficients; a formula objective's scalar routines over dot products, independent of dimension and family size),
 * and a formula routine whose CSE'd body exceeds a threshold is split into methods by output; the test
 * {@code GeneratedMethodSizeTest} reads the class files and checks every method's size.
 *
 * <h2>Pair kernels</h2>
 * {@link io.landscape.impl.compile.KernelCompiler} assembles the stages for a {@link io.landscape.api.Kernel}. Every
 * compiled kernel then passes {@link io.landscape.impl.kernel.KernelCheck} (κ(w, w) ≥ 0 and positive semi-definite
 * Gram matrices). Where a kernel comes from:
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
 * The jar and the disk cache use the same key ({@link io.landscape.impl.compile.KernelCompiler#key}). The test
 * {@code ShippedKernelsTest} derives the built-in kernels from scratch and requires the shipped sources to be
 * identical, which also catches a forgotten version bump. Splitting the former printer into the CSE, print and
 * routine stages left the generated kernel sources byte for byte as they were.
 */
package io.landscape.impl.compile;
