package dev.attic.auth;

import java.util.Optional;

/**
 * What a token may do to a cache, with the claim key upstream Attic writes for each in the
 * {@code https://jwt.attic.rs/v1} claim.
 */
public enum Permission {
    /** Read objects: narinfos and NARs. */
    PULL("r"),
    /** Upload objects. */
    PUSH("w"),
    /** Delete objects. */
    DELETE("d"),
    /** Create the cache. */
    CREATE_CACHE("cc"),
    /** Change the cache's configuration. */
    CONFIGURE_CACHE("cr"),
    /** Change the cache's retention period. */
    CONFIGURE_CACHE_RETENTION("cq"),
    /** Destroy the cache. */
    DESTROY_CACHE("cd");

    private final String claimKey;

    Permission(String claimKey) {
        this.claimKey = claimKey;
    }

    /** The key of this permission in a token's claim, e.g. {@code "r"}. */
    public String claimKey() {
        return claimKey;
    }

    /** The permission a claim key names, or empty for a key this version does not know. */
    public static Optional<Permission> fromClaimKey(String key) {
        for (Permission p : values()) {
            if (p.claimKey.equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
