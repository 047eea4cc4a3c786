/**
 * Paper 003 (Xu and Du 2023): gradient descent on the single-neuron teacher with n over-parameterised students, the
 * exponential slowdown of Figure 1; each (n, dynamics) run is a serialisable sweep task, the curves and figures are
 * written on the driver.
 */
package io.landscape.impl.experiment.slowdown;
