package dev.attic.storage.s3;

import dev.attic.storage.internal.PutSource;
import java.util.Arrays;

/**
 * The bytes of one upload part (or of a whole small object), growing as they arrive so a small
 * object never costs a whole part of memory.
 */
final class PartBuffer {
    /** The first allocation for an object whose size is not known to be large. */
    static final int SMALL = 64 * 1024;

    private byte[] array;
    private int length;

    PartBuffer(int initialCapacity) {
        this.array = new byte[Math.max(initialCapacity, 1)];
    }

    /** Reads from {@code source} until this buffer holds {@code limit} bytes or the data ends. */
    void fill(PutSource source, int limit) {
        while (length < limit) {
            if (length == array.length) {
                array = Arrays.copyOf(array, (int) Math.min(limit, 2L * array.length));
            }
            int want = Math.min(array.length, limit) - length;
            int n = source.readFully(array, length, want);
            length += n;
            if (n < want) {
                return;
            }
        }
    }

    /** The backing array; only its first {@link #length()} bytes are the part. */
    byte[] array() {
        return array;
    }

    int length() {
        return length;
    }
}
