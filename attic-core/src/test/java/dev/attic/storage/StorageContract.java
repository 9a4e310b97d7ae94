package dev.attic.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Storage} backend must have, written once. A backend's test class
 * extends this and says how to open the storage under test; it inherits every test. Each test works
 * under its own random key prefix, so a backend may share one bucket or directory between tests.
 */
public abstract class StorageContract {

    /** Opens the storage under test; called before each test, closed after it. */
    protected abstract Storage openStorage() throws Exception;

    /**
     * A size above which this backend's put takes its other path (S3: multipart upload), so the
     * large-object tests exercise it. Keep it small in tests.
     */
    protected abstract long largeObjectSize();

    /** Whether {@link Storage#downloadUrl} must give a URL on this backend. */
    protected abstract boolean supportsDownloadUrl();

    /**
     * Asserts that no trace of an unfinished upload to {@code key} is left in the backend (a temp
     * file, an unfinished multipart upload).
     */
    protected abstract void assertNoUnfinishedUpload(StorageKey key) throws Exception;

    protected Storage storage;
    protected String prefix;

    @BeforeEach
    void openStorageUnderTest() throws Exception {
        storage = openStorage();
        prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "/";
    }

    @AfterEach
    void closeStorageUnderTest() {
        if (storage != null) {
            storage.close();
        }
    }

    /** A key under this test's prefix. */
    protected StorageKey key(String name) {
        return StorageKey.of(prefix + name);
    }

    protected static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected byte[] putBytes(StorageKey key, byte[] bytes) {
        assertEquals(bytes.length, storage.put(key, new ByteArrayInputStream(bytes), bytes.length));
        return bytes;
    }

    @Test
    void roundTripsAnObjectOfKnownLength() {
        byte[] bytes = new SeededBytes(1, 100_000).toArray();
        StorageKey key = key("chunks/known.zst");
        assertEquals(bytes.length, storage.put(key, new ByteArrayInputStream(bytes), bytes.length));
        assertArrayEquals(bytes, read(storage.open(key)));
        assertEquals(Optional.of((long) bytes.length), storage.size(key));
        assertTrue(storage.exists(key));
    }

    @Test
    void roundTripsAnObjectOfUnknownLength() {
        byte[] bytes = new SeededBytes(2, 70_001).toArray();
        StorageKey key = key("chunks/unknown.zst");
        assertEquals(bytes.length, storage.put(key, new ByteArrayInputStream(bytes), Storage.UNKNOWN_LENGTH));
        assertArrayEquals(bytes, read(storage.open(key)));
        assertEquals(Optional.of((long) bytes.length), storage.size(key));
    }

    @Test
    void storesEmptyObjectsOfKnownAndUnknownLength() {
        StorageKey known = key("empty-known");
        StorageKey unknown = key("empty-unknown");
        assertEquals(0, storage.put(known, InputStream.nullInputStream(), 0));
        assertEquals(0, storage.put(unknown, InputStream.nullInputStream(), Storage.UNKNOWN_LENGTH));
        for (StorageKey key : List.of(known, unknown)) {
            assertArrayEquals(new byte[0], read(storage.open(key)), key.value());
            assertEquals(Optional.of(0L), storage.size(key), key.value());
            assertArrayEquals(new byte[0], read(storage.open(key, 0, 10)), key.value());
        }
    }

    @Test
    void roundTripsALargeObjectOfKnownLength() {
        SeededBytes content = new SeededBytes(3, largeObjectSize());
        StorageKey key = key("large-known");
        assertEquals(content.size(), storage.put(key, content.stream(), content.size()));
        assertEquals(content.sha256(), SeededBytes.sha256(storage.open(key)));
        assertEquals(Optional.of(content.size()), storage.size(key));
    }

    @Test
    void roundTripsALargeObjectOfUnknownLength() {
        SeededBytes content = new SeededBytes(4, largeObjectSize() + 12_345);
        StorageKey key = key("large-unknown");
        assertEquals(content.size(), storage.put(key, content.stream(), Storage.UNKNOWN_LENGTH));
        assertEquals(content.sha256(), SeededBytes.sha256(storage.open(key)));
        assertEquals(Optional.of(content.size()), storage.size(key));
    }

    @Test
    void readsRangesAtTheStartTheMiddleAndTheEnd() {
        byte[] bytes = putBytes(key("ranged"), new SeededBytes(5, 10_000).toArray());
        StorageKey key = key("ranged");
        assertArrayEquals(slice(bytes, 0, 100), read(storage.open(key, 0, 100)));
        assertArrayEquals(slice(bytes, 4321, 1234), read(storage.open(key, 4321, 1234)));
        assertArrayEquals(slice(bytes, 9_000, 1_000), read(storage.open(key, 9_000, 1_000)));
        assertArrayEquals(slice(bytes, 9_999, 1), read(storage.open(key, 9_999, 1)));
        assertArrayEquals(bytes, read(storage.open(key, 0, bytes.length)));
    }

