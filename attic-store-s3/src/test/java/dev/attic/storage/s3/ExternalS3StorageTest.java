package dev.attic.storage.s3;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.Objects;

/**
 * The S3 contract against an S3 server outside this JVM, named by environment variables. CI
 * ({@code .ci/run}) starts Ceph's RADOS Gateway and sets them:
 * <ul>
 *   <li>{@code ATTIC_TEST_S3_ENDPOINT}, e.g. {@code http://127.0.0.1:17480}</li>
 *   <li>{@code ATTIC_TEST_S3_ACCESS_KEY} and {@code ATTIC_TEST_S3_SECRET_KEY}</li>
 *   <li>{@code ATTIC_TEST_S3_REGION} (optional, default {@code us-east-1})</li>
 * </ul>
 * Checksums are sent only when required, as Ceph RGW 16 answers 400 to the SDK's default ones.
 * Without the variables the tests are skipped, unless {@code CI=true}, where they fail.
 */
class ExternalS3StorageTest extends S3StorageContract {
    static final String ENDPOINT = "ATTIC_TEST_S3_ENDPOINT";

    private static void requireServer() {
        if (System.getenv(ENDPOINT) == null) {
            String message = ENDPOINT + " is not set: no external S3 server to test against"
                    + " (see docs/storage.md to start Ceph RGW locally)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + ", and CI=true requires one");
            }
            assumeTrue(false, message);
        }
    }

    @Override
    protected dev.attic.storage.Storage openStorage() {
        requireServer();
        return super.openStorage();
    }

    @Override
    Server server() {
        return new Server(URI.create(System.getenv(ENDPOINT)),
                Objects.requireNonNullElse(System.getenv("ATTIC_TEST_S3_REGION"), "us-east-1"),
                required("ATTIC_TEST_S3_ACCESS_KEY"), required("ATTIC_TEST_S3_SECRET_KEY"), true);
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null) {
            fail(name + " is not set, but " + ENDPOINT + " is");
        }
        return value;
    }
}
