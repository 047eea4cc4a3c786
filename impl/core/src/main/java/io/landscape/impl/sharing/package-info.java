/**
 * Paper 004 (<i>Weight sharing is crucial to successful optimization</i>): the population losses of the cosine-wave
 * target (§3, {@link io.landscape.impl.sharing.CosineWaveObjective}) and of the erf-product targets (§4,
 * {@link io.landscape.impl.sharing.ErfProductObjective}, kernel {@link io.landscape.impl.sharing.ErfArcsine}), each
 * for a weight-shared (WS) and a fully connected (FC) first layer, in closed form with exact gradients and Hessians
 * (hand-derived; tested against Monte Carlo with 10⁶ samples and against finite differences). These are also the
 * hand-written references for symbolic objectives compiled from formula strings.
 * {@link io.landscape.impl.sharing.SharingTheorems} turns the paper's theorems and lemmas into numerical checks,
 * including the ones whose printed constants are wrong (Thm 2's eigenvalue range, Lemma 5's c₁ &lt; 1).
 */
package io.landscape.impl.sharing;
