package dev.attic.metadata.libsql;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * The part of a {@link java.sql.PreparedStatement} (and plain {@link java.sql.Statement}) this driver does not offer: every method throws
 * {@link SQLFeatureNotSupportedException} naming itself. Generated from the interface; the
 * subclass overrides what JDBI, Flyway and the metadata queries call.
 */
@SuppressWarnings({"unused", "deprecation"})
abstract class UnsupportedPreparedStatement implements java.sql.PreparedStatement {
    @Override
    public void addBatch() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.addBatch is not supported");
    }

    @Override
    public void addBatch(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.addBatch is not supported");
    }

    @Override
    public void cancel() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.cancel is not supported");
    }

    @Override
    public void clearBatch() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.clearBatch is not supported");
    }

    @Override
    public void clearParameters() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.clearParameters is not supported");
    }

    @Override
    public void clearWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.clearWarnings is not supported");
    }

    @Override
    public void close() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.close is not supported");
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.closeOnCompletion is not supported");
    }

    @Override
    public boolean execute() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.execute is not supported");
    }

    @Override
    public boolean execute(java.lang.String p0, int[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.execute is not supported");
    }

    @Override
    public boolean execute(java.lang.String p0, java.lang.String[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.execute is not supported");
    }

    @Override
    public boolean execute(java.lang.String p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.execute is not supported");
    }

    @Override
    public boolean execute(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.execute is not supported");
    }

    @Override
    public int[] executeBatch() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.executeBatch is not supported");
    }

    @Override
    public java.sql.ResultSet executeQuery() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.executeQuery is not supported");
    }

    @Override
    public java.sql.ResultSet executeQuery(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.executeQuery is not supported");
    }

    @Override
    public int executeUpdate() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.executeUpdate is not supported");
    }

    @Override
    public int executeUpdate(java.lang.String p0, int[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.executeUpdate is not supported");
    }

    @Override
    public int executeUpdate(java.lang.String p0, java.lang.String[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.executeUpdate is not supported");
    }

    @Override
    public int executeUpdate(java.lang.String p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.executeUpdate is not supported");
    }

    @Override
    public int executeUpdate(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.executeUpdate is not supported");
    }

    @Override
    public java.sql.Connection getConnection() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.getConnection is not supported");
    }

    @Override
    public int getFetchDirection() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.getFetchDirection is not supported");
    }

    @Override
    public int getFetchSize() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.getFetchSize is not supported");
    }

    @Override
    public java.sql.ResultSet getGeneratedKeys() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.getGeneratedKeys is not supported");
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.getMaxFieldSize is not supported");
    }

    @Override
    public int getMaxRows() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.getMaxRows is not supported");
    }

    @Override
    public java.sql.ResultSetMetaData getMetaData() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.getMetaData is not supported");
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.getMoreResults is not supported");
    }

    @Override
    public boolean getMoreResults(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.getMoreResults is not supported");
    }

    @Override
    public java.sql.ParameterMetaData getParameterMetaData() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.getParameterMetaData is not supported");
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.getQueryTimeout is not supported");
    }

    @Override
    public java.sql.ResultSet getResultSet() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.getResultSet is not supported");
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.getResultSetConcurrency is not supported");
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.getResultSetHoldability is not supported");
    }

    @Override
    public int getResultSetType() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.getResultSetType is not supported");
    }

    @Override
    public int getUpdateCount() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.getUpdateCount is not supported");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.getWarnings is not supported");
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.isCloseOnCompletion is not supported");
    }

    @Override
    public boolean isClosed() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.isClosed is not supported");
    }

    @Override
    public boolean isPoolable() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.isPoolable is not supported");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Wrapper.isWrapperFor is not supported");
    }

    @Override
    public void setArray(int p0, java.sql.Array p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setArray is not supported");
    }

    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setAsciiStream is not supported");
    }

    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setAsciiStream is not supported");
    }

    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setAsciiStream is not supported");
    }

    @Override
    public void setBigDecimal(int p0, java.math.BigDecimal p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setBigDecimal is not supported");
    }

    @Override
    public void setBinaryStream(int p0, java.io.InputStream p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setBinaryStream is not supported");
    }

    @Override
    public void setBinaryStream(int p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setBinaryStream is not supported");
    }

    @Override
    public void setBinaryStream(int p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setBinaryStream is not supported");
    }

    @Override
    public void setBlob(int p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setBlob is not supported");
    }

    @Override
    public void setBlob(int p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setBlob is not supported");
    }

    @Override
    public void setBlob(int p0, java.sql.Blob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setBlob is not supported");
    }

    @Override
    public void setBoolean(int p0, boolean p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setBoolean is not supported");
    }

    @Override
    public void setByte(int p0, byte p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setByte is not supported");
    }

    @Override
    public void setBytes(int p0, byte[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setBytes is not supported");
    }

    @Override
    public void setCharacterStream(int p0, java.io.Reader p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setCharacterStream is not supported");
    }

    @Override
    public void setCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setCharacterStream is not supported");
    }

    @Override
    public void setCharacterStream(int p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setCharacterStream is not supported");
    }

    @Override
    public void setClob(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setClob is not supported");
    }

    @Override
    public void setClob(int p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setClob is not supported");
    }

    @Override
    public void setClob(int p0, java.sql.Clob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setClob is not supported");
    }

    @Override
    public void setCursorName(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.setCursorName is not supported");
    }

    @Override
    public void setDate(int p0, java.sql.Date p1, java.util.Calendar p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setDate is not supported");
    }

    @Override
    public void setDate(int p0, java.sql.Date p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setDate is not supported");
    }

    @Override
    public void setDouble(int p0, double p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setDouble is not supported");
    }

    @Override
    public void setEscapeProcessing(boolean p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.setEscapeProcessing is not supported");
    }

    @Override
    public void setFetchDirection(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.setFetchDirection is not supported");
    }

    @Override
    public void setFetchSize(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.setFetchSize is not supported");
    }

    @Override
    public void setFloat(int p0, float p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setFloat is not supported");
    }

    @Override
    public void setInt(int p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setInt is not supported");
    }

    @Override
    public void setLong(int p0, long p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setLong is not supported");
    }

    @Override
    public void setMaxFieldSize(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.setMaxFieldSize is not supported");
    }

    @Override
    public void setMaxRows(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.setMaxRows is not supported");
    }

    @Override
    public void setNCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setNCharacterStream is not supported");
    }

    @Override
    public void setNCharacterStream(int p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setNCharacterStream is not supported");
    }

    @Override
    public void setNClob(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setNClob is not supported");
    }

    @Override
    public void setNClob(int p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setNClob is not supported");
    }

    @Override
    public void setNClob(int p0, java.sql.NClob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setNClob is not supported");
    }

    @Override
    public void setNString(int p0, java.lang.String p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setNString is not supported");
    }

    @Override
    public void setNull(int p0, int p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setNull is not supported");
    }

    @Override
    public void setNull(int p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setNull is not supported");
    }

    @Override
    public void setObject(int p0, java.lang.Object p1, int p2, int p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setObject is not supported");
    }

    @Override
    public void setObject(int p0, java.lang.Object p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setObject is not supported");
    }

    @Override
    public void setObject(int p0, java.lang.Object p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setObject is not supported");
    }

    @Override
    public void setPoolable(boolean p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.setPoolable is not supported");
    }

    @Override
    public void setQueryTimeout(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Statement.setQueryTimeout is not supported");
    }

    @Override
    public void setRef(int p0, java.sql.Ref p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setRef is not supported");
    }

    @Override
    public void setRowId(int p0, java.sql.RowId p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setRowId is not supported");
    }

    @Override
    public void setSQLXML(int p0, java.sql.SQLXML p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setSQLXML is not supported");
    }

    @Override
    public void setShort(int p0, short p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setShort is not supported");
    }

    @Override
    public void setString(int p0, java.lang.String p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setString is not supported");
    }

    @Override
    public void setTime(int p0, java.sql.Time p1, java.util.Calendar p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setTime is not supported");
    }

    @Override
    public void setTime(int p0, java.sql.Time p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setTime is not supported");
    }

    @Override
    public void setTimestamp(int p0, java.sql.Timestamp p1, java.util.Calendar p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setTimestamp is not supported");
    }

    @Override
    public void setTimestamp(int p0, java.sql.Timestamp p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setTimestamp is not supported");
    }

    @Override
    public void setURL(int p0, java.net.URL p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setURL is not supported");
    }

    @Override
    public void setUnicodeStream(int p0, java.io.InputStream p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: PreparedStatement.setUnicodeStream is not supported");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Wrapper.unwrap is not supported");
    }
}
