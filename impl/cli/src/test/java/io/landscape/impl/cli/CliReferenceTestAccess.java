package io.landscape.impl.cli;

import java.nio.file.Path;

/** The repository root for tests in other packages (see {@link CliReferenceTest#repositoryRoot()}). */
public final class CliReferenceTestAccess {
    private CliReferenceTestAccess() {
    }

    public static Path repositoryRoot() {
        return CliReferenceTest.repositoryRoot();
    }
}
