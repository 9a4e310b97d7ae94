package dev.attic.nar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the NAR reader and writer over generated trees, and of the reader over thousands
 * of corrupted NARs, checked against {@link ReferenceGrammar}.
 */
class NarPropertiesTest {

    /** Every parse of a mutated NAR runs here, so that a hang fails the property instead of the build. */
    private static final ExecutorService PARSER = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "nar-property-parser");
        thread.setDaemon(true);
        return thread;
    });

    @AfterContainer
    static void stopParser() {
        PARSER.shutdownNow();
    }

    // ---- write, then read

    @Property(tries = 1000)
    void readingWhatTheWriterWroteGivesTheSameTree(@ForAll("trees") Tree tree) throws IOException {
        byte[] nar = tree.toNar();
        Tree.Collector collector = new Tree.Collector();
        assertEquals(nar.length, NarReader.read(new ByteArrayInputStream(nar), collector));
        assertEquals(tree, collector.root());
        assertTrue(ReferenceGrammar.isValid(nar));
    }

    @Property(tries = 500)
    void validatorGivesTheSameTreeWhateverThePiecesTheBytesArriveIn(
            @ForAll("trees") Tree tree, @ForAll("pieceSizes") List<Integer> pieceSizes) {
        byte[] nar = tree.toNar();
        Tree.Collector collector = new Tree.Collector();
        NarValidator validator = new NarValidator(collector);
        int position = 0;
        for (int i = 0; position < nar.length; i++) {
            int size = Math.min(pieceSizes.get(i % pieceSizes.size()), nar.length - position);
            validator.update(nar, position, size);
            position += size;
        }
        validator.finish();
        assertTrue(validator.isComplete());
        assertEquals(tree, collector.root());
    }

    @Property(tries = 100)
    void dumpOfAMaterializedTreeEqualsWhatTheWriterWrites(@ForAll("trees") Tree tree) throws IOException {
        Path dir = Files.createTempDirectory("nar-property");
        try {
            Path root = dir.resolve("root");
            tree.materialize(root);
            ByteArrayOutputStream dumped = new ByteArrayOutputStream();
            NarDump.dump(root, dumped);
            assertArrayEquals(tree.toNar(), dumped.toByteArray());
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
    }

    // ---- mutated NARs: accepted exactly when valid, otherwise BadNarException; never a hang or another error

    @Property(tries = 8000)
    void mutatedNarIsAcceptedOnlyIfValidAndOtherwiseRefusedAsBadNar(
            @ForAll("smallTrees") Tree tree, @ForAll("mutations") List<Mutation> mutations) throws Exception {
        byte[] nar = tree.toNar();
        Statistics.label("NAR size").collect(nar.length < 200 ? "< 200" : nar.length < 2000 ? "< 2000" : ">= 2000");
        Statistics.label("mutation").collect(mutations.get(0).toString().replaceAll("@.*", ""));
        for (Mutation mutation : mutations) {
            nar = mutation.apply(nar);
        }
        checkAgainstReference(nar, mutations.toString());
    }

    @Property(tries = 3000)
    void narWithACorruptedLengthFieldIsRefusedWithoutAllocatingIt(
            @ForAll("smallTrees") Tree tree, @ForAll("wordIndexes") int wordIndex, @ForAll("lengths") long length)
            throws Exception {
        byte[] nar = tree.toNar();
        int at = (wordIndex % (nar.length / 8)) * 8;
        for (int i = 0; i < 8; i++) {
            nar[at + i] = (byte) (length >>> (8 * i));
        }
        checkAgainstReference(nar, "word at " + at + " set to " + Long.toUnsignedString(length));
    }

    private static void checkAgainstReference(byte[] nar, String what) throws Exception {
        Future<Throwable> outcome = PARSER.submit(() -> {
            try {
                NarReader.read(new ByteArrayInputStream(nar), new Tree.Collector());
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Throwable thrown;
        try {
            thrown = outcome.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            throw new AssertionError("reading a NAR mutated by " + what + " did not end within 10 s");
        }
        boolean valid = ReferenceGrammar.isValid(nar);
        Statistics.label("outcome").collect(thrown == null ? "accepted" : thrown.getClass().getSimpleName());
        if (thrown == null) {
            assertTrue(valid, "accepted a NAR the reference grammar refuses, after " + what);
        } else if (thrown instanceof BadNarException bad) {
            assertTrue(!valid, "refused a NAR the reference grammar accepts, after " + what + ": " + bad.getMessage());
            assertTrue(bad.offset() >= 0 && bad.offset() <= nar.length, "offset " + bad.offset() + " of " + nar.length);
        } else {
            throw new AssertionError("reading a NAR mutated by " + what + " threw " + thrown, thrown);
        }
    }

    // ---- generators

    /** One change to NAR bytes; positions and values are reduced modulo what fits. */
    record Mutation(int kind, int position, int value) {
        byte[] apply(byte[] nar) {
            if (nar.length == 0) {
                return nar;
            }
            int at = Math.floorMod(position, nar.length);
            switch (kind) {
                case 0: { // flip one bit
                    byte[] copy = nar.clone();
                    copy[at] ^= (byte) (1 << (value & 7));
                    return copy;
                }
                case 1: { // insert one byte
                    int where = Math.floorMod(position, nar.length + 1);
                    byte[] copy = new byte[nar.length + 1];
                    System.arraycopy(nar, 0, copy, 0, where);
                    copy[where] = (byte) value;
                    System.arraycopy(nar, where, copy, where + 1, nar.length - where);
                    return copy;
                }
                case 2: { // delete 1 to 16 bytes
                    int count = Math.min(1 + Math.floorMod(value, 16), nar.length - at);
                    byte[] copy = new byte[nar.length - count];
                    System.arraycopy(nar, 0, copy, 0, at);
                    System.arraycopy(nar, at + count, copy, at, nar.length - at - count);
                    return copy;
                }
                case 3: // truncate
                    return Arrays.copyOf(nar, at);
                case 4: { // repeat an aligned run of 8 to 64 bytes (a token, or several) in place
                    int start = at / 8 * 8;
                    int count = Math.min(8 * (1 + Math.floorMod(value, 8)), nar.length - start);
                    byte[] copy = new byte[nar.length + count];
                    System.arraycopy(nar, 0, copy, 0, start + count);
                    System.arraycopy(nar, start, copy, start + count, nar.length - start);
                    return copy;
                }
                default: { // set one byte
                    byte[] copy = nar.clone();
                    copy[at] = (byte) value;
                    return copy;
                }
            }
        }

        @Override
        public String toString() {
            String[] names = {"flip", "insert", "delete", "truncate", "repeat", "set"};
            return names[kind] + "@" + position + "/" + value;
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 255)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<Integer> wordIndexes() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE);
    }

    @Provide
    Arbitrary<Long> lengths() {
        return Arbitraries.oneOf(
                Arbitraries.of(-1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 62, 1L << 32, 1L << 31, 256L, 4096L, 16L, 17L),
                Arbitraries.longs(),
                Arbitraries.longs().between(0, 300));
    }

    @Provide
    Arbitrary<List<Integer>> pieceSizes() {
        return Arbitraries.integers().between(1, 70).list().ofMinSize(1).ofMaxSize(10);
    }

    @Provide
    Arbitrary<Tree> trees() {
        return Arbitraries.recursive(this::leaves, this::directories, 0, 4);
    }

    @Provide
    Arbitrary<Tree> smallTrees() {
        return Arbitraries.recursive(this::leaves, this::directories, 0, 2);
    }

    private Arbitrary<Tree> leaves() {
        Arbitrary<byte[]> contents = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.bytes().array(byte[].class).ofMaxSize(40)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(100).ofMaxSize(5000)));
        Arbitrary<Tree> files = Combinators.combine(Arbitraries.of(true, false), contents).as(Tree.File::new);
        Arbitrary<Tree> symlinks = targets().map(Tree.Symlink::new);
        return Arbitraries.frequencyOf(Tuple.of(3, files), Tuple.of(1, symlinks));
    }

    private Arbitrary<Tree> directories(Arbitrary<Tree> children) {
        return Arbitraries.maps(names(), children).ofMaxSize(4).map(Tree.Directory::new);
    }

    /** Valid entry names: any code points but NUL and "/", not "." or "..", 1 to 12 of them. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between('a', 'z')),
                Tuple.of(3, Arbitraries.of((int) '.', (int) '-', (int) '_', (int) 'B', (int) ' ', (int) '~')),
                Tuple.of(1, Arbitraries.integers().between(1, 0x7f).filter(c -> c != '/')),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0x7ff)),
                Tuple.of(1, Arbitraries.integers().between(0x800, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return codePoint.list().ofMinSize(1).ofMaxSize(12)
                .map(points -> {
                    StringBuilder s = new StringBuilder();
                    points.forEach(s::appendCodePoint);
                    return s.toString();
                })
                .filter(name -> !name.equals(".") && !name.equals(".."));
    }

    /** Symlink targets: relative or absolute paths of names, "." and ".." (as a file system keeps them). */
    private Arbitrary<String> targets() {
        Arbitrary<String> segment = Arbitraries.frequencyOf(
                Tuple.of(8, names()),
                Tuple.of(1, Arbitraries.just("..")),
                Tuple.of(1, Arbitraries.just(".")));
        return Combinators.combine(Arbitraries.of("", "/"), segment.list().ofMinSize(1).ofMaxSize(4))
                .as((root, segments) -> root + String.join("/", segments));
    }
}
