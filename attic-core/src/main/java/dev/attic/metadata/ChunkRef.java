package dev.attic.metadata;

import dev.attic.metadata.internal.Checks;
import java.util.Objects;

/**
 * One position in a NAR and the chunk that fills it.
 *
 * @param narId the NAR
 * @param seq the position, from 0
 * @param chunk the chunk; its {@link ChunkRecord#state()} is {@link ChunkState#VALID} unless the
 *     chunk was found corrupt, which makes the NAR incomplete
 */
public record ChunkRef(long narId, int seq, ChunkRecord chunk) {
    public ChunkRef {
        Checks.notNegative("seq", seq);
        Objects.requireNonNull(chunk, "chunk");
    }
}
