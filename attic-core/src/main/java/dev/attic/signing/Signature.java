package dev.attic.signing;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.util.Arrays;

/**
 * An Ed25519 signature in Nix's format {@code <key name>:<base64 of 64 bytes>}, as it appears on a
 * narinfo {@code Sig:} line. The key name says which public key to verify it with.
 */
public record Signature(String keyName, byte[] bytes) {
    /** The length of an Ed25519 signature. */
    public static final int SIZE = 64;

    /** Validates the name and length and takes a copy of the bytes. */
    public Signature {
        NamedBase64.requireName(keyName, "signature", ErrorCode.INVALID_SIGNATURE);
        if (bytes.length != SIZE) {
            throw new BadInputException(ErrorCode.INVALID_SIGNATURE,
                    "an Ed25519 signature has " + SIZE + " bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /**
     * Parses {@code name:base64}.
     *
     * @throws BadInputException ({@link ErrorCode#INVALID_SIGNATURE}) on any other text
     */
    public static Signature parse(String text) {
        NamedBase64 parts = NamedBase64.parse(text, SIZE, "signature", ErrorCode.INVALID_SIGNATURE);
        return new Signature(parts.name(), parts.bytes());
    }

    /** A copy of the 64 bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Nix's format, {@code name:base64}. */
    @Override
    public String toString() {
        return NamedBase64.render(keyName, bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Signature s && keyName.equals(s.keyName) && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return keyName.hashCode() * 31 + Arrays.hashCode(bytes);
    }
}
