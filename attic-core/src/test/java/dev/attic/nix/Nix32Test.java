package dev.attic.nix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.io.BaseEncoding;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Nix32Test {

    @Test
    void encodesAndDecodesEveryVectorAsNixDoes() {
        int rows = 0;
        for (String[] row : TestVectors.tsv("hashes/nix32.tsv", true)) {
            byte[] digest = BaseEncoding.base16().lowerCase().decode(row[1]);
            assertEquals(row[2], Nix32.encode(digest), "encode of " + row[1]);
            assertArrayEquals(digest, Nix32.decode(row[2], 32), "decode of " + row[2]);
            assertArrayEquals(digest, Nix32.decode(row[2]), "decode without length of " + row[2]);
            rows++;
        }
        assertTrue(rows >= 4, "expected the vector rows, found " + rows);
    }

    @Test
    void encodesTheLengthsNixUses() {
        assertEquals(52, Nix32.encodedLength(32));
        assertEquals(32, Nix32.encodedLength(20));
        assertEquals(0, Nix32.encodedLength(0));
        assertEquals("", Nix32.encode(new byte[0]));
        assertEquals(1, Nix32.encode(new byte[20]).chars().distinct().count());
        assertEquals("0".repeat(52), Nix32.encode(new byte[32]));
    }

    @Test
    void encodesFromTheLastFiveBitGroup() {
        // Byte 0 = 1 sets the lowest bit of the lowest group, which Nix prints last.
        byte[] bytes = new byte[20];
        bytes[0] = 1;
        assertEquals("0".repeat(31) + "1", Nix32.encode(bytes));
        bytes[0] = 0;
        bytes[19] = (byte) 0x80;
        assertEquals("h" + "0".repeat(31), Nix32.encode(bytes), "bit 159 is the top bit of the first group: 16 = h");
    }

    @Test
    void rejectsCharactersOutsideTheAlphabet() {
        String good = "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73";
        for (char bad : new char[] {'e', 'o', 'u', 't', 'A', '-', ' ', 'é', '\n'}) {
            String tried = bad + good.substring(1);
            BadInputException e = assertThrows(BadInputException.class, () -> Nix32.decode(tried, 32),
                    "decoding with '" + bad + "'");
            assertEquals(ErrorCode.INVALID_HASH, e.code());
            assertTrue(e.getMessage().contains("alphabet"), e.getMessage());
        }
    }

    @Test
    void rejectsWrongLengths() {
        String good = "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73";
        assertThrows(BadInputException.class, () -> Nix32.decode(good.substring(1), 32), "51 characters for 32 bytes");
        assertThrows(BadInputException.class, () -> Nix32.decode(good + "0", 32), "53 characters for 32 bytes");
        assertThrows(BadInputException.class, () -> Nix32.decode("", 32), "empty for 32 bytes");
        assertThrows(BadInputException.class, () -> Nix32.decode("0"), "1 character encodes no whole byte");
        assertThrows(BadInputException.class, () -> Nix32.decode(good.substring(1)), "51 characters");
    }

    @Test
    void rejectsBitsAboveTheLastByte() {
        // 52 characters carry 260 bits; of the first character only the lowest bit (bit 255) fits.
        String zeros = "0".repeat(51);
        assertEquals((byte) 0x80, Nix32.decode("1" + zeros, 32)[31], "'1' sets bit 255 only");
        for (String first : new String[] {"2", "8", "z"}) {
            BadInputException e = assertThrows(BadInputException.class, () -> Nix32.decode(first + zeros, 32),
                    "'" + first + "' sets bits above 255");
            assertEquals(ErrorCode.INVALID_HASH, e.code());
            assertTrue(e.getMessage().contains("beyond 32 bytes"), e.getMessage());
        }
    }

    @Property
    void decodeInvertsEncode(@ForAll @Size(max = 64) byte[] bytes) {
        String text = Nix32.encode(bytes);
        assertEquals(Nix32.encodedLength(bytes.length), text.length());
        assertArrayEquals(bytes, Nix32.decode(text, bytes.length));
        assertArrayEquals(bytes, Nix32.decode(text));
    }

    @Property
    void encodeInvertsDecodeOfEveryStringWithoutExcessBits(
            @ForAll("firstDigits") char first, @ForAll("nix32Strings") String rest) {
        String text = first + rest;
        assertEquals(text, Nix32.encode(Nix32.decode(text, 32)));
    }

    @Provide
    Arbitrary<Character> firstDigits() {
        return Arbitraries.of('0', '1');
    }

    @Provide
    Arbitrary<String> nix32Strings() {
        return Arbitraries.strings().withChars(Nix32.ALPHABET.toCharArray()).ofLength(51);
    }
}
