package dev.attic.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.nix.Hash;
import dev.attic.nix.StorePath;
import dev.attic.signing.Fingerprint;
import dev.attic.signing.Signature;
import dev.attic.signing.SigningKey;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignaturesTest {
    private static final StorePath PATH = StorePath.parse("/nix/store/7h7qgvs4kgzsn8a6rb273saxyqh4jxlz-hello-2.12");
    private static final StorePath REF = StorePath.parse("/nix/store/3n58xw4373jp0ljirf06d8077j15pc4j-glibc-2.37-8");

    private final Signatures signatures = new Signatures();
    private final SecureRandom random = new SecureRandom();

    private static Fingerprint fingerprint(long narSize, List<StorePath> refs) {
        return Fingerprint.of(PATH, Hash.sha256Of(new byte[] {1, 2, 3}), narSize, refs);
    }

    @Test
    void aRememberedSignatureIsTheOneTheKeyMakesAndVerifies() {
        SigningKey key = SigningKey.generate("cache-1", random);
        Fingerprint fp = fingerprint(1000, List.of(REF));
        Signature first = signatures.sign(key, fp);
        Signature again = signatures.sign(key, fp);
        assertEquals(key.sign(fp), first);
        assertEquals(first, again);
        assertTrue(key.publicKey().verify(fp, again));
    }

    @Test
    void anotherKeyWithTheSameNameIsNeverAnsweredWithTheOldSignature() {
        SigningKey old = SigningKey.generate("cache-1", random);
        SigningKey rotated = SigningKey.generate("cache-1", random);
        Fingerprint fp = fingerprint(1000, List.of(REF));
        Signature before = signatures.sign(old, fp);
        Signature after = signatures.sign(rotated, fp);
        assertNotEquals(before, after);
        assertTrue(rotated.publicKey().verify(fp, after));
        assertFalse(rotated.publicKey().verify(fp, before));
    }

    @Test
    void everyFieldOfTheFingerprintChangesTheSignature() {
        SigningKey key = SigningKey.generate("cache-1", random);
        Fingerprint base = fingerprint(1000, List.of(REF));
        Signature signed = signatures.sign(key, base);
        for (Fingerprint other : List.of(fingerprint(1001, List.of(REF)), fingerprint(1000, List.of()),
                Fingerprint.of(PATH, Hash.sha256Of(new byte[] {9}), 1000, List.of(REF)))) {
            Signature s = signatures.sign(key, other);
            assertNotEquals(signed, s, other.value());
            assertTrue(key.publicKey().verify(other, s), other.value());
            assertFalse(key.publicKey().verify(other, signed), other.value());
        }
    }
}
