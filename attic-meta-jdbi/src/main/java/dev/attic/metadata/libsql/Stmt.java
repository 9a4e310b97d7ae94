package dev.attic.metadata.libsql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One SQL statement with positional arguments, as Hrana sends it. An argument is {@code null},
 * a {@link Long}, a {@link Double}, a {@link String} or a {@code byte[]} (the five SQLite types).
 *
 * @param sql the SQL text, with {@code ?} placeholders
 * @param args the positional arguments (may contain nulls, so not a {@code List.copyOf})
 * @param wantRows whether the server should send the rows back
 */
record Stmt(String sql, List<Object> args, boolean wantRows) {
    Stmt {
        Objects.requireNonNull(sql, "sql");
        for (Object arg : args) {
            if (arg != null && !(arg instanceof Long || arg instanceof Double || arg instanceof String
                    || arg instanceof byte[])) {
                throw new IllegalArgumentException("a Hrana argument is null, Long, Double, String or byte[], not "
                        + arg.getClass().getName());
            }
        }
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    static Stmt of(String sql, Object... args) {
        return new Stmt(sql, java.util.Arrays.asList(args), true);
    }
}
