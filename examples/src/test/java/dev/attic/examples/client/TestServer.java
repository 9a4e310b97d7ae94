package dev.attic.examples.client;

import dev.attic.auth.CacheNamePattern;
import dev.attic.auth.CachePermissions;
import dev.attic.auth.Permission;
import dev.attic.auth.Token;
import dev.attic.auth.TokenKey;
import dev.attic.engine.Attic;
import dev.attic.http.AtticServlet;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.jdbi.JdbiMetadata;
import dev.attic.storage.Storage;
import dev.attic.storage.fs.FileSystemStorage;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A real Attic server for the client's tests: the servlet in embedded Jetty over a directory and SQLite. */
final class TestServer implements AutoCloseable {
    private static final byte[] SECRET = "attic-client-test-secret-attic-client-test-secret".getBytes(StandardCharsets.UTF_8);

    private final TokenKey tokenKey = TokenKey.hs256(SECRET);
    private final Storage storage;
    private final MetadataStore metadata;
    private final Attic attic;
    private final Server server;
    final URI endpoint;

    /** Starts the server; {@code filter}, if not null, sees every request before the servlet. */
    TestServer(Path dir, Filter filter) throws Exception {
        storage = FileSystemStorage.at(dir.resolve("storage"));
        metadata = JdbiMetadata.sqlite(dir.resolve("attic.db"));
        attic = Attic.builder().storage(storage).metadata(metadata).tokenVerifier(tokenKey.verifier(Clock.systemUTC())).build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        if (filter != null) {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        // the client tests show deduplication figures, which a server reveals only when told to
        context.addServlet(new ServletHolder(AtticServlet.builder(attic)
                .settings(dev.attic.http.HttpSettings.defaults().withRevealDeduplication(true)).build()), "/*");
        server.setHandler(context);
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    /** A token with {@code permissions} on the caches matching {@code pattern}. */
    String token(String pattern, Permission... permissions) {
        return tokenKey.sign(Token.of("client-test", Instant.now().minusSeconds(5), Instant.now().plus(Duration.ofHours(2)))
                .withGrant(CacheNamePattern.of(pattern), CachePermissions.of(permissions)));
    }

    String adminToken() {
        return token("*", Permission.values());
    }

    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    /** {@code GET path} with the admin token, straight to the server (not through the client under test). */
    java.net.http.HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken()).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@code POST path} with a JSON body and the admin token. */
    com.fasterxml.jackson.databind.JsonNode post(String path, Object body) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.net.http.HttpResponse<byte[]> response = http.send(java.net.http.HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + ": " + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return json.readTree(response.body());
    }

    com.fasterxml.jackson.databind.JsonNode cacheConfig(String cache) throws Exception {
        java.net.http.HttpResponse<byte[]> response = get("_api/v1/cache-config/" + cache);
        if (response.statusCode() != 200) {
            throw new AssertionError("cache-config " + cache + ": " + response.statusCode());
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    int cacheConfigStatus(String cache) throws Exception {
        return get("_api/v1/cache-config/" + cache).statusCode();
    }

    /** The hashes among {@code hashes} that {@code cache} lacks, as the server says. */
    java.util.List<String> missing(String cache, java.util.Collection<String> hashes) throws Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        post("_api/v1/get-missing-paths", java.util.Map.of("cache", cache, "store_path_hashes", java.util.List.copyOf(hashes)))
                .path("missing_paths").forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        attic.close();
        metadata.close();
        storage.close();
    }
}
