package dev.attic.engine;

import dev.attic.cache.CacheName;
import dev.attic.signing.PublicKey;
import java.util.List;

/**
 * What a cache's configuration says, as upstream Attic's {@code cache-config} answers it. The
 * secret key never leaves the server; only its public half is here.
 */
public record CacheInfo(
        CacheName name,
        boolean isPublic,
        String storeDir,
        int priority,
        List<String> upstreamCacheKeyNames,
        PublicKey publicKey,
        Retention retention) {

    public CacheInfo {
        upstreamCacheKeyNames = List.copyOf(upstreamCacheKeyNames);
    }
}
