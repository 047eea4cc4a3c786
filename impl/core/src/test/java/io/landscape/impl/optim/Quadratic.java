package io.landscape.impl.optim;

import io.landscape.api.function.HessianOperator;
import io.landscape.api.function.TwiceDifferentiableFunction;

/**
 * f = ½Σλ_k x_k² with λ = (1, 0.1, 3) (not a network objective), shared by the engine tests: GD gives
 * x_k(t) = (1 − ηλ_k)^t x_k(0), the gradient flow x_k(t) = x_k(0)e^{−λ_k t}.
 */
final class Quadratic implements TwiceDifferentiableFunction {
    final double[] lambda = {1.0, 0.1, 3.0};

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public double value(double[] x) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
            s += 0.5 * lambda[k] * x[k] * x[k];
        }
        return s;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        for (int k = 0; k < 3; k++) {
            g[k] = lambda[k] * x[k];
        }
        return value(x);
    }

    @Override
    public HessianOperator hessianAt(double[] x) {
        return new HessianOperator() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public void multiply(double[] v, double[] out) {
                for (int k = 0; k < 3; k++) {
                    out[k] = lambda[k] * v[k];
                }
            }
        };
    }
}
