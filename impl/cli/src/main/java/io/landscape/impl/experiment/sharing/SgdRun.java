package io.landscape.impl.experiment.sharing;

/**
 * Paper 004 §2 / Figure 1: online SGD on the target g*(tanh(u₀ᵀx₁), …, tanh(u₀ᵀx_k)), k patches, with g*_low(z) = z₁,
 * g*_high(z) = Π_l z_l, g*_both = their sum. Learner g(tanh(w_{(l)}ᵀx_l)_l) with a weight-shared (w_{(l)} = w₀) or
 * fully connected first layer; g either known (= g*) or learnt (FC 50 → ReLU → FC 1, with biases, hand-written
 * backprop). Squared loss in the paper's own convention (its Eq. 1: "the expected squared loss" E[½(ŷ − y)²]):
 * L = mean over the batch of ½(ŷ − y)², fresh samples every batch. (Without the ½ the step η = 0.5 is twice the
 * paper's, and the learnt g loses most of its ReLUs in the first steps — see the package documentation.)
 *
 * <p>Initialisation (unstated in the paper): truncated normal (±2 std, redrawn) with std 1/√fan-in for every weight
 * matrix (first layer fan-in d, hidden layer k, output 50), biases 0. The data stream and u₀ depend only on
 * (seed, data), so the WS and FC runs of a seed see the same target and the same samples. The inner loop allocates
 * nothing.
 */
final class SgdRun {
    enum Target { LOW, HIGH, BOTH }

    /** A source of batches of k patches of dimension d. */
    interface Source {
        int dimension();

        /** Writes {@code batch} samples of k patches into x (layout [sample][patch][coordinate]). */
        void fill(double[] x, int batch, int k, Rng r);
    }

    static final int HIDDEN = 50;

    private final int k;
    private final int d;
    private final int batch;
    private final Target target;
    private final boolean learnt;
    private final boolean shared;
    private final double[] u0;
    // parameters
    final double[] w;
    final double[] w1;
    final double[] b1;
    final double[] w2;
    final double[] b2 = new double[1];
    // gradients
    final double[] gw;
    final double[] gw1;
    final double[] gb1;
    final double[] gw2;
    final double[] gb2 = new double[1];
    // buffers
    private final double[] x;
    private final double[] y;
    private final double[] h;
    private final double[] z;
    private final double[] dh;
    private final double[] pre;
    private final double[] suf;

    SgdRun(int k, int d, int batch, Target target, boolean learnt, boolean shared, double[] u0, Rng init) {
        this.k = k;
        this.d = d;
        this.batch = batch;
        this.target = target;
        this.learnt = learnt;
        this.shared = shared;
        this.u0 = u0.clone();
        int m = shared ? d : k * d;
        w = new double[m];
        gw = new double[m];
        double std = 1 / Math.sqrt(d);
        for (int i = 0; i < m; i++) {
            w[i] = init.truncatedNormal(std);
        }
        w1 = new double[HIDDEN * k];
        b1 = new double[HIDDEN];
        w2 = new double[HIDDEN];
        gw1 = new double[HIDDEN * k];
        gb1 = new double[HIDDEN];
        gw2 = new double[HIDDEN];
        if (learnt) {
            for (int i = 0; i < w1.length; i++) {
                w1[i] = init.truncatedNormal(1 / Math.sqrt(k));
            }
            for (int i = 0; i < HIDDEN; i++) {
                w2[i] = init.truncatedNormal(1 / Math.sqrt(HIDDEN));
            }
        }
        x = new double[batch * k * d];
        y = new double[batch];
        h = new double[batch * k];
        z = new double[batch * HIDDEN];
        dh = new double[k];
        pre = new double[k + 1];
        suf = new double[k + 1];
    }

    double[] inputs() {
        return x;
    }

    double[] labels() {
        return y;
    }

    /** Draws a batch and its labels. */
    void draw(Source source, Rng data) {
        source.fill(x, batch, k, data);
        for (int b = 0; b < batch; b++) {
            int base = b * k * d;
            double low = 0;
            double prod = 1;
            for (int l = 0; l < k; l++) {
                double s = 0;
                int off = base + l * d;
                for (int i = 0; i < d; i++) {
                    s += u0[i] * x[off + i];
                }
                double t = Math.tanh(s);
                if (l == 0) {
                    low = t;
                }
                prod *= t;
            }
            y[b] = target == Target.LOW ? low : target == Target.HIGH ? prod : low + prod;
        }
    }

