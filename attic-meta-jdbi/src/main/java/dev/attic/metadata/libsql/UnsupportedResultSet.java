package dev.attic.metadata.libsql;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * The part of a {@link java.sql.ResultSet} this driver does not offer: every method throws
 * {@link SQLFeatureNotSupportedException} naming itself. Generated from the interface; the
 * subclass overrides what JDBI, Flyway and the metadata queries call.
 */
@SuppressWarnings({"unused", "deprecation"})
abstract class UnsupportedResultSet implements java.sql.ResultSet {
    @Override
    public boolean absolute(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.absolute is not supported");
    }

    @Override
    public void afterLast() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.afterLast is not supported");
    }

    @Override
    public void beforeFirst() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.beforeFirst is not supported");
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.cancelRowUpdates is not supported");
    }

    @Override
    public void clearWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.clearWarnings is not supported");
    }

    @Override
    public void close() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.close is not supported");
    }

    @Override
    public void deleteRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.deleteRow is not supported");
    }

    @Override
    public int findColumn(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.findColumn is not supported");
    }

    @Override
    public boolean first() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.first is not supported");
    }

    @Override
    public java.sql.Array getArray(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getArray is not supported");
    }

    @Override
    public java.sql.Array getArray(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getArray is not supported");
    }

    @Override
    public java.io.InputStream getAsciiStream(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getAsciiStream is not supported");
    }

    @Override
    public java.io.InputStream getAsciiStream(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getAsciiStream is not supported");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(java.lang.String p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getBigDecimal is not supported");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getBigDecimal is not supported");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getBigDecimal is not supported");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getBigDecimal is not supported");
    }

    @Override
    public java.io.InputStream getBinaryStream(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getBinaryStream is not supported");
    }

    @Override
    public java.io.InputStream getBinaryStream(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getBinaryStream is not supported");
    }

    @Override
    public java.sql.Blob getBlob(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getBlob is not supported");
    }

    @Override
    public java.sql.Blob getBlob(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getBlob is not supported");
    }

    @Override
    public boolean getBoolean(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getBoolean is not supported");
    }

    @Override
    public boolean getBoolean(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getBoolean is not supported");
    }

    @Override
    public byte getByte(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getByte is not supported");
    }

    @Override
    public byte getByte(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getByte is not supported");
    }

    @Override
    public byte[] getBytes(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getBytes is not supported");
    }

    @Override
    public byte[] getBytes(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getBytes is not supported");
    }

    @Override
    public java.io.Reader getCharacterStream(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getCharacterStream is not supported");
    }

    @Override
    public java.io.Reader getCharacterStream(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getCharacterStream is not supported");
    }

    @Override
    public java.sql.Clob getClob(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getClob is not supported");
    }

    @Override
    public java.sql.Clob getClob(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getClob is not supported");
    }

    @Override
    public int getConcurrency() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getConcurrency is not supported");
    }

    @Override
    public java.lang.String getCursorName() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getCursorName is not supported");
    }

    @Override
    public java.sql.Date getDate(java.lang.String p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getDate is not supported");
    }

    @Override
    public java.sql.Date getDate(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getDate is not supported");
    }

    @Override
    public java.sql.Date getDate(int p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getDate is not supported");
    }

    @Override
    public java.sql.Date getDate(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getDate is not supported");
    }

    @Override
    public double getDouble(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getDouble is not supported");
    }

    @Override
    public double getDouble(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getDouble is not supported");
    }

    @Override
    public int getFetchDirection() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getFetchDirection is not supported");
    }

    @Override
    public int getFetchSize() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getFetchSize is not supported");
    }

    @Override
    public float getFloat(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getFloat is not supported");
    }

    @Override
    public float getFloat(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getFloat is not supported");
    }

    @Override
    public int getHoldability() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getHoldability is not supported");
    }

    @Override
    public int getInt(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getInt is not supported");
    }

    @Override
    public int getInt(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getInt is not supported");
    }

    @Override
    public long getLong(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getLong is not supported");
    }

    @Override
    public long getLong(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getLong is not supported");
    }

    @Override
    public java.sql.ResultSetMetaData getMetaData() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getMetaData is not supported");
    }

    @Override
    public java.io.Reader getNCharacterStream(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getNCharacterStream is not supported");
    }

    @Override
    public java.io.Reader getNCharacterStream(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getNCharacterStream is not supported");
    }

    @Override
    public java.sql.NClob getNClob(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getNClob is not supported");
    }

    @Override
    public java.sql.NClob getNClob(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getNClob is not supported");
    }

    @Override
    public java.lang.String getNString(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getNString is not supported");
    }

    @Override
    public java.lang.String getNString(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getNString is not supported");
    }

    @Override
    public <T> T getObject(java.lang.String p0, java.lang.Class<T> p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getObject is not supported");
    }

    @Override
    public java.lang.Object getObject(java.lang.String p0, java.util.Map<java.lang.String, java.lang.Class<?>> p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getObject is not supported");
    }

    @Override
    public java.lang.Object getObject(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getObject is not supported");
    }

    @Override
    public <T> T getObject(int p0, java.lang.Class<T> p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getObject is not supported");
    }

    @Override
    public java.lang.Object getObject(int p0, java.util.Map<java.lang.String, java.lang.Class<?>> p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getObject is not supported");
    }

    @Override
    public java.lang.Object getObject(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getObject is not supported");
    }

    @Override
    public java.sql.Ref getRef(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getRef is not supported");
    }

    @Override
    public java.sql.Ref getRef(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getRef is not supported");
    }

    @Override
    public int getRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getRow is not supported");
    }

    @Override
    public java.sql.RowId getRowId(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getRowId is not supported");
    }

    @Override
    public java.sql.RowId getRowId(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getRowId is not supported");
    }

    @Override
    public java.sql.SQLXML getSQLXML(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getSQLXML is not supported");
    }

    @Override
    public java.sql.SQLXML getSQLXML(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getSQLXML is not supported");
    }

    @Override
    public short getShort(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getShort is not supported");
    }

    @Override
    public short getShort(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getShort is not supported");
    }

    @Override
    public java.sql.Statement getStatement() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getStatement is not supported");
    }

    @Override
    public java.lang.String getString(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getString is not supported");
    }

    @Override
    public java.lang.String getString(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getString is not supported");
    }

    @Override
    public java.sql.Time getTime(java.lang.String p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getTime is not supported");
    }

    @Override
    public java.sql.Time getTime(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getTime is not supported");
    }

    @Override
    public java.sql.Time getTime(int p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getTime is not supported");
    }

    @Override
    public java.sql.Time getTime(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getTime is not supported");
    }

    @Override
    public java.sql.Timestamp getTimestamp(java.lang.String p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getTimestamp is not supported");
    }

    @Override
    public java.sql.Timestamp getTimestamp(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getTimestamp is not supported");
    }

    @Override
    public java.sql.Timestamp getTimestamp(int p0, java.util.Calendar p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getTimestamp is not supported");
    }

    @Override
    public java.sql.Timestamp getTimestamp(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getTimestamp is not supported");
    }

    @Override
    public int getType() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getType is not supported");
    }

    @Override
    public java.net.URL getURL(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getURL is not supported");
    }

    @Override
    public java.net.URL getURL(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getURL is not supported");
    }

    @Override
    public java.io.InputStream getUnicodeStream(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getUnicodeStream is not supported");
    }

    @Override
    public java.io.InputStream getUnicodeStream(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getUnicodeStream is not supported");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.getWarnings is not supported");
    }

    @Override
    public void insertRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.insertRow is not supported");
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.isAfterLast is not supported");
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.isBeforeFirst is not supported");
    }

    @Override
    public boolean isClosed() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.isClosed is not supported");
    }

    @Override
    public boolean isFirst() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.isFirst is not supported");
    }

    @Override
    public boolean isLast() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.isLast is not supported");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Wrapper.isWrapperFor is not supported");
    }

    @Override
    public boolean last() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.last is not supported");
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.moveToCurrentRow is not supported");
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.moveToInsertRow is not supported");
    }

    @Override
    public boolean next() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.next is not supported");
    }

    @Override
    public boolean previous() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.previous is not supported");
    }

    @Override
    public void refreshRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.refreshRow is not supported");
    }

    @Override
    public boolean relative(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.relative is not supported");
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.rowDeleted is not supported");
    }

    @Override
    public boolean rowInserted() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.rowInserted is not supported");
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.rowUpdated is not supported");
    }

    @Override
    public void setFetchDirection(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.setFetchDirection is not supported");
    }

    @Override
    public void setFetchSize(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.setFetchSize is not supported");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Wrapper.unwrap is not supported");
    }

    @Override
    public void updateArray(java.lang.String p0, java.sql.Array p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateArray is not supported");
    }

    @Override
    public void updateArray(int p0, java.sql.Array p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateArray is not supported");
    }

    @Override
    public void updateAsciiStream(java.lang.String p0, java.io.InputStream p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateAsciiStream is not supported");
    }

    @Override
    public void updateAsciiStream(java.lang.String p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateAsciiStream is not supported");
    }

    @Override
    public void updateAsciiStream(java.lang.String p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateAsciiStream is not supported");
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateAsciiStream is not supported");
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateAsciiStream is not supported");
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateAsciiStream is not supported");
    }

    @Override
    public void updateBigDecimal(java.lang.String p0, java.math.BigDecimal p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBigDecimal is not supported");
    }

    @Override
    public void updateBigDecimal(int p0, java.math.BigDecimal p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBigDecimal is not supported");
    }

    @Override
    public void updateBinaryStream(java.lang.String p0, java.io.InputStream p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBinaryStream is not supported");
    }

    @Override
    public void updateBinaryStream(java.lang.String p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBinaryStream is not supported");
    }

    @Override
    public void updateBinaryStream(java.lang.String p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBinaryStream is not supported");
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBinaryStream is not supported");
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBinaryStream is not supported");
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBinaryStream is not supported");
    }

    @Override
    public void updateBlob(java.lang.String p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBlob is not supported");
    }

    @Override
    public void updateBlob(java.lang.String p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBlob is not supported");
    }

    @Override
    public void updateBlob(java.lang.String p0, java.sql.Blob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBlob is not supported");
    }

    @Override
    public void updateBlob(int p0, java.io.InputStream p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBlob is not supported");
    }

    @Override
    public void updateBlob(int p0, java.io.InputStream p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBlob is not supported");
    }

    @Override
    public void updateBlob(int p0, java.sql.Blob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBlob is not supported");
    }

    @Override
    public void updateBoolean(java.lang.String p0, boolean p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBoolean is not supported");
    }

    @Override
    public void updateBoolean(int p0, boolean p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBoolean is not supported");
    }

    @Override
    public void updateByte(java.lang.String p0, byte p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateByte is not supported");
    }

    @Override
    public void updateByte(int p0, byte p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateByte is not supported");
    }

    @Override
    public void updateBytes(java.lang.String p0, byte[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBytes is not supported");
    }

    @Override
    public void updateBytes(int p0, byte[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateBytes is not supported");
    }

    @Override
    public void updateCharacterStream(java.lang.String p0, java.io.Reader p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateCharacterStream is not supported");
    }

    @Override
    public void updateCharacterStream(java.lang.String p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateCharacterStream is not supported");
    }

    @Override
    public void updateCharacterStream(java.lang.String p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateCharacterStream is not supported");
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateCharacterStream is not supported");
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateCharacterStream is not supported");
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateCharacterStream is not supported");
    }

    @Override
    public void updateClob(java.lang.String p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateClob is not supported");
    }

    @Override
    public void updateClob(java.lang.String p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateClob is not supported");
    }

    @Override
    public void updateClob(java.lang.String p0, java.sql.Clob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateClob is not supported");
    }

    @Override
    public void updateClob(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateClob is not supported");
    }

    @Override
    public void updateClob(int p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateClob is not supported");
    }

    @Override
    public void updateClob(int p0, java.sql.Clob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateClob is not supported");
    }

    @Override
    public void updateDate(java.lang.String p0, java.sql.Date p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateDate is not supported");
    }

    @Override
    public void updateDate(int p0, java.sql.Date p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateDate is not supported");
    }

    @Override
    public void updateDouble(java.lang.String p0, double p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateDouble is not supported");
    }

    @Override
    public void updateDouble(int p0, double p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateDouble is not supported");
    }

    @Override
    public void updateFloat(java.lang.String p0, float p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateFloat is not supported");
    }

    @Override
    public void updateFloat(int p0, float p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateFloat is not supported");
    }

    @Override
    public void updateInt(java.lang.String p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateInt is not supported");
    }

    @Override
    public void updateInt(int p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateInt is not supported");
    }

    @Override
    public void updateLong(java.lang.String p0, long p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateLong is not supported");
    }

    @Override
    public void updateLong(int p0, long p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateLong is not supported");
    }

    @Override
    public void updateNCharacterStream(java.lang.String p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateNCharacterStream is not supported");
    }

    @Override
    public void updateNCharacterStream(java.lang.String p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateNCharacterStream is not supported");
    }

    @Override
    public void updateNCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateNCharacterStream is not supported");
    }

    @Override
    public void updateNCharacterStream(int p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateNCharacterStream is not supported");
    }

    @Override
    public void updateNClob(java.lang.String p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateNClob is not supported");
    }

    @Override
    public void updateNClob(java.lang.String p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateNClob is not supported");
    }

    @Override
    public void updateNClob(java.lang.String p0, java.sql.NClob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateNClob is not supported");
    }

    @Override
    public void updateNClob(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateNClob is not supported");
    }

    @Override
    public void updateNClob(int p0, java.io.Reader p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateNClob is not supported");
    }

    @Override
    public void updateNClob(int p0, java.sql.NClob p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateNClob is not supported");
    }

    @Override
    public void updateNString(java.lang.String p0, java.lang.String p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateNString is not supported");
    }

    @Override
    public void updateNString(int p0, java.lang.String p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateNString is not supported");
    }

    @Override
    public void updateNull(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateNull is not supported");
    }

    @Override
    public void updateNull(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateNull is not supported");
    }

    @Override
    public void updateObject(java.lang.String p0, java.lang.Object p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateObject is not supported");
    }

    @Override
    public void updateObject(java.lang.String p0, java.lang.Object p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateObject is not supported");
    }

    @Override
    public void updateObject(int p0, java.lang.Object p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateObject is not supported");
    }

    @Override
    public void updateObject(int p0, java.lang.Object p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateObject is not supported");
    }

    @Override
    public void updateRef(java.lang.String p0, java.sql.Ref p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateRef is not supported");
    }

    @Override
    public void updateRef(int p0, java.sql.Ref p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateRef is not supported");
    }

    @Override
    public void updateRow() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateRow is not supported");
    }

    @Override
    public void updateRowId(java.lang.String p0, java.sql.RowId p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateRowId is not supported");
    }

    @Override
    public void updateRowId(int p0, java.sql.RowId p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateRowId is not supported");
    }

    @Override
    public void updateSQLXML(java.lang.String p0, java.sql.SQLXML p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateSQLXML is not supported");
    }

    @Override
    public void updateSQLXML(int p0, java.sql.SQLXML p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateSQLXML is not supported");
    }

    @Override
    public void updateShort(java.lang.String p0, short p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateShort is not supported");
    }

    @Override
    public void updateShort(int p0, short p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateShort is not supported");
    }

    @Override
    public void updateString(java.lang.String p0, java.lang.String p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateString is not supported");
    }

    @Override
    public void updateString(int p0, java.lang.String p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateString is not supported");
    }

    @Override
    public void updateTime(java.lang.String p0, java.sql.Time p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateTime is not supported");
    }

    @Override
    public void updateTime(int p0, java.sql.Time p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateTime is not supported");
    }

    @Override
    public void updateTimestamp(java.lang.String p0, java.sql.Timestamp p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateTimestamp is not supported");
    }

    @Override
    public void updateTimestamp(int p0, java.sql.Timestamp p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.updateTimestamp is not supported");
    }

    @Override
    public boolean wasNull() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: ResultSet.wasNull is not supported");
    }
}
