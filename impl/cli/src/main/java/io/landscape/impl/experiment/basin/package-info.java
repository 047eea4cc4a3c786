/**
 * {@code landscape reproduce initial-basin}: Monte Carlo estimates of paper 001's probability statements against its
 * bounds ({@link io.landscape.impl.experiment.basin.Statements}), per-trial seeds from (seed, curve, width, trial), and
 * the figures ({@link io.landscape.impl.experiment.basin.BasinFigures}). The data sets, events and results are
 * described in docs/initial-basin/README.md.
 */
package io.landscape.impl.experiment.basin;
