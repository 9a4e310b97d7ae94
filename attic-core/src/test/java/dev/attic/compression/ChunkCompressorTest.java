package dev.attic.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkCompressorTest {
    private static byte[] halfRandom(int size) {
        byte[] data = new byte[size];
        new Random(7).nextBytes(data);
        Arrays.fill(data, size / 2, size, (byte) 'a');
        return data;
    }

    @Test
    void aWholeFileDecompressesToTheChunkInOneCall() {
        byte[] chunk = halfRandom(200_000);
        byte[] file = new ChunkCompressor(Compression.ZSTD, 8).compress(chunk, 0, chunk.length);
        assertTrue(file.length < chunk.length, "the repeated half compresses");
        assertArrayEquals(chunk, ChunkCompressor.decompress(Compression.ZSTD, file, chunk.length).orElseThrow());
    }

    @Test
    void aTruncatedOrDamagedFileOrAWrongSizeIsRefusedNotReturned() {
        byte[] chunk = halfRandom(200_000);
        byte[] file = new ChunkCompressor(Compression.ZSTD, 8).compress(chunk, 0, chunk.length);
        byte[] truncated = Arrays.copyOf(file, file.length - 10);
        assertTrue(ChunkCompressor.decompress(Compression.ZSTD, truncated, chunk.length).isEmpty(), "truncated");
        byte[] damaged = file.clone();
        Arrays.fill(damaged, 0, 4, (byte) 0); // the frame's magic number
        assertTrue(ChunkCompressor.decompress(Compression.ZSTD, damaged, chunk.length).isEmpty(), "bad magic");
        assertTrue(ChunkCompressor.decompress(Compression.ZSTD, file, chunk.length - 1).isEmpty(), "larger than recorded");
        assertTrue(ChunkCompressor.decompress(Compression.ZSTD, file, chunk.length + 1).isEmpty(), "smaller than recorded");
    }

    @Test
    void anUncompressedFileMustHaveTheRecordedSize() {
        byte[] chunk = halfRandom(1000);
        assertArrayEquals(chunk, ChunkCompressor.decompress(Compression.NONE, chunk, 1000).orElseThrow());
        assertTrue(ChunkCompressor.decompress(Compression.NONE, chunk, 999).isEmpty());
    }
}
