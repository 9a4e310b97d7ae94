package dev.attic.metadata.jdbi;

import dev.attic.BackendException;
import dev.attic.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The connections, the dialect and the clock, with the two ways in: {@link #read} (one statement
 * in auto-commit) and {@link #write} (one transaction). Every exception leaves as an
 * {@link dev.attic.AtticException}.
 *
 * <p>On SQLite the writer is its own pool of one connection whose transactions begin IMMEDIATE:
 * writers queue in the pool instead of failing with SQLITE_BUSY, and readers (WAL) never wait.
 * On PostgreSQL both are the same pool.
 */
final class Database {
    /** Rows bound per IN-list, well below SQLite's 32766 variables. */
    static final int IN_LIST_BATCH = 500;
    private static final int UNIQUE_RACE_RETRIES = 5;
    /**
     * Runs of a transaction the server rolled back for a deadlock or serialization conflict. Many
     * uploads of one NAR at once can meet again if they all retry at once, so each retry waits a
     * random few milliseconds more than the last.
     */
    private static final int CONFLICT_RETRIES = 12;

    final Dialect dialect;
    final Clock clock;
    /** How long a row stays held after an operation referenced it; see {@link JdbiMetadata}. */
    final long referenceGraceMillis;
    private final ConnectionFactory reads;
    private final ReusedStatements statements = new ReusedStatements();
    private final UnchangedReads unchanged = new UnchangedReads(statements);
    private final Jdbi reader;
    private final Jdbi writer;
    private final Runnable afterWrite;

    /**
     * @param reads where {@code reader}'s connections come from, for {@link #readUnlessUnchanged}
     * @param afterWrite runs after every write transaction ends, committed or not (the replica's cue)
     */
    Database(Dialect dialect, ConnectionFactory reads, Jdbi reader, Jdbi writer, Clock clock, Duration referenceGrace,
            Runnable afterWrite) {
        this.reads = Objects.requireNonNull(reads);
        this.afterWrite = Objects.requireNonNull(afterWrite);
        this.dialect = Objects.requireNonNull(dialect);
        this.reader = Objects.requireNonNull(reader);
        this.writer = Objects.requireNonNull(writer);
        this.clock = Objects.requireNonNull(clock);
        this.referenceGraceMillis = referenceGrace.toMillis();
    }

    long now() {
        return clock.millis();
    }

    <T> T read(String what, HandleCallback<T, RuntimeException> callback) {
        try {
            return reader.withHandle(callback);
        } catch (RuntimeException e) {
            throw DatabaseErrors.translate(what, e);
        }
    }

    /** What a plain read does with its prepared statement (bind, execute, map; closing the result set). */
    interface StatementUse<T> {
        T apply(java.sql.PreparedStatement statement) throws SQLException;
    }

    /**
     * One read in auto-commit with plain JDBC and a statement prepared once per connection
     * ({@link ReusedStatements}), answered from what {@link UnchangedReads} remembers for
     * {@code key} while the database has not changed (SQLite only; elsewhere it is always read).
     * For the hottest path (a narinfo): JDBI's handle, its SQL parsing and name-based mapping, and
     * SQLite's compiling of the statement cost more there than the query itself.
     */
    <T> T readUnlessUnchanged(String what, Object key, String sql, StatementUse<T> use) {
        try (Connection connection = reads.openConnection()) {
            return unchanged.answer(connection, key, () -> statements.with(connection, sql, use));
        } catch (SQLException e) {
            throw DatabaseErrors.translate(what, e);
        } catch (RuntimeException e) {
            throw DatabaseErrors.translate(what, e);
        }
    }

    /**
     * Runs one transaction. On PostgreSQL two transactions may race to insert the same unique key
     * (a valid NAR or chunk of one hash); the loser fails with a unique violation, and is run again
     * so it sees the winner's row and takes the path for "already there".
     */
    <T> T write(String what, HandleCallback<T, RuntimeException> callback) {
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return writer.inTransaction(callback);
                } catch (RuntimeException e) {
                    // a unique race, or a deadlock the server broke by rolling this transaction back:
                    // the transaction did nothing, so it runs again (and now sees the other's result)
                    if (attempt < UNIQUE_RACE_RETRIES && DatabaseErrors.isUniqueViolation(e)) {
                        continue;
                    }
                    if (attempt < CONFLICT_RETRIES && DatabaseErrors.isRolledBackConflict(e)) {
                        backOff(attempt);
                        continue;
                    }
                    throw DatabaseErrors.translate(what, e);
                }
            }
        } finally {
            // Even after a failure: the COMMIT may have reached the server though its answer did not.
            afterWrite.run();
        }
    }

    /** Waits 1 to 5 × {@code attempt} ms at random, so transactions that deadlocked do not meet again in step. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(ErrorCode.DATABASE_ERROR, "interrupted while retrying a transaction", true, e);
        }
    }

    /**
     * Locks these chunk rows in ascending id order, for a transaction that is about to update them
     * (on PostgreSQL: {@code SELECT ... ORDER BY id FOR UPDATE} locks rows in the sorted order; an
     * {@code UPDATE ... WHERE id IN (...)} locks them in whatever order its plan visits them, such
     * as their place on disk, so two transactions sharing chunks could lock them crosswise and
     * deadlock). SQLite has one writer at a time and needs nothing.
     */
    void lockChunksInIdOrder(Handle handle, Collection<Long> ids) {
        if (dialect != Dialect.POSTGRESQL || ids.isEmpty()) {
            return;
        }
        for (List<Long> part : batches(new ArrayList<>(new TreeSet<>(ids)))) {
            handle.createQuery("SELECT id FROM chunk WHERE id IN (<ids>) ORDER BY id FOR UPDATE")
                    .bindList("ids", part)
                    .mapTo(Long.class)
                    .list();
        }
    }

    /** Splits a list into IN-list sized pieces. */
    static <T> List<List<T>> batches(List<T> all) {
        return com.google.common.collect.Lists.partition(all, IN_LIST_BATCH);
    }
}
