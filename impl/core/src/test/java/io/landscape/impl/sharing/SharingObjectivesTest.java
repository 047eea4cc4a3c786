package io.landscape.impl.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

import io.landscape.api.function.TwiceDifferentiableFunction;

/** Closed forms of paper 004 against Monte Carlo (10⁶ samples, 4 standard errors) and finite differences. */
class SharingObjectivesTest {
    private static final int SAMPLES = 1_000_000;

    private static double[] gaussians(SplittableRandom r, int n, double scale) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * SharingTheorems.gaussian(r);
        }
        return x;
    }

    private static double dot(double[] a, int aOff, double[] b, int bOff, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    /** Mean and standard error accumulator. */
    private static final class Stat {
        double sum;
        double sum2;
        long n;

        void add(double v) {
            sum += v;
            sum2 += v * v;
            n++;
        }

        double mean() {
            return sum / n;
        }

        double se() {
            double m = mean();
            return Math.sqrt(Math.max(sum2 / n - m * m, 0) / n);
        }

        void assertAgrees(double closed, String what) {
            double z = Math.abs(mean() - closed) / se();
            assertTrue(z < 4, what + ": closed form " + closed + ", Monte Carlo " + mean() + " ± " + se()
                    + " (" + z + " SE)");
        }
    }

    @Test
    void erfKernelMatchesMonteCarlo() {
        SplittableRandom r = new SplittableRandom(11);
        int d = 3;
        double[] u = gaussians(r, d, 0.8);
        double[] w = gaussians(r, d, 0.8);
        Stat s = new Stat();
        for (int t = 0; t < SAMPLES; t++) {
            double[] x = gaussians(r, d, 1);
            s.add(Erf.erf(dot(u, 0, x, 0, d)) * Erf.erf(dot(w, 0, x, 0, d)));
        }
        s.assertAgrees(ErfArcsine.v(u, 0, w, 0, d), "V_erf(u, w)");
    }

    private static double erfProductTarget(double[] w, int k, int d, boolean shared, boolean low, double[] x) {
        double p = 1;
        for (int l = 0; l < k; l++) {
            p *= Erf.erf(dot(w, shared ? 0 : l * d, x, l * d, d));
        }
        return low ? p + Erf.erf(dot(w, 0, x, 0, d)) : p;
    }

    @Test
    void erfProductObjectivesMatchMonteCarlo() {
        int k = 3;
        int d = 2;
        for (boolean shared : new boolean[] {false, true}) {
            for (boolean low : new boolean[] {false, true}) {
                SplittableRandom r = new SplittableRandom(shared ? 21 : 22 + (low ? 1 : 0));
                double[] u0 = gaussians(r, d, 1);
                ErfProductObjective f = shared ? ErfProductObjective.weightShared(k, u0, low)
                        : ErfProductObjective.fullyConnected(k, u0, low);
                double[] w = gaussians(r, f.dimension(), 0.7);
                Stat s = new Stat();
                double[] x = new double[k * d];
                for (int t = 0; t < SAMPLES; t++) {
                    for (int i = 0; i < x.length; i++) {
                        x[i] = SharingTheorems.gaussian(r);
                    }
                    double diff = erfProductTarget(w, k, d, shared, low, x) - erfProductTarget(u0, k, d, true, low, x);
                    s.add(0.5 * diff * diff);
                }
                s.assertAgrees(f.value(w), (shared ? "WS" : "FC") + (low ? " F^(1,k)" : " F^(k)"));
            }
        }
    }

    @Test
    void cosineWaveObjectivesMatchMonteCarlo() {
        int k = 3;
        int d = 2;
        for (boolean shared : new boolean[] {false, true}) {
            SplittableRandom r = new SplittableRandom(shared ? 31 : 32);
            double[] u0 = gaussians(r, d, 0.6);
            CosineWaveObjective f = shared ? CosineWaveObjective.weightShared(k, u0)
                    : CosineWaveObjective.fullyConnected(k, u0);
            double[] w = gaussians(r, f.dimension(), 0.6);
            double ck = 3 * Math.sqrt(k);
            Stat s = new Stat();
            double[] x = new double[k * d];
            for (int t = 0; t < SAMPLES; t++) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = SharingTheorems.gaussian(r);
                }
                double sw = 0;
                double su = 0;
                for (int l = 0; l < k; l++) {
                    sw += dot(w, shared ? 0 : l * d, x, l * d, d);
                    su += dot(u0, 0, x, l * d, d);
                }
                double pw = ck * dot(w, 0, x, 0, d) + Math.cos(sw);
                double pu = ck * dot(u0, 0, x, 0, d) + Math.cos(su);
                s.add(0.5 * (pw - pu) * (pw - pu));
            }
            s.assertAgrees(f.value(w), shared ? "WS cosine (Eq. 4)" : "FC cosine (Eq. 2)");
        }
    }

    static void assertDerivatives(TwiceDifferentiableFunction f, double[] w, String what) {
        int m = f.dimension();
        double[] g = new double[m];
        f.valueAndGradient(w, g);
        assertEquals(f.value(w), f.valueAndGradient(w, new double[m]), 1e-14 * Math.max(1, Math.abs(f.value(w))));
        double[] h = f.hessianAt(w).toDense();
        double eps = 1e-5;
        double gScale = 0;
        for (double x : g) {
            gScale = Math.max(gScale, Math.abs(x));
        }
        double[] gp = new double[m];
        double[] gm = new double[m];
        for (int i = 0; i < m; i++) {
            double[] wp = w.clone();
            double[] wm = w.clone();
            wp[i] += eps;
            wm[i] -= eps;
            double fd = (f.value(wp) - f.value(wm)) / (2 * eps);
            assertEquals(fd, g[i], 1e-7 * Math.max(1, gScale), what + ": ∂f/∂w_" + i);
            f.valueAndGradient(wp, gp);
            f.valueAndGradient(wm, gm);
            for (int j = 0; j < m; j++) {
                double fdh = (gp[j] - gm[j]) / (2 * eps);
                assertEquals(fdh, h[j * m + i], 1e-6 * Math.max(1, Math.abs(h[j * m + i])),
                        what + ": H[" + j + "," + i + "]");
                assertEquals(h[i * m + j], h[j * m + i], 1e-12 * Math.max(1, Math.abs(h[i * m + j])), what + " symmetry");
            }
        }
    }

    @Test
    void gradientsAndHessiansMatchFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(41);
        for (int k : new int[] {1, 2, 4}) {
            int d = 3;
            double[] u0 = gaussians(r, d, 1);
            for (boolean low : new boolean[] {false, true}) {
                ErfProductObjective fc = ErfProductObjective.fullyConnected(k, u0, low);
                ErfProductObjective ws = ErfProductObjective.weightShared(k, u0, low);
                assertDerivatives(fc, gaussians(r, fc.dimension(), 0.8), "erf FC k=" + k + " low=" + low);
                assertDerivatives(ws, gaussians(r, ws.dimension(), 0.8), "erf WS k=" + k + " low=" + low);
            }
            CosineWaveObjective cfc = CosineWaveObjective.fullyConnected(k, u0);
            CosineWaveObjective cws = CosineWaveObjective.weightShared(k, u0);
            assertDerivatives(cfc, gaussians(r, cfc.dimension(), 0.5), "cosine FC k=" + k);
            assertDerivatives(cws, gaussians(r, cws.dimension(), 0.5), "cosine WS k=" + k);
        }
    }

    @Test
    void minimaAreZeroAndStationary() {
        double[] u0 = {0.3, -0.7, 1.1};
        int k = 3;
        double[] bar = new double[k * 3];
        for (int i = 0; i < bar.length; i++) {
            bar[i] = u0[i % 3];
        }
        for (TwiceDifferentiableFunction f : new TwiceDifferentiableFunction[] {
            ErfProductObjective.fullyConnected(k, u0, true), CosineWaveObjective.fullyConnected(k, u0)}) {
            double[] g = new double[bar.length];
            assertEquals(0, f.valueAndGradient(bar, g), 1e-14);
            for (double x : g) {
                assertEquals(0, x, 1e-14);
            }
        }
        for (TwiceDifferentiableFunction f : new TwiceDifferentiableFunction[] {
            ErfProductObjective.weightShared(k, u0, true), CosineWaveObjective.weightShared(k, u0)}) {
            double[] g = new double[3];
            assertEquals(0, f.valueAndGradient(u0, g), 1e-14);
            for (double x : g) {
                assertEquals(0, x, 1e-14);
            }
        }
    }

    /**
     * Lemma 5: block l of ∇F^(k) is (Π_{j≠l}V(w_j,w_j)) c₁(w_l) w_l − (Π_{j≠l}V(u₀,w_j)) b̃_l with
     * c₁(w)w = E[σ(wᵀx)σ'(wᵀx)x | wᵀx &gt; 0] and b̃ = E[σ(u₀ᵀx)σ'(wᵀx)x | u₀ᵀx &gt; 0]: both expectations by Monte Carlo
     * against the closed forms (c₁ = a'(‖w‖²), b̃ = ∇_w V(u₀, w)), then the assembled formula against the gradient.
     */
    @Test
    void lemma5GradientAgreesWithDerivedGradient() {
        SplittableRandom r = new SplittableRandom(51);
        int d = 3;
        double[] u0 = gaussians(r, d, 1);
        double[] w = gaussians(r, d, 0.6);
        double uu = dot(u0, 0, u0, 0, d);
        Stat[] c1w = {new Stat(), new Stat(), new Stat()};
        Stat[] bt = {new Stat(), new Stat(), new Stat()};
        double sPrime = 2 / Math.sqrt(Math.PI);
        for (int t = 0; t < SAMPLES; t++) {
            double[] x = gaussians(r, d, 1);
            double wx = dot(w, 0, x, 0, d);
            double ux = dot(u0, 0, x, 0, d);
            // conditional on the half-space: reflect x into it (x and −x equally likely)
            double sgnW = wx > 0 ? 1 : -1;
            double sgnU = ux > 0 ? 1 : -1;
            for (int i = 0; i < d; i++) {
                double xw = sgnW * x[i];
                c1w[i].add(Erf.erf(sgnW * wx) * sPrime * Math.exp(-wx * wx) * xw);
                double xu = sgnU * x[i];
                bt[i].add(Erf.erf(sgnU * ux) * sPrime * Math.exp(-wx * wx) * xu);
            }
        }
        double c1 = ErfArcsine.selfPrime(dot(w, 0, w, 0, d));
        double[] gb = new double[d];
        ErfArcsine.cross(u0, uu, w, 0, d, gb, 0);
        for (int i = 0; i < d; i++) {
            c1w[i].assertAgrees(c1 * w[i], "c1(w)w_" + i);
            bt[i].assertAgrees(gb[i], "b~_" + i);
        }
        // assembled Lemma 5 / FC gradient (Thm 3 proof) against the objective's gradient
        int k = 4;
        ErfProductObjective f = ErfProductObjective.fullyConnected(k, u0, false);
        double[] wf = gaussians(r, k * d, 0.7);
        double[] g = new double[k * d];
        f.valueAndGradient(wf, g);
        for (int l = 0; l < k; l++) {
            double pa = 1;
            double pb = 1;
            for (int j = 0; j < k; j++) {
                if (j != l) {
                    pa *= ErfArcsine.v(wf, j * d, wf, j * d, d);
                    pb *= ErfArcsine.v(u0, 0, wf, j * d, d);
                }
            }
            double cl = ErfArcsine.selfPrime(dot(wf, l * d, wf, l * d, d));
            double[] bl = new double[d];
            ErfArcsine.cross(u0, uu, wf, l * d, d, bl, 0);
            for (int i = 0; i < d; i++) {
                assertEquals(pa * cl * wf[l * d + i] - pb * bl[i], g[l * d + i], 1e-13, "Lemma 5 block " + l);
            }
        }
        // Corollary 1 (WS): ∇F^(1,k)(w₀) = (1 + kV(w₀,w₀)^{k−1})c₁(w₀)w₀ − (1 + kV(u₀,w₀)^{k−1})b̃
        ErfProductObjective ws = ErfProductObjective.weightShared(k, u0, true);
        double[] gw = new double[d];
        ws.valueAndGradient(w, gw);
        double a = ErfArcsine.v(w, 0, w, 0, d);
        double b = ErfArcsine.v(u0, 0, w, 0, d);
        for (int i = 0; i < d; i++) {
            double expect = (1 + k * Math.pow(a, k - 1)) * c1 * w[i] - (1 + k * Math.pow(b, k - 1)) * gb[i];
            assertEquals(expect, gw[i], 1e-13, "Corollary 1");
        }
    }
}
