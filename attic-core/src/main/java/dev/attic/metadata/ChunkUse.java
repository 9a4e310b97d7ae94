package dev.attic.metadata;

import dev.attic.metadata.internal.Checks;
import java.util.Objects;

/**
 * A store path whose NAR uses a given chunk.
 *
 * @param cacheName the cache holding the store path
 * @param storePath the full store path
 * @param narHash the NAR's hash, {@code sha256:<nix32>}
 */
public record ChunkUse(String cacheName, String storePath, String narHash) {
    public ChunkUse {
        Objects.requireNonNull(cacheName, "cacheName");
        Objects.requireNonNull(storePath, "storePath");
        Checks.sha256(narHash);
    }
}
