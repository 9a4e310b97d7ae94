package dev.attic.metadata.jdbi;

import dev.attic.AtticException;
import dev.attic.BackendException;
import dev.attic.ErrorCode;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns what JDBC, JDBI, HikariCP and Flyway throw into {@link BackendException}. */
final class DatabaseErrors {
    private DatabaseErrors() {}

    static AtticException translate(String what, RuntimeException e) {
        if (e instanceof AtticException attic) {
            return attic;
        }
        SQLException sql = sqlCause(e);
        boolean transientFailure = sql != null ? isTransient(sql) : isTransientNonSql(e);
        String detail = sql != null ? sql.getMessage() : e.getMessage();
        return new BackendException(ErrorCode.DATABASE_ERROR,
                "metadata database failed to " + what + ": " + detail, transientFailure, e);
    }

    static AtticException translate(String what, SQLException e) {
        return new BackendException(ErrorCode.DATABASE_ERROR,
                "metadata database failed to " + what + ": " + e.getMessage(), isTransient(e), e);
    }

    /** True for a unique index violation, which some writes resolve by retrying. */
    static boolean isUniqueViolation(Throwable e) {
        SQLException sql = sqlCause(e);
        if (sql == null) {
            return false;
        }
        if (sql instanceof SQLiteException lite) {
            return lite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || lite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
        }
        return "23505".equals(sql.getSQLState());
    }

    /**
     * True when the database rolled the whole transaction back to break a conflict with another
     * (PostgreSQL's deadlock 40P01 and serialization failure 40001): running it again is safe.
     */
    static boolean isRolledBackConflict(Throwable e) {
        SQLException sql = sqlCause(e);
        return sql != null && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()));
    }

    static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true; // includes HikariCP's "connection is not available" timeout
        }
        if (e instanceof SQLiteException lite) {
            SQLiteErrorCode code = lite.getResultCode();
            return code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED
                    || code.name().startsWith("SQLITE_BUSY_") || code.name().startsWith("SQLITE_LOCKED_");
        }
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("08") // connection exception
                || state.startsWith("40") // serialization failure, deadlock
                || state.startsWith("53") // insufficient resources, too many connections
                || state.startsWith("57") // query canceled (statement timeout), admin shutdown
                || state.equals("55P03"); // lock not available (lock timeout)
    }

    private static boolean isTransientNonSql(Throwable e) {
        // HikariCP's pool initialization failure when the server cannot be reached at start.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
