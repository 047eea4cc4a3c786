/**
 * Symbolic stage: Symja derives what the objective needs from a kernel, and checks hand-derived formulas.
 *
 * <h2>How derivatives are made</h2>
 * A kernel κ(w, v) = E σ(w·x)σ(v·x) under x ~ N(0, I_d) depends on w and v only through r = ‖w‖, ρ = ‖v‖ and the
 * angle θ, so it is a function K(r, ρ, θ). {@link io.landscape.impl.symbolic.KernelDerivation} has Symja derive from
 * K the 20 scalar coefficients the objective uses — the full derivation is in that class's Javadoc:
 * <ul>
 *   <li>K_r, K_ρ and the derivatives in c = cos θ, taken as K_c = −K_θ / sin θ and K_cc = −(∂_θ K_c) / sin θ, which
 *       Symja simplifies so that the factor sin θ cancels symbolically: no 0/0 at θ ∈ {0, π};</li>
 *   <li>the gradient ∂κ/∂w = gA·w/r + gB·v (and gAv for ∂κ/∂v): for ReLU gA = ρ sin θ/(2π), gB = (π − θ)/(2π),
 *       paper 002 Eq. (8);</li>
 *   <li>the Hessian blocks in the unit vectors a = ŵ, b = v̂ and the in-plane unit vectors n = n̄_{v,w},
 *       m = n̄_{w,v}: h1 = ∂²κ/∂w² = α I + (β − α) aaᵀ + γ (anᵀ + naᵀ) + δ nnᵀ (and h1v likewise), and
 *       h2 = ∂²κ/∂w∂v = η0 (I − bbᵀ) + η2 abᵀ + η3 amᵀ + η4 nbᵀ + η5 nmᵀ — for ReLU paper 002 Eq. (10) and
 *       paper 000 Thm 10;</li>
 *   <li>the self term κ(w, w) = D(r) = K(r, r, 0) with D′ and D″;</li>
 *   <li>the values of every coefficient at θ = 0 and θ = π (parallel and antiparallel neurons), by substitution or,
 *       where that is indeterminate, by Symja's one-sided {@code Limit}, each checked against the expression 10⁻⁷
 *       away from the endpoint. For ReLU they give h1 → 0 and h2 → ½I (θ → 0) or 0 (θ → π): paper 000 Lemma 2 and
 *       App. A.</li>
 * </ul>
 * <b>Every</b> {@code Simplify}/{@code Together} result is checked numerically against its input at four points
 * before it is used (relative 10⁻⁹), and the unsimplified form kept otherwise: Symja 3.0.0 returns silently wrong
 * simplifications (one was hit in the second derivative of the erf self-kernel). The compile stage
 * ({@link io.landscape.impl.compile}) turns the result into Java.
 *
 * <p>Before deriving, a kernel formula is checked and refused with an {@link io.landscape.api.InvalidFormulaException}
 * saying why, quoting the formula as written: it must parse; use only r, rho, theta, ww, vv, wv and constants; call
 * only functions Symja knows; be a finite real number at seven probe points (r, ρ, θ); and be symmetric under
 * r ↔ ρ (symbolically, or else numerically at three points). If Symja cannot derive a coefficient in a form that
 * evaluates to real numbers, the message names the coefficient in words and Symja's own output is attached as the
 * cause.
 *
 * <h2>Checking hand-derived formulas</h2>
 * {@link io.landscape.impl.symbolic.SymjaFormulaChecker} implements {@link io.landscape.api.FormulaChecker}: vector
 * variables become lists of component symbols ({@code w → {w1, w2, w3}}), {@code Norm(x)} is read as
 * {@code Sqrt(x.x)}; the difference of the two sides is simplified symbolically when it is small (at most 600 leaves),
 * and otherwise both sides are evaluated at {@code samples ≥ 1} seeded standard-normal points and must agree to
 * 10⁻⁹·max(1, |lhs|, |rhs|) in every component. A formula that uses an undeclared vector or an unknown function, does
 * not parse, or is not real at a sample point is refused with an {@link io.landscape.api.InvalidFormulaException}
 * naming the side, the formula as written and the point.
 *
 * <h2>Threads</h2>
 * Symja's evaluator is not thread-safe: {@link io.landscape.impl.symbolic.SymjaSession} runs all symbolic work on one
 * daemon thread with its own 32 MB stack (Symja recurses deeply; the host program needs no {@code -Xss}). Errors found
 * there are rethrown on the caller's thread with the caller's stack trace.
 *
 * <h2>Logging: silencing Symja's and JAS's INFO lines</h2>
 * Symja and its polynomial library JAS log through the Log4j API, which landscape routes to SLF4J
 * ({@code log4j-to-slf4j}); landscape itself ships no SLF4J binding. With a binding of your own at its default level
 * INFO, JAS prints about 100 lines ({@code edu.jas.ufd.SquarefreeRingChar0 - …}, {@code edu.jas.ufd.FactorInteger -
 * …}) per cold derivation, with no Symja switch to stop them: JAS calls {@code logger.info} unconditionally. They
 * appear only when Symja runs — a kernel formula derived on first use, or the formula checker; the built-in kernels
 * are shipped compiled and never start Symja. To silence them, raise the level of the loggers {@code edu.jas} (and,
 * to be safe, {@code org.matheclipse}) to WARN in your binding:
 * <ul>
 *   <li>Logback: {@code <logger name="edu.jas" level="WARN"/>} in {@code logback.xml};</li>
 *   <li>slf4j-simple: {@code -Dorg.slf4j.simpleLogger.log.edu.jas=warn};</li>
 *   <li>slf4j-jdk14 (java.util.logging): {@code edu.jas.level = WARNING} in the {@code logging.properties} file;</li>
 *   <li>Log4j 2 through log4j-slf4j-impl: {@code <Logger name="edu.jas" level="warn"/>}.</li>
 * </ul>
 * landscape's own progress message ("deriving the … kernel with Symja …") goes through {@link java.lang.System.Logger}
 * as logger {@code io.landscape.impl.compile.KernelCompiler}.
 */
package io.landscape.impl.symbolic;
