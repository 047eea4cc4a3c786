package io.landscape.impl.empirical;

import io.landscape.api.NotDifferentiableException;
import io.landscape.api.empirical.DataSet;
import io.landscape.api.empirical.EmpiricalObjective;
import io.landscape.api.empirical.EmpiricalProblem;
import io.landscape.api.empirical.Loss;
import io.landscape.api.function.DenseNetworkHessian;
import io.landscape.api.function.NetworkHessian;

/**
 * L_S(W, v) = (1/m) Σ_t ℓ(Σ_i v_i [⟨w_i, x_t⟩]₊, y_t) of paper 001 §4, with value, gradient and Hessian in (W, v).
 *
 * <p>Off the cell boundaries (every u_{it} = ⟨w_i, x_t⟩ ≠ 0) with s_{it} = 1[u_{it} &gt; 0] and p_t the prediction:
 * <pre>
 *   ∂L/∂w_i = (1/m) Σ_t ℓ'(p_t) v_i s_{it} x_t            ∂L/∂v_i = (1/m) Σ_t ℓ'(p_t) [u_{it}]₊
 *   ∇²L = (1/m) Σ_t [ ℓ''(p_t) J_t J_tᵀ + ℓ'(p_t) K_t ]
 * </pre>
 * where J_t = ∇p_t (w_i-block v_i s_{it} x_t, v_i-entry [u_{it}]₊) and K_t = ∇²p_t has only the (w_i, v_i) cross
 * blocks s_{it} x_t (the ReLU is piecewise linear, so there are no (w_i, w_i) terms). With fixed output weights v = 1
 * and only the w-blocks are parameters. Gradient and Hessian throw {@link NotDifferentiableException} at a point with
 * some u_{it} = 0. Not thread-safe in the sense of sharing nothing mutable: it holds no scratch, so it is thread-safe.
 */
public final class TwoLayerObjective implements EmpiricalObjective {
    private final EmpiricalProblem problem;
    private final Loss loss;
    private final double[] x; // m×d row-major
    private final double[] y;
    private final int m;
    private final int d;
    private final int n;
    private final boolean trainable;
    private final int dim;

    public TwoLayerObjective(EmpiricalProblem problem) {
        this.problem = problem;
        DataSet s = problem.data();
        this.loss = problem.loss();
        this.x = s.featuresRowMajor();
        this.y = s.targets();
        this.m = s.size();
        this.d = s.dimension();
        this.n = problem.neurons();
        this.trainable = problem.trainableOutputWeights();
        this.dim = problem.parameterCount();
    }

    @Override
    public EmpiricalProblem problem() {
        return problem;
    }

    @Override
    public int dimension() {
        return dim;
    }

    @Override
    public int neurons() {
        return n;
    }

    @Override
    public int inputDimension() {
        return d;
    }

    @Override
    public boolean trainableOutputWeights() {
        return trainable;
    }

    private double outputWeight(double[] w, int i) {
        return trainable ? w[n * d + i] : 1.0;
    }

    private void check(double[] w) {
        if (w.length != dim) {
            throw new IllegalArgumentException("parameter vector has length " + w.length + ", expected " + dim
                    + " (n·d" + (trainable ? " + n" : "") + " with n = " + n + ", d = " + d + ")");
        }
    }

