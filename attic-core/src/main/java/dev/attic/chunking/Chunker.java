package dev.attic.chunking;

import java.io.InputStream;

/**
 * Finds where the next chunk ends. A chunker looks only at bytes; {@link ChunkReader} does the
 * reading, buffering and hashing for every chunker, so a new chunker is just this one method.
 *
 * <p>{@link FastCdc} is the chunker upstream Attic uses. Another chunker can be checked with the
 * property suite {@code dev.attic.chunking.ChunkerProperties} in attic-core's test-jar.
 */
public interface Chunker {

    /** The smallest chunk this chunker cuts, except for the last chunk of an input. */
    int minSize();

    /** The largest chunk this chunker cuts; {@link ChunkReader} buffers this many bytes ahead. */
    int maxSize();

    /**
     * Returns the length of the chunk that starts at {@code data[start]}.
     *
     * @param available how many bytes from {@code start} are in {@code data}: {@link #maxSize()},
     *     or fewer only when the input ends there
     * @return a length in {@code [1, available]}, and at least {@link #minSize()} unless that is
     *     all that is left ({@code available}); the same bytes must give the same length
     */
    int cut(byte[] data, int start, int available);

    /** Streams the input as chunks; the caller keeps ownership of {@code input} and closes it. */
    default ChunkReader split(InputStream input) {
        return new ChunkReader(this, input);
    }
}
