package dev.attic.metadata.libsql;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.sql.Types;
import java.util.Locale;

/** Column names and (from the declared types, by SQLite's affinity rules) their JDBC types. */
final class LibsqlResultSetMetaData implements ResultSetMetaData {
    private final StatementResult result;

    LibsqlResultSetMetaData(StatementResult result) {
        this.result = result;
    }

    private String declared(int column) throws SQLException {
        if (column < 1 || column > result.columns().size()) {
            throw new SQLNonTransientException("no column " + column);
        }
        String t = result.declaredTypes().get(column - 1);
        return t == null ? "" : t.toUpperCase(Locale.ROOT);
    }

    @Override
    public int getColumnCount() {
        return result.columns().size();
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        declared(column);
        return result.columns().get(column - 1);
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return getColumnLabel(column);
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        String t = declared(column);
        if (t.contains("INT")) {
            return Types.BIGINT;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return Types.VARCHAR;
        }
        if (t.contains("BLOB")) {
            return Types.BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return Types.DOUBLE;
        }
        if (t.contains("BOOL")) {
            return Types.BOOLEAN;
        }
        return t.isEmpty() ? Types.OTHER : Types.NUMERIC;
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return declared(column);
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return switch (getColumnType(column)) {
            case Types.BIGINT, Types.BOOLEAN -> Long.class.getName();
            case Types.VARCHAR -> String.class.getName();
            case Types.BLOB -> byte[].class.getName();
            case Types.DOUBLE -> Double.class.getName();
            default -> Object.class.getName();
        };
    }

    @Override
    public int isNullable(int column) throws SQLException {
        declared(column);
        return columnNullableUnknown;
    }

    @Override
    public boolean isAutoIncrement(int column) {
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) {
        return true;
    }

    @Override
    public boolean isSearchable(int column) {
        return true;
    }

    @Override
    public boolean isCurrency(int column) {
        return false;
    }

    @Override
    public boolean isSigned(int column) {
        return true;
    }

    @Override
    public int getColumnDisplaySize(int column) {
        return Integer.MAX_VALUE;
    }

    @Override
    public String getSchemaName(int column) {
        return "";
    }

    @Override
    public int getPrecision(int column) {
        return 0;
    }

    @Override
    public int getScale(int column) {
        return 0;
    }

    @Override
    public String getTableName(int column) {
        return "";
    }

    @Override
    public String getCatalogName(int column) {
        return "";
    }

    @Override
    public boolean isReadOnly(int column) {
        return true;
    }

    @Override
    public boolean isWritable(int column) {
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) {
        return false;
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
}
