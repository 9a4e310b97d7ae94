package dev.attic.storage.internal;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.storage.StorageKey;

/** A requested byte range of a stored object, checked as the storage SPI specifies. */
public record ByteRange(long offset, long length) {
    public ByteRange {
        if (offset < 0 || length < 0) {
            throw new BadInputException(ErrorCode.BAD_REQUEST,
                    "invalid byte range: offset " + offset + ", length " + length + " (neither may be negative)");
        }
    }

    /**
     * The length actually served from an object of {@code size} bytes: clamped at the end, zero when
     * the range starts at the end.
     *
     * @throws BadInputException when the range starts beyond the end
     */
    public long lengthWithin(StorageKey key, long size) {
        if (offset > size) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "byte range starts at " + offset
                    + " but " + key + " has only " + size + " bytes");
        }
        return Math.min(length, size - offset);
    }
}
