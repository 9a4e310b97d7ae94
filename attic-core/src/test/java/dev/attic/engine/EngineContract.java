package dev.attic.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.AccessDeniedException;
import dev.attic.AtticException;
import dev.attic.BackendException;
import dev.attic.BadInputException;
import dev.attic.ConflictException;
import dev.attic.ErrorCode;
import dev.attic.NotFoundException;
import dev.attic.auth.CacheNamePattern;
import dev.attic.auth.CachePermissions;
import dev.attic.auth.Permission;
import dev.attic.auth.Token;
import dev.attic.auth.TokenKey;
import dev.attic.cache.CacheName;
import dev.attic.chunking.ChunkingSettings;
import dev.attic.metadata.MetadataStats;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.TestClock;
import dev.attic.narinfo.NarInfo;
import dev.attic.nix.Hash;
import dev.attic.nix.StorePathHash;
import dev.attic.nix.TestVectors;
import dev.attic.references.Reference;
import dev.attic.references.ReferenceTable;
import dev.attic.signing.SigningKey;
import dev.attic.storage.Storage;
import dev.attic.storage.StorageKey;
import dev.attic.storage.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine end to end over a real storage and a real metadata store, which a subclass provides:
 * run unchanged on filesystem + SQLite and on S3 + PostgreSQL.
 */
public abstract class EngineContract {
    /** Small chunks, so that NARs of a few hundred KiB have many. */
    protected static final ChunkingSettings SMALL_CHUNKS = new ChunkingSettings(16 * 1024, 4 * 1024, 16 * 1024, 64 * 1024);
    private static final byte[] SECRET = "engine-contract-secret-engine-contract-secret".getBytes(StandardCharsets.UTF_8);

    protected TestClock clock;
    protected Storage storage;
    protected MetadataStore metadata;
    protected Attic attic;
    private final TokenKey tokenKey = TokenKey.hs256(SECRET);
    private final CacheName cacheA = CacheName.of("alpha");
    private final CacheName cacheB = CacheName.of("beta");
    private Caller admin;

    /** A fresh, empty storage for one test. */
    protected abstract Storage openStorage();

    /** A fresh, empty metadata store on the given clock for one test. */
    protected abstract MetadataStore openMetadata(TestClock clock);

    @BeforeEach
    void startEngine() {
        clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        storage = openStorage();
        metadata = openMetadata(clock);
        attic = engine(Attic.builder());
        admin = token("*", Permission.values());
    }

    private Attic engine(Attic.Builder builder) {
        return engine(builder, SMALL_CHUNKS);
    }

    private Attic engine(Attic.Builder builder, ChunkingSettings chunking) {
        return builder.storage(storage).metadata(metadata).tokenVerifier(tokenKey.verifier(clock)).clock(clock)
                .chunking(chunking).uploadLease(Duration.ofMinutes(10)).build();
    }

    @AfterEach
    void stopEngine() throws Exception {
        if (attic != null) {
            attic.close();
        }
        if (metadata != null) {
            metadata.close();
        }
        if (storage != null) {
            storage.close();
        }
    }

    private Caller token(String pattern, Permission... permissions) {
        Token token = Token.of("tester", clock.instant().minusSeconds(1), clock.instant().plus(Duration.ofDays(3650)))
                .withGrant(CacheNamePattern.of(pattern), CachePermissions.of(permissions));
        return attic.authenticate(tokenKey.sign(token));
    }

    private CacheInfo create(CacheName name, boolean isPublic) {
        return attic.createCache(admin, name, CachePatch.builder().isPublic(isPublic).build());
    }

    private UploadResult upload(CacheName cache, TestNars.TestNar nar) throws IOException {
        return attic.upload(admin, cache, nar.info(), new ByteArrayInputStream(nar.bytes()));
    }

