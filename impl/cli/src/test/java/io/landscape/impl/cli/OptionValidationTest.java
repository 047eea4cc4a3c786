package io.landscape.impl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine.Model.CommandSpec;

/**
 * Values are checked once, by the settings records; the command line turns the record's message into one line naming
 * the option, exit code 2, before any work.
 */
class OptionValidationTest {
    private static CommandSpec spec(String command) {
        return Main.commandLine().getSubcommands().get(command).getCommandSpec();
    }

    @Test
    void aLeadingArgumentNameBecomesTheOption() {
        assertEquals("--max-steps: must be at least 1, got 0",
                Main.asOption("max-steps: must be at least 1, got 0", spec("descend")));
        assertEquals("--points-per-decade: need K ≥ 1, got 0",
                Main.asOption("pointsPerDecade: need K ≥ 1, got 0", spec("slowdown")));
        assertEquals("--runs: must be at least 1, got 0", Main.asOption("runs: must be at least 1, got 0",
                spec("spurious")));
        // not an option of the command, a file name, an option already, no name at all: unchanged
        assertEquals("runs: x", Main.asOption("runs: x", spec("descend")));
        assertEquals("p.json: not valid JSON", Main.asOption("p.json: not valid JSON", spec("basin")));
        assertEquals("--n: need at least one", Main.asOption("--n: need at least one", spec("slowdown")));
        assertEquals("step size too large", Main.asOption("step size too large", spec("descend")));
        assertEquals(": odd", Main.asOption(": odd", spec("descend")));
    }

    private static void refused(CliRun r, String option) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("landscape "), r.err());
        assertTrue(r.err().contains(option), "expected " + option + " in: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void badValuesAreRefusedWithTheOptionsName(@TempDir Path dir) {
        refused(CliRun.of("descend", "--teacher", "identity:3", "--n", "3", "--step", "-1"), "--step:");
        refused(CliRun.of("descend", "--teacher", "identity:3", "--n", "3", "--tol", "Infinity"), "--tol:");
        refused(CliRun.of("descend", "--teacher", "identity:3", "--n", "3", "--max-steps", "0"), "--max-steps:");
        refused(CliRun.of("spurious", "--k", "3", "--n", "3", "--runs", "0", "--out", dir.resolve("a").toString()),
                "--runs:");
        refused(CliRun.of("spurious", "--k", "3", "--n", "3", "--runs", "2", "--threads", "0", "--out",
                dir.resolve("b").toString()), "--threads:");
        refused(CliRun.of("reproduce", "spurious-minima", "--max-steps", "0", "--out", dir.resolve("c").toString()),
                "--max-steps:");
        refused(CliRun.of("slowdown", "--points-per-decade", "0", "--out", dir.resolve("d").toString()),
                "--points-per-decade:");
        // refused before any work: no output directory was created
        for (String sub : new String[] {"a", "b", "c", "d"}) {
            assertFalse(dir.resolve(sub).toFile().exists(), sub);
        }
    }
}
