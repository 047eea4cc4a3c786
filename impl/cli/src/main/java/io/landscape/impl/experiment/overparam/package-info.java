/**
 * Paper 000 (Safran, Yehudai and Shamir 2021): the Section 4.2 minima census for k = n = d (plain GD with step 5/k to a
 * whole-gradient norm of 1e-12, families up to symmetry, H'_ii spectra, the Eq. (68) curvature per neuron, rigorous
 * certificates, Figure 1), perturbed gradient descent near the split minima (Algorithm 1), and the Conjecture 1 probe
 * (Appendix D.1). The analysis itself (blocks, split points, escape directions) lives in the library package
 * {@code io.landscape.impl.overparam}; the README of docs/mild-overparameterization gives the derivations and results.
 */
package io.landscape.impl.experiment.overparam;
