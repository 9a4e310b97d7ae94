package dev.attic.metadata;

import java.util.Objects;
import java.util.Optional;

/**
 * A live cache read together with the object for one store path in it (absent when the cache does
 * not hold that path): what serving a narinfo or a NAR needs, in one query.
 */
public record CacheAndObject(CacheRecord cache, Optional<ObjectWithNar> object) {
    public CacheAndObject {
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(object, "object");
        if (object.isPresent() && object.get().object().cacheId() != cache.id()) {
            throw new IllegalArgumentException("the object " + object.get().object().id() + " is in cache "
                    + object.get().object().cacheId() + ", not in " + cache.id());
        }
    }
}
