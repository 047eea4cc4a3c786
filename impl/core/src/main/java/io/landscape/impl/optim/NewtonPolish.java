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
 * otherwise.
 *
 * <h2>When it stops</h2>
 * Before each step: when {@code maxSteps} steps were taken, or ‖∇F‖ ≤ {@code tol} (a caller passes the rounding floor
 * of ∇F here: below it, another step changes nothing that can be measured). After each step: a step that does not
 * decrease ‖∇F‖ is rejected and the polish stops; a step that decreases it by less than the factor
 * {@code minReduction} (‖∇F(x₊)‖ &gt; minReduction·‖∇F(x)‖) is kept, and the polish stops, since Newton's quadratic
 * convergence has ended (rounding errors dominate, or the point is not near a nondegenerate critical point) and
 * further steps, each a Hessian and an m×m factorization, would not pay. With {@code minReduction = 1} it goes on for
 * as long as ‖∇F‖ decreases at all.
 */
public final class NewtonPolish {

    /** Outcome: the polished point (a new array), its gradient norm and the steps taken. */
    public record Result(double[] point, double value, double gradientNorm, int steps) {
    }

    private NewtonPolish() {
    }

    /** {@link #polish(TwiceDifferentiableFunction, double[], int, double, double)} going on while ‖∇F‖ decreases at all. */
    public static Result polish(TwiceDifferentiableFunction f, double[] x0, int maxSteps, double tol) {
        return polish(f, x0, maxSteps, tol, 1.0);
    }

    /**
     * Polishes {@code x0} (not modified).
     *
     * @param maxSteps     at most this many Newton steps
     * @param tol          no step is taken once ‖∇F‖ ≤ tol
     * @param minReduction in (0, 1]: stop after a step that reduced ‖∇F‖ by less than this factor
     */
    public static Result polish(TwiceDifferentiableFunction f, double[] x0, int maxSteps, double tol,
                                double minReduction) {
        if (!(minReduction > 0 && minReduction <= 1)) {
            throw new IllegalArgumentException("minReduction must be in (0, 1], got " + minReduction);
        }
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
            double before = gn;
            gn = gt;
            steps++;
            if (gt > minReduction * before) {
                break;
            }
        }
        return new Result(x, value, gn, steps);
    }
}
