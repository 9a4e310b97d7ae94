package dev.attic.auth;

import dev.attic.cache.CacheName;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified token: who holds it, when it is valid, and the permissions it grants per cache-name
 * pattern, as in upstream Attic's {@code https://jwt.attic.rs/v1} claim.
 */
public record Token(
        Optional<String> subject,
        Optional<Instant> notBefore,
        Optional<Instant> expiresAt,
        Map<CacheNamePattern, CachePermissions> grants) {

    /** The namespace of the custom claim that carries the grants, as upstream Attic names it. */
    public static final String CLAIM_NAMESPACE = "https://jwt.attic.rs/v1";

    private static final Comparator<CacheNamePattern> MOST_SPECIFIC_FIRST =
            Comparator.comparingInt(CacheNamePattern::literalCount).reversed()
                    .thenComparing(CacheNamePattern::value);

    public Token {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(expiresAt, "expiresAt");
        grants = Map.copyOf(grants);
    }

    /** A token with the given subject and expiry, granting nothing yet. */
    public static Token of(String subject, Instant notBefore, Instant expiresAt) {
        return new Token(Optional.of(subject), Optional.of(notBefore), Optional.of(expiresAt), Map.of());
    }

    /** This token with one more grant (replacing the grant for the same pattern). */
    public Token withGrant(CacheNamePattern pattern, CachePermissions permissions) {
        Map<CacheNamePattern, CachePermissions> more = new LinkedHashMap<>(grants);
        more.put(pattern, permissions);
        return new Token(subject, notBefore, expiresAt, more);
    }

    /**
     * The permissions this token holds on a cache: those of the pattern equal to its name if there
     * is one, else those of the most specific matching pattern (the most literal characters, then
     * the first in alphabetical order), else none. Upstream Attic takes an arbitrary matching pattern;
     * this choice is deterministic and lets a narrower pattern restrict a broader one.
     */
    public CachePermissions permissionsFor(CacheName cache) {
        CachePermissions exact = grants.get(new CacheNamePattern(cache.value()));
        if (exact != null) {
            return exact;
        }
        return grants.keySet().stream()
                .filter(pattern -> pattern.matches(cache))
                .min(MOST_SPECIFIC_FIRST)
                .map(grants::get)
                .orElse(CachePermissions.none());
    }
}
