package dev.attic.chunking;

import com.google.common.hash.HashCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Cuts an input stream into chunks with a {@link Chunker}, one chunk at a time:
 *
 * <pre>{@code
 * ChunkReader chunks = FastCdc.of(settings).split(nar);
 * while (chunks.next()) {
 *     Chunk chunk = chunks.chunk();      // offset, length, SHA-256
 *     chunks.writeTo(compressor);        // the bytes, without a copy
 * }
 * }</pre>
 *
 * <p>Memory is one buffer of twice the chunker's {@link Chunker#maxSize()}, whatever the input's
 * size. The current chunk's bytes stay in that buffer until the next call to {@link #next()}:
 * {@link #bytes()} and {@link #writeTo(OutputStream)} hand them on without copying,
 * {@link #copyBytes()} copies them for a consumer that keeps them longer. The SHA-256 is computed
 * only when asked for, so a caller that needs only cut points pays nothing for it.
 *
 * <p>The cut points do not depend on how the input stream splits its reads: the chunker always
 * sees {@code maxSize} bytes ahead, or all that is left. Not thread-safe; the caller owns and
 * closes the input stream.
 */
public final class ChunkReader {

    private final Chunker chunker;
    private final InputStream input;
    private final int maxSize;
    private final byte[] buffer;
    private int start;
    private int length;
    private int filled;
    private long offset;
    private boolean endOfInput;
    private boolean finished;
    private MessageDigest digest;
    private HashCode sha256;

    ChunkReader(Chunker chunker, InputStream input) {
        this.chunker = Objects.requireNonNull(chunker, "chunker");
        this.input = Objects.requireNonNull(input, "input");
        this.maxSize = chunker.maxSize();
        if (maxSize < 1) {
            throw new IllegalArgumentException(chunker + " has a maximum chunk size below 1: " + maxSize);
        }
        this.buffer = new byte[(int) Math.min(2L * maxSize, Integer.MAX_VALUE - 8)];
    }

    /**
     * Moves to the next chunk, reading from the input as needed.
     *
     * @return false when the input is exhausted (an empty input has no chunks)
     * @throws IOException when the input stream fails
     */
    public boolean next() throws IOException {
        if (finished) {
            return false;
        }
        start += length;
        offset += length;
        length = 0;
        sha256 = null;
        if (!endOfInput && filled - start < maxSize) {
            fill();
        }
        int available = Math.min(filled - start, maxSize);
        if (available == 0) {
            finished = true;
            return false;
        }
        int cut = chunker.cut(buffer, start, available);
        if (cut < 1 || cut > available) {
            throw new IllegalStateException(chunker + " cut a chunk of " + cut + " bytes at offset " + offset
                    + " with " + available + " available; a cut must be in [1, available]");
        }
        length = cut;
        return true;
    }

    /** Reads until {@code maxSize} bytes from {@code start} are buffered or the input ends. */
    private void fill() throws IOException {
        if (buffer.length - start < maxSize) {
            System.arraycopy(buffer, start, buffer, 0, filled - start);
            filled -= start;
            start = 0;
        }
        while (filled - start < maxSize) {
            int read = input.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                endOfInput = true;
                return;
            }
            filled += read;
        }
    }

    /** Where the current chunk starts in the input. */
    public long offset() {
        requireChunk();
        return offset;
    }

    /** The current chunk's length in bytes. */
    public int length() {
        requireChunk();
        return length;
    }

    /** A read-only view of the current chunk's bytes, valid until the next {@link #next()}. */
    public ByteBuffer bytes() {
        requireChunk();
        return ByteBuffer.wrap(buffer, start, length).slice().asReadOnlyBuffer();
    }

    /** Writes the current chunk's bytes straight from the buffer. */
    public void writeTo(OutputStream out) throws IOException {
        requireChunk();
        out.write(buffer, start, length);
    }

    /** A copy of the current chunk's bytes, for a consumer that outlives the next {@link #next()}. */
    public byte[] copyBytes() {
        requireChunk();
        return Arrays.copyOfRange(buffer, start, start + length);
    }

    /** The SHA-256 of the current chunk, computed on the first call for each chunk. */
    public HashCode sha256() {
        requireChunk();
        if (sha256 == null) {
            if (digest == null) {
                digest = newSha256();
            }
            digest.update(buffer, start, length);
            sha256 = HashCode.fromBytes(digest.digest());
        }
        return sha256;
    }

    /** The current chunk as a value: offset, length and SHA-256. */
    public Chunk chunk() {
        return new Chunk(offset(), length, sha256());
    }

    private void requireChunk() {
        if (length == 0) {
            throw new IllegalStateException(finished
                    ? "the input has no more chunks"
                    : "no current chunk: call next() first");
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java platform provides SHA-256", e);
        }
    }
}
