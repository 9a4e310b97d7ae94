package dev.attic.examples.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code [database]} for libSQL/Turso: url, auth_token, local_replica_path, sync_interval. */
class LibsqlConfigTest {
    private static final Path BASE = Path.of("/etc/atticd");
    private static final String TOKEN = "eyJhbGciOiJFZERTQSJ9.eyJhIjoicncifQ.c2lnbmF0dXJl";

    private static String config(String database) {
        return "[database]\n" + database + """

                [storage]
                type = "local"
                path = "storage"
                [jwt.signing]
                token-hs256-secret-base64 = "%s"
                """.formatted(ServerConfigTest.SECRET);
    }

    private static ServerConfig parse(String database, Map<String, String> env) {
        return ServerConfig.parse(config(database), "server.toml", BASE, env);
    }

    private static BadInputException rejected(String database, Map<String, String> env) {
        return assertThrows(BadInputException.class, () -> parse(database, env), database + " " + env);
    }

    @Test
    void readsATursoUrlWithItsTokenAndLocalReplica() {
        ServerConfig c = parse("""
                url = "libsql://attic-me.turso.io"
                auth_token = "%s"
                local_replica_path = "replica.db"
                sync_interval = 7
                """.formatted(TOKEN), Map.of());
        DatabaseUrl.Libsql l = c.database().libsql().orElseThrow();
        assertEquals("libsql://attic-me.turso.io", l.url());
        assertEquals(Optional.of(TOKEN), l.authToken());
        assertEquals(Optional.of(BASE.resolve("replica.db")), l.replicaFile(), "relative to the config's directory");
        assertEquals(Duration.ofSeconds(7), l.syncInterval());
        assertEquals(Optional.empty(), c.database().sqliteFile());
        assertEquals(Optional.empty(), c.database().postgres());
    }

    @Test
    void acceptsTheSqldSchemesWithoutTokenOrReplica() {
        for (String url : new String[] {"http://127.0.0.1:8080", "https://db.example.com"}) {
            DatabaseUrl.Libsql l = parse("url = \"" + url + "\"\n", Map.of()).database().libsql().orElseThrow();
            assertEquals(url, l.url());
            assertEquals(Optional.empty(), l.authToken());
            assertEquals(Optional.empty(), l.replicaFile());
        }
    }

    @Test
    void theTokenComesFromTheEnvironmentOverrideAndWinsOverTheFile() {
        ServerConfig c = parse("url = \"libsql://attic-me.turso.io\"\nauth_token = \"from-file\"\n",
                Map.of("ATTICD_DATABASE_AUTH_TOKEN", TOKEN));
        assertEquals(Optional.of(TOKEN), c.database().libsql().orElseThrow().authToken());
        ServerConfig onlyEnv = parse("url = \"libsql://attic-me.turso.io\"\n", Map.of("ATTICD_DATABASE_AUTH_TOKEN", TOKEN,
                "ATTICD_DATABASE_LOCAL_REPLICA_PATH", "/var/lib/atticd/replica.db", "ATTICD_DATABASE_SYNC_INTERVAL", "30"));
        DatabaseUrl.Libsql l = onlyEnv.database().libsql().orElseThrow();
        assertEquals(Optional.of(TOKEN), l.authToken());
        assertEquals(Optional.of(Path.of("/var/lib/atticd/replica.db")), l.replicaFile());
        assertEquals(Duration.ofSeconds(30), l.syncInterval());
    }

    @Test
    void aReplicaWithoutSyncIntervalIsRefreshedEveryFiveSeconds() {
        DatabaseUrl.Libsql l = parse("url = \"libsql://h.turso.io\"\nlocal_replica_path = \"/r.db\"\n", Map.of())
                .database().libsql().orElseThrow();
        assertEquals(Duration.ofSeconds(5), l.syncInterval());
    }

    @Test
    void checkConfigOutputRedactsTheTokenAndShowsTheReplica() {
        ServerConfig c = parse("url = \"libsql://attic-me.turso.io\"\nlocal_replica_path = \"/r.db\"\nsync_interval = 9\n",
                Map.of("ATTICD_DATABASE_AUTH_TOKEN", TOKEN));
        String shown = c.describe();
        assertFalse(shown.contains(TOKEN), shown);
        assertFalse(c.toString().contains(TOKEN));
        assertFalse(c.database().toString().contains(TOKEN));
        assertFalse(c.database().libsql().orElseThrow().toString().contains(TOKEN));
        assertTrue(shown.contains("url = \"libsql://attic-me.turso.io\"\nauth_token = \"(redacted)\"\n"
                + "local_replica_path = \"/r.db\"\nsync_interval = 9\n"), shown);
    }

