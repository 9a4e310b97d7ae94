package dev.attic.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attic.auth.CacheNamePattern;
import dev.attic.auth.CachePermissions;
import dev.attic.auth.Permission;
import dev.attic.auth.Token;
import dev.attic.auth.TokenKey;
import dev.attic.engine.Attic;
import dev.attic.engine.TestNars;
import dev.attic.http.AtticServlet;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.jdbi.JdbiMetadata;
import dev.attic.storage.Storage;
import dev.attic.storage.fs.FileSystemStorage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away while the server runs (the real PostgreSQL is stopped, then started again
 * on the same port and data directory): every request fails at once with a 503 and the error JSON,
 * without database detail; once PostgreSQL is back the same engine serves again, without a restart.
 */
class DatabaseOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SECRET = "database-outage-secret-database-outage-secret".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws Exception {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir.resolve("pgdata")).setCleanDataDirectory(false).start();
    }

    @Test
    void requestsFailWith503WhileTheDatabaseIsDownAndSucceedOnceItIsBack() throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = startPostgres(port);
        String url = postgres.getJdbcUrl("postgres", "postgres");
        TokenKey key = TokenKey.hs256(SECRET);
        String admin = key.sign(Token.of("outage", Instant.now().minusSeconds(5), Instant.now().plus(Duration.ofDays(1)))
                .withGrant(CacheNamePattern.of("*"), CachePermissions.of(Permission.values())));
        try (Storage storage = FileSystemStorage.at(dir.resolve("storage"));
                MetadataStore metadata = JdbiMetadata.builder().postgres(url, "postgres", "postgres")
                        .connectionTimeout(Duration.ofSeconds(2)).statementTimeout(Duration.ofSeconds(5)).build();
                Attic attic = Attic.builder().storage(storage).metadata(metadata).tokenVerifier(key.verifier(Clock.systemUTC())).build();
                JettyServer server = new JettyServer(AtticServlet.builder(attic).build(), 0)) {
            URI base = server.base();
            var before = TestNars.regularFile("before", TestNars.randomBytes(100 * 1024, 1), 1);
            var during = TestNars.regularFile("during", TestNars.randomBytes(100 * 1024, 2), 2);
            assertEquals(200, send(base, "_api/v1/cache-config/team", admin, "POST",
                    "{\"keypair\":\"Generate\",\"is_public\":false,\"store_dir\":\"/nix/store\",\"priority\":41,\"upstream_cache_key_names\":[]}"
                            .getBytes(StandardCharsets.UTF_8), Map.of()).statusCode());
            assertEquals(200, upload(base, admin, before).statusCode());

            Map<String, Supplier<HttpResponse<byte[]>>> calls = new LinkedHashMap<>();
            calls.put("GET narinfo", () -> send(base, "team/" + before.storePathHash() + ".narinfo", admin, "GET", null, Map.of()));
            calls.put("GET nar", () -> send(base, "team/nar/" + before.storePathHash() + ".nar", admin, "GET", null, Map.of()));
            calls.put("GET nix-cache-info", () -> send(base, "team/nix-cache-info", admin, "GET", null, Map.of()));
            calls.put("POST get-missing-paths", () -> send(base, "_api/v1/get-missing-paths", admin, "POST",
                    ("{\"cache\":\"team\",\"store_path_hashes\":[\"" + during.storePathHash() + "\"]}").getBytes(StandardCharsets.UTF_8), Map.of()));
            calls.put("PUT upload-path", () -> upload(base, admin, during));

            postgres.close();
            for (var call : calls.entrySet()) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = call.getValue().get();
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                String body = new String(response.body(), StandardCharsets.UTF_8);
                assertEquals(503, response.statusCode(), call.getKey() + " with the database down: " + body);
                JsonNode error = JSON.readTree(response.body());
                assertEquals("InternalServerError", error.get("error").asText(), body);
                assertTrue(response.headers().firstValue("Retry-After").isPresent(), call.getKey() + ": a 503 says when to retry");
                assertFalse(body.contains("SQL") || body.contains("postgres") || body.contains("jdbc"), "no database detail leaks: " + body);
                assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, call.getKey() + " answered in " + took + ", bounded by the connection timeout");
            }

            postgres = startPostgres(port);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int status = 0;
            while (System.nanoTime() < deadline && (status = calls.get("GET narinfo").get().statusCode()) != 200) {
                Thread.sleep(200);
            }
            assertEquals(200, status, "the engine serves again once PostgreSQL is back, without a restart");
            HttpResponse<byte[]> nar = calls.get("GET nar").get();
            assertEquals(200, nar.statusCode());
            assertArrayEquals(before.bytes(), nar.body());
            assertEquals(200, calls.get("PUT upload-path").get().statusCode());
            HttpResponse<byte[]> uploaded = send(base, "team/nar/" + during.storePathHash() + ".nar", admin, "GET", null, Map.of());
            assertArrayEquals(during.bytes(), uploaded.body(), "an upload after the outage is stored and served");
        } finally {
            postgres.close();
        }
    }

    private HttpResponse<byte[]> upload(URI base, String token, TestNars.TestNar nar) {
        String info = "{\"cache\":\"team\",\"store_path_hash\":\"" + nar.storePathHash() + "\",\"store_path\":\"" + nar.storePath()
                + "\",\"references\":[],\"sigs\":[],\"nar_hash\":\"" + nar.narHash() + "\",\"nar_size\":" + nar.bytes().length + "}";
        return send(base, "_api/v1/upload-path", token, "PUT", nar.bytes(), Map.of("X-Attic-Nar-Info", info));
    }

    private HttpResponse<byte[]> send(URI base, String path, String token, String method, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed at the HTTP level", e);
        }
    }

}
