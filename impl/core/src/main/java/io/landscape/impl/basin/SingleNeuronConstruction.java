package io.landscape.impl.basin;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import io.landscape.api.empirical.BasinSolution;
import io.landscape.api.empirical.DataSet;
import io.landscape.api.empirical.EmpiricalProblem;
import io.landscape.api.empirical.Loss;
import io.landscape.impl.empirical.TwoLayerObjective;

/**
 * Paper 001 App. C.2: the explicit squared-loss construction with exponentially many strict local minima for a single
 * ReLU neuron. Per coordinate j the two examples (½·e_j, √(2ε)) and (−e_j, 1); with m = 2d examples
 * L_S(w) = (1/2d) Σ_j [ ([w_j/2]₊ − √(2ε))² + ([−w_j]₊ − 1)² ]. Each coordinate has two basins: w_j &lt; 0 with minimum
 * at w_j = −1 (contributing 2ε) and w_j &gt; 0 with minimum at w_j = 2√(2ε) (contributing 1), so the 2^d sign patterns
 * give 2^d strict local minima with values (2ε·G + B)/(2d), G + B = d, and the global minimum is ε (all good).
 */
public final class SingleNeuronConstruction {
    private SingleNeuronConstruction() {
    }

    /** The data set for dimension d and ε &gt; 0 (examples 2j and 2j+1 live on coordinate j). */
    public static DataSet dataSet(int d, double epsilon) {
        if (d < 1 || !(epsilon > 0)) {
            throw new IllegalArgumentException("need d ≥ 1 and ε > 0, got d = " + d + ", ε = " + epsilon);
        }
        double[][] x = new double[2 * d][d];
        double[] y = new double[2 * d];
        for (int j = 0; j < d; j++) {
            x[2 * j][j] = 0.5;
            y[2 * j] = Math.sqrt(2 * epsilon);
            x[2 * j + 1][j] = -1;
            y[2 * j + 1] = 1;
        }
        return new DataSet(x, y);
    }

    /** The single neuron (n = 1, output weight fixed at 1) on {@link #dataSet}. */
    public static EmpiricalProblem problem(int d, double epsilon) {
        return new EmpiricalProblem(dataSet(d, epsilon), Loss.SQUARED, 1, false);
    }

    /** The predicted value of the minimum with {@code bad} bad coordinates. */
    public static double minimumValue(int d, int bad, double epsilon) {
        return (2 * epsilon * (d - bad) + bad) / (2.0 * d);
    }

    /** One local minimum found in the cell of a sign pattern, with the evidence that it is strict. */
    public record Minimum(int[] pattern, double[] point, double value, double gradientNorm, double minEigenvalue,
                          double kktResidual, boolean interior) {
    }

    /**
     * Solves Bas in every one of the 2^d cells (started at w = pattern) and checks each minimiser: interior of its cell
     * (so L_S is smooth there), zero gradient and a positive definite Hessian, hence a strict local minimum of L_S.
     */
    public static List<Minimum> enumerate(int d, double epsilon) {
        if (d > 20) {
            throw new IllegalArgumentException("2^" + d + " cells is too many to enumerate");
        }
        EmpiricalProblem p = problem(d, epsilon);
        TwoLayerObjective f = new TwoLayerObjective(p);
        List<Minimum> out = new ArrayList<>();
        for (int mask = 0; mask < (1 << d); mask++) {
            int[] pattern = new int[d];
            double[] w = new double[d];
            for (int j = 0; j < d; j++) {
                pattern[j] = (mask >> j & 1) == 1 ? 1 : -1;
                w[j] = pattern[j];
            }
            BasinSolution sol = CellBasinSolver.DEFAULT.solve(p, w);
            double[] star = sol.minimizer();
            boolean interior = true;
            for (int t = 0; t < 2 * d; t++) {
                double u = 0;
                for (int j = 0; j < d; j++) {
                    u += star[j] * p.data().feature(t, j);
                }
                interior &= u != 0.0 && Math.signum(u) == sol.cell().activation(0, t);
            }
            double gradNorm = Double.NaN;
            double minEig = Double.NaN;
            if (interior) {
                double[] g = f.gradient(star);
                double s = 0;
                for (double v : g) {
                    s += v * v;
                }
                gradNorm = Math.sqrt(s);
                DMatrixRMaj h = new DMatrixRMaj(d, d, true, f.hessianAt(star).toDense());
                EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
                if (!eig.decompose(h)) {
                    throw new IllegalStateException("eigen-decomposition failed");
                }
                minEig = Double.POSITIVE_INFINITY;
                for (int i = 0; i < d; i++) {
                    minEig = Math.min(minEig, eig.getEigenvalue(i).getReal());
                }
            }
            out.add(new Minimum(pattern, star, sol.basinValue(), gradNorm, minEig, sol.kktResidual(), interior));
        }
        return out;
    }
}
