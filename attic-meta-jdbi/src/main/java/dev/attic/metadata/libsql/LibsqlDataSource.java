package dev.attic.metadata.libsql;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for a libSQL server (Turso, or a self-hosted {@code sqld}), speaking Hrana
 * over HTTP. It implements the part of JDBC that JDBI and Flyway use: prepared statements with
 * positional parameters, forward-only result sets, transactions (one Hrana stream each), and
 * database metadata that reads as SQLite. Unsupported calls throw
 * {@link SQLFeatureNotSupportedException}.
 *
 * <pre>{@code
 * try (LibsqlDataSource db = LibsqlDataSource.open("libsql://mydb-me.turso.io", token,
 *         Duration.ofSeconds(30), 10)) {
 *     Jdbi.create(db).withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
 * }
 * }</pre>
 *
 * <p>A connection costs nothing on the server until it runs a statement (HTTP connections are
 * shared), so there is no pool; {@code maxConnections} bounds how many are open at once, and
 * {@link #getConnection()} waits at most the timeout for one to be free. Every HTTP call has the
 * timeout as its deadline.
 */
public final class LibsqlDataSource implements DataSource, AutoCloseable {
    private final HranaClient client;
    private final String url;
    private final Semaphore permits;
    private final Duration timeout;
    private final String begin;
    private final boolean ownsClient;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LibsqlDataSource(HranaClient client, String url, int maxConnections, Duration timeout, String begin,
            boolean ownsClient) {
        this.client = client;
        this.url = url;
        this.permits = new Semaphore(maxConnections, true);
        this.timeout = timeout;
        this.begin = begin;
        this.ownsClient = ownsClient;
    }

    /**
     * @param url {@code libsql://host} (HTTPS), {@code https://host} or {@code http://host:port}
     * @param authToken the database's auth token (a JWT), or null for a server without auth
     * @param timeout the deadline of every HTTP call, and the longest wait for a free connection
     * @param maxConnections how many connections may be open at once (1 to 1000)
     * @throws BadInputException if the URL, timeout or count is not usable
     */
    public static LibsqlDataSource open(String url, String authToken, Duration timeout, int maxConnections) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "the libSQL timeout must be positive, was " + timeout);
        }
        if (maxConnections < 1 || maxConnections > 1000) {
            throw new BadInputException(ErrorCode.BAD_REQUEST,
                    "maxConnections must be 1 to 1000, was " + maxConnections);
        }
        HranaClient client;
        try {
            client = new HranaClient(url, authToken, timeout);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
        return new LibsqlDataSource(client, url.strip(), maxConnections, timeout, "BEGIN", true);
    }

    /**
     * A data source on the same server and HTTP client that hands out one connection at a time,
     * whose transactions begin {@code IMMEDIATE} (taking the write lock at BEGIN): writers of one
     * process queue here instead of failing with SQLITE_BUSY half-way. Closing it closes nothing
     * shared; close this data source to release the client.
     */
    public LibsqlDataSource serializedWriter() {
        return new LibsqlDataSource(client, url, 1, timeout, "BEGIN IMMEDIATE", false);
    }

    /**
     * The primary's replication index now (one cheap round trip): it grows with every committed
     * write, so a reader that saw index i and sees i again knows nothing changed in between.
     *
     * @return the index, or -1 if the server does not report one
     */
    public long replicationIndex() throws SQLException {
        Long index = client.execute(new Stmt("SELECT 1", java.util.List.of(), false)).replicationIndex();
        return index == null ? -1 : index;
    }

    String url() {
        return url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (closed.get()) {
            throw new SQLNonTransientConnectionException("this libSQL data source is closed", "08003");
        }
        try {
            if (!permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SQLTransientConnectionException("no libSQL connection became free within " + timeout
                        + " (" + permits.availablePermits() + " free)", "08001");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTimeoutException("interrupted while waiting for a libSQL connection", e);
        }
        AtomicBoolean released = new AtomicBoolean();
        return new LibsqlConnection(this, client, begin, () -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        });
    }

    /** No users: the auth token given to {@link #open} authenticates every call. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL authenticates with the auth token given to open()");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // logs go through the connections' exceptions, not a writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the timeout given to open() bounds the wait for a connection
    }

    @Override
    public int getLoginTimeout() {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toSeconds());
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the libSQL driver does not log through java.util.logging");
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

    /** Refuses new connections and, on the data source from {@link #open}, stops the HTTP client. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsClient) {
            client.close();
        }
    }
}
