package dev.attic.metadata;

import dev.attic.metadata.internal.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * One cache as stored.
 *
 * @param id the database id, used by every per-cache operation
 * @param name the unique name, also while soft-deleted
 * @param config its settings
 * @param createdAt when it was created
 * @param deletedAt when it was soft-deleted, or null while it is live
 */
public record CacheRecord(long id, String name, CacheConfig config, Instant createdAt, Instant deletedAt) {
    public CacheRecord {
        Checks.cacheName(name);
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
