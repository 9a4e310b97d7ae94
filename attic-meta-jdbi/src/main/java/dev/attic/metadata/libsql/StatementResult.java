package dev.attic.metadata.libsql;

import java.util.List;

/**
 * What the server answered to one statement. Values in rows are {@code null}, {@link Long},
 * {@link Double}, {@link String} or {@code byte[]}.
 *
 * @param columns the column names, in order
 * @param declaredTypes the declared type of each column ({@code null} for an expression)
 * @param rows the rows (unmodifiable; an inner row may hold nulls)
 * @param affectedRowCount rows changed by an INSERT, UPDATE or DELETE
 * @param lastInsertRowid the rowid of the last inserted row, if the statement inserted one
 * @param replicationIndex the primary's replication (WAL frame) index when it ran, if the server
 *     reports one: it grows with every write, so an unchanged index means unchanged data
 */
record StatementResult(List<String> columns, List<String> declaredTypes, List<List<Object>> rows,
        long affectedRowCount, Long lastInsertRowid, Long replicationIndex) {
    StatementResult {
        columns = List.copyOf(columns);
        if (declaredTypes.size() != columns.size()) {
            throw new IllegalArgumentException("one declared type per column");
        }
        declaredTypes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(declaredTypes));
        rows = java.util.Collections.unmodifiableList(rows);
    }
}
