package dev.attic.signing;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 public key in Nix's format {@code <name>:<base64 of 32 bytes>}, as in
 * {@code trusted-public-keys}. A value: equal when name and bytes are equal. Thread-safe; it
 * keeps the decoded curve point so that {@link #verify} does not decode it again.
 */
public final class PublicKey {
    /** The length of an Ed25519 public key. */
    public static final int SIZE = 32;

    private final String name;
    private final byte[] bytes;
    private final Ed25519PublicKeyParameters parameters;

    private PublicKey(String name, byte[] bytes) {
        NamedBase64.requireName(name, "public key", ErrorCode.INVALID_KEY);
        if (bytes.length != SIZE) {
            throw new BadInputException(ErrorCode.INVALID_KEY,
                    "an Ed25519 public key has " + SIZE + " bytes, got " + bytes.length);
        }
        this.name = name;
        this.bytes = bytes.clone();
        try {
            this.parameters = new Ed25519PublicKeyParameters(this.bytes);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(ErrorCode.INVALID_KEY,
                    "public key '" + name + "' is not a point on the Ed25519 curve", e);
        }
    }

    /** A key from its name and 32 bytes. */
    public static PublicKey of(String name, byte[] bytes) {
        return new PublicKey(name, bytes);
    }

    /**
     * Parses {@code name:base64}; surrounding whitespace, such as the newline at the end of a key
     * file, is ignored.
     *
     * @throws BadInputException ({@link ErrorCode#INVALID_KEY}) on anything else
     */
    public static PublicKey parse(String text) {
        NamedBase64 parts = NamedBase64.parse(text.strip(), SIZE, "public key", ErrorCode.INVALID_KEY);
        return new PublicKey(parts.name(), parts.bytes());
    }

    /** The name signatures made with the matching secret key carry. */
    public String name() {
        return name;
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * True when {@code signature} carries this key's name and is a valid signature of
     * {@code fingerprint} by this key. A signature under another name is not this key's: false.
     */
    public boolean verify(Fingerprint fingerprint, Signature signature) {
        if (!signature.keyName().equals(name)) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, parameters);
        byte[] message = fingerprint.bytes();
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature.bytes());
    }

    /** Nix's format, {@code name:base64}. */
    @Override
    public String toString() {
        return NamedBase64.render(name, bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicKey k && name.equals(k.name) && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(bytes);
    }
}
