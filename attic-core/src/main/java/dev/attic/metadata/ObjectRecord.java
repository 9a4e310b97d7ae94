package dev.attic.metadata;

import java.time.Instant;
import java.util.Objects;

/**
 * One store path in one cache, as stored: the narinfo row.
 *
 * @param id the database id
 * @param cacheId the cache it is in
 * @param narId the NAR holding its contents
 * @param info what the uploader said about it
 * @param createdAt when it was (last) uploaded
 * @param lastAccessedAt when it was last read (for retention); equals createdAt until then
 */
public record ObjectRecord(
        long id, long cacheId, long narId, ObjectInfo info, Instant createdAt, Instant lastAccessedAt) {
    public ObjectRecord {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastAccessedAt, "lastAccessedAt");
    }
}
