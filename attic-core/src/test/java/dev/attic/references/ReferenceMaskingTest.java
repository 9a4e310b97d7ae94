package dev.attic.references;

import static dev.attic.references.Masking.ascii;
import static dev.attic.references.Masking.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import dev.attic.nix.StorePathHash;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cases the issue names, one by one; the properties cover their mixtures. */
class ReferenceMaskingTest {
    private static final String HASH = "2ab9s0ih703f3pqjqnql3b8hrm35c4vz";
    private static final String OTHER = "vc9qnd158fh4hqx3jpnl2c8j3q58a8sk";
    private static final String E32 = "e".repeat(32);

    @Test
    void masksTheHashOfAStorePathAndKeepsTheStoreDir() {
        Masking.Masked m = Masking.mask(ascii("#!/nix/store/" + HASH + "-bash/bin/sh\n"), "/nix/store");
        assertEquals("#!/nix/store/" + E32 + "-bash/bin/sh\n", text(m.bytes()));
        assertEquals(List.of(new Reference(13, new StorePathHash(HASH))), m.table().references());
    }

    @Test
    void recordsARepeatedHashOnceAmongTheDistinctHashes() {
        String in = "/nix/store/" + HASH + " /nix/store/" + OTHER + " /nix/store/" + HASH;
        ReferenceTable table = Masking.mask(ascii(in), "/nix/store").table();
        assertEquals(3, table.size());
        assertEquals(List.of(new StorePathHash(HASH), new StorePathHash(OTHER)), table.hashes());
    }

    @Test
    void leavesThirtyOneValidCharactersFollowedByAnInvalidOneAlone() {
        String in = "/nix/store/" + HASH.substring(0, 31) + "e-name";
        Masking.Masked m = Masking.mask(ascii(in), "/nix/store");
        assertEquals(in, text(m.bytes()));
        assertTrue(m.table().isEmpty());
    }

    @Test
    void leavesAHashWithAnUppercaseCharacterAlone() {
        String in = "/nix/store/" + HASH.toUpperCase();
        assertTrue(Masking.mask(ascii(in), "/nix/store").table().isEmpty());
    }

    @Test
    void masksTheFirst32OfALongerRunOfValidCharacters() {
        Masking.Masked m = Masking.mask(ascii("/nix/store/" + HASH + "abc"), "/nix/store");
        assertEquals("/nix/store/" + E32 + "abc", text(m.bytes()));
    }

    @Test
    void leavesTheStoreDirAtTheVeryEndOfTheStreamAlone() {
        for (String end : List.of("/nix/store/", "/nix/store", "/nix/st", "/", "/nix/store/" + HASH.substring(0, 31))) {
            Masking.Masked m = Masking.mask(ascii("data " + end), "/nix/store");
            assertEquals("data " + end, text(m.bytes()), end);
            assertTrue(m.table().isEmpty(), end);
        }
    }

    @Test
    void masksAHashThatEndsTheStream() {
        Masking.Masked m = Masking.mask(ascii("x/nix/store/" + HASH), "/nix/store");
        assertEquals("x/nix/store/" + E32, text(m.bytes()));
    }

    @Test
    void findsAStorePathRightAfterAnIncompletePrefix() {
        Masking.Masked m = Masking.mask(ascii("/nix/nix/store/" + HASH + "/nix/store/nix/store/" + OTHER), "/nix/store");
        assertEquals("/nix/nix/store/" + E32 + "/nix/store/nix/store/" + E32, text(m.bytes()));
    }

    @Test
    void findsAStorePathInASelfOverlappingStoreDir() {
        Masking.Masked m = Masking.mask(ascii("/a/a/a/" + HASH), "/a/a");
        assertEquals(List.of(new Reference(7, new StorePathHash(HASH))), m.table().references());
    }

    @Test
    void findsAHashSplitAcrossOneByteReads() {
        byte[] in = ascii("..../nix/store/" + HASH + "....");
        for (int piece : new int[] {1, 2, 3, 7, 11, 42}) {
            Masking.Masked m = Masking.mask(in, "/nix/store", 10, piece, piece, List.of(piece));
            assertEquals("..../nix/store/" + E32 + "....", text(m.bytes()), "pieces of up to " + piece);
        }
    }

    @Test
    void findsHashesAcrossTheMaskingBuffer() throws IOException {
        // 200,000 bytes of filler with a path every 1,000 bytes: many fall across the 64 KiB buffer
        StringBuilder in = new StringBuilder();
        while (in.length() < 200_000) {
            in.append("x".repeat(1000 - 43)).append("/nix/store/").append(HASH);
        }
        Masking.Masked m = Masking.mask(ascii(in.toString()), "/nix/store");
        assertEquals(in.length() / 1000, m.table().size());
        assertEquals(-1, text(m.bytes()).indexOf(HASH));
    }

    @Test
    void masksOnlyPathsInTheConfiguredStoreDir() {
        String in = "/nix/store/" + HASH + " /gnu/store/" + OTHER;
        Masking.Masked m = Masking.mask(ascii(in), "/gnu/store");
        assertEquals("/nix/store/" + HASH + " /gnu/store/" + E32, text(m.bytes()));
    }

    @Test
    void leavesThePlaceholderItselfAlone() {
        String in = "/nix/store/" + E32 + "-masked";
        assertTrue(Masking.mask(ascii(in), "/nix/store").table().isEmpty());
    }

    @Test
    void leavesHashesBeyondTheCapInPlaceAndCountsThem() {
        String in = "/nix/store/" + HASH + " /nix/store/" + OTHER + " /nix/store/" + HASH;
        Masking.Masked m = Masking.mask(ascii(in), "/nix/store", 2, 0, 100, List.of(100));
        assertEquals("/nix/store/" + E32 + " /nix/store/" + E32 + " /nix/store/" + HASH, text(m.bytes()));
        assertEquals(1, m.leftInPlace());
    }

    @Test
    void rejectsAStoreDirWithATrailingSlash() {
        assertThrows(BadInputException.class,
                () -> new ReferenceMaskingInputStream(new ByteArrayInputStream(new byte[0]), "/nix/store/"));
    }

    @Test
    void refusesToGiveTheTableBeforeTheEnd() throws IOException {
        ReferenceMaskingInputStream in = new ReferenceMaskingInputStream(
                new ByteArrayInputStream(ascii("/nix/store/" + HASH)), "/nix/store");
        assertEquals('/', in.read());
        assertThrows(IllegalStateException.class, in::table);
    }

    @Test
    void anEmptyStreamMasksToAnEmptyStreamAndTable() {
        Masking.Masked m = Masking.mask(new byte[0], "/nix/store");
        assertArrayEquals(new byte[0], m.bytes());
        assertTrue(m.table().isEmpty());
    }
}
