package io.landscape.impl.cli;

import java.util.List;

import io.landscape.api.Normalization;
import picocli.CommandLine.Option;

/** The options shared by the commands that evaluate points: {@code --teacher}, {@code --points}, {@code --normalization}. */
public final class PointsInput {
    @Option(names = "--teacher", required = true, paramLabel = "SPEC",
            description = "identity:K, identity:K:D (zero-padded to dimension D), or a CSV/JSON file with one teacher "
                    + "neuron per row.")
    String teacher;

    @Option(names = "--points", required = true, paramLabel = "FILE",
            description = "JSON lines {\"id\": ..., \"neurons\": [[...], ...]}, or a CSV file holding one point.")
    String points;

    @Option(names = "--normalization", defaultValue = "half", paramLabel = "half|full",
            description = "half: F = E ½(·)² as in papers 002/003 (default); full: E (·)², exactly twice that.")
    String normalization;

    double[][] teacher() {
        return TeacherSpec.parse(teacher);
    }

    /** The teacher with the file line (or spec) of each neuron, for messages. */
    TeacherSpec.Matrix teacherMatrix() {
        return TeacherSpec.read(teacher);
    }

    Normalization normalization() {
        switch (normalization.toLowerCase(java.util.Locale.ROOT)) {
            case "half": return Normalization.HALF;
            case "full": return Normalization.FULL;
            default: throw new InputException("--normalization " + normalization + ": expected half or full");
        }
    }

    List<PointsReader.Entry> entries() {
        return PointsReader.read(points);
    }
}
