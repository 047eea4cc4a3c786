package io.landscape.impl.experiment.spurious;

import java.util.List;

/**
 * Everything about one (k, n) cell: all runs (in run order), the families of local minima, the other candidate
 * classes (saddles: converged with λ_min ≤ 0), and the counts of global, unconverged and diverged runs.
 *
 * @param seconds wall time spent computing the runs of this cell (0 for runs loaded from a resume log)
 */
public record CellResult(int k, int n, int runsRequested, List<RunRecord> runs, List<Family> families,
                         List<Family> otherCandidates, int globalRuns, int unconvergedCandidates, int divergedRuns,
                         double seconds) {

    /** Runs that ended in a family of local minima. */
    public int spuriousRuns() {
        int s = 0;
        for (Family f : families) {
            s += f.multiplicity();
        }
        return s;
    }

    /** Converged candidate runs that are not minima (saddles, or stalled at a zero neuron). */
    public int saddleRuns() {
        int s = 0;
        for (Family f : otherCandidates) {
            s += f.multiplicity();
        }
        return s;
    }

    /** Whether the paper's published percentage for this cell lies in our Wilson 95 % interval (null: not in the paper). */
    public Boolean paperWithinCi95() {
        PaperTables.Row p = PaperTables.row(k, n);
        if (p == null) {
            return null;
        }
        double[] ci = wilson95();
        return p.percent() >= ci[0] - 1e-9 && p.percent() <= ci[1] + 1e-9;
    }

    /** Percentage of the runs ending at a spurious local minimum. */
    public double percent() {
        return runs.isEmpty() ? 0.0 : 100.0 * spuriousRuns() / runs.size();
    }

    /** λ_min averaged over the spurious runs (each run counts with its family's value); NaN if none. */
    public double averageLambdaMin() {
        double s = 0;
        int c = 0;
        for (Family f : families) {
            s += f.lambdaMin() * f.multiplicity();
            c += f.multiplicity();
        }
        return c == 0 ? Double.NaN : s / c;
    }

    /** F averaged over the spurious runs (the runs' own end values); NaN if none. */
    public double averageObjective() {
        double s = 0;
        int c = 0;
        for (Family f : families) {
            for (int r : f.runs()) {
                s += runs.get(indexOf(r)).value();
                c++;
            }
        }
        return c == 0 ? Double.NaN : s / c;
    }

    private int indexOf(int run) {
        if (run < runs.size() && runs.get(run).run() == run) {
            return run;
        }
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).run() == run) {
                return i;
            }
        }
        throw new IllegalStateException("run " + run + " not in cell");
    }

    /** Wilson 95% interval for the spurious fraction, in percent: {low, high}. */
    public double[] wilson95() {
        return Wilson.interval(spuriousRuns(), runs.size(), 1.959963984540054);
    }

    /** Total gradient steps over all runs. */
    public long totalIterations() {
        long s = 0;
        for (RunRecord r : runs) {
            s += r.totalIterations();
        }
        return s;
    }

    /** Sum of the per-run times (CPU-thread seconds). */
    public double runSeconds() {
        double s = 0;
        for (RunRecord r : runs) {
            s += r.seconds();
        }
        return s;
    }

    /** Sum of the per-run CPU times (what an idle machine would need, divided by its cores). */
    public double cpuSeconds() {
        double s = 0;
        for (RunRecord r : runs) {
            s += r.cpuSeconds();
        }
        return s;
    }

    /** The family id of a run, or 0 for a run in no family (global, unconverged or diverged). */
    public int familyOf(int run) {
        for (Family f : families) {
            if (f.runs().contains(run)) {
                return f.id();
            }
        }
        for (Family f : otherCandidates) {
            if (f.runs().contains(run)) {
                return f.id();
            }
        }
        return 0;
    }
}
