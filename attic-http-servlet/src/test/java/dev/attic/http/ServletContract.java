package dev.attic.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attic.auth.CacheNamePattern;
import dev.attic.auth.CachePermissions;
import dev.attic.auth.Permission;
import dev.attic.auth.Token;
import dev.attic.auth.TokenKey;
import dev.attic.engine.Attic;
import dev.attic.engine.TestNars;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.jdbi.JdbiMetadata;
import dev.attic.narinfo.NarInfo;
import dev.attic.nix.Hash;
import dev.attic.signing.PublicKey;
import dev.attic.signing.SigningKey;
import dev.attic.storage.Storage;
import dev.attic.storage.StorageKey;
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
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * The servlet end to end over real HTTP, in a real container a subclass starts: the same suite on
 * Jetty and Tomcat, over the embedded default backends (filesystem + SQLite).
 */
abstract class ServletContract {
    private static final byte[] SECRET = "servlet-contract-secret-servlet-contract-secret".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Storage storage;
    private MetadataStore metadata;
    private Attic attic;
    private URI base;
    private final TokenKey tokenKey = TokenKey.hs256(SECRET);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String admin;
    private HttpSettings settings = HttpSettings.defaults();

    private void restartWith(HttpSettings changed) throws Exception {
        stop();
        settings = changed;
        base = start(AtticServlet.builder(attic).settings(settings).build());
    }

    /** Starts a container serving {@code servlet} at {@code /*} on a loopback port; returns its root URL. */
    abstract URI start(AtticServlet servlet) throws Exception;

    abstract void stop() throws Exception;

    @BeforeEach
    void startServer() throws Exception {
        storage = FileSystemStorage.at(dir.resolve("storage"));
        metadata = JdbiMetadata.sqlite(dir.resolve("attic.db"));
        attic = Attic.builder().storage(storage).metadata(metadata).tokenVerifier(tokenKey.verifier(Clock.systemUTC()))
                .chunking(new dev.attic.chunking.ChunkingSettings(16 * 1024, 4 * 1024, 16 * 1024, 64 * 1024)).build();
        base = start(AtticServlet.builder(attic).settings(settings).build());
        admin = token("*", Permission.values());
    }

    @AfterEach
    void stopServer() throws Exception {
        stop();
        attic.close();
        metadata.close();
        storage.close();
    }

    private String token(String pattern, Permission... permissions) {
        return tokenKey.sign(Token.of("servlet-test", Instant.now().minusSeconds(5), Instant.now().plus(Duration.ofDays(1)))
                .withGrant(CacheNamePattern.of(pattern), CachePermissions.of(permissions)));
    }

