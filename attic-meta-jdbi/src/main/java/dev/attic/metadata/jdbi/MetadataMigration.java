package dev.attic.metadata.jdbi;

import dev.attic.BackendException;
import dev.attic.BadInputException;
import dev.attic.ConflictException;
import dev.attic.ErrorCode;
import dev.attic.metadata.libsql.LibsqlDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Copies the metadata of a SQLite file into a libSQL (Turso) database, for {@code atticadm
 * migrate-to-turso}. Both are brought to the current schema first (as atticd does when it opens
 * them). The copy is one transaction on the target, so a failed run leaves it as it was; it is
 * then verified table by table: row counts and a SHA-256 of the rows in key order, read back from
 * both sides.
 *
 * <p>Safe to re-run: a target that already holds exactly the source's rows is left alone
 * ({@link MigrationReport.Outcome#ALREADY_COPIED}); one that holds other rows is refused unless
 * {@code force}, which replaces them. Stop the servers that write the source while it runs.
 * Rows are read and written in pages, so memory does not grow with the database.
 */
public final class MetadataMigration {
    /** The tables, parents before children (foreign keys), with their key columns. */
    private static final List<Map.Entry<String, List<String>>> TABLES = List.of(
            Map.entry("cache", List.of("id")),
            Map.entry("nar", List.of("id")),
            Map.entry("chunk", List.of("id")),
            Map.entry("chunkref", List.of("nar_id", "seq")),
            Map.entry("object", List.of("id")));
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "sqlite_sequence");
    private static final int PAGE = 500;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private MetadataMigration() {}

    /**
     * Copies every table of the SQLite file {@code source} into the libSQL database at
     * {@code libsqlUrl}.
     *
     * @param force replace whatever rows the target holds (otherwise a non-empty target that is
     *     not already an exact copy is refused)
     * @return per-table counts and checksums, equal on both sides
     * @throws BadInputException if the source file does not exist or has tables this version does
     *     not know
     * @throws ConflictException if the target holds other rows and {@code force} is false
     * @throws BackendException if either database fails, or the copy does not verify
     */
    public static MigrationReport sqliteToLibsql(Path source, String libsqlUrl, String authToken, boolean force) {
        if (source == null || !Files.isRegularFile(source)) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "no SQLite metadata file at " + source);
        }
        SQLiteDataSource sqlite = sqliteDataSource(source);
        try (LibsqlDataSource libsql = LibsqlDataSource.open(libsqlUrl, authToken, TIMEOUT, 2)) {
            Connections.migrate(sqlite, Dialect.SQLITE);
            Connections.migrate(libsql.serializedWriter(), Dialect.SQLITE);
            return migrate(sqlite, libsql.serializedWriter(), force);
        } catch (SQLException e) {
            throw DatabaseErrors.translate("migrate metadata to libSQL", new RuntimeException(e));
        } catch (RuntimeException e) {
            throw DatabaseErrors.translate("migrate metadata to libSQL", e);
        }
    }

    private static SQLiteDataSource sqliteDataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) TIMEOUT.toMillis());
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    static MigrationReport migrate(DataSource sourceDb, DataSource targetDb, boolean force) throws SQLException {
        try (Connection source = sourceDb.getConnection(); Connection target = targetDb.getConnection()) {
            source.setAutoCommit(false); // one read snapshot of the source for the whole run
            checkKnownTables(source);
            MigrationReport.Outcome outcome = MigrationReport.Outcome.COPIED;
            if (!isEmpty(target)) {
                List<MigrationReport.Table> existing = verify(source, target);
                if (existing.stream().allMatch(MigrationReport.Table::matches)) {
                    source.rollback();
                    return new MigrationReport(MigrationReport.Outcome.ALREADY_COPIED, existing);
                }
                if (!force) {
                    throw new ConflictException(ErrorCode.BAD_REQUEST, "the libSQL database already holds"
                            + " metadata that is not a copy of this SQLite file; pass force (atticadm"
                            + " migrate-to-turso --force) to replace it");
                }
                outcome = MigrationReport.Outcome.REPLACED;
            }
            target.setAutoCommit(false);
            try {
                if (outcome == MigrationReport.Outcome.REPLACED) {
                    try (Statement s = target.createStatement()) {
                        for (int i = TABLES.size() - 1; i >= 0; i--) {
                            s.executeUpdate("DELETE FROM " + TABLES.get(i).getKey());
                        }
                    }
                }
                copyTables(source, target);
                target.commit();
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            } finally {
                target.setAutoCommit(true);
            }
            List<MigrationReport.Table> tables = verify(source, target);
            source.rollback();
            for (MigrationReport.Table t : tables) {
                if (!t.matches()) {
                    throw new BackendException(ErrorCode.DATABASE_ERROR, "the copy of table " + t.name()
                            + " does not verify: " + t, false, null);
                }
            }
            return new MigrationReport(outcome, tables);
        }
    }

    /**
     * Copies every table's rows from {@code source} (read in its current transaction) into the
     * empty tables of {@code target} (in its current transaction; the caller commits).
     */
    static void copyTables(Connection source, Connection target) throws SQLException {
        checkKnownTables(source);
        for (Map.Entry<String, List<String>> table : TABLES) {
            copy(source, target, table.getKey(), table.getValue());
        }
    }

    private static void checkKnownTables(Connection source) throws SQLException {
        Set<String> found = new TreeSet<>();
        try (Statement s = source.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        found.removeAll(NOT_COPIED);
        // The engines' own bookkeeping (sqlite_stat1, libsql_wasm_func_table, ...) is not metadata.
        found.removeIf(name -> name.startsWith("sqlite_") || name.startsWith("libsql_"));
        TABLES.forEach(t -> found.remove(t.getKey()));
        if (!found.isEmpty()) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "the SQLite file has tables this version does not"
                    + " migrate: " + found + " (is it an Attic metadata file of a newer version?)");
        }
    }

    private static boolean isEmpty(Connection target) throws SQLException {
        for (Map.Entry<String, List<String>> table : TABLES) {
            if (count(target, table.getKey()) > 0) {
                return false;
            }
        }
        return true;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void copy(Connection source, Connection target, String table, List<String> key)
            throws SQLException {
        PreparedStatement[] insert = new PreparedStatement[1];
        try {
            scan(source, table, key, (columns, row) -> {
                if (insert[0] == null) {
                    insert[0] = target.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                            + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")");
                }
                for (int i = 0; i < row.size(); i++) {
                    insert[0].setObject(i + 1, row.get(i));
                }
                insert[0].addBatch();
            }, () -> {
                if (insert[0] != null) {
                    insert[0].executeBatch();
                }
            });
        } finally {
            if (insert[0] != null) {
                insert[0].close();
            }
        }
    }

    private static List<MigrationReport.Table> verify(Connection source, Connection target) throws SQLException {
        List<MigrationReport.Table> tables = new ArrayList<>();
        for (Map.Entry<String, List<String>> table : TABLES) {
            Digest s = digest(source, table.getKey(), table.getValue());
            Digest t = digest(target, table.getKey(), table.getValue());
            tables.add(new MigrationReport.Table(table.getKey(), s.rows, t.rows, s.hex(), t.hex()));
        }
        return tables;
    }

    private static Digest digest(Connection c, String table, List<String> key) throws SQLException {
        Digest digest = new Digest();
        scan(c, table, key, (columns, row) -> digest.add(row), () -> { });
        return digest;
    }

    private interface RowSink {
        void accept(List<String> columns, List<Object> row) throws SQLException;
    }

    private interface PageEnd {
        void run() throws SQLException;
    }

    /**
     * Reads a table in key order, a page at a time (keyset paging), normalizing values to the
     * five SQLite types (integers as Long), and calls {@code pageEnd} after each page.
     */
    private static void scan(Connection c, String table, List<String> key, RowSink sink, PageEnd pageEnd)
            throws SQLException {
        String keys = String.join(", ", key);
        String first = "SELECT * FROM " + table + " ORDER BY " + keys + " LIMIT " + PAGE;
        String next = "SELECT * FROM " + table + " WHERE (" + keys + ") > ("
                + String.join(", ", java.util.Collections.nCopies(key.size(), "?")) + ") ORDER BY " + keys
                + " LIMIT " + PAGE;
        List<Object> last = null;
        while (true) {
            try (PreparedStatement p = c.prepareStatement(last == null ? first : next)) {
                if (last != null) {
                    for (int i = 0; i < last.size(); i++) {
                        p.setObject(i + 1, last.get(i));
                    }
                }
                int rows = 0;
                try (ResultSet rs = p.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        columns.add(meta.getColumnLabel(i));
                    }
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>(columns.size());
                        for (int i = 1; i <= columns.size(); i++) {
                            row.add(normalize(rs.getObject(i)));
                        }
                        sink.accept(columns, row);
                        last = new ArrayList<>();
                        for (String k : key) {
                            last.add(row.get(columns.indexOf(k)));
                        }
                        rows++;
                    }
                }
                pageEnd.run();
                if (rows < PAGE) {
                    return;
                }
            }
        }
    }

    private static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        return v;
    }

    /** SHA-256 over rows, each value tagged with its type and length-prefixed where variable. */
    private static final class Digest {
        private final MessageDigest sha;
        private long rows;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new BackendException(ErrorCode.INTERNAL, "no SHA-256 in this JVM", false, e);
            }
        }

        void add(List<Object> row) {
            rows++;
            sha.update((byte) 'R');
            for (Object v : row) {
                if (v == null) {
                    sha.update((byte) 'N');
                } else if (v instanceof Long l) {
                    sha.update((byte) 'I');
                    bytes(Long.toString(l).getBytes(StandardCharsets.US_ASCII));
                } else if (v instanceof Double d) {
                    sha.update((byte) 'F');
                    bytes(Long.toString(Double.doubleToLongBits(d)).getBytes(StandardCharsets.US_ASCII));
                } else if (v instanceof String s) {
                    sha.update((byte) 'T');
                    bytes(s.getBytes(StandardCharsets.UTF_8));
                } else if (v instanceof byte[] b) {
                    sha.update((byte) 'B');
                    bytes(b);
                } else {
                    throw new BackendException(ErrorCode.INTERNAL, "unexpected column value of type "
                            + v.getClass().getName(), false, null);
                }
            }
        }

        private void bytes(byte[] b) {
            sha.update(Long.toString(b.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            sha.update(b);
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
