package io.landscape.jmh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code benchmarks.jar}: JMH's own {@code org.openjdk.jmh.Main} with {@code -foe true} (fail on error)
 * unless the caller sets {@code -foe} explicitly. Plain JMH prints the rows of the forks that succeeded and exits 0
 * when a fork dies (a kernel that cannot be derived, a missing class): with this default a benchmark run in which
 * any fork failed exits non-zero.
 */
public final class BenchmarksMain {
    private BenchmarksMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (!all.contains("-foe") && !all.contains("-h") && !all.contains("-l") && !all.contains("-lp")) {
            all.add(0, "true");
            all.add(0, "-foe");
        }
        org.openjdk.jmh.Main.main(all.toArray(new String[0]));
    }
}
