package dev.attic.metadata.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConnection;

/**
 * Statements of the hottest reads prepared once per SQLite connection and reused, as the
 * PostgreSQL driver does on its own (it prepares on the server after a few executions). SQLite's
 * driver compiles the SQL on every {@code prepareStatement}; for the narinfo lookup that cost as
 * much as running it.
 *
 * <p>A statement belongs to the pool's physical connection, so only the thread holding that
 * connection uses it; closing its result set resets it (no read snapshot is held between
 * requests). Statements of connections the pool closed are dropped once the map is full.
 */
final class ReusedStatements {
    /** Well above (reader connections x reused queries); past it, entries of closed connections go. */
    private static final int PURGE_ABOVE = 256;

    private record Key(Connection physical, String sql) {}

    private final Map<Key, PreparedStatement> kept = new ConcurrentHashMap<>();

    /**
     * Runs {@code use} with a statement for {@code sql} on {@code pooled}: a kept one on SQLite, a
     * new one (closed afterwards) on anything else.
     */
    <T> T with(Connection pooled, String sql, Database.StatementUse<T> use) throws SQLException {
        if (!pooled.isWrapperFor(SQLiteConnection.class)) {
            try (PreparedStatement statement = pooled.prepareStatement(sql)) {
                return use.apply(statement);
            }
        }
        Connection physical = pooled.unwrap(SQLiteConnection.class);
        Key key = new Key(physical, sql);
        PreparedStatement statement = kept.get(key);
        if (statement == null || statement.isClosed()) {
            if (kept.size() >= PURGE_ABOVE) {
                kept.keySet().removeIf(ReusedStatements::closed);
            }
            statement = physical.prepareStatement(sql);
            kept.put(key, statement);
        }
        statement.clearParameters();
        return use.apply(statement);
    }

    private static boolean closed(Key key) {
        try {
            return key.physical().isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
