package dev.attic.metadata.jdbi;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The metadata contract on a PostgreSQL server someone else runs: {@code .ci/run} starts Debian's
 * PostgreSQL and sets {@code ATTIC_TEST_PG_URL} (a JDBC URL), {@code ATTIC_TEST_PG_USER} and
 * {@code ATTIC_TEST_PG_PASSWORD}. Skipped when they are absent, except under {@code CI=true}.
 */
class ExternalPostgresMetadataStoreTest extends PostgresContract {
    private static final String URL = System.getenv("ATTIC_TEST_PG_URL");

    @Override
    String jdbcUrl() {
        if (URL == null || URL.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but ATTIC_TEST_PG_URL is not set: .ci/run should have started PostgreSQL");
            }
            assumeTrue(false, "ATTIC_TEST_PG_URL is not set: skipping the contract on an external"
                    + " PostgreSQL (.ci/run starts one)");
        }
        return URL;
    }

    @Override
    String user() {
        return System.getenv().getOrDefault("ATTIC_TEST_PG_USER", "postgres");
    }

    @Override
    String password() {
        return System.getenv().getOrDefault("ATTIC_TEST_PG_PASSWORD", "");
    }
}
