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
import dev.attic.engine.TestNars;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.jdbi.JdbiMetadata;
import dev.attic.narinfo.NarInfo;
import dev.attic.nix.Hash;
import dev.attic.storage.Storage;
import dev.attic.storage.fs.FileSystemStorage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of docs/http.md, called by every kind of caller, on a public and on a private cache,
 * over real HTTP (the servlet in Jetty on filesystem + SQLite): exactly the permitted calls succeed,
 * and a caller with no right on a private cache cannot tell whether the cache or the path exists.
 */
class TenantIsolationMatrixTest {
    private static final byte[] SECRET = "tenant-matrix-secret-tenant-matrix-secret".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final TokenKey tokenKey = TokenKey.hs256(SECRET);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final JettyServletTest jetty = new JettyServletTest();
    private Storage storage;
    private MetadataStore metadata;
    private Attic attic;
    private URI base;
    private String admin;
    private int fresh;

    @BeforeEach
    void start() throws Exception {
        storage = FileSystemStorage.at(dir.resolve("storage"));
        metadata = JdbiMetadata.sqlite(dir.resolve("attic.db"));
        attic = Attic.builder().storage(storage).metadata(metadata).tokenVerifier(tokenKey.verifier(Clock.systemUTC())).build();
        base = jetty.start(AtticServlet.builder(attic).build());
        admin = sign(tokenKey, "*", Permission.values());
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
        attic.close();
        metadata.close();
        storage.close();
    }

    private static Token grant(String pattern, Instant notBefore, Instant expires, Permission... permissions) {
        return Token.of("matrix", notBefore, expires).withGrant(CacheNamePattern.of(pattern), CachePermissions.of(permissions));
    }

    private static String sign(TokenKey key, String pattern, Permission... permissions) {
        return key.sign(grant(pattern, Instant.now().minusSeconds(5), Instant.now().plus(Duration.ofDays(1)), permissions));
    }

    /** A token with valid claims for every cache and {@code "alg": "none"}: header and payload in base64url, no signature. */
    private String algNone() throws Exception {
        String valid = sign(tokenKey, "*", Permission.values());
        String payload = valid.split("\\.")[1];
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
        assertTrue(claims.has(Token.CLAIM_NAMESPACE), "the forged payload carries real claims: " + claims);
        return header + "." + payload + ".";
    }

    // ---- callers ----

    /** Who calls, and what it may do on a cache of the given visibility. */
    private record CallerKind(String name, String token, Function<Boolean, Set<Need>> permitted) {}

    enum Need { NONE, PULL, PUSH, CREATE, CONFIGURE, DESTROY }

    private List<CallerKind> callers() throws Exception {
        Set<Need> everything = Set.of(Need.values());
        Set<Need> pull = Set.of(Need.NONE, Need.PULL);
        Set<Need> none = Set.of(Need.NONE);
        Instant now = Instant.now();
        return List.of(
                new CallerKind("admin token (control)", admin, pub -> everything),
                new CallerKind("anonymous", null, pub -> pub ? pull : none),
                new CallerKind("read-only token", sign(tokenKey, "*", Permission.PULL), pub -> pull),
                new CallerKind("token for another cache", sign(tokenKey, "another", Permission.values()), pub -> pub ? pull : none),
                new CallerKind("expired token", tokenKey.sign(grant("*", now.minusSeconds(7200), now.minusSeconds(3600), Permission.values())),
                        pub -> none),
                new CallerKind("token signed with another key",
                        sign(TokenKey.hs256("another-key-another-key-another-key-!!".getBytes(StandardCharsets.UTF_8)), "*",
                                Permission.values()), pub -> none),
                new CallerKind("alg: none", algNone(), pub -> none));
    }

    // ---- routes ----

    /** One cache with one stored path, made fresh for each call so that calls that change things do not interfere. */
    private record Target(String cache, TestNars.TestNar stored, TestNars.TestNar other) {}

    /** A route of docs/http.md: what it needs, how to call it on a target, and what a permitted caller gets. */
    private record RouteCall(String name, Need needs, int permittedStatus, Function<Target, HttpRequest.Builder> request) {}

