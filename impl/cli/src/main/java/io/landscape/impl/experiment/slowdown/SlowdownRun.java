package io.landscape.impl.experiment.slowdown;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recorded curve of one run (one n, one dynamics). Row r holds step T = steps[r], time t = η·T (for gradient flow,
 * the flow time compared with GD's T steps), the loss L and the potential Z = Σ_{i&lt;j}‖z_i − z_j‖.
 *
 * @param dynamics            "gd" or "flow"
 * @param fittedExponent      least-squares slope of log L against log ηT over the last decade T/10 ≤ step ≤ T,
 *                            counting only points above {@link #ROUNDING_FLOOR}·‖v‖² (below it the loss is that of a
 *                            point a few ulps from the optimum, i.e. rounding noise); NaN if fewer than two such points
 *                            (n = 1, which reaches that floor by T ≈ 1400 in the Figure 1 setting)
 * @param lossAt              L at T = 1000, 10000, 100000 (those ≤ T) and at T, keyed by the decimal step
 * @param gradientEvaluations ∇L evaluations spent (GD: T + 1)
 */
public record SlowdownRun(int n, String dynamics, long[] steps, double[] times, double[] loss, double[] potential,
                          double[] finalPoint, double fittedExponent, Map<String, Double> lossAt,
                          long gradientEvaluations, double wallSeconds) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;


    /** 1000·ε², ε = 2⁻⁵² (times ‖v‖²): losses below this are rounding noise and are not fitted. */
    public static final double ROUNDING_FLOOR = 1e3 * Math.ulp(1.0) * Math.ulp(1.0);

    public SlowdownRun {
        lossAt = Collections.unmodifiableMap(new LinkedHashMap<>(lossAt));
    }

    public double finalLoss() {
        return loss[loss.length - 1];
    }

    public double finalPotential() {
        return potential[potential.length - 1];
    }

    public long finalStep() {
        return steps[steps.length - 1];
    }

    /** log_{ηT} L at row r, i.e. log L / log t; NaN where t ≤ 1 or L ≤ 0 (undefined or machine zero). */
    public double logEtaTLoss(int r) {
        return logBase(times[r], loss[r]);
    }

    static double logBase(double t, double value) {
        if (!(t > 1) || !(value > 0)) {
            return Double.NaN;
        }
        return Math.log(value) / Math.log(t);
    }

    /** Least-squares slope of log L against log t over rows with fromStep ≤ step ≤ toStep and L &gt; 0. */
    public static double fitExponent(long[] steps, double[] times, double[] loss, long fromStep, long toStep) {
        return fitExponent(steps, times, loss, fromStep, toStep, 0.0);
    }

    /** Least-squares slope of log L against log t over rows with fromStep ≤ step ≤ toStep and L &gt; floor. */
    public static double fitExponent(long[] steps, double[] times, double[] loss, long fromStep, long toStep,
                                     double floor) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int m = 0;
        for (int r = 0; r < steps.length; r++) {
            if (steps[r] < fromStep || steps[r] > toStep || !(loss[r] > floor) || !(loss[r] > 0) || !(times[r] > 0)) {
                continue;
            }
            double x = Math.log(times[r]);
            double y = Math.log(loss[r]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            m++;
        }
        if (m < 2) {
            return Double.NaN;
        }
        double den = m * sxx - sx * sx;
        return den > 0 ? (m * sxy - sx * sy) / den : Double.NaN;
    }
}
