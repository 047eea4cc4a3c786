package io.landscape.impl.experiment;

import java.nio.file.Path;

/** A second process for {@link AppendLogTest}: opens the log given as argument, says "locked", holds it until stdin ends. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (AppendLog log = AppendLog.open(Path.of(args[0]))) {
            log.append("{\"from\":\"the other process\"}");
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our stdin
            }
        }
    }
}
