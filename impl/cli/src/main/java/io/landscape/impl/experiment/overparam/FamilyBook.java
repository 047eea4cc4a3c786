package io.landscape.impl.experiment.overparam;

import java.util.ArrayList;
import java.util.List;

import io.landscape.api.Points;
import io.landscape.impl.experiment.spurious.Symmetry;
import io.landscape.impl.linalg.SmallMatrices;

/**
 * The symmetry classes of one census cell, built on the driver in run order ({@link Census#run}): an end point joins the first class whose
 * founder has the same F (to 10⁻⁸ relatively) and lies within the tolerance after optimal permutation of neurons and
 * coordinates ({@link Symmetry#distance}, an upper bound achieved by an explicit permutation pair), else it founds a new
 * class. Thread-safe ({@link #assign} is synchronized). The founder's end point is the family's representative.
 */
final class FamilyBook {
    private final int k;
    private final double tolerance;
    private final List<Entry> entries = new ArrayList<>();

    /** One family: id (1-based), founder point (k×k), F there, its sorted entries (a permutation invariant). */
    record Entry(int id, double[][] point, double value, double[] signature) {
    }

    FamilyBook(int k, double tolerance) {
        this.k = k;
        this.tolerance = tolerance;
    }

    /** Registers a founder read back from the log. */
    synchronized void addFounder(int id, double[] point, double value) {
        double[][] w = Points.unflatten(point, k);
        entries.add(new Entry(id, w, value, Symmetry.sortedEntries(w)));
    }

    synchronized boolean has(int id) {
        for (Entry e : entries) {
            if (e.id == id) {
                return true;
            }
        }
        return false;
    }

    /**
     * The family of end point {@code x} (F = {@code value}): the id of an existing class, or, for a new class, the
     * negated new id (the caller then stores x as the founder).
     */
    synchronized int assign(double[] x, double value) {
        double[][] w = Points.unflatten(x, k);
        double[] sig = Symmetry.sortedEntries(w);
        for (Entry e : entries) {
            if (Math.abs(e.value - value) > 1e-8 * Math.max(1.0, Math.abs(value))) {
                continue;
            }
            if (SmallMatrices.distance(e.signature, sig) > tolerance) {
                continue; // sorting is non-expansive: the aligned distance is at least this
            }
            if (Symmetry.within(e.point, w, tolerance)) {
                return e.id;
            }
        }
        int id = 1;
        for (Entry e : entries) {
            id = Math.max(id, e.id + 1);
        }
        entries.add(new Entry(id, w, value, sig));
        return -id;
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
