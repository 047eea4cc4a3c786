/**
 * Optimizers: one descent engine, the Newton pieces, and trajectory recorders.
 *
 * <h2>The engine's shape</h2>
 * <pre>
 *   GradientDescent.run(x0, Config)                       one run, any DifferentiableFunction
 *     repeat (attempt with step η, from x0)
 *       evaluate ∇F (and F when valuesEveryStep)
 *       DescentMonitor.observe(F, max block ‖∇F‖, ‖∇F‖)    the state the rules read
 *         StopRule  anyOf(divergence, gradientTolerance[, globalThreshold])   first that fires decides
 *         NewtonFinish.Options → TRY_NEWTON → Finish.finish (accepted or rejected, see below)
 *           the Options' kind() creates the Finish: NewtonFinish (dense) or NewtonCgFinish (matrix-free);
 *           on rejection Finish.rejected tells the monitor when to retry
 *         StopRule  stepBudget                             always last
 *       UpdateStep.apply(x, ∇F, η)                         FIXED today (perturbed GD, SGD: further UpdateSteps)
 *     on DIVERGED: RestartPolicy (η ← η/2 from x0, at most MAX_RESTARTS, while the budget lasts)
 * </pre>
 * {@link io.landscape.impl.optim.GradientDescent.Config} holds the pieces; {@code Config.plain(η, tol, maxSteps)} is
 * plain fixed-step descent (the api's {@code Landscape.descend}), {@code withNewton} adds the finish. Paper 002's search
 * is a configuration built by {@link io.landscape.impl.optim.GradientDescent.Settings}: {@code plain()} is exactly the
 * paper's loop (η = 0.1, tolerance 10⁻⁹ on max_i ‖∇_{w_i}F‖, only ∇F per step and F once at the end);
 * {@code accelerated()} composes the search's shortcuts — the global early stop (one more stop rule), the Newton
 * finish, and (through {@code GradientDescent.remembering}) the verified-minima memory; {@code converging()} the
 * Newton finish alone (what {@code landscape descend} reports by default). The batched search
 * ({@link io.landscape.impl.optim.BatchDescent}, over an {@link io.landscape.api.function.BatchFunction}) advances several runs in SIMD lanes with one
 * {@link io.landscape.impl.optim.DescentMonitor} per lane, the same stop rules and the same
 * {@link io.landscape.impl.optim.RestartPolicy}, and hands a lane to {@code GradientDescent.newtonFrom} for its
 * finish. Every configuration caps the number of steps, so a sweep always terminates.
 *
 * <p>Other pieces: {@link io.landscape.impl.optim.NewtonPolish} (plain Newton to machine precision, Cholesky or pivoted
 * LU; the api's {@code Landscape.polish} and the certifier's polishing), {@link io.landscape.impl.optim.GradientFlow}
 * (the gradient-flow ODE, Dormand–Prince) and {@link io.landscape.impl.optim.RecordedGradientDescent} (fixed-step GD
 * recording F at chosen steps), all on the api's {@link io.landscape.api.function.DifferentiableFunction}.
 *
 * <h2>Why the 002 shortcuts keep each run's classification</h2>
 * The spurious-minima search classifies a run as "global" (end value F &lt; 10⁻³) or "candidate" (F ≥ 10⁻³). The
 * shortcuts of {@code Settings.accelerated()} change the cost of a run, not which basin it ends in:
 * <ol>
 * <li><b>Global early stop</b> ({@code StopRule.globalThreshold}). The run stops with {@code BELOW_THRESHOLD} as soon
 * as F &lt; 10⁻³ provided the last {@value io.landscape.impl.optim.GradientDescent#MONOTONE_WINDOW} steps (or all, if
 * fewer) decreased F (an increase below the rounding level 10⁻¹²·max(1, |F|) is not an ascent). Argument: the plain
 * loop is the same sequence of iterates; if it keeps decreasing F (it does for every step we have observed, because
 * η = 0.1 is far below 2/L on the sublevel sets that matter) then its end value is below F_t &lt; 10⁻³ too, so the plain
 * run is also classified global. The paper itself saw no end value in [10⁻³, 10⁻²) and spurious values are ≥ 0.015, so
 * a non-monotone step after the stop would have to climb over an order of magnitude to change the label. After a step
 * that increased F (possible early on, when ηL &gt; 2 far from the minima, e.g. k = 2 with n = 20), the shortcut waits
 * for {@value io.landscape.impl.optim.GradientDescent#MONOTONE_WINDOW} decreasing steps in a row.</li>
 * <li><b>Newton finish</b> ({@link io.landscape.impl.optim.NewtonFinish}). Once max_i‖∇_{w_i}F‖ ≤ {@code switchAt}
 * (10⁻⁴) and F ≥ 10⁻³ (and n·d ≤ {@code maxDimension}), Newton steps are tried from the current iterate x₀. The
 * attempt is accepted only if (a) ∇²F(x₀) is positive definite (Cholesky succeeds), (b) every Newton step decreases
 * both F (up to rounding) and the gradient norm, and every refreshed Hessian is positive definite, (c) the end point x*
 * reaches the tolerance, ∇²F(x*) is positive definite and the displacement ‖x* − x₀‖ is at most {@code radius}
 * (10⁻²). Argument: F is then (numerically) strongly convex along the way, with Hessian spectrum in [μ, L] near x*,
 * μ &gt; 0, ηL &lt; 2; on a ball around x* where F is strongly convex the GD map with step η is a contraction towards
 * the ball's unique minimiser, so GD started at x₀ (which lies in the ball of radius ‖x₀ − x*‖) never leaves it and
 * converges to the same x* — the same end value, the same classification. The conditions (a)–(c) check convexity at
 * the iterates, not on the whole ball (that would need a bound on the third derivative, as in the paper's Lemma 1),
 * which is why the radius is kept small; the test {@code GradientDescentTest} compares the classification and end
 * points of plain and accelerated runs on the same seeds. If the attempt is rejected, GD simply continues and the
 * finish is retried when the gradient has shrunk tenfold.</li>
 * <li><b>Verified-minima memory</b> ({@link io.landscape.impl.optim.NewtonFinish.VerifiedMinima}). Runs of one
 * experiment may share the minima they have verified: an end point that is, up to a symmetry of F, within a proven
 * distance of a point where ∇²F − σI was positive definite skips the factorisation in (c), which would have succeeded
 * (the interface's documentation gives the argument) — the same decision, at half the cost of a finish, whichever run
 * recorded the point first, so results do not depend on the order of the runs or the thread count.</li>
 * </ol>
 * <h2>The matrix-free Newton finish and its ball certificate (large problems)</h2>
 * Above the dense finish's limit (n·d &gt; 600) a factorisation costs more than the descent it saves (k = n = d = 100:
 * an 800 MB Hessian, ~10¹² flops). {@code NewtonFinish.Options.matrixFree} selects
 * {@link io.landscape.impl.optim.NewtonCgFinish} instead: Newton steps by conjugate gradients on Hessian–vector
 * products, then a certificate that is <em>proven</em> apart from one stated floating-point assumption, rather than
 * checked at the iterates only as (a)–(c) above. With x₀ the hand-over iterate, x̂ the Newton end point, γ = ‖∇F(x̂)‖,
 * δ = ‖x̂ − x₀‖, θ_min, θ_max the extreme Lanczos Ritz values of ∇²F(x̂), ρ = δ + 8γ/θ_min and B a proven bound of the
 * third derivative of F on the ball K = B(x̂, ρ) (paper 002 Lemma 1's constant; for ReLU networks
 * {@code overparam.ReluLandscape.hessianLipschitz}), the finish is accepted only if θ_min &gt; 0, B·ρ ≤ θ_min/4,
 * η(1.05θ_max + B·ρ) &lt; 2, δ ≤ radius and the tolerance is met. Then, <b>provided λ_min(∇²F(x̂)) ≥ θ_min/2 and
 * λ_max(∇²F(x̂)) ≤ 1.05θ_max</b>, ∇²F has spectrum in [θ_min/4, 2/η) on all of K (Weyl, and Banach's theorem turning
 * the cubic-form bound into a Lipschitz bound of ∇²F), F has a unique critical point x* in K with ‖x* − x̂‖ ≤ 4γ/θ_min,
 * and the descent map y ↦ y − η∇F(y) contracts every ball around x* inside K, which contains x₀'s: <b>the plain loop
 * from x₀ converges to x*</b>, and stops within tol/μ of it. The full proof is in the class documentation. The runs
 * stay pure functions of their start and settings (no memory between runs or attempts; the Lanczos start vector is
 * fixed), and with F not evaluated per step the iterates up to the hand-over are bitwise the plain loop's. When the
 * ball is too large for B the finish is retried at the gradient level where the distance should have shrunk enough
 * ({@code DescentMonitor.rejected(g, next)}). {@code NewtonCgFinishTest} checks acceptance, the end point against
 * plain descent and every rejection; the census compares runs against {@code --plain}.
 *
 * Splitting the engine into these pieces changed no decision: every non-timing field of the spurious searches
 * ({@code reproduce spurious-minima}, {@code spurious}, {@code descend} in its three modes) is identical to the
 * single-class implementation it replaced; nor did routing both finishes through the one {@code Finish} interface
 * (every non-timing output of {@code spurious --k 8 --n 8|9 --runs 200} and of the census at k = 8, 12 — dense finish —
 * and k = 25, 26 — matrix-free finish — identical before and after).
 */
package io.landscape.impl.optim;
