package io.landscape.impl.sweep;

/**
 * A worker refused a task because it would compute other bits than the JVM that planned it (another evaluator
 * fingerprint: no Vector API, {@code landscape.vector}/{@code landscape.batch} set differently, another Java runtime).
 * A setup error of the cluster, not a bug: the command line reports the message alone (exit 2). A {@link Runner}
 * rethrows it as it is, so that the message reaches the driver unchanged.
 */
public class EnvironmentMismatchException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public EnvironmentMismatchException(String message) {
        super(message);
    }
}
