package dev.attic.chunking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class FastCdcTest {

    private static final FastCdc SMALLEST = FastCdc.withSizes(64, 256, 1024);

    @Test
    void gearTableIsTheAesKeystreamUpstreamDerivesItFrom() throws Exception {
        Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"), new IvParameterSpec(new byte[16]));
        ByteBuffer keystream = ByteBuffer.wrap(aes.doFinal(new byte[1024]));

        assertEquals(256, FastCdc.GEAR.length);
        for (int i = 0; i < 256; i++) {
            assertEquals(keystream.getInt() & 0x7fffffff, FastCdc.GEAR[i], "gear entry " + i);
        }
    }

    @Test
    void masksUseLog2OfTheAverageRoundedToTheNearestInteger() {
        assertEquals(8, FastCdc.roundedLog2(256));
        assertEquals(16, FastCdc.roundedLog2(65_536));
        // 2^16.5 = 92681.9...: just below rounds down, just above rounds up.
        assertEquals(16, FastCdc.roundedLog2(92_681));
        assertEquals(17, FastCdc.roundedLog2(92_682));
        assertEquals(17, FastCdc.roundedLog2(98_304));
        assertEquals(28, FastCdc.roundedLog2(268_435_456));
    }

    @Test
    void cutsDataWithoutContentAtMaxSize() throws IOException {
        // As in the crate's own test: zeros never match a mask, so every chunk is max-size.
        assertEquals(List.of(1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024),
                lengths(SMALLEST, new byte[10_240]));
        assertEquals(List.of(1024, 1), lengths(SMALLEST, new byte[1025]));
    }

    @Test
    void keepsATailWithoutACutPointAsOneLastChunk() throws IOException {
        assertEquals(List.of(1000), lengths(SMALLEST, new byte[1000]));
    }

    @Test
    void keepsAnInputNoLongerThanMinSizeAsOneChunk() throws IOException {
        assertEquals(List.of(64), lengths(SMALLEST, new byte[64]));
        assertEquals(List.of(1), lengths(SMALLEST, new byte[1]));
    }

    @Test
    void givesNoChunksForAnEmptyInput() throws IOException {
        assertEquals(List.of(), lengths(SMALLEST, new byte[0]));
    }

    @Test
    void startsHashingAtMinSizeAndCutsAfterTheFirstByteWhoseHashMatches() {
        // Two bytes whose hash, from 0, has the low 9 bits (the strict mask for avg 256) zero.
        int[] pair = matchingPair(0x1ff);
        byte[] data = new byte[1024];
        data[64] = (byte) pair[0];
        data[65] = (byte) pair[1];

        assertEquals(66, SMALLEST.cut(data, 0, data.length));
        // The same pair inside the first min-size bytes is skipped: zeros never match, so max-size.
        byte[] early = new byte[1024];
        early[10] = (byte) pair[0];
        early[11] = (byte) pair[1];
        assertEquals(1024, SMALLEST.cut(early, 0, early.length));
        // And a chunk's start is where counting begins.
        byte[] shifted = new byte[2000];
        System.arraycopy(data, 0, shifted, 500, 1024);
        assertEquals(66, SMALLEST.cut(shifted, 500, 1024));
    }

    private static int[] matchingPair(int mask) {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                if ((((FastCdc.GEAR[a] >>> 1) + FastCdc.GEAR[b]) & mask) == 0) {
                    return new int[] {a, b};
                }
            }
        }
        throw new AssertionError("no two gear entries match mask " + mask);
    }

    @Test
    void describesItsVariantAndSizes() {
        assertEquals("FastCdc[ronomon, min=64, avg=256, max=1024]", SMALLEST.toString());
        assertEquals(ChunkingSettings.of(64, 256, 1024), SMALLEST.settings());
    }

    private static List<Integer> lengths(Chunker chunker, byte[] input) throws IOException {
        List<Integer> lengths = new ArrayList<>();
        ChunkReader chunks = chunker.split(new ByteArrayInputStream(input));
        while (chunks.next()) {
            lengths.add(chunks.length());
        }
        return lengths;
    }
}
