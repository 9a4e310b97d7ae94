package dev.attic.examples.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attic.engine.TestNars;
import dev.attic.narinfo.NarInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Just enough of the Attic API and the Nix binary cache protocol to drive a running atticd in tests. */
public final class CacheClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final String token;

    public CacheClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    public HttpResponse<byte[]> createCache(String name) throws IOException, InterruptedException {
        return send(request("_api/v1/cache-config/" + name)
                .POST(HttpRequest.BodyPublishers.ofString("{\"keypair\":\"Generate\",\"is_public\":false,"
                        + "\"store_dir\":\"/nix/store\",\"priority\":41,\"upstream_cache_key_names\":[]}"))
                .header("Content-Type", "application/json").build());
    }

    public HttpResponse<byte[]> upload(String cache, TestNars.TestNar nar) throws IOException, InterruptedException {
        String info = JSON.writeValueAsString(Map.of(
                "cache", cache,
                "store_path_hash", nar.storePathHash(),
                "store_path", nar.storePath(),
                "references", List.of(),
                "system", "x86_64-linux",
                "sigs", List.of(),
                "nar_hash", "sha256:" + nar.narHash().toHex(),
                "nar_size", nar.bytes().length));
        return send(request("_api/v1/upload-path").header("X-Attic-Nar-Info", info)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(nar.bytes())).build());
    }

    public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** The narinfo text of a path, failing unless it is served. */
    public String narInfo(String cache, String storePathHash) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = get(cache + "/" + storePathHash + ".narinfo");
        assertEquals(200, r.statusCode(), text(r));
        return text(r);
    }

    /** The NAR a narinfo points at, as served. */
    public byte[] nar(String cache, String narInfoText) throws IOException, InterruptedException {
        NarInfo info = NarInfo.parse(narInfoText);
        HttpResponse<byte[]> r = get(cache + "/" + info.url());
        assertEquals(200, r.statusCode(), text(r));
        return r.body();
    }

    public static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
