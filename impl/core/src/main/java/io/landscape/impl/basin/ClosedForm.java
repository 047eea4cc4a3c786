package io.landscape.impl.basin;

import io.landscape.api.empirical.Cell;
import io.landscape.api.empirical.DataSet;
import io.landscape.api.empirical.EmpiricalProblem;
import io.landscape.api.empirical.Loss;

/**
 * Closed forms of basin values (derivations in the package documentation).
 * <ul>
 *   <li>{@link #fullRankSquared}: when rank X = m, Bas = (1/m) Σ of y_t² over the examples t that no neuron covers
 *       (t is covered iff some i has a_{it} = +1 and b_i y_t ≥ 0).</li>
 *   <li>{@link #covered}: the covering relation itself (App. B.6's event A_i^t).</li>
 * </ul>
 */
public final class ClosedForm {
    private ClosedForm() {
    }

    /** Whether some neuron i has a_{it} = +1 and b_i y_t ≥ 0. */
    public static boolean covered(Cell cell, int t, double y) {
        for (int i = 0; i < cell.neurons(); i++) {
            if (cell.activation(i, t) > 0 && cell.sign(i) * y >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Bas of the cell for the binary cross-entropy ℓ(p, y) = log(1 + e^p) − yp when the data matrix has rank m: the
     * predictions separate over the examples as for the squared loss (package documentation); ℓ(·, y_t) tends to 0 as
     * σ_t p → ∞ (σ_t = 2y_t − 1), which is reachable iff some neuron has a_{it} = +1 and b_i σ_t &gt; 0, and otherwise
     * the reachable set ({0} or the half-line on the wrong side) is closest to the minimum at p = 0, ℓ = log 2. So
     * Bas = (log 2 / m)·#{t : no such neuron} — an infimum, attained only when that set is all of the examples.
     */
    public static double fullRankCrossEntropy(EmpiricalProblem problem, Cell cell) {
        if (problem.loss() != Loss.CROSS_ENTROPY) {
            throw new IllegalArgumentException("this closed form is for the cross-entropy");
        }
        DataSet data = problem.data();
        int stuck = 0;
        for (int t = 0; t < data.size(); t++) {
            double sigma = data.target(t) > 0.5 ? 1 : -1;
            boolean ok = false;
            for (int i = 0; i < cell.neurons(); i++) {
                ok |= cell.activation(i, t) > 0 && cell.sign(i) * sigma > 0;
            }
            if (!ok) {
                stuck++;
            }
        }
        return Math.log(2) * stuck / data.size();
    }

    /**
     * Bas of the cell for the squared loss when the data matrix has rank m (the caller asserts the rank; the formula is
     * wrong otherwise).
     */
    public static double fullRankSquared(EmpiricalProblem problem, Cell cell) {
        if (problem.loss() != Loss.SQUARED) {
            throw new IllegalArgumentException("the closed form is for the squared loss");
        }
        DataSet data = problem.data();
        double sum = 0;
        for (int t = 0; t < data.size(); t++) {
            double y = data.target(t);
            if (!covered(cell, t, y)) {
                sum += y * y;
            }
        }
        return sum / data.size();
    }
}
