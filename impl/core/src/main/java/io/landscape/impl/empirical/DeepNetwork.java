package io.landscape.impl.empirical;

import java.util.Arrays;
import java.util.SplittableRandom;

import io.landscape.api.empirical.DataSet;
import io.landscape.api.empirical.Loss;

/**
 * The depth-h ReLU network of paper 001 §2.1: O_0 = x, O_{l} = [W_l O_{l−1} + b_l]₊ for l &lt; h and the linear output
 * O_h = W_h O_{h−1} (Eq. 1, no bias), with layer sizes d = n_0, n_1, …, n_{h−1}, k = n_h. Value and predictions only
 * (Props. 1–2 need nothing else). Immutable.
 */
public final class DeepNetwork {
    private final int[] sizes;
    private final double[][] weights; // layer l (1-based) at index l-1: n_l × n_{l-1} row-major
    private final double[][] biases;  // layers 1 … h-1

    /**
     * @param sizes   d, n_1, …, n_{h−1}, k (h ≥ 1 layers)
     * @param weights per layer, row-major n_l × n_{l−1} (copied)
     * @param biases  per hidden layer, n_l entries (copied); h − 1 arrays
     */
    public DeepNetwork(int[] sizes, double[][] weights, double[][] biases) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs an input and an output size");
        }
        int h = sizes.length - 1;
        if (weights.length != h || biases.length != h - 1) {
            throw new IllegalArgumentException("depth " + h + " needs " + h + " weight matrices and " + (h - 1)
                    + " bias vectors");
        }
        this.sizes = sizes.clone();
        this.weights = new double[h][];
        this.biases = new double[h - 1][];
        for (int l = 1; l <= h; l++) {
            if (sizes[l] < 1) {
                throw new IllegalArgumentException("layer " + l + " has size " + sizes[l]);
            }
            if (weights[l - 1].length != sizes[l] * sizes[l - 1]) {
                throw new IllegalArgumentException("layer " + l + ": " + weights[l - 1].length + " weights, expected "
                        + sizes[l] + "×" + sizes[l - 1]);
            }
            this.weights[l - 1] = weights[l - 1].clone();
            if (l < h) {
                if (biases[l - 1].length != sizes[l]) {
                    throw new IllegalArgumentException("layer " + l + ": " + biases[l - 1].length + " biases, expected "
                            + sizes[l]);
                }
                this.biases[l - 1] = biases[l - 1].clone();
            }
        }
    }

    /**
     * A network drawn under Assumption 1: every hidden neuron's vector (w, b) ∈ R^{n_{l−1}+1} and every output
     * neuron's w ∈ R^{n_{h−1}} independently from {@code init}.
     */
    public static DeepNetwork random(int[] sizes, Initialization init, SplittableRandom rnd) {
        int h = sizes.length - 1;
        double[][] w = new double[h][];
        double[][] b = new double[h - 1][];
        double[] scratch = new double[Arrays.stream(sizes).max().orElse(1) + 1];
        for (int l = 1; l <= h; l++) {
            int in = sizes[l - 1];
            w[l - 1] = new double[sizes[l] * in];
            if (l < h) {
                b[l - 1] = new double[sizes[l]];
            }
            for (int i = 0; i < sizes[l]; i++) {
                int len = l < h ? in + 1 : in;
                init.draw(rnd, scratch, 0, len);
                System.arraycopy(scratch, 0, w[l - 1], i * in, in);
                if (l < h) {
                    b[l - 1][i] = scratch[in];
                }
            }
        }
        return new DeepNetwork(sizes, w, b);
    }

    /** The depth h (number of layers with weights). */
    public int depth() {
        return sizes.length - 1;
    }

    /** The number of outputs k. */
    public int outputs() {
        return sizes[sizes.length - 1];
    }

    /** n_{h−1}, the width of the last hidden layer (the input size of the output layer). */
    public int lastHiddenWidth() {
        return sizes[sizes.length - 2];
    }

    /** N(W)(x) into {@code out} (length k). */
    public void predict(double[] x, double[] out) {
        if (x.length != sizes[0]) {
            throw new IllegalArgumentException("input has " + x.length + " features, the network takes " + sizes[0]);
        }
        double[] cur = x;
        int h = depth();
        for (int l = 1; l <= h; l++) {
            int in = sizes[l - 1];
            double[] next = l == h ? out : new double[sizes[l]];
            double[] w = weights[l - 1];
            for (int i = 0; i < sizes[l]; i++) {
                double s = l < h ? biases[l - 1][i] : 0.0;
                for (int j = 0; j < in; j++) {
                    s += w[i * in + j] * cur[j];
                }
                next[i] = l < h ? Math.max(0.0, s) : s;
            }
            cur = next;
        }
    }

    /** P(W): the m×k predictions on the data set. */
    public double[][] predictions(DataSet data) {
        double[][] p = new double[data.size()][outputs()];
        for (int t = 0; t < data.size(); t++) {
            predict(data.features(t), p[t]);
        }
        return p;
    }

    /**
     * L(P) = (1/m) Σ_t ℓ(P_t, y_t): squared loss for one output (Σ of (P_t − y_t)² without ½); cross-entropy with
     * softmax over k ≥ 2 outputs (labels 0…k−1) or, for one output, the binary form with logits (0, P_t).
     */
    public static double loss(Loss loss, double[][] p, DataSet data) {
        double sum = 0;
        int k = p[0].length;
        for (int t = 0; t < p.length; t++) {
            double y = data.target(t);
            if (k == 1) {
                sum += ScalarLoss.value(loss, p[t][0], y);
            } else if (loss == Loss.CROSS_ENTROPY) {
                sum += SoftmaxCrossEntropy.value(p[t], 0, k, label(y, k, t));
            } else {
                throw new IllegalArgumentException("the squared loss takes one output, the network has " + k);
            }
        }
        return sum / p.length;
    }

    /** L(c·P) for a scalar c (Props. 1–2 and Thm. 1 rescale the last layer). */
    public static double scaledLoss(Loss loss, double[][] p, double c, DataSet data) {
        double[][] q = new double[p.length][];
        for (int t = 0; t < p.length; t++) {
            q[t] = p[t].clone();
            for (int j = 0; j < q[t].length; j++) {
                q[t][j] *= c;
            }
        }
        return loss(loss, q, data);
    }

    private static int label(double y, int k, int t) {
        if (y != Math.rint(y) || y < 0 || y >= k) {
            throw new IllegalArgumentException("example " + t + ": label " + y + " is out of range (0…" + (k - 1) + ")");
        }
        return (int) y;
    }
}
