package dev.attic.metadata.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.AtticException;
import dev.attic.ConflictException;
import dev.attic.ErrorCode;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Which database failures a caller may retry, as the drivers report them. */
class DatabaseErrorsTest {

    @Test
    void postgresTimeoutsLostConnectionsAndSerializationFailuresAreTransient() {
        for (String state : new String[] {"57014", "08006", "08001", "40001", "40P01", "55P03", "53300"}) {
            AtticException e = translate(new SQLException("failed", state));
            assertEquals(ErrorCode.DATABASE_ERROR, e.code());
            assertTrue(e.isTransient(), "SQLState " + state + " should be transient");
        }
    }

    @Test
    void onlyTransactionsTheServerRolledBackForAConflictAreRunAgain() {
        assertTrue(DatabaseErrors.isRolledBackConflict(new RuntimeException(new SQLException("deadlock", "40P01"))));
        assertTrue(DatabaseErrors.isRolledBackConflict(new SQLException("serialization", "40001")));
        for (String state : new String[] {"23505", "57014", "08006", "40002", "55P03"}) {
            assertFalse(DatabaseErrors.isRolledBackConflict(new SQLException("failed", state)), "SQLState " + state);
        }
    }

    @Test
    void postgresConstraintAndSyntaxErrorsAreNotTransient() {
        for (String state : new String[] {"23503", "23505", "42601", "42P01"}) {
            assertFalse(translate(new SQLException("failed", state)).isTransient(), "SQLState " + state);
        }
    }

    @Test
    void sqliteBusyIsTransientAndAConstraintIsNot() {
        assertTrue(translate(new SQLiteException("busy", SQLiteErrorCode.SQLITE_BUSY)).isTransient());
        assertFalse(translate(new SQLiteException("fk", SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY))
                .isTransient());
    }

    @Test
    void poolTimeoutIsTransient() {
        AtticException e = DatabaseErrors.translate("read", new ConnectionException(
                new SQLTransientConnectionException("attic-postgres - Connection is not available")));
        assertTrue(e.isTransient());
        assertTrue(e.getMessage().contains("Connection is not available"), e.getMessage());
    }

    @Test
    void uniqueViolationsAreRecognisedOnBothDatabases() {
        assertTrue(DatabaseErrors.isUniqueViolation(wrap(new SQLException("dup", "23505"))));
        assertTrue(DatabaseErrors.isUniqueViolation(
                wrap(new SQLiteException("dup", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE))));
        assertFalse(DatabaseErrors.isUniqueViolation(wrap(new SQLException("fk", "23503"))));
    }

    @Test
    void anAtticExceptionPassesThroughUnchanged() {
        ConflictException conflict = new ConflictException(ErrorCode.STALE_UPLOAD, "gone");
        assertSame(conflict, DatabaseErrors.translate("commit", conflict));
    }

    private static AtticException translate(SQLException e) {
        return DatabaseErrors.translate("test", wrap(e));
    }

    private static RuntimeException wrap(SQLException e) {
        return new UnableToExecuteStatementException(e, null);
    }
}
