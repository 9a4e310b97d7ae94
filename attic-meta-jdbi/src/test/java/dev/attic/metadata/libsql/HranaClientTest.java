package dev.attic.metadata.libsql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Hrana client against a real sqld ({@code ATTIC_TEST_LIBSQL_URL}). */
class HranaClientTest {
    private HranaClient client;

    @BeforeEach
    void connect() throws SQLException {
        String url = TestSqld.url();
        TestSqld.dropAllTables(url);
        client = new HranaClient(url, null, Duration.ofSeconds(10));
        client.execute(Stmt.of("CREATE TABLE v (id INTEGER PRIMARY KEY, x ANY, UNIQUE (x))"));
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private Object roundTrip(Object value) throws SQLException {
        StatementResult inserted = client.execute(Stmt.of("INSERT INTO v (x) VALUES (?) RETURNING id, typeof(x)", value));
        long id = (Long) inserted.rows().get(0).get(0);
        StatementResult read = client.execute(Stmt.of("SELECT x FROM v WHERE id = ?", id));
        return read.rows().get(0).get(0);
    }

    @Test
    void integersKeepAll64BitsBeyondTwoToThe53() throws SQLException {
        for (long v : new long[] {(1L << 53) + 1, Long.MAX_VALUE, Long.MIN_VALUE, -1, 0}) {
            assertEquals(v, roundTrip(v));
        }
        assertEquals("integer", client.execute(Stmt.of("SELECT typeof(?)", Long.MAX_VALUE)).rows().get(0).get(0));
    }

    @Test
    void blobsKeepEveryByteValue() throws SQLException {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertArrayEquals(all, (byte[]) roundTrip(all));
        assertArrayEquals(new byte[0], (byte[]) roundTrip(new byte[0]));
        // The server sees a blob of 256 bytes, not text.
        assertEquals(List.of("blob", 256L), client.execute(Stmt.of("SELECT typeof(?), length(?)", all, all))
                .rows().get(0));
    }

    @Test
    void textKeepsUnicodeAndFloatsAndNullsSurvive() throws SQLException {
        String text = "naïve 日本語 \uD83D\uDE00 \"quoted\" \\ back\nslash";
        assertEquals(text, roundTrip(text));
        assertEquals(0.1, roundTrip(0.1));
        assertEquals(-1.5e300, roundTrip(-1.5e300));
        assertNull(roundTrip(null));
        assertEquals(List.of("real", "null", "text"),
                client.execute(Stmt.of("SELECT typeof(?), typeof(?), typeof(?)", 2.5, null, "1")).rows().get(0));
    }

    @Test
    void executeReportsColumnsAffectedRowsAndLastRowid() throws SQLException {
        StatementResult insert = client.execute(new Stmt("INSERT INTO v (x) VALUES (1), (2)", List.of(), false));
        assertEquals(2, insert.affectedRowCount());
        assertEquals(2L, insert.lastInsertRowid());
        StatementResult select = client.execute(Stmt.of("SELECT id, x AS value FROM v ORDER BY id"));
        assertEquals(List.of("id", "value"), select.columns());
        assertEquals("INTEGER", select.declaredTypes().get(0));
        assertEquals(List.of(List.of(1L, 1L), List.of(2L, 2L)), select.rows());
    }

    @Test
    void batchRunsEachStepOnlyWhenItsConditionHolds() throws SQLException {
        client.execute(Stmt.of("INSERT INTO v (x) VALUES ('taken')"));
        BatchResult result = client.batch(List.of(
                new BatchStep(null, Stmt.of("INSERT INTO v (x) VALUES ('a')")),
                new BatchStep(BatchCondition.ok(0), Stmt.of("INSERT INTO v (x) VALUES ('taken')")),
                new BatchStep(BatchCondition.ok(1), Stmt.of("INSERT INTO v (x) VALUES ('never')")),
                new BatchStep(BatchCondition.error(1), Stmt.of("INSERT INTO v (x) VALUES ('after error')")),
                new BatchStep(BatchCondition.and(BatchCondition.ok(0), BatchCondition.not(BatchCondition.ok(1))),
                        Stmt.of("INSERT INTO v (x) VALUES ('and not')")),
                new BatchStep(BatchCondition.or(BatchCondition.ok(2), BatchCondition.error(0)),
                        Stmt.of("INSERT INTO v (x) VALUES ('or')"))));
        assertTrue(result.results().get(0) != null);
        assertInstanceOf(SQLIntegrityConstraintViolationException.class, result.errors().get(1));
        assertFalse(result.ran(2));
        assertTrue(result.results().get(3) != null);
        assertTrue(result.results().get(4) != null);
        assertFalse(result.ran(5));
        assertEquals(List.of(List.of("a"), List.of("after error"), List.of("and not"), List.of("taken")),
                client.execute(Stmt.of("SELECT x FROM v ORDER BY x")).rows());
    }

    @Test
    void transactionOnOneStreamIsInvisibleToOthersUntilCommit() throws SQLException {
        try (HranaStream tx = client.openStream()) {
            tx.execute(Stmt.of("BEGIN"));
            tx.execute(Stmt.of("INSERT INTO v (x) VALUES ('committed')"));
            assertEquals(List.of(List.of(1L)), tx.execute(Stmt.of("SELECT count(*) FROM v")).rows());
            assertEquals(List.of(List.of(0L)), client.execute(Stmt.of("SELECT count(*) FROM v")).rows());
            tx.executeAndClose(Stmt.of("COMMIT"));
            assertFalse(tx.isOpenOnServer());
        }
        assertEquals(List.of(List.of("committed")), client.execute(Stmt.of("SELECT x FROM v")).rows());
    }

    @Test
    void rolledBackTransactionLeavesNothing() throws SQLException {
        try (HranaStream tx = client.openStream()) {
            tx.execute(Stmt.of("BEGIN"));
            tx.execute(Stmt.of("INSERT INTO v (x) VALUES ('rolled back')"));
            tx.executeAndClose(Stmt.of("ROLLBACK"));
        }
        assertEquals(List.of(List.of(0L)), client.execute(Stmt.of("SELECT count(*) FROM v")).rows());
    }

    @Test
    void closingAStreamMidTransactionRollsItBack() throws SQLException {
        try (HranaStream tx = client.openStream()) {
            tx.execute(Stmt.of("BEGIN"));
            tx.execute(Stmt.of("INSERT INTO v (x) VALUES ('abandoned')"));
        }
        assertEquals(List.of(List.of(0L)), client.execute(Stmt.of("SELECT count(*) FROM v")).rows());
    }

    @Test
    void constraintViolationsAreTypedAndSayUniqueOrNot() throws SQLException {
        client.execute(Stmt.of("CREATE TABLE n (a TEXT NOT NULL)"));
        client.execute(Stmt.of("INSERT INTO v (x) VALUES (7)"));
        SQLIntegrityConstraintViolationException unique = assertThrows(SQLIntegrityConstraintViolationException.class,
                () -> client.execute(Stmt.of("INSERT INTO v (x) VALUES (7)")));
        assertEquals("23505", unique.getSQLState());
        assertTrue(unique.getMessage().contains("UNIQUE"), unique.getMessage());
        SQLIntegrityConstraintViolationException notNull = assertThrows(
                SQLIntegrityConstraintViolationException.class, () -> client.execute(Stmt.of("INSERT INTO n VALUES (NULL)")));
        assertEquals("23000", notNull.getSQLState());
    }

    @Test
    void sqlErrorsArePermanentAndNameTheProblem() {
        SQLException e = assertThrows(SQLException.class, () -> client.execute(Stmt.of("SELEKT 1")));
        assertFalse(e instanceof SQLTransientException, e.toString());
        assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
        SQLException missing = assertThrows(SQLException.class, () -> client.execute(Stmt.of("SELECT * FROM nope")));
        assertTrue(missing.getMessage().contains("no such table: nope"), missing.getMessage());
    }

    @Test
    void aBatonTheServerDoesNotKnowIsATransientLostTransaction() {
        SQLException e = assertThrows(SQLException.class, () -> client.pipeline(client.baseUrl(), "not-a-baton",
                List.of(HranaClient.executeRequest(Stmt.of("SELECT 1")))));
        assertInstanceOf(SQLTransactionRollbackException.class, e);
    }

    @Test
    void aStatementAfterCloseIsRefused() throws SQLException {
        HranaStream stream = client.openStream();
        stream.executeAndClose(Stmt.of("SELECT 1"));
        SQLException e = assertThrows(SQLException.class, () -> stream.execute(Stmt.of("SELECT 1")));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void manyStatementsRunInOneBatchRequest() throws SQLException {
        BatchStep[] steps = new BatchStep[300];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new BatchStep(null, Stmt.of("INSERT INTO v (x) VALUES (?)", (long) i));
        }
        BatchResult result = client.batch(Arrays.asList(steps));
        assertTrue(result.errors().stream().allMatch(java.util.Objects::isNull));
        assertEquals(List.of(List.of(300L, 44850L)), client.execute(Stmt.of("SELECT count(*), sum(x) FROM v")).rows());
    }
}
