package dev.attic.metadata.libsql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement, plain ({@code sql} null: the SQL comes with each execute call) or prepared
 * ({@code ?} parameters bound by position). Each execution is one Hrana request; the whole result
 * comes back at once (the metadata queries page with LIMIT, so results stay small).
 */
final class LibsqlStatement extends UnsupportedPreparedStatement {
    private static final Object UNSET = new Object();

    private final LibsqlConnection connection;
    private final String sql;
    private final List<Object> params = new ArrayList<>();
    private final List<Stmt> batch = new ArrayList<>();
    private LibsqlResultSet resultSet;
    private long updateCount = -1;
    private int maxRows;
    private int queryTimeout;
    private boolean closed;

    LibsqlStatement(LibsqlConnection connection, String sql) {
        this.connection = connection;
        this.sql = sql;
    }

    // ---- executing -------------------------------------------------------------------------

    private boolean run(String text, List<Object> args) throws SQLException {
        checkOpen();
        closeResult();
        StatementResult result = connection.run(new Stmt(text, checked(text, args), true));
        if (result.columns().isEmpty()) {
            updateCount = result.affectedRowCount();
            return false;
        }
        resultSet = new LibsqlResultSet(this, result, maxRows);
        return true;
    }

    private static List<Object> checked(String text, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) == UNSET) {
                throw new SQLNonTransientException("parameter " + (i + 1) + " of " + text + " is not set", "07001");
            }
        }
        return args;
    }

    private String prepared() throws SQLException {
        if (sql == null) {
            throw new SQLNonTransientException("a plain statement takes its SQL in execute(sql)");
        }
        return sql;
    }

    private String plain(String text) throws SQLException {
        if (sql != null) {
            throw new SQLNonTransientException("a prepared statement runs its own SQL: call execute()");
        }
        return text;
    }

    @Override
    public boolean execute() throws SQLException {
        return run(prepared(), params);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (!execute()) {
            throw new SQLNonTransientException("the statement returned no result set: " + sql);
        }
        return resultSet;
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) executeLargeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        run(prepared(), params);
        return Math.max(0, updateCount);
    }

    @Override
    public boolean execute(String text) throws SQLException {
        return run(plain(text), List.of());
    }

    @Override
    public ResultSet executeQuery(String text) throws SQLException {
        if (!execute(text)) {
            throw new SQLNonTransientException("the statement returned no result set: " + text);
        }
        return resultSet;
    }

    @Override
    public int executeUpdate(String text) throws SQLException {
        run(plain(text), List.of());
        return (int) Math.max(0, updateCount);
    }

    /** Queues the bound parameters; {@link #executeBatch} sends the queue in one request. */
    @Override
    public void addBatch() throws SQLException {
        batch.add(new Stmt(prepared(), checked(prepared(), params), false));
    }

    @Override
    public void clearBatch() {
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long[] counts = executeLargeBatch();
        int[] ints = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            ints[i] = (int) counts[i];
        }
        return ints;
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        closeResult();
        List<Stmt> queued = List.copyOf(batch);
        batch.clear();
        if (queued.isEmpty()) {
            return new long[0];
        }
        return connection.runAll(queued).stream().mapToLong(StatementResult::affectedRowCount).toArray();
    }

    @Override
    public ResultSet getResultSet() {
        return resultSet;
    }

    @Override
    public int getUpdateCount() {
        return (int) updateCount;
    }

    @Override
    public long getLargeUpdateCount() {
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        closeResult();
        return false;
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        return getMoreResults();
    }

    private void closeResult() throws SQLException {
        if (resultSet != null) {
            resultSet.close();
            resultSet = null;
        }
        updateCount = -1;
    }

    // ---- parameters ------------------------------------------------------------------------

    private void set(int index, Object value) throws SQLException {
        checkOpen();
        if (index < 1 || index > 32766) {
            throw new SQLNonTransientException("no parameter " + index, "07009");
        }
        while (params.size() < index) {
            params.add(UNSET);
        }
        params.set(index - 1, value);
    }

    @Override
    public void clearParameters() {
        params.clear();
    }

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        set(index, null);
    }

    @Override
    public void setNull(int index, int sqlType, String typeName) throws SQLException {
        set(index, null);
    }

    @Override
    public void setBoolean(int index, boolean x) throws SQLException {
        set(index, x ? 1L : 0L);
    }

    @Override
    public void setByte(int index, byte x) throws SQLException {
        set(index, (long) x);
    }

    @Override
    public void setShort(int index, short x) throws SQLException {
        set(index, (long) x);
    }

    @Override
    public void setInt(int index, int x) throws SQLException {
        set(index, (long) x);
    }

    @Override
    public void setLong(int index, long x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setFloat(int index, float x) throws SQLException {
        set(index, (double) x);
    }

    @Override
    public void setDouble(int index, double x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal x) throws SQLException {
        set(index, x == null ? null : x.toPlainString());
    }

    @Override
    public void setString(int index, String x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setBytes(int index, byte[] x) throws SQLException {
        set(index, x == null ? null : x.clone());
    }

    @Override
    public void setObject(int index, Object x) throws SQLException {
        set(index, sqliteValue(x));
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType) throws SQLException {
        set(index, sqliteValue(x));
    }

    static Object sqliteValue(Object x) throws SQLException {
        if (x == null || x instanceof Long || x instanceof Double || x instanceof String) {
            return x;
        }
        if (x instanceof Integer || x instanceof Short || x instanceof Byte) {
            return ((Number) x).longValue();
        }
        if (x instanceof Float f) {
            return f.doubleValue();
        }
        if (x instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (x instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (x instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (x instanceof Character c) {
            return c.toString();
        }
        throw new SQLFeatureNotSupportedException("libSQL driver: cannot bind a " + x.getClass().getName());
    }

    // ---- the rest JDBI and Flyway call -------------------------------------------------------

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLNonTransientException("this statement is closed");
        }
    }

    @Override
    public void close() throws SQLException {
        if (!closed) {
            closeResult();
            closed = true;
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public int getMaxRows() {
        return maxRows;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        if (max < 0) {
            throw new SQLNonTransientException("maxRows is not negative: " + max);
        }
        this.maxRows = max;
    }

    /**
     * Kept for callers that read it back; the deadline of every call is the data source's timeout.
     */
    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        if (seconds < 0) {
            throw new SQLNonTransientException("queryTimeout is not negative: " + seconds);
        }
        this.queryTimeout = seconds;
    }

    @Override
    public int getQueryTimeout() {
        return queryTimeout;
    }

    @Override
    public void setFetchSize(int rows) {
        // the whole result comes in one response
    }

    @Override
    public int getFetchSize() {
        return 0;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (direction != ResultSet.FETCH_FORWARD) {
            throw new SQLFeatureNotSupportedException("libSQL driver: results are read forward only");
        }
    }

    @Override
    public int getFetchDirection() {
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setEscapeProcessing(boolean enable) {
        // no JDBC escapes are rewritten
    }

    @Override
    public int getResultSetType() {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
        // no warnings are kept
    }

    @Override
    public void setPoolable(boolean poolable) {
        // statements are not pooled
    }

    @Override
    public boolean isPoolable() {
        return false;
    }

    @Override
    public void closeOnCompletion() {
        // the result is in memory; closing the statement early frees nothing more
    }

    @Override
    public boolean isCloseOnCompletion() {
        return false;
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }
}
