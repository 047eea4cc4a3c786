package io.landscape.impl.overparam;

import io.landscape.api.function.NetworkHessian;

/**
 * The Hessian at the split point w(α, i) = (w_1, …, w_{i−1}, αw_i, (1−α)w_i, w_{i+1}, …, w_n) in closed form from the
 * Hessian H at w (paper 000 Lemma 12, Eq. 67), without evaluating anything at the split point: with
 * H'_ii = H_ii − ½c a_i² I,
 * <pre>
 *   block (i, i)         = ½c a_i² I + H'_ii / α
 *   block (i+1, i+1)     = ½c a_i² I + H'_ii / (1 − α)
 *   block (i, i+1)       = ½c a_i² I                        (h2 at θ = 0, Lemma 2)
 *   block (i or i+1, j)  = H_ij,   block (j, j') = H_jj'     (h2 is scale invariant; h1 is homogeneous in its partner)
 * </pre>
 * (new indices j ∉ {i, i+1} are the old ones shifted past the pair). Products cost one product with H plus O(d²).
 * The derivation is in the {@linkplain io.landscape.impl.overparam package documentation}.
 */
public final class SplitHessian implements NetworkHessian {
    private final NetworkHessian base;
    private final int n;
    private final int d;
    private final int i;
    private final double alpha;
    private final double self;     // ½ c a_i²
    private final double[] hii;    // H_ii
    private final double[] hPrime; // H'_ii

    /**
     * @param base  the Hessian at w (n neurons)
     * @param i     the split neuron (0-based)
     * @param alpha α ∈ (0, 1)
     * @param self  ½ c a_i² (the coefficient of I in H_ii that does not scale)
     */
    public SplitHessian(NetworkHessian base, int i, double alpha, double self) {
        this.base = base;
        this.d = base.blockSize();
        this.n = base.dimension() / d;
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException("split neuron " + (i + 1) + " is not in 1.." + n);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("split: α must be in (0, 1), got " + alpha);
        }
        this.i = i;
        this.alpha = alpha;
        this.self = self;
        this.hii = new double[d * d];
        base.block(i, i, hii);
        this.hPrime = hii.clone();
        for (int p = 0; p < d; p++) {
            hPrime[p * d + p] -= self;
        }
    }

    @Override
    public int dimension() {
        return (n + 1) * d;
    }

    @Override
    public int blockSize() {
        return d;
    }

    /** The neuron of w that new neuron s comes from. */
    private int old(int s) {
        return s <= i ? s : s - 1;
    }

    @Override
    public void block(int s, int t, double[] out) {
        boolean sIn = s == i || s == i + 1;
        boolean tIn = t == i || t == i + 1;
        if (sIn && tIn) {
            java.util.Arrays.fill(out, 0, d * d, 0.0);
            if (s == t) {
                double f = s == i ? 1.0 / alpha : 1.0 / (1.0 - alpha);
                for (int p = 0; p < d * d; p++) {
                    out[p] = f * hPrime[p];
                }
            }
            for (int p = 0; p < d; p++) {
                out[p * d + p] += self;
            }
            return;
        }
        base.block(old(s), old(t), out);
    }

    @Override
    public void multiply(double[] v, double[] out) {
        if (v == out) {
            throw new IllegalArgumentException("multiply: out must not be v");
        }
        double[] vh = new double[n * d];
        for (int s = 0; s <= n; s++) {
            int o = old(s);
            for (int q = 0; q < d; q++) {
                vh[o * d + q] += v[s * d + q];
            }
        }
        double[] y = new double[n * d];
        base.multiply(vh, y);
        for (int s = 0; s <= n; s++) {
            if (s == i || s == i + 1) {
                continue;
            }
            System.arraycopy(y, old(s) * d, out, s * d, d);
        }
        int oa = i * d;
        int ob = (i + 1) * d;
        for (int p = 0; p < d; p++) {
            double hs = 0;
            double ha = 0;
            double hb = 0;
            for (int q = 0; q < d; q++) {
                hs += hii[p * d + q] * vh[oa + q];
                ha += hPrime[p * d + q] * v[oa + q];
                hb += hPrime[p * d + q] * v[ob + q];
            }
            double common = y[oa + p] - hs + self * vh[oa + p];
            out[oa + p] = common + ha / alpha;
            out[ob + p] = common + hb / (1.0 - alpha);
        }
    }
}
