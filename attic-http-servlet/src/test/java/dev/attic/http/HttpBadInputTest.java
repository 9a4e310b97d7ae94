package dev.attic.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attic.auth.CacheNamePattern;
import dev.attic.auth.CachePermissions;
import dev.attic.auth.Permission;
import dev.attic.auth.Token;
import dev.attic.auth.TokenKey;
import dev.attic.engine.Attic;
import dev.attic.engine.FaultyStorage;
import dev.attic.engine.TestNars;
import dev.attic.metadata.MetadataStats;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.TestClock;
import dev.attic.metadata.jdbi.JdbiMetadata;
import dev.attic.storage.Storage;
import dev.attic.storage.StoredObject;
import dev.attic.storage.fs.FileSystemStorage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input over real HTTP (the servlet in Jetty, filesystem + SQLite, a storage that can be made
 * to fail): each attempt gets a clear 4xx with the error JSON, nothing becomes visible, and what a
 * refused or interrupted upload wrote is reaped by GC once its lease ends.
 */
class HttpBadInputTest {
    private static final byte[] SECRET = "bad-input-secret-bad-input-secret-bad-input".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TestClock clock;
    private Storage real;
    private FaultyStorage storage;
    private MetadataStore metadata;
    private Attic attic;
    private Server server;
    private URI base;
    private String admin;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void start() throws Exception {
        clock = new TestClock(Instant.now());
        real = FileSystemStorage.at(dir.resolve("storage"));
        storage = new FaultyStorage(real);
        metadata = JdbiMetadata.builder().sqlite(dir.resolve("attic.db")).clock(clock).build();
        TokenKey key = TokenKey.hs256(SECRET);
        attic = Attic.builder().storage(storage).metadata(metadata).tokenVerifier(key.verifier(clock)).clock(clock)
                .chunking(new dev.attic.chunking.ChunkingSettings(16 * 1024, 4 * 1024, 16 * 1024, 64 * 1024))
                .uploadLease(Duration.ofMinutes(10)).build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(2_000); // a client that stops sending is cut off after 2 s
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(AtticServlet.builder(attic).build()), "/*");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
        admin = key.sign(Token.of("bad-input", clock.instant().minusSeconds(5), clock.instant().plus(Duration.ofDays(1)))
                .withGrant(CacheNamePattern.of("*"), CachePermissions.of(Permission.values())));
        HttpResponse<byte[]> created = send(request("_api/v1/cache-config/alpha").POST(HttpRequest.BodyPublishers.ofString(
                "{\"keypair\":\"Generate\",\"is_public\":true,\"store_dir\":\"/nix/store\",\"priority\":41,\"upstream_cache_key_names\":[]}")));
        assertEquals(200, created.statusCode());
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        attic.close();
        metadata.close();
        real.close();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + admin);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, Object> info(TestNars.TestNar nar) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("cache", "alpha");
        info.put("store_path_hash", nar.storePathHash());
        info.put("store_path", nar.storePath());
        info.put("references", List.of());
        info.put("sigs", List.of());
        info.put("nar_hash", nar.narHash().toString());
        info.put("nar_size", nar.bytes().length);
        return info;
    }

    /** Null when the response is a 4xx with the error JSON; else what is wrong with it. */
    private static String notAClearRefusal(int status, byte[] body) {
        if (status < 400 || status >= 500) {
            return "status " + status;
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (json.get("code").asInt() != status || !json.get("error").isTextual() || !json.get("message").isTextual()) {
                return "not the error JSON: " + new String(body, StandardCharsets.UTF_8);
            }
            return null;
        } catch (Exception e) {
            return "not JSON: " + new String(body, StandardCharsets.UTF_8);
        }
    }

    private boolean visible(TestNars.TestNar nar) throws Exception {
        return send(request("alpha/" + nar.storePathHash() + ".narinfo")).statusCode() != 404;
    }

    /** Past every lease, a GC leaves no file and no NAR, chunk or object row. */
    private void assertGarbageCollectionLeavesNothing() {
        clock.advance(Duration.ofMinutes(11));
        attic.collectGarbage();
        try (Stream<StoredObject> files = real.list("")) {
            assertEquals(List.of(), files.map(o -> o.key().value()).collect(Collectors.toList()), "files left");
        }
        MetadataStats stats = metadata.stats();
        assertEquals(0, stats.objects() + stats.chunkRefs() + stats.nars().values().stream().mapToLong(Long::longValue).sum()
                + stats.chunks().values().stream().mapToLong(Long::longValue).sum(), stats.toString());
    }

    @Test
    void descriptionFieldsCarryingNewlinesOrNonStorePathsAreRefused() throws Exception {
        var nar = TestNars.regularFile("newline", "n".getBytes(StandardCharsets.UTF_8), 1);
        String other = TestNars.storePathHash(2);
        Map<String, Object> attempts = new LinkedHashMap<>();
        attempts.put("system", "x86_64-linux\nStorePath: /nix/store/" + other + "-evil");
        attempts.put("deriver", other + "-x.drv\nNarHash: sha256:0000");
        attempts.put("sigs", List.of("cache-1:c2lnbmF0dXJl\nURL: nar/evil.nar"));
        attempts.put("ca", "fixed:r:sha256:abc\nReferences: evil");
        attempts.put("references", List.of(other + "-dep\nSig: forged"));
        attempts.put("references ", List.of("not-a-store-path"));
        attempts.put("references  ", List.of("/etc/passwd"));
        attempts.put("references   ", List.of("/nix/store/" + other + "-dep/../../etc"));
        attempts.put("store_path", nar.storePath() + "\nReferences: evil");
        attempts.put("store_path ", "/nix/store/../etc/passwd");
        attempts.put("store_path_hash", "../../../etc/passwd");
        attempts.put("cache", "../alpha");
        attempts.put("nar_hash", "sha256:" + "0".repeat(64) + "\n");
        List<String> failures = new ArrayList<>();
        for (var attempt : attempts.entrySet()) {
            Map<String, Object> info = info(nar);
            info.put(attempt.getKey().strip(), attempt.getValue());
            HttpResponse<byte[]> response = send(request("_api/v1/upload-path").header("X-Attic-Nar-Info", JSON.writeValueAsString(info))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(nar.bytes())));
            String wrong = notAClearRefusal(response.statusCode(), response.body());
            if (wrong != null || visible(nar)) {
                failures.add(attempt.getKey().strip() + " = " + attempt.getValue() + ": " + (wrong != null ? wrong : "the path became visible"));
            }
        }
        // the nix copy route: a narinfo text with a carriage return, a NUL, or a reference that is not a store path
        List<String> narInfos = List.of(
                "StorePath: " + nar.storePath() + "\r\nURL: nar/x.nar\nCompression: none\nNarHash: " + nar.narHash() + "\nNarSize: " + nar.bytes().length + "\n",
                "StorePath: " + nar.storePath() + "\nURL: nar/x.nar\u0000\nCompression: none\nNarHash: " + nar.narHash() + "\nNarSize: " + nar.bytes().length + "\n",
                "StorePath: " + nar.storePath() + "\nURL: nar/x.nar\nCompression: none\nNarHash: " + nar.narHash() + "\nNarSize: " + nar.bytes().length
                        + "\nReferences: ../../etc/passwd\n");
        for (String text : narInfos) {
            HttpResponse<byte[]> response = send(request("alpha/" + nar.storePathHash() + ".narinfo").PUT(HttpRequest.BodyPublishers.ofString(text)));
            String wrong = notAClearRefusal(response.statusCode(), response.body());
            if (wrong != null || visible(nar)) {
                failures.add("narinfo " + JSON.writeValueAsString(text) + ": " + (wrong != null ? wrong : "the path became visible"));
            }
        }
        System.out.printf("bad descriptions: %d upload-path attempts, %d narinfo PUTs, %d failures%n", attempts.size(), narInfos.size(), failures.size());
        assertEquals(List.of(), failures);
    }

    @Test
    void oddCacheNamesAndStorePathHashesAreRefusedWithTheErrorJson() throws Exception {
        String hash = TestNars.storePathHash(3);
        List<String> paths = List.of(
                "../alpha/nix-cache-info", "%2e%2e/nix-cache-info", ".%2e/nix-cache-info", "alpha%2F..%2F/nix-cache-info",
                "a%00b/nix-cache-info", "a%0Ab/nix-cache-info", "%C3%BC/nix-cache-info", "x".repeat(51) + "/nix-cache-info",
                "-alpha/nix-cache-info", "al pha/nix-cache-info".replace(" ", "%20"), "_api/nix-cache-info", "./nix-cache-info",
                "alpha/" + hash.toUpperCase() + ".narinfo", "alpha/" + hash.substring(1) + ".narinfo", "alpha/" + hash + "x.narinfo",
                "alpha/" + "e".repeat(32) + ".narinfo", "alpha/..%2F" + hash + ".narinfo", "alpha/%2e%2e.narinfo",
                "alpha/nar/" + hash.substring(2) + ".nar", "alpha/nar/..%2F..%2Fattic.db", "alpha/nar/" + "u".repeat(32) + ".nar",
                "_api/v1/cache-config/..", "_api/v1/cache-config/%2e%2e%2Fx", "_api/v1/cache-config/" + "y".repeat(300));
        List<String> failures = new ArrayList<>();
        int byContainer = 0;
        for (String path : paths) {
            HttpResponse<byte[]> response = send(request(path).GET());
            if (response.statusCode() == 400 && new String(response.body(), StandardCharsets.ISO_8859_1).contains("Powered by Jetty")) {
                // Jetty refuses ambiguous or suspicious paths (encoded '/', '..', control characters) with its own
                // error page before any servlet runs: refused, but not with our JSON (that is the container's to configure)
                byContainer++;
                continue;
            }
            String wrong = notAClearRefusal(response.statusCode(), response.body());
            if (wrong != null || response.statusCode() == 401 || response.statusCode() == 403) {
                failures.add(path + ": " + (wrong != null ? wrong : "status " + response.statusCode()));
            }
        }
        // the same in JSON bodies
        for (String bad : List.of("../../etc/passwd", hash.toUpperCase(), hash + "/..", "", "e".repeat(32))) {
            HttpResponse<byte[]> response = send(request("_api/v1/get-missing-paths").POST(HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("cache", "alpha", "store_path_hashes", List.of(bad))))));
            String wrong = notAClearRefusal(response.statusCode(), response.body());
            if (wrong != null) {
                failures.add("get-missing-paths " + bad + ": " + wrong);
            }
        }
        System.out.printf("odd names: %d paths (%d refused by the container itself), 5 JSON hashes, %d failures%n",
                paths.size(), byContainer, failures.size());
        assertEquals(List.of(), failures);
    }

    @Test
    void overLongHeadersAndPreamblesAreRefusedBeforeTheBody() throws Exception {
        var nar = TestNars.regularFile("long", "l".getBytes(StandardCharsets.UTF_8), 4);
        Map<String, Object> info = info(nar);
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            refs.add(TestNars.storePathHash(10_000 + i) + "-dependency-" + i);
        }
        info.put("references", refs);
        String huge = JSON.writeValueAsString(info);
        assertTrue(huge.length() > 64 * 1024, "a description of " + huge.length() + " bytes");
        HttpResponse<byte[]> header = send(request("_api/v1/upload-path").header("X-Attic-Nar-Info", huge)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(nar.bytes())));
        // the container refuses a header over its limit before the servlet runs (its own body, not ours)
        assertEquals(431, header.statusCode(), "an over-long header: " + new String(header.body(), StandardCharsets.UTF_8));
        int max = HttpSettings.defaults().maxNarInfoBytes();
        for (String size : List.of(String.valueOf(max + 1), "0", "-1", "99999999999", " 12x")) {
            HttpResponse<byte[]> preamble = send(request("_api/v1/upload-path").header("X-Attic-Nar-Info-Preamble-Size", size)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(nar.bytes())));
            assertEquals(null, notAClearRefusal(preamble.statusCode(), preamble.body()), "preamble size " + size);
        }
        // a preamble that is valid JSON but not followed by the NAR it declares
        byte[] description = JSON.writeValueAsBytes(info(nar));
        HttpResponse<byte[]> noNar = send(request("_api/v1/upload-path").header("X-Attic-Nar-Info-Preamble-Size", String.valueOf(description.length))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(description)));
        assertEquals(null, notAClearRefusal(noNar.statusCode(), noNar.body()), "a preamble with no NAR after it");
        assertTrue(!visible(nar));
        assertGarbageCollectionLeavesNothing();
    }

    /** Sends a raw upload: headers with {@code contentLength}, then {@code sent} body bytes, then {@code end}. */
    private String rawUpload(TestNars.TestNar nar, Map<String, Object> info, long contentLength, byte[] sent, String end) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /_api/v1/upload-path HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + admin
                    + "\r\nX-Attic-Nar-Info: " + JSON.writeValueAsString(info) + "\r\nContent-Length: " + contentLength
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(sent);
            out.flush();
            switch (end) {
                case "half-close" -> socket.shutdownOutput();
                case "close" -> {
                    socket.setSoLinger(true, 0); // a reset, as a killed client
                    return "closed";
                }
                case "stall" -> { } // keep the connection open and send nothing more
                default -> throw new AssertionError(end);
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (IOException e) {
                // a reset after the answer, or no answer at all
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void bodiesShorterOrLongerThanDeclaredAndClientsThatStopAreRefusedAndLeaveNothing() throws Exception {
        var nar = TestNars.regularFile("body", TestNars.randomBytes(200 * 1024, 5), 5);
        byte[] bytes = nar.bytes();
        byte[] shorter = java.util.Arrays.copyOf(bytes, bytes.length - 100);
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 8);
        List<String> failures = new ArrayList<>();
        // the NAR shorter or longer than its declared nar_size, with an honest Content-Length
        for (byte[] body : List.of(shorter, longer)) {
            HttpResponse<byte[]> response = send(request("_api/v1/upload-path").header("X-Attic-Nar-Info", JSON.writeValueAsString(info(nar)))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
            String wrong = notAClearRefusal(response.statusCode(), response.body());
            if (wrong != null) {
                failures.add("a body of " + body.length + " bytes for nar_size " + bytes.length + ": " + wrong);
            }
        }
        // Content-Length promises the whole NAR, the client sends less and half-closes
        String early = rawUpload(nar, info(nar), bytes.length, shorter, "half-close");
        if (!early.isEmpty() && !early.startsWith("HTTP/1.1 4")) {
            failures.add("a body that ends before its Content-Length: " + early.lines().findFirst().orElse(""));
        }
        // the client stops mid-body: reset, or silent until the idle timeout
        rawUpload(nar, info(nar), bytes.length, java.util.Arrays.copyOf(bytes, bytes.length / 2), "close");
        long start = System.nanoTime();
        String stalled = rawUpload(nar, info(nar), bytes.length, java.util.Arrays.copyOf(bytes, bytes.length / 2), "stall");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        if (waited.compareTo(Duration.ofSeconds(25)) > 0) {
            failures.add("a stalled upload held the connection " + waited);
        }
        if (!stalled.isEmpty() && !stalled.startsWith("HTTP/1.1 4") && !stalled.startsWith("HTTP/1.1 5")) {
            failures.add("a stalled upload: " + stalled.lines().findFirst().orElse(""));
        }
        Thread.sleep(500); // let the server finish the aborted requests
        if (visible(nar)) {
            failures.add("an incomplete upload became visible");
        }
        System.out.printf("bodies: shorter/longer than nar_size, early end (%s), reset, stall (%s after %d ms); %d failures%n",
                early.lines().findFirst().orElse("no answer"), stalled.lines().findFirst().orElse("no answer"), waited.toMillis(), failures.size());
        assertEquals(List.of(), failures);
        // the server still works, and GC reaps what the interrupted uploads wrote
        HttpResponse<byte[]> ok = send(request("_api/v1/upload-path").header("X-Attic-Nar-Info", JSON.writeValueAsString(info(nar)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        assertEquals(200, ok.statusCode(), new String(ok.body(), StandardCharsets.UTF_8));
        assertGarbageCollectionLeavesNothingButTheCache();
    }

    private void assertGarbageCollectionLeavesNothingButTheCache() {
        attic.destroyCache(attic.authenticate(admin), dev.attic.cache.CacheName.of("alpha"), true);
        assertGarbageCollectionLeavesNothing();
    }

    /** The storage fails while a NAR is being sent: the client sees a cut connection, never a complete-looking 200. */
    @Test
    void aStorageFailingMidDownloadCutsTheResponse() throws Exception {
        var nar = TestNars.regularFile("cut", TestNars.randomBytes(1024 * 1024, 6), 6);
        HttpResponse<byte[]> uploaded = send(request("_api/v1/upload-path").header("X-Attic-Nar-Info", JSON.writeValueAsString(info(nar)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(nar.bytes())));
        assertEquals(200, uploaded.statusCode());
        int cut = 0;
        for (long budget : new long[] {100_000, 400_000, 800_000}) {
            storage.failReadsAfter(budget);
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(("GET /alpha/nar/" + nar.storePathHash() + ".nar HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                InputStream in = socket.getInputStream();
                try {
                    in.transferTo(all);
                } catch (IOException e) {
                    // a reset: also a visible failure
                }
                String head = new String(all.toByteArray(), 0, Math.min(all.size(), 1024), StandardCharsets.ISO_8859_1);
                int headerEnd = head.indexOf("\r\n\r\n") + 4;
                if (head.startsWith("HTTP/1.1 200")) {
                    assertTrue(head.contains("Content-Length: " + nar.bytes().length), head);
                    long body = all.size() - headerEnd;
                    assertTrue(body < nar.bytes().length, "the storage broke after " + budget + " bytes, yet " + body + " of "
                            + nar.bytes().length + " bytes arrived");
                    cut++;
                } else {
                    assertTrue(head.startsWith("HTTP/1.1 503"), "failed before the first byte: a 503, got " + head);
                }
            }
            storage.heal();
            HttpResponse<byte[]> again = send(request("alpha/nar/" + nar.storePathHash() + ".nar"));
            assertEquals(200, again.statusCode(), "a storage hiccup does not mark the NAR broken");
            assertEquals(nar.bytes().length, again.body().length);
        }
        assertTrue(cut >= 1, "at least one response was cut after it started");
        // before the first byte: a clear, retryable 503
        storage.failReadsAfter(0);
        HttpResponse<byte[]> refused = send(request("alpha/nar/" + nar.storePathHash() + ".nar"));
        assertEquals(503, refused.statusCode(), new String(refused.body(), StandardCharsets.UTF_8));
        assertEquals(null, notAClearRefusalOr5xx(refused));
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        storage.heal();
    }

    private static String notAClearRefusalOr5xx(HttpResponse<byte[]> response) {
        try {
            JsonNode json = JSON.readTree(response.body());
            return json.get("code").asInt() == response.statusCode() && json.get("error").isTextual() ? null : "not the error JSON";
        } catch (Exception e) {
            return "not JSON";
        }
    }
}
