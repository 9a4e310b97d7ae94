package dev.attic.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.attic.AtticException;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.NotFoundException;
import dev.attic.auth.CacheNamePattern;
import dev.attic.auth.CachePermissions;
import dev.attic.auth.Permission;
import dev.attic.auth.Token;
import dev.attic.auth.TokenKey;
import dev.attic.cache.CacheName;
import dev.attic.chunking.ChunkingSettings;
import dev.attic.engine.Attic;
import dev.attic.engine.CachePatch;
import dev.attic.engine.Caller;
import dev.attic.engine.TestNars;
import dev.attic.engine.UploadPathInfo;
import dev.attic.metadata.MetadataStats;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.TestClock;
import dev.attic.metadata.jdbi.JdbiMetadata;
import dev.attic.nix.Hash;
import dev.attic.storage.Storage;
import dev.attic.storage.StoredObject;
import dev.attic.storage.fs.FileSystemStorage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Malformed and truncated NARs through the engine's upload (not only the NAR reader), on the real
 * embedded backends (filesystem + SQLite). Each case is a valid NAR, written field by field by
 * {@link FieldedNar}, then broken where the grammar forbids it: cut short, given trailing bytes, a
 * keyword bit flipped, a length field replaced (up to 2^63-1), padding made non-zero. Each is
 * uploaded twice: declaring its own NarHash and NarSize (only the grammar can refuse it: BadNar),
 * and declaring the original NAR's (BadNar or NarMismatch). Neither may be accepted, become
 * visible, hang (10 s per upload) or use memory beyond a bound; once the leases end, a GC leaves no
 * chunk file and no NAR or chunk row.
 */
class MalformedNarUploadTest {
    static final int TRIES = 10_000;
    private static final long HEAP_GROWTH_LIMIT = 64L * 1024 * 1024;
    private static final byte[] SECRET = "malformed-nar-secret-malformed-nar-secret".getBytes(StandardCharsets.UTF_8);

    private Path dir;
    private TestClock clock;
    private Storage storage;
    private MetadataStore metadata;
    private Attic attic;
    private Caller admin;
    private final CacheName cache = CacheName.of("fuzz");
    private final ExecutorService uploads = Executors.newSingleThreadExecutor();
    private final Map<Mutation, Integer> counts = new EnumMap<>(Mutation.class);
    private long heapBefore;
    private long heapPeak;
    private int cases;

    enum Mutation { TRUNCATE, APPEND, KEYWORD_BIT, LENGTH_FIELD, PADDING_BYTE }

    @BeforeProperty
    void start() throws IOException {
        dir = Files.createTempDirectory(Path.of("target"), "malformed-nar-");
        clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        storage = FileSystemStorage.at(dir.resolve("storage"));
        metadata = JdbiMetadata.builder().sqlite(dir.resolve("attic.db")).clock(clock).build();
        TokenKey key = TokenKey.hs256(SECRET);
        attic = Attic.builder().storage(storage).metadata(metadata).tokenVerifier(key.verifier(clock)).clock(clock)
                .chunking(new ChunkingSettings(16 * 1024, 4 * 1024, 16 * 1024, 64 * 1024))
                .uploadLease(Duration.ofMinutes(10)).build();
        admin = attic.authenticate(key.sign(Token.of("fuzz", clock.instant().minusSeconds(1), clock.instant().plus(Duration.ofDays(3650)))
                .withGrant(CacheNamePattern.of("*"), CachePermissions.of(Permission.values()))));
        attic.createCache(admin, cache, CachePatch.none());
        heapBefore = usedHeapAfterGc();
    }

    @AfterProperty
    void stop() {
        uploads.shutdownNow();
        attic.close();
        metadata.close();
        storage.close();
    }

