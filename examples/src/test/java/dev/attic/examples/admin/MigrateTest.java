package dev.attic.examples.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.auth.CacheNamePattern;
import dev.attic.auth.CachePermissions;
import dev.attic.auth.Permission;
import dev.attic.auth.Token;
import dev.attic.engine.TestNars;
import dev.attic.examples.server.AtticServer;
import dev.attic.examples.server.CacheClient;
import dev.attic.examples.server.DataDir;
import dev.attic.examples.server.Listen;
import dev.attic.examples.server.ServerConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** atticadm migrate from the embedded default's SQLite to PostgreSQL (real binaries, started here). */
class MigrateTest {
    private static EmbeddedPostgres postgres;

    @TempDir
    Path temp;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    record Result(int status, String out, String err) {}

    private static Result atticadm(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Atticadm.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String rootToken(ServerConfig config) {
        Instant now = Instant.now();
        return config.signing().key().sign(Token.of("root", now, now.plusSeconds(3600))
                .withGrant(CacheNamePattern.of("*"), CachePermissions.of(Permission.values())));
    }

    @Test
    void copiesEverythingToPostgresAndAServerThereServesTheSamePaths() throws Exception {
        Path data = temp.resolve("data");
        DataDir.at(data).initialize(new Listen("127.0.0.1", 0));
        ServerConfig onSqlite = ServerConfig.load(data.resolve("server.toml"), Map.of());
        String token = rootToken(onSqlite);
        var one = TestNars.regularFile("one", TestNars.randomBytes(700_000, 21), 21);
        var two = TestNars.regularFile("two", TestNars.randomBytes(1_000, 22), 22);
        String narInfoBefore;
        try (AtticServer server = AtticServer.start(onSqlite)) {
            CacheClient client = new CacheClient(server.uri(), token);
            assertEquals(200, client.createCache("main").statusCode());
            assertEquals(200, client.createCache("second").statusCode());
            assertEquals(200, client.upload("main", one).statusCode());
            assertEquals(200, client.upload("second", one).statusCode());
            assertEquals(200, client.upload("second", two).statusCode());
            narInfoBefore = client.narInfo("main", one.storePathHash());
        }

        String from = "sqlite://" + data.resolve("server.db");
        String to = "postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/postgres";
        Result migrated = atticadm("migrate", "--from", from, "--to", to);
        assertEquals(0, migrated.status(), migrated.out() + migrated.err());
        assertTrue(migrated.out().contains("cache            2 rows  checksum matches"), migrated.out());
        assertTrue(migrated.out().contains("object           3 rows  checksum matches"), migrated.out());
        assertTrue(migrated.out().matches("(?s).*chunk\\s+\\d+ rows  checksum matches.*"), migrated.out());
        assertTrue(!migrated.out().contains("postgres:postgres@"), "the password is not printed: " + migrated.out());

        Result again = atticadm("migrate", "--from", from, "--to", to);
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("identical copy"), again.out());

        // The same storage with the database on PostgreSQL serves the same, and takes new uploads (ids continue).
        ServerConfig onPostgres = ServerConfig.load(data.resolve("server.toml"), Map.of("ATTICD_DATABASE_URL", to));
        try (AtticServer server = AtticServer.start(onPostgres)) {
            CacheClient client = new CacheClient(server.uri(), token);
            assertEquals(narInfoBefore, client.narInfo("main", one.storePathHash()));
            assertArrayEquals(one.bytes(), client.nar("main", client.narInfo("main", one.storePathHash())));
            assertArrayEquals(two.bytes(), client.nar("second", client.narInfo("second", two.storePathHash())));
            var three = TestNars.regularFile("three", TestNars.randomBytes(300_000, 23), 23);
            assertEquals(200, client.upload("main", three).statusCode());
            assertEquals(200, client.createCache("third").statusCode());
        }

        // Now the target differs: refused without --force, replaced with it.
        Result refused = atticadm("migrate", "--from", from, "--to", to);
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("pass --force"), refused.err());
        Result forced = atticadm("migrate", "--from", from, "--to", to, "--force");
        assertEquals(0, forced.status(), forced.out() + forced.err());
        assertTrue(forced.out().contains("cache            2 rows  checksum matches"), forced.out());
    }

    @Test
    void aMissingSourceIsReported() {
        Result r = atticadm("migrate", "--from", "sqlite://" + temp.resolve("nothing.db"), "--to", "sqlite://" + temp.resolve("t.db"));
        assertEquals(1, r.status());
        assertTrue(r.err().contains("no database at"), r.err());
    }
}
