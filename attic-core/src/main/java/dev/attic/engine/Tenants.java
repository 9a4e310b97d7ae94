package dev.attic.engine;

import dev.attic.AccessDeniedException;
import dev.attic.ErrorCode;
import dev.attic.NotFoundException;
import dev.attic.auth.CachePermissions;
import dev.attic.auth.Permission;
import dev.attic.cache.CacheName;
import dev.attic.metadata.CacheAndObject;
import dev.attic.metadata.CacheRecord;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.ObjectWithNar;
import java.util.Optional;

/**
 * Finds a cache on behalf of a caller and checks what the caller may do, so that an answer never
 * tells a caller without discovery permission whether a private cache exists.
 */
final class Tenants {
    private final MetadataStore metadata;

    Tenants(MetadataStore metadata) {
        this.metadata = metadata;
    }

    /** A cache and what the caller may do to it. */
    record Tenant(CacheRecord cache, CacheName name, CachePermissions permissions) {}

    /**
     * The cache, if the caller holds {@code permission} on it.
     *
     * @throws AccessDeniedException {@code UNAUTHORIZED} when the caller may not learn whether the
     *     cache exists (whether it does or not), {@code FORBIDDEN} when it may but lacks the permission
     * @throws NotFoundException {@code NO_SUCH_CACHE} when the caller may learn that it does not exist
     */
    Tenant require(Caller caller, CacheName name, Permission permission) {
        return check(caller, name, permission, metadata.findCache(name.value()));
    }

    /**
     * As {@link #require}, with the object for a store path in the cache read in the same query
     * (which the answer reveals only once the caller's permission is checked).
     */
    TenantObject require(Caller caller, CacheName name, Permission permission, String storePathHash) {
        Optional<CacheAndObject> both = metadata.findCacheAndObject(name.value(), storePathHash);
        Tenant tenant = check(caller, name, permission, both.map(CacheAndObject::cache));
        return new TenantObject(tenant, both.get().object());
    }

    /** A cache the caller may use, with the object for a store path in it (empty if it holds none). */
    record TenantObject(Tenant tenant, Optional<ObjectWithNar> object) {}

    private static Tenant check(Caller caller, CacheName name, Permission permission, Optional<CacheRecord> cache) {
        CachePermissions granted = caller.grantedOn(name);
        if (cache.isEmpty()) {
            granted.requireDiscover();
            throw new NotFoundException(ErrorCode.NO_SUCH_CACHE, "no cache named " + name);
        }
        CachePermissions effective = cache.get().config().isPublic() ? granted.withPublicPull() : granted;
        effective.require(permission);
        return new Tenant(cache.get(), name, effective);
    }

    /** Throws unless the caller's token holds {@code permission} on the name (for creating a cache). */
    void requireGranted(Caller caller, CacheName name, Permission permission) {
        caller.grantedOn(name).require(permission);
    }
}
