package dev.attic.chunking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.HashCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The properties every {@link Chunker} must have, checked through {@link ChunkReader}. To check a
 * chunker, subclass this in a test (attic-core's test-jar ships it) and return the chunker from
 * {@link #chunker()}; keep its sizes small (a max-size of a few KiB) so that each generated input
 * holds many chunks. The figures for boundary-shift resilience can be overridden for a chunker
 * that resynchronises more slowly than FastCDC.
 *
 * <ul>
 *   <li>every chunk but the last is within [min-size, max-size], and the last within [1, max-size];
 *   <li>the chunks, in order and without gaps, concatenate to the input;
 *   <li>the same bytes always give the same chunks, whatever the chunker did before;
 *   <li>reading the input in pieces of arbitrary sizes gives the chunks the chunker cuts over the
 *       whole array at once;
 *   <li>inserting k bytes at a random offset of random data leaves every chunk before it unchanged,
 *       and loses at most {@link #lostChunksAfterInsertionAtMost()} of the chunks after it (a chunk
 *       is lost when no chunk of the edited input has its bytes), and on average at most
 *       {@link #meanLostChunksAfterInsertionAtMost()}.
 * </ul>
 */
public abstract class ChunkerProperties {

    /** The chunker under test; called once per property. */
    protected abstract Chunker chunker();

    /** The longest generated input; by default 24 times the max-size. */
    protected int longestInput() {
        return 24 * chunker().maxSize();
    }

    /**
     * The most chunks after an insertion that one insertion may lose. For FastCDC at
     * min = avg / 4 the count falls about fourfold with each extra chunk (0: 67%, 1: 24%, 2: 6%,
     * 5: 0.1%; the worst of 100,000 insertions lost 9), so 16 is never reached in practice.
     */
    protected int lostChunksAfterInsertionAtMost() {
        return 16;
    }

    /** The most chunks after an insertion that insertions lose on average. FastCDC: 0.2 to 0.45. */
    protected double meanLostChunksAfterInsertionAtMost() {
        return 1.0;
    }

    @Property(tries = 300)
    public void everyChunkButTheLastIsWithinMinAndMaxSize(@ForAll("inputs") byte[] input) throws IOException {
        Chunker chunker = chunker();
        List<Chunk> chunks = chunks(chunker, new ByteArrayInputStream(input));

        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            int lowest = i == chunks.size() - 1 ? 1 : chunker.minSize();
            assertTrue(chunk.length() >= lowest && chunk.length() <= chunker.maxSize(),
                    "chunk " + i + " of " + chunks.size() + " is " + chunk.length() + " bytes, outside ["
                            + lowest + ", " + chunker.maxSize() + "] (" + chunker + ")");
        }
    }

    @Property(tries = 300)
    public void chunksConcatenateToTheInput(@ForAll("inputs") byte[] input) throws IOException {
        ByteArrayOutputStream concatenation = new ByteArrayOutputStream(input.length);
        ChunkReader chunks = chunker().split(new ByteArrayInputStream(input));
        long expectedOffset = 0;
        while (chunks.next()) {
            assertEquals(expectedOffset, chunks.offset(), "each chunk starts where the previous ended");
            chunks.writeTo(concatenation);
            expectedOffset += chunks.length();
        }
        assertArrayEquals(input, concatenation.toByteArray());
    }

    @Property(tries = 200)
    public void theSameBytesAlwaysGiveTheSameChunks(@ForAll("inputs") byte[] input, @ForAll("inputs") byte[] other)
            throws IOException {
        Chunker chunker = chunker();
        List<Chunk> first = chunks(chunker, new ByteArrayInputStream(input));
        chunks(chunker, new ByteArrayInputStream(other));

        assertEquals(first, chunks(chunker, new ByteArrayInputStream(input.clone())));
        assertEquals(first, chunks(chunker(), new ByteArrayInputStream(input)), "a second instance");
    }

    @Property(tries = 300)
    public void readingInPiecesOfAnySizeGivesTheCutsOfTheWholeArray(
            @ForAll("inputs") byte[] input, @ForAll long seed, @ForAll @IntRange(min = 1, max = 5000) int largestPiece)
            throws IOException {
        Chunker chunker = chunker();
        List<Long> whole = cutsOfWholeArray(chunker, input);

        List<Long> streamed = new ArrayList<>();
        ChunkReader chunks = chunker.split(new PiecewiseInputStream(input, seed, largestPiece));
        while (chunks.next()) {
            streamed.add(chunks.offset() + chunks.length());
        }
        assertEquals(whole, streamed, "chunk ends, reading at most " + largestPiece + " bytes at a time");
    }

    @Property(tries = 300)
    public void anInsertionKeepsEveryChunkBeforeItAndLosesFewAfterIt(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 1000) int permille) throws IOException {
        Insertion insertion = insertion(chunker(), new SplittableRandom(seed), permille);

        assertEquals(insertion.before(), insertion.keptBefore(),
                "every chunk that ends before the insertion at " + insertion.offset() + " is kept as it was");
        assertTrue(insertion.lostAfter() <= lostChunksAfterInsertionAtMost(),
                "inserting " + insertion.length() + " bytes at " + insertion.offset() + " lost "
                        + insertion.lostAfter() + " chunks after it; at most " + lostChunksAfterInsertionAtMost()
                        + " expected");
    }

    @Example
    public void insertionsLoseFewChunksAfterThemOnAverage() throws IOException {
        Chunker chunker = chunker();
        SplittableRandom random = new SplittableRandom(20_260_122);
        int insertions = 500;
        long lost = 0;
        for (int i = 0; i < insertions; i++) {
            lost += insertion(chunker, random, random.nextInt(1001)).lostAfter();
        }
        double mean = (double) lost / insertions;
        assertTrue(mean <= meanLostChunksAfterInsertionAtMost(), insertions + " insertions lost " + mean
                + " chunks after them on average; at most " + meanLostChunksAfterInsertionAtMost() + " expected");
    }

    /**
     * The effect of inserting random bytes into random data.
     *
     * @param before the chunks of the original that end before the insertion (the last excepted)
     * @param keptBefore how many of those the edited input has at the same offset and length
     * @param lostAfter how many chunks of the original starting at or after the insertion have
     *     bytes that no chunk of the edited input has
     */
    record Insertion(long offset, int length, int before, int keptBefore, int lostAfter) {}

    private Insertion insertion(Chunker chunker, SplittableRandom random, int permille) throws IOException {
        int max = chunker.maxSize();
        byte[] original = randomBytes(random, 4 * max + random.nextInt(Math.max(1, longestInput() - 4 * max)));
        int offset = (int) ((long) original.length * permille / 1000);
        byte[] inserted = randomBytes(random, 1 + random.nextInt(2 * max));
        byte[] edited = new byte[original.length + inserted.length];
        System.arraycopy(original, 0, edited, 0, offset);
        System.arraycopy(inserted, 0, edited, offset, inserted.length);
        System.arraycopy(original, offset, edited, offset + inserted.length, original.length - offset);

        List<Chunk> before = chunks(chunker, new ByteArrayInputStream(original));
        List<Chunk> after = chunks(chunker, new ByteArrayInputStream(edited));
        Set<Chunk> editedChunks = new HashSet<>(after);
        Set<HashCode> editedContents = new HashSet<>();
        after.forEach(chunk -> editedContents.add(chunk.sha256()));
        int earlier = 0;
        int kept = 0;
        int lost = 0;
        for (int i = 0; i < before.size(); i++) {
            Chunk chunk = before.get(i);
            if (chunk.end() <= offset && i < before.size() - 1) {
                earlier++;
                kept += editedChunks.contains(chunk) ? 1 : 0;
            } else if (chunk.offset() >= offset && !editedContents.contains(chunk.sha256())) {
                lost++;
            }
        }
        return new Insertion(offset, inserted.length, earlier, kept, lost);
    }

    /**
     * The inputs most properties run on: random bytes, runs of random and repeated bytes, and
     * zeros, of sizes up to {@link #longestInput()} with extra weight on sizes around min-size and
     * max-size. A subclass may add inputs its chunker finds hard.
     */
    @Provide
    protected Arbitrary<byte[]> inputs() {
        Chunker chunker = chunker();
        int min = chunker.minSize();
        int max = chunker.maxSize();
        Arbitrary<Integer> sizes = Arbitraries.oneOf(
                Arbitraries.integers().between(0, longestInput()),
                Arbitraries.integers().between(0, longestInput()),
                Arbitraries.of(0, 1, min - 1, min, min + 1, max - 1, max, max + 1, 2 * max, 2 * max + 1, 3 * max - 1));
        return Combinators.combine(sizes, Arbitraries.longs(), Arbitraries.of(Content.class))
                .as((size, seed, content) -> content.make(Math.max(0, size), new SplittableRandom(seed)));
    }

    /** What generated inputs look like: cut points differ between random and repetitive data. */
    enum Content {
        RANDOM {
            @Override
            byte[] make(int size, SplittableRandom random) {
                return randomBytes(random, size);
            }
        },
        /** Runs of random bytes and of one repeated byte: repetitive runs end up as max-size chunks. */
        RUNS {
            @Override
            byte[] make(int size, SplittableRandom random) {
                byte[] bytes = new byte[size];
                for (int at = 0; at < size; ) {
                    int run = Math.min(size - at, 1 + random.nextInt(4096));
                    if (random.nextBoolean()) {
                        for (int i = at; i < at + run; i++) {
                            bytes[i] = (byte) random.nextInt();
                        }
                    } else {
                        java.util.Arrays.fill(bytes, at, at + run, (byte) random.nextInt());
                    }
                    at += run;
                }
                return bytes;
            }
        },
        ZEROS {
            @Override
            byte[] make(int size, SplittableRandom random) {
                return new byte[size];
            }
        };

        abstract byte[] make(int size, SplittableRandom random);
    }

    /** All chunks of the input, with their SHA-256, through a {@link ChunkReader}. */
    public static List<Chunk> chunks(Chunker chunker, InputStream input) throws IOException {
        List<Chunk> chunks = new ArrayList<>();
        ChunkReader reader = chunker.split(input);
        while (reader.next()) {
            chunks.add(reader.chunk());
        }
        return chunks;
    }

    /**
     * Where the chunker ends each chunk when it is given the whole array at once, without a
     * {@link ChunkReader}: the reference the streaming result is compared with.
     */
    public static List<Long> cutsOfWholeArray(Chunker chunker, byte[] input) {
        List<Long> ends = new ArrayList<>();
        int start = 0;
        while (start < input.length) {
            int available = Math.min(input.length - start, chunker.maxSize());
            int length = chunker.cut(input, start, available);
            assertTrue(length >= 1 && length <= available, chunker + " cut " + length + " of " + available);
            start += length;
            ends.add((long) start);
        }
        return ends;
    }

    private static byte[] randomBytes(SplittableRandom random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }
}