    @Test
    void describeReadsBackTheSameSettings() {
        ServerConfig c = parse("url = \"libsql://attic-me.turso.io\"\nlocal_replica_path = \"/r.db\"\nsync_interval = 9\n", Map.of());
        ServerConfig again = ServerConfig.parse(c.describe().replace("\"(redacted)\"", "\"" + ServerConfigTest.SECRET + "\""),
                "shown.toml", BASE, Map.of());
        assertEquals(c.database(), again.database());
    }

    @Test
    void badValuesNameTheirKey() {
        assertTrue(rejected("url = \"libsql://h.turso.io\"\nsync_interval = \"soon\"\nlocal_replica_path = \"/r.db\"\n", Map.of())
                .getMessage().contains("[database] sync_interval must be a whole number"));
        assertTrue(rejected("url = \"libsql://h.turso.io\"\nsync_interval = 0\nlocal_replica_path = \"/r.db\"\n", Map.of())
                .getMessage().contains("[database] sync_interval must be between 1 and 86400, got 0"));
        assertTrue(rejected("url = \"libsql://h.turso.io\"\nsync_interval = 5\n", Map.of())
                .getMessage().contains("[database] sync_interval needs local_replica_path"));
        assertTrue(rejected("url = \"libsql://h.turso.io\"\nauth_token = 42\n", Map.of())
                .getMessage().contains("[database] auth_token must be a string"));
        assertTrue(rejected("url = \"libsql://h.turso.io\"\nlocal_replica_path = \"\"\n", Map.of())
                .getMessage().contains("[database] local_replica_path is empty"));
        String fromEnv = rejected("url = \"libsql://h.turso.io\"\nlocal_replica_path = \"/r.db\"\n",
                Map.of("ATTICD_DATABASE_SYNC_INTERVAL", "-3")).getMessage();
        assertTrue(fromEnv.contains("[database] sync_interval (from ATTICD_DATABASE_SYNC_INTERVAL) must be between"), fromEnv);
    }

    @Test
    void badLibsqlUrlsAreRefusedWithoutShowingSecrets() {
        String noHost = rejected("url = \"libsql:///db\"\n", Map.of()).getMessage();
        assertTrue(noHost.contains("[database] url") && noHost.contains("names no host"), noHost);
        String inQuery = rejected("url = \"libsql://h.turso.io?authToken=" + TOKEN + "\"\n", Map.of()).getMessage();
        assertTrue(inQuery.contains("auth_token"), inQuery);
        String unknown = rejected("url = \"turso://h\"\n", Map.of()).getMessage();
        assertTrue(unknown.contains("libsql://HOST"), unknown);
    }

    @Test
    void libsqlKeysWithAnotherDatabaseAreRefused() {
        String m = rejected("url = \"sqlite://server.db\"\nauth_token = \"x\"\n", Map.of()).getMessage();
        assertTrue(m.contains("[database] auth_token is for a libSQL database"), m);
        String env = rejected("url = \"postgresql://a:secret@db/attic\"\n", Map.of("ATTICD_DATABASE_LOCAL_REPLICA_PATH", "/r.db"))
                .getMessage();
        assertTrue(env.contains("[database] local_replica_path (from ATTICD_DATABASE_LOCAL_REPLICA_PATH) is for a libSQL"), env);
        assertFalse(env.contains("secret"), env);
    }

    @Test
    void unknownDatabaseKeysAreStillErrors() {
        String m = rejected("url = \"libsql://h.turso.io\"\nauth-token = \"x\"\nsync_intervall = 3\n", Map.of()).getMessage();
        assertTrue(m.contains("unknown keys [database] auth-token, [database] sync_intervall"), m);
        String env = rejected("url = \"libsql://h.turso.io\"\n", Map.of("ATTICD_DATABASE_TOKEN", "x")).getMessage();
        assertTrue(env.contains("unknown environment override ATTICD_DATABASE_TOKEN"), env);
    }
}
