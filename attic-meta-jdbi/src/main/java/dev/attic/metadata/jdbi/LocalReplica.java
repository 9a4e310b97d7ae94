package dev.attic.metadata.jdbi;

import dev.attic.metadata.libsql.LibsqlDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A local, read-only SQLite copy of a libSQL primary, for fast reads. Writes never come here.
 *
 * <p>A sync asks the primary for its replication index (one round trip); if it moved since the
 * last copy, or this process wrote since, it copies the whole database in one read transaction
 * into a new file and swaps it in atomically. Syncs run every {@code interval} and right after
 * each write of this process, one at a time on one thread.
 *
 * <p>{@link #sync} holds this object's monitor while it runs.
 *
 * <p>What a reader gets ({@link #readConnection}): a connection to the copy only if (1) the copy
 * was taken after every write of this process had returned, and (2) the primary was in the
 * copied state at most {@code 2 * interval} ago; otherwise a connection to the primary. So a
 * reader always sees this process's own finished writes, and never data older than
 * {@code 2 * interval}, even while syncs fail.
 */
final class LocalReplica implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalReplica.class);

    /** One installed copy: where it is, and what it is known to contain. */
    private record Copy(SQLiteDataSource data, long writesIncluded, long replicationIndex, long validAtNanos) {}

    private final Path file;
    private final Duration interval;
    private final LibsqlDataSource primary;
    private final ScheduledExecutorService syncer;
    /** Write transactions of this process that have ended. */
    private final AtomicLong writes = new AtomicLong();
    private final AtomicBoolean syncQueued = new AtomicBoolean();
    private final AtomicLong syncs = new AtomicLong();
    private volatile Copy copy;

    LocalReplica(Path file, Duration interval, LibsqlDataSource primary) {
        this.file = file.toAbsolutePath();
        this.interval = interval;
        this.primary = primary;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "attic-libsql-replica");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.syncer = executor;
    }

    /** Starts syncing in the background (start-up does not wait for the first copy). */
    LocalReplica start() throws IOException {
        Files.createDirectories(file.getParent());
        syncer.scheduleWithFixedDelay(this::syncLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Called after each write transaction of this process ends; queues a sync. */
    void wrote() {
        writes.incrementAndGet();
        if (syncQueued.compareAndSet(false, true)) {
            try {
                syncer.execute(this::syncLogged);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                syncQueued.set(false); // closing: reads go to the primary from now on anyway
            }
        }
    }

    /** A connection to the copy if it is fresh enough (see the class comment), else to the primary. */
    Connection readConnection(DataSource primaryReads) throws SQLException {
        Copy c = copy;
        if (c != null && c.writesIncluded() >= writes.get()
                && System.nanoTime() - c.validAtNanos() <= 2 * interval.toNanos()) {
            return c.data().getConnection();
        }
        return primaryReads.getConnection();
    }

    /** True if a read now would be served locally (for tests and health checks). */
    boolean servesLocally() {
        Copy c = copy;
        return c != null && c.writesIncluded() >= writes.get()
                && System.nanoTime() - c.validAtNanos() <= 2 * interval.toNanos();
    }

    /** How many syncs copied the database (for tests). */
    long copies() {
        return syncs.get();
    }

    private void syncLogged() {
        try {
            sync();
        } catch (SQLException | IOException | RuntimeException e) {
            if (syncer.isShutdown()) {
                LOG.debug("libSQL local replica {}: sync stopped by close: {}", file, e.toString());
                return;
            }
            // Not fatal: readers fall back to the primary once the copy is too old.
            LOG.warn("libSQL local replica {}: sync failed, reads use the primary until one succeeds: {}", file,
                    e.toString());
        }
    }

    synchronized void sync() throws SQLException, IOException {
        syncQueued.set(false);
        long writesBefore = writes.get(); // every write counted here has ended before the probe below
        long probedAt = System.nanoTime();
        long index = primary.replicationIndex();
        Copy current = copy;
        if (current != null && index >= 0 && index == current.replicationIndex()) {
            // Nothing was written anywhere since that copy: it is still the primary's state.
            copy = new Copy(current.data(), writesBefore, index, probedAt);
            return;
        }
        Path next = file.resolveSibling(file.getFileName() + ".sync");
        Files.deleteIfExists(next);
        SQLiteDataSource target = dataSource(next, false);
        Connections.migrate(target, Dialect.SQLITE);
        try (Connection from = primary.getConnection(); Connection to = target.getConnection()) {
            from.setAutoCommit(false); // one snapshot of the primary
            to.setAutoCommit(false);
            MetadataMigration.copyTables(from, to);
            to.commit();
            from.rollback();
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        copy = new Copy(dataSource(file, true), writesBefore, index, probedAt);
        syncs.incrementAndGet();
    }

    private static SQLiteDataSource dataSource(Path path, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        // A self-contained file (no WAL beside it), so a rename swaps all of it at once.
        config.setJournalMode(SQLiteConfig.JournalMode.DELETE);
        config.setReadOnly(readOnly);
        config.setBusyTimeout(10_000);
        if (!readOnly) {
            config.setSynchronous(SQLiteConfig.SynchronousMode.OFF); // a lost copy is made again
        }
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + path);
        return ds;
    }

    @Override
    public void close() {
        syncer.shutdownNow();
        try {
            if (!syncer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("libSQL local replica {}: a sync did not stop within 10 s", file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        copy = null;
    }
}
