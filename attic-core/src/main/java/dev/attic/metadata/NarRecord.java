package dev.attic.metadata;

import dev.attic.metadata.internal.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * One NAR as stored: the uncompressed archive of one store path, made of chunks.
 *
 * @param id the database id
 * @param state where it is in its life
 * @param narHash its hash, {@code sha256:<nix32>}
 * @param narSize its size in bytes
 * @param numChunks how many chunk references it has; 0 while pending
 * @param createdAt when the upload started
 * @param leaseUntil until when an upload holds it (the garbage collector leaves it alone), or null
 */
public record NarRecord(
        long id, NarState state, String narHash, long narSize, int numChunks, Instant createdAt,
        Instant leaseUntil) {
    public NarRecord {
        Objects.requireNonNull(state, "state");
        Checks.sha256(narHash);
        Checks.positive("narSize", narSize);
        Checks.notNegative("numChunks", numChunks);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
