package dev.attic.metadata.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import dev.attic.ConflictException;
import dev.attic.metadata.CacheConfig;
import dev.attic.metadata.CacheRecord;
import dev.attic.metadata.ChunkRecord;
import dev.attic.metadata.CommittedNar;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.NarRecord;
import dev.attic.metadata.NewChunk;
import dev.attic.metadata.ObjectInfo;
import dev.attic.metadata.ObjectWithNar;
import dev.attic.metadata.libsql.TestSqld;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite -> libSQL (a real sqld): copy, verify, re-run, refuse a foreign target without force. */
class MetadataMigrationTest {
    @TempDir
    Path dir;
    private String url;

    @BeforeEach
    void emptyTarget() {
        url = TestSqld.url();
        TestSqld.dropAllTables(url);
    }

    /** A SQLite store with caches, NARs over several chunk pages (keyset paging), objects. */
    private Path sqliteWith(int nars, String cacheName) {
        Path file = dir.resolve(cacheName + ".db");
        try (MetadataStore store = JdbiMetadata.sqlite(file)) {
            CacheRecord cache = store.createCache(cacheName, config());
            store.createCache(cacheName + "-deleted", config());
            store.softDeleteCache(cacheName + "-deleted");
            for (int n = 0; n < nars; n++) {
                NarRecord nar = store.createPendingNar(sha256('n', n), 1000 + n, Duration.ofMinutes(5));
                List<Long> chunks = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                    ChunkRecord chunk = store.insertPendingChunk(new NewChunk(sha256('c', n * 3L + c),
                            "zstd", 100, "chunks/" + n + "-" + c), Duration.ofMinutes(5));
                    store.markChunkValid(chunk.id(), sha256('f', n * 3L + c), 50);
                    chunks.add(chunk.id());
                }
                store.appendChunkRefs(nar.id(), 0, chunks);
                CommittedNar committed = store.commitNar(nar.id(), 3, cache.id(), info(n));
                assertEquals(nar.id(), committed.nar().id());
            }
        }
        return file;
    }

    private static final String NIX32 = "0123456789abcdfghijklmnpqrsvwxyz";

    private static String nix32(long n, int length) {
        char[] out = new char[length];
        java.util.Arrays.fill(out, '0');
        long v = n;
        for (int i = length - 1; i >= 0 && v > 0; i--) {
            out[i] = NIX32.charAt((int) (v & 31));
            v >>>= 5;
        }
        return new String(out);
    }

    private static String pathHash(long n) {
        return nix32(n, 32);
    }

    private static String sha256(char kind, long n) {
        return "sha256:0" + kind + nix32(n, 50);
    }

    private static CacheConfig config() {
        return new CacheConfig(true, "/nix/store", 40, List.of("cache.nixos.org-1"), "main:secret", Duration.ofDays(3));
    }

    private static ObjectInfo info(long n) {
        String hash = pathHash(n);
        return new ObjectInfo(hash, "/nix/store/" + hash + "-hello-2.12", List.of(hash + "-hello-2.12"),
                null, List.of("main:c2lnbmF0dXJl"), null, "x86_64-linux", "ci été");
    }

    @Test
    void copiesEveryTableAndTheTargetServesTheSameMetadata() {
        Path source = sqliteWith(700, "main");
        MigrationReport report = MetadataMigration.sqliteToLibsql(source, url, null, false);
        assertEquals(MigrationReport.Outcome.COPIED, report.outcome());
        assertEquals(List.of("cache", "nar", "chunk", "chunkref", "object"),
                report.tables().stream().map(MigrationReport.Table::name).toList());
        for (MigrationReport.Table t : report.tables()) {
            assertTrue(t.matches(), t.toString());
        }
        assertEquals(2, report.tables().get(0).targetRows());
        assertEquals(700, report.tables().get(1).targetRows());
        assertEquals(2100, report.tables().get(2).targetRows());
        assertEquals(2100, report.tables().get(3).targetRows());
        assertEquals(700, report.tables().get(4).targetRows());
        try (MetadataStore turso = JdbiMetadata.libsql(url, null)) {
            long cacheId = turso.findCache("main").orElseThrow().id();
            Optional<ObjectWithNar> found = turso.findObject(cacheId, pathHash(699));
            assertTrue(found.isPresent());
            assertTrue(turso.isNarComplete(found.get().nar().id()));
            assertEquals(3, turso.chunkRefs(found.get().nar().id(), 0, 10).size());
            // New rows get ids after the copied ones (AUTOINCREMENT carried over).
            CacheRecord added = turso.createCache("after", config());
            assertTrue(added.id() > 2, "id " + added.id());
        }
    }

    @Test
    void aReRunFindsTheCopyAndWritesNothing() {
        Path source = sqliteWith(20, "main");
        MigrationReport first = MetadataMigration.sqliteToLibsql(source, url, null, false);
        MigrationReport second = MetadataMigration.sqliteToLibsql(source, url, null, false);
        assertEquals(MigrationReport.Outcome.ALREADY_COPIED, second.outcome());
        assertEquals(first.tables(), second.tables());
    }

    @Test
    void aTargetWithOtherMetadataIsRefusedWithoutForceAndReplacedWithIt() {
        MetadataMigration.sqliteToLibsql(sqliteWith(5, "other"), url, null, false);
        Path source = sqliteWith(8, "main");
        ConflictException refused = assertThrows(ConflictException.class,
                () -> MetadataMigration.sqliteToLibsql(source, url, null, false));
        assertTrue(refused.getMessage().contains("force"), refused.getMessage());
        try (MetadataStore turso = JdbiMetadata.libsql(url, null)) {
            assertTrue(turso.findCache("other").isPresent(), "a refused run changed the target");
        }
        MigrationReport forced = MetadataMigration.sqliteToLibsql(source, url, null, true);
        assertEquals(MigrationReport.Outcome.REPLACED, forced.outcome());
        assertEquals(8, forced.tables().get(4).targetRows());
        try (MetadataStore turso = JdbiMetadata.libsql(url, null)) {
            assertTrue(turso.findCache("other").isEmpty());
            assertTrue(turso.findCache("main").isPresent());
        }
    }

    @Test
    void aSourceWithATableThisVersionDoesNotKnowIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path source = sqliteWith(2, "main");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + source);
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE from_the_future (id INTEGER)");
        }
        BadInputException e = assertThrows(BadInputException.class,
                () -> MetadataMigration.sqliteToLibsql(source, url, null, false));
        assertTrue(e.getMessage().contains("from_the_future"), e.getMessage());
        try (MetadataStore turso = JdbiMetadata.libsql(url, null)) {
            assertTrue(turso.listCaches().isEmpty());
        }
    }

    @Test
    void aMissingSourceIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> MetadataMigration.sqliteToLibsql(dir.resolve("absent.db"), url, null, false));
        assertTrue(e.getMessage().contains("absent.db"), e.getMessage());
    }
}
