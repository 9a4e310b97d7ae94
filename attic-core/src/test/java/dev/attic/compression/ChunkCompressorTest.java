package dev.attic.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void newFilesCarryAChecksumThatCatchesAByteChangedWhereOnlyTheChecksumCan() {
        byte[] chunk = new byte[100_000];
        new Random(11).nextBytes(chunk); // incompressible: zstd stores it as raw blocks, byte for byte
        byte[] file = new ChunkCompressor(Compression.ZSTD, 8).compress(chunk, 0, chunk.length);
        assertTrue(ChunkCompressor.carriesChecksum(Compression.ZSTD, file));
        assertArrayEquals(chunk, ChunkCompressor.decompress(Compression.ZSTD, file, chunk.length).orElseThrow());
        for (int at : new int[] {file.length / 2, file.length - 5, file.length - 1}) {
            byte[] damaged = file.clone();
            damaged[at] ^= 0x40;
            assertTrue(ChunkCompressor.decompress(Compression.ZSTD, damaged, chunk.length).isEmpty(),
                    "a bit flipped at byte " + at + " of " + file.length + " (raw payload, or the checksum itself)");
        }
        byte[] withoutItsChecksum = Arrays.copyOf(file, file.length - 4);
        assertTrue(ChunkCompressor.decompress(Compression.ZSTD, withoutItsChecksum, chunk.length).isEmpty(), "cut before the checksum");
    }

    @Test
    void clearingTheChecksumFlagOfADamagedFileDoesNotLetItPassAsChecked() {
        byte[] chunk = new byte[100_000];
        new Random(12).nextBytes(chunk);
        byte[] file = new ChunkCompressor(Compression.ZSTD, 8).compress(chunk, 0, chunk.length);
        byte[] flagCleared = file.clone();
        flagCleared[4] &= ~0x04;
        assertFalse(ChunkCompressor.carriesChecksum(Compression.ZSTD, flagCleared), "the reader must then hash the bytes itself");
        assertTrue(ChunkCompressor.decompress(Compression.ZSTD, flagCleared, chunk.length).isEmpty(),
                "and the four checksum bytes are trailing garbage to the decoder");
    }

    @Test
    void oldFilesWithoutAChecksumStillDecompressAndSaySoSoTheReaderHashesThem() {
        byte[] chunk = halfRandom(200_000);
        byte[] old = OldChunkFiles.compressor(8).compress(chunk, 0, chunk.length);
        assertFalse(ChunkCompressor.carriesChecksum(Compression.ZSTD, old));
        assertArrayEquals(chunk, ChunkCompressor.decompress(Compression.ZSTD, old, chunk.length).orElseThrow());
        assertFalse(ChunkCompressor.carriesChecksum(Compression.NONE, chunk), "an uncompressed file has none either");
    }

    @Test
    void consecutiveChunksDecompressSideBySideIntoOneArray() {
        byte[] first = halfRandom(70_000);
        byte[] second = new byte[50_000];
        new Random(13).nextBytes(second);
        ChunkCompressor zstd = new ChunkCompressor(Compression.ZSTD, 8);
        byte[] into = new byte[first.length + second.length];
        assertTrue(ChunkCompressor.decompress(Compression.ZSTD, zstd.compress(first, 0, first.length), into, 0, first.length));
        assertTrue(ChunkCompressor.decompress(Compression.NONE, second, into, first.length, second.length));
        assertArrayEquals(first, Arrays.copyOfRange(into, 0, first.length));
        assertArrayEquals(second, Arrays.copyOfRange(into, first.length, into.length));
        byte[] damaged = zstd.compress(second, 0, second.length);
        damaged[damaged.length / 2] ^= 1;
        assertFalse(ChunkCompressor.decompress(Compression.ZSTD, damaged, into, first.length, second.length), "a flipped bit");
        assertFalse(ChunkCompressor.decompress(Compression.NONE, second, into, first.length, second.length - 1), "a wrong size");
    }
}
