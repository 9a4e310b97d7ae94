package dev.attic.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import dev.attic.ConflictException;
import dev.attic.ErrorCode;
import dev.attic.NotFoundException;
import dev.attic.nix.StorePathHash;
import dev.attic.references.Reference;
import dev.attic.references.ReferenceTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MetadataStore} must do. A backend's test extends this and says how to open a
 * fresh, empty store; it inherits every test. The tests assume a backend holds a row that an
 * operation just referenced (its "reference grace") for less than an hour, and for less than
 * {@link #LEASE} after a lease of that length.
 */
public abstract class MetadataStoreContract {
    protected static final Duration LEASE = Duration.ofMinutes(10);
    private static final String NIX32 = "0123456789abcdfghijklmnpqrsvwxyz";

    protected TestClock clock;
    protected MetadataStore store;

    /** A new store on an empty database, taking time from {@code clock}. */
    protected abstract MetadataStore open(TestClock clock);

    @BeforeEach
    void openStore() {
        clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        store = open(clock);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    // ---- values ----

    /** A valid store path hash, distinct for each {@code n}. */
    protected static String pathHash(long n) {
        return nix32(n, 32);
    }

    /** A valid {@code sha256:<nix32>} hash, distinct for each (kind, n). */
    protected static String sha256(char kind, long n) {
        String body = nix32(n, 50);
        return "sha256:0" + kind + body;
    }

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

    protected static CacheConfig config() {
        return new CacheConfig(false, "/nix/store", 41, List.of("cache.nixos.org-1"), "main:secret", null);
    }

    protected static CacheConfig retaining(Duration retention) {
        return new CacheConfig(false, "/nix/store", 41, List.of(), "main:secret", retention);
    }

    protected static ObjectInfo info(long n) {
        String hash = pathHash(n);
        return new ObjectInfo(hash, "/nix/store/" + hash + "-hello-2.12", List.of(hash + "-hello-2.12",
                pathHash(n + 1000) + "-glibc-2.40"), pathHash(n + 2000) + "-hello-2.12.drv",
                List.of("main:c2lnbmF0dXJl"), null, "x86_64-linux", "ci");
    }

    /** Uploads a NAR of {@code chunks} new chunks into a cache the simple way; returns the commit. */
    protected CommittedNar upload(long cacheId, long path, String narHash, int chunks, char chunkKind) {
        NarRecord pending = store.createPendingNar(narHash, 1000L * chunks, LEASE);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            ids.add(chunk(sha256(chunkKind, i)).id());
        }
        store.appendChunkRefs(pending.id(), 0, ids);
        return store.commitNar(pending.id(), chunks, cacheId, info(path));
    }

    /** The valid chunk with this hash: leased if present, else inserted and made valid. */
    protected ChunkRecord chunk(String hash) {
        Optional<ChunkRecord> existing = store.leaseValidChunk(hash, "zstd", LEASE);
        if (existing.isPresent()) {
            return existing.get();
        }
        ChunkRecord pending = store.insertPendingChunk(new NewChunk(hash, "zstd", 1000,
                "chunks/" + java.util.UUID.randomUUID()), LEASE);
        return store.markChunkValid(pending.id(), hash.replace("sha256:0", "sha256:1"), 500);
    }

    protected long cache(String name) {
        return store.createCache(name, config()).id();
    }

    // ---- caches ----

    @Test
    void createdCacheIsFoundByNameWithItsConfig() {
        CacheConfig config = new CacheConfig(true, "/nix/store", 30, List.of("a-1", "b-2"), "k:secret",
                Duration.ofDays(3));
        CacheRecord created = store.createCache("demo", config);
        CacheRecord found = store.findCache("demo").orElseThrow();
        assertEquals(created, found);
        assertEquals(config, found.config());
        assertEquals(clock.instant(), found.createdAt());
        assertNull(found.deletedAt());
        assertTrue(store.findCache("other").isEmpty());
    }

    @Test
    void rejectsSecondCacheWithTheSameName() {
        store.createCache("demo", config());
        ConflictException e = assertThrows(ConflictException.class, () -> store.createCache("demo", config()));
        assertEquals(ErrorCode.CACHE_ALREADY_EXISTS, e.code());
    }

    @Test
    void updateReplacesConfigIncludingClearingRetention() {
        store.createCache("demo", retaining(Duration.ofDays(1)));
        CacheConfig next = new CacheConfig(true, "/gnu/store", 10, List.of(), "k2:other", null);
        assertEquals(next, store.updateCache("demo", next).config());
        assertEquals(next, store.findCache("demo").orElseThrow().config());
    }

    @Test
    void updateOfMissingCacheIsNoSuchCache() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> store.updateCache("nope", config()));
        assertEquals(ErrorCode.NO_SUCH_CACHE, e.code());
    }

    @Test
    void softDeletedCacheIsHiddenAndKeepsItsNameUntilHardDelete() {
        long id = cache("demo");
        CommittedNar c = upload(id, 1, sha256('n', 1), 2, 'c');
        store.softDeleteCache("demo");
        assertTrue(store.findCache("demo").isEmpty());
        assertTrue(store.listCaches().isEmpty());
        assertThrows(ConflictException.class, () -> store.createCache("demo", config()));
        NotFoundException again = assertThrows(NotFoundException.class, () -> store.softDeleteCache("demo"));
        assertEquals(ErrorCode.NO_SUCH_CACHE, again.code());
        // Its objects stay until the hard delete, which frees the name.
        assertTrue(store.findObject(id, c.object().info().storePathHash()).isPresent());
        assertTrue(store.hardDeleteCache("demo"));
        assertTrue(store.findObject(id, c.object().info().storePathHash()).isEmpty());
        assertNotEquals(id, store.createCache("demo", config()).id());
        assertFalse(store.hardDeleteCache("never-existed"));
    }

    @Test
    void hardDeleteLeavesTheNarOfItsObjectsForTheCollector() {
        long a = cache("a");
        CommittedNar c = upload(a, 1, sha256('n', 1), 3, 'c');
        assertTrue(store.hardDeleteCache("a"));
        assertEquals(0, store.stats().objects());
        clock.advance(Duration.ofHours(1)); // past the hold a commit puts on its NAR
        assertEquals(1, store.reapNars(10));
        assertTrue(store.findValidNar(c.nar().narHash()).isEmpty());
    }

    @Test
    void listsLiveCachesByName() {
        cache("zeta");
        cache("alpha");
        cache("mid");
        store.softDeleteCache("mid");
        assertEquals(List.of("alpha", "zeta"),
                store.listCaches().stream().map(CacheRecord::name).collect(Collectors.toList()));
    }

    @Test
    void attachingToASoftDeletedCacheIsNoSuchCache() {
        long a = cache("a");
        CommittedNar c = upload(a, 1, sha256('n', 1), 1, 'c');
        long b = cache("b");
        store.softDeleteCache("b");
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> store.attachObject(b, c.nar().id(), info(2)));
        assertEquals(ErrorCode.NO_SUCH_CACHE, e.code());
    }

    // ---- upload and narinfo ----

    @Test
    void committedUploadIsFoundWithItsNarInOneLookup() {
        long id = cache("demo");
        clock.advance(Duration.ofSeconds(5));
        CommittedNar c = upload(id, 7, sha256('n', 7), 3, 'c');
        assertFalse(c.deduplicated());
        ObjectWithNar found = store.findObject(id, pathHash(7)).orElseThrow();
        assertEquals(info(7), found.object().info());
        assertEquals(c.nar().id(), found.object().narId());
        assertEquals(NarState.VALID, found.nar().state());
        assertEquals(sha256('n', 7), found.nar().narHash());
        assertEquals(3000, found.nar().narSize());
        assertEquals(3, found.nar().numChunks());
        assertEquals(clock.instant(), found.object().createdAt());
        assertEquals(clock.instant(), found.object().lastAccessedAt());
        assertTrue(store.isNarComplete(found.nar().id()));
    }

    @Test
    void cacheAndObjectAreFoundTogetherAsByTheirOwnLookups() {
        long id = cache("demo");
        CacheConfig other = new CacheConfig(true, "/gnu/store", 7, List.of(), "other:secret", Duration.ofDays(3));
        store.createCache("other", other);
        upload(id, 7, sha256('n', 7), 2, 'c');
        CacheAndObject both = store.findCacheAndObject("demo", pathHash(7)).orElseThrow();
        assertEquals(store.findCache("demo").orElseThrow(), both.cache());
        assertEquals(store.findObject(id, pathHash(7)), both.object());
        assertTrue(both.object().isPresent());
        // the same store path in another cache is not this cache's
        CacheAndObject elsewhere = store.findCacheAndObject("other", pathHash(7)).orElseThrow();
        assertEquals(other, elsewhere.cache().config());
        assertTrue(elsewhere.object().isEmpty());
        assertTrue(store.findCacheAndObject("demo", pathHash(8)).orElseThrow().object().isEmpty());
        assertTrue(store.findCacheAndObject("nope", pathHash(7)).isEmpty());
    }

    @Test
    void cacheAndObjectSeeEveryChangeOfEither() {
        long id = cache("demo");
        upload(id, 1, sha256('n', 1), 1, 'c');
        CacheConfig changed = new CacheConfig(true, "/nix/store", 10, List.of(), "new:secret", null);
        store.updateCache("demo", changed);
        assertEquals(changed, store.findCacheAndObject("demo", pathHash(1)).orElseThrow().cache().config());
        NarRecord replacement = upload(id, 2, sha256('n', 2), 1, 'd').nar();
        store.attachObject(id, replacement.id(), info(1));
        assertEquals(replacement.id(), store.findCacheAndObject("demo", pathHash(1)).orElseThrow()
                .object().orElseThrow().nar().id());
        assertTrue(store.deleteObject(id, pathHash(1)));
        assertTrue(store.findCacheAndObject("demo", pathHash(1)).orElseThrow().object().isEmpty());
        store.softDeleteCache("demo");
        assertTrue(store.findCacheAndObject("demo", pathHash(2)).isEmpty(), "a soft-deleted cache is not found");
    }

    @Test
    void objectWithoutOptionalFieldsRoundTrips() {
        long id = cache("demo");
        NarRecord nar = upload(id, 1, sha256('n', 1), 1, 'c').nar();
        ObjectInfo bare = new ObjectInfo(pathHash(9), "/nix/store/" + pathHash(9) + "-x", List.of(), null,
                List.of(), "fixed:r:sha256:abc", null, null);
        store.attachObject(id, nar.id(), bare);
        assertEquals(bare, store.findObject(id, pathHash(9)).orElseThrow().object().info());
    }

    @Test
    void pendingNarIsInvisibleUntilCommitted() {
        long id = cache("demo");
        NarRecord pending = store.createPendingNar(sha256('n', 1), 10, LEASE);
        assertEquals(NarState.PENDING, pending.state());
        assertEquals(clock.instant().plus(LEASE), pending.leaseUntil());
        store.appendChunkRefs(pending.id(), 0, List.of(chunk(sha256('c', 1)).id()));
        assertTrue(store.findValidNar(sha256('n', 1)).isEmpty());
        assertFalse(store.isNarComplete(pending.id()));
        assertEquals(List.of(pathHash(1)), store.missingPaths(id, List.of(pathHash(1))));
        store.commitNar(pending.id(), 1, id, info(1));
        assertEquals(pending.id(), store.findValidNar(sha256('n', 1)).orElseThrow().id());
    }

    @Test
    void commitRejectsAChunkCountThatDoesNotMatchTheReferences() {
        long id = cache("demo");
        NarRecord pending = store.createPendingNar(sha256('n', 1), 10, LEASE);
        store.appendChunkRefs(pending.id(), 0, List.of(chunk(sha256('c', 1)).id(), chunk(sha256('c', 2)).id()));
        assertThrows(BadInputException.class, () -> store.commitNar(pending.id(), 3, id, info(1)));
        // A gap: positions 0, 1 and 3 but no 2.
        store.appendChunkRefs(pending.id(), 3, List.of(chunk(sha256('c', 3)).id()));
        assertThrows(BadInputException.class, () -> store.commitNar(pending.id(), 3, id, info(1)));
        assertTrue(store.findValidNar(sha256('n', 1)).isEmpty());
        // Filling the gap makes it committable.
        store.appendChunkRefs(pending.id(), 2, List.of(chunk(sha256('c', 2)).id()));
        assertEquals(4, store.commitNar(pending.id(), 4, id, info(1)).nar().numChunks());
    }

    @Test
    void appendRejectsPositionsAlreadyTaken() {
        NarRecord pending = store.createPendingNar(sha256('n', 1), 10, LEASE);
        long c = chunk(sha256('c', 1)).id();
        store.appendChunkRefs(pending.id(), 0, List.of(c, c));
        assertThrows(BadInputException.class, () -> store.appendChunkRefs(pending.id(), 1, List.of(c)));
    }

    @Test
    void chunkRefsComeInOrderAcrossPagesAndMayRepeatAChunk() {
        long id = cache("demo");
        NarRecord pending = store.createPendingNar(sha256('n', 1), 10, LEASE);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            ids.add(chunk(sha256('c', i % 700)).id()); // chunks 0..499 appear twice
        }
        store.appendChunkRefs(pending.id(), 0, ids.subList(0, 600));
        store.appendChunkRefs(pending.id(), 600, ids.subList(600, 1200));
        store.commitNar(pending.id(), 1200, id, info(1));
        List<Long> read = new ArrayList<>();
        int next = 0;
        while (true) {
            List<ChunkRef> page = store.chunkRefs(pending.id(), next, 256);
            if (page.isEmpty()) {
                break;
            }
            for (ChunkRef ref : page) {
                assertEquals(next++, ref.seq());
                assertEquals(ChunkState.VALID, ref.chunk().state());
                read.add(ref.chunk().id());
            }
        }
        assertEquals(ids, read);
        assertEquals(700, store.stats().chunks().get(ChunkState.VALID));
    }

    @Test
    void missingPathsListsOnlyAbsentHashesInTheGivenOrder() {
        long id = cache("demo");
        long other = cache("other");
        NarRecord nar = upload(id, 0, sha256('n', 1), 1, 'c').nar();
        for (int i = 2; i < 40; i += 2) {
            store.attachObject(id, nar.id(), info(i));
        }
        store.attachObject(other, nar.id(), info(1));
        List<String> asked = new ArrayList<>();
        for (int i = 39; i >= 0; i--) {
            asked.add(pathHash(i));
        }
        asked.add(pathHash(3)); // a duplicate is answered once
        List<String> expected = new ArrayList<>();
        for (int i = 39; i >= 0; i -= 2) {
            expected.add(pathHash(i)); // the odd ones; path 1 is only in the other cache
        }
        assertEquals(expected, store.missingPaths(id, asked));
        assertEquals(List.of(), store.missingPaths(id, List.of()));
    }

    @Test
    void missingPathsAnswersFortyThousandHashesAtOnce() {
        long id = cache("demo");
        NarRecord nar = upload(id, 0, sha256('n', 1), 1, 'c').nar();
        for (int i = 1; i < 50; i++) {
            store.attachObject(id, nar.id(), info(i * 1000L));
        }
        List<String> asked = pathHashes(40_000);
        List<String> missing = store.missingPaths(id, asked);
        assertEquals(40_000 - 40, missing.size());
        Set<String> missingSet = new HashSet<>(missing);
        for (int i = 0; i < 40; i++) {
            assertFalse(missingSet.contains(pathHash(i * 1000L)));
        }
        assertTrue(missingSet.contains(pathHash(1)));
    }

    private static List<String> pathHashes(int n) {
        return IntStream.range(0, n).mapToObj(MetadataStoreContract::pathHash).collect(Collectors.toList());
    }

    @Test
    void missingPathsRejectsAMalformedHash() {
        long id = cache("demo");
        BadInputException e = assertThrows(BadInputException.class,
                () -> store.missingPaths(id, List.of(pathHash(1), "x\"]; DROP TABLE object; --")));
        assertEquals(ErrorCode.INVALID_STORE_PATH, e.code());
    }

    @Test
    void touchMovesLastAccessAndNothingElse() {
        long id = cache("demo");
        CommittedNar c = upload(id, 1, sha256('n', 1), 1, 'c');
        Instant created = clock.instant();
        clock.advance(Duration.ofHours(3));
        store.touchObjects(List.of(c.object().id(), 987654321L));
        ObjectRecord after = store.findObject(id, pathHash(1)).orElseThrow().object();
        assertEquals(created, after.createdAt());
        assertEquals(clock.instant(), after.lastAccessedAt());
    }

    @Test
    void deletedObjectIsMissingAndItsNarBecomesAnOrphan() {
        long id = cache("demo");
        upload(id, 1, sha256('n', 1), 2, 'c');
        assertTrue(store.deleteObject(id, pathHash(1)));
        assertFalse(store.deleteObject(id, pathHash(1)));
        assertEquals(List.of(pathHash(1)), store.missingPaths(id, List.of(pathHash(1))));
        clock.advance(Duration.ofHours(1)); // past the hold a commit puts on its NAR
        assertEquals(1, store.reapNars(10));
        assertEquals(0, store.stats().chunkRefs());
    }

    @Test
    void oneNarIsSharedByCachesAndReapedOnlyWhenNoObjectPointsAtIt() {
        long a = cache("a");
        long b = cache("b");
        CommittedNar first = upload(a, 1, sha256('n', 1), 2, 'c');
        ObjectRecord attached = store.attachObject(b, first.nar().id(), info(1));
        assertEquals(first.nar().id(), attached.narId());
        clock.advance(Duration.ofHours(1)); // past every lease
        store.deleteObject(a, pathHash(1));
        assertEquals(0, store.reapNars(10));
        assertTrue(store.isNarComplete(first.nar().id()));
        store.deleteObject(b, pathHash(1));
        assertEquals(1, store.reapNars(10));
    }

    @Test
    void reuploadOfAPathPointsItAtTheNewNar() {
        long id = cache("demo");
        upload(id, 1, sha256('n', 1), 1, 'c');
        CommittedNar second = upload(id, 1, sha256('n', 2), 1, 'd');
        assertEquals(second.nar().id(), store.findObject(id, pathHash(1)).orElseThrow().nar().id());
        assertEquals(1, store.stats().objects());
    }

    @Test
    void secondCommitOfTheSameNarHashUsesTheFirstNar() {
        long id = cache("demo");
        NarRecord p1 = store.createPendingNar(sha256('n', 1), 10, LEASE);
        NarRecord p2 = store.createPendingNar(sha256('n', 1), 10, LEASE);
        long c = chunk(sha256('c', 1)).id();
        store.appendChunkRefs(p1.id(), 0, List.of(c));
        store.appendChunkRefs(p2.id(), 0, List.of(c));
        CommittedNar first = store.commitNar(p1.id(), 1, id, info(1));
        CommittedNar second = store.commitNar(p2.id(), 1, id, info(2));
        assertFalse(first.deduplicated());
        assertTrue(second.deduplicated());
        assertEquals(p1.id(), second.nar().id());
        assertEquals(p1.id(), second.object().narId());
        assertEquals(1, store.stats().nars().get(NarState.VALID));
        assertEquals(1, store.stats().nars().get(NarState.DELETED));
        // The loser goes at once, leases or not; the winner stays.
        assertEquals(1, store.reapNars(10));
        assertTrue(store.isNarComplete(p1.id()));
        ConflictException stale = assertThrows(ConflictException.class,
                () -> store.commitNar(p2.id(), 1, id, info(2)));
        assertEquals(ErrorCode.STALE_UPLOAD, stale.code());
    }

    @Test
    void attachRequiresAValidNar() {
        long id = cache("demo");
        NarRecord pending = store.createPendingNar(sha256('n', 1), 10, LEASE);
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> store.attachObject(id, pending.id(), info(1)));
        assertEquals(ErrorCode.NO_SUCH_OBJECT, e.code());
    }

    @Test
    void abortedNarIsReapedWithItsReferencesAndCannotBeCommitted() {
        long id = cache("demo");
        NarRecord pending = store.createPendingNar(sha256('n', 1), 10, LEASE);
        store.appendChunkRefs(pending.id(), 0, List.of(chunk(sha256('c', 1)).id()));
        store.abortNar(pending.id());
        assertThrows(ConflictException.class, () -> store.commitNar(pending.id(), 1, id, info(1)));
        assertThrows(ConflictException.class, () -> store.renewNarLease(pending.id(), LEASE));
        assertEquals(1, store.reapNars(10));
        assertEquals(0, store.stats().chunkRefs());
    }

    // ---- leases and pending rows ----

    @Test
    void pendingNarIsReapedOnlyAfterItsLeaseExpiresAndRenewalDefersThat() {
        long id = cache("demo");
        NarRecord pending = store.createPendingNar(sha256('n', 1), 10, Duration.ofMinutes(5));
        store.appendChunkRefs(pending.id(), 0, List.of(chunk(sha256('c', 1)).id()));
        clock.advance(Duration.ofMinutes(4));
        store.renewNarLease(pending.id(), Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(4));
        assertEquals(0, store.reapNars(10));
        store.commitNar(pending.id(), 1, id, info(1)); // still pending: commit works
        NarRecord crashed = store.createPendingNar(sha256('n', 2), 10, Duration.ofMinutes(5));
        store.appendChunkRefs(crashed.id(), 0, List.of(chunk(sha256('c', 2)).id()));
        clock.advance(Duration.ofMinutes(6));
        assertEquals(1, store.reapNars(10));
        ConflictException e = assertThrows(ConflictException.class,
                () -> store.appendChunkRefs(crashed.id(), 1, List.of(chunk(sha256('c', 3)).id())));
        assertEquals(ErrorCode.STALE_UPLOAD, e.code());
    }

    @Test
    void leasedChunkWithoutReferencesSurvivesTheCollectorUntilTheLeaseEnds() {
        ChunkRecord c = chunk(sha256('c', 1));
        assertTrue(store.claimDeadChunks(10).isEmpty());
        clock.advance(LEASE.plusSeconds(1));
        // A new lease taken by a dedup check protects it again.
        assertEquals(c.id(), store.leaseValidChunk(sha256('c', 1), "zstd", LEASE).orElseThrow().id());
        assertTrue(store.claimDeadChunks(10).isEmpty());
        clock.advance(LEASE.plusSeconds(1));
        assertEquals(List.of(c.id()), ids(store.claimDeadChunks(10)));
    }

    @Test
    void appendRejectsAChunkTheCollectorAlreadyTook() {
        ChunkRecord c = chunk(sha256('c', 1));
        clock.advance(LEASE.plusSeconds(1));
        assertEquals(1, store.claimDeadChunks(10).size());
        NarRecord pending = store.createPendingNar(sha256('n', 1), 10, LEASE);
        ConflictException e = assertThrows(ConflictException.class,
                () -> store.appendChunkRefs(pending.id(), 0, List.of(c.id())));
        assertEquals(ErrorCode.STALE_UPLOAD, e.code());
        assertTrue(store.leaseValidChunk(sha256('c', 1), "zstd", LEASE).isEmpty());
    }

    @Test
    void referencedChunkIsKeptAfterItsLeaseEnds() {
        long id = cache("demo");
        upload(id, 1, sha256('n', 1), 3, 'c');
        clock.advance(Duration.ofDays(1));
        assertTrue(store.claimDeadChunks(10).isEmpty());
        assertEquals(0, store.reapNars(10));
    }

    // ---- chunks ----

    @Test
    void dedupFindsOnlyValidChunksOfTheSameCompression() {
        ChunkRecord pending = store.insertPendingChunk(new NewChunk(sha256('c', 1), "zstd", 100, "k1"), LEASE);
        assertEquals(ChunkState.PENDING, pending.state());
        assertEquals(-1, pending.fileSize());
        assertTrue(store.leaseValidChunk(sha256('c', 1), "zstd", LEASE).isEmpty());
        ChunkRecord valid = store.markChunkValid(pending.id(), sha256('f', 1), 60);
        assertEquals(pending.id(), valid.id());
        assertEquals(ChunkState.VALID, valid.state());
        assertEquals(sha256('f', 1), valid.fileHash());
        assertEquals(60, valid.fileSize());
        assertEquals("k1", valid.storageKey());
        assertEquals(valid.id(), store.leaseValidChunk(sha256('c', 1), "zstd", LEASE).orElseThrow().id());
        assertTrue(store.leaseValidChunk(sha256('c', 1), "none", LEASE).isEmpty());
    }

    @Test
    void secondValidationOfTheSameChunkLearnsTheWinnerAndIsCollected() {
        ChunkRecord a = store.insertPendingChunk(new NewChunk(sha256('c', 1), "zstd", 100, "ka"), LEASE);
        ChunkRecord b = store.insertPendingChunk(new NewChunk(sha256('c', 1), "zstd", 100, "kb"), LEASE);
        assertEquals(a.id(), store.markChunkValid(a.id(), sha256('f', 1), 60).id());
        ChunkRecord winner = store.markChunkValid(b.id(), sha256('f', 1), 60);
        assertEquals(a.id(), winner.id());
        assertEquals(1, store.stats().chunks().get(ChunkState.VALID));
        // The loser's file is the collector's at once, lease or not.
        List<ChunkRecord> dead = store.claimDeadChunks(10);
        assertEquals(List.of("kb"), dead.stream().map(ChunkRecord::storageKey).collect(Collectors.toList()));
        ConflictException e = assertThrows(ConflictException.class,
                () -> store.markChunkValid(b.id(), sha256('f', 1), 60));
        assertEquals(ErrorCode.STALE_UPLOAD, e.code());
    }

    @Test
    void corruptChunkMakesItsNarsIncompleteUntilAnUploadReplacesIt() {
        long id = cache("demo");
        CommittedNar c = upload(id, 1, sha256('n', 1), 3, 'c');
        ChunkRecord middle = store.chunkRefs(c.nar().id(), 1, 1).get(0).chunk();
        assertTrue(store.markChunkCorrupt(middle.id()));
        assertFalse(store.markChunkCorrupt(middle.id()));
        assertFalse(store.isNarComplete(c.nar().id()));
        assertEquals(ChunkState.CORRUPT, store.chunkRefs(c.nar().id(), 1, 1).get(0).chunk().state());
        // Not deduplicated against: the next upload of the chunk writes it again.
        assertTrue(store.leaseValidChunk(middle.chunkHash(), "zstd", LEASE).isEmpty());
        ChunkRecord replacement = chunk(middle.chunkHash());
        assertNotEquals(middle.id(), replacement.id());
        assertTrue(store.isNarComplete(c.nar().id()));
        assertEquals(replacement.id(), store.chunkRefs(c.nar().id(), 1, 1).get(0).chunk().id());
        // The corrupt one is now an orphan: its file and row go.
        clock.advance(LEASE.plusSeconds(1));
        List<ChunkRecord> dead = store.claimDeadChunks(10);
        assertEquals(List.of(middle.id()), ids(dead));
        assertEquals(1, store.deleteChunkRows(ids(dead)));
    }

    @Test
    void aCompleteUploadReplacesAStoredNarThatLostAChunk() {
        long demo = cache("demo");
        long other = cache("other");
        String narHash = sha256('n', 7);
        CommittedNar broken = upload(demo, 1, narHash, 3, 'c');
        store.attachObject(other, broken.nar().id(), info(2));
        ChunkRecord middle = store.chunkRefs(broken.nar().id(), 1, 1).get(0).chunk();
        store.markChunkCorrupt(middle.id());
        // The same NAR uploaded again but cut differently (other settings): no chunk heals in place.
        CommittedNar fresh = upload(demo, 1, narHash, 2, 'd');
        assertFalse(fresh.deduplicated(), "a broken NAR is not something to deduplicate against");
        assertNotEquals(broken.nar().id(), fresh.nar().id());
        assertTrue(store.isNarComplete(fresh.nar().id()));
        assertEquals(fresh.nar().id(), store.findValidNar(narHash).orElseThrow().id());
        assertEquals(fresh.nar().id(), store.findObject(demo, pathHash(1)).orElseThrow().nar().id());
        assertEquals(fresh.nar().id(), store.findObject(other, pathHash(2)).orElseThrow().nar().id(),
                "every cache that held the broken NAR now serves the complete one");
    }

    @Test
    void abortedChunkIsCollectedAndCannotBeValidated() {
        ChunkRecord p = store.insertPendingChunk(new NewChunk(sha256('c', 1), "zstd", 100, "k"), LEASE);
        store.abortChunk(p.id());
        assertThrows(ConflictException.class, () -> store.markChunkValid(p.id(), sha256('f', 1), 10));
        assertEquals(List.of(p.id()), ids(store.claimDeadChunks(10)));
    }

    // ---- chunks in batches ----

    private static List<NewChunk> newChunks(char kind, int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> new NewChunk(sha256(kind, i), "zstd", 100 + i, "batch/" + kind + "/" + i))
                .collect(Collectors.toList());
    }

    private static List<WrittenChunk> written(List<ChunkRecord> pending) {
        return pending.stream().map(c -> new WrittenChunk(c.id(), c.chunkHash().replace("sha256:0", "sha256:1"), 50))
                .collect(Collectors.toList());
    }

    @Test
    void aBatchOfNewChunksIsInsertedPendingAndMarkedValidInTheOrderGiven() {
        // given in descending hash order, so a store that sorts internally must still answer in order
        List<NewChunk> chunks = new ArrayList<>(newChunks('c', 0, 5));
        java.util.Collections.reverse(chunks);
        List<ChunkRecord> pending = store.insertPendingChunks(chunks, LEASE);
        assertEquals(chunks.stream().map(NewChunk::storageKey).collect(Collectors.toList()),
                pending.stream().map(ChunkRecord::storageKey).collect(Collectors.toList()));
        assertTrue(pending.stream().allMatch(c -> c.state() == ChunkState.PENDING && c.fileSize() == -1));
        assertTrue(store.leaseValidChunk(chunks.get(0).chunkHash(), "zstd", LEASE).isEmpty(),
                "a pending chunk is not deduplicated against");
        List<Optional<ChunkRecord>> valid = store.markChunksValid(written(pending));
        assertEquals(ids(pending), valid.stream().map(o -> o.orElseThrow().id()).collect(Collectors.toList()));
        assertTrue(valid.stream().allMatch(o -> o.orElseThrow().state() == ChunkState.VALID && o.get().fileSize() == 50));
        for (NewChunk c : chunks) {
            assertEquals(c.storageKey(), store.leaseValidChunk(c.chunkHash(), "zstd", LEASE).orElseThrow().storageKey());
        }
        // leased like a dedup hit: the collector leaves them alone until they are referenced
        assertTrue(store.claimDeadChunks(10).isEmpty());
    }

    @Test
    void aBatchLearnsTheChunkAnotherUploaderValidatedFirstAndItsOwnCopyIsCollected() {
        List<ChunkRecord> pending = store.insertPendingChunks(newChunks('c', 0, 3), LEASE);
        ChunkRecord other = store.insertPendingChunk(new NewChunk(sha256('c', 1), "zstd", 101, "other/1"), LEASE);
        assertEquals(other.id(), store.markChunkValid(other.id(), sha256('f', 1), 40).id());

        List<Optional<ChunkRecord>> valid = store.markChunksValid(written(pending));
        assertEquals(List.of(pending.get(0).id(), other.id(), pending.get(2).id()),
                valid.stream().map(o -> o.orElseThrow().id()).collect(Collectors.toList()));
        assertEquals(3, store.stats().chunks().get(ChunkState.VALID));
        // the batch's copy of the chunk that lost is the collector's at once, lease or not
        assertEquals(List.of("batch/c/1"), store.claimDeadChunks(10).stream().map(ChunkRecord::storageKey)
                .collect(Collectors.toList()));
        // and the winner stays leased for the upload that will reference it
        clock.advance(LEASE.minusSeconds(1));
        assertTrue(store.claimDeadChunks(10).stream().noneMatch(c -> c.id() == other.id()));
    }

    @Test
    void twoCopiesOfOneChunkInABatchMakeOneValidChunkAndTheOtherIsCollected() {
        List<NewChunk> twice = List.of(new NewChunk(sha256('c', 1), "zstd", 100, "batch/first"),
                new NewChunk(sha256('c', 1), "zstd", 100, "batch/second"));
        List<ChunkRecord> pending = store.insertPendingChunks(twice, LEASE);
        List<Optional<ChunkRecord>> valid = store.markChunksValid(written(pending));
        assertEquals(valid.get(0).orElseThrow().id(), valid.get(1).orElseThrow().id(), "both reference one chunk");
        assertEquals(1, store.stats().chunks().get(ChunkState.VALID));
        long kept = valid.get(0).get().id();
        List<ChunkRecord> dead = store.claimDeadChunks(10);
        assertEquals(1, dead.size());
        assertNotEquals(kept, dead.get(0).id());
        assertTrue(pending.stream().anyMatch(c -> c.id() == dead.get(0).id()));
    }

    @Test
    void aBatchValidationMovesTheReferencesOfACorruptChunkToTheNewCopy() {
        long id = cache("demo");
        CommittedNar c = upload(id, 1, sha256('n', 1), 3, 'c');
        ChunkRecord middle = store.chunkRefs(c.nar().id(), 1, 1).get(0).chunk();
        assertTrue(store.markChunkCorrupt(middle.id()));
        assertFalse(store.isNarComplete(c.nar().id()));

        List<NewChunk> batch = List.of(new NewChunk(sha256('d', 9), "zstd", 10, "batch/d/9"),
                new NewChunk(middle.chunkHash(), "zstd", 1000, "batch/replacement"));
        List<ChunkRecord> pending = store.insertPendingChunks(batch, LEASE);
        List<Optional<ChunkRecord>> valid = store.markChunksValid(written(pending));
        ChunkRecord replacement = valid.get(1).orElseThrow();
        assertEquals(pending.get(1).id(), replacement.id());
        assertTrue(store.isNarComplete(c.nar().id()));
        assertEquals(replacement.id(), store.chunkRefs(c.nar().id(), 1, 1).get(0).chunk().id());
    }

    @Test
    void aBatchValidationAnswersEmptyForAChunkTheCollectorTookAndMarksTheOthers() {
        ChunkRecord crashed = store.insertPendingChunks(newChunks('c', 0, 1), Duration.ofMinutes(1)).get(0);
        ChunkRecord slow = store.insertPendingChunks(newChunks('c', 1, 1), Duration.ofMinutes(30)).get(0);
        clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of(crashed.id()), ids(store.claimDeadChunks(10)));

        List<Optional<ChunkRecord>> valid = store.markChunksValid(written(List.of(crashed, slow)));
        assertTrue(valid.get(0).isEmpty(), "the collector took the chunk: no row names its file any more");
        assertEquals(slow.id(), valid.get(1).orElseThrow().id());
        assertEquals(ChunkState.VALID, valid.get(1).get().state());
        // what the one-by-one call says about the same chunk
        ConflictException e = assertThrows(ConflictException.class,
                () -> store.markChunkValid(crashed.id(), sha256('f', 0), 50));
        assertEquals(ErrorCode.STALE_UPLOAD, e.code());
        assertTrue(store.leaseValidChunk(sha256('c', 0), "zstd", LEASE).isEmpty());
    }

    @Test
    void emptyBatchesChangeNothing() {
        assertEquals(List.of(), store.insertPendingChunks(List.of(), LEASE));
        assertEquals(List.of(), store.markChunksValid(List.of()));
        MetadataStats stats = store.stats();
        assertEquals(0, stats.chunks().values().stream().mapToLong(Long::longValue).sum());
    }

    // ---- garbage collection ----

    @Test
    void objectsExpireByLastAccessUnderTheirCachesRetention() {
        long fallback = store.createCache("fallback", retaining(null)).id();
        long week = store.createCache("week", retaining(Duration.ofDays(7))).id();
        long forever = store.createCache("forever", retaining(Duration.ZERO)).id();
        NarRecord nar = upload(fallback, 1, sha256('n', 1), 1, 'c').nar();
        store.attachObject(week, nar.id(), info(2));
        ObjectRecord touched = store.attachObject(week, nar.id(), info(3));
        store.attachObject(forever, nar.id(), info(4));
        clock.advance(Duration.ofDays(5));
        store.touchObjects(List.of(touched.id()));
        clock.advance(Duration.ofDays(3)); // 8 days since upload, 3 since the touch
        assertEquals(2, store.expireObjects(Duration.ofDays(2), 100)); // paths 1 and 2
        assertTrue(store.findObject(fallback, pathHash(1)).isEmpty());
        assertTrue(store.findObject(week, pathHash(2)).isEmpty());
        assertTrue(store.findObject(week, pathHash(3)).isPresent());
        assertTrue(store.findObject(forever, pathHash(4)).isPresent());
        assertEquals(0, store.expireObjects(Duration.ofDays(2), 100));
        // A zero default keeps the objects of caches without their own period.
        store.attachObject(fallback, nar.id(), info(5));
        clock.advance(Duration.ofDays(365));
        assertEquals(1, store.expireObjects(Duration.ZERO, 100)); // path 3 in "week"
        assertTrue(store.findObject(fallback, pathHash(5)).isPresent());
    }

    @Test
    void collectorStepsWorkInBoundedBatchesUntilDone() {
        long id = cache("demo");
        for (int i = 0; i < 7; i++) {
            upload(id, i, sha256('n', i), 2, NIX32.charAt(10 + i));
        }
        clock.advance(Duration.ofDays(30));
        List<Integer> expired = new ArrayList<>();
        int n;
        while ((n = store.expireObjects(Duration.ofDays(1), 3)) > 0) {
            expired.add(n);
        }
        assertEquals(List.of(3, 3, 1), expired);
        List<Integer> reaped = new ArrayList<>();
        while ((n = store.reapNars(3)) > 0) {
            reaped.add(n);
        }
        assertEquals(List.of(3, 3, 1), reaped);
        Set<String> keys = new HashSet<>();
        int rounds = 0;
        List<ChunkRecord> dead;
        while (!(dead = store.claimDeadChunks(5)).isEmpty()) {
            assertTrue(dead.size() <= 5);
            dead.forEach(d -> keys.add(d.storageKey()));
            assertEquals(dead.size(), store.deleteChunkRows(ids(dead)));
            rounds++;
        }
        assertEquals(14, keys.size());
        assertEquals(3, rounds);
        MetadataStats stats = store.stats();
        assertEquals(0, stats.objects());
        assertEquals(0, stats.chunkRefs());
        assertEquals(0, stats.nars().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(0, stats.chunks().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void claimedChunksStayUntilTheirRowsAreDeletedSoACrashedRunIsRetried() {
        ChunkRecord c = chunk(sha256('c', 1));
        clock.advance(LEASE.plusSeconds(1));
        List<ChunkRecord> first = store.claimDeadChunks(10);
        assertEquals(ChunkState.DELETED, first.get(0).state());
        // The run "crashed" before deleting files and rows: the next run gets the same chunk.
        assertEquals(ids(first), ids(store.claimDeadChunks(10)));
        assertEquals(0, store.deleteChunkRows(List.of(c.id() + 1000)));
        assertEquals(1, store.deleteChunkRows(ids(first)));
        assertTrue(store.claimDeadChunks(10).isEmpty());
        assertEquals(0, store.deleteChunkRows(ids(first)));
    }

    @Test
    void expiredPendingChunkIsCollectedButALeasedOneIsNot() {
        ChunkRecord crashed = store.insertPendingChunk(new NewChunk(sha256('c', 1), "zstd", 100, "k1"),
                Duration.ofMinutes(1));
        ChunkRecord slow = store.insertPendingChunk(new NewChunk(sha256('c', 2), "zstd", 100, "k2"),
                Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of(crashed.id()), ids(store.claimDeadChunks(10)));
        assertEquals(ChunkState.VALID, store.markChunkValid(slow.id(), sha256('f', 2), 10).state());
    }

    @Test
    void deleteChunkRowsNeverDeletesAChunkThatIsNotClaimed() {
        ChunkRecord c = chunk(sha256('c', 1));
        assertEquals(0, store.deleteChunkRows(List.of(c.id())));
        assertEquals(c.id(), store.leaseValidChunk(sha256('c', 1), "zstd", LEASE).orElseThrow().id());
    }

    @Test
    void listChunksPagesThroughEveryChunkInIdOrder() {
        long id = cache("demo");
        upload(id, 1, sha256('n', 1), 3, 'c');
        ChunkRecord corrupt = chunk(sha256('x', 1));
        assertTrue(store.markChunkCorrupt(corrupt.id()));
        ChunkRecord pending = store.insertPendingChunk(new NewChunk(sha256('p', 1), "zstd", 10, "chunks/p"), LEASE);
        List<ChunkRecord> all = new ArrayList<>();
        long after = 0;
        for (List<ChunkRecord> page = store.listChunks(after, 2); !page.isEmpty(); page = store.listChunks(after, 2)) {
            assertTrue(page.size() <= 2);
            all.addAll(page);
            after = page.get(page.size() - 1).id();
        }
        assertEquals(5, all.size());
        List<Long> ids = ids(all);
        assertEquals(ids.stream().sorted().toList(), ids, "in id order");
        assertEquals(ChunkState.CORRUPT, all.stream().filter(c -> c.id() == corrupt.id()).findFirst().orElseThrow().state());
        assertEquals(ChunkState.PENDING, all.get(all.size() - 1).state());
        assertEquals(pending.id(), all.get(all.size() - 1).id());
        assertTrue(store.listChunks(after, 10).isEmpty());
    }

    @Test
    void chunkUsesNameTheStorePathsOfEveryNarThatHoldsTheChunk() {
        long a = cache("alpha");
        long b = cache("beta");
        CommittedNar first = upload(a, 1, sha256('n', 1), 2, 'c');
        store.attachObject(b, first.nar().id(), info(2));
        upload(a, 3, sha256('n', 3), 1, 'd');
        long shared = store.chunkRefs(first.nar().id(), 0, 10).get(0).chunk().id();
        List<ChunkUse> uses = store.chunkUses(shared, 10);
        assertEquals(List.of(
                new ChunkUse("alpha", info(1).storePath(), sha256('n', 1)),
                new ChunkUse("beta", info(2).storePath(), sha256('n', 1))), uses);
        assertEquals(1, store.chunkUses(shared, 1).size(), "at most limit");
        long other = store.listChunks(0, 100).stream().filter(c -> c.chunkHash().equals(sha256('d', 0))).findFirst().orElseThrow().id();
        assertEquals(List.of(new ChunkUse("alpha", info(3).storePath(), sha256('n', 3))), store.chunkUses(other, 10));
    }

    @Test
    void statsCountRowsPerState() {
        long id = cache("demo");
        cache("gone");
        store.softDeleteCache("gone");
        upload(id, 1, sha256('n', 1), 2, 'c');
        store.createPendingNar(sha256('n', 2), 10, LEASE);
        store.insertPendingChunk(new NewChunk(sha256('c', 9), "zstd", 10, "k"), LEASE);
        store.markChunkCorrupt(chunk(sha256('c', 5)).id());
        MetadataStats s = store.stats();
        assertEquals(1, s.caches());
        assertEquals(1, s.objects());
        assertEquals(2, s.chunkRefs());
        assertEquals(1, s.nars().get(NarState.VALID));
        assertEquals(1, s.nars().get(NarState.PENDING));
        assertEquals(2, s.chunks().get(ChunkState.VALID));
        assertEquals(1, s.chunks().get(ChunkState.PENDING));
        assertEquals(1, s.chunks().get(ChunkState.CORRUPT));
        assertEquals(0, s.chunks().get(ChunkState.DELETED));
    }

    // ---- concurrency ----

    /**
     * Thirty-two uploads of the same NAR (same chunks) at once, while readers look for it and a
     * collector runs: one valid NAR, one valid chunk per hash, every object on the valid NAR, and
     * no reader ever saw a valid NAR without all its references.
     */
    @Test
    void concurrentUploadsOfOneNarEndWithOneValidNarAndReadersNeverSeeItIncomplete() throws Exception {
        int uploaders = 32;
        int chunks = 12;
        long cacheId = cache("demo");
        String narHash = sha256('n', 42);
        ExecutorService pool = Executors.newFixedThreadPool(uploaders + 3);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        List<Future<CommittedNar>> uploads = new ArrayList<>();
        try {
            for (int t = 0; t < uploaders; t++) {
                long path = t % 8; // four uploads per store path, eight paths
                uploads.add(pool.submit(() -> {
                    start.await();
                    NarRecord pending = store.createPendingNar(narHash, 12_000, LEASE);
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < chunks; i++) {
                        ids.add(chunk(sha256('c', i)).id());
                        if (ids.size() == 4) { // append in small batches, as a streaming upload would
                            store.appendChunkRefs(pending.id(), i - 3, ids);
                            ids.clear();
                        }
                    }
                    return store.commitNar(pending.id(), chunks, cacheId, info(path));
                }));
            }
            List<Future<?>> helpers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                helpers.add(pool.submit(() -> {
                    start.await();
                    while (!done.get()) {
                        Optional<NarRecord> nar = store.findValidNar(narHash);
                        if (nar.isPresent()) {
                            List<ChunkRef> refs = store.chunkRefs(nar.get().id(), 0, 100);
                            if (refs.size() != chunks || nar.get().numChunks() != chunks) {
                                violations.add("valid NAR with " + refs.size() + " refs");
                            }
                        }
                        for (long p = 0; p < 8; p++) {
                            store.findObject(cacheId, pathHash(p)).ifPresent(o -> {
                                if (o.nar().state() != NarState.VALID
                                        || store.chunkRefs(o.nar().id(), 0, 100).size() != chunks) {
                                    violations.add("object on an incomplete NAR " + o.nar());
                                }
                            });
                        }
                    }
                    return null;
                }));
            }
            helpers.add(pool.submit(() -> {
                start.await();
                while (!done.get()) {
                    store.reapNars(50);
                    List<ChunkRecord> dead = store.claimDeadChunks(50);
                    store.deleteChunkRows(ids(dead));
                }
                return null;
            }));
            start.countDown();
            List<CommittedNar> results = new ArrayList<>();
            for (Future<CommittedNar> f : uploads) {
                results.add(f.get(180, TimeUnit.SECONDS));
            }
            done.set(true);
            for (Future<?> f : helpers) {
                f.get(60, TimeUnit.SECONDS);
            }
            Set<Long> narIds = results.stream().map(r -> r.nar().id()).collect(Collectors.toSet());
            assertEquals(1, narIds.size(), "all uploads end on one NAR");
            long narId = narIds.iterator().next();
            assertEquals(uploaders - 1, results.stream().filter(CommittedNar::deduplicated).count());
            assertEquals(List.of(), List.copyOf(violations));
            MetadataStats stats = store.stats();
            assertEquals(1, stats.nars().get(NarState.VALID));
            assertEquals(chunks, stats.chunks().get(ChunkState.VALID));
            assertEquals(8, stats.objects());
            for (long p = 0; p < 8; p++) {
                assertEquals(narId, store.findObject(cacheId, pathHash(p)).orElseThrow().nar().id());
            }
            List<ChunkRef> refs = store.chunkRefs(narId, 0, 100);
            assertEquals(chunks, refs.size());
            for (int i = 0; i < chunks; i++) {
                assertEquals(sha256('c', i), refs.get(i).chunk().chunkHash());
                assertEquals(ChunkState.VALID, refs.get(i).chunk().state());
            }
            assertTrue(store.isNarComplete(narId));
            // Everything the losers left is garbage the collector can finish.
            while (store.reapNars(100) > 0) {
                // loop
            }
            assertEquals(0, store.stats().nars().get(NarState.DELETED));
            assertEquals(chunks, store.stats().chunkRefs());
        } finally {
            done.set(true);
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void concurrentCreationOfOneCacheNameHasOneWinner() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        store.createCache("race", config());
                        return true;
                    } catch (ConflictException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> f : results) {
                won += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- reference-aware chunking ----

    /** A table of {@code n} references to two hashes, the last ending at byte 100 * n. */
    protected static ReferenceTable referenceTable(int n) {
        List<Reference> refs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            refs.add(new Reference(100L * i - 32, new StorePathHash(pathHash(i % 2))));
        }
        return ReferenceTable.of(refs);
    }

    @Test
    void aReferenceTableRecordedBeforeTheCommitIsReadBackForTheValidNar() {
        long id = cache("demo");
        NarRecord pending = store.createPendingNar(sha256('n', 1), 1000, LEASE);
        store.appendChunkRefs(pending.id(), 0, List.of(chunk(sha256('c', 1)).id()));
        store.recordReferenceTable(pending.id(), referenceTable(10));
        CommittedNar committed = store.commitNar(pending.id(), 1, id, info(1));
        assertEquals(Optional.of(referenceTable(10)), store.referenceTable(committed.nar().id()));
        NarRecord found = store.findValidNar(sha256('n', 1)).orElseThrow();
        assertEquals(Optional.of(referenceTable(10)), store.referenceTable(found.id()));
    }

    @Test
    void aPlainNarHasNoReferenceTable() {
        long id = cache("demo");
        CommittedNar plain = upload(id, 1, sha256('n', 1), 1, 'c');
        assertEquals(Optional.empty(), store.referenceTable(plain.nar().id()));
        assertEquals(Optional.empty(), store.referenceTable(plain.nar().id() + 1000));
    }

    @Test
    void aLargeReferenceTableIsStoredWhole() {
        long id = cache("demo");
        NarRecord pending = store.createPendingNar(sha256('n', 1), 100L * 50_000, LEASE);
        store.appendChunkRefs(pending.id(), 0, List.of(chunk(sha256('c', 1)).id()));
        store.recordReferenceTable(pending.id(), referenceTable(50_000));
        store.commitNar(pending.id(), 1, id, info(1));
        assertEquals(Optional.of(referenceTable(50_000)), store.referenceTable(pending.id()));
    }

    @Test
    void recordingAReferenceTableAgainReplacesItAndAnEmptyOneRemovesIt() {
        NarRecord pending = store.createPendingNar(sha256('n', 1), 1000, LEASE);
        store.recordReferenceTable(pending.id(), referenceTable(3));
        store.recordReferenceTable(pending.id(), referenceTable(5));
        assertEquals(Optional.of(referenceTable(5)), store.referenceTable(pending.id()));
        store.recordReferenceTable(pending.id(), ReferenceTable.EMPTY);
        assertEquals(Optional.empty(), store.referenceTable(pending.id()));
    }

    @Test
    void recordingAReferenceTableForANarThatIsNoLongerPendingIsAStaleUpload() {
        long id = cache("demo");
        CommittedNar committed = upload(id, 1, sha256('n', 1), 1, 'c');
        ConflictException e = assertThrows(ConflictException.class,
                () -> store.recordReferenceTable(committed.nar().id(), referenceTable(2)));
        assertEquals(ErrorCode.STALE_UPLOAD, e.code());
        assertEquals(Optional.empty(), store.referenceTable(committed.nar().id()));
    }

    @Test
    void rejectsAReferenceTableThatReachesBeyondTheNarSize() {
        NarRecord pending = store.createPendingNar(sha256('n', 1), 999, LEASE);
        BadInputException e = assertThrows(BadInputException.class,
                () -> store.recordReferenceTable(pending.id(), referenceTable(10)));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertEquals(Optional.empty(), store.referenceTable(pending.id()));
    }

    @Test
    void theReferenceTableStaysWithItsNarWhenAPlainUploadOfTheSameHashCommittedFirst() {
        long id = cache("demo");
        NarRecord masked = store.createPendingNar(sha256('n', 1), 1000, LEASE);
        NarRecord plain = store.createPendingNar(sha256('n', 1), 1000, LEASE);
        store.appendChunkRefs(masked.id(), 0, List.of(chunk(sha256('c', 1)).id()));
        store.appendChunkRefs(plain.id(), 0, List.of(chunk(sha256('c', 2)).id()));
        store.recordReferenceTable(masked.id(), referenceTable(10));
        CommittedNar first = store.commitNar(plain.id(), 1, id, info(1));
        CommittedNar second = store.commitNar(masked.id(), 1, id, info(2));
        assertTrue(second.deduplicated());
        assertEquals(first.nar().id(), second.nar().id());
        assertEquals(Optional.empty(), store.referenceTable(second.nar().id()),
                "the winner is plain: its chunks hold the original bytes");
    }

    protected static List<Long> ids(List<ChunkRecord> chunks) {
        return chunks.stream().map(ChunkRecord::id).collect(Collectors.toList());
    }
}
