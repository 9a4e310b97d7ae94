package dev.attic.examples.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attic.auth.CacheNamePattern;
import dev.attic.auth.CachePermissions;
import dev.attic.auth.Permission;
import dev.attic.auth.Token;
import dev.attic.engine.GcReport;
import dev.attic.engine.TestNars;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The scale-out story: two atticd servers (different ports, in this JVM) with one S3 bucket
 * (S3Proxy) and one PostgreSQL (real binaries) behave as one cache.
 */
class ScaleOutTest {
    private static final String ACCESS_KEY = "AKIASCALEOUT";
    private static final String SECRET_KEY = "scale-out-secret";
    private static final String BUCKET = "attic-scale-out";
    private static EmbeddedPostgres postgres;
    private static S3Proxy s3;

    @TempDir
    static Path temp;

    @BeforeAll
    static void startBackends() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        s3 = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        s3.start();
        for (int i = 0; i < 500 && !"STARTED".equals(s3.getState()); i++) {
            Thread.sleep(10);
        }
        try (S3Client admin = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + s3.getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .forcePathStyle(true)
                .build()) {
            admin.createBucket(b -> b.bucket(BUCKET));
        }
    }

    @AfterAll
    static void stopBackends() throws Exception {
        if (s3 != null) {
            s3.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The config both servers share, as an operator would write it (the secret comes from the environment). */
    static String sharedConfig(EmbeddedPostgres pg, int s3Port, String bucket) {
        return """
                listen = "127.0.0.1:0"
                [database]
                url = "postgresql://postgres:postgres@localhost:%d/postgres"
                [storage]
                type = "s3"
                region = "us-east-1"
                bucket = "%s"
                endpoint = "http://127.0.0.1:%d"
                [storage.credentials]
                access_key_id = "%s"
                secret_access_key = "%s"
                [garbage-collection]
                interval = "0s"
                """.formatted(pg.getPort(), bucket, s3Port, ACCESS_KEY, SECRET_KEY);
    }

    @Test
    void twoServersOnOneBucketAndOneDatabaseServeAsOne() throws Exception {
        Map<String, String> env = Map.of("ATTIC_SERVER_TOKEN_HS256_SECRET_BASE64", ServerConfigTest.secret());
        ServerConfig config = ServerConfig.parse(sharedConfig(postgres, s3.getPort(), BUCKET), "shared.toml", temp, env);
        try (AtticServer a = AtticServer.start(config); AtticServer b = AtticServer.start(config)) {
            assertTrue(a.port() != b.port());
            Instant now = Instant.now();
            String token = config.signing().key().sign(Token.of("ops", now, now.plusSeconds(3600))
                    .withGrant(CacheNamePattern.of("*"), CachePermissions.of(Permission.values())));
            CacheClient viaA = new CacheClient(a.uri(), token);
            CacheClient viaB = new CacheClient(b.uri(), token);

            // A cache created on A exists on B; a path pushed to A is served by B, byte for byte.
            assertEquals(200, viaA.createCache("shared").statusCode());
            assertEquals(200, viaB.get("_api/v1/cache-config/shared").statusCode());
            var big = TestNars.regularFile("big", TestNars.randomBytes(1_500_000, 11), 11);
            HttpResponse<byte[]> uploaded = viaA.upload("shared", big);
            assertEquals(200, uploaded.statusCode(), CacheClient.text(uploaded));
            String infoA = viaA.narInfo("shared", big.storePathHash());
            String infoB = viaB.narInfo("shared", big.storePathHash());
            assertEquals(infoA, infoB);
            assertArrayEquals(viaA.nar("shared", infoA), viaB.nar("shared", infoB));
            assertArrayEquals(big.bytes(), viaB.nar("shared", infoB), "the narinfo says Compression: none; the NAR is the upload");

            // B deduplicates against what A stored: not one chunk file more in the shared bucket
            // (the answer itself does not say so: another cache's content is not the pusher's business)
            assertEquals(200, viaB.createCache("other").statusCode());
            long chunkFiles = chunkFiles(b);
            HttpResponse<byte[]> again = viaB.upload("other", big);
            assertEquals(200, again.statusCode(), CacheClient.text(again));
            assertEquals(chunkFiles, chunkFiles(a), "B stored nothing new");
            assertArrayEquals(big.bytes(), viaA.nar("other", viaA.narInfo("other", big.storePathHash())));

            // A path in a cache with a one-second retention, pushed via B, then collected by A while B serves.
            assertEquals(200, viaA.createCache("short").statusCode());
            HttpResponse<byte[]> patched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(a.uri().resolve("_api/v1/cache-config/short"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"retention_period\":{\"Period\":1}}")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, patched.statusCode(), CacheClient.text(patched));
            var brief = TestNars.regularFile("brief", TestNars.randomBytes(400_000, 12), 12);
            assertEquals(200, viaB.upload("short", brief).statusCode());
            Thread.sleep(2_100);

            AtomicBoolean collecting = new AtomicBoolean(true);
            ExecutorService readers = Executors.newFixedThreadPool(2);
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                reads.add(readers.submit(() -> {
                    int n = 0;
                    do {
                        assertArrayEquals(big.bytes(), viaB.nar("shared", viaB.narInfo("shared", big.storePathHash())));
                        n++;
                    } while (collecting.get() || n < 3);
                    return n;
                }));
            }
            GcReport report;
            try {
                report = a.engine().collectGarbage();
            } finally {
                collecting.set(false);
            }
            for (Future<Integer> r : reads) {
                assertTrue(r.get() >= 3);
            }
            readers.shutdown();
            assertEquals(1, report.objectsExpired(), report.toString());
            // Its NAR and chunks outlive it by the database's reference grace (two minutes), which the
            // engine's own tests cover with a test clock; here the point is that A's collection and
            // B's reads do not disturb each other, and that both servers see the path gone.
            assertEquals(0, report.chunkDeletesFailed(), report.toString());
            assertEquals(404, viaB.get("short/" + brief.storePathHash() + ".narinfo").statusCode());
            assertEquals(404, viaA.get("short/" + brief.storePathHash() + ".narinfo").statusCode());
            assertArrayEquals(big.bytes(), viaA.nar("other", viaA.narInfo("other", big.storePathHash())));
        }
    }

    private static long chunkFiles(AtticServer server) {
        try (var objects = server.backends().storage().list("chunks/")) {
            return objects.count();
        }
    }
}