    /** u_{it} = ⟨w_i, x_t⟩ into u[t*n + i]. */
    private void preActivations(double[] w, double[] u) {
        for (int t = 0; t < m; t++) {
            int xo = t * d;
            for (int i = 0; i < n; i++) {
                int wo = i * d;
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += w[wo + j] * x[xo + j];
                }
                u[t * n + i] = s;
            }
        }
    }

    @Override
    public double value(double[] w) {
        return predictions(w, new double[m]);
    }

    @Override
    public double predictions(double[] w, double[] out) {
        check(w);
        double[] u = new double[m * n];
        preActivations(w, u);
        for (int t = 0; t < m; t++) {
            double p = 0;
            for (int i = 0; i < n; i++) {
                double a = u[t * n + i];
                if (a > 0) {
                    p += outputWeight(w, i) * a;
                }
            }
            out[t] = p;
        }
        return ScalarLoss.mean(loss, out, y);
    }

    @Override
    public double lossOfZero() {
        double sum = 0;
        for (int t = 0; t < m; t++) {
            sum += ScalarLoss.value(loss, 0, y[t]);
        }
        return sum / m;
    }

    private void requireDifferentiable(double[] u) {
        for (int t = 0; t < m; t++) {
            for (int i = 0; i < n; i++) {
                if (u[t * n + i] == 0.0) {
                    throw new NotDifferentiableException(i, "L_S is not differentiable here: neuron " + i
                            + " lies on the boundary of its activation cell at example " + t + " (<w_" + i + ", x_" + t
                            + "> = 0, a ReLU kink)");
                }
            }
        }
    }

    @Override
    public double valueAndGradient(double[] w, double[] g) {
        check(w);
        if (g == w) {
            throw new IllegalArgumentException("gradientOut must not be x");
        }
        double[] u = new double[m * n];
        preActivations(w, u);
        requireDifferentiable(u);
        java.util.Arrays.fill(g, 0, dim, 0.0);
        double sum = 0;
        for (int t = 0; t < m; t++) {
            double p = 0;
            for (int i = 0; i < n; i++) {
                double a = u[t * n + i];
                if (a > 0) {
                    p += outputWeight(w, i) * a;
                }
            }
            sum += ScalarLoss.value(loss, p, y[t]);
            double l1 = ScalarLoss.first(loss, p, y[t]) / m;
            int xo = t * d;
            for (int i = 0; i < n; i++) {
                double a = u[t * n + i];
                if (a > 0) {
                    double c = l1 * outputWeight(w, i);
                    int wo = i * d;
                    for (int j = 0; j < d; j++) {
                        g[wo + j] += c * x[xo + j];
                    }
                    if (trainable) {
                        g[n * d + i] += l1 * a;
                    }
                }
            }
        }
        return sum / m;
    }

    @Override
    public NetworkHessian hessianAt(double[] w) {
        check(w);
        double[] u = new double[m * n];
        preActivations(w, u);
        requireDifferentiable(u);
        double[] h = new double[dim * dim];
        double[] jac = new double[dim];
        for (int t = 0; t < m; t++) {
            double p = 0;
            for (int i = 0; i < n; i++) {
                double a = u[t * n + i];
                if (a > 0) {
                    p += outputWeight(w, i) * a;
                }
            }
            double l1 = ScalarLoss.first(loss, p, y[t]) / m;
            double l2 = ScalarLoss.second(loss, p, y[t]) / m;
            java.util.Arrays.fill(jac, 0.0);
            int xo = t * d;
            for (int i = 0; i < n; i++) {
                double a = u[t * n + i];
                if (a > 0) {
                    double vi = outputWeight(w, i);
                    for (int j = 0; j < d; j++) {
                        jac[i * d + j] = vi * x[xo + j];
                    }
                    if (trainable) {
                        jac[n * d + i] = a;
                    }
                }
            }
            // ℓ'' J Jᵀ over the non-zero entries of J
            for (int r = 0; r < dim; r++) {
                double jr = jac[r];
                if (jr == 0.0) {
                    continue;
                }
                double c = l2 * jr;
                int row = r * dim;
                for (int s = 0; s < dim; s++) {
                    h[row + s] += c * jac[s];
                }
            }
            // ℓ' K_t: ∂²p_t/∂w_{ij}∂v_i = s_{it} x_{tj}
            if (trainable) {
                for (int i = 0; i < n; i++) {
                    if (u[t * n + i] > 0) {
                        int vIndex = n * d + i;
                        for (int j = 0; j < d; j++) {
                            double c = l1 * x[xo + j];
                            h[(i * d + j) * dim + vIndex] += c;
                            h[vIndex * dim + i * d + j] += c;
                        }
                    }
                }
            }
        }
        return new DenseNetworkHessian(h, dim, d);
    }
}
