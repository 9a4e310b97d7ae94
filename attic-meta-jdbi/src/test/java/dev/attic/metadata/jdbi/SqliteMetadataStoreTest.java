package dev.attic.metadata.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.metadata.CacheAndObject;
import dev.attic.metadata.CacheConfig;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.MetadataStoreContract;
import dev.attic.metadata.NarRecord;
import dev.attic.metadata.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metadata contract on SQLite in a temporary file. */
class SqliteMetadataStoreTest extends MetadataStoreContract {
    @TempDir
    Path dir;

    @Override
    protected MetadataStore open(TestClock clock) {
        return JdbiMetadata.builder().sqlite(dir.resolve("metadata.db")).clock(clock).build();
    }

    /**
     * The narinfo lookup is remembered while SQLite's data version stands still; another store on
     * the same file (another server, or atticadm) is another connection, whose every commit must
     * show in the next lookup.
     */
    @Test
    void cacheAndObjectSeeEveryCommitOfAnotherStoreOnTheSameFile() {
        long id = cache("demo");
        upload(id, 1, sha256('n', 1), 1, 'c');
        CacheAndObject first = store.findCacheAndObject("demo", pathHash(1)).orElseThrow();
        assertSame(first, store.findCacheAndObject("demo", pathHash(1)).orElseThrow(),
                "unchanged, the lookup is answered from memory");
        try (MetadataStore other = open(clock)) {
            CacheConfig changed = new CacheConfig(true, "/nix/store", 10, List.of(), "new:secret", Duration.ofDays(1));
            other.updateCache("demo", changed);
            assertEquals(changed, store.findCacheAndObject("demo", pathHash(1)).orElseThrow().cache().config());

            NarRecord before = first.object().orElseThrow().nar();
            NarRecord replacement = other.createPendingNar(sha256('n', 2), 1000, LEASE);
            other.appendChunkRefs(replacement.id(), 0, List.of(other.leaseValidChunk(sha256('c', 0), "zstd", LEASE).orElseThrow().id()));
            other.commitNar(replacement.id(), 1, id, info(1));
            NarRecord now = store.findCacheAndObject("demo", pathHash(1)).orElseThrow().object().orElseThrow().nar();
            assertEquals(sha256('n', 2), now.narHash(), "the object points at the NAR the other store committed");
            assertTrue(now.id() != before.id());

            clock.advance(Duration.ofMinutes(3));
            other.touchObjects(List.of(first.object().orElseThrow().object().id()));
            assertEquals(clock.instant(), store.findCacheAndObject("demo", pathHash(1)).orElseThrow()
                    .object().orElseThrow().object().lastAccessedAt(), "an access time the other store wrote");

            assertTrue(other.deleteObject(id, pathHash(1)));
            assertTrue(store.findCacheAndObject("demo", pathHash(1)).orElseThrow().object().isEmpty());

            other.softDeleteCache("demo");
            assertTrue(store.findCacheAndObject("demo", pathHash(1)).isEmpty());
        }
    }
}
