package dev.attic.metadata;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.metadata.internal.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The settings of one cache, as its owner configures them.
 *
 * @param isPublic whether anonymous callers may pull from it
 * @param storeDir the Nix store directory its paths live in, such as {@code /nix/store}
 * @param priority the binary cache priority advertised in {@code nix-cache-info}
 * @param upstreamCacheKeyNames key names whose signatures mark a path as coming from an upstream
 *     cache (such as {@code cache.nixos.org-1}); the client skips pushing those
 * @param keypair the cache's signing key pair as stored (an opaque string: its format belongs to
 *     the signing code); never printed by {@link #toString()}
 * @param retentionPeriod how long an object is kept after its last access; null falls back to the
 *     garbage collector's default; {@link Duration#ZERO} keeps objects forever
 */
public record CacheConfig(
        boolean isPublic,
        String storeDir,
        int priority,
        List<String> upstreamCacheKeyNames,
        String keypair,
        Duration retentionPeriod) {

    public CacheConfig {
        Objects.requireNonNull(storeDir, "storeDir");
        if (!storeDir.startsWith("/") || storeDir.length() < 2 || storeDir.endsWith("/")) {
            throw new BadInputException(ErrorCode.BAD_REQUEST,
                    "storeDir must be an absolute path without a trailing slash: \"" + storeDir + '"');
        }
        upstreamCacheKeyNames = Checks.words("upstream cache key name", upstreamCacheKeyNames);
        Objects.requireNonNull(keypair, "keypair");
        if (retentionPeriod != null && retentionPeriod.isNegative()) {
            throw new BadInputException(ErrorCode.BAD_REQUEST,
                    "retentionPeriod must not be negative: " + retentionPeriod);
        }
    }

    @Override
    public String toString() {
        return "CacheConfig[isPublic=" + isPublic + ", storeDir=" + storeDir + ", priority=" + priority
                + ", upstreamCacheKeyNames=" + upstreamCacheKeyNames + ", keypair=<redacted>"
                + ", retentionPeriod=" + retentionPeriod + ']';
    }
}
