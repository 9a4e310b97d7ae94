package dev.attic.metadata.jdbi;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConnection;

/**
 * Answers of the hottest read (the narinfo lookup) remembered per SQLite reader connection for as
 * long as SQLite's {@code PRAGMA data_version} on that connection stays the same. SQLite changes
 * that number whenever any other connection commits to the database file, whichever process it is
 * in (this store's writer, another server on the file, {@code atticadm gc}); reader connections
 * never write, so an unchanged number means the database is as it was when the answer was read.
 * The number is read before the query it guards, so an answer is never filed under a later
 * version than the one it was read at. Each hit still costs one round trip to SQLite (the pragma),
 * none of the join and row mapping.
 *
 * <p>Only on SQLite: other databases have no such number, and their reads are never remembered.
 * Any commit forgets everything a connection remembered (including the access times the engine
 * writes every few seconds), so this is for read-mostly bursts, such as Nix asking for narinfos.
 */
final class UnchangedReads {
    /** Answers remembered per connection; past it the connection's answers are forgotten at once. */
    private static final int MAX_PER_CONNECTION = 4096;
    private static final int PURGE_ABOVE = 256;
    private static final String DATA_VERSION = "PRAGMA data_version";

    private static final class Remembered {
        final long dataVersion;
        final Map<Object, Object> answers = new ConcurrentHashMap<>();

        Remembered(long dataVersion) {
            this.dataVersion = dataVersion;
        }
    }

    private final ReusedStatements statements;
    private final Map<Connection, Remembered> byConnection = new ConcurrentHashMap<>();

    UnchangedReads(ReusedStatements statements) {
        this.statements = statements;
    }

    /** What to run when there is nothing to remember, or nothing remembered. */
    interface Read<T> {
        T run() throws SQLException;
    }

    /**
     * The answer for {@code key} on this connection: remembered if SQLite's data version has not
     * moved since it was read, else {@code read}'s (then remembered).
     */
    @SuppressWarnings("unchecked")
    <T> T answer(Connection pooled, Object key, Read<T> read) throws SQLException {
        if (!pooled.isWrapperFor(SQLiteConnection.class)) {
            return read.run();
        }
        Connection physical = pooled.unwrap(SQLiteConnection.class);
        long version = statements.with(pooled, DATA_VERSION, query -> {
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        Remembered remembered = byConnection.get(physical);
        if (remembered != null && remembered.dataVersion == version) {
            Object known = remembered.answers.get(key);
            if (known != null) {
                return (T) known;
            }
        } else {
            if (byConnection.size() >= PURGE_ABOVE) {
                byConnection.keySet().removeIf(UnchangedReads::closed);
            }
            remembered = new Remembered(version);
            byConnection.put(physical, remembered);
        }
        T answer = read.run();
        if (remembered.answers.size() >= MAX_PER_CONNECTION) {
            remembered.answers.clear();
        }
        remembered.answers.put(key, answer);
        return answer;
    }

    private static boolean closed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