    /** After the last case: memory, then nothing left once the leases end, then the unbroken NARs as a control. */
    private void checkNothingRemains() throws Exception {
        {
            long growth = usedHeapAfterGc() - heapBefore;
            System.out.printf("malformed NARs: %d cases x 2 uploads, by mutation %s; peak heap growth %d KiB, retained %d KiB%n",
                    cases, counts, (heapPeak - heapBefore) / 1024, growth / 1024);
            assertTrue(growth < HEAP_GROWTH_LIMIT, "heap retained after " + cases + " cases: " + growth + " bytes");
            clock.advance(Duration.ofMinutes(11));
            attic.collectGarbage();
            try (Stream<StoredObject> files = storage.list("")) {
                assertEquals(List.of(), files.map(o -> o.key().value()).toList(), "no chunk file left after GC");
            }
            MetadataStats stats = metadata.stats();
            assertEquals(0, stats.nars().values().stream().mapToLong(Long::longValue).sum(), stats.toString());
            assertEquals(0, stats.chunks().values().stream().mapToLong(Long::longValue).sum(), stats.toString());
            assertEquals(0, stats.objects(), stats.toString());
            // control: the unbroken NARs the cases were made from are accepted and read back
            for (long seed = 1; seed <= 3; seed++) {
                for (FieldedNar nar : shapes(seed)) {
                    String hash = TestNars.storePathHash(500 + seed * 10 + nar.bytes().length % 7);
                    var control = new TestNars.TestNar(nar.bytes(), "/nix/store/" + hash + "-control", hash);
                    attic.upload(admin, cache, control.info(), new ByteArrayInputStream(control.bytes()));
                    ByteArrayOutputStream back = new ByteArrayOutputStream();
                    attic.nar(admin, cache, hash, false).writeTo(back);
                    assertArrayEquals(control.bytes(), back.toByteArray(), "control " + control.storePath());
                }
            }
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The valid NARs cases start from: a file, an executable, a symlink and a tree, with contents from a seed. */
    static List<FieldedNar> shapes(long seed) {
        Random random = new Random(seed);
        byte[] a = new byte[random.nextInt(3000)];
        byte[] b = new byte[random.nextInt(300)];
        random.nextBytes(a);
        random.nextBytes(b);
        return List.of(FieldedNar.regularFile(false, a), FieldedNar.regularFile(true, b),
                FieldedNar.symlink("../target-" + seed), FieldedNar.tree(a, b));
    }

    /** One broken NAR: how it was made, from what. */
    record Case(Mutation mutation, String how, byte[] original, byte[] broken) {
        @Override
        public String toString() {
            return mutation + " " + how + " (" + original.length + " -> " + broken.length + " bytes)";
        }
    }

    @Provide
    Arbitrary<Case> brokenNars() {
        return Arbitraries.longs().between(1, 1_000_000).flatMap(seed -> {
            List<FieldedNar> shapes = shapes(seed);
            return Arbitraries.of(shapes).flatMap(nar -> Arbitraries.of(Mutation.values()).flatMap(mutation ->
                    Arbitraries.longs().map(pick -> mutate(nar, mutation, pick))));
        });
    }

    static Case mutate(FieldedNar nar, Mutation mutation, long pick) {
        byte[] original = nar.bytes();
        Random random = new Random(pick);
        byte[] broken;
        String how;
        switch (mutation) {
            case TRUNCATE -> {
                int at = random.nextInt(original.length);
                broken = Arrays.copyOf(original, at);
                how = "cut at " + at;
            }
            case APPEND -> {
                byte[] extra = new byte[1 + random.nextInt(64)];
                random.nextBytes(extra);
                broken = Arrays.copyOf(original, original.length + extra.length);
                System.arraycopy(extra, 0, broken, original.length, extra.length);
                how = extra.length + " bytes appended";
            }
            case KEYWORD_BIT -> {
                FieldedNar.Field field = pickField(nar, FieldedNar.Kind.KEYWORD, random);
                int at = field.offset() + random.nextInt(field.length());
                int bit = random.nextInt(8);
                broken = original.clone();
                broken[at] ^= (byte) (1 << bit);
                how = "bit " + bit + " of byte " + at + " flipped in a keyword";
            }
            case LENGTH_FIELD -> {
                FieldedNar.Field field = pickField(nar, FieldedNar.Kind.LENGTH, random);
                long current = java.nio.ByteBuffer.wrap(original, field.offset(), 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
                // a length that moves the end of its padded string: one that stays inside the same padding
                // (1722 -> 1724 with 6 zero bytes of padding) may well describe another valid NAR
                long replacement = switch (random.nextInt(4)) {
                    case 0 -> current + 8 + random.nextInt(64);
                    case 1 -> Math.max(0, current - 8 - random.nextInt(64));
                    case 2 -> Long.MAX_VALUE - random.nextInt(1000);
                    default -> (1L << (20 + random.nextInt(40))) + random.nextInt(7);
                };
                if (padded(replacement) == padded(current)) {
                    replacement = current + 8;
                }
                broken = original.clone();
                java.nio.ByteBuffer.wrap(broken, field.offset(), 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(replacement);
                how = "length at " + field.offset() + " changed from " + current + " to " + replacement;
            }
            case PADDING_BYTE -> {
                FieldedNar.Field field = pickField(nar, FieldedNar.Kind.PADDING, random);
                int at = field.offset() + random.nextInt(field.length());
                broken = original.clone();
                broken[at] = (byte) (1 + random.nextInt(255));
                how = "padding byte " + at + " set to " + (broken[at] & 0xff);
            }
            default -> throw new AssertionError(mutation);
        }
        return new Case(mutation, how, original, broken);
    }

    private static long padded(long length) {
        return length > Long.MAX_VALUE - 8 ? length : (length + 7) / 8 * 8;
    }

    private static FieldedNar.Field pickField(FieldedNar nar, FieldedNar.Kind kind, Random random) {
        List<FieldedNar.Field> candidates = nar.fields().stream().filter(f -> f.kind() == kind).toList();
        return candidates.get(random.nextInt(candidates.size()));
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF, seed = "20261122")
    void noBrokenNarIsAcceptedOrBecomesVisible(@ForAll("brokenNars") Case broken) throws Exception {
        cases++;
        counts.merge(broken.mutation(), 1, Integer::sum);
        String storePathHash = TestNars.storePathHash(cases);
        String storePath = "/nix/store/" + storePathHash + "-broken";
        UploadPathInfo ownHash = info(storePathHash, storePath, Hash.sha256Of(broken.broken()), broken.broken().length);
        UploadPathInfo originalHash = info(storePathHash, storePath, Hash.sha256Of(broken.original()), broken.original().length);

        ErrorCode own = refused(broken, ownHash, "declaring its own hash and size");
        // an empty body has NarSize 0, which the description itself may not declare
        assertEquals(broken.broken().length == 0 ? ErrorCode.INVALID_NAR_INFO : ErrorCode.BAD_NAR, own, broken.toString());
        ErrorCode mismatch = refused(broken, originalHash, "declaring the original NAR's hash and size");
        assertTrue(mismatch == ErrorCode.BAD_NAR || mismatch == ErrorCode.NAR_MISMATCH, broken + ": " + mismatch);
        try {
            attic.narInfo(admin, cache, storePathHash);
            fail(broken + ": the refused path is visible");
        } catch (NotFoundException expected) {
            assertEquals(ErrorCode.NO_SUCH_OBJECT, expected.code());
        }
        if (cases % 500 == 0) {
            heapPeak = Math.max(heapPeak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        if (cases == TRIES) {
            checkNothingRemains();
        }
    }

    private static UploadPathInfo info(String storePathHash, String storePath, Hash narHash, long narSize) {
        return new UploadPathInfo(storePathHash, storePath, List.of(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), narHash.toString(), narSize);
    }

    /** Uploads the broken NAR with a 10 s limit and returns the code it was refused with. */
    private ErrorCode refused(Case broken, UploadPathInfo info, String declaring) throws InterruptedException {
        Future<?> upload = uploads.submit(() -> {
            attic.upload(admin, cache, info, new ByteArrayInputStream(broken.broken()));
            return null;
        });
        try {
            upload.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            upload.cancel(true);
            throw new AssertionError(broken + ", " + declaring + ": the upload hung for 10 s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BadInputException bad) {
                return bad.code();
            }
            if (e.getCause() instanceof AtticException other) {
                throw new AssertionError(broken + ", " + declaring + ": refused, but not as bad input: " + other.code(), other);
            }
            throw new AssertionError(broken + ", " + declaring + ": failed with " + e.getCause(), e.getCause());
        }
        throw new AssertionError(broken + ", " + declaring + ": ACCEPTED");
    }
}
