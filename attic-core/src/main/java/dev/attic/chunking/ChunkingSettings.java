package dev.attic.chunking;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;

/**
 * The {@code [chunking]} settings of upstream Attic's server: how NARs are cut into chunks.
 * Changing them after chunks were stored makes new uploads dedup poorly against old ones, because
 * the cut points move.
 *
 * @param narSizeThreshold a NAR smaller than this is stored as one chunk, without running the
 *     chunker; {@code 0} disables chunking, {@code 1} chunks every NAR
 * @param minSize the preferred minimum chunk size in bytes, in [{@value #MIN_SIZE_LOWEST},
 *     {@value #MIN_SIZE_HIGHEST}]
 * @param avgSize the preferred average chunk size in bytes, in [{@value #AVG_SIZE_LOWEST},
 *     {@value #AVG_SIZE_HIGHEST}] and in [minSize, maxSize]
 * @param maxSize the maximum chunk size in bytes, in [{@value #MAX_SIZE_LOWEST},
 *     {@value #MAX_SIZE_HIGHEST}]; the chunker buffers twice this much
 * @param referenceAware (not in upstream Attic; {@code reference-aware}, off by default) cut the
 *     chunks of a chunked NAR from its bytes with the store path hashes masked
 *     ({@link dev.attic.references}), so that they dedup across rebuilds of its dependencies;
 *     upstream Attic cannot read such chunks
 */
public record ChunkingSettings(long narSizeThreshold, int minSize, int avgSize, int maxSize, boolean referenceAware) {

    /** Smallest accepted {@code min-size}, as in the Rust {@code fastcdc} crate's ronomon module. */
    public static final int MIN_SIZE_LOWEST = 64;
    /** Largest accepted {@code min-size} (64 MiB). */
    public static final int MIN_SIZE_HIGHEST = 67_108_864;
    /** Smallest accepted {@code avg-size}. */
    public static final int AVG_SIZE_LOWEST = 256;
    /** Largest accepted {@code avg-size} (256 MiB). */
    public static final int AVG_SIZE_HIGHEST = 268_435_456;
    /** Smallest accepted {@code max-size}. */
    public static final int MAX_SIZE_LOWEST = 1024;
    /** Largest accepted {@code max-size} (1 GiB). */
    public static final int MAX_SIZE_HIGHEST = 1_073_741_824;

    /**
     * Upstream Attic's recommended settings (its server config template): chunk NARs of 64 KiB or
     * more into chunks of 16 KiB to 256 KiB, 64 KiB on average.
     */
    public static final ChunkingSettings DEFAULT = new ChunkingSettings(65_536, 16_384, 65_536, 262_144);

    /** Upstream's four settings, without reference-aware chunking. */
    public ChunkingSettings(long narSizeThreshold, int minSize, int avgSize, int maxSize) {
        this(narSizeThreshold, minSize, avgSize, maxSize, false);
    }

    public ChunkingSettings {
        if (narSizeThreshold < 0) {
            throw invalid("nar-size-threshold must be 0 (never chunk) or more, got " + narSizeThreshold);
        }
        checkRange("min-size", minSize, MIN_SIZE_LOWEST, MIN_SIZE_HIGHEST);
        checkRange("avg-size", avgSize, AVG_SIZE_LOWEST, AVG_SIZE_HIGHEST);
        checkRange("max-size", maxSize, MAX_SIZE_LOWEST, MAX_SIZE_HIGHEST);
        if (minSize > avgSize || avgSize > maxSize) {
            throw invalid("chunk sizes must satisfy min-size <= avg-size <= max-size, got min-size "
                    + minSize + ", avg-size " + avgSize + ", max-size " + maxSize);
        }
    }

    /** These chunk sizes with upstream's default {@code nar-size-threshold} of 64 KiB. */
    public static ChunkingSettings of(int minSize, int avgSize, int maxSize) {
        return new ChunkingSettings(DEFAULT.narSizeThreshold, minSize, avgSize, maxSize);
    }

    /** These settings with reference-aware chunking on or off. */
    public ChunkingSettings withReferenceAware(boolean enabled) {
        return new ChunkingSettings(narSizeThreshold, minSize, avgSize, maxSize, enabled);
    }

    /** True when a NAR of this size is to be cut by the chunker, false when it is one chunk. */
    public boolean chunks(long narSize) {
        return narSizeThreshold != 0 && narSize >= narSizeThreshold;
    }

    private static void checkRange(String name, int value, int lowest, int highest) {
        if (value < lowest || value > highest) {
            throw invalid(name + " must be in [" + lowest + ", " + highest + "], got " + value);
        }
    }

    private static BadInputException invalid(String message) {
        return new BadInputException(ErrorCode.BAD_REQUEST, "invalid chunking settings: " + message);
    }
}
