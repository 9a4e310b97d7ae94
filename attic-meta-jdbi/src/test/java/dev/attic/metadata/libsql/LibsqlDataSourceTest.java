package dev.attic.metadata.libsql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC subset over Hrana, against a real sqld: what DBeaver's driver got wrong, and more. */
class LibsqlDataSourceTest {
    private LibsqlDataSource db;

    @BeforeEach
    void open() throws SQLException {
        String url = TestSqld.url();
        TestSqld.dropAllTables(url);
        db = LibsqlDataSource.open(url, null, Duration.ofSeconds(10), 3);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, data BLOB, n BIGINT, f REAL)");
        }
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private long count(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM t"); ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void setBytesStoresABlobAndExecuteUpdateCountsRows() throws SQLException {
        byte[] data = {0, 1, (byte) 0xff, '[', 'B', '@'};
        try (Connection c = db.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO t (name, data, n, f) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, "x");
            insert.setBytes(2, data);
            insert.setLong(3, Long.MAX_VALUE);
            insert.setNull(4, Types.DOUBLE);
            assertEquals(1, insert.executeUpdate());
            try (PreparedStatement q = c.prepareStatement("SELECT typeof(data), data, n, f, name FROM t");
                    ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("blob", rs.getString(1));
                assertArrayEquals(data, rs.getBytes("data"));
                assertEquals(Long.MAX_VALUE, rs.getLong("n"));
                assertEquals(0.0, rs.getDouble("f"));
                assertTrue(rs.wasNull());
                assertEquals("x", rs.getString("NAME"));
                assertFalse(rs.next());
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE t SET n = n - 1")) {
                assertEquals(1, update.executeUpdate());
            }
        }
    }

    @Test
    void commitIsSeenByOtherConnectionsOnlyAfterwards() throws SQLException {
        try (Connection tx = db.getConnection(); Connection other = db.getConnection()) {
            tx.setAutoCommit(false);
            try (PreparedStatement p = tx.prepareStatement("INSERT INTO t (name) VALUES (?)")) {
                p.setString(1, "a");
                p.executeUpdate();
            }
            assertEquals(1, count(tx));
            assertEquals(0, count(other));
            tx.commit();
            assertEquals(1, count(other));
        }
    }

    @Test
    void rollbackAndCloseWithoutCommitLeaveNothing() throws SQLException {
        try (Connection tx = db.getConnection()) {
            tx.setAutoCommit(false);
            tx.createStatement().executeUpdate("INSERT INTO t (name) VALUES ('rolled back')");
            tx.rollback();
            tx.createStatement().executeUpdate("INSERT INTO t (name) VALUES ('abandoned')");
        }
        try (Connection c = db.getConnection()) {
            assertEquals(0, count(c));
        }
    }

    @Test
    void aFailedStatementInATransactionLeavesItForTheCallerToRollBack() throws SQLException {
        try (Connection tx = db.getConnection()) {
            tx.setAutoCommit(false);
            tx.createStatement().executeUpdate("INSERT INTO t (name) VALUES ('a')");
            assertThrows(SQLIntegrityConstraintViolationException.class,
                    () -> tx.createStatement().executeUpdate("INSERT INTO t (name) VALUES ('a')"));
            assertEquals(1, count(tx));
            tx.rollback();
            assertEquals(0, count(tx));
        }
    }

    @Test
    void aBatchRunsInOneRequestAndStopsAtTheFirstFailure() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement p = c.prepareStatement("INSERT INTO t (name) VALUES (?)")) {
            c.setAutoCommit(false);
            for (String name : new String[] {"a", "b", "c"}) {
                p.setString(1, name);
                p.addBatch();
            }
            assertArrayEquals(new int[] {1, 1, 1}, p.executeBatch());
            for (String name : new String[] {"d", "a", "e"}) {
                p.setString(1, name);
                p.addBatch();
            }
            BatchUpdateException e = assertThrows(BatchUpdateException.class, p::executeBatch);
            assertArrayEquals(new long[] {1}, e.getLargeUpdateCounts());
            assertEquals("23505", e.getSQLState());
            c.commit();
            assertEquals(4, count(c)); // a, b, c, d: e never ran
        }
    }

    @Test
    void connectionsAreBoundedAndAWaitEndsWithATransientError() throws SQLException {
        try (LibsqlDataSource small = LibsqlDataSource.open(TestSqld.url(), null, Duration.ofMillis(300), 1);
                Connection held = small.getConnection()) {
            SQLException e = assertThrows(SQLException.class, small::getConnection);
            assertInstanceOf(SQLTransientConnectionException.class, e);
            held.close();
            try (Connection next = small.getConnection()) {
                assertFalse(next.isClosed());
            }
        }
    }

    @Test
    void metadataReadsAsSqliteAndUnsupportedCallsSaySo() throws SQLException {
        try (Connection c = db.getConnection()) {
            assertEquals("SQLite", c.getMetaData().getDatabaseProductName());
            assertTrue(c.getMetaData().getDatabaseMajorVersion() >= 3);
            SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class,
                    () -> c.prepareCall("SELECT 1"));
            assertTrue(e.getMessage().contains("prepareCall"), e.getMessage());
        }
    }

    @Test
    void aClosedConnectionRefusesWork() throws SQLException {
        Connection c = db.getConnection();
        c.close();
        assertTrue(c.isClosed());
        assertThrows(SQLException.class, c::createStatement);
    }
}
