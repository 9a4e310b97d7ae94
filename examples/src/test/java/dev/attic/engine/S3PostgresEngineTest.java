package dev.attic.engine;

import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.TestClock;
import dev.attic.metadata.jdbi.JdbiMetadata;
import dev.attic.storage.Storage;
import dev.attic.storage.s3.S3Storage;
import dev.attic.storage.s3.S3StorageConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The engine on its scale-out pair: chunk files on S3 (S3Proxy, in this JVM, checking AWS v4
 * signatures) and metadata in PostgreSQL (real binaries, started by the test).
 */
class S3PostgresEngineTest extends EngineContract {
    private static final String ACCESS_KEY = "AKIAENGINETEST";
    private static final String SECRET_KEY = "engine-test-secret";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static S3Proxy s3;
    private static URI endpoint;

    @BeforeAll
    static void startServers() throws Exception {
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
        endpoint = URI.create("http://127.0.0.1:" + s3.getPort());
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (s3 != null) {
            s3.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected Storage openStorage() {
        String bucket = "engine-" + UUID.randomUUID().toString().substring(0, 13);
        try (S3Client admin = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .forcePathStyle(true)
                .build()) {
            admin.createBucket(b -> b.bucket(bucket));
        }
        return S3Storage.open(S3StorageConfig.builder(bucket)
                .endpoint(endpoint)
                .region("us-east-1")
                .credentials(ACCESS_KEY, SECRET_KEY)
                .apiCallTimeout(Duration.ofSeconds(60))
                .build());
    }

    @Override
    protected MetadataStore openMetadata(TestClock clock) {
        String schema = "engine_" + SCHEMAS.incrementAndGet();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError("cannot create schema " + schema, e);
        }
        return JdbiMetadata.builder().postgres(url + "&currentSchema=" + schema, "postgres", "postgres").clock(clock).build();
    }
}
