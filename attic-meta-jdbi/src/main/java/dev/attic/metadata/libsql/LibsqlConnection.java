package dev.attic.metadata.libsql;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A JDBC connection to libSQL. In auto-commit mode each statement runs on a Hrana stream of its
 * own; a transaction is one stream, begun together with its first statement (in one batch, so the
 * statement never runs if BEGIN failed) and ended by COMMIT or ROLLBACK, which also close it.
 */
final class LibsqlConnection extends UnsupportedConnection {
    private final LibsqlDataSource source;
    private final HranaClient client;
    private final String begin;
    private final Runnable release;
    private boolean autoCommit = true;
    private HranaStream transaction;
    private boolean closed;

    LibsqlConnection(LibsqlDataSource source, HranaClient client, String begin, Runnable release) {
        this.source = source;
        this.client = client;
        this.begin = begin;
        this.release = release;
    }

    /** Runs one statement, in the current transaction if there is one. */
    StatementResult run(Stmt stmt) throws SQLException {
        checkOpen();
        if (autoCommit) {
            return client.execute(stmt);
        }
        return runAll(List.of(stmt)).get(0);
    }

    /**
     * Runs statements in order in one request, each only if the one before succeeded, in the
     * current transaction (begun here if needed) or, in auto-commit mode, on a stream of their own
     * (each statement then commits by itself). The first failure is thrown as a
     * {@link BatchUpdateException} holding the update counts of the statements before it.
     */
    List<StatementResult> runAll(List<Stmt> stmts) throws SQLException {
        checkOpen();
        boolean begin = !autoCommit && transaction == null;
        List<BatchStep> steps = new ArrayList<>(stmts.size() + 1);
        if (begin) {
            steps.add(new BatchStep(null, new Stmt(this.begin, List.of(), false)));
        }
        for (Stmt stmt : stmts) {
            steps.add(new BatchStep(steps.isEmpty() ? null : BatchCondition.ok(steps.size() - 1), stmt));
        }
        HranaStream stream = autoCommit || begin ? client.openStream() : transaction;
        BatchResult result;
        try {
            result = autoCommit ? stream.batchAndClose(steps) : stream.batch(steps);
        } catch (SQLException e) {
            if (stream != transaction) {
                stream.close();
            }
            throw e;
        }
        if (begin) {
            if (result.errors().get(0) != null) {
                stream.close();
                throw result.errors().get(0);
            }
            transaction = stream; // from here on the caller commits or rolls back
        }
        int first = begin ? 1 : 0;
        List<StatementResult> results = new ArrayList<>(stmts.size());
        for (int i = first; i < steps.size(); i++) {
            SQLException error = result.errors().get(i);
            if (error != null) {
                if (stmts.size() == 1) {
                    throw error;
                }
                long[] counts = results.stream().mapToLong(StatementResult::affectedRowCount).toArray();
                throw new BatchUpdateException(error.getMessage(), error.getSQLState(), error.getErrorCode(),
                        counts, error);
            }
            results.add(result.results().get(i));
        }
        return results;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLNonTransientConnectionException("this libSQL connection is closed", "08003");
        }
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        HranaStream stream = transaction;
        transaction = null;
        if (stream == null) {
            return;
        }
        if (!stream.isOpenOnServer()) {
            throw new SQLTransactionRollbackException(
                    "the libSQL stream of this transaction was lost, so the transaction was rolled back", "40000");
        }
        try {
            stream.executeAndClose(new Stmt("COMMIT", List.of(), false));
        } finally {
            stream.close();
        }
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        HranaStream stream = transaction;
        transaction = null;
        if (stream == null || !stream.isOpenOnServer()) {
            return; // nothing began, or the server dropped the stream and with it the transaction
        }
        try {
            stream.executeAndClose(new Stmt("ROLLBACK", List.of(), false));
        } finally {
            stream.close();
        }
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (autoCommit && !this.autoCommit) {
            commit();
        }
        this.autoCommit = autoCommit;
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        try {
            rollback();
        } finally {
            closed = true;
            release.run();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isValid(int timeoutSeconds) {
        if (closed) {
            return false;
        }
        try {
            client.execute(new Stmt("SELECT 1", List.of(), true));
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return new LibsqlStatement(this, null);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        forwardOnly(resultSetType, resultSetConcurrency);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return new LibsqlStatement(this, sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        forwardOnly(resultSetType, resultSetConcurrency);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys != Statement.NO_GENERATED_KEYS) {
            throw new SQLFeatureNotSupportedException("libSQL driver: generated keys are not supported (use RETURNING)");
        }
        return prepareStatement(sql);
    }

    private static void forwardOnly(int type, int concurrency) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw new SQLFeatureNotSupportedException(
                    "libSQL driver: only forward-only, read-only result sets are supported");
        }
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new LibsqlDatabaseMetaData(this, source.url());
    }

    @Override
    public String nativeSQL(String sql) {
        return sql;
    }

    @Override
    public int getTransactionIsolation() {
        return Connection.TRANSACTION_SERIALIZABLE;
    }

    /** SQLite transactions are serializable; asking for a weaker level still gets that. */
    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
    }

    @Override
    public String getCatalog() {
        return null;
    }

    @Override
    public void setCatalog(String catalog) {
        // SQLite has no catalogs; JDBC says a driver that has none ignores this.
    }

    @Override
    public String getSchema() {
        return "main";
    }

    @Override
    public int getHoldability() {
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
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        throw new SQLClientInfoException("libSQL driver: no client info", Map.of());
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        throw new SQLClientInfoException("libSQL driver: no client info", Map.of());
    }

    @Override
    public Properties getClientInfo() {
        return new Properties();
    }

    @Override
    public String getClientInfo(String name) {
        return null;
    }

    @Override
    public int getNetworkTimeout() {
        return (int) Math.min(Integer.MAX_VALUE, client.timeout().toMillis());
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        throw new SQLFeatureNotSupportedException(
                "libSQL driver: the timeout of every call is set on LibsqlDataSource");
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
