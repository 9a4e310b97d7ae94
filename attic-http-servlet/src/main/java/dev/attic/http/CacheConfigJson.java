package dev.attic.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.engine.CacheInfo;
import dev.attic.engine.CachePatch;
import dev.attic.engine.Retention;
import dev.attic.signing.SigningKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream Attic's cache configuration JSON: {@code keypair} is {@code "Generate"} or
 * {@code {"Keypair": "<name:base64>"}}, {@code retention_period} is {@code "Global"} or
 * {@code {"Period": <seconds>}}; the secret key is accepted but never returned.
 */
final class CacheConfigJson {
    private CacheConfigJson() {}

    /** {@code POST cache-config}: upstream's CreateCacheRequest; fields left out take the defaults. */
    static CachePatch createPatch(JsonNode body) {
        CachePatch.Builder patch = common(object(body));
        JsonNode keypair = body.get("keypair");
        if (keypair == null || keypair.isNull()) {
            patch.generateKeypair();
        }
        return patch.build();
    }

    /** {@code PATCH cache-config}: upstream's CacheConfig; read-only fields are ignored. */
    static CachePatch configurePatch(JsonNode body) {
        return common(object(body)).build();
    }

    private static CachePatch.Builder common(JsonNode body) {
        CachePatch.Builder patch = CachePatch.builder();
        JsonNode keypair = body.get("keypair");
        if (keypair != null && !keypair.isNull()) {
            if (keypair.isTextual() && keypair.asText().equals("Generate")) {
                patch.generateKeypair();
            } else if (keypair.isObject() && keypair.size() == 1 && keypair.path("Keypair").isTextual()) {
                patch.keypair(SigningKey.parse(keypair.get("Keypair").asText()));
            } else {
                throw bad("keypair must be \"Generate\" or {\"Keypair\": \"name:base64\"}");
            }
        }
        JsonNode isPublic = body.get("is_public");
        if (isPublic != null && !isPublic.isNull()) {
            if (!isPublic.isBoolean()) {
                throw bad("is_public must be true or false");
            }
            patch.isPublic(isPublic.asBoolean());
        }
        JsonNode storeDir = body.get("store_dir");
        if (storeDir != null && !storeDir.isNull()) {
            if (!storeDir.isTextual()) {
                throw bad("store_dir must be a string");
            }
            patch.storeDir(storeDir.asText());
        }
        JsonNode priority = body.get("priority");
        if (priority != null && !priority.isNull()) {
            if (!priority.isIntegralNumber() || !priority.canConvertToInt()) {
                throw bad("priority must be an integer");
            }
            patch.priority(priority.asInt());
        }
        JsonNode upstream = body.get("upstream_cache_key_names");
        if (upstream != null && !upstream.isNull()) {
            if (!upstream.isArray()) {
                throw bad("upstream_cache_key_names must be a list of strings");
            }
            List<String> names = new ArrayList<>();
            for (JsonNode name : upstream) {
                if (!name.isTextual()) {
                    throw bad("upstream_cache_key_names must be a list of strings");
                }
                names.add(name.asText());
            }
            patch.upstreamCacheKeyNames(names);
        }
        JsonNode retention = body.get("retention_period");
        if (retention != null && !retention.isNull()) {
            if (retention.isTextual() && retention.asText().equals("Global")) {
                patch.retention(Retention.global());
            } else if (retention.isObject() && retention.size() == 1 && retention.path("Period").canConvertToLong()
                    && retention.get("Period").asLong() >= 0 && retention.get("Period").asLong() <= 0xFFFF_FFFFL) {
                patch.retention(Retention.period(Duration.ofSeconds(retention.get("Period").asLong())));
            } else {
                throw bad("retention_period must be \"Global\" or {\"Period\": <seconds, 0 to 4294967295>}");
            }
        }
        return patch;
    }

    /** The public part of a cache's configuration, as upstream answers {@code GET cache-config}. */
    static Map<String, Object> describe(CacheInfo info) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("public_key", info.publicKey().toString());
        out.put("is_public", info.isPublic());
        out.put("store_dir", info.storeDir());
        out.put("priority", info.priority());
        out.put("upstream_cache_key_names", info.upstreamCacheKeyNames());
        out.put("retention_period", info.retention().period()
                .<Object>map(p -> Map.of("Period", p.getSeconds()))
                .orElse("Global"));
        return out;
    }

    private static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw bad("the request body must be a JSON object");
        }
        return body;
    }

    private static BadInputException bad(String message) {
        return new BadInputException(ErrorCode.BAD_REQUEST, message);
    }
}
