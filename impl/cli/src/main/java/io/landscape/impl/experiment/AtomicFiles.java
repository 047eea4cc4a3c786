package io.landscape.impl.experiment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file completely to a temporary sibling, then moves it into place atomically (where the file system allows),
 * so readers never see a half-written file and a killed process leaves the previous version intact. Used for every
 * output of the experiments (summaries, CSV, plots).
 *
 * <p>Permissions: the temporary file is created like any new file (open with {@code O_CREAT|O_EXCL} and mode 0666),
 * so the process umask — and a directory's default ACL — decide its permissions, exactly as for a file written
 * directly: with umask 022 results are {@code rw-r--r--}. ({@link Files#createTempFile} would force {@code rw-------}.)
 */
public final class AtomicFiles {
    /** Produces the file's content. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} through {@code writer}; the temporary file is removed whatever happens. */
    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = null;
        OutputStream out = null;
        for (int attempt = 0; out == null; attempt++) {
            tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(
                    ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
        try {
            try (OutputStream o = out) {
                writer.write(o);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code text} (UTF-8) to {@code target}; an I/O failure becomes an unchecked error naming the file. */
    public static void write(Path target, String text) {
        try {
            write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks, before any work, that {@code dir} can hold a command's results: it is a directory or can be created as
     * one, and a file can be created in it. Returns null if so (the directory then exists), or a one-line reason
     * naming the path. Directories created here are removed again when the check fails, so a refused command leaves
     * nothing behind.
     */
    public static String checkOutputDirectory(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            return dir + ": exists and is not a directory";
        }
        // the first ancestor that exists: everything below it is created here (and removed again on failure)
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            return dir + ": cannot create it, " + existing + " is not a directory";
        }
        try {
            Files.createDirectories(abs);
        } catch (IOException | SecurityException e) {
            removeCreated(abs, existing);
            return dir + ": cannot create the directory (" + reason(e) + ")";
        }
        Path probe = abs.resolve(".landscape-probe-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
        try {
            Files.newOutputStream(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // nothing more we can do
            }
            removeCreated(abs, existing);
            return dir + ": cannot write files in this directory (" + reason(e) + ")";
        }
        return null;
    }

    /** Removes the (empty) directories from {@code dir} up to, excluding, {@code existing}. */
    private static void removeCreated(Path dir, Path existing) {
        for (Path p = dir; p != null && !p.equals(existing); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
