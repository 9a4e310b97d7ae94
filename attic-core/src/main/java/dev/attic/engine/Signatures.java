package dev.attic.engine;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.attic.signing.Fingerprint;
import dev.attic.signing.Signature;
import dev.attic.signing.SigningKey;

/**
 * The signatures of narinfo fingerprints, remembered, so serving a narinfo again costs no Ed25519
 * signing. Never stale: Ed25519 is deterministic (the same key and message give the same
 * signature), and an entry is keyed on everything that goes into the signature, the fingerprint
 * ({@code 1;path;narHash;narSize;refs}) and the key itself (by identity: a changed keypair is
 * another key object, hence a miss). What else a narinfo says is read from the metadata each time.
 */
final class Signatures {
    /** Bounded by the characters of the remembered fingerprints: about 32 MiB at most. */
    static final long MAX_WEIGHT = 16L * 1024 * 1024;

    private record Signed(SigningKey key, Fingerprint fingerprint) {}

    private final Cache<Signed, Signature> remembered = CacheBuilder.newBuilder()
            .maximumWeight(MAX_WEIGHT)
            .weigher((Signed s, Signature sig) -> s.fingerprint().value().length() + 128)
            .build();

    /** {@code key}'s signature of {@code fingerprint}: the remembered one, or a new one. */
    Signature sign(SigningKey key, Fingerprint fingerprint) {
        return remembered.asMap().computeIfAbsent(new Signed(key, fingerprint), s -> key.sign(fingerprint));
    }
}
