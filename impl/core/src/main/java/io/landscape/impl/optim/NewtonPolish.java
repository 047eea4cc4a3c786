package io.landscape.impl.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import io.landscape.api.Objective;
import io.landscape.api.function.TwiceDifferentiableFunction;
import io.landscape.impl.linalg.Cholesky;

/**
 * Newton's method x ← x − (∇²F)⁻¹∇F, to polish a point already near a nondegenerate critical point (for example a
 * GD end point near a strict local minimum) down to machine-precision stationarity. Uses the project's Cholesky
 * ({@link Cholesky}, multi-threaded at large sizes) when the Hessian is positive definite and EJML's pivoted LU
 * otherwise. Stops when the gradient norm is ≤ {@code tol}, stops decreasing, or after {@code maxSteps} steps.
 */
public final class NewtonPolish {

    /** Outcome: the polished point (a new array), its gradient norm and the steps taken. */
    public record Result(double[] point, double value, double gradientNorm, int steps) {
    }

    private NewtonPolish() {
    }

    public static Result polish(TwiceDifferentiableFunction f, double[] x0, int maxSteps, double tol) {
        int m = f.dimension();
        double[] x = x0.clone();
        double[] g = new double[m];
        double[] trial = new double[m];
        double[] gTrial = new double[m];
        DMatrixRMaj h = new DMatrixRMaj(m, m);
        double[] factor = new double[m * m];
        double[] step = new double[m];
        double value = f.valueAndGradient(x, g);
        double gn = GradientDescent.norm(g);
        int steps = 0;
        while (steps < maxSteps && gn > tol) {
            if (f instanceof Objective) {
                ((Objective) f).hessian().evaluate(x, h.data); // the objective's own dense fill
            } else {
                f.hessianAt(x).toDense(h.data);
            }
            System.arraycopy(h.data, 0, factor, 0, m * m);
            System.arraycopy(g, 0, step, 0, m);
            if (Cholesky.factor(factor, m)) {
                Cholesky.solve(factor, m, step);
            } else {
                // not positive definite (a saddle): pivoted LU
                LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(m);
                if (!lu.setA(h)) {
                    break; // singular Hessian: Newton is not defined here
                }
                DMatrixRMaj rhs = DMatrixRMaj.wrap(m, 1, g.clone());
                DMatrixRMaj sol = new DMatrixRMaj(m, 1);
                lu.solve(rhs, sol);
                System.arraycopy(sol.data, 0, step, 0, m);
            }
            for (int i = 0; i < m; i++) {
                trial[i] = x[i] - step[i];
            }
            double vt;
            try {
                vt = f.valueAndGradient(trial, gTrial);
            } catch (IllegalArgumentException notDifferentiable) {
                break;
            }
            double gt = GradientDescent.norm(gTrial);
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
}
