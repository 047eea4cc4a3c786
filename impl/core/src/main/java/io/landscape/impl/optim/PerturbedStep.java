package io.landscape.impl.optim;

import java.util.SplittableRandom;

/**
 * Perturbed gradient descent (paper 000, Algorithm 1, App. D.2): a gradient step followed by a perturbation of
 * magnitude α in one random direction ξ that is <em>the same for every neuron</em>,
 * <pre>
 *   w_i ← w_i − η ∇_{w_i} F(w) + α ξ      (i = 1 … n),     ξ ~ N(0, I_d / d), drawn afresh at every step.
 * </pre>
 * <b>Noise law.</b> The algorithm box is missing from our copy of the paper; the proof of Thm 7 uses ‖ξ‖ ≤ 1.5 and
 * ‖ξ‖² &gt; ½ with probability 1 − e^{−Ω(d)} and ⟨ξ, ū⟩ ~ N(0, 1/d) for a unit ū, which is exactly ξ ~ N(0, I_d/d)
 * (so E‖ξ‖² = 1 and the perturbation has magnitude ≈ α). The order (gradient step first, then the noise) is ours;
 * the paper does not state it. With α = 0 this is {@link UpdateStep#FIXED} exactly.
 *
 * <p>The random stream depends only on the seed, so a run is reproducible; the instance holds the stream and a
 * d-vector of scratch, so it is not thread-safe and a run must use its own instance. {@link #apply} does not
 * allocate.
 */
public final class PerturbedStep implements UpdateStep {
    private final int d;
    private final double alpha;
    private final SplittableRandom rng;
    private final double[] xi;
    private final double scale;

    /**
     * Perturbed steps for points made of neurons of {@code d} entries (neuron i is {@code x[i*d .. i*d+d)}), noise
     * magnitude {@code alpha} ≥ 0, random stream seeded by {@code seed}.
     */
    public PerturbedStep(int d, double alpha, long seed) {
        if (d < 1) {
            throw new IllegalArgumentException("d: must be at least 1, got " + d);
        }
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha: must be finite and ≥ 0, got " + alpha);
        }
        this.d = d;
        this.alpha = alpha;
        this.rng = new SplittableRandom(seed);
        this.xi = new double[d];
        this.scale = 1.0 / Math.sqrt(d);
    }

    /** The noise magnitude α. */
    public double alpha() {
        return alpha;
    }

    @Override
    public void apply(double[] x, double[] g, double eta) {
        if (x.length % d != 0) {
            throw new IllegalArgumentException("point has " + x.length + " entries, not a multiple of d = " + d);
        }
        for (int q = 0; q < d; q++) {
            xi[q] = alpha * scale * rng.nextGaussian();
        }
        for (int o = 0; o < x.length; o += d) {
            for (int q = 0; q < d; q++) {
                x[o + q] = x[o + q] - eta * g[o + q] + xi[q];
            }
        }
    }
}
