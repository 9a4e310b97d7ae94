package dev.attic.engine;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.attic.metadata.ObjectInfo;
import dev.attic.metadata.ObjectWithNar;
import dev.attic.narinfo.NarInfo;
import dev.attic.signing.SigningKey;

/**
 * The narinfos served, remembered by everything they are made of, so serving one again costs no
 * parsing, validation or signing. Never stale: the key is the whole input of
 * {@link NarInfos#served}, the object's fields as read from the metadata on this request, its NAR's
 * hash and size, and the cache's signing key (by identity, as in {@link Signatures}); anything that
 * changed in the database since is a different key, hence a miss. This remembers a function's
 * results; what the database says is still read on every request.
 */
final class ServedNarInfos {
    /** Bounded by the characters of the remembered inputs: a few tens of MiB at most. */
    static final long MAX_WEIGHT = 16L * 1024 * 1024;

    private record Made(SigningKey key, ObjectInfo info, String narHash, long narSize) {
        int weight() {
            int refs = 0;
            for (String r : info.references()) {
                refs += r.length();
            }
            for (String s : info.sigs()) {
                refs += s.length();
            }
            return 512 + info.storePath().length() + refs * 2;
        }
    }

    private final Signatures signatures;
    private final Cache<Made, NarInfo> remembered = CacheBuilder.newBuilder()
            .maximumWeight(MAX_WEIGHT)
            .weigher((Made m, NarInfo n) -> m.weight())
            .build();

    ServedNarInfos(Signatures signatures) {
        this.signatures = signatures;
    }

    /** The narinfo served for the object, signed with {@code key}: the remembered one, or a new one. */
    NarInfo of(ObjectWithNar found, SigningKey key) {
        Made made = new Made(key, found.object().info(), found.nar().narHash(), found.nar().narSize());
        NarInfo known = remembered.getIfPresent(made);
        if (known != null) {
            return known;
        }
        NarInfo served = NarInfos.served(found, key, signatures);
        remembered.put(made, served);
        return served;
    }
}
