/**
 * Empirical objectives of paper 001: the two-layer loss L_S(W, v) with trainable (or fixed) output weights, its
 * gradient and Hessian in (W, v) ({@link io.landscape.impl.empirical.TwoLayerObjective}), the scalar losses
 * ({@link io.landscape.impl.empirical.ScalarLoss}: squared without ½, binary softmax cross-entropy with logits (0, p)),
 * softmax cross-entropy for k outputs, the depth-h network of §2.1 ({@link io.landscape.impl.empirical.DeepNetwork})
 * and the Assumption-1 initialisations ({@link io.landscape.impl.empirical.Initialization}). Imports nothing of the
 * analysis packages (basin, experiments).
 */
package io.landscape.impl.empirical;
