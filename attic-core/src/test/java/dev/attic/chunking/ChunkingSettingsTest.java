package dev.attic.chunking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChunkingSettingsTest {

    @Test
    void defaultsAreUpstreamAtticsConfigTemplate() {
        ChunkingSettings settings = ChunkingSettings.DEFAULT;

        assertEquals(64 * 1024, settings.narSizeThreshold());
        assertEquals(16 * 1024, settings.minSize());
        assertEquals(64 * 1024, settings.avgSize());
        assertEquals(256 * 1024, settings.maxSize());
    }

    @Test
    void acceptsTheSmallestAndLargestSizesTheFastcdcCrateAccepts() {
        ChunkingSettings.of(64, 256, 1024);
        ChunkingSettings.of(67_108_864, 268_435_456, 1_073_741_824);
    }

    @ParameterizedTest(name = "min {0}, avg {1}, max {2} is rejected naming {3}")
    @CsvSource({
        "63, 256, 1024, min-size",
        "67108865, 268435456, 1073741824, min-size",
        "64, 255, 1024, avg-size",
        "64, 268435457, 1073741824, avg-size",
        "64, 256, 1023, max-size",
        "64, 256, 1073741825, max-size",
        "4096, 2048, 8192, min-size <= avg-size <= max-size",
        "1024, 8192, 4096, min-size <= avg-size <= max-size",
    })
    void rejectsSizesOutsideTheBounds(int min, int avg, int max, String named) {
        BadInputException e = assertThrows(BadInputException.class, () -> ChunkingSettings.of(min, avg, max));

        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void rejectsANegativeNarSizeThreshold() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> new ChunkingSettings(-1, 16_384, 65_536, 262_144));

        assertTrue(e.getMessage().contains("nar-size-threshold"), e.getMessage());
    }

    @Test
    void chunksNarsFromTheThresholdUp() {
        assertFalse(ChunkingSettings.DEFAULT.chunks(65_535));
        assertTrue(ChunkingSettings.DEFAULT.chunks(65_536));
    }

    @Test
    void thresholdZeroNeverChunksAndOneAlwaysChunks() {
        assertFalse(new ChunkingSettings(0, 16_384, 65_536, 262_144).chunks(1L << 40));
        assertTrue(new ChunkingSettings(1, 16_384, 65_536, 262_144).chunks(1));
    }

    @Test
    void referenceAwareChunkingIsOffByDefaultAndChangesNothingElse() {
        assertFalse(ChunkingSettings.DEFAULT.referenceAware());
        assertFalse(ChunkingSettings.of(1024, 4096, 16_384).referenceAware());
        ChunkingSettings on = ChunkingSettings.DEFAULT.withReferenceAware(true);
        assertTrue(on.referenceAware());
        assertEquals(new ChunkingSettings(65_536, 16_384, 65_536, 262_144, true), on);
        assertEquals(ChunkingSettings.DEFAULT, on.withReferenceAware(false));
    }
}
