package dev.attic.engine;

import dev.attic.auth.CachePermissions;
import dev.attic.auth.Token;
import dev.attic.cache.CacheName;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking: anonymous, or the holder of a verified token. Made by {@link Attic#authenticate}.
 */
public record Caller(Optional<Token> token) {
    private static final Caller ANONYMOUS = new Caller(Optional.empty());

    public Caller {
        Objects.requireNonNull(token, "token");
    }

    /** A caller without a token: it may read public caches and nothing else. */
    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /** The holder of a verified token. */
    public static Caller of(Token token) {
        return new Caller(Optional.of(token));
    }

    /** The token's subject, for the record of who uploaded what. */
    public Optional<String> subject() {
        return token.flatMap(Token::subject);
    }

    /** What the token grants on a cache, before the public-cache pull is added. */
    CachePermissions grantedOn(CacheName cache) {
        return token.map(t -> t.permissionsFor(cache)).orElse(CachePermissions.none());
    }
}
