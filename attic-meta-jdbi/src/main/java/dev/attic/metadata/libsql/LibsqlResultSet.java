package dev.attic.metadata.libsql;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;

/**
 * The rows of one statement, read forward. Getters convert as SQLite does between its five types
 * (an integer read as text is its decimal form, and so on); a value that cannot be converted is a
 * {@link SQLDataException}.
 */
final class LibsqlResultSet extends UnsupportedResultSet {
    private final LibsqlStatement statement;
    private final StatementResult result;
    private final int rowCount;
    private int row = -1;
    private boolean wasNull;
    private boolean closed;

    LibsqlResultSet(LibsqlStatement statement, StatementResult result, int maxRows) {
        this.statement = statement;
        this.result = result;
        this.rowCount = maxRows > 0 ? Math.min(maxRows, result.rows().size()) : result.rows().size();
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (row < rowCount) {
            row++;
        }
        return row < rowCount;
    }

    private Object value(int column) throws SQLException {
        checkOpen();
        if (row < 0 || row >= rowCount) {
            throw new SQLNonTransientException("the cursor is not on a row", "24000");
        }
        if (column < 1 || column > result.columns().size()) {
            throw new SQLNonTransientException("no column " + column + " (there are " + result.columns().size() + ")");
        }
        Object v = result.rows().get(row).get(column - 1);
        wasNull = v == null;
        return v;
    }

    @Override
    public boolean wasNull() {
        return wasNull;
    }

    @Override
    public int findColumn(String label) throws SQLException {
        List<String> columns = result.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        throw new SQLNonTransientException("no column " + label + " in " + columns);
    }

    @Override
    public Object getObject(int column) throws SQLException {
        Object v = value(column);
        return v instanceof byte[] b ? b.clone() : v;
    }

    @Override
    public String getString(int column) throws SQLException {
        Object v = value(column);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        return v.toString();
    }

    @Override
    public long getLong(int column) throws SQLException {
        Object v = value(column);
        if (v == null) {
            return 0;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return d.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw new SQLDataException("column " + column + " is not an integer: " + s, "22018", e);
            }
        }
        throw new SQLDataException("column " + column + " is a blob, not an integer", "22018");
    }

    @Override
    public int getInt(int column) throws SQLException {
        long v = getLong(column);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new SQLDataException("column " + column + " does not fit an int: " + v, "22003");
        }
        return (int) v;
    }

    @Override
    public short getShort(int column) throws SQLException {
        long v = getLong(column);
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw new SQLDataException("column " + column + " does not fit a short: " + v, "22003");
        }
        return (short) v;
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        Object v = value(column);
        if (v instanceof String s) {
            return !(s.equals("0") || s.equalsIgnoreCase("false") || s.isEmpty());
        }
        return v != null && getDouble(column) != 0;
    }

    @Override
    public double getDouble(int column) throws SQLException {
        Object v = value(column);
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw new SQLDataException("column " + column + " is not a number: " + s, "22018", e);
            }
        }
        throw new SQLDataException("column " + column + " is a blob, not a number", "22018");
    }

    @Override
    public float getFloat(int column) throws SQLException {
        return (float) getDouble(column);
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        Object v = value(column);
        if (v == null) {
            return null;
        }
        if (v instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        try {
            return new BigDecimal(v instanceof Double d ? d.toString() : getString(column).strip());
        } catch (NumberFormatException e) {
            throw new SQLDataException("column " + column + " is not a number", "22018", e);
        }
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        Object v = value(column);
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        return getString(column).getBytes(StandardCharsets.UTF_8);
    }

    /** Epoch milliseconds, or SQLite's text form {@code YYYY-MM-DD HH:MM:SS[.SSS]} (UTC as stored). */
    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        Object v = value(column);
        if (v == null) {
            return null;
        }
        if (v instanceof Long l) {
            return new Timestamp(l);
        }
        try {
            return Timestamp.valueOf(getString(column).strip().replace('T', ' '));
        } catch (IllegalArgumentException e) {
            throw new SQLDataException("column " + column + " is not a timestamp: " + v, "22007", e);
        }
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new LibsqlResultSetMetaData(result);
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLNonTransientException("this result set is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public boolean isBeforeFirst() {
        return row < 0 && rowCount > 0;
    }

    @Override
    public boolean isAfterLast() {
        return row >= rowCount && rowCount > 0;
    }

    @Override
    public int getRow() {
        return row >= 0 && row < rowCount ? row + 1 : 0;
    }

    @Override
    public int getType() {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getFetchDirection() {
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (direction != ResultSet.FETCH_FORWARD) {
            throw new SQLFeatureNotSupportedException("libSQL driver: results are read forward only");
        }
    }

    @Override
    public int getFetchSize() {
        return 0;
    }

    @Override
    public void setFetchSize(int rows) {
        // the whole result is already here
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
        // no warnings are kept
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
