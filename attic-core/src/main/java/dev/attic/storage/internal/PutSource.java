package dev.attic.storage.internal;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.storage.Storage;
import dev.attic.storage.StorageKey;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The caller's bytes for one {@link Storage#put}, read with its declared length enforced. A failure
 * to read them, or a count other than the declared one, is the caller's fault and becomes a
 * {@link BadInputException}, so a backend can tell it from its own failures. Not thread-safe.
 */
public final class PutSource {
    private final StorageKey key;
    private final InputStream in;
    private final long declared;
    private long count;
    private int peeked = -1;
    private boolean ended;

    public PutSource(StorageKey key, InputStream in, long declaredLength) {
        this.key = Objects.requireNonNull(key, "key");
        this.in = Objects.requireNonNull(in, "data");
        if (declaredLength < 0 && declaredLength != Storage.UNKNOWN_LENGTH) {
            throw new BadInputException(ErrorCode.BAD_REQUEST,
                    "invalid length " + declaredLength + " for " + key + " (use Storage.UNKNOWN_LENGTH)");
        }
        this.declared = declaredLength;
    }

    /** The declared length, or {@link Storage#UNKNOWN_LENGTH}. */
    public long declaredLength() {
        return declared;
    }

    /** Bytes handed out so far. */
    public long count() {
        return count;
    }

    /**
     * Reads until {@code len} bytes are in {@code buf} or the data ends.
     *
     * @return the number of bytes read; less than {@code len} only at the end of the data
     */
    public int readFully(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        int done = 0;
        if (len > 0 && peeked >= 0) {
            buf[off] = (byte) peeked;
            peeked = -1;
            done = 1;
        }
        while (done < len && !ended) {
            int n = readSource(buf, off + done, len - done);
            if (n < 0) {
                ended = true;
            } else {
                done += n;
            }
        }
        count += done;
        if (declared >= 0 && count > declared) {
            throw new BadInputException(ErrorCode.BAD_REQUEST,
                    "the data for " + key + " is longer than its declared length " + declared);
        }
        if (ended && peeked < 0 && declared >= 0 && count < declared) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "the data for " + key + " ended after "
                    + count + " bytes, but its declared length is " + declared);
        }
        return done;
    }

    /** True when no byte is left; may read one byte ahead. */
    public boolean atEnd() {
        if (peeked >= 0) {
            return false;
        }
        if (!ended) {
            byte[] one = new byte[1];
            int n;
            do {
                n = readSource(one, 0, 1);
            } while (n == 0);
            if (n < 0) {
                ended = true;
                readFully(one, 0, 0); // checks a short count against the declared length
            } else {
                peeked = one[0] & 0xff;
                if (declared >= 0 && count + 1 > declared) {
                    throw new BadInputException(ErrorCode.BAD_REQUEST,
                            "the data for " + key + " is longer than its declared length " + declared);
                }
            }
        }
        return ended && peeked < 0;
    }

    private int readSource(byte[] buf, int off, int len) {
        try {
            return in.read(buf, off, len);
        } catch (IOException e) {
            throw new BadInputException(ErrorCode.BAD_REQUEST,
                    "reading the data for " + key + " failed after " + count + " bytes: " + e.getMessage(), e);
        }
    }
}
