package io.landscape.impl.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An append-only text file of lines, the storage behind every resumable job ({@code spurious}/{@code reproduce} run
 * logs, {@code certify --out}). Each line is written with a single write and flushed to the OS at once, so killing
 * the process loses at most the line being written; the file is fsync'ed at most once a second and on close. On open,
 * a torn last line (no newline, from a kill mid-write) is cut off and the complete lines are returned with their line
 * numbers, so the job can skip what they record (and name the line of anything it cannot read). Thread-safe.
 *
 * <h2>One writer at a time</h2>
 * The log is locked for as long as it is open: {@link #open} takes an exclusive {@link FileChannel#tryLock() lock} on
 * the file {@code <log>.lock} next to it (created if needed and left in place, so that no two processes can ever lock
 * two different lock files), and refuses with {@link InUseException} when another process, or another
 * {@code AppendLog} of this JVM, holds it. The lock goes away with the process, so a killed job never leaves a stale
 * lock behind. (The lock file holds the id of the process that last locked it, for the refusal message only.)
 */
public final class AppendLog implements AutoCloseable {
    /** Lock files held by this JVM (real paths): a second FileChannel on a locked file must not even be opened. */
    private static final Set<Path> HELD = new HashSet<>();

    /** A complete line of the file as it was when opened, with its 1-based line number. */
    public record Line(int number, String text) {
    }

    /**
     * The log cannot be opened: another writer holds it, or the file or its folder cannot be created. A user error
     * (an {@link IllegalArgumentException}, so the command line reports the message alone and exits with 2).
     */
    public static final class InUseException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InUseException(String message) {
            super(message);
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path lockKey;
    private final List<Line> existing;
    private long lastSync = System.nanoTime();
    private boolean closed;

    private AppendLog(Path file, FileChannel channel, FileChannel lockChannel, FileLock lock, Path lockKey,
                      List<Line> existing) {
        this.file = file;
        this.channel = channel;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.lockKey = lockKey;
        this.existing = existing;
    }

    /** The lock file that guards {@code log}: {@code <log>.lock} in the same folder. */
    public static Path lockFile(Path log) {
        return log.resolveSibling(log.getFileName() + ".lock");
    }

    /**
     * Opens (creating it and its folder if needed) {@code file} for appending, after locking it and cutting a torn last
     * line.
     *
     * @throws InUseException if another writer holds the log, or the file or folder cannot be created or opened
     */
    public static AppendLog open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Path key;
        try {
            Files.createDirectories(parent);
            key = parent.toRealPath().resolve(abs.getFileName() + ".lock");
        } catch (IOException | SecurityException e) {
            throw new InUseException("cannot create the folder " + parent + " for " + file + ": " + describe(e));
        }
        if (Files.isDirectory(abs)) {
            throw new InUseException(file + " is a folder, not a file");
        }
        synchronized (HELD) {
            if (!HELD.add(key)) {
                throw new InUseException(file + " is already being written by this process (another job on the "
                        + "same output): use another output, or wait for the first job to finish");
            }
        }
        FileChannel lockChannel = null;
        FileChannel ch = null;
        try {
            lockChannel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(lockChannel);
                throw new InUseException(file + " is being written by another process" + holder + ", which holds "
                        + "the lock " + key.getFileName() + ": two jobs on the same output would corrupt it; wait for "
                        + "that one to finish, or use another output");
            }
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            lockChannel.truncate(0);
            lockChannel.write(ByteBuffer.wrap(pid), 0);
            ch = FileChannel.open(abs, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long size = ch.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new InUseException(file + " is too large to be a log (" + size + " bytes)");
            }
            ByteBuffer all = ByteBuffer.allocate((int) size);
            while (all.hasRemaining() && ch.read(all, all.position()) >= 0) {
                // read until full
            }
            byte[] bytes = all.array();
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            ch.truncate(end);
            ch.position(end);
            List<Line> lines = new ArrayList<>();
            int number = 0;
            int start = 0;
            for (int i = 0; i < end; i++) {
                if (bytes[i] == '\n') {
                    number++;
                    String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                    if (!line.isBlank()) {
                        lines.add(new Line(number, line));
                    }
                    start = i + 1;
                }
            }
            return new AppendLog(file, ch, lockChannel, lock, key, List.copyOf(lines));
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            closeQuietly(lockChannel); // releases the lock, if taken
            synchronized (HELD) {
                HELD.remove(key);
            }
            if (e instanceof InUseException in) {
                throw in;
            }
            if (e instanceof IOException io) {
                throw new InUseException("cannot open " + file + ": " + describe(io));
            }
            throw (RuntimeException) e;
        }
    }

    private static String holder(FileChannel lockChannel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(32);
            lockChannel.read(buf, 0);
            String s = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
            return s.matches("[0-9]{1,19}") ? " (pid " + s + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(Exception e) {
        String name = e.getClass().getSimpleName();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? name : e.getMessage();
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    /** The complete, non-blank lines the file held when it was opened. */
    public List<String> existingLines() {
        List<String> out = new ArrayList<>(existing.size());
        for (Line l : existing) {
            out.add(l.text());
        }
        return out;
    }

    /** The complete, non-blank lines the file held when it was opened, with their line numbers. */
    public List<Line> existing() {
        return existing;
    }

    public Path file() {
        return file;
    }

    /** Appends {@code line} and a newline in one write (the line must not contain a newline). */
    public synchronized void append(String line) {
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a log line must not contain a newline");
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            long now = System.nanoTime();
            if (now - lastSync > 1_000_000_000L) {
                channel.force(false);
                lastSync = now;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Forces everything to disk now. */
    public synchronized void sync() {
        try {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync " + file + ": " + e.getMessage(), e);
        }
    }

    /** Syncs and closes the file, then releases the lock. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.force(true);
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                if (lock.isValid()) {
                    lock.release();
                }
            } catch (IOException ignored) {
                // closing the channel releases it anyway
            }
            closeQuietly(lockChannel);
            synchronized (HELD) {
                HELD.remove(lockKey);
            }
        }
    }
}
