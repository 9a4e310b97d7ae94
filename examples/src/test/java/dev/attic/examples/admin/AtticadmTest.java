package dev.attic.examples.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.engine.TestNars;
import dev.attic.examples.server.AtticServer;
import dev.attic.examples.server.CacheClient;
import dev.attic.examples.server.DataDir;
import dev.attic.examples.server.Listen;
import dev.attic.examples.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** atticadm against a running atticd on the embedded default (SQLite and a storage directory). */
class AtticadmTest {
    @TempDir
    Path temp;

    private Path data;
    private AtticServer server;
    private CacheClient root;

    record Result(int status, String out, String err) {}

    private Result atticadm(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Atticadm.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String token(String... grants) {
        String[] args = Stream.concat(Stream.of("make-token", "--data-dir", data.toString(), "--sub", "tester",
                "--validity", "1h"), Stream.of(grants)).toArray(String[]::new);
        Result r = atticadm(args);
        assertEquals(0, r.status(), r.err());
        return r.out().strip();
    }

    @BeforeEach
    void startServer() {
        data = temp.resolve("data");
        DataDir.at(data).initialize(new Listen("127.0.0.1", 0));
        server = AtticServer.start(ServerConfig.load(data.resolve("server.toml"), Map.of()));
        root = new CacheClient(server.uri(), token("--create-cache", "*", "--pull", "*", "--push", "*",
                "--configure-cache", "*", "--configure-cache-retention", "*"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void makeTokenGrantsWhatItSaysAndNothingMore() throws Exception {
        assertEquals(200, root.createCache("alice").statusCode());
        assertEquals(200, root.createCache("bob").statusCode());
        CacheClient alice = new CacheClient(server.uri(), token("--pull", "ali*", "--push", "ali*"));
        var nar = TestNars.regularFile("mine", TestNars.randomBytes(50_000, 5), 5);
        assertEquals(200, alice.upload("alice", nar).statusCode());
        assertArrayEquals(nar.bytes(), alice.nar("alice", alice.narInfo("alice", nar.storePathHash())));
        assertRefused(alice.upload("bob", nar).statusCode(), "no push on bob");
        assertRefused(alice.createCache("alice2").statusCode(), "no create-cache");
        assertRefused(alice.get("bob/" + nar.storePathHash() + ".narinfo").statusCode(), "no pull on bob");
        assertEquals(200, root.get("bob/nix-cache-info").statusCode());
    }

    @Test
    void makeTokenRefusesABadValidityNamingTheOption() {
        Result r = atticadm("make-token", "--data-dir", data.toString(), "--sub", "x", "--validity", "forever");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("--validity: \"forever\" is not a duration"), r.err());
        Result pattern = atticadm("make-token", "--data-dir", data.toString(), "--sub", "x", "--validity", "1d", "--pull", "a b");
        assertEquals(1, pattern.status());
        assertTrue(pattern.err().contains("invalid cache name pattern \"a b\""), pattern.err());
        Result noConfig = atticadm("make-token", "--data-dir", temp.resolve("none").toString(), "--sub", "x", "--validity", "1d");
        assertEquals(1, noConfig.status());
        assertTrue(noConfig.err().contains("no config at"), noConfig.err());
    }

    @Test
    void gcExpiresPathsPastTheirCachesRetention() throws Exception {
        assertEquals(200, root.createCache("brief").statusCode());
        HttpResponse<byte[]> patched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("_api/v1/cache-config/brief"))
                .header("Authorization", "Bearer " + token("--configure-cache-retention", "*"))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"retention_period\":{\"Period\":1}}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, patched.statusCode(), CacheClient.text(patched));
        var nar = TestNars.regularFile("brief", TestNars.randomBytes(10_000, 6), 6);
        assertEquals(200, root.upload("brief", nar).statusCode());
        Thread.sleep(1_500);
        Result r = atticadm("gc", "--data-dir", data.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("expired objects: 1"), r.out());
        assertEquals(404, root.get("brief/" + nar.storePathHash() + ".narinfo").statusCode());
    }

    @Test
    void verifyFindsADamagedChunkAndDeleteLetsTheNextUploadHealIt() throws Exception {
        assertEquals(200, root.createCache("hello").statusCode());
        var nar = TestNars.regularFile("hello", TestNars.randomBytes(600_000, 7), 7);
        assertEquals(200, root.upload("hello", nar).statusCode());
        Result sound = atticadm("verify", "--data-dir", data.toString());
        assertEquals(0, sound.status(), sound.out() + sound.err());
        assertTrue(sound.out().contains("all sound"), sound.out());

        Path victim;
        try (Stream<Path> files = Files.walk(data.resolve("storage"))) {
            victim = files.filter(Files::isRegularFile).filter(p -> sizeOf(p) > 1000).findFirst().orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x40);
        }

        Result found = atticadm("verify", "--data-dir", data.toString());
        assertEquals(1, found.status(), found.out() + found.err());
        assertTrue(found.out().contains("bad chunk"), found.out());
        assertTrue(found.out().contains("breaks hello: " + nar.storePath()), found.out());
        assertTrue(found.out().contains("1 bad"), found.out());
        assertTrue(Files.exists(victim), "without --delete nothing changes");

        Result deleted = atticadm("verify", "--delete", "--data-dir", data.toString());
        assertEquals(1, deleted.status());
        assertTrue(deleted.out().contains("marked corrupt and deleted"), deleted.out());
        assertFalse(Files.exists(victim));
        String narInfo = root.narInfo("hello", nar.storePathHash());
        HttpResponse<byte[]> broken = root.get("hello/" + dev.attic.narinfo.NarInfo.parse(narInfo).url());
        assertTrue(broken.statusCode() >= 500, "a NAR with a corrupt chunk fails before any byte is sent: " + broken.statusCode());
        Result after = atticadm("verify", "--data-dir", data.toString());
        assertEquals(0, after.status(), after.out());

        HttpResponse<byte[]> again = root.upload("hello", nar);
        assertEquals(200, again.statusCode(), CacheClient.text(again));
        assertArrayEquals(nar.bytes(), root.nar("hello", root.narInfo("hello", nar.storePathHash())));
        Result healed = atticadm("verify", "--data-dir", data.toString());
        assertEquals(0, healed.status(), healed.out());
    }

    @Test
    void chunksIsTheChunkViewer() throws Exception {
        Path file = temp.resolve("file");
        Files.write(file, TestNars.randomBytes(300_000, 9));
        Result r = atticadm("chunks", file.toString(), "--min", "8K", "--avg", "32K", "--max", "128K");
        assertEquals(0, r.status(), r.err());
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        assertEquals(0, dev.attic.examples.Chunks.run(new String[] {file.toString(), "--min=8K", "--avg=32K", "--max=128K"},
                new PrintStream(direct, true, StandardCharsets.UTF_8), System.err));
        assertEquals(direct.toString(StandardCharsets.UTF_8), r.out());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.size() > 3, r.out());
        assertTrue(lines.get(0).startsWith("0\t"), r.out());
    }

    private static void assertRefused(int status, String what) {
        assertTrue(status == 401 || status == 403 || status == 404, what + ": got " + status);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
