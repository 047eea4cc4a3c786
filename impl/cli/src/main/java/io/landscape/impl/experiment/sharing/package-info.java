/**
 * Paper 004 (Shalev-Shwartz, Shamir and Shammah 2017): weight-shared versus fully connected first layers. Gradient
 * descent on the closed-form cosine-wave and erf-product losses of the library package {@code io.landscape.impl.sharing},
 * the escape time of the fully connected learner against d, and the SGD experiment of Figure 1 on Gaussian and MNIST
 * patches (hand-written backpropagation, checked against finite differences). Choices the paper leaves open are
 * documented in docs/weight-sharing/README.md.
 */
package io.landscape.impl.experiment.sharing;
