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
