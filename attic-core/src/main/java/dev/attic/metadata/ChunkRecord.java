package dev.attic.metadata;

import dev.attic.metadata.internal.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * One chunk as stored: a piece of one or more NARs, kept in one (possibly compressed) file.
 *
 * @param id the database id
 * @param state where it is in its life
 * @param chunkHash the hash of the uncompressed bytes, {@code sha256:<nix32>}
 * @param compression how its file is compressed, such as {@code zstd} or {@code none}
 * @param chunkSize the uncompressed size in bytes
 * @param storageKey where the chunk storage keeps its file
 * @param fileHash the hash of the file as stored, or null while pending
 * @param fileSize the size of the file as stored, or -1 while pending
 * @param createdAt when it was inserted
 * @param leaseUntil until when an upload holds it (the garbage collector leaves it alone), or null
 */
public record ChunkRecord(
        long id, ChunkState state, String chunkHash, String compression, long chunkSize,
        String storageKey, String fileHash, long fileSize, Instant createdAt, Instant leaseUntil) {
    public ChunkRecord {
        Objects.requireNonNull(state, "state");
        Checks.sha256(chunkHash);
        Checks.compression(compression);
        Checks.positive("chunkSize", chunkSize);
        Objects.requireNonNull(storageKey, "storageKey");
        if (fileHash != null) {
            Checks.sha256(fileHash);
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