    private byte[] download(Caller caller, CacheName cache, String storePathHash) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NarDownload nar = attic.nar(caller, cache, storePathHash, false);
        nar.writeTo(out);
        assertEquals(nar.narSize(), out.size(), "the download writes exactly NarSize bytes");
        return out.toByteArray();
    }

    private static TestNars.TestNar bigNar(long seed) {
        return TestNars.regularFile("big-" + seed, TestNars.randomBytes(600 * 1024, seed), seed);
    }

    private Set<String> storedKeys() {
        try (Stream<StoredObject> objects = storage.list("")) {
            return objects.map(o -> o.key().value()).collect(Collectors.toSet());
        }
    }

    // ---- caches ----

    @Test
    void createdCacheReportsItsSettingsAndAGeneratedKey() {
        CacheInfo info = attic.createCache(admin, cacheA, CachePatch.builder().isPublic(true).priority(30).build());
        assertEquals(cacheA, info.name());
        assertTrue(info.isPublic());
        assertEquals(30, info.priority());
        assertEquals("/nix/store", info.storeDir());
        assertEquals("alpha-1", info.publicKey().name());
        assertTrue(info.retention().isGlobal());
        assertEquals(info, attic.cacheInfo(Caller.anonymous(), cacheA));
    }

    @Test
    void creatingAnExistingCacheConflicts() {
        create(cacheA, false);
        ConflictException e = assertThrows(ConflictException.class, () -> create(cacheA, true));
        assertEquals(ErrorCode.CACHE_ALREADY_EXISTS, e.code());
    }

    @Test
    void configureChangesOnlyWhatThePatchNames() {
        CacheInfo before = create(cacheA, false);
        CacheInfo after = attic.configureCache(admin, cacheA,
                CachePatch.builder().isPublic(true).retention(Retention.period(Duration.ofDays(7))).build());
        assertTrue(after.isPublic());
        assertEquals(Retention.period(Duration.ofDays(7)), after.retention());
        assertEquals(before.publicKey(), after.publicKey());
        assertEquals(before.priority(), after.priority());
        CacheInfo rekeyed = attic.configureCache(admin, cacheA, CachePatch.builder().generateKeypair().build());
        assertFalse(Arrays.equals(before.publicKey().bytes(), rekeyed.publicKey().bytes()), "a new keypair was generated");
    }

    @Test
    void softDestroyHidesTheCacheAndKeepsItsName() {
        create(cacheA, true);
        attic.destroyCache(admin, cacheA, false);
        NotFoundException e = assertThrows(NotFoundException.class, () -> attic.cacheInfo(admin, cacheA));
        assertEquals(ErrorCode.NO_SUCH_CACHE, e.code());
        assertThrows(ConflictException.class, () -> create(cacheA, true));
    }

    // ---- upload, narinfo, download ----

    @Test
    void servedNarInfosAreSignedWithTheCurrentKeyAfterAKeyChange() throws IOException {
        CacheInfo before = create(cacheA, false);
        var nar = bigNar(41);
        upload(cacheA, nar);
        NarInfo first = attic.narInfo(admin, cacheA, nar.storePathHash());
        assertEquals(first.render(), attic.narInfo(admin, cacheA, nar.storePathHash()).render(), "served again, the same");
        assertTrue(first.isSignedByAny(List.of(before.publicKey())));

        CacheInfo after = attic.configureCache(admin, cacheA, CachePatch.builder().generateKeypair().build());
        NarInfo second = attic.narInfo(admin, cacheA, nar.storePathHash());
        assertTrue(second.isSignedByAny(List.of(after.publicKey())), "signed with the new key");
        assertFalse(second.isSignedByAny(List.of(before.publicKey())), "no signature of the old key is served");
    }

    @Test
    void narInfoReflectsEveryChangeAnotherEngineMakesOnTheSameDatabase() throws IOException {
        CacheInfo created = create(cacheA, true);
        Caller anonymous = Caller.anonymous();
        var nar = bigNar(51);
        upload(cacheA, nar);
        NarInfo first = attic.narInfo(anonymous, cacheA, nar.storePathHash());
        assertEquals(first, attic.narInfo(anonymous, cacheA, nar.storePathHash()), "served again, the same");
        assertTrue(first.isSignedByAny(List.of(created.publicKey())));
        try (Attic other = engine(Attic.builder())) {
            // the object changes: uploaded again through the other engine with an uploader's signature
            SigningKey uploader = SigningKey.generate("uploader-1", new SecureRandom());
            UploadPathInfo resigned = new UploadPathInfo(nar.storePathHash(), nar.storePath(), List.of(), Optional.empty(),
                    List.of(uploader.sign(first.fingerprint()).toString()), Optional.empty(), Optional.of("x86_64-linux"),
                    nar.narHash().toString(), nar.bytes().length);
            other.upload(admin, cacheA, resigned, new ByteArrayInputStream(nar.bytes()));
            assertTrue(attic.narInfo(anonymous, cacheA, nar.storePathHash()).isSignedByAny(List.of(uploader.publicKey())),
                    "the signature the other engine stored is served");

            // the store path now points at another NAR
            var contents = bigNar(52);
            UploadPathInfo renarred = new UploadPathInfo(nar.storePathHash(), nar.storePath(), List.of(), Optional.empty(),
                    List.of(), Optional.empty(), Optional.empty(), contents.narHash().toString(), contents.bytes().length);
            other.upload(admin, cacheA, renarred, new ByteArrayInputStream(contents.bytes()));
            NarInfo renarredInfo = attic.narInfo(anonymous, cacheA, nar.storePathHash());
            assertEquals(contents.narHash(), renarredInfo.narHash(), "the other engine's new NAR");
            assertEquals(contents.bytes().length, renarredInfo.narSize());

            // the cache's key changes
            CacheInfo rekeyed = other.configureCache(admin, cacheA, CachePatch.builder().generateKeypair().build());
            NarInfo resignedByCache = attic.narInfo(anonymous, cacheA, nar.storePathHash());
            assertTrue(resignedByCache.isSignedByAny(List.of(rekeyed.publicKey())), "signed with the other engine's new key");
            assertFalse(resignedByCache.isSignedByAny(List.of(created.publicKey())), "never with the old one");

            // the cache becomes private: the anonymous caller is refused at once
            other.configureCache(admin, cacheA, CachePatch.builder().isPublic(false).build());
            assertEquals(ErrorCode.UNAUTHORIZED, denied(() -> attic.narInfo(anonymous, cacheA, nar.storePathHash())));
            assertEquals(contents.narHash(), attic.narInfo(admin, cacheA, nar.storePathHash()).narHash());

            // the object is deleted behind the engines' backs (as by atticadm on the database)
            long cacheId = metadata.findCache(cacheA.value()).orElseThrow().id();
            assertTrue(metadata.deleteObject(cacheId, nar.storePathHash()));
            assertEquals(ErrorCode.NO_SUCH_OBJECT, assertThrows(NotFoundException.class,
                    () -> attic.narInfo(admin, cacheA, nar.storePathHash())).code());

            // the cache is destroyed through the other engine
            upload(cacheA, nar);
            attic.narInfo(admin, cacheA, nar.storePathHash());
            other.destroyCache(admin, cacheA, false);
            assertEquals(ErrorCode.NO_SUCH_CACHE, assertThrows(NotFoundException.class,
                    () -> attic.narInfo(admin, cacheA, nar.storePathHash())).code());
        }
    }

    @Test
    void everyNarInfoServedRecordsItsAccessTime() throws IOException {
        create(cacheA, true);
        var nar = bigNar(53);
        upload(cacheA, nar);
        long cacheId = metadata.findCache(cacheA.value()).orElseThrow().id();
        try (Attic reader = engine(Attic.builder())) {
            reader.narInfo(Caller.anonymous(), cacheA, nar.storePathHash());
            clock.advance(Duration.ofHours(5));
            reader.narInfo(Caller.anonymous(), cacheA, nar.storePathHash()); // the same narinfo again
        } // closing flushes the access log
        assertEquals(clock.instant(), metadata.findObject(cacheId, nar.storePathHash()).orElseThrow().object().lastAccessedAt(),
                "the second, identical narinfo recorded its access too");
    }

    @Test
    void everyVectorNarRoundTripsThroughUploadNarInfoAndDownload() throws IOException {
        CacheInfo cache = create(cacheA, false);
        long seed = 0;
        for (Path file : TestVectors.files("nar", ".nar")) {
            byte[] bytes = Files.readAllBytes(file);
            String hash = TestNars.storePathHash(seed++);
            var nar = new TestNars.TestNar(bytes, "/nix/store/" + hash + "-" + file.getFileName().toString().replace(".nar", ""), hash);
            UploadResult result = upload(cacheA, nar);
            assertEquals(UploadResult.Kind.UPLOADED, result.kind(), file.toString());

            NarInfo narInfo = attic.narInfo(admin, cacheA, hash);
            assertEquals(nar.narHash(), narInfo.narHash());
            assertEquals(bytes.length, narInfo.narSize());
            assertEquals("nar/" + hash + ".nar", narInfo.url());
            assertEquals("none", narInfo.compression());
            assertTrue(narInfo.isSignedByAny(List.of(cache.publicKey())), "signed with the cache's key: " + file);
            assertTrue(narInfo.render().indexOf('\r') < 0, "LF only");
            assertArrayEquals(bytes, download(admin, cacheA, hash), file.toString());
        }
    }

    @Test
    void multiChunkNarIsReassembledByteForByte() throws IOException {
        create(cacheA, false);
        var nar = bigNar(1);
        UploadResult result = upload(cacheA, nar);
        assertEquals(UploadResult.Kind.UPLOADED, result.kind());
        assertTrue(result.fileSize() > 500 * 1024, "random data does not compress: " + result.fileSize());
        assertEquals(0.0, result.fractionDeduplicated());
        MetadataStats stats = metadata.stats();
        assertTrue(stats.chunks().values().stream().mapToLong(Long::longValue).sum() >= 600 / 64,
                "a 600 KiB NAR with 64 KiB max chunks has at least 9 chunks: " + stats);
        assertArrayEquals(nar.bytes(), download(admin, cacheA, nar.storePathHash()));
    }

    @Test
    void referencesDeriverAndSignaturesAreServedAsUploaded() throws IOException {
        create(cacheA, false);
        var dep = TestNars.regularFile("dep", "dep".getBytes(StandardCharsets.UTF_8), 10);
        var top = TestNars.regularFile("top", "top".getBytes(StandardCharsets.UTF_8), 11);
        upload(cacheA, dep);
        UploadPathInfo info = new UploadPathInfo(top.storePathHash(), top.storePath(), List.of(dep.baseName(), top.baseName()),
                java.util.Optional.of(TestNars.storePathHash(12) + "-top.drv"), List.of(), java.util.Optional.empty(),
                java.util.Optional.empty(), top.narHash().toString(), top.bytes().length);
        attic.upload(admin, cacheA, info, new ByteArrayInputStream(top.bytes()));
        NarInfo narInfo = attic.narInfo(admin, cacheA, top.storePathHash());
        assertEquals(List.of(dep.storePath(), top.storePath()).stream().sorted().toList(),
                narInfo.references().stream().map(Object::toString).toList());
        assertEquals(TestNars.storePathHash(12) + "-top.drv", narInfo.deriver().orElseThrow().baseName());
        assertTrue(narInfo.fingerprint().value().endsWith(String.join(",",
                List.of(dep.storePath(), top.storePath()).stream().sorted().toList())));
    }

    @Test
    void theSameNarInTwoCachesIsStoredOnce() throws IOException {
        create(cacheA, false);
        create(cacheB, false);
        List<TestNars.TestNar> nars = new ArrayList<>();
        for (Path file : TestVectors.files("nar", ".nar")) {
            byte[] bytes = Files.readAllBytes(file);
            String hash = TestNars.storePathHash(100 + nars.size());
            nars.add(new TestNars.TestNar(bytes, "/nix/store/" + hash + "-v" + nars.size(), hash));
        }
        nars.add(bigNar(2));
        for (var nar : nars) {
            upload(cacheA, nar);
        }
        Set<String> keysAfterA = storedKeys();
        MetadataStats afterA = metadata.stats();
        for (var nar : nars) {
            UploadResult second = upload(cacheB, nar);
            assertEquals(UploadResult.Kind.DEDUPLICATED, second.kind());
            assertEquals(0, second.fileSize());
            assertEquals(1.0, second.fractionDeduplicated());
        }
        assertEquals(keysAfterA, storedKeys(), "no chunk file was written for cache beta");
        assertEquals(afterA.chunks(), metadata.stats().chunks());
        assertEquals(afterA.nars(), metadata.stats().nars());
        for (var nar : nars) {
            assertArrayEquals(nar.bytes(), download(admin, cacheB, nar.storePathHash()));
        }
    }

    @Test
    void anEditedNarReusesTheChunksItShares() throws IOException {
        create(cacheA, false);
        byte[] original = TestNars.randomBytes(800 * 1024, 3);
        byte[] edited = new byte[original.length + 5];
        System.arraycopy(original, 0, edited, 0, 400_000);
        System.arraycopy("EDIT!".getBytes(StandardCharsets.US_ASCII), 0, edited, 400_000, 5);
        System.arraycopy(original, 400_000, edited, 400_005, original.length - 400_000);
        upload(cacheA, TestNars.regularFile("v1", original, 3));
        var v2 = TestNars.regularFile("v2", edited, 4);
        UploadResult result = upload(cacheA, v2);
        assertEquals(UploadResult.Kind.UPLOADED, result.kind());
        assertTrue(result.fractionDeduplicated() > 0.8, "most of an edited NAR is deduplicated: " + result);
        assertTrue(result.fileSize() < 200 * 1024, "few new bytes stored: " + result);
        assertArrayEquals(v2.bytes(), download(admin, cacheA, v2.storePathHash()));
    }

    @Test
    void missingPathsAnswersWhatTheCacheLacks() throws IOException {
        create(cacheA, false);
        create(cacheB, false);
        var here = TestNars.regularFile("here", "x".getBytes(StandardCharsets.UTF_8), 20);
        var elsewhere = TestNars.regularFile("elsewhere", "y".getBytes(StandardCharsets.UTF_8), 21);
        upload(cacheA, here);
        upload(cacheB, elsewhere);
        String absent = TestNars.storePathHash(22);
        assertEquals(List.of(elsewhere.storePathHash(), absent),
                attic.missingPaths(admin, cacheA, List.of(here.storePathHash(), elsewhere.storePathHash(), absent)));
        BadInputException bad = assertThrows(BadInputException.class,
                () -> attic.missingPaths(admin, cacheA, List.of("../../etc/passwd")));
        assertEquals(ErrorCode.INVALID_STORE_PATH, bad.code());
    }

    // ---- bad uploads commit nothing ----

    @Test
    void wrongHashWrongSizeMalformedOrTruncatedUploadsStoreNothing() throws IOException {
        create(cacheA, false);
        var nar = bigNar(5);
        byte[] flipped = nar.bytes().clone();
        flipped[flipped.length / 2] ^= 1;
        byte[] truncated = Arrays.copyOf(nar.bytes(), nar.bytes().length - 100);
        byte[] longer = Arrays.copyOf(nar.bytes(), nar.bytes().length + 8);
        record Attempt(String what, UploadPathInfo info, byte[] body, ErrorCode expected) {}
        List<Attempt> attempts = List.of(
                new Attempt("one bit flipped in the body", nar.info(), flipped, ErrorCode.NAR_MISMATCH),
                new Attempt("the body cut 100 bytes short", nar.info(), truncated, ErrorCode.NAR_MISMATCH),
                new Attempt("8 bytes more than declared", nar.info(), longer, ErrorCode.NAR_MISMATCH),
                new Attempt("a declared hash of other bytes", nar.infoWithHash(Hash.sha256Of(new byte[] {1}), nar.bytes().length),
                        nar.bytes(), ErrorCode.NAR_MISMATCH),
                new Attempt("a body that is not a NAR", nar.infoWithHash(Hash.sha256Of(new byte[64]), 64), new byte[64],
                        ErrorCode.BAD_NAR));
        for (Attempt attempt : attempts) {
            AtticException e = assertThrows(BadInputException.class,
                    () -> attic.upload(admin, cacheA, attempt.info(), new ByteArrayInputStream(attempt.body())), attempt.what());
            assertEquals(attempt.expected(), e.code(), attempt.what() + ": " + e.getMessage());
            NotFoundException absent = assertThrows(NotFoundException.class,
                    () -> attic.narInfo(admin, cacheA, nar.storePathHash()), attempt.what());
            assertEquals(ErrorCode.NO_SUCH_OBJECT, absent.code());
        }
        // what the failed uploads wrote is reaped once their leases end
        clock.advance(Duration.ofMinutes(11));
        attic.collectGarbage();
        assertEquals(Set.of(), storedKeys(), "no chunk file left behind");
        MetadataStats stats = metadata.stats();
        assertEquals(0, stats.nars().values().stream().mapToLong(Long::longValue).sum(), stats.toString());
        assertEquals(0, stats.chunks().values().stream().mapToLong(Long::longValue).sum(), stats.toString());
    }

    @Test
    void malformedDescriptionsAreRejectedBeforeReadingTheBody() {
        create(cacheA, false);
        var nar = TestNars.regularFile("x", "x".getBytes(StandardCharsets.UTF_8), 30);
        List<UploadPathInfo> bad = List.of(
                new UploadPathInfo(TestNars.storePathHash(31), nar.storePath(), List.of(), java.util.Optional.empty(),
                        List.of(), java.util.Optional.empty(), java.util.Optional.empty(), nar.narHash().toString(), nar.bytes().length),
                new UploadPathInfo(nar.storePathHash(), "/nix/store/../etc/passwd", List.of(), java.util.Optional.empty(),
                        List.of(), java.util.Optional.empty(), java.util.Optional.empty(), nar.narHash().toString(), nar.bytes().length),
                new UploadPathInfo(nar.storePathHash(), nar.storePath(), List.of("not a store path"), java.util.Optional.empty(),
                        List.of(), java.util.Optional.empty(), java.util.Optional.empty(), nar.narHash().toString(), nar.bytes().length),
                new UploadPathInfo(nar.storePathHash(), nar.storePath(), List.of(), java.util.Optional.empty(),
                        List.of("garbage"), java.util.Optional.empty(), java.util.Optional.empty(), nar.narHash().toString(), nar.bytes().length),
                new UploadPathInfo(nar.storePathHash(), nar.storePath(), List.of(), java.util.Optional.empty(),
                        List.of(), java.util.Optional.of("fixed:r:sha256:x\nStorePath: /nix/store/evil"), java.util.Optional.empty(),
                        nar.narHash().toString(), nar.bytes().length),
                new UploadPathInfo(nar.storePathHash(), nar.storePath(), List.of(), java.util.Optional.empty(),
                        List.of(), java.util.Optional.empty(), java.util.Optional.empty(), "md5:abc", nar.bytes().length));
        for (UploadPathInfo info : bad) {
            InputStream body = new InputStream() {
                @Override
                public int read() {
                    throw new AssertionError("the body must not be read for a malformed description: " + info);
                }
            };
            assertThrows(BadInputException.class, () -> attic.upload(admin, cacheA, info, body), info.toString());
        }
    }

    @Test
    void uploadingAnExistingNarStillNeedsTheWholeBody() throws IOException {
        create(cacheA, false);
        create(cacheB, false);
        var nar = bigNar(6);
        upload(cacheA, nar);
        byte[] fake = nar.bytes().clone();
        fake[fake.length / 2] ^= 1; // inside the file's contents: still a NAR, but not this one
        AtticException e = assertThrows(BadInputException.class,
                () -> attic.upload(admin, cacheB, nar.info(), new ByteArrayInputStream(fake)));
        assertEquals(ErrorCode.NAR_MISMATCH, e.code(), "knowing the NarHash is not enough to claim the NAR");
        assertThrows(NotFoundException.class, () -> attic.narInfo(admin, cacheB, nar.storePathHash()));
    }

    // ---- corruption ----

    @Test
    void aCorruptedChunkIsDetectedOnReadAndHealedByTheNextUpload() throws IOException {
        create(cacheA, false);
        var nar = bigNar(7);
        upload(cacheA, nar);
        String victim = storedKeys().stream().sorted().findFirst().orElseThrow();
        ChunkCorruption.flipAByte(storage, new StorageKey(victim));

        BackendException detected = assertThrows(BackendException.class, () -> download(admin, cacheA, nar.storePathHash()));
        assertEquals(ErrorCode.INCOMPLETE_NAR, detected.code(), detected.getMessage());
        BackendException known = assertThrows(BackendException.class, () -> attic.nar(admin, cacheA, nar.storePathHash(), false));
        assertEquals(ErrorCode.INCOMPLETE_NAR, known.code(), "once marked, the NAR is refused before any byte");

        UploadResult healed = upload(cacheA, nar);
        assertTrue(healed.fileSize() > 0, "the damaged chunk was stored again: " + healed);
        assertArrayEquals(nar.bytes(), download(admin, cacheA, nar.storePathHash()));
    }

    /** Ways a disk or an operator damages a stored chunk file, each of which a download must detect. */
    private static final Map<String, UnaryOperator<byte[]>> DAMAGES = Map.of(
            "a bit flipped in the middle", file -> {
                byte[] d = file.clone();
                d[d.length / 2] ^= 0x01;
                return d;
            },
            "a bit flipped in the last byte", file -> {
                byte[] d = file.clone();
                d[d.length - 1] ^= 0x80;
                return d;
            },
            "the file cut one byte short", file -> Arrays.copyOf(file, file.length - 1),
            "the file emptied", file -> new byte[0],
            "a byte appended", file -> Arrays.copyOf(file, file.length + 1));

    @Test
    void everyKindOfDamageToAChunkFileIsDetectedMarkedAndHealed() throws IOException {
        create(cacheA, false);
        long seed = 150;
        for (String what : DAMAGES.keySet().stream().sorted().toList()) {
            var nar = bigNar(seed++);
            Set<String> before = storedKeys();
            upload(cacheA, nar);
            String victim = storedKeys().stream().filter(k -> !before.contains(k)).sorted().findFirst().orElseThrow();
            byte[] file;
            try (InputStream in = storage.open(new StorageKey(victim))) {
                file = in.readAllBytes();
            }
            byte[] damaged = DAMAGES.get(what).apply(file);
            storage.put(new StorageKey(victim), new ByteArrayInputStream(damaged), damaged.length);
            long corrupt = metadata.stats().chunks().getOrDefault(dev.attic.metadata.ChunkState.CORRUPT, 0L);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BackendException detected = assertThrows(BackendException.class,
                    () -> attic.nar(admin, cacheA, nar.storePathHash(), false).writeTo(out), what);
            assertEquals(ErrorCode.INCOMPLETE_NAR, detected.code(), what + ": " + detected.getMessage());
            assertTrue(out.size() < nar.bytes().length, what + ": the stream stopped short, never complete");
            byte[] sent = out.toByteArray();
            assertArrayEquals(Arrays.copyOf(nar.bytes(), sent.length), sent, what + ": every byte sent is the NAR's");
            assertEquals(corrupt + 1, metadata.stats().chunks().getOrDefault(dev.attic.metadata.ChunkState.CORRUPT, 0L),
                    what + ": the chunk is marked corrupt");
            upload(cacheA, nar);
            assertArrayEquals(nar.bytes(), download(admin, cacheA, nar.storePathHash()), what + ": healed by the next upload");
        }
    }

    @Test
    void chunkFilesWrittenWithoutAChecksumStillDownloadAndAreStillVerified() throws IOException {
        attic.close();
        attic = engine(Attic.builder().compressor(dev.attic.compression.OldChunkFiles.compressor(8)));
        create(cacheA, false);
        var nar = bigNar(16);
        upload(cacheA, nar);
        attic.close();
        attic = engine(Attic.builder());
        for (String key : storedKeys()) {
            try (InputStream in = storage.open(new StorageKey(key))) {
                assertFalse(dev.attic.compression.ChunkCompressor.carriesChecksum(
                        dev.attic.compression.Compression.ZSTD, in.readAllBytes()), "an old file: " + key);
            }
        }
        assertArrayEquals(nar.bytes(), download(admin, cacheA, nar.storePathHash()), "old files still download");

        String victim = storedKeys().stream().sorted().findFirst().orElseThrow();
        ChunkCorruption.flipAByte(storage, new StorageKey(victim)); // random bytes: stored raw, so the frame still decodes
        BackendException detected = assertThrows(BackendException.class, () -> download(admin, cacheA, nar.storePathHash()));
        assertEquals(ErrorCode.INCOMPLETE_NAR, detected.code(), detected.getMessage());
        assertTrue(detected.getMessage().contains("hash"), "caught by the chunk's SHA-256: " + detected.getMessage());
        upload(cacheA, nar);
        assertArrayEquals(nar.bytes(), download(admin, cacheA, nar.storePathHash()), "healed, now with a checksummed file");
    }

    @Test
    void missingChunkFilesFailTheDownloadBeforeTheFirstByteAndAreAllMarked() throws IOException {
        create(cacheA, false);
        var nar = bigNar(8);
        upload(cacheA, nar);
        List<String> keys = storedKeys().stream().sorted().toList();
        storage.delete(new StorageKey(keys.get(0)));
        storage.delete(new StorageKey(keys.get(keys.size() - 1)));
        NarDownload download = attic.nar(admin, cacheA, nar.storePathHash(), false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BackendException e = assertThrows(BackendException.class, () -> download.writeTo(out));
        assertEquals(ErrorCode.INCOMPLETE_NAR, e.code());
        assertEquals(0, out.size(), "nothing was written before the check");
        assertTrue(e.getMessage().contains("2 chunk file(s) missing"), e.getMessage());
        assertEquals(2L, metadata.stats().chunks().get(dev.attic.metadata.ChunkState.CORRUPT), "both marked at once");
        assertThrows(BackendException.class, () -> attic.nar(admin, cacheA, nar.storePathHash(), false),
                "now refused before any body");
        upload(cacheA, nar);
        assertArrayEquals(nar.bytes(), download(admin, cacheA, nar.storePathHash()), "one re-upload heals both");
    }

    @Test
    void pathsKeepTheirStoreDirWhenTheCacheChangesIt() throws IOException {
        create(cacheA, false);
        var nar = TestNars.regularFile("old-dir", "x".getBytes(StandardCharsets.UTF_8), 95);
        upload(cacheA, nar);
        attic.configureCache(admin, cacheA, CachePatch.builder().storeDir("/opt/store").build());
        NarInfo narInfo = attic.narInfo(admin, cacheA, nar.storePathHash());
        assertEquals(nar.storePath(), narInfo.storePath().toString(), "served as it was uploaded");
        assertArrayEquals(nar.bytes(), download(admin, cacheA, nar.storePathHash()));
    }

    @Test
    void uploadResultSaysWhetherThisCacheAlreadyHadThePath() throws IOException {
        create(cacheA, false);
        create(cacheB, false);
        var nar = bigNar(96);
        assertFalse(upload(cacheA, nar).alreadyInCache());
        UploadResult inOther = upload(cacheB, nar);
        assertEquals(UploadResult.Kind.DEDUPLICATED, inOther.kind(), "stored once, globally");
        assertFalse(inOther.alreadyInCache(), "but cache beta did not hold it");
        assertTrue(upload(cacheB, nar).alreadyInCache());
    }

    // ---- storage faults ----

    /** The engine over {@code faulty}, which wraps this test's real storage. */
    private FaultyStorage faultyEngine() {
        attic.close();
        FaultyStorage faulty = new FaultyStorage(storage);
        attic = Attic.builder().storage(faulty).metadata(metadata).tokenVerifier(tokenKey.verifier(clock)).clock(clock)
                .chunking(SMALL_CHUNKS).uploadLease(Duration.ofMinutes(10)).build();
        return faulty;
    }

    private void assertNothingStored() {
        assertEquals(Set.of(), storedKeys(), "no file left");
        MetadataStats stats = metadata.stats();
        assertEquals(0, stats.nars().values().stream().mapToLong(Long::longValue).sum(), stats.toString());
        assertEquals(0, stats.chunks().values().stream().mapToLong(Long::longValue).sum(), stats.toString());
        assertEquals(0, stats.chunkRefs(), stats.toString());
    }

    @Test
    void aStorageFailureAtEveryChunkIndexCommitsNothingAndGarbageCollectionReapsTheRest() throws IOException {
        FaultyStorage faulty = faultyEngine();
        create(cacheA, false);
        var nar = TestNars.regularFile("faulty", TestNars.randomBytes(300 * 1024, 12), 12);
        // a clean run counts the chunk writes, then is collected
        faulty.failPutNumber(Integer.MAX_VALUE);
        upload(cacheA, nar);
        int writes = faulty.putCount();
        assertTrue(writes >= 8, "a multi-chunk NAR: " + writes + " chunk writes");
        attic.destroyCache(admin, cacheA, true);
        clock.advance(Duration.ofMinutes(11));
        attic.collectGarbage();
        assertNothingStored();
        create(cacheB, false);
        for (int failing = 1; failing <= writes; failing++) {
            String what = "chunk write " + failing + " of " + writes + " fails";
            faulty.failPutNumber(failing);
            BackendException e = assertThrows(BackendException.class, () -> upload(cacheB, nar), what);
            assertEquals(ErrorCode.STORAGE_ERROR, e.code(), what + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("injected fault"), what + ": the storage's failure is the one reported: " + e.getMessage());
            assertEquals(ErrorCode.NO_SUCH_OBJECT, assertThrows(NotFoundException.class,
                    () -> attic.narInfo(admin, cacheB, nar.storePathHash()), what).code());
            assertEquals(ErrorCode.NO_SUCH_OBJECT, assertThrows(NotFoundException.class,
                    () -> attic.nar(admin, cacheB, nar.storePathHash(), false), what).code());
            assertEquals(List.of(nar.storePathHash()), attic.missingPaths(admin, cacheB, List.of(nar.storePathHash())), what);
            clock.advance(Duration.ofMinutes(11));
            attic.collectGarbage();
            assertNothingStored();
        }
        faulty.heal();
        upload(cacheB, nar);
        assertArrayEquals(nar.bytes(), download(admin, cacheB, nar.storePathHash()), "after the faults, the path uploads and reads back");
    }

    @Test
    void aStorageFailingMidDownloadFailsTheStreamAndMarksNothingCorrupt() throws IOException {
        FaultyStorage faulty = faultyEngine();
        create(cacheA, false);
        var nar = bigNar(13);
        upload(cacheA, nar);
        for (long budget : new long[] {0, 1, 20_000, 100_000, 300_000}) {
            String what = "the storage breaks after " + budget + " bytes read";
            faulty.failReadsAfter(budget);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Exception e = assertThrows(Exception.class, () -> attic.nar(admin, cacheA, nar.storePathHash(), false).writeTo(out), what);
            assertTrue(e instanceof IOException || e instanceof BackendException, what + ": " + e);
            if (e instanceof BackendException backend) {
                assertEquals(ErrorCode.STORAGE_ERROR, backend.code(), what + ": " + e.getMessage());
                assertTrue(backend.isTransient(), what + ": a read failure is worth retrying");
            }
            assertTrue(out.size() < nar.bytes().length, what + ": the stream stopped short (" + out.size() + " bytes), never complete");
            faulty.heal();
            assertArrayEquals(nar.bytes(), download(admin, cacheA, nar.storePathHash()),
                    what + ": a storage hiccup is not corruption; the NAR is served once it answers again");
        }
    }

    // ---- garbage collection ----

    @Test
    void garbageCollectionLeavesNoOrphanRowsOrFiles() throws IOException {
        create(cacheA, false);
        attic.configureCache(admin, cacheA, CachePatch.builder().retention(Retention.period(Duration.ofDays(1))).build());
        create(cacheB, false);
        var kept = bigNar(9);
        var expiring = bigNar(10);
        upload(cacheB, kept);
        upload(cacheA, expiring);
        clock.advance(Duration.ofHours(23));
        assertEquals(GcReport.NOTHING, attic.collectGarbage(), "nothing is due yet");
        clock.advance(Duration.ofHours(2));
        GcReport report = attic.collectGarbage();
        assertEquals(1, report.objectsExpired(), report.toString());
        assertEquals(1, report.narsDeleted(), report.toString());
        assertTrue(report.chunksDeleted() > 0, report.toString());
        assertThrows(NotFoundException.class, () -> attic.narInfo(admin, cacheA, expiring.storePathHash()));
        assertArrayEquals(kept.bytes(), download(admin, cacheB, kept.storePathHash()), "the other cache is untouched");
        long chunkRows = metadata.stats().chunks().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(chunkRows, storedKeys().size(), "one file per chunk row, no more, no less");
        assertEquals(GcReport.NOTHING, attic.collectGarbage(), "a second run finds nothing");
    }

    @Test
    void garbageCollectionRunsInBatchesUntilDone() throws IOException {
        attic.close();
        attic = engine(Attic.builder().gcBatchSize(2));
        create(cacheA, false);
        for (int i = 0; i < 7; i++) {
            upload(cacheA, TestNars.regularFile("p" + i, TestNars.randomBytes(100 * 1024, 40 + i), 40 + i));
        }
        attic.destroyCache(admin, cacheA, true);
        clock.advance(Duration.ofMinutes(11)); // past the uploads' leases
        GcReport report = attic.collectGarbage();
        assertEquals(7, report.narsDeleted(), report.toString());
        assertEquals(Set.of(), storedKeys());
    }

    @Test
    void uploadsRacingGarbageCollectionLoseNothingAcknowledged() throws Exception {
        create(cacheA, false);
        List<TestNars.TestNar> nars = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // every NAR shares its first half with the one before: chunks are reused while GC runs
            byte[] shared = TestNars.randomBytes(200 * 1024, 60 + i / 2);
            byte[] own = TestNars.randomBytes(100 * 1024, 100 + i);
            byte[] contents = new byte[shared.length + own.length];
            System.arraycopy(shared, 0, contents, 0, shared.length);
            System.arraycopy(own, 0, contents, shared.length, own.length);
            nars.add(TestNars.regularFile("race" + i, contents, 200 + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (var nar : nars) {
                work.add(pool.submit((Callable<Void>) () -> {
                    upload(cacheA, nar);
                    return null;
                }));
                work.add(pool.submit(() -> attic.collectGarbage()));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        attic.collectGarbage();
        for (var nar : nars) {
            assertArrayEquals(nar.bytes(), download(admin, cacheA, nar.storePathHash()), nar.storePath());
        }
    }

    @Test
    void parallelUploadsOfOneNarIntoManyCachesEndWithOneNarAndOneSetOfChunks() throws Exception {
        var nar = bigNar(11);
        int caches = 32;
        for (int i = 0; i < caches; i++) {
            create(CacheName.of("c" + i), false);
        }
        ExecutorService pool = Executors.newFixedThreadPool(caches);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<Future<UploadResult>> results = new ArrayList<>();
            for (int i = 0; i < caches; i++) {
                CacheName name = CacheName.of("c" + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return upload(name, nar);
                }));
            }
            start.countDown();
            for (Future<UploadResult> r : results) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
        clock.advance(Duration.ofMinutes(11));
        attic.collectGarbage();
        MetadataStats stats = metadata.stats();
        assertEquals(1L, stats.nars().values().stream().mapToLong(Long::longValue).sum(), stats.toString());
        long chunkRows = stats.chunks().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(chunkRows, storedKeys().size());
        for (int i = 0; i < caches; i++) {
            assertArrayEquals(nar.bytes(), download(admin, CacheName.of("c" + i), nar.storePathHash()));
        }
    }

    // ---- who may do what ----

    @Test
    void permissionMatrix() throws IOException {
        create(cacheA, true);   // public
        create(cacheB, false);  // private
        var nar = TestNars.regularFile("m", "m".getBytes(StandardCharsets.UTF_8), 50);
        upload(cacheA, nar);
        upload(cacheB, nar);
        Caller anonymous = Caller.anonymous();
        Caller reader = token("beta", Permission.PULL);
        Caller pusher = token("beta", Permission.PULL, Permission.PUSH);
        Caller stranger = token("gamma", Permission.PULL, Permission.PUSH, Permission.DESTROY_CACHE);

        // public cache: anyone pulls, nobody without a grant pushes
        assertEquals(nar.narHash(), attic.narInfo(anonymous, cacheA, nar.storePathHash()).narHash());
        assertEquals(ErrorCode.FORBIDDEN, denied(() -> attic.upload(anonymous, cacheA, nar.info(), new ByteArrayInputStream(nar.bytes()))));
        assertEquals(ErrorCode.FORBIDDEN, denied(() -> attic.destroyCache(stranger, cacheA, false)));

        // private cache: the answer for "exists" and "does not exist" is the same Unauthorized
        assertEquals(ErrorCode.UNAUTHORIZED, denied(() -> attic.narInfo(anonymous, cacheB, nar.storePathHash())));
        assertEquals(ErrorCode.UNAUTHORIZED, denied(() -> attic.narInfo(anonymous, CacheName.of("nope"), nar.storePathHash())));
        assertEquals(ErrorCode.UNAUTHORIZED, denied(() -> attic.narInfo(stranger, cacheB, nar.storePathHash())));
        assertEquals(ErrorCode.UNAUTHORIZED, denied(() -> attic.cacheInfo(stranger, cacheB)));
        assertEquals(ErrorCode.UNAUTHORIZED, denied(() -> attic.nar(anonymous, cacheB, TestNars.storePathHash(99), false)));

        // read-only token: pulls, may not push or configure
        assertArrayEquals(nar.bytes(), download(reader, cacheB, nar.storePathHash()));
        assertEquals(ErrorCode.FORBIDDEN, denied(() -> attic.upload(reader, cacheB, nar.info(), new ByteArrayInputStream(nar.bytes()))));
        assertEquals(ErrorCode.FORBIDDEN, denied(() -> attic.missingPaths(reader, cacheB, List.of(nar.storePathHash()))));
        assertEquals(ErrorCode.FORBIDDEN, denied(() -> attic.configureCache(reader, cacheB, CachePatch.builder().isPublic(true).build())));

        // push token: pushes, may not destroy or change retention
        assertEquals(UploadResult.Kind.DEDUPLICATED,
                attic.upload(pusher, cacheB, nar.info(), new ByteArrayInputStream(nar.bytes())).kind());
        assertEquals(ErrorCode.FORBIDDEN, denied(() -> attic.destroyCache(pusher, cacheB, false)));
        assertEquals(ErrorCode.FORBIDDEN, denied(() -> attic.configureCache(pusher, cacheB,
                CachePatch.builder().retention(Retention.period(Duration.ofDays(1))).build())));

        // a discoverable but missing cache or path is a plain not-found
        assertEquals(ErrorCode.NO_SUCH_CACHE,
                assertThrows(NotFoundException.class, () -> attic.cacheInfo(token("nope", Permission.PULL), CacheName.of("nope"))).code());
        assertEquals(ErrorCode.NO_SUCH_OBJECT,
                assertThrows(NotFoundException.class, () -> attic.narInfo(reader, cacheB, TestNars.storePathHash(98))).code());

        // creating needs create-cache on the name
        assertEquals(ErrorCode.UNAUTHORIZED, denied(() -> attic.createCache(stranger, CacheName.of("delta"), CachePatch.none())));
        attic.createCache(token("team-*", Permission.CREATE_CACHE), CacheName.of("team-x"), CachePatch.none());
    }

    @Test
    void forgedOrExpiredTokensAreUnauthorized() {
        String forged = TokenKey.hs256("another-secret-another-secret-another-secret".getBytes(StandardCharsets.UTF_8))
                .sign(Token.of("x", clock.instant(), clock.instant().plusSeconds(60))
                        .withGrant(CacheNamePattern.of("*"), CachePermissions.of(Permission.values())));
        assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(AccessDeniedException.class, () -> attic.authenticate(forged)).code());
        String expired = tokenKey.sign(Token.of("x", clock.instant().minusSeconds(120), clock.instant().minusSeconds(60)));
        assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(AccessDeniedException.class, () -> attic.authenticate(expired)).code());
        assertEquals(Caller.anonymous(), attic.authenticate(null));
        assertEquals(Caller.anonymous(), attic.authenticate(" "));
    }

    private static ErrorCode denied(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(AccessDeniedException.class, call).code();
    }

    @Test
    void singleChunkNarsAreRedirectedWhenTheStorageMakesDownloadUrls() throws Exception {
        attic.close();
        attic = engine(Attic.builder().redirectSingleChunkNars(Duration.ofMinutes(5)));
        create(cacheA, false);
        var small = TestNars.regularFile("small", "small enough for one chunk".getBytes(StandardCharsets.UTF_8), 70);
        upload(cacheA, small);
        NarInfo narInfo = attic.narInfo(admin, cacheA, small.storePathHash());
        boolean urls = storage.downloadUrl(new StorageKey("probe"), Duration.ofMinutes(1)).isPresent();
        if (!urls) {
            assertEquals("nar/" + small.storePathHash() + ".nar", narInfo.url(), "no redirect without download URLs");
            assertThrows(NotFoundException.class, () -> attic.nar(admin, cacheA, small.storePathHash(), true));
            return;
        }
        assertEquals("nar/" + small.storePathHash() + ".nar.zst", narInfo.url());
        assertEquals("zstd", narInfo.compression());
        NarDownload download = attic.nar(admin, cacheA, small.storePathHash(), true);
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(download.redirect().orElseThrow()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals(narInfo.fileHash().orElseThrow(), Hash.sha256Of(response.body()), "FileHash is the stored file's");
        assertEquals(narInfo.fileSize().getAsLong(), response.body().length);
        assertArrayEquals(small.bytes(), com.github.luben.zstd.Zstd.decompress(response.body(), small.bytes().length));
        // the uncompressed route still streams the NAR itself
        assertArrayEquals(small.bytes(), download(admin, cacheA, small.storePathHash()));
    }

    @Test
    void scheduledGarbageCollectionRunsOnItsOwn() throws Exception {
        create(cacheA, false);
        upload(cacheA, bigNar(80));
        attic.destroyCache(admin, cacheA, true);
        clock.advance(Duration.ofMinutes(11));
        attic.scheduleGarbageCollection(Duration.ofMillis(50));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!storedKeys().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(Set.of(), storedKeys(), "the scheduled run collected the destroyed cache's chunks");
    }

    @Test
    void builderNamesTheSettingThatIsMissingOrOutOfRange() {
        record Case(java.util.function.UnaryOperator<Attic.Builder> setting, String mentions) {}
        List<Case> cases = List.of(
                new Case(b -> Attic.builder(), "storage is required"),
                new Case(b -> Attic.builder().storage(storage), "metadata is required"),
                new Case(b -> Attic.builder().storage(storage).metadata(metadata), "token verifier is required"),
                new Case(b -> b.compression(dev.attic.compression.Compression.ZSTD, 23), "zstd level"),
                new Case(b -> b.uploadLease(Duration.ofSeconds(1)), "upload lease"),
                new Case(b -> b.workerThreads(0), "worker threads"),
                new Case(b -> b.maxChunksInFlight(0), "chunks in flight"),
                new Case(b -> b.downloadReadAhead(100), "read-ahead"),
                new Case(b -> b.defaultRetention(Duration.ofDays(-1)), "retention"),
                new Case(b -> b.gcBatchSize(0), "batch size"),
                new Case(b -> b.chunking(new ChunkingSettings(64L * 1024 * 1024, 16 * 1024, 64 * 1024, 256 * 1024)), "nar-size-threshold"),
                new Case(b -> b.chunking(new ChunkingSettings(64 * 1024, 16 * 1024, 64 * 1024, 64 * 1024 * 1024)), "max-size"));
        for (Case c : cases) {
            Attic.Builder valid = Attic.builder().storage(storage).metadata(metadata).tokenVerifier(tokenKey.verifier(clock));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.setting().apply(valid).build(), c.mentions());
            assertTrue(e.getMessage().contains(c.mentions()), e.getMessage());
        }
    }

    // ---- the two PUTs of a plain `nix copy --to http://...` ----

    private static String nixFileName(byte[] file, String extension) {
        return Hash.sha256Of(file).toNix32() + ".nar" + extension;
    }

    private static NarInfo nixNarInfo(TestNars.TestNar nar, String url, String compression) {
        return NarInfo.builder()
                .storePath(dev.attic.nix.StorePath.parse(nar.storePath()))
                .url(url).compression(compression)
                .narHash(nar.narHash()).narSize(nar.bytes().length)
                .build();
    }

    @Test
    void nixCopyUploadsAStagedFileThenItsNarInfo() throws IOException {
        create(cacheA, false);
        var nar = bigNar(90);
        byte[] file = com.github.luben.zstd.Zstd.compress(nar.bytes(), 3);
        String fileName = nixFileName(file, ".zst");
        attic.stageNarFile(admin, cacheA, fileName, new ByteArrayInputStream(file), file.length);
        UploadResult result = attic.uploadNarInfo(admin, cacheA, nar.storePathHash(),
                nixNarInfo(nar, "nar/" + fileName, "zstd"), NarDecoder.standard());
        assertEquals(UploadResult.Kind.UPLOADED, result.kind());
        assertArrayEquals(nar.bytes(), download(admin, cacheA, nar.storePathHash()));
        assertTrue(storedKeys().stream().noneMatch(k -> k.startsWith("staging/")), "the staged file is gone once used");
        // Nix may send the narinfo again: the path is there, so that is fine without a file
        assertEquals(UploadResult.Kind.DEDUPLICATED, attic.uploadNarInfo(admin, cacheA, nar.storePathHash(),
                nixNarInfo(nar, "nar/" + fileName, "zstd"), NarDecoder.standard()).kind());
    }

    @Test
    void nixCopyRefusesFilesThatDoNotMatchTheirNameOrNarInfo() throws IOException {
        create(cacheA, false);
        var nar = TestNars.regularFile("n", "nix copy".getBytes(StandardCharsets.UTF_8), 91);
        byte[] file = nar.bytes();
        String wrongName = nixFileName(new byte[] {1, 2, 3}, "");
        BadInputException misnamed = assertThrows(BadInputException.class,
                () -> attic.stageNarFile(admin, cacheA, wrongName, new ByteArrayInputStream(file), file.length));
        assertEquals(ErrorCode.NAR_MISMATCH, misnamed.code(), "a file must hash to the hash in its name");
        for (String badName : List.of("../../etc/passwd", "x.nar", nixFileName(file, "") + "/../x")) {
            assertThrows(BadInputException.class,
                    () -> attic.stageNarFile(admin, cacheA, badName, new ByteArrayInputStream(file), file.length), badName);
        }
        assertTrue(storedKeys().isEmpty(), "nothing staged from refused uploads: " + storedKeys());

        BadInputException noFile = assertThrows(BadInputException.class, () -> attic.uploadNarInfo(admin, cacheA,
                nar.storePathHash(), nixNarInfo(nar, "nar/" + nixFileName(file, ""), "none"), NarDecoder.standard()));
        assertEquals(ErrorCode.BAD_REQUEST, noFile.code());

        String name = nixFileName(file, "");
        attic.stageNarFile(admin, cacheA, name, new ByteArrayInputStream(file), file.length);
        NarInfo lying = NarInfo.builder().storePath(dev.attic.nix.StorePath.parse(nar.storePath()))
                .url("nar/" + name).compression("none").narHash(Hash.sha256Of(new byte[] {9})).narSize(file.length).build();
        assertEquals(ErrorCode.NAR_MISMATCH, assertThrows(BadInputException.class,
                () -> attic.uploadNarInfo(admin, cacheA, nar.storePathHash(), lying, NarDecoder.standard())).code());
        assertThrows(NotFoundException.class, () -> attic.narInfo(admin, cacheA, nar.storePathHash()));

        attic.stageNarFile(admin, cacheA, name, new ByteArrayInputStream(file), file.length);
        assertEquals(ErrorCode.INVALID_COMPRESSION_TYPE, assertThrows(BadInputException.class, () -> attic.uploadNarInfo(admin,
                cacheA, nar.storePathHash(), nixNarInfo(nar, "nar/" + name, "bzip2"), NarDecoder.standard())).code());
    }

    @Test
    void stagedFilesWhoseNarInfoNeverComesAreCollected() {
        create(cacheA, false);
        byte[] file = "a NAR file that is never described".getBytes(StandardCharsets.UTF_8);
        attic.stageNarFile(admin, cacheA, nixFileName(file, ".xz"), new ByteArrayInputStream(file), file.length);
        assertEquals(0, attic.collectGarbage().stagedFilesDeleted(), "fresh staged files stay");
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertEquals(1, attic.collectGarbage().stagedFilesDeleted());
        assertEquals(Set.of(), storedKeys());
    }

    @Test
    void nixCacheInfoNamesStoreDirAndPriority() {
        attic.createCache(admin, cacheA, CachePatch.builder().isPublic(true).priority(40).build());
        assertEquals("StoreDir: /nix/store\nWantMassQuery: 1\nPriority: 40\n",
                attic.nixCacheInfo(Caller.anonymous(), cacheA).render());
    }

    // ---- reference-aware chunking ----

    /** Replaces the engine by one over the same storage and metadata, with reference-aware chunking on or off. */
    private void referenceAware(boolean on) {
        attic.close();
        attic = engine(Attic.builder(), SMALL_CHUNKS.withReferenceAware(on));
    }

    /** A 600 KiB binary-like NAR that embeds the store path of dependency build {@code dependency} every 8 KiB. */
    private static TestNars.TestNar linkedAgainst(long dataSeed, long dependency, long pathSeed) {
        String dep = "/nix/store/" + TestNars.storePathHash(dependency) + "-libdep-1.0/lib";
        return TestNars.regularFile("app-1.0", TestNars.embeddingStorePath(600 * 1024, dataSeed, dep, 8 * 1024), pathSeed);
    }

    private long narId(TestNars.TestNar nar) {
        return metadata.findValidNar(nar.narHash().toString()).orElseThrow().id();
    }

    private void assertDownloads(CacheName cache, TestNars.TestNar nar) throws IOException {
        byte[] got = download(admin, cache, nar.storePathHash());
        assertEquals(nar.narHash(), Hash.sha256Of(got), "the download has the NarHash");
        assertArrayEquals(nar.bytes(), got);
    }

    @Test
    void aRebuildAgainstANewDependencyHashStoresAlmostNothingWhenReferenceAware() throws IOException {
        referenceAware(true);
        create(cacheA, false);
        var first = linkedAgainst(600, 601, 602);
        var rebuilt = linkedAgainst(600, 603, 604);
        upload(cacheA, first);
        UploadResult second = upload(cacheA, rebuilt);
        assertTrue(second.fileSize() <= rebuilt.bytes().length / 20,
                "stored " + second.fileSize() + " bytes for a " + rebuilt.bytes().length + "-byte rebuild");
        assertTrue(metadata.referenceTable(narId(rebuilt)).orElseThrow().size() >= 600 / 8 - 1);
        assertDownloads(cacheA, first);
        assertDownloads(cacheA, rebuilt);
    }

    /**
     * What was tried: the NAR row's reference table names another dependency hash at the same
     * positions (a damaged row, or a bug in the table's encoding: a fault a real database is not
     * made to produce, so the store answers through a proxy). Every chunk is intact and every
     * placeholder where the table says; only the NarHash of the restored bytes can tell.
     */
    @Test
    void aReferenceTableThatRestoresOtherBytesIsCaughtBeforeTheLastByte() throws IOException {
        referenceAware(true);
        create(cacheA, false);
        var nar = linkedAgainst(620, 621, 622);
        upload(cacheA, nar);
        ReferenceTable real = metadata.referenceTable(narId(nar)).orElseThrow();
        StorePathHash other = new StorePathHash(TestNars.storePathHash(623));
        ReferenceTable forged = ReferenceTable.of(real.references().stream()
                .map(r -> new Reference(r.position(), other)).toList());
        MetadataStore real0 = metadata;
        MetadataStore lying = (MetadataStore) Proxy.newProxyInstance(MetadataStore.class.getClassLoader(),
                new Class<?>[] {MetadataStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("referenceTable")) {
                        return Optional.of(forged);
                    }
                    try {
                        return method.invoke(real0, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (Attic misled = Attic.builder().storage(storage).metadata(lying).tokenVerifier(tokenKey.verifier(clock))
                .clock(clock).chunking(SMALL_CHUNKS.withReferenceAware(true)).build()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            NarDownload download = misled.nar(admin, cacheA, nar.storePathHash(), false);
            BackendException caught = assertThrows(BackendException.class, () -> download.writeTo(out));
            assertEquals(ErrorCode.INCOMPLETE_NAR, caught.code(), caught.getMessage());
            assertTrue(out.size() < nar.bytes().length, "the last bytes were held back: " + out.size());
        }
        assertDownloads(cacheA, nar); // the true table still restores the NAR
    }

    @Test
    void aRebuildAgainstANewDependencyHashStoresMostOfItWithPlainChunks() throws IOException {
        create(cacheA, false);
        var first = linkedAgainst(610, 611, 612);
        var rebuilt = linkedAgainst(610, 613, 614);
        upload(cacheA, first);
        UploadResult second = upload(cacheA, rebuilt);
        assertTrue(second.fileSize() >= rebuilt.bytes().length / 2,
                "plain chunks all hold a changed hash: stored " + second.fileSize() + " bytes");
        assertTrue(metadata.referenceTable(narId(rebuilt)).isEmpty());
        assertDownloads(cacheA, rebuilt);
    }

    @Test
    void plainAndReferenceAwareNarsAreServedSideBySide() throws IOException {
        create(cacheA, false);
        var plain = linkedAgainst(620, 621, 622);
        upload(cacheA, plain);
        referenceAware(true);
        var masked = linkedAgainst(623, 621, 624);
        upload(cacheA, masked);
        assertTrue(metadata.referenceTable(narId(plain)).isEmpty());
        assertTrue(metadata.referenceTable(narId(masked)).isPresent());
        assertDownloads(cacheA, plain);
        assertDownloads(cacheA, masked);
        referenceAware(false);
        assertDownloads(cacheA, plain);
        assertDownloads(cacheA, masked);
    }

    @Test
    void aNarDeduplicatesAgainstTheSameNarStoredTheOtherWay() throws IOException {
        create(cacheA, false);
        create(cacheB, false);
        var storedPlain = linkedAgainst(630, 631, 632);
        upload(cacheA, storedPlain);
        referenceAware(true);
        UploadResult again = upload(cacheB, storedPlain);
        assertEquals(UploadResult.Kind.DEDUPLICATED, again.kind());
        assertEquals(0, again.fileSize());
        assertDownloads(cacheB, storedPlain);

        var storedMasked = linkedAgainst(633, 631, 634);
        upload(cacheA, storedMasked);
        referenceAware(false);
        UploadResult plainAgain = upload(cacheB, storedMasked);
        assertEquals(UploadResult.Kind.DEDUPLICATED, plainAgain.kind());
        assertEquals(0, plainAgain.fileSize());
        assertDownloads(cacheB, storedMasked);
    }

    @Test
    void aNarThatEmbedsNoStorePathIsStoredPlainWhenReferenceAware() throws IOException {
        referenceAware(true);
        create(cacheA, false);
        var nar = bigNar(640);
        upload(cacheA, nar);
        assertTrue(metadata.referenceTable(narId(nar)).isEmpty());
        assertDownloads(cacheA, nar);
    }

    @Test
    void aReferenceAwareSingleChunkNarIsNeverRedirectedToItsStoredFile() throws IOException {
        attic.close();
        // chunked from 1 KiB on, but no cut below 16 KiB: a 10 KiB NAR is masked into one chunk
        attic = engine(Attic.builder().redirectSingleChunkNars(Duration.ofMinutes(5)),
                new ChunkingSettings(1024, 16 * 1024, 32 * 1024, 64 * 1024, true));
        create(cacheA, false);
        String dep = "/nix/store/" + TestNars.storePathHash(651) + "-libdep-1.0";
        var masked = TestNars.regularFile("tool", TestNars.embeddingStorePath(10 * 1024, 650, dep, 1024), 652);
        var plain = TestNars.regularFile("small", "below the threshold: one plain chunk".getBytes(StandardCharsets.UTF_8), 653);
        upload(cacheA, masked);
        upload(cacheA, plain);
        assertEquals(1, metadata.findValidNar(masked.narHash().toString()).orElseThrow().numChunks());
        assertTrue(metadata.referenceTable(narId(masked)).isPresent());

        assertEquals("nar/" + masked.storePathHash() + ".nar", attic.narInfo(admin, cacheA, masked.storePathHash()).url());
        assertThrows(NotFoundException.class, () -> attic.nar(admin, cacheA, masked.storePathHash(), true));
        assertDownloads(cacheA, masked);
        if (storage.downloadUrl(new StorageKey("probe"), Duration.ofMinutes(1)).isPresent()) {
            // the control: where the storage makes download URLs, a plain one-chunk NAR is redirected
            assertEquals("nar/" + plain.storePathHash() + ".nar.zst", attic.narInfo(admin, cacheA, plain.storePathHash()).url());
        }
    }
}
