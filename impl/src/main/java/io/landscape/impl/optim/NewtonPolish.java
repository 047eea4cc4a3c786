package io.landscape.impl.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import io.landscape.api.Objective;

/**
 * Newton's method x ← x − (∇²F)⁻¹∇F, to polish a point already near a nondegenerate critical point (for example a
 * GD end point near a strict local minimum) down to machine-precision stationarity. Uses EJML's symmetric
 * (Cholesky) solver when the Hessian is positive definite and a pivoted LU solve otherwise. Stops when the gradient
 * norm is ≤ {@code tol}, stops decreasing, or after {@code maxSteps} steps.
 */
public final class NewtonPolish {

    /** Outcome: the polished point (a new array), its gradient norm and the steps taken. */
    public record Result(double[] point, double value, double gradientNorm, int steps) {
    }

    private NewtonPolish() {
    }

    public static Result polish(Objective f, double[] x0, int maxSteps, double tol) {
        int m = f.dimension();
        double[] x = x0.clone();
        double[] g = new double[m];
        double[] trial = new double[m];
        double[] gTrial = new double[m];
        DMatrixRMaj h = new DMatrixRMaj(m, m);
        DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
        DMatrixRMaj step = new DMatrixRMaj(m, 1);
        double value = f.valueAndGradient(x, g);
        double gn = norm(g);
        int steps = 0;
        while (steps < maxSteps && gn > tol) {
            f.hessian().evaluate(x, h.data);
            System.arraycopy(g, 0, rhs.data, 0, m);
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(m);
            if (!solver.setA(h.copy())) {
                solver = LinearSolverFactory_DDRM.lu(m);
                if (!solver.setA(h.copy())) {
                    break; // singular Hessian: Newton is not defined here
                }
            }
            solver.solve(rhs, step);
            for (int i = 0; i < m; i++) {
                trial[i] = x[i] - step.data[i];
            }
            double vt;
            try {
                vt = f.valueAndGradient(trial, gTrial);
            } catch (IllegalArgumentException notDifferentiable) {
                break;
            }
            double gt = norm(gTrial);
            if (!(gt < gn)) {
                break;
            }
            System.arraycopy(trial, 0, x, 0, m);
            System.arraycopy(gTrial, 0, g, 0, m);
            value = vt;
            gn = gt;
            steps++;
        }
        return new Result(x, value, gn, steps);
    }

    static double norm(double[] g) {
        double s = 0;
        for (double v : g) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
