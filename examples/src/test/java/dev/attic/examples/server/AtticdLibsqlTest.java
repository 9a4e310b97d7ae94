package dev.attic.examples.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.AtticException;
import dev.attic.auth.CacheNamePattern;
import dev.attic.auth.CachePermissions;
import dev.attic.auth.Permission;
import dev.attic.auth.Token;
import dev.attic.engine.TestNars;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * atticd with its metadata on a real libSQL server (sqld; see {@link TestLibsql}): a path pushed
 * over HTTP is read back, byte for byte, directly and through a local replica, and by a second
 * server started later on the same database.
 */
class AtticdLibsqlTest {
    @TempDir
    Path temp;

    private static String config(String url) {
        return """
                listen = "127.0.0.1:0"
                [database]
                url = "%s"
                [storage]
                type = "local"
                path = "storage"
                [garbage-collection]
                interval = "0s"
                """.formatted(url);
    }

    private static String rootToken(ServerConfig config) {
        Instant now = Instant.now();
        return config.signing().key().sign(Token.of("root", now, now.plusSeconds(3600))
                .withGrant(CacheNamePattern.of("*"), CachePermissions.of(Permission.values())));
    }

    @Test
    void pushesAPathAndReadsItBackWithTheMetadataOnLibsql() throws Exception {
        try (TestLibsql db = TestLibsql.start(temp.resolve("sqld"))) {
            Map<String, String> env = new HashMap<>(Map.of("ATTIC_SERVER_TOKEN_HS256_SECRET_BASE64", ServerConfigTest.secret()));
            if (db.authToken() != null) {
                env.put("ATTICD_DATABASE_AUTH_TOKEN", db.authToken());
            }
            ServerConfig config = ServerConfig.parse(config(db.url()), "server.toml", temp, env);
            String token = rootToken(config);
            var nar = TestNars.regularFile("on-libsql", TestNars.randomBytes(900_000, 31), 31);
            String narInfo;
            try (AtticServer server = AtticServer.start(config)) {
                CacheClient client = new CacheClient(server.uri(), token);
                assertEquals(200, client.createCache("turso").statusCode());
                HttpResponse<byte[]> uploaded = client.upload("turso", nar);
                assertEquals(200, uploaded.statusCode(), CacheClient.text(uploaded));
                narInfo = client.narInfo("turso", nar.storePathHash());
                assertArrayEquals(nar.bytes(), client.nar("turso", narInfo));
            }

            // A server started afresh on the same database, reading through a local replica, serves the same.
            Map<String, String> replicated = new HashMap<>(env);
            replicated.put("ATTICD_DATABASE_LOCAL_REPLICA_PATH", temp.resolve("replica.db").toString());
            replicated.put("ATTICD_DATABASE_SYNC_INTERVAL", "1");
            ServerConfig withReplica = ServerConfig.parse(config(db.url()), "server.toml", temp, replicated);
            try (AtticServer server = AtticServer.start(withReplica)) {
                CacheClient client = new CacheClient(server.uri(), token);
                assertEquals(narInfo, client.narInfo("turso", nar.storePathHash()));
                assertArrayEquals(nar.bytes(), client.nar("turso", narInfo));
                assertEquals(404, client.get("turso/" + "0".repeat(32) + ".narinfo").statusCode());
            }

            if (db.authToken() != null) {
                // The token really travels: without it the server does not start, and says why.
                Map<String, String> noToken = new HashMap<>(env);
                noToken.remove("ATTICD_DATABASE_AUTH_TOKEN");
                ServerConfig unauthenticated = ServerConfig.parse(config(db.url()), "server.toml", temp, noToken);
                AtticException e = assertThrows(AtticException.class, () -> AtticServer.start(unauthenticated).close());
                assertTrue(e.getMessage().contains("auth token"), e.getMessage());
            }
        }
    }
}
