package dev.attic.metadata.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BackendException;
import dev.attic.ErrorCode;
import dev.attic.metadata.libsql.LibsqlDataSource;
import dev.attic.metadata.libsql.TestSqld;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** libSQL's errors get the same transient/permanent classification as SQLite's and PostgreSQL's. */
class LibsqlErrorsTest {
    private static RuntimeException provoke(String... sql) {
        String url = TestSqld.url();
        TestSqld.dropAllTables(url);
        try (LibsqlDataSource db = LibsqlDataSource.open(url, null, Duration.ofSeconds(10), 2);
                Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            return new RuntimeException(e);
        }
        throw new AssertionError("no error from " + String.join("; ", sql));
    }

    @Test
    void uniqueViolationIsPermanentAndRecognisedForTheRetryOfRacingInserts() {
        RuntimeException e = provoke("CREATE TABLE u (a TEXT UNIQUE)", "INSERT INTO u VALUES ('x')",
                "INSERT INTO u VALUES ('x')");
        assertTrue(DatabaseErrors.isUniqueViolation(e));
        BackendException translated = (BackendException) DatabaseErrors.translate("insert", e);
        assertFalse(translated.isTransient());
        assertEquals(ErrorCode.DATABASE_ERROR, translated.code());
    }

    @Test
    void otherConstraintAndSqlErrorsArePermanentAndNotUnique() {
        RuntimeException notNull = provoke("CREATE TABLE n (a TEXT NOT NULL)", "INSERT INTO n VALUES (NULL)");
        assertFalse(DatabaseErrors.isUniqueViolation(notNull));
        assertFalse(((BackendException) DatabaseErrors.translate("insert", notNull)).isTransient());
        RuntimeException syntax = provoke("SELEKT 1");
        assertFalse(((BackendException) DatabaseErrors.translate("select", syntax)).isTransient());
    }

    @Test
    void anUnreachableServerAtOpenIsATransientDatabaseError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        BackendException e = assertThrows(BackendException.class, () -> JdbiMetadata.builder().libsql(url, null)
                .statementTimeout(Duration.ofSeconds(2)).referenceGrace(Duration.ofSeconds(10)).build());
        assertTrue(e.isTransient(), e.toString());
    }
}
