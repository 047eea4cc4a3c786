package io.landscape.impl.empirical;

/**
 * Softmax cross-entropy for k ≥ 2 output logits (paper 001 §3): ℓ(p, j) = log Σ_c exp(p_c) − p_j, evaluated with the
 * max shift; its Hessian in p is diag(q) − qqᵀ, q = softmax(p) (App. B.2).
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /** ℓ(p, label) for logits {@code p[from … from+k-1]}. */
    public static double value(double[] p, int from, int k, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, p[from + c]);
        }
        double s = 0;
        for (int c = 0; c < k; c++) {
            s += Math.exp(p[from + c] - max);
        }
        return max + Math.log(s) - p[from + label];
    }
}
