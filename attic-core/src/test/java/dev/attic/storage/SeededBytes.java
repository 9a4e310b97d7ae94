package dev.attic.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Pseudo-random test content of any size, made on the fly so a large object never sits in memory:
 * the same seed and size always give the same bytes.
 */
public final class SeededBytes {
    private final long seed;
    private final long size;

    public SeededBytes(long seed, long size) {
        this.seed = seed;
        this.size = size;
    }

    public long size() {
        return size;
    }

    /** A fresh stream of the content. */
    public InputStream stream() {
        return stream(Long.MAX_VALUE, null);
    }

    /** A stream that throws {@code failure} once {@code failAfter} bytes were read. */
    public InputStream stream(long failAfter, IOException failure) {
        SplittableRandom random = new SplittableRandom(seed);
        return new InputStream() {
            private long position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position >= failAfter && failure != null) {
                    throw failure;
                }
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, Math.min(size - position, 8192));
                if (failure != null) {
                    n = (int) Math.min(n, failAfter - position);
                }
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) random.nextInt(256);
                }
                position += n;
                return n;
            }
        };
    }

    /** All the content; only for small sizes. */
    public byte[] toArray() {
        try (InputStream in = stream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 of the content, in hex. */
    public String sha256() {
        return sha256(stream());
    }

    /** The SHA-256 of what {@code in} yields, in hex; closes it. */
    public static String sha256(InputStream in) {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) >= 0; ) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
