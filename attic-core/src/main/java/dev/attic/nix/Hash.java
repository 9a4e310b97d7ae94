package dev.attic.nix;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import com.google.common.io.BaseEncoding;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;

/**
 * A SHA-256 hash, the only algorithm a binary cache uses for NAR and file hashes.
 *
 * <p>{@link #parse(String)} accepts the spellings Nix accepts with an algorithm named:
 * {@code sha256:<nix32>} (52 characters), {@code sha256:<hex>} (64, either case),
 * {@code sha256:<base64>} (44) and SRI {@code sha256-<base64>}. A bare digest without the
 * {@code sha256} prefix is rejected there (Nix reads narinfo hashes the same way); use
 * {@link #fromNix32(String)} where a bare nix32 digest is expected, such as a NAR file name.
 * {@link #toString()} prints Nix's canonical {@code sha256:<nix32>}.
 *
 * <p>To hash while streaming, wrap the stream in Guava's
 * {@link com.google.common.hash.HashingInputStream} over {@link Hashing#sha256()} and pass its
 * {@code hash()} to {@link #sha256(HashCode)}; or finish a {@link MessageDigest} with
 * {@link #of(MessageDigest)}.
 */
public record Hash(byte[] bytes) {
    /** The number of bytes in a SHA-256 digest. */
    public static final int SIZE = 32;

    private static final String PREFIX = "sha256";
    private static final int NIX32_LENGTH = Nix32.encodedLength(SIZE);
    private static final int HEX_LENGTH = SIZE * 2;
    private static final int BASE64_LENGTH = 44;

    /** Takes a copy of the 32 digest bytes. */
    public Hash {
        if (bytes == null) {
            throw new NullPointerException("bytes");
        }
        if (bytes.length != SIZE) {
            throw invalid("a SHA-256 hash has " + SIZE + " bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** The SHA-256 of {@code data}. */
    public static Hash sha256Of(byte[] data) {
        return new Hash(Hashing.sha256().hashBytes(data).asBytes());
    }

    /** A SHA-256 computed by Guava, such as {@code HashingInputStream.hash()}. */
    public static Hash sha256(HashCode hashCode) {
        if (hashCode.bits() != SIZE * 8) {
            throw invalid("expected a 256-bit hash, got " + hashCode.bits() + " bits");
        }
        return new Hash(hashCode.asBytes());
    }

    /** Completes {@code digest}, which must be a SHA-256 digest, and returns its hash. */
    public static Hash of(MessageDigest digest) {
        if (!digest.getAlgorithm().equalsIgnoreCase("SHA-256")) {
            throw new IllegalArgumentException("expected a SHA-256 digest, got " + digest.getAlgorithm());
        }
        return new Hash(digest.digest());
    }

    /** Parses a bare 52-character nix32 digest (no {@code sha256:} prefix). */
    public static Hash fromNix32(String nix32) {
        return new Hash(Nix32.decode(nix32, SIZE));
    }

    /**
     * Parses {@code sha256:<nix32>}, {@code sha256:<hex>}, {@code sha256:<base64>} or
     * {@code sha256-<base64>}.
     *
     * @throws BadInputException ({@link ErrorCode#INVALID_HASH}) on anything else
     */
    public static Hash parse(String text) {
        if (text.length() <= PREFIX.length() || !text.startsWith(PREFIX)) {
            throw invalid("'" + shown(text) + "' is not a SHA-256 hash: expected 'sha256:' or 'sha256-' "
                    + "followed by the digest");
        }
        char separator = text.charAt(PREFIX.length());
        String digest = text.substring(PREFIX.length() + 1);
        if (separator == '-') {
            return new Hash(base64(text, digest));
        }
        if (separator != ':') {
            throw invalid("'" + shown(text) + "' is not a SHA-256 hash: expected 'sha256:' or 'sha256-'");
        }
        if (digest.length() == NIX32_LENGTH) {
            return new Hash(Nix32.decode(digest, SIZE));
        }
        if (digest.length() == HEX_LENGTH) {
            return new Hash(hex(text, digest));
        }
        if (digest.length() == BASE64_LENGTH) {
            return new Hash(base64(text, digest));
        }
        throw invalid("'" + shown(text) + "' has a digest of " + digest.length()
                + " characters; SHA-256 is 52 (nix32), 64 (hex) or 44 (base64)");
    }

    /** A copy of the 32 digest bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bare 52-character nix32 digest. */
    public String toNix32() {
        return Nix32.encode(bytes);
    }

    /** The bare 64-character lowercase hex digest. */
    public String toHex() {
        return BaseEncoding.base16().lowerCase().encode(bytes);
    }

    /** The SRI spelling {@code sha256-<base64>}. */
    public String toSri() {
        return PREFIX + "-" + BaseEncoding.base64().encode(bytes);
    }

    /** Nix's canonical spelling {@code sha256:<nix32>}. */
    @Override
    public String toString() {
        return PREFIX + ":" + toNix32();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    private static byte[] hex(String text, String digest) {
        for (int i = 0; i < digest.length(); i++) {
            if (Character.digit(digest.charAt(i), 16) < 0 || digest.charAt(i) > 'f') {
                throw invalid("'" + shown(text) + "' has a non-hex character at digest index " + i);
            }
        }
        return BaseEncoding.base16().decode(digest.toUpperCase(Locale.ROOT));
    }

    private static byte[] base64(String text, String digest) {
        if (digest.length() != BASE64_LENGTH) {
            throw invalid("'" + shown(text) + "' has a base64 digest of " + digest.length()
                    + " characters; SHA-256 is " + BASE64_LENGTH);
        }
        byte[] decoded;
        try {
            decoded = BaseEncoding.base64().decode(digest);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(ErrorCode.INVALID_HASH,
                    "'" + shown(text) + "' has an invalid base64 digest: " + e.getMessage(), e);
        }
        if (!BaseEncoding.base64().encode(decoded).equals(digest)) {
            throw invalid("'" + shown(text) + "' has a non-canonical base64 digest (bits set in the padding)");
        }
        return decoded;
    }

    private static String shown(String text) {
        String cut = text.length() > 100 ? text.substring(0, 100) + "..." : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static BadInputException invalid(String message) {
        return new BadInputException(ErrorCode.INVALID_HASH, message);
    }
}
