package io.landscape.impl.experiment.overparam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.landscape.impl.optim.GradientDescent;
import io.landscape.impl.sweep.EnvironmentMismatchException;
import io.landscape.impl.sweep.Task;
import io.landscape.impl.sweep.TaskContext;

/**
 * One chunk of the census as a pure sweep task: cell k, one start construction, the sorted run indices {@code runs}
 * → one {@link CensusRun} per run, in that order, each {@link Census#runOne} (a function of k, start, run and the
 * settings alone), its family not yet assigned (converged non-global runs come back {@link CensusRun#UNCLASSIFIED}
 * with their end point; {@link Census#run} classifies them on the driver, in run order). Everything that decides a
 * result travels inside: the settings (seed, mode, step cap, …) and the evaluator fingerprint of the planning JVM
 * ({@link Census#evaluator}); a JVM that would select another evaluator refuses the chunk.
 */
record CensusTask(int k, CensusRun.Start start, int[] runs, Census.Settings settings, String evaluator)
        implements Task<CensusRun> {
    private static final long serialVersionUID = 1L;

    CensusTask {
        runs = runs.clone();
        for (int i = 0; i < runs.length; i++) {
            if (runs[i] < 0 || (i > 0 && runs[i] <= runs[i - 1])) {
                throw new IllegalArgumentException("run indices must be ascending and ≥ 0: " + Arrays.toString(runs));
            }
        }
    }

    @Override
    public int[] runs() {
        return runs.clone();
    }

    @Override
    public List<CensusRun> compute(TaskContext context) {
        String here = Census.evaluator(k);
        if (!here.equals(evaluator)) {
            throw new EnvironmentMismatchException("census cell k = " + k + ": planned for the evaluator " + evaluator
                    + " but this JVM would use " + here + ", whose runs round differently: run every worker with the "
                    + "same Vector API and landscape.vector settings");
        }
        GradientDescent gd = Census.driver(k);
        List<CensusRun> out = new ArrayList<>(runs.length);
        for (int r : runs) {
            out.add(Census.runOne(gd, k, start, r, settings));
        }
        return out;
    }
}
