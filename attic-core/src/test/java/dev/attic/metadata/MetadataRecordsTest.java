package dev.attic.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataRecordsTest {
    private static final String PATH_HASH = "0c9gfsx4d7bbk3hrk5cp2x3vzajc7m7x";
    private static final String SHA256 = "sha256:1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5s";

    @Test
    void rejectsStorePathHashWithLetterOutsideNix32() {
        // 'e' is not in the nix-base32 alphabet.
        BadInputException e = assertThrows(BadInputException.class,
                () -> info("ec9gfsx4d7bbk3hrk5cp2x3vzajc7m7x"));
        assertEquals(ErrorCode.INVALID_STORE_PATH, e.code());
    }

    @Test
    void rejectsStorePathHashOfWrongLength() {
        assertThrows(BadInputException.class, () -> info(PATH_HASH.substring(1)));
    }

    @Test
    void rejectsNarHashNotInCanonicalSpelling() {
        BadInputException e = assertThrows(BadInputException.class, () -> new NewChunk(
                "sha256-" + SHA256.substring(7), "zstd", 10, "k"));
        assertEquals(ErrorCode.INVALID_HASH, e.code());
        assertThrows(BadInputException.class, () -> new NewChunk(SHA256.toUpperCase(), "zstd", 10, "k"));
    }

    @Test
    void rejectsReferenceContainingWhitespace() {
        assertThrows(BadInputException.class, () -> new ObjectInfo(PATH_HASH, "/nix/store/" + PATH_HASH + "-a",
                List.of("two words"), null, List.of(), null, null, null));
    }

    @Test
    void rejectsCacheNameStartingWithDash() {
        BadInputException e = assertThrows(BadInputException.class, () -> new CacheRecord(1, "-bad", config(),
                java.time.Instant.EPOCH, null));
        assertEquals(ErrorCode.INVALID_CACHE_NAME, e.code());
    }

    @Test
    void cacheConfigNeverPrintsItsKeypair() {
        assertFalse(config().toString().contains("secret-key-material"));
    }

    @Test
    void statsHaveEveryStateEvenWhenNoneWasCounted() {
        MetadataStats stats = new MetadataStats(0, 0, java.util.Map.of(), java.util.Map.of(ChunkState.VALID, 3L), 0);
        assertEquals(0L, stats.nars().get(NarState.PENDING));
        assertEquals(3L, stats.chunks().get(ChunkState.VALID));
        assertEquals(0L, stats.chunks().get(ChunkState.CORRUPT));
    }

    private static ObjectInfo info(String hash) {
        return new ObjectInfo(hash, "/nix/store/" + hash + "-a", List.of(), null, List.of(), null, null, null);
    }

    private static CacheConfig config() {
        return new CacheConfig(true, "/nix/store", 41, List.of(), "key:secret-key-material", Duration.ofDays(1));
    }
}
