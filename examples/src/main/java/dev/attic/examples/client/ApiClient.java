package dev.attic.examples.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Upstream Attic's API v1 over {@code java.net.http} (HTTP/1.1): cache configuration, the missing
 * paths of a closure, and uploads that stream a NAR as the request body. Every call has a timeout;
 * an error answer becomes a {@link ServerError} with the server's message.
 */
final class ApiClient {
    /** Larger upload descriptions go in the body (a preamble), as upstream does. */
    static final int MAX_HEADER_NAR_INFO = 4096;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final URI endpoint;
    private final Optional<String> token;
    private final HttpClient http;

    ApiClient(ServerConfig server, ExecutorService executor) {
        this.endpoint = server.endpoint();
        this.token = server.token();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(executor)
                .build();
    }

    CacheConfig cacheConfig(String cache) {
        return CacheConfig.fromJson(call(request(configPath(cache)).GET()));
    }

    void createCache(String cache, Map<String, Object> body) {
        call(request(configPath(cache)).POST(json(body)).header("Content-Type", "application/json"));
    }

    void configureCache(String cache, Map<String, Object> patch) {
        call(request(configPath(cache)).method("PATCH", json(patch)).header("Content-Type", "application/json"));
    }

    void destroyCache(String cache) {
        call(request(configPath(cache)).DELETE());
    }

    /** The hashes among {@code storePathHashes} the cache does not have. */
    List<String> missingPaths(String cache, Collection<String> storePathHashes) {
        JsonNode answer = call(request("_api/v1/get-missing-paths")
                .POST(json(Map.of("cache", cache, "store_path_hashes", List.copyOf(storePathHashes))))
                .header("Content-Type", "application/json"));
        List<String> missing = new ArrayList<>();
        answer.path("missing_paths").forEach(n -> missing.add(n.asText()));
        return missing;
    }

    /**
     * Uploads one NAR: {@code narInfo} is the JSON description, {@code nar} streams the uncompressed
     * NAR of exactly {@code narSize} bytes. The description rides in {@code X-Attic-Nar-Info}, or in a
     * preamble when it is over {@link #MAX_HEADER_NAR_INFO} bytes.
     */
    UploadResult uploadPath(Map<String, Object> narInfo, long narSize, Supplier<InputStream> nar) {
        byte[] info = bytes(narInfo);
        HttpRequest.Builder request = request("_api/v1/upload-path")
                .timeout(Duration.ofMinutes(10).plusSeconds(narSize / (512 * 1024)))
                .header("Content-Type", "application/octet-stream");
        HttpRequest.BodyPublisher body;
        if (info.length <= MAX_HEADER_NAR_INFO) {
            request.header("X-Attic-Nar-Info", new String(info, StandardCharsets.UTF_8));
            body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(nar), narSize);
        } else {
            request.header("X-Attic-Nar-Info-Preamble-Size", Integer.toString(info.length));
            body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                    () -> new SequenceInputStream(new ByteArrayInputStream(info), nar.get())), info.length + narSize);
        }
        JsonNode answer = call(request.PUT(body));
        return new UploadResult("Deduplicated".equals(answer.path("kind").asText()),
                answer.path("file_size").asLong(0), answer.path("frac_deduplicated").asDouble(0),
                answer.has("frac_deduplicated"));
    }

    private static String configPath(String cache) {
        return "_api/v1/cache-config/" + URLEncoder.encode(cache, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(CALL_TIMEOUT)
                .header("Accept", "application/json")
                .header("User-Agent", "attic-java");
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofByteArray(bytes(body));
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new ClientException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private JsonNode call(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw ServerError.unreachable(request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServerError.unreachable(request.uri(), new IOException("interrupted"));
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status / 100 == 2) {
            return body == null ? JSON.createObjectNode() : body;
        }
        String error = body != null && body.path("error").isTextual() ? body.get("error").asText() : "HTTP " + status;
        String message = body != null && body.path("message").isTextual()
                ? body.get("message").asText()
                : "the server answered " + status + " to " + request.method() + " " + request.uri().getPath()
                        + preview(response.body());
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(ApiClient::seconds);
        throw new ServerError(status, error, message, retryAfter);
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : ": " + text.replaceAll("\\s+", " ");
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }
}
