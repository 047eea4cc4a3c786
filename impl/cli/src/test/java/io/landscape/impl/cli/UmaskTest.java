package io.landscape.impl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Result files respect the umask (they used to be created 0600 whatever it was): the commands run in a child JVM
 * started by {@code sh -c 'umask U; exec java …'}, and every file they write must have mode 0666 &amp; ~U.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class UmaskTest {

    private static void runWithUmask(String umask, Path workDir, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder cmd = new StringBuilder("umask " + umask + " && exec '" + java + "' -cp '"
                + System.getProperty("java.class.path") + "' " + Main.class.getName());
        for (String a : args) {
            cmd.append(" '").append(a).append('\'');
        }
        Process p = new ProcessBuilder("sh", "-c", cmd.toString()).directory(workDir.toFile())
                .redirectErrorStream(true).start();
        boolean done = p.waitFor(240, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes());
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done, "timed out: " + output);
        assertEquals(0, p.exitValue(), output);
    }

    private static List<Path> files(Path dir) throws Exception {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(out::add);
        }
        return out;
    }

    private static void assertModes(Path dir, String mode, List<String> expected) throws Exception {
        List<Path> all = files(dir);
        for (String name : expected) {
            assertTrue(all.contains(dir.resolve(name)), name + " written; have " + all);
        }
        for (Path f : all) {
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
        }
    }

    @Test
    void umask022GivesReadableResults(@TempDir Path dir) throws Exception {
        runWithUmask("022", dir, "reproduce", "spurious-minima", "--runs", "2", "--k-min", "6", "--k-max", "6",
                "--threads", "1", "--no-progress", "--out", "rep");
        assertModes(dir.resolve("rep"), "rw-r--r--", List.of("summary.json", "runs.csv", "cells.csv", "tables.txt",
                "figure1.png", "figure1.svg", "runs.jsonl", "cells/k6-n6.json"));
        runWithUmask("022", dir, "slowdown", "--n", "1,2", "--d", "2", "--steps", "200", "--out", "slow");
        assertModes(dir.resolve("slow"), "rw-r--r--", List.of("summary.json", "curves.csv", "figure1.png",
                "figure1-loss.png", "figure1-loss.svg"));
    }

    @Test
    void umask077KeepsResultsPrivate(@TempDir Path dir) throws Exception {
        runWithUmask("077", dir, "slowdown", "--n", "1", "--d", "2", "--steps", "200", "--no-plots", "--out", "slow");
        assertModes(dir.resolve("slow"), "rw-------", List.of("summary.json", "curves.csv"));
    }
}
