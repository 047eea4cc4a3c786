/**
 * Paper 002 (Safran and Shamir 2018): the spurious-minima search of Section 3. A run is a pure function of (k, n, seed,
 * run index, initialisation, descent settings, evaluator fingerprint) ({@link io.landscape.impl.experiment.spurious.SpuriousTask});
 * {@link io.landscape.impl.experiment.spurious.Sweep} cuts cells into chunks for a {@code sweep.Runner}, appends each finished
 * chunk to the run log ({@link io.landscape.impl.experiment.spurious.RunLog}, the result store) and classifies complete cells
 * on the driver in run order into families up to the symmetry group (permutations of neurons and of coordinates),
 * each certified rigorously; {@link io.landscape.impl.experiment.spurious.Reports} writes Tables 1-2 and Figure 1.
 */
package io.landscape.impl.experiment.spurious;
