package dev.attic.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.attic.auth.CacheNamePattern;
import dev.attic.auth.CachePermissions;
import dev.attic.auth.Permission;
import dev.attic.auth.Token;
import dev.attic.auth.TokenKey;
import dev.attic.cache.CacheName;
import dev.attic.chunking.ChunkingSettings;
import dev.attic.engine.Attic;
import dev.attic.engine.CacheInfo;
import dev.attic.engine.CachePatch;
import dev.attic.engine.Caller;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.jdbi.JdbiMetadata;
import dev.attic.storage.Storage;
import dev.attic.storage.fs.FileSystemStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Nix (Debian's nix-bin, driven by {@code ../shared/tools/nix-oracle.sh}) pushes to the
 * servlet with {@code nix copy --to http://...} and a netrc token, then checks every narinfo, hash
 * and signature and substitutes the paths back. Needs root and {@code ATTIC_TEST_NIX_ORACLE} (the
 * script's path); {@code .ci/run} sets it. {@code ATTIC_TEST_NIX_ORACLE_LARGE=1} adds the two
 * ~105 MB paths.
 */
class NixOracleTest {
    private static final byte[] SECRET = "nix-oracle-test-secret-nix-oracle-test-secret".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private String oracle;
    private Server server;
    private Storage storage;
    private MetadataStore metadata;
    private Attic attic;
    private int port;
    private final TokenKey tokenKey = TokenKey.hs256(SECRET);

    @BeforeEach
    void start() throws Exception {
        oracle = System.getenv("ATTIC_TEST_NIX_ORACLE");
        if (oracle == null || oracle.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but ATTIC_TEST_NIX_ORACLE is not set: .ci/run must install nix and point it at nix-oracle.sh");
            }
            Assumptions.abort("the real-nix test needs ATTIC_TEST_NIX_ORACLE=../shared/tools/nix-oracle.sh (and root); skipped");
        }
        storage = FileSystemStorage.at(dir.resolve("storage"));
        metadata = JdbiMetadata.sqlite(dir.resolve("attic.db"));
        startServer(ChunkingSettings.DEFAULT);
    }

    /** The engine with these chunking settings, behind the servlet in Jetty on a free port. */
    private void startServer(ChunkingSettings chunking) throws Exception {
        attic = Attic.builder().storage(storage).metadata(metadata).tokenVerifier(tokenKey.verifier(Clock.systemUTC()))
                .chunking(chunking).build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(AtticServlet.builder(attic).build()), "/*");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
            attic.close();
            metadata.close();
            storage.close();
        }
    }

    private String pushToken(String cache) {
        return tokenKey.sign(Token.of("nix-oracle", Instant.now().minusSeconds(5), Instant.now().plus(Duration.ofHours(2)))
                .withGrant(CacheNamePattern.of(cache), CachePermissions.of(Permission.PULL, Permission.PUSH)));
    }

    private CacheInfo publicCache(String name) {
        Caller admin = attic.authenticate(tokenKey.sign(Token.of("admin", Instant.now().minusSeconds(5),
                Instant.now().plus(Duration.ofHours(2))).withGrant(CacheNamePattern.of("*"), CachePermissions.of(Permission.values()))));
        return attic.createCache(admin, CacheName.of(name), CachePatch.builder().isPublic(true).build());
    }

    private void oracle(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", oracle));
        command.addAll(List.of(args));
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
        process.environment().putAll(env);
        Path log = Files.createTempFile(dir, "oracle", ".log");
        process.redirectOutput(log.toFile());
        Process running = process.start();
        boolean done = running.waitFor(25, TimeUnit.MINUTES);
        String output = Files.readString(log);
        System.out.println("---- nix-oracle.sh " + String.join(" ", args) + "\n" + output);
        assertTrue(done, "nix-oracle.sh " + args[0] + " finished within 25 minutes");
        assertEquals(0, running.exitValue(), "nix-oracle.sh " + String.join(" ", args) + " failed:\n" + output);
        if (args[0].equals("check")) {
            assertTrue(output.contains(" 0 failed"), output);
        }
    }

    /**
     * The oracle's environment: its own work dir for closure-only runs (its check walks every path
     * its setup built, so a work dir that built the large paths would expect them pushed).
     */
    private Map<String, String> env(String cache, boolean large) throws IOException {
        Path netrc = dir.resolve("netrc-" + cache);
        Files.writeString(netrc, "machine 127.0.0.1 login attic password " + pushToken(cache) + "\n");
        String work = large ? System.getenv().getOrDefault("NIX_ORACLE_DIR", "/tmp/nix-oracle") : dir.resolve("oracle-" + cache).toString();
        return Map.of("NIX_ORACLE_NETRC", netrc.toString(), "ORACLE_SKIP_LARGE", large ? "0" : "1", "NIX_ORACLE_DIR", work);
    }

    /** nix copy --to with zstd (the oracle's default), then check and substitute with the cache's key. */
    @Test
    void realNixPushesWithZstdAndSubstitutesBack() throws Exception {
        boolean large = "1".equals(System.getenv("ATTIC_TEST_NIX_ORACLE_LARGE"));
        CacheInfo cache = publicCache("oracle-zstd");
        Map<String, String> env = env("oracle-zstd", large);
        oracle(env, "keygen", "oracle-uploader-1");
        String url = "http://127.0.0.1:" + port + "/oracle-zstd";
        oracle(env, "seed", url, env.get("NIX_ORACLE_DIR") + "/keys/sec", "zstd");
        oracle(env, "check", url, cache.publicKey().toString());
    }

    /** nix copy --to with xz, Nix's default for HTTP stores (the closure only: xz is slow on big paths). */
    @Test
    void realNixPushesWithXz() throws Exception {
        CacheInfo cache = publicCache("oracle-xz");
        Map<String, String> env = env("oracle-xz", false);
        oracle(env, "keygen", "oracle-uploader-2");
        String url = "http://127.0.0.1:" + port + "/oracle-xz";
        oracle(env, "seed", url, env.get("NIX_ORACLE_DIR") + "/keys/sec", "xz");
        oracle(env, "check", url, cache.publicKey().toString());
    }

    /**
     * Reference-aware chunking with every NAR chunked (threshold 1, chunks of 64 to 1024 bytes), so
     * the closure's paths that refer to each other are stored masked: a real Nix substitutes them
     * back and checks each NarHash against the restored bytes.
     */
    @Test
    void realNixSubstitutesReferenceAwareNars() throws Exception {
        server.stop();
        attic.close();
        startServer(new ChunkingSettings(1, 64, 256, 1024, true));
        CacheInfo cache = publicCache("oracle-refs");
        Map<String, String> env = env("oracle-refs", false);
        oracle(env, "keygen", "oracle-uploader-3");
        String url = "http://127.0.0.1:" + port + "/oracle-refs";
        oracle(env, "seed", url, env.get("NIX_ORACLE_DIR") + "/keys/sec", "zstd");
        oracle(env, "check", url, cache.publicKey().toString());
        // oracle-top refers to itself and three others: its NAR must have been stored masked
        Caller reader = attic.authenticate(pushToken("oracle-refs"));
        String narHash = attic.narInfo(reader, CacheName.of("oracle-refs"), "v64bzpb3xndsfd100pfjsqdgmjglr86y").narHash().toString();
        long narId = metadata.findValidNar(narHash).orElseThrow().id();
        assertTrue(metadata.referenceTable(narId).orElseThrow().size() >= 4, "oracle-top is stored masked");
    }
}
