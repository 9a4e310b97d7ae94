package dev.attic.signing;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 secret key in Nix's format {@code <name>:<base64 of seed (32) and public key (32)>},
 * as {@code nix-store --generate-binary-cache-key} writes it. Thread-safe.
 *
 * <p>Not a record on purpose: the secret has no accessor, {@link #toString()} is redacted so the key
 * cannot reach a log by accident, and {@link #toNixFormat()} is the one way to get the secret text.
 * Two keys are equal only when they are the same object.
 */
public final class SigningKey {
    private static final int SEED_SIZE = 32;

    private final String name;
    private final Ed25519PrivateKeyParameters secret;
    private final PublicKey publicKey;

    private SigningKey(String name, Ed25519PrivateKeyParameters secret) {
        NamedBase64.requireName(name, "signing key", ErrorCode.INVALID_KEY);
        this.name = name;
        this.secret = secret;
        this.publicKey = PublicKey.of(name, secret.generatePublicKey().getEncoded());
    }

    /** A new random key named {@code name}. */
    public static SigningKey generate(String name, SecureRandom random) {
        return new SigningKey(name, new Ed25519PrivateKeyParameters(random));
    }

    /**
     * Parses {@code name:base64(seed ‖ public key)}; surrounding whitespace, such as the newline at
     * the end of a key file, is ignored.
     *
     * @throws BadInputException ({@link ErrorCode#INVALID_KEY}) when the text is not in that format
     *     or the public half is not the one the seed derives
     */
    public static SigningKey parse(String text) {
        NamedBase64 parts = NamedBase64.parse(text.strip(), SEED_SIZE + PublicKey.SIZE, "signing key",
                ErrorCode.INVALID_KEY);
        byte[] both = parts.bytes();
        SigningKey key = new SigningKey(parts.name(), new Ed25519PrivateKeyParameters(both, 0));
        byte[] stated = Arrays.copyOfRange(both, SEED_SIZE, both.length);
        if (!MessageDigest.isEqual(stated, key.publicKey.bytes())) {
            throw new BadInputException(ErrorCode.INVALID_KEY,
                    "signing key '" + parts.name() + "' is inconsistent: its public half is not the one its seed derives");
        }
        Arrays.fill(both, (byte) 0);
        return key;
    }

    /** The key name its signatures carry. */
    public String name() {
        return name;
    }

    /** The matching public key, with the same name. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** Signs {@code fingerprint}. Ed25519 is deterministic: the same input gives the same signature. */
    public Signature sign(Fingerprint fingerprint) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, secret);
        byte[] message = fingerprint.bytes();
        signer.update(message, 0, message.length);
        return new Signature(name, signer.generateSignature());
    }

    /** The secret key in Nix's format. Handle the result as a secret. */
    public String toNixFormat() {
        byte[] both = new byte[SEED_SIZE + PublicKey.SIZE];
        secret.encode(both, 0);
        System.arraycopy(publicKey.bytes(), 0, both, SEED_SIZE, PublicKey.SIZE);
        String text = NamedBase64.render(name, both);
        Arrays.fill(both, (byte) 0);
        return text;
    }

    /** The name and public key only; the secret is redacted. */
    @Override
    public String toString() {
        return "SigningKey[" + name + ", public " + publicKey + ", secret redacted]";
    }
}
