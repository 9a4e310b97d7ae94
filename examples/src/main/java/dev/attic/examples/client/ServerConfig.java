package dev.attic.examples.client;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** One {@code [servers.NAME]} table of the client's config: where the server is and the token to send. */
record ServerConfig(URI endpoint, Optional<String> token) {
    ServerConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(token, "token");
        if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())) || endpoint.getHost() == null) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "the server endpoint must be an http:// or https:// URL, not '"
                    + endpoint + "'");
        }
        if (!endpoint.getPath().endsWith("/")) {
            endpoint = URI.create(endpoint + "/");
        }
        token = token.filter(t -> !t.isBlank());
    }

    static ServerConfig of(String endpoint, String token) {
        URI uri;
        try {
            uri = new URI(endpoint.strip());
        } catch (java.net.URISyntaxException e) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "'" + endpoint + "' is not a URL: " + e.getReason());
        }
        return new ServerConfig(uri, Optional.ofNullable(token));
    }
}