    @Test
    void readsARangeOfALargeObject() {
        SeededBytes content = new SeededBytes(6, largeObjectSize());
        StorageKey key = key("large-ranged");
        storage.put(key, content.stream(), content.size());
        long offset = content.size() / 2 - 17;
        byte[] expected;
        try (InputStream in = content.stream()) {
            in.skipNBytes(offset);
            expected = in.readNBytes(100_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertArrayEquals(expected, read(storage.open(key, offset, 100_000)));
    }

    @Test
    void clampsARangeThatRunsPastTheEnd() {
        byte[] bytes = putBytes(key("clamped"), new SeededBytes(7, 1_000).toArray());
        assertArrayEquals(slice(bytes, 900, 100), read(storage.open(key("clamped"), 900, 5_000)));
        assertArrayEquals(slice(bytes, 0, 1_000), read(storage.open(key("clamped"), 0, Long.MAX_VALUE)));
    }

    @Test
    void servesAnEmptyRangeAtTheEndAndForAZeroLength() {
        putBytes(key("edge"), new SeededBytes(8, 1_000).toArray());
        assertArrayEquals(new byte[0], read(storage.open(key("edge"), 1_000, 10)));
        assertArrayEquals(new byte[0], read(storage.open(key("edge"), 10, 0)));
    }

    @Test
    void rejectsARangeStartingPastTheEnd() {
        putBytes(key("short"), new SeededBytes(9, 1_000).toArray());
        BadInputException e = assertThrows(BadInputException.class, () -> read(storage.open(key("short"), 1_001, 10)));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
    }

    @Test
    void rejectsANegativeRange() {
        putBytes(key("negative"), new byte[] {1, 2, 3});
        assertThrows(BadInputException.class, () -> storage.open(key("negative"), -1, 2));
        assertThrows(BadInputException.class, () -> storage.open(key("negative"), 0, -2));
    }

    @Test
    void overwritingAKeyReplacesTheWholeObject() {
        StorageKey key = key("replaced");
        putBytes(key, new SeededBytes(10, 5_000).toArray());
        byte[] second = putBytes(key, new SeededBytes(11, 3_000).toArray());
        assertArrayEquals(second, read(storage.open(key)));
        assertEquals(Optional.of(3_000L), storage.size(key));
    }

    @Test
    void putsTheSameContentTwiceWithoutComplaint() {
        StorageKey key = key("same");
        byte[] bytes = putBytes(key, new SeededBytes(12, 4_096).toArray());
        putBytes(key, bytes);
        assertArrayEquals(bytes, read(storage.open(key)));
    }

    @Test
    void readingAMissingKeyIsNotFound() {
        StorageKey key = key("chunks/never-stored.zst");
        NotFoundException whole = assertThrows(NotFoundException.class, () -> read(storage.open(key)));
        assertEquals(ErrorCode.NO_SUCH_OBJECT, whole.code());
        assertTrue(whole.getMessage().contains(key.value()), whole.getMessage());
        NotFoundException ranged = assertThrows(NotFoundException.class, () -> read(storage.open(key, 0, 10)));
        assertEquals(ErrorCode.NO_SUCH_OBJECT, ranged.code());
        assertEquals(Optional.empty(), storage.size(key));
        assertFalse(storage.exists(key));
    }

    @Test
    void deleteRemovesTheObjectAndIsIdempotent() {
        StorageKey key = key("deleted");
        putBytes(key, new byte[] {42});
        storage.delete(key);
        assertFalse(storage.exists(key));
        assertThrows(NotFoundException.class, () -> read(storage.open(key)));
        storage.delete(key);
        storage.delete(key("never-existed"));
        assertFalse(storage.exists(key));
    }

    @Test
    void concurrentPutsOfDifferentKeysAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int n = i;
                done.add(pool.submit(() -> putBytes(key("concurrent/" + n), new SeededBytes(100 + n, 1_000 + n * 37).toArray())));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int n = 0; n < 32; n++) {
            assertArrayEquals(new SeededBytes(100 + n, 1_000 + n * 37).toArray(), read(storage.open(key("concurrent/" + n))));
        }
    }

    @Test
    void listsTheObjectsUnderAPrefixWithTheirSizes() {
        Map<String, Long> expected = new TreeMap<>();
        for (int i = 0; i < 25; i++) {
            String name = "chunks/" + String.format("%02x", i * 7) + ".zst";
            putBytes(key(name), new SeededBytes(i, i * 10).toArray());
            expected.put(prefix + name, (long) i * 10);
        }
        putBytes(key("other/x"), new byte[] {1});
        assertEquals(expected, listed(prefix + "chunks/"));
        assertEquals(26, listed(prefix).size());
        assertEquals(Map.of(), listed(prefix + "nothing-here/"));
        assertEquals(Map.of(prefix + "other/x", 1L), listed(prefix + "oth"));
    }

    @Test
    void listingDoesNotShowDeletedObjects() {
        putBytes(key("kept"), new byte[] {1, 2});
        putBytes(key("gone"), new byte[] {3});
        storage.delete(key("gone"));
        assertEquals(Map.of(prefix + "kept", 2L), listed(prefix));
    }

