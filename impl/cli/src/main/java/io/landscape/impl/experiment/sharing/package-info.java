/**
 * Paper 004 (Shalev-Shwartz, Shamir and Shammah 2017): weight-shared versus fully connected first layers. Gradient
 * descent on the closed-form cosine-wave and erf-product losses of the library package {@code io.landscape.impl.sharing},
 * the escape time of the fully connected learner against d, and the SGD experiment of Figure 1 on Gaussian and MNIST
 * patches (hand-written backpropagation, checked against finite differences). Results: docs/weight-sharing/README.md.
 *
 * <h2>Figure 1 (§2): what the paper fixes and what we chose</h2>
 * Fixed by the paper: k = 5 patches (App. A); target g*(tanh(u₀ᵀx₁), …, tanh(u₀ᵀx_k)) with g*_low(z) = z₁,
 * g*_high(z) = Π_l z_l, g*_both their sum; learner g(tanh(w_{(l)}ᵀx_l)_l) with w_{(l)} = w₀ (WS) or w_l (FC);
 * g = g* (known) or FC 50 → ReLU → FC 1 (learnt); SGD, η = 0.5, batch 128, "the Squared Loss", 3000 iterations;
 * Gaussian patches with d = 75; MNIST patches 10×10 (d = 100) "normalized to have zero mean"; the figure plots the
 * loss against the SGD iteration (WS dashed red, FC solid blue; columns low/high/both, rows known/learnt g).
 * Left open, and decided here ({@code SgdRun}, {@code SgdExperiment}, {@code MnistPatches}):
 * <ul>
 *   <li><b>Loss convention</b>: ½(ŷ − y)², averaged over the batch — the paper's own definition of "the expected
 *       squared loss" (Eq. 1, F = E[½(p_w − p_{u₀})²]); the plotted and reported losses are in this convention.
 *       This choice matters: with (ŷ − y)² the same η = 0.5 is a step twice as long, and with a learnt g most of the
 *       50 ReLUs die in the first steps (Gaussian, g*_both, WS: 1–33 of 50 alive after 500 steps, one seed with 1
 *       left, final loss (ŷ − y)² from 0.03 to 0.75); with ½ all 50 stay alive and WS learns g*_both in every seed
 *       while FC does not learn its degree-5 part — the paper's picture.</li>
 *   <li><b>Data</b>: fresh samples every batch (the paper's "very large training set"); Gaussian x_l ~ N(0, I_75)
 *       independent; MNIST: each of the k patches from its own random digit of the shipped 10,000 at a random
 *       position in the central 20×20 region, pixels in [0, 1] minus the mean patch, nothing else (independent like
 *       the Gaussian x_l; patches of one digit overlap, and the product target is then not of high degree).</li>
 *   <li><b>u₀</b>: a uniformly random direction per (seed, data set), scaled so that u₀ᵀx_l has standard deviation
 *       2 (‖u₀‖ = 2 for Gaussian patches), so that tanh acts as the smooth sign the paper describes.</li>
 *   <li><b>Initialisation</b>: every weight matrix truncated normal (±2 std, redrawn) with std 1/√fan-in (first layer
 *       d, hidden layer k, output 50), biases 0.</li>
 *   <li><b>Seeds</b>: 1…N (default 5); the WS and FC runs of a seed see the same u₀ and the same samples. A run
 *       depends only on (data, target, g, architecture, seed), so {@code --data gaussian|mnist},
 *       {@code --target low|high|both} and {@code --g known|learnt} (Figure 1 only) select runs without changing
 *       any: e.g. {@code --part sgd --data mnist --target high --g known --seeds 20} repeats seeds 1–5 of the full
 *       reproduction exactly and adds 6–20. Each run's wall and CPU seconds are in {@code summary.json}
 *       ({@code seconds}, {@code cpuSeconds}; the totals under {@code seconds.sgd} and {@code seconds.sgdCpu}).</li>
 *   <li><b>What is recorded</b>: the batch loss before every step (each batch is fresh, so it is an unbiased estimate
 *       of the population loss), kept as means over windows of 10 iterations; initialLoss = the first batch,
 *       finalLoss = the mean of the last 100 batches.</li>
 * </ul>
 */
package io.landscape.impl.experiment.sharing;
