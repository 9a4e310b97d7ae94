package dev.attic.metadata.libsql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client for libSQL's "Hrana over HTTP" protocol, version 3: every call is one POST to
 * {@code /v3/pipeline} carrying a list of requests on one stream. A stream lives on the server
 * between calls only through its baton (see {@link HranaStream}); a one-off statement opens a
 * stream and closes it in the same call.
 *
 * <p>Speaks HTTP/1.1 only (sqld accepts an HTTP/2 upgrade and then stops answering). Every call
 * has a deadline covering the whole exchange, body included. Thread-safe.
 */
final class HranaClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final URI baseUrl;
    private final String authorization;
    private final Duration timeout;
    private final ExecutorService executor;
    private final HttpClient http;

    /**
     * @param url {@code libsql://host} (HTTPS), {@code https://host[:port]} or {@code http://host:port}
     * @param authToken a JWT the server accepts, or null for a server without auth
     * @param timeout the deadline of every call
     */
    HranaClient(String url, String authToken, Duration timeout) {
        this.baseUrl = httpUrl(url);
        this.authorization = authToken == null || authToken.isBlank() ? null : "Bearer " + authToken.strip();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        // A small bounded pool for the HTTP client's own work (callers block in send below).
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "attic-libsql-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .executor(executor)
                .build();
    }

    /** The HTTP(S) base URL for a libSQL URL; a bad URL is an {@link IllegalArgumentException}. */
    static URI httpUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a libSQL URL is required (libsql://host, https://host or http://host:port)");
        }
        String u = url.strip();
        if (u.startsWith("libsql://")) {
            u = "https://" + u.substring("libsql://".length());
        }
        URI uri;
        try {
            uri = URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a libSQL URL: " + url, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "a libSQL URL is libsql://host, https://host or http://host:port, not " + url);
        }
        if (uri.getRawQuery() != null) {
            // Not echoed: the query part may well hold a token.
            throw new IllegalArgumentException("a libSQL URL has no query part (pass the auth token apart): "
                    + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "?…");
        }
        return uri;
    }

    URI baseUrl() {
        return baseUrl;
    }

    Duration timeout() {
        return timeout;
    }

    /** A new stream; nothing is sent until its first statement. */
    HranaStream openStream() {
        return new HranaStream(this);
    }

    /** Runs one statement on a stream of its own (auto-commit). */
    StatementResult execute(Stmt stmt) throws SQLException {
        try (HranaStream stream = openStream()) {
            return stream.executeAndClose(stmt);
        }
    }

    /** Runs one batch on a stream of its own. */
    BatchResult batch(List<BatchStep> steps) throws SQLException {
        try (HranaStream stream = openStream()) {
            return stream.batchAndClose(steps);
        }
    }

    /** What one pipeline call answered. */
    record Pipeline(String baton, String baseUrl, List<JsonNode> results) {}

    /**
     * Sends requests on the stream with this baton (null opens a new stream) and returns the
     * new baton and the results, one per request, each {@code {"type":"ok"|"error",...}}.
     */
    Pipeline pipeline(URI base, String baton, List<ObjectNode> requests) throws SQLException {
        ObjectNode body = NODES.objectNode();
        body.put("baton", baton);
        ArrayNode array = body.putArray("requests");
        requests.forEach(array::add);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(base.getRawPath() + "/v3/pipeline"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response = send(request.build());
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw errorResponse(response.statusCode(), text);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new SQLNonTransientException("libSQL server sent a pipeline response that is not JSON", e);
        }
        JsonNode results = root.path("results");
        if (!results.isArray() || results.size() != requests.size()) {
            throw new SQLNonTransientException("libSQL server sent " + results.size() + " results for "
                    + requests.size() + " requests");
        }
        List<JsonNode> list = new ArrayList<>(results.size());
        results.forEach(list::add);
        return new Pipeline(textOrNull(root.get("baton")), textOrNull(root.get("base_url")), list);
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws SQLException {
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            // The request timeout covers only the wait for headers; this bounds the body too.
            return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new SQLTimeoutException("libSQL server at " + baseUrl + " did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SQLTimeoutException("interrupted while waiting for libSQL at " + baseUrl, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new SQLTimeoutException("libSQL server at " + baseUrl + " did not answer within " + timeout,
                        cause);
            }
            throw new SQLTransientConnectionException("cannot reach libSQL server at " + baseUrl + ": " + cause,
                    "08001", cause);
        }
    }

    private static SQLException errorResponse(int status, String text) {
        try {
            JsonNode error = JSON.readTree(text);
            if (error != null && error.hasNonNull("code") && status < 500 && status != 401 && status != 403) {
                return HranaErrors.fromServer(error.path("message").asText(error.path("error").asText()),
                        error.get("code").asText());
            }
        } catch (IOException notJson) {
            // fall through: the body is shown as it came
        }
        return HranaErrors.fromHttp(status, text.length() > 500 ? text.substring(0, 500) + "…" : text);
    }

    private static byte[] bytes(JsonNode node) throws SQLException {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new SQLNonTransientException("cannot encode a Hrana request", e);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    // ---- the Hrana JSON encoding -------------------------------------------------------------

    static ObjectNode executeRequest(Stmt stmt) {
        ObjectNode request = NODES.objectNode().put("type", "execute");
        request.set("stmt", stmtJson(stmt));
        return request;
    }

    static ObjectNode batchRequest(List<BatchStep> steps) {
        ObjectNode request = NODES.objectNode().put("type", "batch");
        ArrayNode array = request.putObject("batch").putArray("steps");
        for (BatchStep step : steps) {
            ObjectNode s = array.addObject();
            if (step.condition() != null) {
                s.set("condition", step.condition().json());
            }
            s.set("stmt", stmtJson(step.stmt()));
        }
        return request;
    }

    static ObjectNode closeRequest() {
        return NODES.objectNode().put("type", "close");
    }

    private static ObjectNode stmtJson(Stmt stmt) {
        ObjectNode node = NODES.objectNode().put("sql", stmt.sql()).put("want_rows", stmt.wantRows());
        ArrayNode args = node.putArray("args");
        stmt.args().forEach(a -> args.add(value(a)));
        return node;
    }

    static ObjectNode value(Object v) {
        ObjectNode node = NODES.objectNode();
        if (v == null) {
            return node.put("type", "null");
        } else if (v instanceof Long l) {
            return node.put("type", "integer").put("value", Long.toString(l));
        } else if (v instanceof Double d) {
            return node.put("type", "float").put("value", d);
        } else if (v instanceof String s) {
            return node.put("type", "text").put("value", s);
        } else if (v instanceof byte[] b) {
            return node.put("type", "blob").put("base64", Base64.getEncoder().withoutPadding().encodeToString(b));
        }
        throw new IllegalArgumentException("no Hrana value for " + v.getClass().getName());
    }

    static Object value(JsonNode node) throws SQLException {
        String type = node.path("type").asText();
        switch (type) {
            case "null":
                return null;
            case "integer":
                try {
                    return Long.parseLong(node.path("value").asText());
                } catch (NumberFormatException e) {
                    throw new SQLNonTransientException("libSQL sent a bad integer: " + node, e);
                }
            case "float":
                return node.path("value").asDouble();
            case "text":
                return node.path("value").asText();
            case "blob":
                return Base64.getDecoder().decode(node.path("base64").asText());
            default:
                throw new SQLNonTransientException("libSQL sent a value of unknown type: " + node);
        }
    }

    static StatementResult statementResult(JsonNode result) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JsonNode col : result.path("cols")) {
            columns.add(col.path("name").isNull() ? "" : col.path("name").asText());
            types.add(textOrNull(col.get("decltype")));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode row : result.path("rows")) {
            List<Object> values = new ArrayList<>(row.size());
            for (JsonNode v : row) {
                values.add(value(v));
            }
            rows.add(java.util.Collections.unmodifiableList(values));
        }
        return new StatementResult(columns, types, rows, result.path("affected_row_count").asLong(),
                longOrNull(result.get("last_insert_rowid")), longOrNull(result.get("replication_index")));
    }

    private static Long longOrNull(JsonNode node) throws SQLException {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Long.parseLong(node.asText());
        } catch (NumberFormatException e) {
            throw new SQLNonTransientException("libSQL sent a bad integer: " + node, e);
        }
    }

    static SQLException error(JsonNode error) {
        return HranaErrors.fromServer(error.path("message").asText(), textOrNull(error.get("code")));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
