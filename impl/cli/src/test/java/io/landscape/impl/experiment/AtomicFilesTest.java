package io.landscape.impl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    /** A result file gets the permissions of any new file in that directory (the umask's), not 0600. */
    @Test
    void permissionsAreThoseOfANewFile(@TempDir Path dir) throws Exception {
        Path reference = Files.createFile(dir.resolve("reference"));
        Path target = dir.resolve("result.txt");
        AtomicFiles.write(target, "hello\n");
        assertEquals("hello\n", Files.readString(target));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(target));
        }
        AtomicFiles.write(target, "again\n");
        assertEquals("again\n", Files.readString(target));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temporary file left");
        }
    }

    /** A writer that fails leaves neither the target nor a temporary file. */
    @Test
    void failedWriteLeavesNothing(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("x.json");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IOException("boom");
        }));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void outputDirectoryChecks(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("a/b/c");
        assertNull(AtomicFiles.checkOutputDirectory(fresh));
        assertTrue(Files.isDirectory(fresh));
        try (Stream<Path> s = Files.list(fresh)) {
            assertEquals(0, s.count(), "the probe file is removed");
        }
        Path file = Files.writeString(dir.resolve("f"), "x");
        String msg = AtomicFiles.checkOutputDirectory(file);
        assertNotNull(msg);
        assertTrue(msg.startsWith(file + ": exists and is not a directory"), msg);
        String under = AtomicFiles.checkOutputDirectory(file.resolve("sub/deeper"));
        assertNotNull(under);
        assertTrue(under.contains(file.toString()), under);
        assertEquals("x", Files.readString(file));
        assertFalse(Files.exists(dir.resolve("f/sub")));
    }
}
