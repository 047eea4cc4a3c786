package io.landscape.impl.experiment.sharing;

import io.landscape.impl.sharing.CosineWaveObjective;

/**
 * Paper 004 §3 (Thms 1–2): GD on the cosine-wave losses in closed form, c_k = 3√k, patch dimension d, u₀ a random
 * direction of the given norm.
 * <ul>
 *   <li>WS: GD with η = 1/(c_k² + 2k + √k) (the corrected upper eigenvalue bound of Thm 2) from w₀ = N(0, I/d) until
 *       ‖w₀ − u₀‖ ≤ 10⁻⁶; Thm 2's bound on the number of steps is 5·ln(‖w_init − u₀‖/ε).</li>
 *   <li>FC: GD with η = 1/(c_k² + 2) (c_k² + 2 bounds the Hessian of Eq. 2) from w₁ = the WS start and
 *       ŵ = (w₂…w_k) on Thm 1's ring, ‖ŵ‖ = 0.4·√(k−1)‖u₀‖ (inside [1/3, 1/2]·√(k−1)‖u₀‖), random direction; runs
 *       until ‖w − ū₀‖ ≤ 10⁻⁶ or the horizon. The escape step is the first step with F &lt; ¼ (half the stall value
 *       ½).</li>
 * </ul>
 */
final class CosineSweep {
    record Result(int k, double u0Norm, int d, long seed, long wsSteps, double wsFinalDistance, double wsBound,
            long fcSteps, double fcFinalLoss, Long fcEscapeStep, double fcInitialLoss, double[] fcCurveSteps,
            double[] fcCurveLoss) {
    }

    static final double EPS = 1e-6;

    private CosineSweep() {
    }

    static Result run(int k, double u0Norm, int d, long seed, long fcHorizon) {
        Rng r = new Rng(seed, 11, k, Double.doubleToLongBits(u0Norm));
        double[] u0 = r.direction(d, u0Norm);
        double[] w0 = new double[d];
        for (int i = 0; i < d; i++) {
            w0[i] = r.gaussian() / Math.sqrt(d);
        }
        CosineWaveObjective ws = CosineWaveObjective.weightShared(k, u0);
        double ck2 = 9.0 * k;
        double eta = 1 / (ck2 + 2 * k + Math.sqrt(k));
        double[] w = w0.clone();
        double[] g = new double[d];
        double dist = ErfParity.distance(w, u0);
        double bound = 5 * Math.log(dist / EPS);
        long steps = 0;
        while (dist > EPS && steps < 100_000) {
            ws.valueAndGradient(w, g);
            for (int i = 0; i < d; i++) {
                w[i] -= eta * g[i];
            }
            steps++;
            dist = ErfParity.distance(w, u0);
        }
        // FC
        CosineWaveObjective fc = CosineWaveObjective.fullyConnected(k, u0);
        int m = k * d;
        double[] wf = new double[m];
        System.arraycopy(w0, 0, wf, 0, d);
        if (k > 1) {
            double[] dir = r.direction(m - d, 0.4 * Math.sqrt(k - 1.0) * u0Norm);
            System.arraycopy(dir, 0, wf, d, m - d);
        }
        double[] bar = new double[m];
        for (int i = 0; i < m; i++) {
            bar[i] = u0[i % d];
        }
        double etaFc = 1 / (ck2 + 2);
        double[] gf = new double[m];
        Recorder rec = new Recorder(fcHorizon);
        Long escape = null;
        double f = Double.NaN;
        double f0 = Double.NaN;
        long s = 0;
        for (;; s++) {
            f = fc.valueAndGradient(wf, gf);
            if (s == 0) {
                f0 = f;
            }
            rec.add(s, f, 0);
            if (escape == null && f < 0.25) {
                escape = s;
            }
            if (s == fcHorizon || ErfParity.distance(wf, bar) <= EPS) {
                break;
            }
            for (int i = 0; i < m; i++) {
                wf[i] -= etaFc * gf[i];
            }
        }
        return new Result(k, u0Norm, d, seed, steps, dist, bound, s, f, escape, f0, rec.steps(), rec.values());
    }
}
