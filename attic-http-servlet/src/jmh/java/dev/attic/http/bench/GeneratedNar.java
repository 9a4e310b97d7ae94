package dev.attic.http.bench;

import dev.attic.nar.NarWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * A NAR made on the fly, never held: a directory with one regular file {@code data.bin} of
 * {@code size} bytes from a seeded generator, so the same seed gives the same NAR. With
 * {@code compressible} every other 4 KiB block repeats the block before it (zstd halves it);
 * otherwise the bytes are incompressible, like the oracle's large paths.
 */
record GeneratedNar(long size, long seed, boolean compressible) {

    /** Writes the NAR to {@code out} and returns its size. */
    long writeTo(OutputStream out) throws IOException {
        NarWriter nar = new NarWriter(out);
        nar.directory();
        nar.entry("data.bin");
        nar.regularFile(false, size, contents());
        nar.endDirectory();
        return nar.finish();
    }

    /** The NAR's SHA-256 and size, by writing it once into a digest. */
    Sized hash() throws IOException {
        MessageDigest sha = sha256();
        try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            long narSize = writeTo(out);
            return new Sized(sha.digest(), narSize);
        }
    }

    record Sized(byte[] sha256, long narSize) {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private InputStream contents() {
        return new InputStream() {
            private final SplittableRandom random = new SplittableRandom(seed);
            private final byte[] block = new byte[4096];
            private long blockIndex = -1;
            private int pos = block.length;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos == block.length) {
                    blockIndex++;
                    if (!compressible || blockIndex % 2 == 0) {
                        for (int i = 0; i < block.length; i += 8) {
                            long v = random.nextLong();
                            for (int k = 0; k < 8; k++) {
                                block[i + k] = (byte) (v >>> (8 * k));
                            }
                        }
                    }
                    pos = 0;
                }
                int n = Math.min(len, block.length - pos);
                System.arraycopy(block, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }
}
