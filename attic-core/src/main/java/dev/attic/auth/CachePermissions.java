package dev.attic.auth;

import dev.attic.AccessDeniedException;
import dev.attic.ErrorCode;
import java.util.EnumSet;
import java.util.Set;

/** The permissions a caller holds on one cache. */
public record CachePermissions(Set<Permission> granted) {
    private static final CachePermissions NONE = new CachePermissions(Set.of());

    public CachePermissions {
        granted = granted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(granted));
    }

    /** No permission at all: the caller may not even learn whether the cache exists. */
    public static CachePermissions none() {
        return NONE;
    }

    /** The given permissions. */
    public static CachePermissions of(Permission... permissions) {
        return new CachePermissions(Set.of(permissions));
    }

    public boolean has(Permission permission) {
        return granted.contains(permission);
    }

    /**
     * Whether the caller may learn that the cache exists: any permission implies it, as upstream.
     * A caller who may not is told {@code Unauthorized} for everything about the cache, whether it
     * exists or not.
     */
    public boolean canDiscover() {
        return !granted.isEmpty();
    }

    /** These permissions plus pull, which everyone has on a public cache. */
    public CachePermissions withPublicPull() {
        if (has(Permission.PULL)) {
            return this;
        }
        EnumSet<Permission> more = granted.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(granted);
        more.add(Permission.PULL);
        return new CachePermissions(more);
    }

    /**
     * Throws unless the permission is held: {@code Forbidden} when the caller may discover the
     * cache, {@code Unauthorized} otherwise (so the answer reveals nothing about its existence).
     */
    public void require(Permission permission) {
        if (has(permission)) {
            return;
        }
        if (canDiscover()) {
            throw new AccessDeniedException(ErrorCode.FORBIDDEN,
                    "this token lacks the " + permission.name().toLowerCase().replace('_', ' ') + " permission on this cache");
        }
        throw new AccessDeniedException(ErrorCode.UNAUTHORIZED, "unauthorized");
    }

    /** Throws {@code Unauthorized} unless the caller may learn that the cache exists. */
    public void requireDiscover() {
        if (!canDiscover()) {
            throw new AccessDeniedException(ErrorCode.UNAUTHORIZED, "unauthorized");
        }
    }
}
