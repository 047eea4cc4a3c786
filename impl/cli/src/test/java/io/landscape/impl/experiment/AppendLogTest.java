package io.landscape.impl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per log: a second one, in this JVM or another process, is refused; lines keep their numbers. */
class AppendLogTest {
    @TempDir
    Path dir;

    @Test
    void aSecondWriterInAnotherThreadIsRefusedUntilTheFirstCloses() throws Exception {
        Path file = dir.resolve("sub").resolve("log.jsonl");
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch tried = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread first = new Thread(() -> {
            try (AppendLog log = AppendLog.open(file)) {
                log.append("one");
                opened.countDown();
                tried.await(30, TimeUnit.SECONDS);
                log.append("two");
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        first.start();
        assertTrue(opened.await(30, TimeUnit.SECONDS));
        AppendLog.InUseException e = assertThrows(AppendLog.InUseException.class, () -> AppendLog.open(file));
        assertTrue(e.getMessage().contains("log.jsonl") && e.getMessage().contains("already being written"),
                e.getMessage());
        tried.countDown();
        first.join(30_000);
        assertEquals(null, failure.get());
        try (AppendLog log = AppendLog.open(file)) {
            assertEquals(List.of(new AppendLog.Line(1, "one"), new AppendLog.Line(2, "two")), log.existing());
        }
        assertEquals("one\ntwo\n", Files.readString(file));
    }

    @Test
    void aSecondWriterInAnotherProcessIsRefused() throws Exception {
        Path file = dir.resolve("log.jsonl");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), file.toString()));
        Process other = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            AppendLog.InUseException e = assertThrows(AppendLog.InUseException.class, () -> AppendLog.open(file));
            assertTrue(e.getMessage().contains("another process (pid " + other.pid() + ")"), e.getMessage());
            assertTrue(e.getMessage().contains("log.jsonl.lock"), e.getMessage());
            // the refused writer changed nothing
            assertEquals("{\"from\":\"the other process\"}\n", Files.readString(file));
        } finally {
            other.getOutputStream().close();
            assertTrue(other.waitFor(60, TimeUnit.SECONDS));
        }
        assertEquals(0, other.exitValue());
        try (AppendLog log = AppendLog.open(file)) {
            log.append("{\"from\":\"this process\"}");
        }
        assertEquals(List.of("{\"from\":\"the other process\"}", "{\"from\":\"this process\"}"), Files.readAllLines(file));
    }

    @Test
    void aTornLastLineIsCutAndLinesKeepTheirNumbers() throws Exception {
        Path file = dir.resolve("log.jsonl");
        Files.writeString(file, "a\n\nb\n  \nc\n{\"torn");
        try (AppendLog log = AppendLog.open(file)) {
            assertEquals(List.of(new AppendLog.Line(1, "a"), new AppendLog.Line(3, "b"), new AppendLog.Line(5, "c")),
                    log.existing());
            assertEquals(List.of("a", "b", "c"), log.existingLines());
            log.append("d");
        }
        assertEquals("a\n\nb\n  \nc\nd\n", Files.readString(file));
    }

    @Test
    void badPathsAreRefusedWithAMessage() throws Exception {
        Files.createDirectories(dir.resolve("folder"));
        AppendLog.InUseException folder = assertThrows(AppendLog.InUseException.class,
                () -> AppendLog.open(dir.resolve("folder")));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
        Files.writeString(dir.resolve("file"), "x");
        AppendLog.InUseException under = assertThrows(AppendLog.InUseException.class,
                () -> AppendLog.open(dir.resolve("file").resolve("log.jsonl")));
        assertTrue(under.getMessage().contains("cannot create the folder"), under.getMessage());
        assertTrue(under instanceof IllegalArgumentException, "a user error: exit 2 on the command line");
    }
}
