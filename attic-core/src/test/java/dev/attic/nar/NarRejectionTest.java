package dev.attic.nar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each test feeds the reader a NAR with one fault, and checks it is refused where the fault is. */
class NarRejectionTest {

    private static long read(byte[] nar) throws IOException {
        return NarReader.read(new ByteArrayInputStream(nar), new NarVisitor() {});
    }

    private static BadNarException rejects(byte[] nar) {
        return assertThrows(BadNarException.class, () -> read(nar));
    }

    private static void accepts(byte[] nar) throws IOException {
        assertEquals(nar.length, read(nar));
    }

    /** A directory with the given (already ordered or not) entries, each an empty regular file. */
    private static byte[] directoryWith(String... names) {
        NarBytes nar = new NarBytes().magic().str("(", "type", "directory");
        for (String name : names) {
            nar.entry(name).file("").str(")");
        }
        return nar.str(")").toByteArray();
    }

    @Test
    void theBuildersOwnNarsAreAccepted() throws IOException {
        accepts(new NarBytes().magic().file("hello").toByteArray());
        accepts(directoryWith("a", "b"));
        accepts(new NarBytes().magic().str("(", "type", "symlink", "target", "x", ")").toByteArray());
    }

    @Test
    void badNarIsABadInputWithTheBadNarCode() {
        BadNarException e = rejects(new NarBytes().str("not-a-nar").toByteArray());
        assertTrue(e instanceof BadInputException);
        assertEquals(ErrorCode.BAD_NAR, e.code());
        assertEquals(0, e.offset());
        assertEquals("\"nix-archive-1\"", e.expected());
        assertEquals("\"not-a-nar\"", e.found());
        assertEquals("bad NAR at byte 0: expected \"nix-archive-1\", found \"not-a-nar\"", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nix-archive-2", "NIX-ARCHIVE-1", "nix-archive-", "", "("})
    void rejectsWrongMagic(String magic) {
        BadNarException e = rejects(new NarBytes().str(magic).file("x").toByteArray());
        assertEquals(0, e.offset(), "a NAR starting with the string " + magic);
    }

    @Test
    void rejectsEmptyInputAsTruncated() {
        BadNarException e = rejects(new byte[0]);
        assertEquals(0, e.offset());
        assertEquals("the end of the input", e.found());
    }

    @Test
    void rejectsNarWithUnsortedEntries() {
        byte[] nar = directoryWith("b", "a");
        BadNarException e = rejects(nar);
        assertTrue(e.expected().contains("sorting after \"b\""), e.getMessage());
        assertEquals("\"a\"", e.found());
    }

    @Test
    void rejectsNarWithDuplicateEntries() {
        BadNarException e = rejects(directoryWith("a", "a"));
        assertEquals("\"a\" again", e.found());
    }

    @Test
    void comparesNamesAsUnsignedBytesAsNixDoes() throws IOException {
        // "B" (0x42) < "_" (0x5f) < "a" (0x61) < "z" < "ü" (0xc3 0xbc): unsigned bytes, not chars ignoring case.
        accepts(directoryWith("B", "_", "a", "z", "ü"));
        rejects(directoryWith("ü", "z"));
        rejects(directoryWith("a", "B"));
        // A prefix sorts first.
        accepts(directoryWith("a", "aa"));
        rejects(directoryWith("aa", "a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "/", "a\0b", "\0"})
    void rejectsInvalidEntryNames(String name) {
        BadNarException e = rejects(directoryWith(name));
        assertTrue(e.expected().startsWith("an entry name"), "name \"" + name + "\": " + e.getMessage());
    }

    @Test
    void acceptsNamesThatOnlyLookSpecial() throws IOException {
        accepts(directoryWith("\u0001", "...", ".a", "a."));
    }

    @Test
    void entryNamesAreBoundedTo255Bytes() throws IOException {
        accepts(directoryWith("n".repeat(255)));
        BadNarException e = rejects(directoryWith("n".repeat(256)));
        assertEquals("a string of 256 bytes", e.found());
    }

    @Test
    void rejectsNonZeroPaddingOfAString() {
        byte[] nar = new NarBytes().magic().file("x").toByteArray();
        // "regular" is at offset 64 (magic 24 + "(" 16 + "type" 16 + length 8), its padding at 71.
        assertEquals('r', nar[64]);
        nar[71] = 1;
        BadNarException e = rejects(nar);
        assertEquals(71, e.offset());
        assertEquals("zero padding", e.expected());
        assertEquals("byte 0x01", e.found());
    }

    @Test
    void rejectsNonZeroPaddingAfterContents() {
        byte[] nar = new NarBytes().magic().file("abc").toByteArray();
        int contents = indexOf(nar, "abc".getBytes());
        nar[contents + 7] = (byte) 0x80;
        BadNarException e = rejects(nar);
        assertEquals(contents + 7, e.offset());
    }

    @Test
    void rejectsExecutableMarkerAfterContents() {
        byte[] nar = new NarBytes().magic().str("(", "type", "regular", "contents", "x", "executable", "", ")").toByteArray();
        BadNarException e = rejects(nar);
        assertEquals("\")\"", e.expected());
        assertEquals("\"executable\"", e.found());
    }

    @Test
    void rejectsExecutableMarkerWithAValueOrTwice() throws IOException {
        accepts(new NarBytes().magic().str("(", "type", "regular", "executable", "", "contents", "x", ")").toByteArray());
        rejects(new NarBytes().magic().str("(", "type", "regular", "executable", "1", "contents", "x", ")").toByteArray());
        rejects(new NarBytes().magic().str("(", "type", "regular", "executable", "", "executable", "", "contents", "x", ")")
                .toByteArray());
    }

    @Test
    void rejectsRegularFileWithoutContentsOrWithTwo() {
        rejects(new NarBytes().magic().str("(", "type", "regular", ")").toByteArray());
        rejects(new NarBytes().magic().str("(", "type", "regular", "contents", "a", "contents", "b", ")").toByteArray());
    }

    @Test
    void rejectsExecutableMarkerOnSymlinkOrDirectory() {
        rejects(new NarBytes().magic().str("(", "type", "symlink", "executable", "", "target", "x", ")").toByteArray());
        rejects(new NarBytes().magic().str("(", "type", "directory", "executable", "", ")").toByteArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fifo", "Regular", "file", "", "symlinks", "directory\0"})
    void rejectsUnknownNodeType(String type) {
        BadNarException e = rejects(new NarBytes().magic().str("(", "type", type, "contents", "x", ")").toByteArray());
        assertEquals(56, e.offset(), "node type \"" + type + "\"");
        assertTrue(e.expected().contains("\"regular\", \"symlink\" or \"directory\""), e.getMessage());
    }

    @Test
    void rejectsMissingTypeOrOpenParenthesis() {
        rejects(new NarBytes().magic().str("(", "regular", "contents", "x", ")").toByteArray());
        rejects(new NarBytes().magic().str("type", "regular", "contents", "x", ")").toByteArray());
    }

    @Test
    void rejectsBadSymlinkTargets() throws IOException {
        rejects(new NarBytes().magic().str("(", "type", "symlink", "target", "", ")").toByteArray());
        rejects(new NarBytes().magic().str("(", "type", "symlink", "target", "a\0b", ")").toByteArray());
        accepts(new NarBytes().magic().str("(", "type", "symlink", "target", "t".repeat(4095), ")").toByteArray());
        BadNarException e = rejects(new NarBytes().magic().str("(", "type", "symlink", "target", "t".repeat(4096), ")")
                .toByteArray());
        assertEquals("a string of 4096 bytes", e.found());
    }

    @Test
    void rejectsEntryMissingItsNameOrNode() {
        rejects(new NarBytes().magic().str("(", "type", "directory", "entry", "(", "node").file("").str(")", ")")
                .toByteArray());
        rejects(new NarBytes().magic().str("(", "type", "directory", "entry", "(", "name", "a", ")", ")").toByteArray());
        rejects(new NarBytes().magic().str("(", "type", "directory", "entry", "(", "name", "a", "node").file("")
                .str("junk", ")").toByteArray());
    }

    @Test
    void rejectsTrailingGarbageAfterTheRootNode() {
        byte[] nar = new NarBytes().magic().file("x").toByteArray();
        for (byte[] garbage : new byte[][] {{0}, new byte[8], "nix-archive-1".getBytes()}) {
            byte[] withGarbage = Arrays.copyOf(nar, nar.length + garbage.length);
            System.arraycopy(garbage, 0, withGarbage, nar.length, garbage.length);
            BadNarException e = rejects(withGarbage);
            assertEquals(nar.length, e.offset(), garbage.length + " bytes of trailing garbage");
            assertEquals("the end of the NAR", e.expected());
        }
        // A second root node is garbage too.
        rejects(new NarBytes().magic().file("x").file("y").toByteArray());
    }

    @Test
    void rejectsTruncationAtEveryByteOffsetWithThatOffset() throws IOException {
        Path vectors = NarVectorsTest.vectors();
        for (String file : new String[] {"exec.sh.nar", "symlink.nar", "emptydir.nar", "empty.nar"}) {
            byte[] nar = Files.readAllBytes(vectors.resolve(file));
            accepts(nar);
            for (int length = 0; length < nar.length; length++) {
                byte[] truncated = Arrays.copyOf(nar, length);
                BadNarException e = rejects(truncated);
                assertEquals(length, e.offset(), file + " truncated to " + length + " bytes");
                assertEquals("the end of the input", e.found(), file + " truncated to " + length + " bytes");
            }
        }
        byte[] tree = directoryWith("a", "b", "c");
        for (int length = 0; length < tree.length; length++) {
            assertEquals(length, rejects(Arrays.copyOf(tree, length)).offset());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1L << 31, 1L << 40, Long.MAX_VALUE, -1L, Long.MIN_VALUE})
    void hugeDeclaredContentsLengthFailsWithoutAllocatingIt(long declared) {
        byte[] start = new NarBytes().magic().str("(", "type", "regular", "contents").u64(declared).bytes(new byte[100])
                .toByteArray();
        BadNarException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rejects(start),
                "contents declared " + Long.toUnsignedString(declared) + " bytes long");
        boolean fitsInANar = declared >= 0 && declared < Long.MAX_VALUE - 1000;
        assertEquals(fitsInANar ? start.length : start.length - 108, e.offset(), e.getMessage());
    }

    @Test
    void declaredLengthBeyondTheDeclaredNarSizeFailsAtOnce() {
        byte[] start = new NarBytes().magic().str("(", "type", "regular", "contents").u64(1L << 40).toByteArray();
        NarValidator validator = new NarValidator(new NarVisitor() {}, 1 << 20);
        BadNarException e = assertThrows(BadNarException.class, () -> validator.update(start, 0, start.length));
        assertEquals(start.length - 8, e.offset());
        assertTrue(e.expected().contains("1048576"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {256, 1L << 31, Long.MAX_VALUE, -1L})
    void hugeDeclaredStringLengthsFailAtTheLengthField(long declared) {
        byte[] badMagic = new NarBytes().u64(declared).toByteArray();
        assertEquals(0, rejects(badMagic).offset());
        byte[] badName = new NarBytes().magic().str("(", "type", "directory", "entry", "(", "name").u64(declared)
                .toByteArray();
        BadNarException e = rejects(badName);
        assertEquals(badName.length - 8, e.offset());
        assertEquals("a string of " + Long.toUnsignedString(declared) + " bytes", e.found());
    }

    @Test
    void aHugeLengthFollowedByAnEndlessStreamFailsWithoutReadingItAll() {
        byte[] start = new NarBytes().magic().str("(", "type", "directory", "entry", "(", "name").u64(1L << 62).toByteArray();
        InputStream endless = new SequenceInputStream(new ByteArrayInputStream(start), new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(BadNarException.class, () -> NarReader.read(endless, new NarVisitor() {})));
    }

    @Test
    void nestingIsBoundedToMaxDepth() throws IOException {
        accepts(nested(NarValidator.MAX_DEPTH));
        BadNarException e = rejects(nested(NarValidator.MAX_DEPTH + 1));
        assertTrue(e.found().contains("nested " + (NarValidator.MAX_DEPTH + 1) + " deep"), e.getMessage());
    }

    /** {@code depth} directories nested in one another, the innermost empty. */
    static byte[] nested(int depth) {
        NarBytes nar = new NarBytes().magic();
        for (int i = 1; i < depth; i++) {
            nar.str("(", "type", "directory").entry("d");
        }
        nar.str("(", "type", "directory", ")");
        for (int i = 1; i < depth; i++) {
            nar.str(")", ")");
        }
        return nar.toByteArray();
    }

    @Test
    void aRefusedValidatorRefusesEverythingAfter() {
        NarValidator validator = new NarValidator();
        byte[] bad = new NarBytes().str("nope").toByteArray();
        BadNarException first = assertThrows(BadNarException.class, () -> validator.update(bad, 0, bad.length));
        byte[] good = new NarBytes().magic().toByteArray();
        assertSame(first, assertThrows(BadNarException.class, () -> validator.update(good, 0, good.length)));
        assertSame(first, assertThrows(BadNarException.class, validator::finish));
    }

    @Test
    void validatingInputStreamRefusesAtTheFirstBadByteAndAtATruncatedEnd() throws IOException {
        byte[] nar = new NarBytes().magic().file("x").toByteArray();
        byte[] truncated = Arrays.copyOf(nar, nar.length - 8);
        try (InputStream in = new NarValidator().inputStream(new ByteArrayInputStream(truncated))) {
            BadNarException e = assertThrows(BadNarException.class, in::readAllBytes);
            assertEquals(truncated.length, e.offset());
        }
        byte[] corrupt = nar.clone();
        corrupt[0] = 12;
        try (InputStream in = new NarValidator().inputStream(new ByteArrayInputStream(corrupt))) {
            assertThrows(BadNarException.class, () -> in.read(new byte[4096]));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
