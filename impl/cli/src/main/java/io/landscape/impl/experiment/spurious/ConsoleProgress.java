package io.landscape.impl.experiment.spurious;

import java.io.PrintStream;
import java.nio.file.Path;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The command line's view of a running {@link Sweep}: "resuming: X of Y runs already in FILE" on {@code err}, and
 * (if asked) a progress bar with speed and ETA, stepped once per finished chunk and labelled with its cell.
 */
public final class ConsoleProgress implements Sweep.Listener, AutoCloseable {
    private final boolean bar;
    private final PrintStream err;
    private ProgressBar pb;

    /** Reports on {@code err} (null: nothing); a bar only if {@code bar}. */
    public ConsoleProgress(boolean bar, PrintStream err) {
        this.bar = bar;
        this.err = err;
    }

    @Override
    public void started(long total, long already, Path log) {
        if (err == null) {
            return;
        }
        if (already > 0) {
            err.println("resuming: " + already + " of " + total + " runs already in " + log);
        }
        if (bar) {
            pb = new ProgressBarBuilder().setTaskName("spurious").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                    .setUpdateIntervalMillis(500).setUnit(" runs", 1).showSpeed().build();
            pb.stepTo(already);
        }
    }

    @Override
    public void chunk(int k, int n, int runs) {
        if (pb != null) {
            pb.setExtraMessage("k=" + k + " n=" + n);
            pb.stepBy(runs);
        }
    }

    @Override
    public void close() {
        if (pb != null) {
            pb.close();
            pb = null;
        }
    }
}
