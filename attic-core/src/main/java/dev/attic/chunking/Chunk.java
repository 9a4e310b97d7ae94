package dev.attic.chunking;

import com.google.common.hash.HashCode;
import java.util.Objects;

/**
 * Where a chunk lies in its input and what it hashes to; the bytes themselves are read from the
 * {@link ChunkReader} that made it, while it is current.
 *
 * @param offset where the chunk starts in the input, from 0
 * @param length its length in bytes, at least 1
 * @param sha256 the SHA-256 of its bytes ({@code toString()} is lowercase hex)
 */
public record Chunk(long offset, int length, HashCode sha256) {

    public Chunk {
        if (offset < 0) {
            throw new IllegalArgumentException("chunk offset must not be negative, got " + offset);
        }
        if (length < 1) {
            throw new IllegalArgumentException("chunk length must be at least 1, got " + length);
        }
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.bits() != 256) {
            throw new IllegalArgumentException("a chunk's SHA-256 has 256 bits, got " + sha256.bits());
        }
    }

    /** Where the chunk ends in the input (exclusive). */
    public long end() {
        return offset + length;
    }
}
