package dev.attic.examples.client;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.util.Objects;
import java.util.Optional;

/** A cache as the user names it: {@code CACHE} (on the default server) or {@code SERVER:CACHE}. */
record CacheRef(Optional<String> server, String cache) {
    CacheRef {
        Objects.requireNonNull(server, "server");
        if (cache == null || cache.isEmpty()) {
            throw new BadInputException(ErrorCode.INVALID_CACHE_NAME, "the cache name is empty");
        }
    }

    static CacheRef parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new CacheRef(Optional.empty(), text);
        }
        String server = text.substring(0, colon);
        if (server.isEmpty()) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "'" + text + "': the server name before ':' is empty");
        }
        return new CacheRef(Optional.of(server), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return server.map(s -> s + ":").orElse("") + cache;
    }
}
