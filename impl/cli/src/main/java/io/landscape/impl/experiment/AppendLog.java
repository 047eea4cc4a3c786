package io.landscape.impl.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only text file of lines, the storage behind every resumable job ({@code spurious}/{@code reproduce} run
 * logs, {@code certify --out}). Each line is written with a single write and flushed to the OS at once, so killing
 * the process loses at most the line being written; the file is fsync'ed at most once a second and on close. On open,
 * a torn last line (no newline, from a kill mid-write) is cut off and the complete lines are returned, so the job can
 * skip what they record. Thread-safe.
 */
public final class AppendLog implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final List<String> existing;
    private long lastSync = System.nanoTime();

    private AppendLog(Path file, FileChannel channel, List<String> existing) {
        this.file = file;
        this.channel = channel;
        this.existing = existing;
    }

    /** Opens (creating it and its directory if needed) {@code file} for appending, after cutting a torn last line. */
    public static AppendLog open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            ch.truncate(end);
            ch.position(end);
            List<String> lines = new ArrayList<>();
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return new AppendLog(file, ch, List.copyOf(lines));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** The complete, non-blank lines the file held when it was opened. */
    public List<String> existingLines() {
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

    @Override
    public synchronized void close() {
        try {
            channel.force(true);
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
