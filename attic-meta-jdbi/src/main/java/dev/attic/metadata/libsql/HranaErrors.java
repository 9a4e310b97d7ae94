package dev.attic.metadata.libsql;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;

/**
 * Turns a Hrana error ({@code message}, {@code code}) or an HTTP failure into the
 * {@link SQLException} subclass that says what a caller can do about it: the transient ones
 * ({@link SQLTransientException} and subclasses) are worth retrying, the others are not. SQL states
 * follow the standard classes, so code that reads states (a unique violation is 23505) works too.
 */
final class HranaErrors {
    private HranaErrors() {}

    static SQLException fromServer(String message, String code) {
        String text = "libSQL: " + message + (code != null ? " [" + code + "]" : "");
        if (code == null) {
            return new SQLException(text);
        }
        if (code.startsWith("SQLITE_CONSTRAINT")) {
            boolean unique = message.contains("UNIQUE constraint failed") || code.endsWith("_UNIQUE")
                    || code.endsWith("_PRIMARYKEY");
            return new SQLIntegrityConstraintViolationException(text, unique ? "23505" : "23000");
        }
        if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
            return new SQLTransientException(text, "40001");
        }
        if (code.startsWith("STREAM_") || code.contains("BATON")) {
            // The server dropped the stream (idle too long, or restarted): the transaction is gone,
            // running it again from the start may succeed.
            return new SQLTransactionRollbackException(text, "40000");
        }
        return new SQLException(text, null, 0);
    }

    static SQLException fromHttp(int status, String body) {
        String text = "libSQL server answered HTTP " + status + (body.isBlank() ? "" : ": " + body.strip());
        if (status == 401 || status == 403) {
            return new SQLInvalidAuthorizationSpecException(
                    text + " (is the auth token right, and signed by the key the server trusts?)", "28000");
        }
        if (status == 400 && body.toLowerCase(java.util.Locale.ROOT).contains("baton")) {
            // sqld's answer for a stream it no longer knows (expired after idling, or restarted):
            // the transaction on it is gone, and running it again from the start may succeed.
            return new SQLTransactionRollbackException(text, "40000");
        }
        if (status == 429 || status >= 500) {
            return new SQLTransientConnectionException(text, "08006");
        }
        return new SQLNonTransientException(text);
    }
}
