package dev.attic.metadata.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.attic.metadata.libsql.LibsqlDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the connection pools for the settings of a {@link JdbiMetadata.Builder} and runs the
 * migrations: on SQLite a writer pool of one connection and a reader pool, on PostgreSQL one pool.
 *
 * @param reads where read connections come from (the pool or replica behind {@code reader}), for the
 *     few hot reads that use plain JDBC
 * @param reader the JDBI for reads, over {@code reads}
 * @param writer the JDBI for write transactions (the same as reader on PostgreSQL)
 * @param closers what this store owns and closes (pools, the libSQL client)
 * @param afterWrite runs after each write transaction (the libSQL local replica's cue to sync)
 */
record Connections(ConnectionFactory reads, Jdbi reader, Jdbi writer, List<Runnable> closers, Runnable afterWrite) {
    Connections(ConnectionFactory reads, Jdbi writer, List<Runnable> closers) {
        this(reads, configure(Jdbi.create(reads)), writer, closers, () -> { });
    }

    private static final long SQLITE_MMAP_BYTES = 1L << 30;

    /** What the builder chose; exactly one of sqliteFile, jdbcUrl, dataSource and libsqlUrl is set. */
    record Settings(Path sqliteFile, String jdbcUrl, String user, String password, DataSource dataSource,
            String libsqlUrl, String authToken, Path replicaFile, Duration syncInterval, int maxConnections,
            Duration statementTimeout, Duration connectionTimeout) {
        @Override
        public String toString() {
            Object where = sqliteFile != null ? sqliteFile : jdbcUrl != null ? jdbcUrl
                    : libsqlUrl != null ? libsqlUrl : dataSource;
            return "Settings[" + where + ']';
        }
    }

    /**
     * @throws dev.attic.BackendException if the database cannot be reached or migrated
     */
    static Connections open(Settings settings) {
        List<Runnable> opened = new ArrayList<>();
        try {
            if (settings.sqliteFile() != null) {
                return sqlite(settings, opened);
            }
            return settings.libsqlUrl() != null ? libsql(settings, opened) : postgres(settings, opened);
        } catch (RuntimeException e) {
            opened.forEach(Runnable::run);
            throw DatabaseErrors.translate("open", e);
        }
    }

    private static Connections sqlite(Settings settings, List<Runnable> opened) {
        String url = "jdbc:sqlite:" + settings.sqliteFile().toAbsolutePath();
        // Migrations on a connection of their own, before the one-connection writer pool exists.
        migrate(sqliteDataSource(url, settings, false), Dialect.SQLITE);
        HikariDataSource writer = pool("attic-sqlite-writer", 1, sqliteDataSource(url, settings, true), settings);
        opened.add(writer::close);
        HikariDataSource readers = pool("attic-sqlite-reader", settings.maxConnections(),
                sqliteDataSource(url, settings, false), settings);
        opened.add(readers::close);
        return new Connections(readers::getConnection, jdbi(writer), opened);
    }

    private static SQLiteDataSource sqliteDataSource(String url, Settings settings, boolean writer) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, settings.statementTimeout().toMillis()));
        // Read the file through the OS page cache, shared by every connection, rather than through
        // each connection's small private cache: index probes then cost no system call.
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(SQLITE_MMAP_BYTES));
        if (writer) {
            // Take the write lock at BEGIN, so a transaction never fails half-way with BUSY.
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url);
        return ds;
    }

    /**
     * libSQL through the Hrana driver, with SQLite's dialect and migrations: readers share the
     * HTTP client, and writers go one at a time through a connection whose transactions begin
     * IMMEDIATE, as on SQLite. Nothing is pooled (a connection is only a stream on the server).
     */
    private static Connections libsql(Settings settings, List<Runnable> opened) {
        LibsqlDataSource readers = LibsqlDataSource.open(settings.libsqlUrl(), settings.authToken(),
                settings.statementTimeout(), settings.maxConnections());
        opened.add(readers::close);
        LibsqlDataSource writer = readers.serializedWriter();
        migrate(writer, Dialect.SQLITE);
        if (settings.replicaFile() == null) {
            return new Connections(readers::getConnection, jdbi(writer), opened);
        }
        LocalReplica replica = new LocalReplica(settings.replicaFile(), settings.syncInterval(), readers);
        opened.add(0, replica::close); // stop syncing before the client closes
        try {
            replica.start();
        } catch (java.io.IOException e) {
            throw new dev.attic.BackendException(dev.attic.ErrorCode.DATABASE_ERROR,
                    "cannot create the libSQL local replica at " + settings.replicaFile() + ": " + e, false, e);
        }
        ConnectionFactory reads = () -> replica.readConnection(readers);
        return new Connections(reads, configure(Jdbi.create(reads)), jdbi(writer), opened, replica::wrote);
    }

    private static Connections postgres(Settings settings, List<Runnable> opened) {
        DataSource ds = settings.dataSource();
        if (ds == null) {
            HikariConfig config = baseConfig("attic-postgres", settings.maxConnections(), settings);
            config.setJdbcUrl(settings.jdbcUrl());
            config.setUsername(settings.user());
            config.setPassword(settings.password());
            config.addDataSourceProperty("options",
                    "-c statement_timeout=" + settings.statementTimeout().toMillis());
            config.addDataSourceProperty("connectTimeout", Math.max(1, settings.connectionTimeout().toSeconds()));
            // A backstop for a server that stops answering mid-statement.
            config.addDataSourceProperty("socketTimeout", settings.statementTimeout().toSeconds() + 30);
            HikariDataSource pool = new HikariDataSource(config);
            opened.add(pool::close);
            ds = pool;
        }
        migrate(ds, Dialect.POSTGRESQL);
        Jdbi jdbi = jdbi(ds);
        return new Connections(ds::getConnection, jdbi, jdbi, opened, () -> { });
    }

    private static Jdbi jdbi(DataSource ds) {
        return configure(Jdbi.create(ds));
    }

    private static Jdbi configure(Jdbi jdbi) {
        // Error messages name the statement but never the bound values (a cache's key pair).
        jdbi.getConfig(StatementExceptions.class)
                .setMessageRendering(StatementExceptions.MessageRendering.SHORT_STATEMENT);
        return jdbi;
    }

    private static HikariDataSource pool(String name, int size, DataSource ds, Settings settings) {
        HikariConfig config = baseConfig(name, size, settings);
        config.setDataSource(ds);
        return new HikariDataSource(config);
    }

    private static HikariConfig baseConfig(String name, int size, Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        return config;
    }

    static void migrate(DataSource ds, Dialect dialect) {
        Flyway.configure(JdbiMetadata.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:db/migration")
                .placeholders(dialect.placeholders())
                .load()
                .migrate();
    }
}
