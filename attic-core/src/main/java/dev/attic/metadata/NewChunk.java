package dev.attic.metadata;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.metadata.internal.Checks;

/**
 * A chunk about to be written to storage, inserted as {@link ChunkState#PENDING} before the write
 * so that a crash leaves a row the garbage collector finds (and the file, if any, with it).
 *
 * @param chunkHash the hash of the uncompressed bytes, {@code sha256:<nix32>}
 * @param compression how its file will be compressed
 * @param chunkSize the uncompressed size in bytes
 * @param storageKey where the chunk storage will keep its file; unique per chunk row
 */
public record NewChunk(String chunkHash, String compression, long chunkSize, String storageKey) {
    public NewChunk {
        Checks.sha256(chunkHash);
        Checks.compression(compression);
        Checks.positive("chunkSize", chunkSize);
        if (storageKey == null || storageKey.isEmpty() || storageKey.length() > 512) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "storageKey must be 1 to 512 characters");
        }
    }
}
