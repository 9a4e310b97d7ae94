package dev.attic.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.auth.CacheNamePattern;
import dev.attic.auth.CachePermissions;
import dev.attic.auth.Permission;
import dev.attic.auth.Token;
import dev.attic.auth.TokenKey;
import dev.attic.engine.TestNars;
import dev.attic.storage.StorageKey;
import dev.attic.storage.StoredObject;
import dev.attic.storage.fs.FileSystemStorage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process is killed with {@code kill -9} while uploads run, 20 times, and restarted on
 * the same data directory each time. Then: every upload that was acknowledged (200) is served
 * byte for byte; no valid NAR lacks a chunk file; once the leases of the interrupted uploads end,
 * the garbage collector reaps every pending row and every chunk nothing refers to.
 */
class KillNineTest {
    private static final int KILLS = 20;
    private static final int UPLOADERS = 4;

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String admin = TokenKey.hs256(CrashableServer.SECRET).sign(
            Token.of("kill-nine", Instant.now().minusSeconds(5), Instant.now().plus(Duration.ofDays(1)))
                    .withGrant(CacheNamePattern.of("*"), CachePermissions.of(Permission.values())));

    /** A server JVM and where it listens. */
    private record Server(Process process, URI base) {}

    private Server start() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                CrashableServer.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()))
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            String line = reader.submit(out::readLine).get(60, TimeUnit.SECONDS);
            assertTrue(line != null && line.startsWith("PORT "), "the server started: " + line + "\n" + log());
            return new Server(process, URI.create("http://127.0.0.1:" + line.substring(5).strip() + "/"));
        } finally {
            reader.shutdownNow();
        }
    }

    private String log() throws Exception {
        Path log = data.resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static void killNine(Process process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", String.valueOf(process.pid())).start();
        assertEquals(0, kill.waitFor(), "kill -9 " + process.pid());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server died");
        assertEquals(137, process.exitValue(), "killed by SIGKILL");
    }

    private HttpResponse<byte[]> send(URI base, String path, String method, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + admin)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> upload(URI base, TestNars.TestNar nar) throws Exception {
        String info = "{\"cache\":\"crash\",\"store_path_hash\":\"" + nar.storePathHash() + "\",\"store_path\":\"" + nar.storePath()
                + "\",\"references\":[],\"sigs\":[],\"nar_hash\":\"" + nar.narHash() + "\",\"nar_size\":" + nar.bytes().length + "}";
        return send(base, "_api/v1/upload-path", "PUT", nar.bytes(), "X-Attic-Nar-Info", info);
    }

    /** NAR number {@code i}: 60 to 400 KiB, its first half shared with NAR {@code i - 1}, so chunks are reused across uploads. */
    private static TestNars.TestNar nar(int i) {
        Random random = new Random(i);
        byte[] shared = TestNars.randomBytes(30 * 1024 + random.nextInt(170 * 1024), 7_000 + i / 2);
        byte[] own = TestNars.randomBytes(30 * 1024 + random.nextInt(170 * 1024), 9_000 + i);
        byte[] contents = new byte[shared.length + own.length];
        System.arraycopy(shared, 0, contents, 0, shared.length);
        System.arraycopy(own, 0, contents, shared.length, own.length);
        return TestNars.regularFile("crash-" + i, contents, 50_000 + i);
    }

    @Test
    void killedTwentyTimesMidUploadLosesNothingAcknowledgedAndLeavesNothingForever() throws Exception {
        Server server = start();
        assertEquals(200, send(server.base(), "_api/v1/cache-config/crash", "POST", ("{\"keypair\":\"Generate\",\"is_public\":false,"
                + "\"store_dir\":\"/nix/store\",\"priority\":41,\"upstream_cache_key_names\":[]}").getBytes(StandardCharsets.UTF_8)).statusCode());
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Integer> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger attempted = new AtomicInteger();
        Random random = new Random(20261122);
        for (int kill = 0; kill < KILLS; kill++) {
            URI base = server.base();
            ExecutorService uploaders = Executors.newFixedThreadPool(UPLOADERS);
            for (int u = 0; u < UPLOADERS; u++) {
                uploaders.submit(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        int i = next.getAndIncrement();
                        attempted.incrementAndGet();
                        try {
                            HttpResponse<byte[]> response = upload(base, nar(i));
                            if (response.statusCode() == 200) {
                                acknowledged.add(i);
                            }
                        } catch (Exception e) {
                            return; // the server died under this upload: not acknowledged
                        }
                    }
                });
            }
            // kill while uploads run: after this cycle's first acknowledgement (or 20 s), at a random moment
            int before = acknowledged.size();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (acknowledged.size() == before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(random.nextInt(1000));
            killNine(server.process());
            uploaders.shutdownNow();
            assertTrue(uploaders.awaitTermination(60, TimeUnit.SECONDS), "the uploaders noticed the dead server");
            server = start();
        }
        try {
            URI base = server.base();
            System.out.printf("kill -9: %d kills, %d uploads attempted, %d acknowledged%n", KILLS, attempted.get(), acknowledged.size());
            assertTrue(acknowledged.size() >= KILLS, "every cycle acknowledged at least one upload before its kill uploads were acknowledged to mean something: " + acknowledged.size());
            for (int i : acknowledged) {
                var nar = nar(i);
                assertEquals(200, send(base, "crash/" + nar.storePathHash() + ".narinfo", "GET", null).statusCode(), "acknowledged " + i);
                HttpResponse<byte[]> bytes = send(base, "crash/nar/" + nar.storePathHash() + ".nar", "GET", null);
                assertEquals(200, bytes.statusCode(), "acknowledged " + i);
                assertArrayEquals(nar.bytes(), bytes.body(), "acknowledged NAR " + i + " is served byte for byte");
            }

            String db = "jdbc:sqlite:" + data.resolve("attic.db");
            try (FileSystemStorage storage = FileSystemStorage.at(data.resolve("storage"))) {
                List<String> validKeys = column(db, "SELECT DISTINCT c.storage_key FROM nar n JOIN chunkref r ON r.nar_id = n.id "
                        + "JOIN chunk c ON c.id = r.chunk_id WHERE n.state = 'V'");
                List<String> missing = validKeys.stream().filter(k -> !storage.exists(new StorageKey(k))).toList();
                assertEquals(List.of(), missing, "chunk files missing under valid NARs");
                List<String> short_ = column(db, "SELECT n.id FROM nar n WHERE n.state = 'V' AND n.num_chunks <> "
                        + "(SELECT COUNT(*) FROM chunkref r WHERE r.nar_id = n.id)");
                assertEquals(List.of(), short_, "valid NARs with fewer chunk references than chunks");

                long pendingAtStart = count(db, "SELECT COUNT(*) FROM nar WHERE state = 'P'") + count(db, "SELECT COUNT(*) FROM chunk WHERE state = 'P'");
                // the interrupted uploads' leases end 10 s after their last renewal; the server collects every second
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                long leftover;
                String leftQuery = "SELECT (SELECT COUNT(*) FROM nar WHERE state <> 'V') + (SELECT COUNT(*) FROM chunk WHERE state <> 'V')"
                        + " + (SELECT COUNT(*) FROM chunk c WHERE NOT EXISTS (SELECT 1 FROM chunkref r WHERE r.chunk_id = c.id))"
                        + " + (SELECT COUNT(*) FROM nar n WHERE NOT EXISTS (SELECT 1 FROM object o WHERE o.nar_id = n.id))";
                while ((leftover = count(db, leftQuery)) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                assertEquals(0, leftover, "pending, orphaned or deleted rows left after GC past the leases ("
                        + pendingAtStart + " pending rows after the last restart): NARs by state "
                        + column(db, "SELECT state || ':' || COUNT(*) FROM nar GROUP BY state") + ", chunks by state "
                        + column(db, "SELECT state || ':' || COUNT(*) FROM chunk GROUP BY state") + ", unreferenced chunks "
                        + column(db, "SELECT COUNT(*) FROM chunk c WHERE NOT EXISTS (SELECT 1 FROM chunkref r WHERE r.chunk_id = c.id)")
                        + ", NARs without objects "
                        + column(db, "SELECT COUNT(*) FROM nar n WHERE NOT EXISTS (SELECT 1 FROM object o WHERE o.nar_id = n.id)")
                        + "\n" + log());
                Set<String> files;
                try (Stream<StoredObject> listed = storage.list("")) {
                    files = listed.map(o -> o.key().value()).collect(Collectors.toSet());
                }
                Set<String> rows = new HashSet<>(column(db, "SELECT storage_key FROM chunk"));
                assertEquals(rows, files, "exactly one file per chunk row after GC");
                System.out.printf("kill -9: %d pending rows after the last restart, all reaped; %d chunk files, all referenced%n",
                        pendingAtStart, files.size());
            }
        } finally {
            server.process().destroy();
            server.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static long count(String db, String sql) throws Exception {
        return Long.parseLong(column(db, sql).get(0));
    }

    private static List<String> column(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
