package io.landscape.impl.experiment.spurious;

import java.util.ArrayList;
import java.util.List;

import io.landscape.api.Objective;
import io.landscape.api.Points;
import io.landscape.impl.linalg.SymmetricEigen;
import io.landscape.impl.linalg.Cholesky;
import io.landscape.impl.linalg.SmallMatrices;
import io.landscape.impl.linalg.Workers;
import io.landscape.impl.optim.GradientDescent;

/**
 * Groups the candidate runs of one cell into symmetry classes ({@link Symmetry}), in run order, so the result does not
 * depend on how the runs were scheduled. A converged candidate joins the first existing class whose representative is
 * within {@code tolerance} (Frobenius, after optimal permutation); otherwise it founds a new class. Unconverged
 * candidates (iteration cap) join no class and are only counted.
 */
public final class Families {
    /** Default merge tolerance: plain runs stop within ~‖∇F‖/λ_min ≈ 10⁻⁶ of their minimum, distinct minima differ by ≳ 10⁻². */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    /**
     * A family whose representative has a neuron shorter than this is not reported as a minimum: it sits at (or is
     * converging to) w_i = 0, where F is not differentiable and the Hessian test says nothing — e.g. k = n = 1 from
     * w &lt; 0, where GD creeps to w = 0⁻ with F = ¼ although F decreases for w &gt; 0 (the paper's certificate likewise
     * requires the ball around each neuron to exclude the origin).
     */
    public static final double MIN_NEURON_NORM = 1e-3;

    private Families() {
    }

    /** Builds the cell's families; {@code f} is the cell's objective (used for λ_min and gradients at representatives). */
    public static CellResult classify(int k, int n, int runsRequested, List<RunRecord> runs, Objective f,
                                      double tolerance, double seconds) {
        return classify(k, n, runsRequested, runs, f, tolerance, seconds, Workers.NONE);
    }

    /**
     * {@link #classify(int, int, int, List, Objective, double, double)} with the representatives evaluated by
     * {@code workers} (each with its own objective; the results are stored by family index, so they do not depend on
     * the workers).
     */
    public static CellResult classify(int k, int n, int runsRequested, List<RunRecord> runs, Objective f,
                                      double tolerance, double seconds, Workers workers) {
        List<Builder> classes = new ArrayList<>();
        int global = 0;
        int unconverged = 0;
        int diverged = 0;
        for (RunRecord r : runs) {
            if (r.stop() == GradientDescent.Stop.DIVERGED) {
                diverged++;
                continue;
            }
            if (!r.candidate()) {
                global++;
                continue;
            }
            if (!r.converged() || r.point() == null) {
                unconverged++;
                continue;
            }
            double[][] w = Points.unflatten(r.point(), k);
            double[] sig = Symmetry.sortedEntries(w);
            Builder home = null;
            for (Builder b : classes) {
                if (Math.abs(b.value - r.value()) > 1e-6 * Math.max(1.0, Math.abs(r.value()))) {
                    continue;
                }
                if (SmallMatrices.distance(b.signature, sig) > tolerance) {
                    continue; // sorting is non-expansive, so the aligned distance is at least this
                }
                double dist = Symmetry.distance(b.rep, w);
                if (dist <= tolerance) {
                    home = b;
                    b.maxDistance = Math.max(b.maxDistance, dist);
                    break;
                }
            }
            if (home == null) {
                home = new Builder(Symmetry.canonical(w), r.value());
                home.signature = sig;
                classes.add(home);
            }
            home.runs.add(r.run());
        }
        List<Family> minima = new ArrayList<>();
        List<Family> others = new ArrayList<>();
        int m = n * k;
        // evaluate the representatives on the workers (each with its own objective; the order of the results is fixed)
        Family[] evaluated = new Family[classes.size()];
        workers.forEach(classes.size(), idx -> {
            Builder b = classes.get(idx);
            Objective own = idx == 0 && classes.size() == 1 ? f : SpuriousSearch.objective(k, n);
            double[] g = new double[m];
            double[] h = new double[m * m];
            double[] x = Points.flatten(b.rep);
            double value = own.valueAndGradient(x, g);
            double gn = 0;
            for (double e : g) {
                gn += e * e;
            }
            gn = Math.sqrt(gn);
            double gmax = GradientDescent.maxNeuronNorm(g, k);
            own.hessian().evaluate(x, h);
            double lmin = lambdaMin(h, m, workers);
            // A run can also stall at the non-differentiable limit w_i → 0 (e.g. k = n = 1 from w < 0): not a minimum.
            double minNorm = Double.POSITIVE_INFINITY;
            for (double[] w : b.rep) {
                double sq = 0;
                for (double e : w) {
                    sq += e * e;
                }
                minNorm = Math.min(minNorm, Math.sqrt(sq));
            }
            boolean minimum = lmin > 0 && gmax <= 1e-6 && minNorm >= MIN_NEURON_NORM;
            evaluated[idx] = new Family(idx + 1, b.rep, b.runs.size(), value, lmin, gn, gmax, minNorm, b.maxDistance,
                    minimum, List.copyOf(b.runs));
        });
        for (Family fam : evaluated) {
            (fam.minimum() ? minima : others).add(fam);
        }
        return new CellResult(k, n, runsRequested, List.copyOf(runs), List.copyOf(minima), List.copyOf(others), global,
                unconverged, diverged, seconds);
    }

    /** Above this size, λ_min comes from Lanczos (no full eigen-decomposition); see {@link #lambdaMin(double[], int)}. */
    static final int DENSE_EIGEN_MAX = 500;

    /**
     * Smallest eigenvalue of a symmetric m×m row-major matrix (a floating-point estimate for the reports; the rigorous
     * bound is the certificate's): EJML's symmetric QR eigen-solver for m ≤ 500; for larger m (k ≥ 23) no O(m³)
     * eigen-decomposition: if the matrix is positive definite, its Cholesky factor ({@link Cholesky})
     * and Lanczos with full reorthogonalisation on A⁻¹ (≤ 60 pairs of triangular solves), λ = 1/θ_max(A⁻¹), which
     * converges from above even when λ_min is (nearly) multiple; otherwise (not numerically positive definite: a
     * saddle or a degenerate point) min(0, θ_min) from Lanczos on A itself, ≤ 300 products.
     */
    public static double lambdaMin(double[] h, int m) {
        return lambdaMin(h, m, Workers.NONE);
    }

    /** {@link #lambdaMin(double[], int)} with the large factorisations and products shared by {@code workers}. */
    public static double lambdaMin(double[] h, int m, Workers workers) {
        if (m > DENSE_EIGEN_MAX) {
            double[] r = h.clone();
            if (Cholesky.factor(r, m, workers)) {
                return SymmetricEigen.smallestEigenvalueEstimate(r, m);
            }
            return Math.min(0.0, SymmetricEigen.smallestEigenvalueDirect(h, m, workers));
        }
        return SymmetricEigen.eigenvalues(h, m)[0];
    }

    private static final class Builder {
        final double[][] rep;
        final double value;
        double[] signature;
        double maxDistance;
        final List<Integer> runs = new ArrayList<>();

        Builder(double[][] rep, double value) {
            this.rep = rep;
            this.value = value;
        }
    }
}
