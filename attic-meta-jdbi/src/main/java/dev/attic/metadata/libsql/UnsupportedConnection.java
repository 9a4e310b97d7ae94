package dev.attic.metadata.libsql;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * The part of a {@link java.sql.Connection} this driver does not offer: every method throws
 * {@link SQLFeatureNotSupportedException} naming itself. Generated from the interface; the
 * subclass overrides what JDBI, Flyway and the metadata queries call.
 */
@SuppressWarnings({"unused", "deprecation"})
abstract class UnsupportedConnection implements java.sql.Connection {
    @Override
    public void abort(java.util.concurrent.Executor p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.abort is not supported");
    }

    @Override
    public void clearWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.clearWarnings is not supported");
    }

    @Override
    public void close() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.close is not supported");
    }

    @Override
    public void commit() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.commit is not supported");
    }

    @Override
    public java.sql.Array createArrayOf(java.lang.String p0, java.lang.Object[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.createArrayOf is not supported");
    }

    @Override
    public java.sql.Blob createBlob() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.createBlob is not supported");
    }

    @Override
    public java.sql.Clob createClob() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.createClob is not supported");
    }

    @Override
    public java.sql.NClob createNClob() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.createNClob is not supported");
    }

    @Override
    public java.sql.SQLXML createSQLXML() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.createSQLXML is not supported");
    }

    @Override
    public java.sql.Statement createStatement() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.createStatement is not supported");
    }

    @Override
    public java.sql.Statement createStatement(int p0, int p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.createStatement is not supported");
    }

    @Override
    public java.sql.Statement createStatement(int p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.createStatement is not supported");
    }

    @Override
    public java.sql.Struct createStruct(java.lang.String p0, java.lang.Object[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.createStruct is not supported");
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.getAutoCommit is not supported");
    }

    @Override
    public java.lang.String getCatalog() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.getCatalog is not supported");
    }

    @Override
    public java.util.Properties getClientInfo() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.getClientInfo is not supported");
    }

    @Override
    public java.lang.String getClientInfo(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.getClientInfo is not supported");
    }

    @Override
    public int getHoldability() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.getHoldability is not supported");
    }

    @Override
    public java.sql.DatabaseMetaData getMetaData() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.getMetaData is not supported");
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.getNetworkTimeout is not supported");
    }

    @Override
    public java.lang.String getSchema() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.getSchema is not supported");
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.getTransactionIsolation is not supported");
    }

    @Override
    public java.util.Map<java.lang.String, java.lang.Class<?>> getTypeMap() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.getTypeMap is not supported");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.getWarnings is not supported");
    }

    @Override
    public boolean isClosed() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.isClosed is not supported");
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.isReadOnly is not supported");
    }

    @Override
    public boolean isValid(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.isValid is not supported");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Wrapper.isWrapperFor is not supported");
    }

    @Override
    public java.lang.String nativeSQL(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.nativeSQL is not supported");
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String p0, int p1, int p2, int p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.prepareCall is not supported");
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String p0, int p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.prepareCall is not supported");
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.prepareCall is not supported");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0, int[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.prepareStatement is not supported");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0, java.lang.String[] p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.prepareStatement is not supported");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0, int p1, int p2, int p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.prepareStatement is not supported");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0, int p1, int p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.prepareStatement is not supported");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.prepareStatement is not supported");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.prepareStatement is not supported");
    }

    @Override
    public void releaseSavepoint(java.sql.Savepoint p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.releaseSavepoint is not supported");
    }

    @Override
    public void rollback() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.rollback is not supported");
    }

    @Override
    public void rollback(java.sql.Savepoint p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.rollback is not supported");
    }

    @Override
    public void setAutoCommit(boolean p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.setAutoCommit is not supported");
    }

    @Override
    public void setCatalog(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.setCatalog is not supported");
    }

    @Override
    public void setHoldability(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.setHoldability is not supported");
    }

    @Override
    public void setNetworkTimeout(java.util.concurrent.Executor p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.setNetworkTimeout is not supported");
    }

    @Override
    public void setReadOnly(boolean p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.setReadOnly is not supported");
    }

    @Override
    public java.sql.Savepoint setSavepoint() throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.setSavepoint is not supported");
    }

    @Override
    public java.sql.Savepoint setSavepoint(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.setSavepoint is not supported");
    }

    @Override
    public void setSchema(java.lang.String p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.setSchema is not supported");
    }

    @Override
    public void setTransactionIsolation(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.setTransactionIsolation is not supported");
    }

    @Override
    public void setTypeMap(java.util.Map<java.lang.String, java.lang.Class<?>> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Connection.setTypeMap is not supported");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("libSQL driver: Wrapper.unwrap is not supported");
    }
}