    /** The batch loss mean ½(ŷ − y)² at the current parameters; with {@code gradient}, also fills the gradients. */
    double lossAndGradient(boolean gradient) {
        if (gradient) {
            java.util.Arrays.fill(gw, 0);
            if (learnt) {
                java.util.Arrays.fill(gw1, 0);
                java.util.Arrays.fill(gb1, 0);
                java.util.Arrays.fill(gw2, 0);
                gb2[0] = 0;
            }
        }
        double loss = 0;
        for (int b = 0; b < batch; b++) {
            int base = b * k * d;
            int hb = b * k;
            for (int l = 0; l < k; l++) {
                int off = base + l * d;
                int wo = shared ? 0 : l * d;
                double s = 0;
                for (int i = 0; i < d; i++) {
                    s += w[wo + i] * x[off + i];
                }
                h[hb + l] = Math.tanh(s);
            }
            double out;
            if (learnt) {
                int zb = b * HIDDEN;
                out = b2[0];
                for (int j = 0; j < HIDDEN; j++) {
                    double s = b1[j];
                    for (int l = 0; l < k; l++) {
                        s += w1[j * k + l] * h[hb + l];
                    }
                    z[zb + j] = s;
                    if (s > 0) {
                        out += w2[j] * s;
                    }
                }
            } else {
                out = gstar(hb);
            }
            double r = out - y[b];
            loss += r * r;
            if (!gradient) {
                continue;
            }
            double e = r / batch;
            if (learnt) {
                int zb = b * HIDDEN;
                gb2[0] += e;
                for (int l = 0; l < k; l++) {
                    dh[l] = 0;
                }
                for (int j = 0; j < HIDDEN; j++) {
                    double zj = z[zb + j];
                    if (zj > 0) {
                        gw2[j] += e * zj;
                        double dz = e * w2[j];
                        gb1[j] += dz;
                        for (int l = 0; l < k; l++) {
                            gw1[j * k + l] += dz * h[hb + l];
                            dh[l] += dz * w1[j * k + l];
                        }
                    }
                }
            } else {
                gstarGradient(hb, e);
            }
            for (int l = 0; l < k; l++) {
                double hl = h[hb + l];
                double ds = dh[l] * (1 - hl * hl);
                int off = base + l * d;
                int wo = shared ? 0 : l * d;
                for (int i = 0; i < d; i++) {
                    gw[wo + i] += ds * x[off + i];
                }
            }
        }
        return 0.5 * loss / batch;
    }

    private double gstar(int hb) {
        double low = h[hb];
        if (target == Target.LOW) {
            return low;
        }
        double p = 1;
        for (int l = 0; l < k; l++) {
            p *= h[hb + l];
        }
        return target == Target.HIGH ? p : low + p;
    }

    /** dh_l = e times the partial derivative of g* in h_l (products without division). */
    private void gstarGradient(int hb, double e) {
        for (int l = 0; l < k; l++) {
            dh[l] = 0;
        }
        if (target != Target.HIGH) {
            dh[0] = e;
        }
        if (target != Target.LOW) {
            pre[0] = 1;
            for (int l = 0; l < k; l++) {
                pre[l + 1] = pre[l] * h[hb + l];
            }
            suf[k] = 1;
            for (int l = k - 1; l >= 0; l--) {
                suf[l] = suf[l + 1] * h[hb + l];
            }
            for (int l = 0; l < k; l++) {
                dh[l] += e * pre[l] * suf[l + 1];
            }
        }
    }

    /** One SGD step with step size eta on a fresh batch; returns the batch loss before the step. */
    double step(Source source, Rng data, double eta) {
        draw(source, data);
        double loss = lossAndGradient(true);
        axpy(-eta, gw, w);
        if (learnt) {
            axpy(-eta, gw1, w1);
            axpy(-eta, gb1, b1);
            axpy(-eta, gw2, w2);
            b2[0] -= eta * gb2[0];
        }
        return loss;
    }

    private static void axpy(double a, double[] xs, double[] ys) {
        for (int i = 0; i < xs.length; i++) {
            ys[i] += a * xs[i];
        }
    }

    /** Standard normal patches. */
    static Source gaussian(int d) {
        return new Source() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public void fill(double[] x, int batch, int k, Rng r) {
                int n = batch * k * d;
                for (int i = 0; i < n; i++) {
                    x[i] = r.gaussian();
                }
            }
        };
    }
}
