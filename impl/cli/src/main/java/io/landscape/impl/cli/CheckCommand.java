package io.landscape.impl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.landscape.impl.experiment.AtomicFiles;
import io.landscape.impl.overparam.TheoremChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code landscape check mild-overparameterization [--out FILE]}: paper 000's theorems as executable checks
 * ({@link TheoremChecks}), printed as a Markdown table (check, claim, computed numbers, pass/FAIL). Exit 0 when every
 * check passes, 1 otherwise. With {@code --out} the table is also written to FILE (atomically).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run a paper's theorems as executable checks and print the report (Markdown). Papers: "
                + "mild-overparameterization (paper 000: Thms 1-6, 8-9, Lemmas 9-11, Prop. 1).")
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PAPER", description = "mild-overparameterization")
    String paper;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the report to FILE.")
    Path out;

    @Override
    public Integer call() {
        if (!"mild-overparameterization".equals(paper)) {
            throw new InputException("unknown paper '" + paper + "': expected mild-overparameterization");
        }
        if (out != null) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent == null || !java.nio.file.Files.isDirectory(parent)) {
                throw new InputException("--out " + out + ": the directory " + parent + " does not exist");
            }
            if (java.nio.file.Files.isDirectory(out)) {
                throw new InputException("--out " + out + ": is a directory, expected a file");
            }
        }
        List<TheoremChecks.Check> checks = TheoremChecks.all();
        String table = TheoremChecks.markdown(checks);
        PrintWriter w = spec.commandLine().getOut();
        w.print(table);
        w.flush();
        if (out != null) {
            AtomicFiles.write(out, table);
        }
        return checks.stream().allMatch(TheoremChecks.Check::passed) ? 0 : 1;
    }
}
