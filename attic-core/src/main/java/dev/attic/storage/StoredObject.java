package dev.attic.storage;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.util.Objects;

/** One object as a {@link Storage#list listing} reports it: its key and its size in bytes. */
public record StoredObject(StorageKey key, long size) {
    public StoredObject {
        Objects.requireNonNull(key, "key");
        if (size < 0) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "negative size " + size + " for " + key);
        }
    }
}
