package dev.attic.nix;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.util.Arrays;

/**
 * Nix's base-32: the alphabet {@code 0123456789abcdfghijklmnpqrsvwxyz} (no e, o, u, t), written
 * from the last 5-bit group of the bytes to the first, as Nix writes hashes and store path hashes.
 * It is not RFC 4648 base-32: the same bytes give a different string.
 */
public final class Nix32 {
    /** Nix's alphabet, in digit order. */
    public static final String ALPHABET = "0123456789abcdfghijklmnpqrsvwxyz";

    private static final char[] DIGITS = ALPHABET.toCharArray();
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < DIGITS.length; i++) {
            VALUES[DIGITS[i]] = (byte) i;
        }
    }

    private Nix32() {}

    /** The number of characters that encode {@code byteCount} bytes: 52 for 32, 32 for 20. */
    public static int encodedLength(int byteCount) {
        if (byteCount < 0) {
            throw new IllegalArgumentException("negative byte count " + byteCount);
        }
        return byteCount == 0 ? 0 : (byteCount * 8 - 1) / 5 + 1;
    }

    /** True when {@code c} is one of the 32 characters of Nix's alphabet. */
    public static boolean isDigit(char c) {
        return c < 128 && VALUES[c] >= 0;
    }

    /** Encodes the bytes as Nix does. */
    public static String encode(byte[] bytes) {
        int length = encodedLength(bytes.length);
        char[] out = new char[length];
        int last = bytes.length - 1;
        for (int n = length - 1; n >= 0; n--) {
            int bit = n * 5;
            int i = bit >>> 3;
            int j = bit & 7;
            int group = (bytes[i] & 0xff) >>> j;
            if (i < last) {
                group |= (bytes[i + 1] & 0xff) << (8 - j);
            }
            out[length - 1 - n] = DIGITS[group & 0x1f];
        }
        return new String(out);
    }

    /**
     * Decodes a string whose length encodes a whole number of bytes (52 characters give 32 bytes).
     *
     * @throws BadInputException ({@link ErrorCode#INVALID_HASH}) on a length no byte count encodes,
     *     a character outside the alphabet, or bits set above the last byte
     */
    public static byte[] decode(String text) {
        int byteCount = text.length() * 5 / 8;
        if (encodedLength(byteCount) != text.length()) {
            throw invalid(text, "its length " + text.length() + " encodes no whole number of bytes");
        }
        return decode(text, byteCount);
    }

    /**
     * Decodes a string that must encode exactly {@code expectedBytes} bytes.
     *
     * @throws BadInputException ({@link ErrorCode#INVALID_HASH}) on a wrong length, a character
     *     outside the alphabet, or bits set above the last byte (Nix rejects those too)
     */
    public static byte[] decode(String text, int expectedBytes) {
        int length = encodedLength(expectedBytes);
        if (text.length() != length) {
            throw invalid(text, "expected " + length + " characters for " + expectedBytes
                    + " bytes, got " + text.length());
        }
        byte[] out = new byte[expectedBytes];
        int last = expectedBytes - 1;
        for (int n = 0; n < length; n++) {
            char c = text.charAt(length - 1 - n);
            int digit = c < 128 ? VALUES[c] : -1;
            if (digit < 0) {
                throw invalid(text, "character '" + printable(c) + "' at index " + (length - 1 - n)
                        + " is not in Nix's base-32 alphabet " + ALPHABET);
            }
            int bit = n * 5;
            int i = bit >>> 3;
            int j = bit & 7;
            out[i] |= (byte) (digit << j);
            int carry = digit >>> (8 - j);
            if (i < last) {
                out[i + 1] |= (byte) carry;
            } else if (carry != 0) {
                throw invalid(text, "its first character sets bits beyond " + expectedBytes + " bytes");
            }
        }
        return out;
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }

    private static BadInputException invalid(String text, String why) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return new BadInputException(ErrorCode.INVALID_HASH,
                "invalid Nix base-32 '" + shown.replaceAll("[^\\x20-\\x7e]", "?") + "': " + why);
    }
}
