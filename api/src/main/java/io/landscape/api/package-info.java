/**
 * The public interface of landscape: exact population losses, gradients and Hessians of two-layer teacher–student
 * networks under Gaussian input. Research code compiles against this package only; the implementation
 * ({@code io.landscape:landscape-impl}) is found at run time through {@link java.util.ServiceLoader}.
 *
 * <h2>What is computed</h2>
 * A {@link io.landscape.api.Problem} fixes the teacher neurons v_1..v_k ∈ R^d, the number n of student neurons, the
 * output weights a (students) and b (teacher), the activation through its Gaussian {@link io.landscape.api.Kernel}
 * κ(w, v) = E σ(w·x)σ(v·x), and the {@link io.landscape.api.Normalization}:
 * <pre>
 *   F(W) = c · E_x ½ (Σ_i a_i σ(w_i·x) − Σ_j b_j σ(v_j·x))²,   x ~ N(0, I_d),
 *        = c · (½ Σ_i a_i² κ(w_i, w_i) + Σ_{i&lt;j} a_i a_j κ(w_i, w_j) − Σ_{i,l} a_i b_l κ(w_i, v_l) + const),
 * </pre>
 * c = 1 ({@code HALF}, papers 002 and 003 and every constant paper 000 states) or 2 ({@code FULL}).
 * {@link io.landscape.api.Landscape#objective(io.landscape.api.Problem)} gives the
 * {@link io.landscape.api.Objective} F with its {@link io.landscape.api.Gradient} and
 * {@link io.landscape.api.Hessian}; points are flat arrays, neuron i at {@code i*d … i*d+d-1}
 * ({@link io.landscape.api.Points}).
 *
 * <h2>Kernels and how their derivatives are made</h2>
 * Built in: {@link io.landscape.api.Kernel#relu()} (the arc-cosine kernel of Cho &amp; Saul,
 * (rρ/(2π))(sin θ + (π − θ) cos θ), paper 002 Eq. 7), {@link io.landscape.api.Kernel#erf()} (the arcsine kernel,
 * (2/π) arcsin(2w·v/√((1+2‖w‖²)(1+2‖v‖²))), paper 004 Lemma 1) and {@link io.landscape.api.Kernel#linear()}
 * (κ = w·v); any other with {@link io.landscape.api.Kernel#formula(String, String)}, a Symja expression in
 * {@code r} = ‖w‖, {@code rho} = ‖v‖, {@code theta} = ∠(w, v), or {@code ww}, {@code vv}, {@code wv} (for example
 * {@code "ww*vv+2*wv^2"} for σ(z) = z²). The implementation derives every coefficient of ∇κ and ∇²κ with Symja
 * (derivatives in c = cos θ taken as −(1/sin θ)∂_θ, so no 0/0 at θ ∈ {0, π}; the values at θ = 0 and π derived too;
 * every simplification checked numerically), prints them as Java and compiles them with Janino. The built-in kernels
 * are derived when landscape is built and shipped compiled; other formulas are derived on first use (seconds to a
 * minute, logged at INFO) and cached on disk ({@code ~/.cache/landscape}, or {@code $LANDSCAPE_CACHE_DIR}).
 *
 * <h2>Degenerate points</h2>
 * Angles 0 and π between neurons use the kernel's limits (for ReLU h1 → 0 and h2 → ½I at θ = 0, → 0 at θ = π;
 * paper 000 Lemma 2 and App. A). F is defined everywhere; at a zero student neuron it has no derivative, and
 * {@link io.landscape.api.Gradient#evaluate} and {@link io.landscape.api.Hessian#evaluate} throw
 * {@link io.landscape.api.NotDifferentiableException} naming the neuron (paper 000 Lemma 1). A zero teacher neuron is
 * refused.
 *
 * <h2>Errors</h2>
 * Every error a caller can cause is a {@link io.landscape.api.LandscapeException} (unchecked, an
 * {@link java.lang.IllegalArgumentException}) with a message in the caller's terms and the caller's stack trace:
 * {@link io.landscape.api.InvalidFormulaException} (a kernel or checker formula, quoted as written, with the reason),
 * {@link io.landscape.api.InvalidProblemException} (the builder setting at fault, e.g. "students(n) was not set"),
 * {@link io.landscape.api.InvalidPointException} (the entry, neuron and coordinate of a NaN or infinite point, or a
 * wrong length) and {@link io.landscape.api.NotDifferentiableException}.
 *
 * <h2>Checking hand-derived formulas</h2>
 * {@link io.landscape.api.Landscape#formulaChecker()} compares a claimed closed form with Symja's own derivative:
 * symbolically when Symja simplifies the difference to 0, else at seeded random points (at least one; the number is
 * the caller's). The tests confirm paper 002 Eq. (8) (the gradient), h1 and h2 (Eq. 10 / paper 000 Thm 10), paper
 * 003 Eq. (4) and the rearranged loss Eq. (23) this way, and that wrong formulas are rejected.
 */
package io.landscape.api;
