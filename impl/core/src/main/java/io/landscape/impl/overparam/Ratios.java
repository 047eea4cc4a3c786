package io.landscape.impl.overparam;

import io.landscape.api.function.DifferentiableFunction;
import io.landscape.api.function.HessianOperator;
import io.landscape.api.function.TwiceDifferentiableFunction;

/**
 * One-point strong convexity and Polyak–Łojasiewicz ratios (paper 000 Defs. 1 and 3) for any function of the api's
 * capability interfaces. A region is λ-OPSC w.r.t. y* when every ratio below is ≥ λ &gt; 0 on it, and PL when the PL
 * ratio is.
 */
public final class Ratios {
    private Ratios() {
    }

    /** ⟨∇f(x), x − y*⟩ / ‖x − y*‖² (Def. 1). */
    public static double opsc(DifferentiableFunction f, double[] x, double[] yStar) {
        double[] g = f.gradient(x);
        double num = 0;
        double den = 0;
        for (int p = 0; p < x.length; p++) {
            double e = x[p] - yStar[p];
            num += g[p] * e;
            den += e * e;
        }
        return num / den;
    }

    /** (x − y*)ᵀ∇²f(x)(x − y*) / ‖x − y*‖²: the Hessian form of Def. 1 (Thm 4, Thm 6). */
    public static double opscCurvature(TwiceDifferentiableFunction f, double[] x, double[] yStar) {
        double[] e = new double[x.length];
        for (int p = 0; p < x.length; p++) {
            e[p] = x[p] - yStar[p];
        }
        return curvatureAlong(f.hessianAt(x), e);
    }

    /** uᵀHu / ‖u‖²: the curvature along a direction. */
    public static double curvatureAlong(HessianOperator h, double[] u) {
        double nn = 0;
        for (double e : u) {
            nn += e * e;
        }
        return h.quadraticForm(u) / nn;
    }

    /** ½‖∇f(x)‖² / (f(x) − f*) (Def. 3). */
    public static double pl(DifferentiableFunction f, double[] x, double fStar) {
        double[] g = new double[f.dimension()];
        double fx = f.valueAndGradient(x, g);
        double gg = 0;
        for (double e : g) {
            gg += e * e;
        }
        return 0.5 * gg / (fx - fStar);
    }
}
