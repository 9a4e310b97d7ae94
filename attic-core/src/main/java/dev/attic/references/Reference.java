package dev.attic.references;

import dev.attic.nix.StorePathHash;
import java.util.Objects;

/**
 * One masked store path hash: its 32 characters stood at {@code position} (the offset of the first
 * hash character in the NAR, after {@code <storeDir>/}).
 */
public record Reference(long position, StorePathHash hash) {

    public Reference {
        Objects.requireNonNull(hash, "hash");
        if (position < 0 || position > Long.MAX_VALUE - StorePathHash.LENGTH) {
            throw new IllegalArgumentException("reference position out of range: " + position);
        }
    }

    /** The offset just after the hash characters. */
    public long end() {
        return position + StorePathHash.LENGTH;
    }
}
