package io.landscape.impl.sharing;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Paper 004's theorems and lemmas as numerical checks on the closed forms of {@link CosineWaveObjective} and
 * {@link ErfProductObjective} (used by the tests and by {@code reproduce weight-sharing}, which writes the numbers).
 * Every method is deterministic in its seed.
 */
public final class SharingTheorems {
    private SharingTheorems() {
    }

    /** min/max of a quantity over sampled points, with the bound it is compared with. */
    public record Range(double min, double max) {
    }

    /**
     * Thm 2: the eigenvalues of the WS cosine-wave Hessian at {@code points} points w₀ = u₀ + N(0, I_d)·2 (‖u₀‖ = 1,
     * random direction). The paper prints [c_k²/2 − (2k + √k), c_k²/2 + (2k + √k)] ⊆ [3k/2, 15k/2]; the quadratic term
     * has Hessian c_k²I = 9kI, so the true range lies in [9k − 2k − √k, 9k + 2k + √k].
     */
    public static Range thm2Eigenvalues(int k, int d, int points, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] u0 = unit(rnd, d);
        CosineWaveObjective f = CosineWaveObjective.weightShared(k, u0);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] w = new double[d];
        for (int p = 0; p < points; p++) {
            for (int i = 0; i < d; i++) {
                w[i] = u0[i] + 2 * gaussian(rnd);
            }
            double[] ev = symmetricEigenvalues(f.hessianAt(w).toDense(), d);
            for (double e : ev) {
                lo = Math.min(lo, e);
                hi = Math.max(hi, e);
            }
        }
        return new Range(lo, hi);
    }

    /** Thm 1 on the FC ring: max ‖∂F/∂(w₂…w_k)‖ and min F(w) − F(ū₀) over sampled ring points. */
    public record RingCheck(int k, double u0Norm, double maxGradient, double gradientBound, double minGap,
            double gapBound) {
        /** Whether both measured quantities respect their bounds. */
        public boolean holds() {
            return maxGradient <= gradientBound && minGap >= gapBound;
        }
    }

    /**
     * Thm 1 (FC cosine wave, k &gt; 1): points with ‖ŵ‖ ∈ [√(k−1)‖u₀‖/3, √(k−1)‖u₀‖/2], ŵ = (w₂…w_k) in a random
     * direction, w₁ random (half of the points w₁ = u₀, the adversarial case for the gap). Bounds with explicit
     * constants (derived in docs/weight-sharing/README.md from the corrected gradient):
     * ‖∂F/∂ŵ‖ ≤ 2√k‖u₀‖e^{−k‖u₀‖²/16} and F(w) − F(ū₀) ≥ ½ − e^{−k‖u₀‖²/16}.
     */
    public static RingCheck thm1Ring(int k, int d, double u0Norm, int points, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("Thm 1 needs k > 1");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] u0 = unit(rnd, d);
        for (int i = 0; i < d; i++) {
            u0[i] *= u0Norm;
        }
        CosineWaveObjective f = CosineWaveObjective.fullyConnected(k, u0);
        double uHat = Math.sqrt(k - 1.0) * u0Norm;
        int m = k * d;
        double[] w = new double[m];
        double[] g = new double[m];
        double maxG = 0;
        double minGap = Double.POSITIVE_INFINITY;
        for (int p = 0; p < points; p++) {
            for (int i = 0; i < d; i++) {
                w[i] = p % 2 == 0 ? u0[i] : u0[i] + gaussian(rnd);
            }
            double[] dir = unit(rnd, m - d);
            double radius = uHat * (1.0 / 3 + (1.0 / 6) * rnd.nextDouble());
            for (int i = d; i < m; i++) {
                w[i] = radius * dir[i - d];
            }
            double gap = f.valueAndGradient(w, g);
            double s = 0;
            for (int i = d; i < m; i++) {
                s += g[i] * g[i];
            }
            maxG = Math.max(maxG, Math.sqrt(s));
            minGap = Math.min(minGap, gap);
        }
        double e = Math.exp(-k * u0Norm * u0Norm / 16);
        return new RingCheck(k, u0Norm, maxG, 2 * Math.sqrt(k) * u0Norm * e, minGap, 0.5 - e);
    }

    /** ‖u₀‖² = 12k²/π², the norm of Lemma 2 and Thm 4. */
    public static double lemma2Norm(int k) {
        return Math.sqrt(12.0 * k * k / (Math.PI * Math.PI));
    }

    /** Lemma 2: V(u₀, u₀)^k at ‖u₀‖² = 12k²/π² (claimed &gt; (1 − 1/k)^k &gt; ¼). */
    public static double lemma2(int k) {
        double r = lemma2Norm(k);
        return Math.pow(ErfArcsine.self(r * r), k);
    }

    /** Lemma 6 by simulation: P(∀l |cos∠(w_l, u₀)| &lt; d^{−1/3}) for w_l uniform on {±c}^d. */
    public record Lemma6(int k, int d, int trials, double empirical, double bound) {
    }

    public static Lemma6 lemma6(int k, int d, int trials, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] u0 = unit(rnd, d);
        double t = Math.pow(d, -1.0 / 3);
        int good = 0;
        for (int trial = 0; trial < trials; trial++) {
            boolean all = true;
            for (int l = 0; l < k; l++) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    s += rnd.nextBoolean() ? u0[i] : -u0[i];
                }
                if (Math.abs(s / Math.sqrt(d)) >= t) {
                    all = false;
                }
            }
            if (all) {
                good++;
            }
        }
        return new Lemma6(k, d, trials, good / (double) trials, 1 - 2 * k * Math.exp(-0.5 * Math.cbrt(d)));
    }

    /**
     * Lemma 8: min of F^(1,k) (½ convention) over random FC points with one block nearly orthogonal to u₀
     * (|cos| &lt; sin(π/32)) or short (‖w_j‖ ≤ sin(π/32)/√2), other blocks arbitrary; ‖u₀‖² = 12k²/π². The paper
     * states &gt; 1/8 without the ½, i.e. &gt; 1/16 here.
     */
    public static double lemma8MinLoss(int k, int d, int points, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] u0 = unit(rnd, d);
        double norm = lemma2Norm(k);
        for (int i = 0; i < d; i++) {
            u0[i] *= norm;
        }
        ErfProductObjective f = ErfProductObjective.fullyConnected(k, u0, true);
        double c = Math.sin(Math.PI / 32);
        double min = Double.POSITIVE_INFINITY;
        double[] w = new double[k * d];
        for (int p = 0; p < points; p++) {
            for (int l = 0; l < k; l++) {
                // other blocks: close to u₀ (the hardest case), with a random perturbation
                double scale = rnd.nextDouble();
                for (int i = 0; i < d; i++) {
                    w[l * d + i] = u0[i] + scale * norm * gaussian(rnd) / Math.sqrt(d);
                }
            }
            int j = rnd.nextInt(k);
            double[] dir = unit(rnd, d);
            if (p % 2 == 0) {
                // short block
                double len = c / Math.sqrt(2) * rnd.nextDouble();
                for (int i = 0; i < d; i++) {
                    w[j * d + i] = len * dir[i];
                }
            } else {
                // nearly orthogonal block: component along u₀ with |cos| just below sin(π/32)
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += dir[i] * u0[i] / norm;
                }
                double perp = 0;
                for (int i = 0; i < d; i++) {
                    dir[i] -= dot * u0[i] / norm;
                    perp += dir[i] * dir[i];
                }
                perp = Math.sqrt(perp);
                double cos = c * (2 * rnd.nextDouble() - 1) * 0.999;
                double sin = Math.sqrt(1 - cos * cos);
                double len = 0.1 + 3 * norm * rnd.nextDouble();
                for (int i = 0; i < d; i++) {
                    w[j * d + i] = len * (cos * u0[i] / norm + sin * dir[i] / perp);
                }
            }
            min = Math.min(min, f.value(w));
        }
        return min;
    }

    /** The ‖w‖ at which Lemma 5's c₁(w) = a'(‖w‖²) equals 1 (c₁ &gt; 1 below it, contrary to the paper's c₁ &lt; 1). */
    public static double lemma5Threshold() {
        double lo = 0;
        double hi = 1;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (ErfArcsine.selfPrime(mid * mid) > 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Eigenvalues of a symmetric n×n row-major matrix. */
    public static double[] symmetricEigenvalues(double[] a, int n) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.set(i, j, 0.5 * (a[i * n + j] + a[j * n + i]));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(m)) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = eig.getEigenvalue(i).getReal();
        }
        return out;
    }

    static double[] unit(SplittableRandom rnd, int d) {
        double[] u = new double[d];
        double s = 0;
        for (int i = 0; i < d; i++) {
            u[i] = gaussian(rnd);
            s += u[i] * u[i];
        }
        s = Math.sqrt(s);
        for (int i = 0; i < d; i++) {
            u[i] /= s;
        }
        return u;
    }

    /** A standard normal deviate (Marsaglia's polar method, one of the pair). */
    static double gaussian(SplittableRandom rnd) {
        double x;
        double y;
        double s;
        do {
            x = 2 * rnd.nextDouble() - 1;
            y = 2 * rnd.nextDouble() - 1;
            s = x * x + y * y;
        } while (s >= 1 || s == 0);
        return x * Math.sqrt(-2 * Math.log(s) / s);
    }
}
