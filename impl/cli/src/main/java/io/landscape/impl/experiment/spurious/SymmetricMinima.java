package io.landscape.impl.experiment.spurious;

import java.util.ArrayList;
import java.util.List;

import io.landscape.api.Points;
import io.landscape.impl.linalg.SmallMatrices;
import io.landscape.impl.optim.GradientDescent;
import io.landscape.impl.optim.NewtonFinish;

/**
 * The minima of one (k, n) cell already verified by a Newton finish, up to the symmetries of the identity-teacher
 * problem ({@link Symmetry}: permuting neurons and, simultaneously, coordinates and teachers). Shared by the cell's
 * workers ({@link GradientDescent#remembering}): most runs of a cell end at one of a few families, and all but the
 * first run of each family then skip the last Hessian evaluation and factorisation of their finish (at k = n = 20 about
 * 1 ms of a 2.3 ms finish).
 *
 * <h2>The covering radius</h2>
 * A recorded point x' has λ_min(∇²F(x')) ≥ σ = {@value #MARGIN} (its shifted factorisation succeeded). An end point x
 * is covered if F(x) equals F(x') to 10⁻⁹ (relative) and {@link Symmetry#within} finds an explicit permuted copy S(x')
 * within r = min({@value #MAX_RADIUS}, σ/(2B)) of x. Here B bounds |d³F/dt³| along
 * unit directions on the ball of radius r around x' (the constant of paper 002 Lemma 1, derived in
 * {@code certify.ThirdOrderBound}; for the identity teacher, unit output weights and unit teachers, with the ½
 * normalisation counted twice over to stay on the safe side):
 * <pre>
 *   B = (2/2π) [ max_i (8/R_i²)(Σ_j R_j + k) + max_i (18/R_i)·√n ],   R_i = ‖w_i‖ − r (R_j + r in the sum).
 * </pre>
 * For a symmetric trilinear form the largest |T[p, u, u]| over unit p, u equals the largest |T[u, u, u]| (Banach),
 * so λ_min(∇²F) moves by at most B·‖x − S(x')‖ ≤ σ/2 and ∇²F(x) is positive definite — exactly what the finish's own
 * factorisation would have found. Decisions therefore do not depend on which run recorded a point first.
 *
 * <p>Thread-safe: lookups happen once per Newton finish, so one lock suffices.
 */
final class SymmetricMinima implements NewtonFinish.VerifiedMinima {
    /** σ. */
    static final double MARGIN = 1e-4;
    /** The largest covering radius (Newton end points of one minimum agree to ~10⁻¹¹). */
    static final double MAX_RADIUS = 1e-8;

    private final int k;
    private final List<Entry> entries = new ArrayList<>();

    /** A recorded point: W, its sorted entries, F there, its covering radius. */
    private record Entry(double[][] w, double[] signature, double value, double radius) {
    }

    /** An empty memory for points of n neurons in R^k. */
    SymmetricMinima(int k) {
        this.k = k;
    }

    @Override
    public double margin() {
        return MARGIN;
    }

    @Override
    public synchronized boolean covers(double[] x, double value) {
        if (entries.isEmpty()) {
            return false;
        }
        double[][] w = Points.unflatten(x, k);
        double[] signature = Symmetry.sortedEntries(w);
        for (Entry e : entries) {
            if (Math.abs(e.value - value) > 1e-9 * Math.max(1.0, Math.abs(value))) {
                continue;
            }
            if (signature.length != e.signature.length
                    || SmallMatrices.distance(e.signature, signature) > e.radius) {
                continue; // sorting is non-expansive: the aligned distance is at least this
            }
            if (Symmetry.within(e.w, w, e.radius)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void record(double[] x, double value) {
        double[][] w = Points.unflatten(x, k);
        double radius = Math.min(MAX_RADIUS, MARGIN / (2 * thirdDerivativeBound(w, MAX_RADIUS)));
        if (radius > 0) {
            entries.add(new Entry(w, Symmetry.sortedEntries(w), value, radius));
        }
    }

    /** Recorded points. */
    synchronized int size() {
        return entries.size();
    }

    /** B on the ball of radius r around W (identity teacher); +∞ if the ball reaches a zero neuron. */
    static double thirdDerivativeBound(double[][] w, double r) {
        int n = w.length;
        double sumR = 0;
        double minR = Double.POSITIVE_INFINITY;
        for (double[] row : w) {
            double norm = Math.sqrt(SmallMatrices.dot(row, 0, row, 0, row.length));
            sumR += norm + r;
            minR = Math.min(minR, norm - r);
        }
        if (!(minR > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double pure = 8 / (minR * minR) * (sumR + w[0].length);
        double mixed = 18 / minR * Math.sqrt(n);
        return 2 * (pure + mixed) / (2 * Math.PI);
    }
}
