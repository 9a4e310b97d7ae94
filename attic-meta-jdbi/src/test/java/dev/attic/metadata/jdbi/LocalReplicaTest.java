package dev.attic.metadata.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.metadata.CacheConfig;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.libsql.LibsqlDataSource;
import dev.attic.metadata.libsql.TestSqld;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The libSQL local replica against a real sqld: where reads go, and what they see. */
class LocalReplicaTest {
    @TempDir
    Path dir;
    private String url;
    private LibsqlDataSource primary;

    @BeforeEach
    void open() throws SQLException {
        url = TestSqld.url();
        TestSqld.dropAllTables(url);
        primary = LibsqlDataSource.open(url, null, Duration.ofSeconds(10), 4);
        Connections.migrate(primary.serializedWriter(), Dialect.SQLITE);
        insertCache("first");
    }

    @AfterEach
    void close() {
        if (primary != null) {
            primary.close();
        }
    }

    private void insertCache(String name) throws SQLException {
        try (Connection c = primary.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO cache (name, keypair, is_public, store_dir, priority,"
                    + " upstream_cache_key_names, created_at) VALUES ('" + name + "', 'k', 1, '/nix/store', 40, '[]', 0)");
        }
    }

    private static boolean isLocal(Connection c) throws SQLException {
        return c.getMetaData().getDriverName().startsWith("SQLite");
    }

    private static long caches(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM cache")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void readsGoToThePrimaryUntilTheFirstCopyThenToTheCopy() throws Exception {
        try (LocalReplica replica = new LocalReplica(dir.resolve("replica.db"), Duration.ofMinutes(1), primary)) {
            try (Connection c = replica.readConnection(primary)) {
                assertFalse(isLocal(c));
            }
            replica.sync();
            try (Connection c = replica.readConnection(primary)) {
                assertTrue(isLocal(c));
                assertEquals(1, caches(c));
            }
        }
    }

    @Test
    void aWriteOfThisProcessSendsReadsToThePrimaryUntilACopyHoldsIt() throws Exception {
        try (LocalReplica replica = new LocalReplica(dir.resolve("replica.db"), Duration.ofMinutes(1), primary)) {
            replica.sync();
            insertCache("second");
            synchronized (replica) { // holds off the sync that wrote() queues, until we have looked
                replica.wrote();
                try (Connection c = replica.readConnection(primary)) {
                    assertFalse(isLocal(c));
                    assertEquals(2, caches(c));
                }
            }
            replica.sync();
            try (Connection c = replica.readConnection(primary)) {
                assertTrue(isLocal(c));
                assertEquals(2, caches(c));
            }
        }
    }

    @Test
    void anUnchangedPrimaryIsNotCopiedAgainAndAChangedOneIs() throws Exception {
        try (LocalReplica replica = new LocalReplica(dir.resolve("replica.db"), Duration.ofMinutes(1), primary)) {
            replica.sync();
            replica.sync();
            assertEquals(1, replica.copies());
            insertCache("by another server"); // not through this replica: no wrote()
            try (Connection c = replica.readConnection(primary)) {
                assertTrue(isLocal(c));
                assertEquals(1, caches(c), "the copy is served as it was, until the next sync");
            }
            replica.sync();
            assertEquals(2, replica.copies());
            try (Connection c = replica.readConnection(primary)) {
                assertEquals(2, caches(c));
            }
        }
    }

    @Test
    void aCopyOlderThanTwoIntervalsIsNotServed() throws Exception {
        try (LocalReplica replica = new LocalReplica(dir.resolve("replica.db"), Duration.ofSeconds(1), primary)) {
            replica.sync();
            assertTrue(replica.servesLocally());
            Thread.sleep(2_200); // no background syncs: start() was not called
            assertFalse(replica.servesLocally());
            try (Connection c = replica.readConnection(primary)) {
                assertFalse(isLocal(c));
            }
        }
    }

    @Test
    void aStoreWithAReplicaSeesItsOwnWritesAndOtherServersWritesWithinTwoIntervals() throws Exception {
        CacheConfig config = new CacheConfig(true, "/nix/store", 40, List.of(), "main:secret", null);
        try (MetadataStore store = JdbiMetadata.builder().libsql(url, null)
                .localReplica(dir.resolve("replica.db"), Duration.ofSeconds(1)).build();
                MetadataStore other = JdbiMetadata.libsql(url, null)) {
            for (int i = 0; i < 5; i++) {
                store.createCache("mine-" + i, config);
                assertTrue(store.findCache("mine-" + i).isPresent(), "own write " + i + " not seen");
            }
            other.createCache("theirs", config);
            long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            while (store.findCache("theirs").isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "another server's write not seen within 2 intervals + slack");
                Thread.sleep(100);
            }
            assertEquals(7, store.listCaches().size());
        }
    }
}
