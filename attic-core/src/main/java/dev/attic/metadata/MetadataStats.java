package dev.attic.metadata;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Row counts, for metrics and tests.
 *
 * @param caches live (not soft-deleted) caches
 * @param objects objects in all caches
 * @param nars NARs per state (every state present, zero if none)
 * @param chunks chunks per state (every state present, zero if none)
 * @param chunkRefs chunk references
 */
public record MetadataStats(
        long caches, long objects, Map<NarState, Long> nars, Map<ChunkState, Long> chunks, long chunkRefs) {
    public MetadataStats {
        nars = complete(NarState.class, nars);
        chunks = complete(ChunkState.class, chunks);
    }

    private static <E extends Enum<E>> Map<E, Long> complete(Class<E> type, Map<E, Long> counts) {
        Objects.requireNonNull(counts, type.getSimpleName());
        EnumMap<E, Long> all = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            all.put(e, counts.getOrDefault(e, 0L));
        }
        return Map.copyOf(all);
    }
}
