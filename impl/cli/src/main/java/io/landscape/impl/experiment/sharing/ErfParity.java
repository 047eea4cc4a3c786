package io.landscape.impl.experiment.sharing;

import io.landscape.impl.sharing.ErfProductObjective;

/**
 * Paper 004 §4 (Thms 3–8), target σ(u₀ᵀx₁) + Π_l σ(u₀ᵀx_l), σ = erf, loss F^(1,k) in closed form, ‖u₀‖² = 12k²/π²
 * (Lemma 2 / Thm 4), u₀ a random direction.
 * <ul>
 *   <li>WS: projected GD onto ‖w₀‖ ≤ ‖u₀‖ with a constant step, from w₀ = N(0, I/d) (sign flipped so that
 *       w₀ᵀu₀ &gt; 0, the half the paper assumes); stops at ‖w₀ − u₀‖ ≤ 10⁻⁶ or the horizon.</li>
 *   <li>FC: GD with step η from every coordinate of every w_l uniform on {±c}, c = ‖u₀‖/√d (Thm 3's initialisation,
 *       each ‖w_l‖ = ‖u₀‖); the escape step is the first t with F^(1,k)(w_t) &lt; ½ · plateau, plateau = ½V(u₀,u₀)^k.</li>
 * </ul>
 */
final class ErfParity {
    /** Result of one (d, seed) run. */
    record Result(int d, long seed, double wsFinalDistance, long wsSteps, double wsInitialAngle, Long fcEscapeStep,
            double fcFinalLoss, double plateau, long fcHorizon, double[] fcCurveSteps, double[] fcCurveLoss,
            double[] wsCurveSteps, double[] wsCurveDistance, double[] wsCurveAngle) {
    }

    static final double WS_EPS = 1e-6;

    private ErfParity() {
    }

    static double[] u0(int k, int d, long seed) {
        double norm = Math.sqrt(12.0 * k * k / (Math.PI * Math.PI));
        return new Rng(seed, 3, d).direction(d, norm);
    }

    static Result run(int k, int d, long seed, long wsHorizon, double wsStep, long fcHorizon, double fcStep) {
        double[] u0 = u0(k, d, seed);
        double uNorm = norm(u0);
        // WS: projected GD
        ErfProductObjective ws = ErfProductObjective.weightShared(k, u0, true);
        Rng r = new Rng(seed, 5, d);
        double[] w = new double[d];
        double dot = 0;
        for (int i = 0; i < d; i++) {
            w[i] = r.gaussian() / Math.sqrt(d);
            dot += w[i] * u0[i];
        }
        if (dot < 0) {
            for (int i = 0; i < d; i++) {
                w[i] = -w[i];
            }
        }
        double initAngle = angle(w, u0);
        double[] g = new double[d];
        Recorder wsRec = new Recorder(wsHorizon);
        long t = 0;
        double dist = distance(w, u0);
        while (t < wsHorizon && dist > WS_EPS) {
            ws.valueAndGradient(w, g);
            for (int i = 0; i < d; i++) {
                w[i] -= wsStep * g[i];
            }
            double n = norm(w);
            if (n > uNorm) {
                for (int i = 0; i < d; i++) {
                    w[i] *= uNorm / n;
                }
            }
            t++;
            dist = distance(w, u0);
            wsRec.add(t, dist, angle(w, u0));
        }
        long wsSteps = t;
        // FC: GD from ±c
        ErfProductObjective fc = ErfProductObjective.fullyConnected(k, u0, true);
        double plateau = fc.plateau();
        double c = uNorm / Math.sqrt(d);
        double[] wf = new double[k * d];
        Rng rf = new Rng(seed, 7, d);
        for (int i = 0; i < wf.length; i++) {
            wf[i] = rf.nextBoolean() ? c : -c;
        }
        double[] gf = new double[k * d];
        Long escape = null;
        double f = Double.NaN;
        Recorder fcRec = new Recorder(fcHorizon);
        for (long s = 0; s <= fcHorizon; s++) {
            f = fc.valueAndGradient(wf, gf);
            fcRec.add(s, f, 0);
            if (f < 0.5 * plateau) {
                escape = s;
                break;
            }
            if (s < fcHorizon) {
                for (int i = 0; i < wf.length; i++) {
                    wf[i] -= fcStep * gf[i];
                }
            }
        }
        return new Result(d, seed, dist, wsSteps, initAngle, escape, f, plateau, fcHorizon, fcRec.steps(),
                fcRec.values(), wsRec.steps(), wsRec.values(), wsRec.extra());
    }

    static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    static double angle(double[] a, double[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        double c = dot / (norm(a) * norm(b));
        return Math.acos(Math.max(-1, Math.min(1, c)));
    }
}
