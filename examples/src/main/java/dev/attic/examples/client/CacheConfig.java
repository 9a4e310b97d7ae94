package dev.attic.examples.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code GET /_api/v1/cache-config/{cache}} says about a cache. */
record CacheConfig(
        Optional<String> substituterEndpoint,
        Optional<String> apiEndpoint,
        Optional<String> publicKey,
        boolean isPublic,
        String storeDir,
        int priority,
        List<String> upstreamCacheKeyNames,
        Optional<Duration> retentionPeriod) {
    CacheConfig {
        upstreamCacheKeyNames = List.copyOf(upstreamCacheKeyNames);
    }

    static CacheConfig fromJson(JsonNode json) {
        List<String> upstream = new ArrayList<>();
        json.path("upstream_cache_key_names").forEach(n -> upstream.add(n.asText()));
        JsonNode retention = json.path("retention_period");
        return new CacheConfig(
                text(json, "substituter_endpoint"),
                text(json, "api_endpoint"),
                text(json, "public_key"),
                json.path("is_public").asBoolean(false),
                json.path("store_dir").asText("/nix/store"),
                json.path("priority").asInt(41),
                upstream,
                retention.has("Period") ? Optional.of(Duration.ofSeconds(retention.get("Period").asLong())) : Optional.empty());
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
