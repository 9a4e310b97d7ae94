package dev.attic.http;

import java.net.URI;
import java.util.Optional;

/**
 * How the servlet presents itself.
 *
 * @param apiEndpoint the public URL of the server's root (upstream's {@code api-endpoint}), which
 *     cache-config answers name; empty to derive it from each request's Host
 * @param maxNarInfoBytes the largest upload description: an {@code X-Attic-Nar-Info-Preamble-Size}
 *     or a narinfo PUT above it is refused
 * @param maxRequestJsonBytes the largest JSON request body (get-missing-paths, cache-config)
 * @param revealDeduplication whether an upload's answer says how much of it was already stored
 *     anywhere on the server ({@code file_size}, {@code frac_deduplicated}, and "Deduplicated" for a
 *     NAR another cache holds). That tells a pusher what other tenants stored, so it is off by
 *     default: then the answer says "Deduplicated" only when this cache already held the path, and
 *     leaves the two figures out. Turn it on for a server whose caches all trust each other.
 */
public record HttpSettings(Optional<URI> apiEndpoint, int maxNarInfoBytes, int maxRequestJsonBytes,
        boolean revealDeduplication) {
    public HttpSettings {
        if (maxNarInfoBytes < 4096 || maxRequestJsonBytes < 4096) {
            throw new IllegalArgumentException("the size limits must be at least 4096 bytes");
        }
        apiEndpoint = apiEndpoint.map(u -> u.toString().endsWith("/") ? u : URI.create(u + "/"));
    }

    /** No fixed endpoint, 1 MiB descriptions, 16 MiB JSON (about 300,000 store path hashes), no dedup figures. */
    public static HttpSettings defaults() {
        return new HttpSettings(Optional.empty(), 1024 * 1024, 16 * 1024 * 1024, false);
    }

    public HttpSettings withApiEndpoint(URI endpoint) {
        return new HttpSettings(Optional.of(endpoint), maxNarInfoBytes, maxRequestJsonBytes, revealDeduplication);
    }

    public HttpSettings withRevealDeduplication(boolean reveal) {
        return new HttpSettings(apiEndpoint, maxNarInfoBytes, maxRequestJsonBytes, reveal);
    }
}
