package io.landscape.impl.empirical;

import io.landscape.api.empirical.Loss;

/**
 * ℓ(p, y) of a single-output network and its first two derivatives in the prediction p: squared (p − y)² (ℓ' = 2(p −
 * y), ℓ'' = 2) and binary softmax cross-entropy with logits (0, p), i.e. ℓ(p, y) = log(1 + e^p) − y·p for y ∈ {0, 1}
 * (ℓ' = σ(p) − y, ℓ'' = σ(p)(1 − σ(p)), σ the logistic function), evaluated without overflow.
 */
public final class ScalarLoss {
    private ScalarLoss() {
    }

    /** ℓ(p, y). */
    public static double value(Loss loss, double p, double y) {
        if (loss == Loss.SQUARED) {
            double r = p - y;
            return r * r;
        }
        return softplus(p) - y * p;
    }

    /** (1/m) Σ_t ℓ(p_t, y_t) over the m = y.length targets, summed in increasing t (L_S from the predictions). */
    public static double mean(Loss loss, double[] p, double[] y) {
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            sum += value(loss, p[t], y[t]);
        }
        return sum / y.length;
    }

    /** ∂ℓ/∂p. */
    public static double first(Loss loss, double p, double y) {
        if (loss == Loss.SQUARED) {
            return 2 * (p - y);
        }
        return logistic(p) - y;
    }

    /** ∂²ℓ/∂p². */
    public static double second(Loss loss, double p, double y) {
        if (loss == Loss.SQUARED) {
            return 2;
        }
        double s = logistic(p);
        return s * (1 - s);
    }

    /** log(1 + e^p) without overflow. */
    public static double softplus(double p) {
        return Math.max(p, 0) + Math.log1p(Math.exp(-Math.abs(p)));
    }

    /** 1 / (1 + e^{−p}) without overflow. */
    public static double logistic(double p) {
        if (p >= 0) {
            return 1 / (1 + Math.exp(-p));
        }
        double e = Math.exp(p);
        return e / (1 + e);
    }
}
