package dev.attic.chunking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChunkReaderTest {

    private static final FastCdc CHUNKER = FastCdc.withSizes(64, 256, 1024);

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void handsOutEachChunksBytesAsAReadOnlyViewAndAsACopyAndThroughWriteTo() throws IOException {
        byte[] input = randomBytes(20_000, 1);
        ChunkReader chunks = CHUNKER.split(new ByteArrayInputStream(input));
        int chunkCount = 0;
        while (chunks.next()) {
            byte[] expected = Arrays.copyOfRange(input, (int) chunks.offset(), (int) chunks.offset() + chunks.length());
            ByteBuffer view = chunks.bytes();
            byte[] viewed = new byte[view.remaining()];
            view.get(viewed);
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            chunks.writeTo(written);

            assertArrayEquals(expected, viewed);
            assertArrayEquals(expected, chunks.copyBytes());
            assertArrayEquals(expected, written.toByteArray());
            assertThrows(ReadOnlyBufferException.class, () -> chunks.bytes().put(0, (byte) 1));
            chunkCount++;
        }
        assertTrue(chunkCount > 10, "20,000 random bytes make more than 10 chunks of at most 1024: " + chunkCount);
    }

    @Test
    void hashesEachChunkWithSha256() throws Exception {
        byte[] input = randomBytes(5_000, 2);
        ChunkReader chunks = CHUNKER.split(new ByteArrayInputStream(input));
        while (chunks.next()) {
            byte[] expected = MessageDigest.getInstance("SHA-256")
                    .digest(Arrays.copyOfRange(input, (int) chunks.offset(), (int) chunks.offset() + chunks.length()));

            assertEquals(HexFormat.of().formatHex(expected), chunks.sha256().toString());
            assertSame(chunks.sha256(), chunks.sha256(), "computed once per chunk");
            assertEquals(new Chunk(chunks.offset(), chunks.length(), chunks.sha256()), chunks.chunk());
        }
    }

    @Test
    void showsTheChunkerMaxSizeBytesAheadOrAllThatIsLeftWhateverTheReadSizes() throws IOException {
        byte[] input = randomBytes(10_000, 3);
        List<Integer> available = new ArrayList<>();
        Chunker recording = new Chunker() {
            @Override
            public int minSize() {
                return CHUNKER.minSize();
            }

            @Override
            public int maxSize() {
                return CHUNKER.maxSize();
            }

            @Override
            public int cut(byte[] data, int start, int length) {
                available.add(length);
                return CHUNKER.cut(data, start, length);
            }
        };
        ChunkReader chunks = recording.split(new PiecewiseInputStream(input, 4, 7));
        long end = 0;
        while (chunks.next()) {
            int seen = available.get(available.size() - 1);
            assertTrue(seen == 1024 || seen == input.length - chunks.offset(),
                    "at offset " + chunks.offset() + " the chunker saw " + seen + " bytes");
            end = chunks.offset() + chunks.length();
        }
        assertEquals(input.length, end);
    }

    @Test
    void refusesToReadAChunkBeforeNextOrAfterTheEnd() throws IOException {
        ChunkReader chunks = CHUNKER.split(new ByteArrayInputStream(new byte[10]));

        IllegalStateException before = assertThrows(IllegalStateException.class, chunks::offset);
        assertTrue(before.getMessage().contains("call next() first"), before.getMessage());
        assertTrue(chunks.next());
        assertEquals(10, chunks.length());
        assertFalse(chunks.next());
        assertFalse(chunks.next(), "stays at the end");
        IllegalStateException after = assertThrows(IllegalStateException.class, chunks::sha256);
        assertTrue(after.getMessage().contains("no more chunks"), after.getMessage());
    }

    @Test
    void reportsAChunkerThatCutsOutsideTheAvailableBytes() {
        Chunker broken = new Chunker() {
            @Override
            public int minSize() {
                return 1;
            }

            @Override
            public int maxSize() {
                return 100;
            }

            @Override
            public int cut(byte[] data, int start, int available) {
                return available + 1;
            }
        };
        ChunkReader chunks = broken.split(new ByteArrayInputStream(new byte[50]));

        IllegalStateException e = assertThrows(IllegalStateException.class, chunks::next);
        assertTrue(e.getMessage().contains("cut a chunk of 51 bytes"), e.getMessage());
    }

    @Test
    void passesOnTheInputStreamsFailureAfterTheChunksBeforeIt() throws IOException {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        ChunkReader chunks = CHUNKER.split(new SequenceInputStream(new ByteArrayInputStream(new byte[3000]), failing));

        // The reader needs max-size bytes ahead, so the failure surfaces no later than the third chunk.
        IOException e = assertThrows(IOException.class, () -> {
            while (chunks.next()) {
                assertEquals(1024, chunks.length());
            }
        });
        assertEquals("connection reset", e.getMessage());
    }
}
