package dev.attic.compression;

/**
 * Chunk files as stores written before zstd's content checksum was turned on hold them: zstd
 * frames without the checksum, which a reader must verify against the chunk's SHA-256.
 */
public final class OldChunkFiles {
    private OldChunkFiles() {}

    /** A zstd compressor at {@code level} that writes no content checksum. */
    public static ChunkCompressor compressor(int level) {
        return new ChunkCompressor(Compression.ZSTD, level, false);
    }
}