    // ---- HTTP helpers ----

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Sends only the head of a request announcing a body of {@code length} bytes with {@code Expect:
     * 100-continue} (on a raw socket: the JDK client waits forever when a final answer comes instead
     * of 100 Continue), and returns the start of the first status line the server answers with.
     */
    private String statusLineBeforeBody(String method, String path, long length) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String head = method + " " + base.resolve(path).getRawPath() + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: " + length
                    + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] start = socket.getInputStream().readNBytes(12);
            return new String(start, StandardCharsets.US_ASCII);
        }
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        return send(request(path, token).GET().build());
    }

    private JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private void createCache(String name, boolean isPublic) throws Exception {
        HttpResponse<byte[]> created = send(request("_api/v1/cache-config/" + name, admin)
                .POST(HttpRequest.BodyPublishers.ofString("{\"keypair\":\"Generate\",\"is_public\":" + isPublic
                        + ",\"store_dir\":\"/nix/store\",\"priority\":41,\"upstream_cache_key_names\":[\"cache.nixos.org-1\"]}"))
                .header("Content-Type", "application/json").build());
        assertEquals(200, created.statusCode(), text(created));
    }

    private PublicKey publicKey(String cache) throws Exception {
        HttpResponse<byte[]> config = get("_api/v1/cache-config/" + cache, admin);
        assertEquals(200, config.statusCode(), text(config));
        return PublicKey.parse(json(config).get("public_key").asText());
    }

    private String uploadInfo(String cache, TestNars.TestNar nar, List<String> references) throws IOException {
        return JSON.writeValueAsString(Map.of(
                "cache", cache,
                "store_path_hash", nar.storePathHash(),
                "store_path", nar.storePath(),
                "references", references,
                "system", "x86_64-linux",
                "sigs", List.of(),
                "nar_hash", "sha256:" + nar.narHash().toHex(),
                "nar_size", nar.bytes().length));
    }

    private HttpResponse<byte[]> uploadPath(String cache, TestNars.TestNar nar, String token) throws Exception {
        return send(request("_api/v1/upload-path", token)
                .header("X-Attic-Nar-Info", uploadInfo(cache, nar, List.of()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(nar.bytes())).build());
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String error) throws IOException {
        assertEquals(status, response.statusCode(), text(response));
        JsonNode body = JSON.readTree(response.body());
        assertEquals(status, body.get("code").asInt(), text(response));
        assertEquals(error, body.get("error").asText(), text(response));
        assertTrue(body.get("message").isTextual());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    // ---- the tests ----

    @Test
    void healthAndNixCacheInfo() throws Exception {
        assertEquals(200, get("_health", null).statusCode());
        createCache("pub", true);
        HttpResponse<byte[]> info = get("pub/nix-cache-info", null);
        assertEquals(200, info.statusCode());
        assertEquals("StoreDir: /nix/store\nWantMassQuery: 1\nPriority: 41\n", text(info));
        assertEquals("text/x-nix-cache-info", info.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
    }

    @Test
    void uploadThroughTheAtticApiThenSubstituteLikeNix() throws Exception {
        createCache("alpha", false);
        PublicKey key = publicKey("alpha");
        var nar = TestNars.regularFile("api", TestNars.randomBytes(300 * 1024, 1), 1);
        HttpResponse<byte[]> uploaded = uploadPath("alpha", nar, admin);
        assertEquals(200, uploaded.statusCode(), text(uploaded));
        assertEquals("Uploaded", json(uploaded).get("kind").asText());

        HttpResponse<byte[]> narInfoResponse = get("alpha/" + nar.storePathHash() + ".narinfo", admin);
        assertEquals(200, narInfoResponse.statusCode());
        assertEquals("text/x-nix-narinfo", narInfoResponse.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        String narInfoText = text(narInfoResponse);
        assertFalse(narInfoText.contains("\r"), "LF only");
        NarInfo narInfo = NarInfo.parse(narInfoText);
        assertEquals(nar.narHash(), narInfo.narHash());
        assertTrue(narInfo.isSignedByAny(List.of(key)));
        assertEquals(String.valueOf(narInfoResponse.body().length),
                narInfoResponse.headers().firstValue("Content-Length").orElseThrow());

        HttpResponse<byte[]> head = send(request("alpha/" + nar.storePathHash() + ".narinfo", admin)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.statusCode());

        HttpResponse<byte[]> body = get("alpha/" + narInfo.url(), admin);
        assertEquals(200, body.statusCode());
        assertEquals(String.valueOf(nar.bytes().length), body.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(nar.bytes(), body.body());

        HttpResponse<byte[]> again = uploadPath("alpha", nar, admin);
        assertEquals("Deduplicated", json(again).get("kind").asText());
    }

    @Test
    void uploadAnswersRevealOtherCachesContentsOnlyWhenConfigured() throws Exception {
        createCache("alpha", false);
        createCache("beta", false);
        var nar = TestNars.regularFile("reveal", TestNars.randomBytes(100 * 1024, 20), 20);
        uploadPath("alpha", nar, admin);
        JsonNode hidden = json(uploadPath("beta", nar, admin));
        assertEquals("Uploaded", hidden.get("kind").asText(), "beta learns nothing of what alpha holds");
        assertFalse(hidden.has("file_size") || hidden.has("frac_deduplicated"), hidden.toString());
        assertEquals("Deduplicated", json(uploadPath("beta", nar, admin)).get("kind").asText(), "its own path, yes");

        restartWith(HttpSettings.defaults().withRevealDeduplication(true));
        createCache("gamma", false);
        JsonNode revealed = json(uploadPath("gamma", nar, admin));
        assertEquals("Deduplicated", revealed.get("kind").asText());
        assertEquals(0, revealed.get("file_size").asLong());
        assertEquals(1.0, revealed.get("frac_deduplicated").asDouble());
    }

    @Test
    void uploadDescriptionMayComeAsAPreamble() throws Exception {
        createCache("alpha", false);
        var nar = TestNars.regularFile("pre", "preamble".getBytes(StandardCharsets.UTF_8), 2);
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            references.add(TestNars.storePathHash(1000 + i) + "-dependency-number-" + i);
        }
        byte[] info = uploadInfo("alpha", nar, references).getBytes(StandardCharsets.UTF_8);
        assertTrue(info.length > 4096, "an info over 4 KiB, too large for a header: " + info.length);
        byte[] body = new byte[info.length + nar.bytes().length];
        System.arraycopy(info, 0, body, 0, info.length);
        System.arraycopy(nar.bytes(), 0, body, info.length, nar.bytes().length);
        HttpResponse<byte[]> uploaded = send(request("_api/v1/upload-path", admin)
                .header("X-Attic-Nar-Info-Preamble-Size", String.valueOf(info.length))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertEquals(200, uploaded.statusCode(), text(uploaded));
        NarInfo narInfo = NarInfo.parse(text(get("alpha/" + nar.storePathHash() + ".narinfo", admin)));
        assertEquals(150, narInfo.references().size());
    }

    @Test
    void oversizedOrMissingUploadDescriptionsAreRefused() throws Exception {
        createCache("alpha", false);
        var nar = TestNars.regularFile("big", "x".getBytes(StandardCharsets.UTF_8), 3);
        HttpResponse<byte[]> oversized = send(request("_api/v1/upload-path", admin)
                .header("X-Attic-Nar-Info-Preamble-Size", String.valueOf(64 * 1024 * 1024))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(nar.bytes())).build());
        assertError(oversized, 400, "RequestError");
        // refused before its body was read: the client must not send its next request on this connection
        assertEquals(Optional.of("close"), oversized.headers().firstValue("Connection"));
        assertError(send(request("_api/v1/upload-path", admin)
                .header("X-Attic-Nar-Info-Preamble-Size", "not-a-number")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(nar.bytes())).build()), 400, "RequestError");
        assertError(send(request("_api/v1/upload-path", admin)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(nar.bytes())).build()), 400, "RequestError");
        assertError(send(request("_api/v1/upload-path", admin)
                .header("X-Attic-Nar-Info", "{not json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(nar.bytes())).build()), 400, "RequestError");
        assertError(send(request("_api/v1/upload-path", admin)
                .header("X-Attic-Nar-Info-Preamble-Size", "100")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[10])).build()), 400, "RequestError");
        assertEquals(404, get("alpha/" + nar.storePathHash() + ".narinfo", admin).statusCode());
    }

    @Test
    void wrongHashIsRefusedAndStoresNothing() throws Exception {
        createCache("alpha", false);
        var nar = TestNars.regularFile("h", TestNars.randomBytes(10 * 1024, 4), 4);
        byte[] other = nar.bytes().clone();
        other[other.length / 2] ^= 1; // inside the file's contents: still a NAR, not the declared one
        HttpResponse<byte[]> refused = send(request("_api/v1/upload-path", admin)
                .header("X-Attic-Nar-Info", uploadInfo("alpha", nar, List.of()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(other)).build());
        assertError(refused, 400, "NarMismatch");
        assertError(get("alpha/" + nar.storePathHash() + ".narinfo", admin), 404, "NoSuchObject");
    }

    @Test
    void missingPathsAnswersInOneCall() throws Exception {
        createCache("alpha", false);
        var nar = TestNars.regularFile("m", "m".getBytes(StandardCharsets.UTF_8), 5);
        uploadPath("alpha", nar, admin);
        String absent = TestNars.storePathHash(6);
        HttpResponse<byte[]> missing = send(request("_api/v1/get-missing-paths", admin)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "cache", "alpha", "store_path_hashes", List.of(nar.storePathHash(), absent)))))
                .header("Content-Type", "application/json").build());
        assertEquals(200, missing.statusCode(), text(missing));
        assertEquals(List.of(absent), JSON.convertValue(json(missing).get("missing_paths"), List.class));
    }

    /** What a plain `nix copy --to http://host/cache` sends: the xz file, then the narinfo, with netrc Basic auth. */
    @Test
    void nixCopyStylePutsWithBasicAuth() throws Exception {
        createCache("alpha", false);
        var nar = TestNars.regularFile("copied", TestNars.randomBytes(200 * 1024, 7), 7);
        ByteArrayOutputStream xz = new ByteArrayOutputStream();
        try (XZOutputStream out = new XZOutputStream(xz, new LZMA2Options(1))) {
            out.write(nar.bytes());
        }
        byte[] file = xz.toByteArray();
        String fileHash = Hash.sha256Of(file).toNix32();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("anyone:" + admin).getBytes(StandardCharsets.UTF_8));
        SigningKey uploaderKey = SigningKey.generate("uploader-1", new SecureRandom());
        NarInfo narInfo = NarInfo.builder()
                .storePath(dev.attic.nix.StorePath.parse(nar.storePath()))
                .url("nar/" + fileHash + ".nar.xz").compression("xz")
                .fileHash(Hash.sha256Of(file)).fileSize(file.length)
                .narHash(nar.narHash()).narSize(nar.bytes().length)
                .build().withSignature(uploaderKey);

        HttpResponse<byte[]> putNar = send(HttpRequest.newBuilder(base.resolve("alpha/nar/" + fileHash + ".nar.xz"))
                .header("Authorization", basic).header("Content-Type", "application/x-xz")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build());
        assertEquals(200, putNar.statusCode(), text(putNar));
        HttpResponse<byte[]> putNarInfo = send(HttpRequest.newBuilder(base.resolve("alpha/" + nar.storePathHash() + ".narinfo"))
                .header("Authorization", basic).header("Content-Type", "text/x-nix-narinfo")
                .PUT(HttpRequest.BodyPublishers.ofString(narInfo.render())).build());
        assertEquals(200, putNarInfo.statusCode(), text(putNarInfo));

        HttpRequest.Builder read = HttpRequest.newBuilder(base.resolve("alpha/" + nar.storePathHash() + ".narinfo"))
                .header("Authorization", basic);
        NarInfo served = NarInfo.parse(text(send(read.build())));
        assertTrue(served.isSignedByAny(List.of(uploaderKey.publicKey())), "the uploader's signature is kept");
        assertTrue(served.isSignedByAny(List.of(publicKey("alpha"))), "and the cache signs too");
        assertEquals("none", served.compression());
        HttpResponse<byte[]> narBytes = send(HttpRequest.newBuilder(base.resolve("alpha/" + served.url()))
                .header("Authorization", basic).build());
        assertArrayEquals(nar.bytes(), narBytes.body());
    }

    @Test
    void errorsNeverRevealAPrivateCache() throws Exception {
        createCache("secret", false);
        var nar = TestNars.regularFile("s", "s".getBytes(StandardCharsets.UTF_8), 8);
        uploadPath("secret", nar, admin);
        String stranger = token("other", Permission.PULL, Permission.PUSH);
        for (String path : List.of("secret/" + nar.storePathHash() + ".narinfo", "nope/" + nar.storePathHash() + ".narinfo",
                "secret/nar/" + nar.storePathHash() + ".nar", "nope/nix-cache-info", "secret/nix-cache-info",
                "_api/v1/cache-config/secret", "_api/v1/cache-config/nope")) {
            for (String token : new String[] {null, stranger}) {
                HttpResponse<byte[]> response = get(path, token);
                assertError(response, 401, "Unauthorized");
                assertEquals("{\"code\":401,\"error\":\"Unauthorized\",\"message\":\"unauthorized\"}", text(response),
                        "the same answer whether " + path + " exists or not");
            }
        }
        assertError(get("secret/" + nar.storePathHash() + ".narinfo", "not-a-token"), 401, "Unauthorized");
        assertTrue(get("secret/nix-cache-info", null).headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                "a 401 names the scheme, so curl sends its netrc credentials");
        // routes only a token holder may use are refused before their body is read: announced with
        // Expect: 100-continue (as curl sends a large body), the answer comes without asking for it
        assertEquals("HTTP/1.1 401", statusLineBeforeBody("POST", "_api/v1/get-missing-paths", 4 * 1024 * 1024));
        assertError(get("secret/" + TestNars.storePathHash(9) + ".narinfo", admin), 404, "NoSuchObject");
        assertError(get("nope/nix-cache-info", admin), 404, "NoSuchCache");
    }

    @Test
    void badNamesAndPathsAreRefused() throws Exception {
        createCache("alpha", true);
        assertError(get("alpha/not-a-hash.narinfo", null), 400, "InvalidStorePath");
        assertError(get("-bad/nix-cache-info", null), 400, "InvalidCacheName");
        for (String path : List.of("alpha/..%2F..%2Fetc%2Fpasswd.narinfo", "alpha/%2e%2e/x.narinfo", "alpha/nar/x/y.nar",
                "alpha/x", "_api/v2/upload-path")) {
            HttpResponse<byte[]> response = get(path, null);
            assertTrue(response.statusCode() == 404 || response.statusCode() == 400, path + " -> " + response.statusCode());
        }
        assertError(send(request("alpha/nix-cache-info", null).DELETE().build()), 405, "MethodNotAllowed");
        // nix copy writes a nix-cache-info when it cannot read one: a pusher's write is accepted, an anonymous one is not
        assertError(send(request("alpha/nix-cache-info", null).PUT(HttpRequest.BodyPublishers.ofString("StoreDir: /nix/store\n")).build()),
                403, "AccessError");
        assertEquals(200, send(request("alpha/nix-cache-info", admin)
                .PUT(HttpRequest.BodyPublishers.ofString("StoreDir: /nix/store\n")).build()).statusCode());
    }

    @Test
    void cacheConfigCreateConfigureDestroy() throws Exception {
        createCache("alpha", false);
        HttpResponse<byte[]> again = send(request("_api/v1/cache-config/alpha", admin)
                .POST(HttpRequest.BodyPublishers.ofString("{\"keypair\":\"Generate\",\"is_public\":true,"
                        + "\"store_dir\":\"/nix/store\",\"priority\":41,\"upstream_cache_key_names\":[]}")).build());
        assertError(again, 400, "CacheAlreadyExists");
        HttpResponse<byte[]> patched = send(request("_api/v1/cache-config/alpha", admin)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"is_public\":true,\"retention_period\":{\"Period\":3600}}"))
                .build());
        assertEquals(200, patched.statusCode(), text(patched));
        JsonNode config = json(get("alpha/attic-cache-info", null));
        assertTrue(config.get("is_public").asBoolean());
        assertEquals(3600, config.get("retention_period").get("Period").asLong());
        assertEquals(base.resolve("alpha").toString(), config.get("substituter_endpoint").asText());
        assertEquals(base.toString(), config.get("api_endpoint").asText());
        assertFalse(config.has("keypair"), "the secret key is never returned");
        assertError(send(request("_api/v1/cache-config/alpha", admin)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"retention_period\":\"Forever\"}")).build()),
                400, "RequestError");
        assertEquals(200, send(request("_api/v1/cache-config/alpha", admin).DELETE().build()).statusCode());
        assertError(get("alpha/attic-cache-info", admin), 404, "NoSuchCache");
    }

    /**
     * Nix (curl) sends large PUTs with {@code Expect: 100-continue} and waits for the server's word
     * before the body. Spoken on a raw socket, so the test sees exactly what the server says when.
     */
    @Test
    void expectContinueIsAnsweredBeforeTheBodyIsSent() throws Exception {
        createCache("alpha", false);
        var nar = TestNars.regularFile("e", TestNars.randomBytes(100 * 1024, 10), 10);
        String info = uploadInfo("alpha", nar, List.of());
        // without a token: refused before a byte of the body is sent
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(uploadHead(info, nar.bytes().length, null));
            String answer = readHead(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
        }
        // with a token: "100 Continue", then the body, then the result
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(uploadHead(info, nar.bytes().length, admin));
            String interim = readHead(socket.getInputStream());
            assertTrue(interim.startsWith("HTTP/1.1 100"), "the server invites the body: " + interim);
            out.write(nar.bytes());
            out.flush();
            String result = readHead(socket.getInputStream());
            assertTrue(result.startsWith("HTTP/1.1 200"), result);
        }
    }

    private byte[] uploadHead(String info, int length, String token) {
        return ("PUT " + base.getPath() + "_api/v1/upload-path HTTP/1.1\r\nHost: localhost\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "X-Attic-Nar-Info: " + info + "\r\nContent-Length: " + length + "\r\n"
                + "Expect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Reads one response head (status line and headers) from a socket. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** A chunk that turns out corrupt after the response started must not end as a complete 200. */
    @Test
    void aFailureMidStreamAbortsTheResponse() throws Exception {
        createCache("alpha", true);
        var nar = TestNars.regularFile("mid", TestNars.randomBytes(1024 * 1024, 11), 11);
        uploadPath("alpha", nar, admin);
        // corrupt the chunk that holds the NAR's last byte: found only after earlier chunks were sent
        List<StoredObject> chunks;
        try (Stream<StoredObject> listed = storage.list("chunks/")) {
            chunks = listed.toList();
        }
        byte[] tail = java.util.Arrays.copyOfRange(nar.bytes(), nar.bytes().length - 4096, nar.bytes().length);
        StorageKey victim = null;
        for (StoredObject chunk : chunks) {
            try (InputStream in = dev.attic.compression.ChunkCompressor.decompressing(
                    dev.attic.compression.Compression.ZSTD, storage.open(chunk.key()))) {
                byte[] raw = in.readAllBytes();
                if (raw.length >= tail.length && java.util.Arrays.equals(raw, raw.length - tail.length, raw.length, tail, 0, tail.length)) {
                    victim = chunk.key();
                }
            }
        }
        assertTrue(victim != null, "found the last chunk");
        byte[] file;
        try (InputStream in = storage.open(victim)) {
            file = in.readAllBytes();
        }
        file[file.length / 2] ^= 0x55;
        storage.put(victim, new java.io.ByteArrayInputStream(file), file.length);

        // read raw from a socket: what arrives before the connection drops is less than Content-Length
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + base.getPath() + "alpha/nar/" + nar.storePathHash() + ".nar HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] all = socket.getInputStream().readAllBytes();
            String head = new String(all, 0, Math.min(all.length, 512), StandardCharsets.ISO_8859_1);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            int headerEnd = head.indexOf("\r\n\r\n") + 4;
            long bodyBytes = all.length - headerEnd;
            assertTrue(bodyBytes < nar.bytes().length, "the body was cut short (" + bodyBytes + " of " + nar.bytes().length
                    + " bytes), so the client knows it failed");
        }
        // and now that it is known, the NAR is refused before any byte
        assertError(get("alpha/nar/" + nar.storePathHash() + ".nar", null), 503, "IncompleteNar");
    }

    @Test
    void metricsCountRequestsBytesAndDeduplication() throws Exception {
        createCache("alpha", true);
        var nar = TestNars.regularFile("met", TestNars.randomBytes(50 * 1024, 12), 12);
        uploadPath("alpha", nar, admin);
        uploadPath("alpha", nar, admin);
        get("alpha/" + nar.storePathHash() + ".narinfo", null);
        get("alpha/nar/" + nar.storePathHash() + ".nar", null);
        String metrics = text(get("_metrics", null));
        assertTrue(metrics.contains("attic_upload_nar_bytes_total " + (2.0 * nar.bytes().length)), metrics);
        assertTrue(metrics.contains("attic_upload_deduplicated_ratio_count 2\n"), metrics);
        assertTrue(metrics.contains("attic_upload_deduplicated_ratio_sum 1.0\n"),
                "one of two uploads deduplicated (operators see it even when tenants do not): " + metrics);
        assertTrue(metrics.contains("attic_http_sent_bytes_total " + (double) nar.bytes().length), metrics);
        assertTrue(metrics.contains("attic_http_requests_seconds_count{method=\"GET\",route=\"nar_info\",status=\"200\"} 1"), metrics);
        assertTrue(metrics.contains("attic_download_duration_seconds_count 1"), metrics);
    }
}
