package dev.attic.examples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.auth.Permission;
import dev.attic.engine.TestNars;
import dev.attic.narinfo.NarInfo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's side of the API against the real servlet, without Nix: uploads of NARs made here. */
class ApiClientTest {
    @TempDir
    Path dir;

    private TestServer server;
    private ExecutorService threads;
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir, null);
        threads = Executors.newFixedThreadPool(4);
        api = new ApiClient(ServerConfig.of(server.endpoint.toString(), server.adminToken()), threads);
        api.createCache("api", Map.of("keypair", "Generate", "is_public", false));
    }

    @AfterEach
    void stop() throws Exception {
        threads.shutdownNow();
        server.close();
    }

    private static Map<String, Object> narInfo(TestNars.TestNar nar, List<String> references) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("cache", "api");
        info.put("store_path_hash", nar.storePathHash());
        info.put("store_path", nar.storePath());
        info.put("references", references);
        info.put("sigs", List.of());
        info.put("nar_hash", "sha256:" + dev.attic.nix.Hash.sha256Of(nar.bytes()).toHex());
        info.put("nar_size", nar.bytes().length);
        return info;
    }

    @Test
    void aDescriptionOverFourKibibytesGoesInThePreamble() throws Exception {
        var nar = TestNars.regularFile("many-refs", TestNars.randomBytes(100_000, 3), 3);
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            references.add(TestNars.storePathHash(1000 + i) + "-dependency-" + i);
        }
        Map<String, Object> info = narInfo(nar, references);
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(info).length > ApiClient.MAX_HEADER_NAR_INFO);

        UploadResult result = api.uploadPath(info, nar.bytes().length, () -> new ByteArrayInputStream(nar.bytes()));
        assertFalse(result.deduplicated());
        NarInfo served = NarInfo.parse(new String(server.get("api/" + nar.storePathHash() + ".narinfo").body(), StandardCharsets.UTF_8));
        assertEquals(120, served.references().size());
        assertEquals(List.of(), api.missingPaths("api", List.of(nar.storePathHash())));
    }

    @Test
    void theSameNarTwiceIsDeduplicated() {
        var nar = TestNars.regularFile("twice", TestNars.randomBytes(50_000, 4), 4);
        api.uploadPath(narInfo(nar, List.of()), nar.bytes().length, () -> new ByteArrayInputStream(nar.bytes()));
        api.createCache("other", Map.of("keypair", "Generate"));
        Map<String, Object> again = narInfo(nar, List.of());
        again.put("cache", "other");
        UploadResult result = api.uploadPath(again, nar.bytes().length, () -> new ByteArrayInputStream(nar.bytes()));
        assertTrue(result.deduplicated());
        assertEquals(1.0, result.fracDeduplicated());
    }

    @Test
    void aWrongNarHashIsARefusalNotATransientFailure() {
        var nar = TestNars.regularFile("lying", TestNars.randomBytes(10_000, 5), 5);
        Map<String, Object> info = narInfo(nar, List.of());
        info.put("nar_hash", "sha256:" + "0".repeat(64));
        ServerError e = assertThrows(ServerError.class,
                () -> api.uploadPath(info, nar.bytes().length, () -> new ByteArrayInputStream(nar.bytes())));
        assertEquals(400, e.status(), e.getMessage());
        assertFalse(e.isTransient());
    }

    @Test
    void aTokenWithoutPushIsRefusedWithTheServersError() {
        ApiClient pullOnly = new ApiClient(ServerConfig.of(server.endpoint.toString(), server.token("api", Permission.PULL)), threads);
        ServerError e = assertThrows(ServerError.class, () -> pullOnly.missingPaths("api", List.of(TestNars.storePathHash(9))));
        assertTrue(e.status() == 401 || e.status() == 403, e.status() + " " + e.getMessage());
        assertFalse(e.isTransient());
    }
}
