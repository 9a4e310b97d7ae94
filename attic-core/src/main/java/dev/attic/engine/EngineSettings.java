package dev.attic.engine;

import dev.attic.chunking.ChunkingSettings;
import dev.attic.compression.Compression;
import java.time.Duration;
import java.util.Optional;

/** The engine's settings, validated by {@link Attic.Builder}. */
record EngineSettings(
        ChunkingSettings chunking,
        Compression compression,
        int compressionLevel,
        Duration uploadLease,
        int maxChunksInFlight,
        boolean requireProofOfPossession,
        int downloadReadAhead,
        boolean checkChunksBeforeServing,
        Optional<Duration> redirectSingleChunkNars,
        Duration defaultRetention,
        int gcBatchSize,
        Duration stagingExpiry) {}
