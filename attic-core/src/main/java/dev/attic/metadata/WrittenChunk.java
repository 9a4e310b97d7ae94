package dev.attic.metadata;

import dev.attic.metadata.internal.Checks;

/**
 * A pending chunk whose file is now durable in storage, ready to be marked valid.
 *
 * @param chunkId the pending chunk's id
 * @param fileHash the hash of the file as stored, {@code sha256:<nix32>}
 * @param fileSize the size of the file as stored, in bytes
 */
public record WrittenChunk(long chunkId, String fileHash, long fileSize) {
    public WrittenChunk {
        Checks.sha256(fileHash);
        Checks.positive("fileSize", fileSize);
    }
}
