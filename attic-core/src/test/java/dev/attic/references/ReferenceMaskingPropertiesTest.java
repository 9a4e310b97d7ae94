package dev.attic.references;

import static dev.attic.references.Masking.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.nix.Nix32;
import dev.attic.nix.StorePathHash;
import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Masking then restoring is the identity, whatever the bytes and however both streams are read;
 * the masking stream finds exactly the store path hashes a regular expression over the whole input
 * finds. Inputs are built from store paths, near misses (31 characters, an invalid character,
 * longer runs, the placeholder itself), prefixes cut at the end, self-overlapping store
 * directories and random bytes, so that matches fall across every read boundary.
 */
class ReferenceMaskingPropertiesTest {
    private static final String NOT_NIX32 = "eotu/-.EOTU\0\u00ff ";

    /** A store directory and a NAR-like stream made of pieces around it. */
    record Input(String storeDir, byte[] bytes) {
        @Override
        public String toString() {
            return "Input[" + storeDir + ", " + bytes.length + " bytes: "
                    + Masking.text(bytes).replaceAll("[^\\x20-\\x7e]", "?") + "]";
        }
    }

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<String> storeDirs = Arbitraries.of("/nix/store", "/nix/store", "/n/n", "/a/aa/a", "/gnu/store", "/s");
        return storeDirs.flatMap(dir -> pieces(dir).list().ofMaxSize(40)
                .map(list -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    list.forEach(out::writeBytes);
                    return new Input(dir, out.toByteArray());
                }));
    }

    private static Arbitrary<byte[]> pieces(String storeDir) {
        String prefix = storeDir + "/";
        // a few hashes recur, so that tables index shared hashes
        Arbitrary<String> hashes = Arbitraries.oneOf(
                Arbitraries.of("0123456789abcdfghijklmnpqrsvwxyz", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
                        "2ab9s0ih703f3pqjqnql3b8hrm35c4vz"),
                nix32(32, 32));
        Arbitrary<Character> invalid = Arbitraries.of(NOT_NIX32.chars().mapToObj(c -> (char) c).toArray(Character[]::new));
        return Arbitraries.frequencyOf(
                Tuple.of(5, hashes.map(h -> ascii(prefix + h + "-name"))),
                Tuple.of(2, hashes.map(h -> ascii(prefix + h))),
                Tuple.of(2, Combinators.combine(nix32(31, 31), invalid)
                        .as((h, c) -> ascii(prefix + h + c))),
                Tuple.of(2, Combinators.combine(nix32(0, 31), invalid)
                        .as((h, c) -> ascii(prefix + h + c))),
                Tuple.of(1, nix32(33, 70).map(h -> ascii(prefix + h))),
                Tuple.of(1, Arbitraries.just(ascii(prefix + "e".repeat(32)))),
                Tuple.of(2, Arbitraries.integers().between(0, prefix.length())
                        .map(k -> ascii(prefix.substring(0, k)))),
                Tuple.of(1, hashes.map(h -> ascii(storeDir + prefix + h))),
                Tuple.of(2, Arbitraries.strings().withChars((Nix32.ALPHABET + prefix + NOT_NIX32).toCharArray())
                        .ofMaxLength(60).map(Masking::ascii)),
                Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)));
    }

    private static Arbitrary<String> nix32(int min, int max) {
        return Arbitraries.strings().withChars(Nix32.ALPHABET.toCharArray()).ofMinLength(min).ofMaxLength(max);
    }

    @Provide
    Arbitrary<List<Integer>> readSizes() {
        return Arbitraries.integers().between(1, 200).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 1000)
    void restoringTheMaskedStreamGivesTheOriginalBytes(@ForAll("inputs") Input input,
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 100) int largestPiece,
            @ForAll("readSizes") List<Integer> maskReads, @ForAll("readSizes") List<Integer> restoreReads) {
        Masking.Masked masked = Masking.mask(input.bytes(), input.storeDir(),
                ReferenceMaskingInputStream.DEFAULT_MAX_REFERENCES, seed, largestPiece, maskReads);
        assertEquals(input.bytes().length, masked.bytes().length, "masking keeps the length");
        byte[] restored = Masking.restore(masked.bytes(), masked.table(), ~seed, largestPiece, restoreReads);
        assertArrayEquals(input.bytes(), restored);
    }

    @Property(tries = 1000)
    void masksExactlyTheStorePathHashesARegularExpressionFinds(@ForAll("inputs") Input input,
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 100) int largestPiece,
            @ForAll("readSizes") List<Integer> reads) {
        Masking.Masked masked = Masking.mask(input.bytes(), input.storeDir(),
                ReferenceMaskingInputStream.DEFAULT_MAX_REFERENCES, seed, largestPiece, reads);
        List<Reference> expected = Masking.storePathHashesIn(input.bytes(), input.storeDir());
        assertEquals(expected, masked.table().references());
        assertEquals(0, masked.leftInPlace());
        byte[] prefix = ascii(input.storeDir() + "/");
        byte[] expectedMasked = input.bytes().clone();
        for (Reference r : expected) {
            for (int k = 0; k < prefix.length; k++) {
                assertEquals(prefix[k], masked.bytes()[(int) r.position() - prefix.length + k],
                        "the store directory before a masked hash stays");
            }
            System.arraycopy(MaskedHash.PLACEHOLDER, 0, expectedMasked, (int) r.position(), StorePathHash.LENGTH);
        }
        assertArrayEquals(expectedMasked, masked.bytes(), "only the recorded hash characters change");
        assertEquals(List.of(), Masking.storePathHashesIn(masked.bytes(), input.storeDir()),
                "no store path hash is left in the masked stream");
    }

    @Property(tries = 300)
    void aFullTableLeavesLaterHashesInPlaceAndStillRestores(@ForAll("inputs") Input input,
            @ForAll @IntRange(min = 0, max = 4) int cap, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 100) int largestPiece, @ForAll("readSizes") List<Integer> reads) {
        Masking.Masked masked = Masking.mask(input.bytes(), input.storeDir(), cap, seed, largestPiece, reads);
        List<Reference> all = Masking.storePathHashesIn(input.bytes(), input.storeDir());
        int kept = Math.min(cap, all.size());
        assertEquals(all.subList(0, kept), masked.table().references());
        assertEquals(all.size() - kept, masked.leftInPlace());
        assertEquals(all.subList(kept, all.size()), Masking.storePathHashesIn(masked.bytes(), input.storeDir()),
                "the hashes beyond the cap are still there");
        assertArrayEquals(input.bytes(), Masking.restore(masked.bytes(), masked.table(), seed, largestPiece, reads));
    }

    @Property(tries = 300)
    void maskingAMaskedStreamFindsNothing(@ForAll("inputs") Input input) {
        Masking.Masked once = Masking.mask(input.bytes(), input.storeDir());
        Masking.Masked twice = Masking.mask(once.bytes(), input.storeDir());
        assertTrue(twice.table().isEmpty());
        assertArrayEquals(once.bytes(), twice.bytes());
    }

    @Property(tries = 500)
    void theEncodedTableDecodesToTheSameTable(@ForAll("inputs") Input input) {
        ReferenceTable table = Masking.mask(input.bytes(), input.storeDir()).table();
        assertEquals(table, ReferenceTable.decode(table.encode()));
        assertEquals(table.references(), ReferenceTable.of(table.references()).references());
    }
}