    private List<RouteCall> routes() {
        return List.of(
                new RouteCall("GET /{cache}/nix-cache-info", Need.PULL, 200, t -> get(t.cache() + "/nix-cache-info")),
                new RouteCall("HEAD /{cache}/nix-cache-info", Need.PULL, 200, t -> head(t.cache() + "/nix-cache-info")),
                new RouteCall("GET /{cache}/{hash}.narinfo", Need.PULL, 200, t -> get(t.cache() + "/" + t.stored().storePathHash() + ".narinfo")),
                new RouteCall("HEAD /{cache}/{hash}.narinfo", Need.PULL, 200, t -> head(t.cache() + "/" + t.stored().storePathHash() + ".narinfo")),
                new RouteCall("GET /{cache}/nar/{hash}.nar", Need.PULL, 200, t -> get(t.cache() + "/nar/" + t.stored().storePathHash() + ".nar")),
                new RouteCall("HEAD /{cache}/nar/{hash}.nar", Need.PULL, 200, t -> head(t.cache() + "/nar/" + t.stored().storePathHash() + ".nar")),
                // the filesystem storage makes no download URLs: a permitted caller learns there is no such file
                new RouteCall("GET /{cache}/nar/{hash}.nar.zst", Need.PULL, 404, t -> get(t.cache() + "/nar/" + t.stored().storePathHash() + ".nar.zst")),
                new RouteCall("GET /{cache}/attic-cache-info", Need.PULL, 200, t -> get(t.cache() + "/attic-cache-info")),
                new RouteCall("GET /_api/v1/cache-config/{cache}", Need.PULL, 200, t -> get("_api/v1/cache-config/" + t.cache())),
                new RouteCall("PUT /{cache}/nar/{fileHash}.nar", Need.PUSH, 200, t -> put(t.cache() + "/nar/"
                        + Hash.sha256Of(t.other().bytes()).toNix32() + ".nar", t.other().bytes())),
                new RouteCall("PUT /{cache}/{hash}.narinfo", Need.PUSH, 200, t -> put(t.cache() + "/" + t.stored().storePathHash() + ".narinfo",
                        narInfo(t.stored()).getBytes(StandardCharsets.UTF_8))),
                new RouteCall("POST /_api/v1/get-missing-paths", Need.PUSH, 200, t -> post("_api/v1/get-missing-paths",
                        json(Map.of("cache", t.cache(), "store_path_hashes", List.of(t.stored().storePathHash(), t.other().storePathHash()))))),
                new RouteCall("PUT /_api/v1/upload-path", Need.PUSH, 200, t -> put("_api/v1/upload-path", t.other().bytes())
                        .header("X-Attic-Nar-Info", json(uploadInfo(t.cache(), t.other())))),
                new RouteCall("POST /_api/v1/cache-config/{cache} (create)", Need.CREATE, 200, t -> post("_api/v1/cache-config/" + t.cache() + "-new",
                        "{\"keypair\":\"Generate\",\"is_public\":false,\"store_dir\":\"/nix/store\",\"priority\":41,\"upstream_cache_key_names\":[]}")),
                new RouteCall("PATCH /_api/v1/cache-config/{cache}", Need.CONFIGURE, 200, t -> request("_api/v1/cache-config/" + t.cache())
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"priority\":42}"))),
                new RouteCall("DELETE /_api/v1/cache-config/{cache}", Need.DESTROY, 200, t -> request("_api/v1/cache-config/" + t.cache()).DELETE()),
                new RouteCall("GET /_health", Need.NONE, 200, t -> get("_health")),
                new RouteCall("GET /_metrics", Need.NONE, 200, t -> get("_metrics")));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder head(String path) {
        return request(path).method("HEAD", HttpRequest.BodyPublishers.noBody());
    }

    private HttpRequest.Builder put(String path, byte[] body) {
        return request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpRequest.Builder post(String path, String body) {
        return request(path).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> uploadInfo(String cache, TestNars.TestNar nar) {
        return Map.of("cache", cache, "store_path_hash", nar.storePathHash(), "store_path", nar.storePath(),
                "references", List.of(), "sigs", List.of(), "nar_hash", nar.narHash().toString(), "nar_size", nar.bytes().length);
    }

    private static String narInfo(TestNars.TestNar nar) {
        return NarInfo.builder().storePath(dev.attic.nix.StorePath.parse(nar.storePath()))
                .url("nar/" + Hash.sha256Of(nar.bytes()).toNix32() + ".nar").compression("none")
                .narHash(nar.narHash()).narSize(nar.bytes().length).build().render();
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Target target(boolean isPublic) throws Exception {
        int n = ++fresh;
        String cache = (isPublic ? "pub-" : "priv-") + n;
        HttpResponse<byte[]> created = send(post("_api/v1/cache-config/" + cache, "{\"keypair\":\"Generate\",\"is_public\":" + isPublic
                + ",\"store_dir\":\"/nix/store\",\"priority\":41,\"upstream_cache_key_names\":[]}"), admin);
        assertEquals(200, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
        var stored = TestNars.regularFile("stored-" + n, ("stored " + n).getBytes(StandardCharsets.UTF_8), 10_000 + n);
        var other = TestNars.regularFile("other-" + n, ("other " + n).getBytes(StandardCharsets.UTF_8), 20_000 + n);
        HttpResponse<byte[]> uploaded = send(put("_api/v1/upload-path", stored.bytes())
                .header("X-Attic-Nar-Info", json(uploadInfo(cache, stored))), admin);
        assertEquals(200, uploaded.statusCode(), new String(uploaded.body(), StandardCharsets.UTF_8));
        return new Target(cache, stored, other);
    }

    /** The same call on a cache that does not exist, and on a path that does not exist in an existing cache. */
    private static List<Target> absentTwins(Target real) {
        return List.of(new Target("absent-" + real.cache(), real.stored(), real.other()),
                new Target(real.cache(), TestNars.regularFile("absent", new byte[] {1}, 99_999), real.other()));
    }

    @Test
    void exactlyThePermittedCallsSucceedAndDenialsRevealNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        int cells = 0;
        int permittedCells = 0;
        int deniedCells = 0;
        int twinComparisons = 0;
        for (CallerKind caller : callers()) {
            for (boolean isPublic : new boolean[] {true, false}) {
                for (RouteCall route : routes()) {
                    cells++;
                    String cell = caller.name() + " x " + (isPublic ? "public" : "private") + " cache x " + route.name();
                    Target target = target(isPublic);
                    HttpResponse<byte[]> response = send(route.request().apply(target), caller.token());
                    String body = new String(response.body(), StandardCharsets.UTF_8);
                    boolean permitted = caller.permitted().apply(isPublic).contains(route.needs());
                    if (permitted) {
                        permittedCells++;
                        if (response.statusCode() != route.permittedStatus()) {
                            failures.add(cell + ": permitted, expected " + route.permittedStatus() + ", got " + response.statusCode() + " " + body);
                        }
                        continue;
                    }
                    deniedCells++;
                    int status = response.statusCode();
                    if (status != 401 && status != 403) {
                        failures.add(cell + ": denied, expected 401 or 403, got " + status + " " + body);
                        continue;
                    }
                    if (status == 401 && response.headers().firstValue("WWW-Authenticate").isEmpty()) {
                        failures.add(cell + ": a 401 without WWW-Authenticate");
                    }
                    if (!route.name().startsWith("HEAD") && !isErrorJson(response.body(), status)) {
                        failures.add(cell + ": not the error JSON: " + body);
                    }
                    boolean knowsNothing = !caller.permitted().apply(false).contains(Need.PULL);
                    if (!isPublic && knowsNothing) {
                        if (status != 401) {
                            failures.add(cell + ": a caller with no right on a private cache must get 401, got " + status);
                        }
                        for (Target twin : absentTwins(target)) {
                            twinComparisons++;
                            HttpResponse<byte[]> absent = send(route.request().apply(twin), caller.token());
                            String absentBody = new String(absent.body(), StandardCharsets.UTF_8);
                            if (absent.statusCode() != status || !absentBody.equals(body)) {
                                failures.add(cell + ": the answer differs when " + (twin.cache().equals(target.cache()) ? "the path" : "the cache")
                                        + " does not exist: " + status + " " + body + " vs " + absent.statusCode() + " " + absentBody);
                            }
                        }
                    }
                    // a denied call changed nothing: the stored path is still served to the admin, the other is absent
                    if (route.needs() != Need.NONE && !route.name().contains("(create)")) {
                        HttpResponse<byte[]> still = send(get(target.cache() + "/" + target.stored().storePathHash() + ".narinfo"), admin);
                        HttpResponse<byte[]> notAdded = send(get(target.cache() + "/" + target.other().storePathHash() + ".narinfo"), admin);
                        HttpResponse<byte[]> config = send(get("_api/v1/cache-config/" + target.cache()), admin);
                        if (still.statusCode() != 200 || notAdded.statusCode() != 404 || config.statusCode() != 200
                                || JSON.readTree(config.body()).get("priority").asInt() != 41) {
                            failures.add(cell + ": a denied call changed something: " + still.statusCode() + "/" + notAdded.statusCode()
                                    + " " + new String(config.body(), StandardCharsets.UTF_8));
                        }
                    } else if (route.name().contains("(create)")) {
                        HttpResponse<byte[]> notCreated = send(get("_api/v1/cache-config/" + target.cache() + "-new"), admin);
                        if (notCreated.statusCode() != 404) {
                            failures.add(cell + ": a denied create made the cache: " + notCreated.statusCode());
                        }
                    }
                }
            }
        }
        System.out.printf("tenant matrix: %d cells (%d permitted, %d denied), %d existence comparisons, %d failures%n",
                cells, permittedCells, deniedCells, twinComparisons, failures.size());
        assertEquals(7 * 2 * 18, cells);
        assertEquals(List.of(), failures, failures.size() + " of " + cells + " cells are wrong");
    }

    private static boolean isErrorJson(byte[] body, int status) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.get("code").asInt() == status && node.get("error").isTextual() && node.get("message").isTextual();
        } catch (Exception e) {
            return false;
        }
    }
}
