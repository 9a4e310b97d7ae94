package dev.attic.chunking;

import java.io.InputStream;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An input stream over a byte array whose every read returns a random number of bytes between 1
 * and {@code largestPiece}, as a network stream may: for checking that a consumer's result does
 * not depend on how its input is split.
 */
public final class PiecewiseInputStream extends InputStream {

    private final byte[] data;
    private final SplittableRandom random;
    private final int largestPiece;
    private int position;

    /**
     * @param seed fixes the sequence of piece sizes
     * @param largestPiece the most bytes one read returns, at least 1
     */
    public PiecewiseInputStream(byte[] data, long seed, int largestPiece) {
        if (largestPiece < 1) {
            throw new IllegalArgumentException("largestPiece must be at least 1, got " + largestPiece);
        }
        this.data = Objects.requireNonNull(data, "data");
        this.random = new SplittableRandom(seed);
        this.largestPiece = largestPiece;
    }

    @Override
    public int read() {
        return position < data.length ? data[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        if (position == data.length) {
            return -1;
        }
        int piece = Math.min(Math.min(length, data.length - position), 1 + random.nextInt(largestPiece));
        System.arraycopy(data, position, target, offset, piece);
        position += piece;
        return piece;
    }
}
