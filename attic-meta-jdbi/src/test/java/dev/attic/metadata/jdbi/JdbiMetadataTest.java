package dev.attic.metadata.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BackendException;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.metadata.CacheConfig;
import dev.attic.metadata.MetadataStore;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the JDBI backend: opening, the SQLite settings, error mapping. */
class JdbiMetadataTest {
    private static final CacheConfig CONFIG =
            new CacheConfig(true, "/nix/store", 41, List.of(), "k:secret", null);

    @TempDir
    Path dir;

    @Test
    void reopenedSqliteKeepsItsCachesAndMigratesOnlyOnce() throws Exception {
        Path file = dir.resolve("m.db");
        try (MetadataStore store = JdbiMetadata.sqlite(file)) {
            store.createCache("kept", CONFIG);
        }
        int migrations = appliedMigrations(file);
        try (MetadataStore store = JdbiMetadata.sqlite(file)) {
            assertTrue(store.findCache("kept").isPresent());
        }
        assertTrue(migrations >= 1, "the first open applies the migrations");
        assertEquals(migrations, appliedMigrations(file), "a reopen applies none again");
    }

    private static int appliedMigrations(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aMalformedStoredReferenceTableIsADatabaseErrorNotBadInput() throws Exception {
        Path file = dir.resolve("m.db");
        try (MetadataStore store = JdbiMetadata.sqlite(file)) {
            long narId = store.createPendingNar("sha256:" + "0".repeat(52), 100, Duration.ofMinutes(5)).id();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement s = c.createStatement()) {
                // format byte 1, then a distinct hash count of 5 with nothing after it
                s.executeUpdate("UPDATE nar SET reference_table = 'AQU=' WHERE id = " + narId);
            }
            BackendException e = assertThrows(BackendException.class, () -> store.referenceTable(narId));
            assertEquals(ErrorCode.DATABASE_ERROR, e.code());
            assertFalse(e.isTransient());
            assertTrue(e.getMessage().contains("malformed"), e.getMessage());
        }
    }

    @Test
    void sqliteFileIsInWalMode() throws Exception {
        Path file = dir.resolve("m.db");
        try (MetadataStore store = JdbiMetadata.sqlite(file)) {
            store.createCache("one", CONFIG);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    assertEquals("wal", rs.getString(1)); // WAL is a property of the file
                }
            }
        }
    }

    @Test
    void unreachablePostgresIsATransientDatabaseError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free once closed: nothing listens there
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/attic";
        BackendException e = assertThrows(BackendException.class, () -> JdbiMetadata.builder()
                .postgres(url, "attic", "x").connectionTimeout(Duration.ofSeconds(2)).build());
        assertEquals(ErrorCode.DATABASE_ERROR, e.code());
        assertTrue(e.isTransient(), "a refused connection is worth a retry: " + e.getMessage());
    }

    @Test
    void builderRejectsBadLibsqlSettingsWithMessagesThatSayWhy() {
        BadInputException scheme = assertThrows(BadInputException.class,
                () -> JdbiMetadata.builder().libsql("postgres://db/attic", "token"));
        assertTrue(scheme.getMessage().contains("libsql://"), scheme.getMessage());
        BadInputException two = assertThrows(BadInputException.class, () -> JdbiMetadata.builder()
                .libsql("http://127.0.0.1:1", null).sqlite(dir.resolve("x.db")).build());
        assertTrue(two.getMessage().contains("exactly one"), two.getMessage());
        BadInputException replicaAlone = assertThrows(BadInputException.class, () -> JdbiMetadata.builder()
                .sqlite(dir.resolve("x.db")).localReplica(dir.resolve("r.db"), Duration.ofSeconds(5)).build());
        assertTrue(replicaAlone.getMessage().contains("libsql"), replicaAlone.getMessage());
        assertThrows(BadInputException.class, () -> JdbiMetadata.builder()
                .localReplica(dir.resolve("r.db"), Duration.ofMillis(500)));
        BadInputException tokenInUrl = assertThrows(BadInputException.class, () -> JdbiMetadata.builder()
                .libsql("libsql://db.turso.io?authToken=secret", null).build());
        assertTrue(tokenInUrl.getMessage().contains("auth token apart"), tokenInUrl.getMessage());
        assertFalse(tokenInUrl.getMessage().contains("secret"), "the message shows the token: " + tokenInUrl.getMessage());
    }

    @Test
    void builderRejectsNoDatabaseAndAGraceShorterThanTheStatementTimeout() {
        assertThrows(BadInputException.class, () -> JdbiMetadata.builder().build());
        assertThrows(BadInputException.class, () -> JdbiMetadata.builder().sqlite(dir.resolve("x.db"))
                .statementTimeout(Duration.ofMinutes(5)).referenceGrace(Duration.ofMinutes(1)).build());
        assertThrows(BadInputException.class, () -> JdbiMetadata.postgres("jdbc:mysql://h/db", "u", "p"));
        assertFalse(dir.resolve("x.db").toFile().exists());
    }
}
