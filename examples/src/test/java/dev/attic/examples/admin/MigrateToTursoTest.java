package dev.attic.examples.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.attic.examples.server.TestLibsql;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** atticadm migrate-to-turso: the embedded default's SQLite into a real sqld, then atticd on it. */
class MigrateToTursoTest {
    private static final Pattern TABLE_LINE = Pattern.compile("(?m)^(\\w+)\\s+(\\d+) rows  sha256 ([0-9a-f]{64})$");

    @TempDir
    Path temp;

    record Result(int status, String out, String err) {}

    private static Result atticadm(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Atticadm.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] args(TestLibsql db, Path source, String... more) {
        List<String> a = new ArrayList<>(List.of("migrate-to-turso", "--source", source.toString(), "--turso-url", db.url()));
        if (db.authToken() != null) {
            a.addAll(List.of("--auth-token", db.authToken()));
        }
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** table -> "rows sha256" as printed. */
    private static Map<String, String> tables(String out) {
        Map<String, String> t = new HashMap<>();
        Matcher m = TABLE_LINE.matcher(out);
        while (m.find()) {
            t.put(m.group(1), m.group(2) + " " + m.group(3));
        }
        return t;
    }

    @Test
    void copiesTheSqliteMetadataAndAServerOnTursoServesTheSamePaths() throws Exception {
        try (TestLibsql db = TestLibsql.start(temp.resolve("sqld"))) {
            copiesTheSqliteMetadataAndAServerOnTursoServesTheSamePaths(db);
        }
    }

    private void copiesTheSqliteMetadataAndAServerOnTursoServesTheSamePaths(TestLibsql db) throws Exception {
        Path data = temp.resolve("data");
        DataDir.at(data).initialize(new Listen("127.0.0.1", 0));
        ServerConfig onSqlite = ServerConfig.load(data.resolve("server.toml"), Map.of());
        Instant now = Instant.now();
        String token = onSqlite.signing().key().sign(Token.of("root", now, now.plusSeconds(3600))
                .withGrant(CacheNamePattern.of("*"), CachePermissions.of(Permission.values())));
        var one = TestNars.regularFile("one", TestNars.randomBytes(700_000, 41), 41);
        var two = TestNars.regularFile("two", TestNars.randomBytes(1_000, 42), 42);
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
        Path source = data.resolve("server.db");

        Result copied = atticadm(args(db, source));
        assertEquals(0, copied.status(), copied.out() + copied.err());
        Map<String, String> tables = tables(copied.out());
        assertEquals(List.of("cache", "chunk", "chunkref", "nar", "object"), tables.keySet().stream().sorted().toList(), copied.out());
        assertTrue(tables.get("cache").startsWith("2 "), copied.out());
        assertTrue(tables.get("object").startsWith("3 "), copied.out());
        assertTrue(tables.get("nar").startsWith("2 "), copied.out());
        assertTrue(copied.out().contains("copied "), copied.out());
        if (db.authToken() != null) {
            assertFalse(copied.out().contains(db.authToken()), "the token is not printed");
        }

        // Re-running finds the same rows: exit 0, nothing written, the same counts and checksums.
        Result again = atticadm(args(db, source));
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("already holds an identical copy"), again.out());
        assertEquals(tables, tables(again.out()));

        // atticd on the libSQL database, same storage, serves what was pushed to SQLite, and takes new uploads.
        Map<String, String> env = new HashMap<>(Map.of("ATTICD_DATABASE_URL", db.url()));
        if (db.authToken() != null) {
            env.put("ATTICD_DATABASE_AUTH_TOKEN", db.authToken());
        }
        ServerConfig onTurso = ServerConfig.load(data.resolve("server.toml"), env);
        try (AtticServer server = AtticServer.start(onTurso)) {
            CacheClient client = new CacheClient(server.uri(), token);
            assertEquals(narInfoBefore, client.narInfo("main", one.storePathHash()));
            assertArrayEquals(one.bytes(), client.nar("main", narInfoBefore));
            assertArrayEquals(two.bytes(), client.nar("second", client.narInfo("second", two.storePathHash())));
            var three = TestNars.regularFile("three", TestNars.randomBytes(300_000, 43), 43);
            assertEquals(200, client.upload("main", three).statusCode());
        }

        // Now the target differs: refused without --force (exit 1, clear message), replaced with it.
        Result refused = atticadm(args(db, source));
        assertEquals(1, refused.status(), refused.out());
        assertTrue(refused.err().contains("--force") && refused.err().contains("nothing was written"), refused.err());
        assertEquals("", refused.out());
        Result forced = atticadm(args(db, source, "--force"));
        assertEquals(0, forced.status(), forced.out() + forced.err());
        assertTrue(forced.out().contains("replaced the rows of"), forced.out());
        assertEquals(tables, tables(forced.out()), "the target holds the source's rows again");
    }

    @Test
    void aMissingSourceFailsBeforeAnyConnection() {
        Result r = atticadm("migrate-to-turso", "--source", temp.resolve("nothing.db").toString(),
                "--turso-url", "http://127.0.0.1:9", "--auth-token", "t");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("no SQLite metadata file at " + temp.resolve("nothing.db")), r.err());
    }

    @Test
    void aUrlThatIsNotLibsqlIsRefused() {
        Path source = temp.resolve("server.db");
        try (var store = dev.attic.metadata.jdbi.JdbiMetadata.sqlite(source)) {
            store.findCache("none");
        }
        Result r = atticadm("migrate-to-turso", "--source", source.toString(), "--turso-url", "postgresql://db/attic");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("a libSQL URL is libsql://host") && r.err().contains("postgresql://db/attic"), r.err());
    }

    @Test
    void migrateRefersLibsqlTargetsToMigrateToTurso() {
        Result r = atticadm("migrate", "--from", "sqlite://" + temp.resolve("a.db"), "--to", "libsql://attic-me.turso.io");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("atticadm migrate-to-turso"), r.err());
    }
}
