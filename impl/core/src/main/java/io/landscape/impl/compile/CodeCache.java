package io.landscape.impl.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The cache stage: generated sources on disk, keyed by everything that decided them.
 *
 * <p>A key is a readable name plus 16 hex digits of the SHA-256 of the key's parts — the formula, every routine
 * signature, {@link JavaPrinter#VERSION}, the generator's own version and its derivation settings ({@link #key}). The
 * directory is {@code $LANDSCAPE_CACHE_DIR}, else the system property {@code landscape.cache.dir}, else
 * {@code ~/.cache/landscape}; the property value {@code off} disables the cache. Entries are written atomically
 * (temporary file, then rename), so a reader never sees half a file; a failure to write is ignored (the cache is an
 * optimisation, a read-only home must not break evaluation); an entry that cannot be read or compiled is derived
 * again by the caller.
 */
public final class CodeCache {
    private final String category;

    /** @param category the sub-directory of the cache, e.g. {@code kernels} */
    public CodeCache(String category) {
        this.category = category;
    }

    /** {@code name} made safe for file and class names, a dash, and a hash of {@code parts} (joined by newlines). */
    public static String key(String name, List<String> parts) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + hash(String.join("\n", parts));
    }

    /** The file of {@code key}, or null when the cache is off. */
    public Path file(String key) {
        String dir = System.getenv("LANDSCAPE_CACHE_DIR");
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("landscape.cache.dir");
        }
        if ("off".equals(dir) || "off".equals(System.getProperty("landscape.cache.dir"))) {
            return null;
        }
        Path base = dir == null || dir.isBlank() ? Paths.get(System.getProperty("user.home"), ".cache", "landscape")
                : Paths.get(dir);
        return base.resolve(category).resolve(key + ".java");
    }

    /** The cached source of {@code key}, or null (cache off, no entry, unreadable). */
    public String read(String key) {
        Path f = file(key);
        if (f == null || !Files.isReadable(f)) {
            return null;
        }
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Stores {@code source} under {@code key}, atomically; does nothing when the cache is off or not writable. */
    public void write(String key, String source) {
        Path file = file(key);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".entry", ".tmp");
            Files.writeString(tmp, source, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // the cache is an optimisation only; a read-only home must not break evaluation
        }
    }

    /** 16 hex digits of the SHA-256 of {@code s}. */
    public static String hash(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                sb.append(String.format("%02x", h[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
