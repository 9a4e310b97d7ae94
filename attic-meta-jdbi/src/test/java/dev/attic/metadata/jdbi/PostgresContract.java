package dev.attic.metadata.jdbi;

import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.MetadataStoreContract;
import dev.attic.metadata.TestClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The metadata contract on a PostgreSQL server: each test gets a fresh schema in the server's
 * database (a role that owns the database may create schemas; it need not create databases).
 */
abstract class PostgresContract extends MetadataStoreContract {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    abstract String jdbcUrl();

    abstract String user();

    abstract String password();

    @Override
    protected MetadataStore open(TestClock clock) {
        String schema = "contract_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbcUrl(), user(), password());
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError("cannot create schema " + schema + " at " + jdbcUrl(), e);
        }
        String url = jdbcUrl() + (jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return JdbiMetadata.builder().postgres(url, user(), password()).clock(clock).build();
    }
}
