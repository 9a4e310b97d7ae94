package dev.attic.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/** The JSON bodies of upstream Attic's API v1, with its snake_case field names. */
final class ApiMessages {
    private ApiMessages() {}

    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    record GetMissingPathsRequest(String cache, List<String> storePathHashes) {}

    record GetMissingPathsResponse(List<String> missingPaths) {}

    /** What {@code X-Attic-Nar-Info} (or the preamble) carries. */
    record UploadPathNarInfo(
            String cache,
            String storePathHash,
            String storePath,
            List<String> references,
            String system,
            String deriver,
            List<String> sigs,
            String ca,
            String narHash,
            long narSize) {}

    record UploadPathResult(String kind, Long fileSize, Double fracDeduplicated) {}
}
