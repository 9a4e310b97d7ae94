package dev.attic.references;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import dev.attic.nix.StorePathHash;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceTableTest {
    private static final StorePathHash ZEROS = new StorePathHash("0".repeat(32));
    /** 31 "0" then "1": decodes to 20 bytes with only the lowest bit of byte 0 set. */
    private static final StorePathHash ONE = new StorePathHash("0".repeat(31) + "1");

    @Test
    void encodesDistinctHashesThenDeltasFromThePreviousEndAndIndices() {
        ReferenceTable table = ReferenceTable.of(List.of(
                new Reference(11, ZEROS), new Reference(48, ONE), new Reference(380, ZEROS)));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(1); // format
        expected.write(2); // two distinct hashes
        expected.writeBytes(new byte[20]); // all-zero hash
        byte[] one = new byte[20];
        one[0] = 1; // Nix32 writes the last 5-bit group first: a trailing "1" is the lowest bit of byte 0
        expected.writeBytes(one);
        expected.write(3); // three references
        expected.write(11); // 11 - 0
        expected.write(0);
        expected.write(5); // 48 - (11 + 32)
        expected.write(1);
        expected.writeBytes(new byte[] {(byte) 0xac, 0x02}); // 380 - 80 = 300 as a varint
        expected.write(0);
        assertArrayEquals(expected.toByteArray(), table.encode());
        assertEquals(List.of(ZEROS, ONE), table.hashes());
    }

    @Test
    void anEmptyTableIsTwoZeroCountsAfterTheFormatByte() {
        assertArrayEquals(new byte[] {1, 0, 0}, ReferenceTable.EMPTY.encode());
        assertTrue(ReferenceTable.decode(new byte[] {1, 0, 0}).isEmpty());
    }

    @Test
    void rejectsReferencesThatOverlap() {
        assertThrows(IllegalArgumentException.class, () -> ReferenceTable.of(List.of(
                new Reference(100, ZEROS), new Reference(131, ONE))));
    }

    @Test
    void rejectsAnUnknownFormatByte() {
        assertRejected(new byte[] {2, 0, 0}, "unknown format byte 2");
    }

    @Test
    void rejectsAHostileDistinctHashCountWithoutAllocatingForIt() {
        assertRejected(new byte[] {1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07}, "only 0 bytes follow");
    }

    @Test
    void rejectsAHostileReferenceCountWithoutAllocatingForIt() {
        assertRejected(new byte[] {1, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 0, 0},
                "only 2 bytes follow");
    }

    @Test
    void rejectsAVarintThatIsNotMinimal() {
        assertRejected(new byte[] {1, (byte) 0x80, 0x00, 0}, "not minimally encoded");
    }

    @Test
    void rejectsAVarintOfMoreThan64Bits() {
        byte[] bytes = {1, 0, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x02, 0};
        assertRejected(bytes, "overflows");
    }

    @Test
    void rejectsAPositionBeyondTheLargestStream() {
        byte[] prefix = {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(prefix);
        bytes.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 0}); // 2^63 - 1
        assertRejected(bytes.toByteArray(), "overflows");
    }

    @Test
    void rejectsAHashIndexOutOfRange() {
        byte[] bytes = table(new byte[] {1, 0, 1});
        assertRejected(bytes, "uses hash index 1");
    }

    @Test
    void rejectsHashesListedOutOfOrderOfFirstUse() {
        byte[] bytes = twoHashes(new byte[] {2, 0, 1, 0, 0});
        assertRejected(bytes, "uses hash index 1");
    }

    @Test
    void rejectsAnUnusedDistinctHash() {
        assertRejected(twoHashes(new byte[] {2, 0, 0, 0, 0}), "never used");
    }

    @Test
    void rejectsADistinctHashListedTwice() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {1, 2});
        bytes.writeBytes(new byte[40]);
        bytes.writeBytes(new byte[] {2, 0, 0, 0, 1});
        assertRejected(bytes.toByteArray(), "listed twice");
    }

    @Test
    void rejectsBytesAfterTheLastReference() {
        assertRejected(new byte[] {1, 0, 0, 0}, "1 bytes after the last reference");
    }

    /** A table of one distinct all-zero hash followed by {@code rest}. */
    private static byte[] table(byte[] rest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {1, 1});
        bytes.writeBytes(new byte[20]);
        bytes.writeBytes(rest);
        return bytes.toByteArray();
    }

    /** A table of two distinct hashes (all zeros, then a one) followed by {@code rest}. */
    private static byte[] twoHashes(byte[] rest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {1, 2});
        bytes.writeBytes(new byte[20]);
        byte[] one = new byte[20];
        one[0] = 1;
        bytes.writeBytes(one);
        bytes.writeBytes(rest);
        return bytes.toByteArray();
    }

    private static void assertRejected(byte[] bytes, String why) {
        BadInputException e = assertThrows(BadInputException.class, () -> ReferenceTable.decode(bytes));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
