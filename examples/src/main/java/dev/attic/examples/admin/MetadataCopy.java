package dev.attic.examples.admin;

import dev.attic.BackendException;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.examples.server.DatabaseUrl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Copies the metadata tables from one database to another (SQLite or PostgreSQL, either way),
 * keeping every id, in one transaction on the target, then checks each table's row count and
 * checksum on both sides. Plain JDBC, one row at a time: memory does not grow with the tables.
 */
final class MetadataCopy {
    /** The tables in foreign-key order, with the columns that order their rows. */
    static final Map<String, String> TABLES = tables();
    private static final Set<String> BOOLEAN_COLUMNS = Set.of("is_public");
    private static final int BATCH = 1000;

    /** What one table holds: its rows and a SHA-256 over them in key order. */
    record TableSum(long rows, String sha256) {}

    private static Map<String, String> tables() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("cache", "id");
        t.put("nar", "id");
        t.put("chunk", "id");
        t.put("chunkref", "nar_id, seq");
        t.put("object", "id");
        return Collections.unmodifiableMap(t);
    }

    private MetadataCopy() {}

    static Connection connect(DatabaseUrl url) throws SQLException {
        if (url.sqliteFile().isPresent()) {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + url.sqliteFile().get());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 30000");
                s.execute("PRAGMA foreign_keys = ON");
            }
            return c;
        }
        DatabaseUrl.Postgres pg = url.postgres().orElseThrow();
        Properties props = new Properties();
        props.setProperty("user", pg.user());
        props.setProperty("password", pg.password());
        props.setProperty("connectTimeout", "30");
        return DriverManager.getConnection(pg.jdbcUrl(), props);
    }

    /** Row count and checksum of every table. */
    static Map<String, TableSum> sums(Connection c) throws SQLException {
        Map<String, TableSum> sums = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            MessageDigest digest = sha256();
            long rows = 0;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM " + table.getKey() + " ORDER BY " + table.getValue())) {
                List<String> columns = columns(rs.getMetaData());
                while (rs.next()) {
                    rows++;
                    for (String column : columns) {
                        String value = BOOLEAN_COLUMNS.contains(column) ? String.valueOf(rs.getBoolean(column)) : rs.getString(column);
                        if (rs.wasNull()) {
                            value = null;
                        }
                        digest.update((column + "=" + (value == null ? "\u0000" : value) + "\u0001").getBytes(StandardCharsets.UTF_8));
                    }
                    digest.update((byte) '\n');
                }
            }
            sums.put(table.getKey(), new TableSum(rows, HexFormat.of().formatHex(digest.digest())));
        }
        return sums;
    }

    static boolean isEmpty(Map<String, TableSum> sums) {
        return sums.values().stream().allMatch(s -> s.rows() == 0);
    }

    /** Replaces the target's rows by the source's, in one transaction. */
    static void copy(Connection from, Connection to, boolean postgresTarget) throws SQLException {
        boolean auto = to.getAutoCommit();
        to.setAutoCommit(false);
        try {
            List<String> reverse = new ArrayList<>(TABLES.keySet());
            Collections.reverse(reverse);
            try (Statement s = to.createStatement()) {
                for (String table : reverse) {
                    s.executeUpdate("DELETE FROM " + table);
                }
            }
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                copyTable(from, to, table.getKey(), table.getValue());
            }
            if (postgresTarget) {
                try (Statement s = to.createStatement()) {
                    for (String table : TABLES.keySet()) {
                        if (TABLES.get(table).equals("id")) {
                            s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM " + table);
                        }
                    }
                }
            }
            to.commit();
        } catch (SQLException | RuntimeException e) {
            to.rollback();
            throw e;
        } finally {
            to.setAutoCommit(auto);
        }
    }

    private static void copyTable(Connection from, Connection to, String table, String order) throws SQLException {
        Map<String, Integer> targetTypes = new LinkedHashMap<>();
        try (Statement s = to.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                targetTypes.put(md.getColumnName(i).toLowerCase(Locale.ROOT), md.getColumnType(i));
            }
        }
        try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
            List<String> columns = columns(rs.getMetaData());
            if (!Set.copyOf(columns).equals(targetTypes.keySet())) {
                throw new BadInputException(ErrorCode.BAD_REQUEST, "table " + table + " has columns " + columns + " in the source but "
                        + targetTypes.keySet() + " in the target: the two databases are at different schema versions");
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement ps = to.prepareStatement(insert)) {
                int pending = 0;
                while (rs.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        bind(ps, i + 1, rs, columns.get(i), targetTypes.get(columns.get(i)));
                    }
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, int index, ResultSet rs, String column, int type) throws SQLException {
        switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.NUMERIC, Types.DECIMAL -> {
                long v = rs.getLong(column);
                if (rs.wasNull()) {
                    ps.setNull(index, type);
                } else {
                    ps.setLong(index, v);
                }
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean v = rs.getBoolean(column);
                if (rs.wasNull()) {
                    ps.setNull(index, type);
                } else {
                    ps.setBoolean(index, v);
                }
            }
            default -> {
                String v = rs.getString(column);
                if (v == null) {
                    ps.setNull(index, Types.VARCHAR);
                } else {
                    ps.setString(index, v);
                }
            }
        }
    }

    private static List<String> columns(ResultSetMetaData md) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
        }
        Collections.sort(columns);
        return columns;
    }

    static BackendException failed(String what, SQLException e) {
        return new BackendException(ErrorCode.DATABASE_ERROR, what + ": " + e.getMessage(), false, e);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JVM has SHA-256", e);
        }
    }
}
