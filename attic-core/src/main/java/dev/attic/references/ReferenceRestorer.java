package dev.attic.references;

import dev.attic.BackendException;
import dev.attic.ErrorCode;
import dev.attic.nix.StorePathHash;
import java.util.Objects;

/**
 * Puts a {@link ReferenceTable}'s hashes back into a masked NAR as it passes by, block by block in
 * stream order, in place: {@link #restore} each block of masked bytes as it comes (of any size;
 * a hash may span blocks), then {@link #finish()} at the end. Each restored position must hold the
 * placeholder the masking left there, so a table and bytes that do not belong together are caught.
 */
public final class ReferenceRestorer {
    private static final int HASH = StorePathHash.LENGTH;

    private final ReferenceTable table;
    /** The first reference not yet wholly restored. */
    private int next;
    /** The stream offset of the next block's first byte. */
    private long position;

    public ReferenceRestorer(ReferenceTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * Restores the hash characters that fall in {@code block[offset, offset + length)}, the masked
     * bytes that follow the previous block, and moves past them.
     *
     * @throws BackendException ({@link ErrorCode#INCOMPLETE_NAR}) if a recorded position does not
     *     hold the placeholder: the stored bytes and the table do not belong together
     */
    public void restore(byte[] block, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, block.length);
        long start = position;
        long end = start + length;
        while (next < table.size()) {
            long refStart = table.position(next);
            if (refStart >= end) {
                break;
            }
            long refEnd = refStart + HASH;
            long from = Math.max(refStart, start);
            long to = Math.min(refEnd, end);
            for (long p = from; p < to; p++) {
                int k = (int) (p - refStart);
                int at = offset + (int) (p - start);
                if (block[at] != MaskedHash.PLACEHOLDER[k]) {
                    throw mismatch("byte " + p + " should hold the placeholder of the hash at "
                            + refStart + " but holds 0x" + Integer.toHexString(block[at] & 0xff));
                }
                block[at] = table.hashChar(next, k);
            }
            if (refEnd > end) {
                break;
            }
            next++;
        }
        position = end;
    }

    /** The number of bytes restored so far. */
    public long position() {
        return position;
    }

    /**
     * Checks that the stream ended after the last reference.
     *
     * @throws BackendException ({@link ErrorCode#INCOMPLETE_NAR}) if a reference lies beyond the end
     */
    public void finish() {
        if (next < table.size()) {
            throw mismatch("the masked NAR ended at byte " + position + ", before the hash recorded at "
                    + table.position(next));
        }
    }

    private static BackendException mismatch(String why) {
        return new BackendException(ErrorCode.INCOMPLETE_NAR,
                "the stored NAR and its reference table do not match: " + why, false, null);
    }
}
