package dev.attic.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.AccessDeniedException;
import dev.attic.ErrorCode;
import dev.attic.cache.CacheName;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenPermissionsTest {
    private final Token token = Token.of("alice", Instant.EPOCH, Instant.EPOCH.plusSeconds(1))
            .withGrant(CacheNamePattern.of("*"), CachePermissions.of(Permission.PULL))
            .withGrant(CacheNamePattern.of("team-*"), CachePermissions.of(Permission.PULL, Permission.PUSH))
            .withGrant(CacheNamePattern.of("team-secret-*"), CachePermissions.of(Permission.DELETE))
            .withGrant(CacheNamePattern.of("team-exact"), CachePermissions.of(Permission.DESTROY_CACHE));

    @Test
    void exactGrantWinsOverPatterns() {
        assertEquals(CachePermissions.of(Permission.DESTROY_CACHE), token.permissionsFor(CacheName.of("team-exact")));
    }

    @Test
    void mostSpecificPatternWins() {
        assertEquals(CachePermissions.of(Permission.DELETE), token.permissionsFor(CacheName.of("team-secret-x")));
        assertEquals(CachePermissions.of(Permission.PULL, Permission.PUSH), token.permissionsFor(CacheName.of("team-a")));
        assertEquals(CachePermissions.of(Permission.PULL), token.permissionsFor(CacheName.of("elsewhere")));
    }

    @Test
    void noMatchingGrantMeansNoDiscovery() {
        Token narrow = Token.of("bob", Instant.EPOCH, Instant.EPOCH.plusSeconds(1))
                .withGrant(CacheNamePattern.of("bob-*"), CachePermissions.of(Permission.PULL));
        CachePermissions none = narrow.permissionsFor(CacheName.of("alice-private"));
        assertFalse(none.canDiscover());
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> none.require(Permission.PULL));
        assertEquals(ErrorCode.UNAUTHORIZED, e.code(), "a caller without discovery learns nothing");
    }

    @Test
    void discoverableButNotPermittedIsForbidden() {
        CachePermissions readOnly = CachePermissions.of(Permission.PULL);
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> readOnly.require(Permission.PUSH));
        assertEquals(ErrorCode.FORBIDDEN, e.code());
        readOnly.require(Permission.PULL);
    }

    @Test
    void publicCacheGrantsPullToEveryone() {
        CachePermissions anonymous = CachePermissions.none().withPublicPull();
        assertTrue(anonymous.has(Permission.PULL));
        assertTrue(anonymous.canDiscover());
        assertEquals(ErrorCode.FORBIDDEN,
                assertThrows(AccessDeniedException.class, () -> anonymous.require(Permission.PUSH)).code());
    }
}
