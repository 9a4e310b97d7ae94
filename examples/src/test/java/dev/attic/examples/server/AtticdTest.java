package dev.attic.examples.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.engine.TestNars;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** atticd on the embedded default, started as a user would, in a temporary data directory. */
class AtticdTest {
    private static final Pattern URL = Pattern.compile("atticd is listening on (http://\\S+/)");
    private static final Pattern TOKEN = Pattern.compile("(?m)^(eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)$");

    @TempDir
    Path temp;

    /** What one run printed, and the server if it started. */
    record Run(Atticd.Launch launch, String out, String err) {
        AtticServer server() {
            return launch.server().orElseThrow(() -> new AssertionError("atticd did not start: " + err + out));
        }
    }

    static Run atticd(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Atticd.Launch launch = Atticd.launch(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(launch, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertTrue(m.find(), "expected " + p + " in:\n" + text);
        return m.group(1);
    }

    @Test
    void firstStartPrintsAWorkingRootTokenAndLaterStartsReuseTheSecret() throws Exception {
        Path data = temp.resolve("data");
        Run first = atticd(Map.of(), "--data-dir", data.toString(), "--listen", "127.0.0.1:0");
        String token;
        try (AtticServer server = first.server()) {
            URI url = URI.create(find(URL, first.out()));
            assertEquals(server.port(), url.getPort());
            assertTrue(first.out().contains("First start"), first.out());
            assertTrue(first.out().contains("attic login local " + url), first.out());
            token = find(TOKEN, first.out());

            CacheClient root = new CacheClient(url, token);
            assertEquals(200, root.createCache("hello").statusCode());
            var nar = TestNars.regularFile("hello", TestNars.randomBytes(200_000, 3), 3);
            assertEquals(200, root.upload("hello", nar).statusCode());
            String narInfo = root.narInfo("hello", nar.storePathHash());
            assertArrayEquals(nar.bytes(), root.nar("hello", narInfo));
            assertEquals(401, new CacheClient(url, null).createCache("anonymous").statusCode());
        }
        assertTrue(Files.isRegularFile(data.resolve("server.toml")));
        assertTrue(Files.isRegularFile(data.resolve("server.db")));
        assertTrue(Files.isDirectory(data.resolve("storage")));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(data.resolve("token-secret")));
        String secret = Files.readString(data.resolve("token-secret"));

        // The second start on the same directory: same secret, so the first token still works; no new token printed.
        Run second = atticd(Map.of(), "--data-dir", data.toString(), "--listen", "127.0.0.1:0");
        try (AtticServer server = second.server()) {
            assertFalse(TOKEN.matcher(second.out()).find(), "no token on a later start:\n" + second.out());
            assertFalse(second.out().contains("First start"), second.out());
            CacheClient root = new CacheClient(server.uri(), token);
            assertEquals(200, root.get("_api/v1/cache-config/hello").statusCode(), "the first start's cache and token survive");
        }
        assertEquals(secret, Files.readString(data.resolve("token-secret")));

        // Asked for, a new root token is printed.
        Run third = atticd(Map.of(), "--data-dir", data.toString(), "--listen", "127.0.0.1:0", "--print-root-token");
        try (AtticServer server = third.server()) {
            String fresh = find(TOKEN, third.out());
            assertEquals(200, new CacheClient(server.uri(), fresh).get("_api/v1/cache-config/hello").statusCode());
        }
    }

    @Test
    void theDataDirectoryDefaultsToXdgDataHome() throws Exception {
        Run run = atticd(Map.of("XDG_DATA_HOME", temp.toString()), "--listen", "127.0.0.1:0");
        try (AtticServer server = run.server()) {
            assertTrue(run.out().contains(temp.resolve("atticd").resolve("server.toml").toString()), run.out());
            assertTrue(Files.exists(temp.resolve("atticd").resolve("token-secret")));
        }
    }

    @Test
    void checkConfigPrintsTheEffectiveConfigWithoutSecrets() throws Exception {
        Path file = temp.resolve("server.toml");
        String secret = ServerConfigTest.secret();
        Files.writeString(file, """
                listen = "[::]:8080"
                [database]
                url = "sqlite://attic.db"
                [storage]
                type = "local"
                path = "chunks"
                [garbage-collection]
                interval = "1 day"
                """);
        Run ok = atticd(Map.of("ATTIC_SERVER_TOKEN_HS256_SECRET_BASE64", secret), "--mode", "check-config", "-f", file.toString());
        assertEquals(0, ok.launch().exitStatus(), ok.err());
        assertTrue(ok.launch().server().isEmpty());
        assertTrue(ok.out().contains("url = \"sqlite://attic.db\""), ok.out());
        assertTrue(ok.out().contains("path = \"" + temp.resolve("chunks") + "\""), ok.out());
        assertTrue(ok.out().contains("interval = \"1d\""), ok.out());
        assertFalse(ok.out().contains(secret), ok.out());
        assertFalse(Files.exists(temp.resolve("attic.db")), "check-config opens nothing");

        Run alias = atticd(Map.of("ATTIC_SERVER_TOKEN_HS256_SECRET_BASE64", secret), "check-config", "-f", file.toString());
        assertEquals(ok.out(), alias.out());

        Files.writeString(file, Files.readString(file) + "intervall = \"2 days\"\n");
        Run unknown = atticd(Map.of("ATTIC_SERVER_TOKEN_HS256_SECRET_BASE64", secret), "--mode", "check-config", "-f", file.toString());
        assertEquals(1, unknown.launch().exitStatus());
        assertTrue(unknown.err().contains("unknown key [garbage-collection] intervall"), unknown.err());

        Run noKey = atticd(Map.of(), "check-config", "-f", file.toString());
        assertEquals(1, noKey.launch().exitStatus());
        assertTrue(noKey.err().contains("[jwt] signing needs a key"), noKey.err());

        Run noConfig = atticd(Map.of(), "check-config", "--data-dir", temp.resolve("nothing-here").toString());
        assertEquals(1, noConfig.launch().exitStatus());
        assertTrue(noConfig.err().contains("no config at"), noConfig.err());
        assertFalse(Files.exists(temp.resolve("nothing-here")), "check-config creates nothing");
    }

    @Test
    void upstreamsOneShotModesRunAndExit() throws Exception {
        Path data = temp.resolve("data");
        Run first = atticd(Map.of(), "--data-dir", data.toString(), "--listen", "127.0.0.1:0");
        first.server().close();
        Files.delete(data.resolve("server.db"));
        Run migrations = atticd(Map.of(), "--data-dir", data.toString(), "--mode", "db-migrations");
        assertEquals(0, migrations.launch().exitStatus(), migrations.err());
        assertTrue(migrations.launch().server().isEmpty());
        assertTrue(Files.exists(data.resolve("server.db")));
        Run gc = atticd(Map.of(), "--data-dir", data.toString(), "--mode", "garbage-collector-once");
        assertEquals(0, gc.launch().exitStatus(), gc.err());
        assertTrue(gc.out().startsWith("garbage collected: 0 objects expired"), gc.out());
        Run unknown = atticd(Map.of(), "--data-dir", data.toString(), "--mode", "api-server");
        assertEquals(2, unknown.launch().exitStatus());
        assertTrue(unknown.err().contains("unknown --mode \"api-server\""), unknown.err());
    }

    @Test
    void aTakenPortIsReportedAndNothingIsLeftOpen() throws Exception {
        Path data = temp.resolve("data");
        Run first = atticd(Map.of(), "--data-dir", data.toString(), "--listen", "127.0.0.1:0");
        try (AtticServer server = first.server()) {
            Run clash = atticd(Map.of(), "--data-dir", data.toString(), "--listen", "127.0.0.1:" + server.port());
            assertEquals(1, clash.launch().exitStatus());
            assertTrue(clash.err().contains("cannot listen on 127.0.0.1:" + server.port()), clash.err());
        }
    }

    @Test
    void allowedHostsRefusesOtherHosts() throws Exception {
        Path file = temp.resolve("server.toml");
        Files.writeString(file, """
                listen = "127.0.0.1:0"
                allowed-hosts = ["localhost"]
                [database]
                url = "sqlite://attic.db"
                [storage]
                type = "local"
                path = "chunks"
                [jwt.signing]
                token-hs256-secret-base64 = "%s"
                """.formatted(ServerConfigTest.secret()));
        Run run = atticd(Map.of(), "-f", file.toString());
        try (AtticServer server = run.server()) {
            assertEquals(400, new CacheClient(URI.create("http://127.0.0.1:" + server.port() + "/"), null).get("_health").statusCode());
            assertEquals(200, new CacheClient(URI.create("http://localhost:" + server.port() + "/"), null).get("_health").statusCode());
        }
    }
}