    @Test
    void rejectsAnInvalidListingPrefix() {
        assertThrows(BadInputException.class, () -> storage.list("chunks/*"));
        assertThrows(BadInputException.class, () -> storage.list("../"));
    }

    @Test
    void aSourceThatFailsMidwayLeavesNoObject() throws Exception {
        StorageKey key = key("failed-small");
        SeededBytes content = new SeededBytes(13, 50_000);
        BadInputException e = assertThrows(BadInputException.class,
                () -> storage.put(key, content.stream(20_000, new IOException("client went away")), content.size()));
        assertTrue(e.getMessage().contains("client went away"), e.getMessage());
        assertFalse(storage.exists(key));
        assertNoUnfinishedUpload(key);
    }

    @Test
    void aLargeSourceThatFailsMidwayLeavesNoObject() throws Exception {
        for (long declared : new long[] {largeObjectSize() * 2, Storage.UNKNOWN_LENGTH}) {
            StorageKey key = key("failed-large-" + declared);
            SeededBytes content = new SeededBytes(14, largeObjectSize() * 2);
            assertThrows(BadInputException.class,
                    () -> storage.put(key, content.stream(largeObjectSize() + 1_000, new IOException("reset")), declared));
            assertFalse(storage.exists(key), "after a failed put of declared length " + declared);
            assertNoUnfinishedUpload(key);
        }
    }

    @Test
    void dataShorterThanItsDeclaredLengthLeavesNoObject() throws Exception {
        for (long size : new long[] {1_000, largeObjectSize() + 1_000}) {
            StorageKey key = key("short-" + size);
            SeededBytes content = new SeededBytes(15, size);
            BadInputException e = assertThrows(BadInputException.class, () -> storage.put(key, content.stream(), size + 1));
            assertTrue(e.getMessage().contains("declared length"), e.getMessage());
            assertFalse(storage.exists(key));
            assertNoUnfinishedUpload(key);
        }
    }

    @Test
    void dataLongerThanItsDeclaredLengthLeavesNoObject() throws Exception {
        StorageKey key = key("long");
        SeededBytes content = new SeededBytes(16, 2_000);
        assertThrows(BadInputException.class, () -> storage.put(key, content.stream(), 1_999));
        assertFalse(storage.exists(key));
        assertNoUnfinishedUpload(key);
    }

    @Test
    void rejectsANegativeDeclaredLength() {
        assertThrows(BadInputException.class, () -> storage.put(key("neg"), InputStream.nullInputStream(), -2));
        assertFalse(storage.exists(key("neg")));
    }

    @Test
    void aFailedPutKeepsTheObjectThatWasThere() {
        StorageKey key = key("kept-after-failure");
        byte[] first = putBytes(key, new SeededBytes(17, 3_000).toArray());
        assertThrows(BadInputException.class,
                () -> storage.put(key, new SeededBytes(18, 9_000).stream(4_000, new IOException("cut")), 9_000));
        assertArrayEquals(first, read(storage.open(key)));
    }

    @Test
    void aDownloadUrlServesTheBytesToAPlainHttpClient() throws Exception {
        StorageKey key = key("chunks/download me.zst".replace(' ', '-'));
        byte[] bytes = putBytes(key, new SeededBytes(19, 30_000).toArray());
        Optional<URI> url = storage.downloadUrl(key, Duration.ofMinutes(5));
        assertEquals(supportsDownloadUrl(), url.isPresent(), "download URL support");
        if (url.isPresent()) {
            HttpResponse<byte[]> response = httpGet(url.get());
            assertEquals(200, response.statusCode(), () -> new String(response.body()));
            assertArrayEquals(bytes, response.body());
        }
    }

    @Test
    void aDownloadUrlOfAMissingObjectAnswersNotFound() throws Exception {
        Optional<URI> url = storage.downloadUrl(key("missing"), Duration.ofMinutes(5));
        assertEquals(supportsDownloadUrl(), url.isPresent(), "download URL support");
        if (url.isPresent()) {
            assertEquals(404, httpGet(url.get()).statusCode());
        }
    }

    @Test
    void rejectsADownloadUrlValidityThatIsNotPositive() {
        assertThrows(BadInputException.class, () -> storage.downloadUrl(key("x"), Duration.ZERO));
        assertThrows(BadInputException.class, () -> storage.downloadUrl(key("x"), Duration.ofSeconds(-1)));
    }

    protected Map<String, Long> listed(String listPrefix) {
        try (Stream<StoredObject> objects = storage.list(listPrefix)) {
            return objects.collect(Collectors.toMap(o -> o.key().value(), StoredObject::size, (a, b) -> {
                throw new AssertionError("listed twice: " + a);
            }, TreeMap::new));
        }
    }

    protected static HttpResponse<byte[]> httpGet(URI url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] slice(byte[] bytes, int offset, int length) {
        byte[] out = new byte[length];
        System.arraycopy(bytes, offset, out, 0, length);
        return out;
    }
}
